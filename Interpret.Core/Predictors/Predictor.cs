using Interpret.Core.Gradients;
using Interpret.Core.Models;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>
/// Wraps one model for interpretation. Subclasses know the model's inputs and outputs (tokenising, decoding, the
/// objective of a label, and <see cref="PredictionsToLabeledInstances"/>); everything else here is model-agnostic:
/// gradients are captured at the model's token embedder with a forward hook, whatever the model does after it.
/// Not thread-safe for training; inference and gradients may run on several threads (the model stays in eval mode).
/// </summary>
public abstract class Predictor : IDisposable
{
    public abstract ModelInfo Info { get; }
    public string Id => Info.Id;

    /// <summary>The model's token vocabulary (HotFlip's candidate words).</summary>
    public abstract ITokenVocabulary Vocabulary { get; }

    protected abstract ITokenEmbeddingModel Model { get; }

    readonly EmbeddingCapture _capture = new();

    /// <summary>Turns an input object (the task's field names → text) into tokens, or throws <see cref="InputException"/>.</summary>
    public abstract TextInstance Tokenize(IReadOnlyDictionary<string, string> input);

    /// <summary>Runs the model on a batch; the result is whatever <see cref="ObjectiveOf"/> and <see cref="Decode"/> read.</summary>
    protected abstract Tensor Forward(IReadOnlyList<TextInstance> batch);

    /// <summary>[batch] objective values, larger = more support for each row's labeled target.</summary>
    protected abstract Tensor ObjectiveOf(Tensor outputs, IReadOnlyList<LabeledInstance> batch, Objective objective);

