using Interpret.Results;

namespace Explorer.App.State;

/// <summary>The finished results (Interpretation or Attack records) for one input — a model and its field values —
/// in the order they finished. Running another method on the same input adds to it, so methods can be compared;
/// running a method again with the same options replaces its earlier result; a new input starts over.</summary>
public sealed class ResultHistory
{
    readonly List<object> _results = [];

    public string? InputKey { get; private set; }
    /// <summary>Changes whenever the list does, so views can skip repainting (and re-plotting) an unchanged history.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<object> Results => _results;
    public IReadOnlyList<Interpretation> Saliency => _results.OfType<Interpretation>().ToList();

    /// <summary>The saliency results that answer one question (<see cref="QuestionOf"/>): the same labeled instance (a
    /// tagger's entity, a masked LM's mask or all masks) and the same target, the ones that can be compared token by token.</summary>
    public IReadOnlyList<Interpretation> SaliencyFor(Question question) =>
        _results.OfType<Interpretation>().Where(i => QuestionOf(i) == question).ToList();

    /// <summary>What a result explains: its Instance, SingleInstance and Target options (none for no result).</summary>
    public static Question QuestionOf(object? result) => result switch
    {
        Interpretation i => Question.Of(i.Options),
        Attack a => Question.Of(a.Options),
        _ => default,
    };

    public readonly record struct Question(int? Instance, bool SingleInstance, string? Target)
    {
        public static Question Of(MethodOptions o) => new(o.Instance, o.SingleInstance == true, o.Target);
    }

    /// <summary>Starts a run on this input; a different input than before clears the history.</summary>
    public void StartInput(string model, IReadOnlyDictionary<string, string> input)
    {
        var key = InputKeys.Of(model, input);
        if (key == InputKey) return;
        _results.Clear();
        InputKey = key;
        Version++;
    }

    public void Add(object result)
    {
        _results.RemoveAll(r => SameRun(r, result));
        _results.Add(result);
        Version++;
    }

    public void Remove(object result)
    {
        if (_results.Remove(result)) Version++;
    }

    public void Clear()
    {
        _results.Clear();
        InputKey = null;
        Version++;
    }

    static bool SameRun(object a, object b) => (a, b) switch
    {
        (Interpretation x, Interpretation y) => x.Method == y.Method && x.Options == y.Options,
        (Attack x, Attack y) => x.Method == y.Method && x.Options == y.Options,
        _ => false,
    };
}
