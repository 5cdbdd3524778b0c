using Interpret.Core.Torch;
using Interpret.Core.Models;
using Interpret.Core.Tagging;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>
/// Predictor for the BiLSTM-CRF NER tagger (task "ner", one field "text"). Text is PTB-tokenised keeping case and straight quotes (<see cref="TextTokenizer"/>). The
/// prediction is the Viterbi tag sequence (BIO): <see cref="Prediction.Tags"/> per token, <see cref="Prediction.Entities"/>
/// as conlleval reads the tags, a summary such as "PER: John Smith · ORG: Google" as the label (or "no entities"), and
/// per entity, in the same order, its marginal probability under the CRF: p(the entity's span gets exactly its tags | x),
/// whatever the other positions get (forward–backward).
///
/// Each predicted entity becomes its own labeled instance, as the seed does: the label is (kind "tag", the entity
/// type, field "text", its token span [Start, End)) and the target keeps the entity's tags on its span and "O"
/// everywhere else. Its objective, for every <see cref="Objective"/>:
/// <list type="bullet">
/// <item>loss (default) and log-prob: the CRF log-likelihood of the target restricted to the label's span — the CRF
/// run over the span's positions only (start score at its first token, transitions inside it, end score after its
/// last token; emissions still come from the whole sentence), i.e. score(y_span) − log Σ_z score(z) over all tag
/// sequences z of the span's length. This is the seed's CRF loss with <c>ignore_loss_on_o_tags</c> (mask = positions
/// whose target tag is not O = the entity's span), negated so that larger supports the entity. Other entities'
/// tags never enter it.</item>
/// <item>logit: the sum over the span of the emission score of the entity's tag at each position.</item>
/// </list>
/// A prediction holds the instance when its tags on the span are exactly the entity's tags (so an attack that changes
/// them counts as changing the prediction). Removing a token shifts the span and the target; attacks never touch the
/// span's own tokens (<see cref="Predictor.IsProtected"/>). A user target is written "TYPE:start-end" (token indices,
/// end exclusive), e.g. "LOC:3-5"; "O:3-5" asks for the span to be no entity.
/// </summary>
public sealed class NerPredictor : Predictor
{
    public const string FieldName = "text";
    public const string NoEntities = "no entities";

    readonly BiLstmCrfTagger _model;
    /// <summary>How typed text becomes tokens: PTB rules keeping case, and straight quotes, as CoNLL-2003 writes them.</summary>
    public static readonly PtbTokenizer TextTokenizer = new(lowerCase: false, PtbQuotes.Straight);

    readonly IReadOnlyList<string> _tags;
    readonly Dictionary<string, int> _tagIds;
    readonly int _outside;
    readonly InputLimits _limits;

    public NerPredictor(ModelInfo info, BiLstmCrfTagger model, InputLimits? limits = null)
    {
        Info = info;
        _model = model;
        _model.Freeze();
        _tags = info.Labels;
        if (_tags.Count != model.Config.Tags) throw new ArgumentException($"{info.Id}: {_tags.Count} labels for a model of {model.Config.Tags} tags.");
        _tagIds = _tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        _outside = _tagIds.TryGetValue(BioTags.Outside, out var o) ? o : throw new ArgumentException($"{info.Id}: the tag set has no '{BioTags.Outside}'.");
        _limits = limits ?? InputLimits.Default;
    }

