using Interpret.Core.Attacks;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed BiDAF reader loads from models/, keeps to the size budget, scores the validation articles of
/// SQuAD dev exactly as its manifest claims, and its question attacks leave the passage alone.</summary>
public class ShippedBidafModelTests
{
    const string Id = "rc-squad-bidaf";

    static string Folder => Path.Combine(RepositoryFiles.Models, Id);

    static ReadingComprehensionPredictor Load() => (ReadingComprehensionPredictor)ModelFolder.Load(Folder, new InputLimits(int.MaxValue, int.MaxValue));

    static IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> Validation() =>
        SquadReader.Questions(SquadSplit.Of(SquadReader.Read(Path.Combine(RepositoryFiles.SharedData, SquadSplit.File))).Validation).ToList();

    [Fact]
    public void Bidaf_validation_scores_match_the_manifest_and_the_folder_fits_the_budget()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder, ModelFolder.ManifestFile));
        Assert.True(manifest.Files.Sum(f => f.Bytes) <= 15_000_000);
        using var predictor = Load();
        var totals = ReaderEvaluation.Score(predictor, Validation());
        // Recorded by the same code after training; a different thread count may only move near-ties.
        Assert.Equal(manifest.Metrics["dev"]["f1"], totals.F1 / 100, 0.002);
        Assert.Equal(manifest.Metrics["dev"]["em"], totals.ExactMatch / 100, 0.002);
    }

    [Fact]
    public void Bidaf_answers_with_a_span_of_the_passage_and_question_attacks_keep_the_passage()
    {
        using var predictor = Load();
        var (paragraph, question) = Validation()[0];
        var input = predictor.Tokenize(new Dictionary<string, string> { ["question"] = question.Question, ["passage"] = paragraph.Context });
        var answer = predictor.Predict(input).Spans![0];
        Assert.Equal(paragraph.Context[answer.CharStart..answer.CharEnd], answer.Text);
        var flip = new HotFlip().RunToEnd(predictor, input, new MethodOptions { MaxFlips = 2 });
        Assert.Equal(input.Fields[1].Tokens, flip.FinalFields[1].Tokens);
    }
}