    protected abstract IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor outputs);

    /// <summary>The model's own prediction as one or more labeled instances (the seed's only model-specific step).</summary>
    public abstract IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction);

    /// <summary>The seed's single labeled instance over a structured prediction's parts (e.g. all masks at once);
    /// models whose predictions are one instance anyway return it.</summary>
    public virtual LabeledInstance CombineInstances(IReadOnlyList<LabeledInstance> instances) =>
        instances.Count == 1 ? instances[0]
            : throw new InputException($"{Info.Id} cannot combine its {instances.Count} labeled instances into one; pick one with the instance option.");

    /// <summary>The input labeled with a target the user chose; throws <see cref="InputException"/> for a target the model cannot produce.</summary>
    public abstract LabeledInstance WithTarget(TextInstance input, string target);

    /// <summary>Whether a (changed) input's prediction still gives the labeled instance's label.</summary>
    public abstract bool Holds(LabeledInstance labeled, Prediction prediction);

    /// <summary>The labeled instance with one token replaced (HotFlip). Predictors whose targets are per token keep
    /// them aligned; the default only edits the input.</summary>
    public virtual LabeledInstance WithTokenReplaced(LabeledInstance labeled, int field, int position, string text) =>
        labeled with { Input = labeled.Input.ReplaceToken(field, position, text) };

    /// <summary>The labeled instance with one token removed (input reduction); per-token targets and label spans
    /// after it must shift left, which predictors of structured outputs do by overriding this.</summary>
    public virtual LabeledInstance WithTokenRemoved(LabeledInstance labeled, int field, int position) =>
        labeled with { Input = labeled.Input.RemoveToken(field, position) };

    /// <summary>Positions an attack on this labeled instance must leave alone: the tokens its label points at
    /// (an entity's own words), in the label's field.</summary>
    public static bool IsProtected(LabeledInstance labeled, string field, int position) =>
        labeled.Label.Field == field && labeled.Label.Start is { } start && labeled.Label.End is { } end && position >= start && position < end;

    /// <summary>What attacks ask: <see cref="IsProtected"/> unless the predictor's labels point at more than one span
    /// (a coreference cluster's mentions).</summary>
    public virtual bool Protects(LabeledInstance labeled, string field, int position) => IsProtected(labeled, field, position);

    /// <summary>The field an attack changes: the <c>field</c> option, else the model's default
    /// (<see cref="DefaultAttackedField"/>).</summary>
    public int AttackedField(TextInstance input, string? requested) =>
        requested is { } name ? input.FieldIndex(name) : DefaultAttackedField(input);

    /// <summary>The task's last field (the hypothesis for entailment); readers attack the question instead.</summary>
    protected virtual int DefaultAttackedField(TextInstance input) => input.Fields.Count - 1;

    /// <summary>Vocabulary ids HotFlip may never put into the input (padding, unknown, non-alphanumeric, special).</summary>
    public virtual bool IsValidReplacement(int id)
    {
        if (id is Text.Vocabulary.PaddingId or Text.Vocabulary.UnknownId) return false;
        var token = Vocabulary[id];
        return token.Length > 0 && token.All(char.IsLetterOrDigit);
    }

    /// <summary>HotFlip's search table: the [vocabulary, dim] context-independent embedding matrix in float64 (so the
    /// first-order gains are ranked exactly) and which ids may be put in. Built on first use and kept: converting a
    /// 30,522-row table took most of a one-flip attack's time. Read-only, so concurrent attacks share it.</summary>
    public ReplacementTable Replacements => _replacements.Value;

    readonly Lazy<ReplacementTable> _replacements;

    protected Predictor() => _replacements = new(BuildReplacements, LazyThreadSafetyMode.ExecutionAndPublication);

    ReplacementTable BuildReplacements()
    {
        using var _ = no_grad();
        var matrix = Model.EmbeddingMatrix.detach().to_type(ScalarType.Float64).clone().DetachFromDisposeScope();
        return new ReplacementTable(matrix, Enumerable.Range(0, Vocabulary.Count).Select(IsValidReplacement).ToArray());
    }

    /// <summary>Multiply-adds per token of one forward pass, roughly: the weights every token goes through (lookup
    /// tables such as embeddings cost nothing per token). Scales <see cref="WorkCount"/> to compare models.</summary>
    public long WeightsPerToken => _weightsPerToken ??= CountWeightsPerToken();

    long? _weightsPerToken;

    protected virtual long CountWeightsPerToken() =>
        Model is TorchSharp.torch.nn.Module module
            ? module.named_parameters().Where(p => !p.name.Contains("embed", StringComparison.OrdinalIgnoreCase) && !p.name.Contains("char", StringComparison.OrdinalIgnoreCase))
                .Sum(p => p.parameter.numel())
            : 1;

    /// <summary>How many labeled instances a method will explain for this input before the prediction is known:
    /// 1 for a classifier, the [MASK]s for a masked LM; null when only the prediction tells (a tagger's entities).</summary>
    public virtual int? InstancesBeforePrediction(TextInstance input) => 1;

    public Prediction Predict(TextInstance input) => Predict([input])[0];

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<TextInstance> batch)
    {
        _capture.Attach(Model.TokenEmbedder);
        WorkMeter.Forward(batch);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Decode(batch, Forward(batch)).Select((p, i) => p with { UnknownTokens = UnknownTokens(batch[i]) }).ToList();
    }

    /// <summary>Whether the model has a representation of its own for this token (HotFlip's and the unknown-word
    /// count's notion); predictors whose tables normalise words (case) override it.</summary>
    public virtual bool Knows(string token) => Vocabulary.Knows(token);

    /// <summary>Per field, how many tokens the model does not know; null when it knows them all. A text mostly made of
    /// unknown words (Chinese on an English model) gets a confident-looking answer that means little: the page says so.</summary>
    IReadOnlyDictionary<string, int>? UnknownTokens(TextInstance input)
    {
        var counts = input.Fields.Select(f => (f.Name, Count: f.Tokens.Count(t => !Knows(t.Text)))).Where(f => f.Count > 0).ToList();
        return counts.Count == 0 ? null : counts.ToDictionary(f => f.Name, f => f.Count);
    }

    /// <summary>
    /// One forward+backward pass over a batch. The token embedder's output is (optionally transformed, then)
    /// detached into a leaf that requires grad; the rest of the model runs from it, and autograd gives the
    /// objective's gradient w.r.t. each field's embeddings. Parameters get no gradients.
    /// </summary>
    public GradientBatch GetGradients(IReadOnlyList<LabeledInstance> batch, Objective objective, EmbeddingTransform? transform = null)
    {
        if (batch.Count == 0) throw new ArgumentException("Empty batch.", nameof(batch));
        var leaves = new List<Tensor>();
        var originals = new List<Tensor>();
        try
        {
            using var scope = NewDisposeScope();
            using var grad = enable_grad();
            var inputs = batch.Select(b => b.Input).ToList();
            WorkMeter.Gradient(inputs);
            // The hook runs inside the model's own dispose scopes, so what it keeps is taken out of every scope
            // and disposed in the finally block below.
            _capture.Attach(Model.TokenEmbedder);
            Tensor outputs;
            using (EmbeddingCapture.Begin(output =>
            {
                originals.Add(output.detach().DetachFromDisposeScope());
                var changed = transform is null ? output : transform(leaves.Count, output);
                var leaf = changed.detach().requires_grad_(true).DetachFromDisposeScope();
                leaves.Add(leaf);
                return leaf;
            }))
                outputs = Forward(inputs);
            var values = ObjectiveOf(outputs, batch, objective);
            var gradients = autograd.grad([values.sum()], leaves, allow_unused: true);
            var predictions = Decode(inputs, outputs.detach());
            return new GradientBatch(ToDoubles(values), CopyOut(batch, leaves, gradients, originals), predictions.ToArray());
        }
        finally
        {
            foreach (var t in leaves.Concat(originals)) t.Dispose();
        }
    }

    /// <summary>Each row's objective with its embeddings transformed, from one forward pass without gradients
    /// (IG's completeness check needs f(input) and f(baseline), not their gradients).</summary>
    public double[] ObjectiveValues(IReadOnlyList<LabeledInstance> batch, Objective objective, EmbeddingTransform? transform = null)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int calls = 0;
        _capture.Attach(Model.TokenEmbedder);
        var inputs = batch.Select(b => b.Input).ToList();
        WorkMeter.Forward(inputs);
        Tensor outputs;
        using (EmbeddingCapture.Begin(output => transform is null ? output : transform(calls++, output)))
            outputs = Forward(inputs);
        return ToDoubles(ObjectiveOf(outputs, batch, objective));
    }

    static FieldGradient[][] CopyOut(IReadOnlyList<LabeledInstance> batch, List<Tensor> leaves, IList<Tensor> gradients, List<Tensor> originals)
    {
        var rows = new FieldGradient[batch.Count][];
        for (int r = 0; r < batch.Count; r++) rows[r] = new FieldGradient[leaves.Count];
        for (int f = 0; f < leaves.Count; f++)
        {
            long time = leaves[f].shape[1];
            int dim = (int)leaves[f].shape[2];
            var g = ToDoubles(gradients[f] is { } t && !t.IsInvalid ? t : zeros_like(leaves[f]));
            var e = ToDoubles(originals[f]);
            for (int r = 0; r < batch.Count; r++)
            {
                int tokens = batch[r].Input.Fields[f].Tokens.Count;
                long from = r * time * dim;
                rows[r][f] = new FieldGradient(tokens, dim, g.AsSpan((int)from, tokens * dim).ToArray(), e.AsSpan((int)from, tokens * dim).ToArray());
            }
        }
        return rows;
    }

    static double[] ToDoubles(Tensor t) => t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();

    public void Dispose()
    {
        DisposeModel();
        if (_replacements.IsValueCreated) _replacements.Value.Matrix.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract void DisposeModel();
}
