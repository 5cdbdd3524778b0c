using Interpret.Core.Coreference;
using Interpret.Core.Models;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>Runs a coreference model over whole documents (any length: the explorer's 512-token limit is the
/// predictor's) and scores its clusters with the CoNLL-2012 metrics.</summary>
public static class CorefEvaluation
{
    /// <summary>The model's clusters for one tokenised document; singletons as <see cref="CorefDecoder"/> says.</summary>
    public static List<IReadOnlyList<MentionSpan>> Predict(CorefModel model, IReadOnlyList<string> tokens, bool singletons)
    {
        if (tokens.Count == 0) return [];
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var encoded = model.call(model.Lexicon.Encode([tokens]), NerLexicon.Mask([tokens.Count]));
        return CorefDecoder.Clusters(model.Score(encoded[0], tokens.Count), singletons, model.Config.SingletonThreshold);
    }

    /// <summary>CoNLL F1 (with singletons) of each singleton threshold on the documents, the model run once per document.</summary>
    public static Dictionary<double, double> SingletonThresholdSweep(CorefModel model, IReadOnlyList<CorefDocument> documents, IReadOnlyList<double> thresholds)
    {
        model.Freeze();
        var evaluators = thresholds.ToDictionary(t => t, _ => new CorefEvaluator());
        foreach (var document in documents)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var tokens = document.Tokens;
            var encoded = model.call(model.Lexicon.Encode([tokens]), NerLexicon.Mask([tokens.Count]));
            var scores = model.Score(encoded[0], tokens.Count);
            foreach (var t in thresholds) evaluators[t].Add(document.Clusters, CorefDecoder.Clusters(scores, true, t));
        }
        return evaluators.ToDictionary(e => e.Key, e => e.Value.ConllF1);
    }

    /// <param name="singletons">whether predictions include singleton clusters (yes when the gold annotates them)</param>
    /// <param name="nonSingletonKey">whether to drop gold singletons too (for sets annotated without them)</param>
    public static CorefEvaluator Score(CorefModel model, IEnumerable<CorefDocument> documents, bool singletons = true, bool nonSingletonKey = false)
    {
        model.Freeze();
        var evaluator = new CorefEvaluator();
        foreach (var document in documents)
        {
            var key = nonSingletonKey ? document.Clusters.Where(c => c.Count > 1).ToList() : document.Clusters;
            evaluator.Add(key, Predict(model, document.Tokens, singletons));
        }
        return evaluator;
    }
}
