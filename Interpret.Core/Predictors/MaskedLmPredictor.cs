using Interpret.Core.Torch;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>
/// Predictor for a BERT masked LM (task "masked-lm", one field "text" with one or more [MASK]). The field's tokens
/// are [CLS], the WordPiece pieces, [SEP]. The prediction gives, per mask, the top words and their probabilities
/// (<see cref="Prediction.Masks"/>); the label is the top word of each mask.
///
/// Each mask becomes its own labeled instance (kind "word", the top word, the mask's token position as a one-token
/// span); the seed's single instance over all masks is <see cref="CombineInstances"/> (option singleInstance). The
/// objective of an instance is summed over its masks: loss (default) and log-prob = log p(word | input) at the mask,
/// logit = the word's raw MLM logit there (Captum's forward function). A user target is a word, optionally with the
/// mask's token position ("she" = first mask, "she:4"); it must be one whole vocabulary entry.
/// </summary>
public sealed class MaskedLmPredictor : Predictor, IAttentionPredictor
{
    public const string FieldName = "text";
    public const int TopWords = 10;

    readonly BertForMaskedLm _model;
    readonly BertInputTokenizer _tokenizer;
    readonly WordPieceVocabulary _vocabulary;
    readonly InputLimits _limits;

    public MaskedLmPredictor(ModelInfo info, BertForMaskedLm model, WordPieceVocabulary vocabulary, InputLimits? limits = null)
    {
        if (vocabulary.Count != model.Config.VocabularySize)
            throw new ArgumentException($"{info.Id}: vocab.txt has {vocabulary.Count} entries, the model {model.Config.VocabularySize}.");
        Info = info;
        _model = model;
        _model.eval();
        _vocabulary = vocabulary;
        _tokenizer = new BertInputTokenizer(new WordPieceTokenizer(vocabulary));
        limits ??= InputLimits.Default;
        _limits = limits with { MaxTokens = Math.Min(limits.MaxTokens, model.Config.MaxPositions) };
    }