    public override ModelInfo Info { get; }
    public override Vocabulary Vocabulary => _model.Lexicon.Tokens;
    // The word table is lower-cased: "John" is known when "john" is.
    public override bool Knows(string token) => _model.Lexicon.Words.Knows(NerLexicon.WordKey(token));
    protected override ITokenEmbeddingModel Model => _model;
    public BiLstmCrfTagger Tagger => _model;
    public IReadOnlyList<string> TagSet => _tags;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.FirstOrDefault(k => k != FieldName);
        if (unknown is not null) throw new InputException($"Unknown input field '{unknown}'; {Info.Id} reads '{FieldName}'.");
        var text = input.GetValueOrDefault(FieldName);
        _limits.CheckText(FieldName, text);
        var tokens = TextTokenizer.Tokenize(text!);
        _limits.CheckTokens(FieldName, tokens.Count);
        return new TextInstance([new Field(FieldName, text!, tokens)]);
    }

    /// <summary>An instance from tokens that are already split (dataset rows), joined by single spaces.</summary>
    public TextInstance FromTokens(IReadOnlyList<string> tokens)
    {
        var list = new List<Token>(tokens.Count);
        int at = 0;
        foreach (var t in tokens) { list.Add(new Token(t, at, at + t.Length)); at += t.Length + 1; }
        return new TextInstance([new Field(FieldName, string.Join(' ', tokens), list)]);
    }

    static IReadOnlyList<string> Texts(TextInstance instance) => instance.Fields[0].Tokens.Select(t => t.Text).ToList();

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch)
    {
        var ids = _model.Lexicon.Encode(batch.Select(Texts).ToList());
        var mask = NerLexicon.Mask(batch.Select(b => b.Fields[0].Tokens.Count).ToList());
        return _model.call(ids, mask);
    }

    protected override Tensor ObjectiveOf(Tensor emissions, IReadOnlyList<LabeledInstance> batch, Objective objective)
    {
        long time = emissions.shape[1];
        var tags = new long[batch.Count * time];
        var span = new bool[batch.Count * time];
        for (int r = 0; r < batch.Count; r++)
        {
            var (start, end) = SpanOf(batch[r]);
            for (int t = 0; t < batch[r].Target.Count; t++) tags[r * time + t] = batch[r].Target[t];
            for (int t = start; t < end; t++) span[r * time + t] = true;
        }
        var tagTensor = tensor(tags, [batch.Count, time]);
        var mask = tensor(span, [batch.Count, time]);
        if (objective == Objective.Logit)
            return emissions.gather(2, tagTensor.unsqueeze(2)).squeeze(2).masked_fill(mask.logical_not(), HeldScalars.Zero).sum(1);
        return _model.Crf.LogLikelihood(emissions, tagTensor, mask);
    }

    static (int Start, int End) SpanOf(LabeledInstance labeled) =>
        labeled.Label is { Start: { } start, End: { } end } ? (start, end)
            : throw new InputException("An NER labeled instance needs a token span.");

    protected override IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor emissions)
    {
        using var scope = NewDisposeScope();
        var lengths = batch.Select(b => b.Fields[0].Tokens.Count).ToList();
        var paths = _model.Crf.Viterbi(emissions, NerLexicon.Mask(lengths));
        var scores = emissions.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var crf = _model.Crf;
        var transitions = crf.Transitions.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        var start = crf.StartTransitions.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        var end = crf.EndTransitions.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        long time = emissions.shape[1];
        int k = _tags.Count;
        return batch.Select((instance, r) =>
        {
            var tags = paths[r].Select(id => _tags[(int)id]).ToList();
            var entities = BioTags.Chunks(tags).Select(c => new InstanceLabel("tag", c.Type, FieldName, c.Start, c.End)).ToList();
            var rowScores = scores.AsSpan((int)(r * time * k), lengths[r] * k).ToArray();
            var tokens = instance.Fields[0].Tokens;
            var probabilities = entities.Select(e => new LabelProbability(Describe(e, tokens),
                Math.Exp(ConditionalRandomField.SpanLogProbability(rowScores, lengths[r], transitions, start, end, e.Start!.Value,
                    paths[r].Skip(e.Start.Value).Take(e.End!.Value - e.Start.Value).Select(id => (int)id).ToList())))).ToList();
            var label = entities.Count == 0 ? NoEntities : string.Join(" · ", entities.Select(e => Describe(e, tokens)));
            return new Prediction(Info.Id, label, probabilities, instance.Fields, tags, entities);
        }).ToList();
    }

    static string Describe(InstanceLabel entity, IReadOnlyList<Token> tokens) =>
        $"{entity.Value}: {string.Join(' ', tokens.Skip(entity.Start!.Value).Take(entity.End!.Value - entity.Start.Value).Select(t => t.Text))}";

    /// <summary>One instance per predicted entity: unknown until the tagger has run.</summary>
    public override int? InstancesBeforePrediction(TextInstance input) => null;

    public override IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction)
    {
        if (prediction.Tags is not { } tags || prediction.Entities is not { } entities)
            throw new ArgumentException("Not a tagger's prediction: it has no tags.", nameof(prediction));
        return entities.Select(entity =>
        {
            var target = new long[tags.Count];
            Array.Fill(target, _outside);
            for (int t = entity.Start!.Value; t < entity.End!.Value; t++) target[t] = _tagIds[tags[t]];
            return new LabeledInstance(input, entity, target);
        }).ToList();
    }

    public override LabeledInstance WithTarget(TextInstance input, string target)
    {
        int tokens = input.Fields[0].Tokens.Count;
        var colon = target.LastIndexOf(':');
        var range = colon < 0 ? [] : target[(colon + 1)..].Split('-');
        if (colon <= 0 || range.Length != 2 || !int.TryParse(range[0], out var start) || !int.TryParse(range[1], out var end))
            throw new InputException($"An NER target is an entity type and a token span, e.g. 'LOC:3-5' (tokens 3 and 4) or 'O:3-5'; got '{target}'.");
        var type = target[..colon];
        var types = _tags.Where(t => t != BioTags.Outside).Select(t => BioTags.Split(t).Type).Distinct().ToList();
        if (type != BioTags.Outside && !types.Contains(type))
            throw new InputException($"'{type}' is not an entity type of {Info.Id}; its types are {string.Join(", ", types)} (or O for none).");
        if (start < 0 || end <= start || end > tokens)
            throw new InputException($"The span {start}-{end} is not inside the input's {tokens} tokens (0 to {tokens}, end exclusive).");
        var ids = new long[tokens];
        Array.Fill(ids, _outside);
        if (type != BioTags.Outside)
            for (int t = start; t < end; t++) ids[t] = _tagIds[(t == start ? "B-" : "I-") + type];
        return new LabeledInstance(input, new InstanceLabel("tag", type, FieldName, start, end), ids);
    }

    public override bool Holds(LabeledInstance labeled, Prediction prediction)
    {
        if (prediction.Tags is not { } tags || tags.Count != labeled.Target.Count) return false;
        var (start, end) = SpanOf(labeled);
        for (int t = start; t < end; t++)
            if (tags[t] != _tags[(int)labeled.Target[t]]) return false;
        return true;
    }

    /// <summary>Removes the token and its target tag; the span shifts left when the token is before it and shrinks
    /// when the token is inside it.</summary>
    public override LabeledInstance WithTokenRemoved(LabeledInstance labeled, int field, int position)
    {
        var (start, end) = SpanOf(labeled);
        if (position < start) (start, end) = (start - 1, end - 1);
        else if (position < end) end--;
        return new LabeledInstance(labeled.Input.RemoveToken(field, position), labeled.Label with { Start = start, End = end },
            labeled.Target.Where((_, i) => i != position).ToList());
    }

    protected override void DisposeModel() => _model.Dispose();
}
