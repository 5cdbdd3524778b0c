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

    /// <summary>The saliency results for one labeled instance (an entity of a tagger; null: all of them), the ones that
    /// can be compared token by token.</summary>
    public IReadOnlyList<Interpretation> SaliencyFor(int? instance) =>
        _results.OfType<Interpretation>().Where(i => i.Options.Instance == instance).ToList();

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
