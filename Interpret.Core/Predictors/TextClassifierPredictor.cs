using Interpret.Core.Models;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>Predictor for text classifiers over one or more fields (sentiment; premise + hypothesis entailment):
/// one labeled instance, the predicted class. Each field is tokenised on its own (PTB words for the LSTMs,
/// [CLS] pieces [SEP] for a one-field BERT).</summary>
public class TextClassifierPredictor : Predictor
{
    readonly ITextClassifierModel _model;
    readonly ITextTokenizer _tokenizer;
    readonly IReadOnlyList<string> _labels;
    readonly IReadOnlyList<string> _fields;
    readonly InputLimits _limits;

    public TextClassifierPredictor(ModelInfo info, ITextClassifierModel model, Vocabulary vocabulary, bool lowerCase, InputLimits? limits = null)
        : this(info, model, vocabulary, new PtbTokenizer(lowerCase), limits) { }

    public TextClassifierPredictor(ModelInfo info, ITextClassifierModel model, ITokenVocabulary vocabulary, ITextTokenizer tokenizer, InputLimits? limits = null)
    {
        Info = info;
        _model = model;
        _model.Freeze();
        Vocabulary = vocabulary;
        _tokenizer = tokenizer;
        _labels = info.Labels;
        _fields = info.InputFields;
        _limits = limits ?? InputLimits.Default;
    }

    public override ModelInfo Info { get; }
    public override ITokenVocabulary Vocabulary { get; }
    protected override ITokenEmbeddingModel Model => _model;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.Where(k => !_fields.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"Unknown input field '{unknown[0]}'; {Info.Id} reads {string.Join(" and ", _fields.Select(f => $"'{f}'"))}.");
        return new TextInstance(_fields.Select((name, f) =>
        {
            var text = input.GetValueOrDefault(name);
            _limits.CheckText(name, text);
            var tokens = TokenizeField(f, text!);
            _limits.CheckTokens(name, tokens.Count);
            return new Field(name, text!, tokens);
        }).ToList());
    }

    /// <summary>One field's tokens; models that mark fields differently (BERT pairs) say so per field.</summary>
    protected virtual IReadOnlyList<Token> TokenizeField(int field, string text) => _tokenizer.Tokenize(text);

    /// <summary>An instance from fields that are already tokenised (dataset rows), each joined by single spaces.</summary>
    public virtual TextInstance FromTokens(IReadOnlyList<IReadOnlyList<string>> fields) =>
        new(fields.Select((tokens, f) =>
        {
            var list = new List<Token>(tokens.Count);
            int at = 0;
            foreach (var t in tokens) { list.Add(new Token(t, at, at + t.Length)); at += t.Length + 1; }
            return new Field(_fields[f], string.Join(' ', tokens), list);
        }).ToList());

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch) =>
        _model.Classify(_fields.Select((_, f) => TokenBatch.Encode(batch.Select(b => b.Fields[f].Tokens).ToList(), Vocabulary)).ToList());

    protected override Tensor ObjectiveOf(Tensor logits, IReadOnlyList<LabeledInstance> batch, Objective objective)
    {
        var target = tensor(batch.Select(b => b.Target[0]).ToArray()).unsqueeze(1);
        // The loss is cross-entropy, so −loss equals the target's log-probability; both names are offered.
        var scores = objective == Objective.Logit ? logits : logits.log_softmax(1);
        return scores.gather(1, target).squeeze(1);
    }

    protected override IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor logits)
    {
        var probabilities = logits.softmax(1).to_type(ScalarType.Float64).data<double>().ToArray();
        int classes = _labels.Count;
        return batch.Select((instance, r) =>
        {
            var row = probabilities.AsSpan(r * classes, classes).ToArray();
            int best = Array.IndexOf(row, row.Max());
            return new Prediction(Info.Id, _labels[best],
                _labels.Select((l, i) => new LabelProbability(l, row[i])).ToList(), instance.Fields);
        }).ToList();
    }

    public override IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction) =>
        [WithTarget(input, prediction.Label)];

    public override LabeledInstance WithTarget(TextInstance input, string target)
    {
        int index = _labels.ToList().IndexOf(target);
        if (index < 0)
            throw new InputException($"'{target}' is not a label of {Info.Id}; its labels are {string.Join(", ", _labels)}.");
        return new LabeledInstance(input, InstanceLabel.Class(target), [index]);
    }

    public override bool Holds(LabeledInstance labeled, Prediction prediction) => prediction.Label == labeled.Label.Value;

    protected override void DisposeModel() => _model.Dispose();
}
