using Interpret.Core.Coreference;
using Interpret.Core.Models;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>
/// Predictor for span-ranking coreference (task "coreference", one field "text", PTB tokens keeping case). The
/// prediction is the model's clusters of two or more mentions (<see cref="Prediction.Clusters"/>), each mention with
/// its token span and its characters in the text as typed; its probability is that of the cluster's links.
///
/// Each predicted cluster is one labeled instance (kind "cluster", its mentions as the value, field "text", Start/End
/// the first mention). The objective, for <see cref="Objective.Loss"/> and <see cref="Objective.LogProb"/>, is the log
/// marginal likelihood of the cluster's antecedent links as the training loss defines it: Σ over the cluster's
/// mentions i of log Σ_{j ∈ GOLD(i)} P(j | i), GOLD(i) = the cluster's earlier mentions among i's candidates (the dummy
/// for its first mention). The cluster's mentions are kept through pruning whatever their mention score, so the
/// objective exists for any embedding (IG's baseline included). <see cref="Objective.Logit"/> drops the softmax's
/// normaliser. <c>singleInstance</c> combines all clusters into one instance whose objective is the sum over them; a
/// user target names a cluster as token spans, "0-2,6-7" (the mentions of tokens 0–1 and 6), asking what would make
/// them one cluster. A prediction holds an instance when all its mentions sit in one predicted cluster (for a
/// combined instance: each of its clusters). Attacks never touch a token inside any predicted mention.
/// </summary>
public sealed class CoreferencePredictor : Predictor
{
    public const string FieldName = "text";
    public const string NoClusters = "no clusters";

    /// <summary>Typed text becomes tokens by PTB rules keeping case, quotes straight (LitBank writes " and “ ”, which the
    /// lexicon reads alike).</summary>
    public static readonly PtbTokenizer TextTokenizer = new(lowerCase: false, PtbQuotes.Straight);

    readonly CorefModel _model;
    readonly InputLimits _limits;
    readonly int _maxTokens;

    /// <param name="maxTokens">the longest document read (the explorer's limit; datasets are scored through the model)</param>
    public CoreferencePredictor(ModelInfo info, CorefModel model, InputLimits? limits = null, int maxTokens = 512)
    {
        Info = info;
        _model = model;
        _model.Freeze();
        _limits = limits ?? InputLimits.Default;
        _maxTokens = maxTokens;
    }

