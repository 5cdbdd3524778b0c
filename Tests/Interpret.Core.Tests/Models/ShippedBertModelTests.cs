using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Training;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed transformers: the masked LM and the SST-2 classifier fine-tuned from it load from models/
/// (and, being HuggingFace folders, as plain checkpoints too), and score what their manifests claim.</summary>
public sealed class ShippedBertModelTests
{
    const string MaskedLm = "mlm-gutenberg-bert";
    const string Sentiment = "sentiment-sst2-bert";
    static readonly string[] HeldOutBooks = ["105_persuasion.txt", "215_the_call_of_the_wild.txt", "2852_the_hound_of_the_baskervilles.txt"];

    static string Folder(string id) => Path.Combine(RepositoryFiles.Models, id);

    [Fact]
    public void Masked_lm_predicts_a_word_for_each_mask_and_loads_as_a_plain_huggingface_checkpoint()
    {
        using var shipped = (MaskedLmPredictor)ModelFolder.Load(Folder(MaskedLm));
        using var plain = (MaskedLmPredictor)ModelFolder.LoadCheckpoint(Folder(MaskedLm), "plain");
        var text = new Dictionary<string, string> { ["text"] = "the nurse said that [MASK] was tired ." };
        var a = shipped.Predict(shipped.Tokenize(text)).Masks!.Single();
        var b = plain.Predict(plain.Tokenize(text)).Masks!.Single();
        Assert.Equal(a.Top.Select(w => w.Label), b.Top.Select(w => w.Label));
        Assert.All(a.Top, w => Assert.True(WordPieceVocabularyHas(w.Label)));
        // A trained masked LM puts a pronoun among its top 5 for the subject of "was tired".
        Assert.Contains(a.Top.Take(5).Select(w => w.Label), w => w is "she" or "he" or "i" or "it" or "they");
    }

    static bool WordPieceVocabularyHas(string word) =>
        WordPieceVocabulary.Load(Path.Combine(Folder(MaskedLm), BertCheckpoint.VocabularyFile)).Contains(word);

    [Fact]
    public void Masked_lm_held_out_accuracy_matches_the_manifest()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder(MaskedLm), ModelFolder.ManifestFile));
        var (module, config) = BertCheckpoint.Load(Folder(MaskedLm));
        using var model = (BertForMaskedLm)module;
        var vocabulary = WordPieceVocabulary.Load(Path.Combine(Folder(MaskedLm), BertCheckpoint.VocabularyFile));
        var tokenizer = new WordPieceTokenizer(vocabulary);
        var books = Path.Combine(RepositoryFiles.SharedData, "lm", "litbank_gutenberg", "books");
        var paragraphs = HeldOutBooks.SelectMany(b => BookCorpus.Read(Path.Combine(books, b)).Paragraphs)
            .Select(p => (IReadOnlyList<int>)tokenizer.Tokenize(p).Select(t => t.Id).ToArray());
        var sequences = MaskedLmSequences.Pack(paragraphs, config.MaxPositions, vocabulary.ClsId, vocabulary.SepId);
        var score = MaskedLmEvaluation.Measure(model, sequences, PieceRoles.FromTokens(vocabulary.Tokens, vocabulary.IdOf));
        // Same positions (fixed seed); float32 sums may order differently across thread counts, hence a small tolerance.
        Assert.Equal(manifest.Metrics["dev"]["top1"], score.Top1, 0.002);
        Assert.Equal(manifest.Metrics["dev"]["top5"], score.Top5, 0.002);
    }

    [Fact]
    public void Bert_sentiment_dev_accuracy_matches_the_manifest_and_it_gives_attention()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder(Sentiment), ModelFolder.ManifestFile));
        using var predictor = (BertClassifierPredictor)ModelFolder.Load(Folder(Sentiment));
        var rows = Sst2Reader.Read(Path.Combine(RepositoryFiles.SharedData, "sst2", "dev.tsv"));
        Assert.Equal(manifest.Metrics["dev"]["accuracy"], ClassifierEvaluation.Evaluate(predictor, rows)["accuracy"], 0.0012);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = "A moving, beautifully acted film." });
        var maps = predictor.Attention(input);
        Assert.Equal(input.Fields[0].Tokens.Count, maps.Tokens.Count);
        Assert.All(maps.Weights.SelectMany(layer => layer).SelectMany(head => head), row => Assert.Equal(1.0, row.Sum(), 5));
    }
}
