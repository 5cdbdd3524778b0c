using System.Diagnostics;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Saliency;

/// <summary>
/// Base of the gradient saliency methods. It predicts, turns the prediction (or the user's target) into labeled
/// instances, runs the method on each, and yields an <see cref="Interpretation"/> after every chunk of work
/// (Complete = false) and once at the end (Complete = true). Runs synchronously on the caller's (torch) thread;
/// cancellation is checked between chunks.
/// </summary>
public abstract class SaliencyInterpreter
{
    /// <summary>The most steps / samples one pass may batch (a bound on memory per pass).</summary>
    public const int MaxChunk = 512;

    public abstract string Name { get; }

    /// <summary>The options this method will use: defaults filled in, irrelevant options dropped, bad values rejected.</summary>
    public abstract MethodOptions Resolve(MethodOptions requested);

    protected abstract IEnumerable<TokenAttribution> Attribute(Predictor predictor, LabeledInstance instance, MethodOptions options, Objective objective);

    /// <summary>The method's final attribution of one labeled instance, per-dimension gradients included (for tests and tools).</summary>
    public TokenAttribution AttributeToEnd(Predictor predictor, LabeledInstance instance, MethodOptions requested)
    {
        var options = Resolve(requested);
        return Attribute(predictor, instance, options, Objectives.Parse(options.Objective)).Last();
    }

    public IEnumerable<Interpretation> Interpret(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default)
    {
        var options = Resolve(requested);
        var objective = Objectives.Parse(options.Objective);
        var clock = Stopwatch.StartNew();
        var prediction = predictor.Predict(input);
        var labeled = LabeledInstances.Select(predictor, input, prediction, options);
        var finished = new List<InterpretedInstance>();
        int passes = 0, done = 0, total = 0;
        foreach (var instance in labeled)
        {
            TokenAttribution? latest = null;
            foreach (var attribution in Attribute(predictor, instance, options, objective))
            {
                latest = attribution;
                total = attribution.Total * labeled.Count;
                yield return Record(false, [.. finished, Build(instance, prediction, attribution)], passes + attribution.Passes, done + attribution.Done, total);
                cancellation.ThrowIfCancellationRequested();
            }
            finished.Add(Build(instance, prediction, latest!));
            passes += latest!.Passes;
            done += latest.Done;
        }
        yield return Record(true, finished, passes, done, total);

        Interpretation Record(bool complete, IReadOnlyList<InterpretedInstance> instances, int gradientPasses, int stepsDone, int stepsTotal) =>
            new(predictor.Id, predictor.Info.ManifestHash, Name, options, instances, gradientPasses,
                clock.Elapsed.TotalMilliseconds, complete, new Progress(stepsDone, stepsTotal));
    }

    /// <summary>Runs to completion and returns the final result.</summary>
    public Interpretation InterpretToEnd(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default) =>
        Interpret(predictor, input, requested, cancellation).Last();

    static InterpretedInstance Build(LabeledInstance instance, Prediction prediction, TokenAttribution attribution)
    {
        var normalized = ScoreNormalization.AbsoluteL1(attribution.Raw);
        var fields = instance.Input.Fields.Select((f, i) => new FieldScores(f.Name, f.Text, f.Tokens, attribution.Raw[i], normalized[i])).ToList();
        return new InterpretedInstance(instance.Label, prediction.Probabilities, fields, attribution.Completeness);
    }

    protected static int ResolveChunk(int? chunk, int total)
    {
        int value = chunk ?? Math.Min(total, MaxChunk);
        if (value < 1 || value > MaxChunk) throw new InputException($"Chunk must be between 1 and {MaxChunk}.");
        return value;
    }

    protected static int Bounded(int? value, int fallback, int max, string name)
    {
        int v = value ?? fallback;
        if (v < 1 || v > max) throw new InputException($"{name} must be between 1 and {max:N0}.");
        return v;
    }
}
