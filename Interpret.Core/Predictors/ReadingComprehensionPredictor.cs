using Interpret.Core.Models;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Text;
using Interpret.Core.Torch;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>
/// Predictor for reading comprehension (BiDAF, a transformer span reader): a question and a passage in, the best
/// answer span out. The labeled instance is the predicted span (its start and end token in the passage); its objective
/// is the span's log-probability, log p(start) + log p(end), each a softmax over the passage's answerable tokens.
/// Attacks change the question by default and never touch the answer's own tokens. One window: the passage is read
/// whole, so its length is limited (a transformer's positions; <see cref="WindowedReader"/> scores longer ones).
/// </summary>
public sealed class ReadingComprehensionPredictor : Predictor
{
    public const string QuestionField = "question", PassageField = "passage";
    const int Question = 0, Passage = 1;

    /// <summary>How many spans a prediction lists: the answer and the next best.</summary>
    public const int ListedSpans = 6;

    readonly ISpanModel _model;
    readonly Func<string, int, IReadOnlyList<Token>> _tokenize;
    readonly InputLimits _limits;
    readonly int _maxPassageTokens;
    readonly int? _maxTotalTokens;
    readonly Func<int, bool>? _isValidReplacement;

    /// <param name="tokenize">a field's text and index → its tokens (BERT: <c>[CLS] q [SEP]</c> and <c>p [SEP]</c>)</param>
    /// <param name="maxPassageTokens">the longest passage read, in tokens</param>
    /// <param name="maxTotalTokens">for a transformer, its positions: question and passage together</param>
    public ReadingComprehensionPredictor(ModelInfo info, ISpanModel model, ITokenVocabulary vocabulary, Func<string, int, IReadOnlyList<Token>> tokenize,
        InputLimits? limits = null, int maxPassageTokens = 1000, int? maxTotalTokens = null, Func<int, bool>? isValidReplacement = null)
    {
        if (info.InputFields is not [QuestionField, PassageField])
            throw new ArgumentException($"{info.Id}: a reader's fields are '{QuestionField}' and '{PassageField}', in that order.");
        Info = info with { AttackedField = QuestionField };
        _model = model;
        _model.Freeze();
        Vocabulary = vocabulary;
        _tokenize = tokenize;
        _limits = limits ?? InputLimits.Default;
        _maxPassageTokens = maxPassageTokens;
        _maxTotalTokens = maxTotalTokens;
        _isValidReplacement = isValidReplacement;
    }

    public override ModelInfo Info { get; }
    public override ITokenVocabulary Vocabulary { get; }
    protected override ITokenEmbeddingModel Model => _model;

    /// <summary>The model itself, for dataset scoring that reads passages in windows.</summary>
    public ISpanModel SpanModel => _model;

    public override TextInstance Tokenize(IReadOnlyDictionary<string, string> input)
    {
        var unknown = input.Keys.Where(k => k is not (QuestionField or PassageField)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"Unknown input field '{unknown[0]}'; {Info.Id} reads '{QuestionField}' and '{PassageField}'.");
        var fields = Info.InputFields.Select((name, f) =>
        {
            var text = input.GetValueOrDefault(name);
            _limits.CheckText(name, text);
            var tokens = _tokenize(text!, f);
            if (f == Question) _limits.CheckTokens(name, tokens.Count);
            else if (tokens.Count == 0) throw new InputException($"The '{name}' field has no tokens.", name);
            else if (tokens.Count > _maxPassageTokens)
                throw new InputException($"The passage has {tokens.Count:N0} tokens; {Info.Id} reads at most {_maxPassageTokens:N0}.");
            return new Field(name, text!, tokens);
        }).ToList();
        if (_maxTotalTokens is { } max && fields.Sum(f => f.Tokens.Count) > max)
            throw new InputException($"{Info.Id} reads at most {max} pieces of question and passage together, [CLS] and [SEP] included; " +
                                     $"the question has {fields[Question].Tokens.Count} and the passage {fields[Passage].Tokens.Count}.");
        return new TextInstance(fields);
    }

    protected override Tensor Forward(IReadOnlyList<TextInstance> batch) =>
        _model.SpanScores(Texts(batch, Question), Texts(batch, Passage));

    static List<IReadOnlyList<string>> Texts(IReadOnlyList<TextInstance> batch, int field) =>
        batch.Select(b => (IReadOnlyList<string>)b.Fields[field].Tokens.Select(t => t.Text).ToList()).ToList();

    /// <summary>Tokens an answer may start or end on: the passage's own tokens (not [SEP], not padding).</summary>
    static Tensor Answerable(IReadOnlyList<TextInstance> batch, long time)
    {
        var flags = new bool[batch.Count * time];
        for (int r = 0; r < batch.Count; r++)
        {
            var tokens = batch[r].Fields[Passage].Tokens;
            for (int t = 0; t < tokens.Count; t++) flags[r * time + t] = IsAnswerable(tokens[t]);
        }
        return tensor(flags, [batch.Count, 1, time]);
    }

    /// <summary>A token that stands for characters of the passage (an attack's inserted word does too: it stays answerable).</summary>
    static bool IsAnswerable(Token token) => token.Start >= 0 || token.Text is not ("[SEP]" or "[CLS]");

    /// <summary>[batch, 2, time] log p(start), log p(end) over each row's answerable tokens (−∞ elsewhere).</summary>
    static Tensor LogProbabilities(Tensor scores, IReadOnlyList<TextInstance> batch) =>
        scores.masked_fill(Answerable(batch, scores.shape[2]).logical_not(), HeldScalars.NegativeInfinity).log_softmax(2);

