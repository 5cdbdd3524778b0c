using Interpret.Core.Models.Bert;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>A one-field BERT sequence classifier: the text classifier predictor over [CLS] pieces [SEP], plus
/// attention maps, and HotFlip candidates limited to whole words.</summary>
public sealed class BertClassifierPredictor : TextClassifierPredictor, IAttentionPredictor
{
    readonly BertForSequenceClassification _model;
    readonly WordPieceVocabulary _vocabulary;
    readonly BertInputTokenizer _tokenizer;

    public BertClassifierPredictor(ModelInfo info, BertForSequenceClassification model, WordPieceVocabulary vocabulary, InputLimits? limits = null)
        : this(info, model, vocabulary, new BertInputTokenizer(new WordPieceTokenizer(vocabulary)), limits) { }

    BertClassifierPredictor(ModelInfo info, BertForSequenceClassification model, WordPieceVocabulary vocabulary, BertInputTokenizer tokenizer, InputLimits? limits)
        : base(info, model, vocabulary, tokenizer, limits)
    {
        if (info.InputFields.Count != 1) throw new ArgumentException($"{info.Id}: BERT classifiers here read one field, not {info.InputFields.Count}.");
        if (info.Labels.Count != model.Config.Labels.Count) throw new ArgumentException($"{info.Id}: {info.Labels.Count} labels for a model of {model.Config.Labels.Count} classes.");
        _model = model;
        _vocabulary = vocabulary;
        _tokenizer = tokenizer;
    }

    /// <summary>Dataset rows come as words; BERT reads them as the text they spell, cut into pieces and, as in
    /// fine-tuning, truncated to the model's positions (typed input over the limit is an input error instead).</summary>
    public override TextInstance FromTokens(IReadOnlyList<IReadOnlyList<string>> fields)
    {
        int limit = _model.Config.MaxPositions;
        return new TextInstance(Info.InputFields.Zip(fields).Select(f =>
        {
            var text = string.Join(' ', f.Second);
            var tokens = _tokenizer.Tokenize(text);
            if (tokens.Count > limit) tokens = [.. tokens.Take(limit - 1), tokens[^1]];
            return new Field(f.First, text, tokens);
        }).ToList());
    }

    public override bool IsValidReplacement(int id) => _vocabulary.IsWholeWord(id) && _vocabulary[id].All(char.IsLetterOrDigit);

    public AttentionMaps Attention(TextInstance input) => BertAttentionMaps.Of(_model.Bert, Info, input, _vocabulary);
}
