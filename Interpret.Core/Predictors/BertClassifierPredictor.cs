using Interpret.Core.Models.Bert;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>A BERT sequence classifier over one field ([CLS] pieces [SEP]) or a pair (then pieces [SEP]; each field's
/// tokens keep offsets into their own text): the text classifier predictor, plus attention maps, and HotFlip
/// candidates limited to whole words.</summary>
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
        if (info.InputFields.Count is < 1 or > 2) throw new ArgumentException($"{info.Id}: BERT classifiers read one field or a pair, not {info.InputFields.Count}.");
        if (info.Labels.Count != model.Config.Labels.Count) throw new ArgumentException($"{info.Id}: {info.Labels.Count} labels for a model of {model.Config.Labels.Count} classes.");
        _model = model;
        _vocabulary = vocabulary;
        _tokenizer = tokenizer;
    }

    protected override IReadOnlyList<Token> TokenizeField(int field, string text) => _tokenizer.Tokenize(text, field);

    /// <summary>A pair shares the model's positions, so their sum is limited too.</summary>
    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var instance = base.Tokenize(input);
        int total = instance.Fields.Sum(f => f.Tokens.Count);
        if (total > _model.Config.MaxPositions)
            throw new InputException($"{Info.Id} reads at most {_model.Config.MaxPositions} pieces in all, [CLS] and [SEP] included; {string.Join(" and ", instance.Fields.Select(f => $"'{f.Name}' has {f.Tokens.Count}"))}.");
        return instance;
    }

    /// <summary>Dataset rows come as words; BERT reads them as the text they spell, cut into pieces and, as in
    /// fine-tuning, truncated to the model's positions longest field first (typed input over the limit is an input
    /// error instead).</summary>
    public override TextInstance FromTokens(IReadOnlyList<IReadOnlyList<string>> fields)
    {
        var texts = fields.Select(f => string.Join(' ', f)).ToList();
        var tokens = texts.Select((text, f) => _tokenizer.Tokenize(text, f).ToList()).ToList();
        BertInputTokenizer.TruncateLongestFirst(tokens, _model.Config.MaxPositions);
        return new TextInstance(Info.InputFields.Select((name, f) => new Field(name, texts[f], tokens[f])).ToList());
    }

    public override bool IsValidReplacement(int id) => _vocabulary.IsWholeWord(id) && _vocabulary[id].All(char.IsLetterOrDigit);

    public AttentionMaps Attention(TextInstance input) => BertAttentionMaps.Of(_model.Bert, Info, input, _vocabulary);
}
