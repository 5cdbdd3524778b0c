using Interpret.Core.Models;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>Predictor for a one-field text classifier (sentiment): one labeled instance, the predicted class.</summary>
public sealed class TextClassifierPredictor : Predictor
{
    readonly ITextClassifierModel _model;
    readonly PtbTokenizer _tokenizer;
    readonly IReadOnlyList<string> _labels;
    readonly string _field;
    readonly InputLimits _limits;

    public TextClassifierPredictor(ModelInfo info, ITextClassifierModel model, Vocabulary vocabulary, bool lowerCase, InputLimits? limits = null)
    {
        Info = info;
        _model = model;
        _model.Freeze();
        Vocabulary = vocabulary;
        _tokenizer = new PtbTokenizer(lowerCase);
        _labels = info.Labels;
        _field = info.InputFields.Single();
        _limits = limits ?? InputLimits.Default;
    }

    public override ModelInfo Info { get; }
    public override Vocabulary Vocabulary { get; }
    protected override ITokenEmbeddingModel Model => _model;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.Where(k => k != _field).ToList();
        if (unknown.Count > 0)
            throw new InputException($"Unknown input field '{unknown[0]}'; {Info.Id} reads only '{_field}'.");
        var text = input.GetValueOrDefault(_field);
        _limits.CheckText(_field, text);
        var tokens = _tokenizer.Tokenize(text!);
        _limits.CheckTokens(_field, tokens.Count);
        return new TextInstance([new Field(_field, text!, tokens)]);
    }

    /// <summary>An instance from tokens that are already tokenised (dataset rows), joined by single spaces.</summary>
    public TextInstance FromTokens(IReadOnlyList<string> tokens)
    {
        var list = new List<Token>(tokens.Count);
        int at = 0;
        foreach (var t in tokens) { list.Add(new Token(t, at, at + t.Length)); at += t.Length + 1; }
        return new TextInstance([new Field(_field, string.Join(' ', tokens), list)]);
    }

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch)
    {
        var (ids, mask) = TokenBatch.Encode(batch.Select(b => b.Fields[0].Tokens).ToList(), Vocabulary);
        return _model.Classify(ids, mask);
    }

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

    public override void Dispose() => _model.Dispose();
}