    protected override Tensor ObjectiveOf(Tensor scores, IReadOnlyList<LabeledInstance> batch, Objective objective)
    {
        var inputs = batch.Select(b => b.Input).ToList();
        var values = objective == Objective.Logit ? scores : LogProbabilities(scores, inputs);
        // Target = [start, end]: gather start from row 0, end from row 1; the objective is their sum.
        var target = tensor(batch.SelectMany(b => b.Target).ToArray(), [batch.Count, 2, 1]);
        return values.gather(2, target).squeeze(2).sum(1);
    }

    protected override IReadOnlyList<Prediction> Decode(IReadOnlyList<TextInstance> batch, Tensor scores)
    {
        long time = scores.shape[2];
        var logs = LogProbabilities(scores, batch).to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        return batch.Select((instance, r) =>
        {
            var passage = instance.Fields[Passage];
            int n = passage.Tokens.Count;
            var start = logs.AsSpan((int)(r * 2 * time), n);
            var end = logs.AsSpan((int)(r * 2 * time + time), n);
            var answerable = passage.Tokens.Select(IsAnswerable).ToArray();
            var spans = SpanDecoder.Best(start, end, answerable, ListedSpans).Select(s => ToAnswer(passage, s)).ToList();
            return new Prediction(Info.Id, spans[0].Text, spans.Select(s => new LabelProbability(s.Text, s.Probability)).ToList(), instance.Fields, Spans: spans);
        }).ToList();
    }

    /// <summary>The span's text: the passage's characters from its first token's start to its last token's end (the
    /// tokens' own text when an attack put a word there).</summary>
    static AnswerSpan ToAnswer(Field passage, SpanDecoder.Span span)
    {
        var tokens = passage.Tokens;
        var first = tokens.Skip(span.Start).Take(span.Length).FirstOrDefault(t => t.Start >= 0);
        var last = tokens.Skip(span.Start).Take(span.Length).LastOrDefault(t => t.Start >= 0);
        bool typed = first is not null && last is not null && tokens.Skip(span.Start).Take(span.Length).All(t => t.Start >= 0);
        string text = typed ? passage.Text[first!.Start..last!.End] : string.Join(' ', tokens.Skip(span.Start).Take(span.Length).Select(t => t.Text));
        return new AnswerSpan(text, PassageField, span.Start, span.End + 1, first?.Start ?? -1, last?.End ?? -1, Math.Exp(span.Score));
    }

    public override IReadOnlyList<LabeledInstance> PredictionsToLabeledInstances(TextInstance input, Prediction prediction)
    {
        var best = prediction.Spans?.FirstOrDefault() ?? throw new InputException($"{Info.Id} gave no answer span.");
        return [Labeled(input, best.Text, best.Start, best.End)];
    }

    static LabeledInstance Labeled(TextInstance input, string text, int start, int end) =>
        new(input, new InstanceLabel("span", text, PassageField, start, end), [start, end - 1]);

    /// <summary>A target answer the user chose: its text must occur in the passage (the first occurrence, matched
    /// without regard to case) and cover whole tokens there.</summary>
    public override LabeledInstance WithTarget(TextInstance input, string target)
    {
        var passage = input.Fields[Passage];
        var wanted = target.Trim();
        int at = wanted.Length == 0 ? -1 : passage.Text.IndexOf(wanted, StringComparison.OrdinalIgnoreCase);
        if (at < 0) throw new InputException($"The target answer '{target}' does not occur in the passage; a reader's target is a span of its passage.");
        int first = -1, last = -1;
        for (int t = 0; t < passage.Tokens.Count; t++)
            if (passage.Tokens[t].Start >= 0 && passage.Tokens[t].End > at && passage.Tokens[t].Start < at + wanted.Length)
            {
                if (first < 0) first = t;
                last = t;
            }
        if (first < 0) throw new InputException($"The target answer '{target}' covers no token of the passage.");
        return Labeled(input, passage.Text[passage.Tokens[first].Start..passage.Tokens[last].End], first, last + 1);
    }

    /// <summary>Holds while the predicted span is the labeled one (the same tokens of the passage).</summary>
    public override bool Holds(LabeledInstance labeled, Prediction prediction) =>
        prediction.Spans is [var best, ..] && best.Start == labeled.Label.Start && best.End == labeled.Label.End;

    /// <summary>Removing a passage token before the answer shifts the answer left (a question token leaves it alone).</summary>
    public override LabeledInstance WithTokenRemoved(LabeledInstance labeled, int field, int position)
    {
        var input = labeled.Input.RemoveToken(field, position);
        if (field != Passage) return labeled with { Input = input };
        int start = labeled.Label.Start!.Value, end = labeled.Label.End!.Value;
        if (position >= start && position < end) throw new InvalidOperationException("The answer's own tokens are never removed.");
        if (position < start) (start, end) = (start - 1, end - 1);
        return new LabeledInstance(input, labeled.Label with { Start = start, End = end }, [start, end - 1]);
    }

    /// <summary>Attacks change the question (Feng et al. 2018); the <c>field</c> option can choose the passage.</summary>
    protected override int DefaultAttackedField(TextInstance input) => Question;

    public override bool IsValidReplacement(int id) => _isValidReplacement?.Invoke(id) ?? base.IsValidReplacement(id);

    protected override void DisposeModel() => _model.Dispose();
}