    public override ModelInfo Info { get; }
    public override ITokenVocabulary Vocabulary => _vocabulary;
    protected override ITokenEmbeddingModel Model => _model;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.FirstOrDefault(k => k != FieldName);
        if (unknown is not null) throw new InputException($"Unknown input field '{unknown}'; {Info.Id} reads '{FieldName}'.");
        var text = input.GetValueOrDefault(FieldName);
        _limits.CheckText(FieldName, text);
        var tokens = _tokenizer.Tokenize(text!);
        _limits.CheckTokens(FieldName, tokens.Count);
        if (!tokens.Any(t => t.Text == WordPieceVocabulary.Mask))
            throw new InputException($"The text has no {WordPieceVocabulary.Mask}; write {WordPieceVocabulary.Mask} where {Info.Id} should guess a word, e.g. \"the nurse said that {WordPieceVocabulary.Mask} was tired\".");
        return new TextInstance([new Field(FieldName, text!, tokens)]);
    }

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch)
    {
        var (ids, mask) = TokenBatch.Encode(batch.Select(b => b.Fields[0].Tokens).ToList(), _vocabulary);
        return _model.Logits(ids, mask);
    }

    /// <summary>One instance per [MASK] (at least one: a target without a mask is refused later).</summary>
    public override int? InstancesBeforePrediction(TextInstance input) => Math.Max(1, MaskPositions(input).Count);

    /// <summary>The encoder's weights plus the tied decoder, which scores every position against the whole vocabulary.</summary>
    protected override long CountWeightsPerToken() => base.CountWeightsPerToken() + _model.EmbeddingMatrix.numel();

    /// <summary>Token positions of the masks an instance asks about: its one-token span, or every [MASK] for the combined instance.</summary>
    static IReadOnlyList<int> PositionsOf(LabeledInstance labeled) =>
        labeled.Label.Start is { } start ? [start] : MaskPositions(labeled.Input);

    static IReadOnlyList<int> MaskPositions(TextInstance input) =>
        input.Fields[0].Tokens.Select((t, i) => (t, i)).Where(x => x.t.Text == WordPieceVocabulary.Mask).Select(x => x.i).ToList();

    protected override Tensor ObjectiveOf(Tensor logits, IReadOnlyList<LabeledInstance> batch, Objective objective)
    {
        var rows = new List<long>();
        var positions = new List<long>();
        var targets = new List<long>();
        for (int r = 0; r < batch.Count; r++)
        {
            var at = PositionsOf(batch[r]);
            if (at.Count != batch[r].Target.Count) throw new InputException("A masked-LM instance needs one target word per mask.");
            for (int k = 0; k < at.Count; k++) { rows.Add(r); positions.Add(at[k]); targets.Add(batch[r].Target[k]); }
        }
        var rowIndex = tensor(rows.ToArray());
        var picked = logits[rowIndex, tensor(positions.ToArray())];
        var scores = objective == Objective.Logit ? picked : picked.log_softmax(1);
        var values = scores.gather(1, tensor(targets.ToArray()).unsqueeze(1)).squeeze(1);
        return zeros(batch.Count, dtype: values.dtype).index_add(0, rowIndex, values, HeldScalars.One);
    }

    protected override IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor logits)
    {
        using var scope = NewDisposeScope();
        return batch.Select((instance, r) =>
        {
            var masks = MaskPositions(instance).Select(p =>
            {
                var (values, words) = logits[r, p].softmax(0).topk(TopWords);
                var probabilities = values.to_type(ScalarType.Float64).data<double>().ToArray();
                var ids = words.data<long>().ToArray();
                return new MaskPrediction(FieldName, p, ids.Select((id, k) => new LabelProbability(_vocabulary[(int)id], probabilities[k])).ToList());
            }).ToList();
            var label = masks.Count == 0 ? "no mask" : string.Join(" · ", masks.Select(m => m.Top[0].Label));
            var top = masks.Select((m, k) => new LabelProbability(masks.Count == 1 ? m.Top[0].Label : $"{m.Top[0].Label} (mask {k + 1})", m.Top[0].Probability)).ToList();
            return new Prediction(Info.Id, label, top, instance.Fields, Masks: masks);
        }).ToList();
    }

    public override IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction)
    {
        if (prediction.Masks is not { } masks) throw new ArgumentException("Not a masked LM's prediction: it has no masks.", nameof(prediction));
        return masks.Select(m => Labeled(input, m.Top[0].Label, m.Position)).ToList();
    }

    LabeledInstance Labeled(TextInstance input, string word, int position) =>
        new(input, new InstanceLabel("word", word, FieldName, position, position + 1), [_vocabulary.IdOf(word)]);

    /// <summary>The seed's one instance for all masks: every mask's word, in order, summed into one objective.</summary>
    public override LabeledInstance CombineInstances(IReadOnlyList<LabeledInstance> instances)
    {
        if (instances.Count == 1) return instances[0];
        var ordered = instances.OrderBy(i => i.Label.Start).ToList();
        return new LabeledInstance(ordered[0].Input, new InstanceLabel("words", string.Join(" · ", ordered.Select(i => i.Label.Value)), FieldName),
            ordered.SelectMany(i => i.Target).ToList());
    }

    public override LabeledInstance WithTarget(TextInstance input, string target)
    {
        var masks = MaskPositions(input);
        var colon = target.LastIndexOf(':');
        var word = colon > 0 ? target[..colon] : target;
        int position = masks[0];
        if (colon > 0 && (!int.TryParse(target[(colon + 1)..], out position) || !masks.Contains(position)))
            throw new InputException($"'{target[(colon + 1)..]}' is not the position of a {WordPieceVocabulary.Mask}; the masks are at token {string.Join(", ", masks)}.");
        int id = _vocabulary.IdOf(word);
        if (!_vocabulary.Contains(word) || !_vocabulary.IsWholeWord(id))
            throw new InputException($"'{word}' is not a whole word in {Info.Id}'s vocabulary, so the model cannot predict it at a mask; try a common word.");
        return Labeled(input, word, position);
    }

    public override bool Holds(LabeledInstance labeled, Prediction prediction)
    {
        if (prediction.Masks is not { } masks) return false;
        var positions = PositionsOf(labeled);
        for (int k = 0; k < positions.Count; k++)
        {
            var mask = masks.FirstOrDefault(m => m.Position == positions[k]);
            if (mask is null || mask.Top[0].Label != _vocabulary[(int)labeled.Target[k]]) return false;
        }
        return true;
    }

    /// <summary>Removing a token before the mask moves the mask one position left.</summary>
    public override LabeledInstance WithTokenRemoved(LabeledInstance labeled, int field, int position)
    {
        var label = labeled.Label is { Start: { } start, End: { } end } && position < start ? labeled.Label with { Start = start - 1, End = end - 1 } : labeled.Label;
        return labeled with { Input = labeled.Input.RemoveToken(field, position), Label = label };
    }

    /// <summary>Only whole words may be flipped in: no ## continuations, special or unused entries, or punctuation.</summary>
    public override bool IsValidReplacement(int id) => _vocabulary.IsWholeWord(id) && _vocabulary[id].All(char.IsLetterOrDigit);

    public AttentionMaps Attention(TextInstance input) => BertAttentionMaps.Of(_model.Bert, Info, input, _vocabulary);

    protected override void DisposeModel() => _model.Dispose();
}
