using Interpret.Core.Data;

namespace Interpret.Core.ReadingComprehension;

/// <summary>Only SQuAD v1.1 dev is available, so it is split by article in file order: the first 38 articles train,
/// the last 10 validate (model selection only). Articles never straddle the split, so no passage is seen in both.</summary>
public static class SquadSplit
{
    public const string File = "squad/dev-v1.1.json";
    public const int TrainArticles = 38;

    public static (IReadOnlyList<SquadArticle> Train, IReadOnlyList<SquadArticle> Validation) Of(IReadOnlyList<SquadArticle> articles) =>
        (articles.Take(TrainArticles).ToList(), articles.Skip(TrainArticles).ToList());
}