    public override ModelInfo Info { get; }
    public override Vocabulary Vocabulary => _model.Lexicon.Tokens;
    protected override ITokenEmbeddingModel Model => _model;
    public CorefModel CorefModel => _model;
    public int MaxTokens => _maxTokens;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.FirstOrDefault(k => k != FieldName);
        if (unknown is not null) throw new InputException($"Unknown input field '{unknown}'; {Info.Id} reads '{FieldName}'.");
        var text = input.GetValueOrDefault(FieldName);
        _limits.CheckText(FieldName, text);
        var tokens = TextTokenizer.Tokenize(text!);
        if (tokens.Count == 0) throw new InputException($"The '{FieldName}' field has no tokens.", FieldName);
        if (tokens.Count > _maxTokens)
            throw new InputException($"The '{FieldName}' field has {tokens.Count:N0} tokens; {Info.Id} reads documents of at most {_maxTokens:N0} tokens.", FieldName);
        return new TextInstance([new Field(FieldName, text!, tokens)]);
    }

    static IReadOnlyList<string> Texts(TextInstance instance) => instance.Fields[0].Tokens.Select(t => t.Text).ToList();

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch)
    {
        var ids = _model.Lexicon.Encode(batch.Select(Texts).ToList());
        var mask = NerLexicon.Mask(batch.Select(b => b.Fields[0].Tokens.Count).ToList());
        return _model.call(ids, mask);
    }

    protected override Tensor ObjectiveOf(Tensor outputs, IReadOnlyList<LabeledInstance> batch, Objective objective)
    {
        var values = new List<Tensor>(batch.Count);
        for (int r = 0; r < batch.Count; r++)
        {
            var clusters = CorefTarget.Decode(batch[r].Target).Clusters;
            var mentions = clusters.SelectMany(c => c).ToHashSet();
            var scores = _model.Score(outputs[r], batch[r].Input.Fields[0].Tokens.Count, mentions, scoreOnly: mentions);
            values.Add(CorefLoss.LogLikelihood(scores, clusters, onlyClusterMentions: true, normalised: objective != Objective.Logit));
        }
        return stack(values);
    }

    protected override IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor outputs)
    {
        return batch.Select((instance, r) =>
        {
            // One scope per row: a batch of IG steps would otherwise hold every row's pair scores at once.
            using var scope = NewDisposeScope();
            var field = instance.Fields[0];
            var scores = _model.Score(outputs[r], field.Tokens.Count);
            var clusters = CorefDecoder.Clusters(scores, singletons: false);
            var records = clusters.Select((c, i) => new CorefCluster(i, c.Select(m => Mention(field, m)).ToList(),
                Math.Exp(CorefLoss.LogLikelihood(scores, [c], onlyClusterMentions: true).to_type(ScalarType.Float64).item<double>()))).ToList();
            var label = records.Count == 0 ? NoClusters : string.Join(" · ", records.Select(Describe));
            var probabilities = records.Select(c => new LabelProbability(Describe(c), c.Probability)).ToList();
            return new Prediction(Info.Id, label, probabilities, instance.Fields, Clusters: records);
        }).ToList();
    }

    static CorefMention Mention(Field field, MentionSpan span)
    {
        var first = field.Tokens[span.Start];
        var last = field.Tokens[span.End - 1];
        return new CorefMention(string.Join(' ', field.Tokens.Skip(span.Start).Take(span.Width).Select(t => t.Text)), field.Name, span.Start, span.End,
            first.Start, last.End);
    }

    static string Describe(CorefCluster cluster) => string.Join(" = ", cluster.Mentions.Select(m => m.Text));

    /// <summary>One instance per predicted cluster: unknown until the model has run.</summary>
    public override int? InstancesBeforePrediction(TextInstance input) => null;

    public override IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction)
    {
        if (prediction.Clusters is not { } clusters) throw new ArgumentException("Not a coreference prediction: it has no clusters.", nameof(prediction));
        var all = clusters.SelectMany(c => c.Mentions).Select(m => new MentionSpan(m.Start, m.End)).ToList();
        return clusters.Select(c =>
        {
            var spans = c.Mentions.Select(m => new MentionSpan(m.Start, m.End)).ToList();
            return new LabeledInstance(input, Label(input, spans), new CorefTarget([spans], all).Encode());
        }).ToList();
    }

    static InstanceLabel Label(TextInstance input, IReadOnlyList<MentionSpan> spans) =>
        new("cluster", string.Join(" = ", spans.Select(s => Mention(input.Fields[0], s).Text)), FieldName, spans[0].Start, spans[0].End);

    /// <summary>The seed's single instance over every cluster: the sum of their objectives.</summary>
    public override LabeledInstance CombineInstances(IReadOnlyList<LabeledInstance> instances)
    {
        if (instances.Count == 1) return instances[0];
        if (instances.Count == 0) throw new InputException($"{Info.Id} found no clusters to combine.");
        var targets = instances.Select(i => CorefTarget.Decode(i.Target)).ToList();
        var combined = new CorefTarget(targets.SelectMany(t => t.Clusters).ToList(), targets.SelectMany(t => t.Protected).Distinct().ToList());
        return new LabeledInstance(instances[0].Input, new InstanceLabel("clusters", $"all {instances.Count} clusters", FieldName), combined.Encode());
    }

    /// <summary>A target cluster as token spans, "start-end,start-end" (end exclusive), e.g. "3-5,7-8".</summary>
    public override LabeledInstance WithTarget(TextInstance input, string target)
    {
        int tokens = input.Fields[0].Tokens.Count;
        var spans = new List<MentionSpan>();
        foreach (var part in target.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length != 2 || !int.TryParse(range[0], out var start) || !int.TryParse(range[1], out var end))
                throw new InputException($"A coreference target is a cluster's mentions as token spans, e.g. '3-5,7-8' (tokens 3–4 and 7); got '{target}'.");
            if (start < 0 || end <= start || end > tokens)
                throw new InputException($"The span {start}-{end} is not inside the input's {tokens} tokens (0 to {tokens}, end exclusive).");
            if (end - start > _model.Config.MaxSpanWidth)
                throw new InputException($"The span {start}-{end} is longer than the {_model.Config.MaxSpanWidth} tokens a mention of {Info.Id} may have.");
            spans.Add(new MentionSpan(start, end));
        }
        spans = spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        if (spans.Count < 2) throw new InputException($"A coreference target needs two mentions or more, e.g. '3-5,7-8'; got '{target}'.");
        return new LabeledInstance(input, Label(input, spans), new CorefTarget([spans], spans).Encode());
    }

    public override bool Holds(LabeledInstance labeled, Prediction prediction)
    {
        if (prediction.Clusters is not { } predicted) return false;
        var clusterOf = new Dictionary<MentionSpan, int>();
        foreach (var c in predicted)
            foreach (var m in c.Mentions) clusterOf[new MentionSpan(m.Start, m.End)] = c.Id;
        return CorefTarget.Decode(labeled.Target).Clusters.All(cluster =>
            cluster.All(clusterOf.ContainsKey) && cluster.Select(m => clusterOf[m]).Distinct().Count() == 1);
    }

    public override bool Protects(LabeledInstance labeled, string field, int position) =>
        field == FieldName && CorefTarget.Decode(labeled.Target).Protects(position);

    public override LabeledInstance WithTokenRemoved(LabeledInstance labeled, int field, int position)
    {
        var target = CorefTarget.Decode(labeled.Target).WithoutToken(position);
        var label = labeled.Label;
        if (label.Start is { } start && label.End is { } end)
            label = label with { Start = start > position ? start - 1 : start, End = end > position ? end - 1 : end };
        return new LabeledInstance(labeled.Input.RemoveToken(field, position), label, target.Encode());
    }

    protected override void DisposeModel() => _model.Dispose();
}
