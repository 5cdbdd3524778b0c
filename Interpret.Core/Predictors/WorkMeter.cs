namespace Interpret.Core.Predictors;

/// <summary>The model work this thread has done so far, as the predictor's passes count it (padded batch shape: rows ×
/// longest row). Torch jobs run start to finish on one worker thread, so the difference of two readings around a job is
/// that job's work. Used to check <see cref="Methods.WorkEstimator"/> against what methods really do.</summary>
public static class WorkMeter
{
    [ThreadStatic] static long _forward;
    [ThreadStatic] static long _gradient;

    public static WorkCount Read() => new(_forward, _gradient);

    internal static void Forward(IReadOnlyList<TextInstance> batch) => _forward += TokenRows(batch);

    internal static void Gradient(IReadOnlyList<TextInstance> batch) => _gradient += TokenRows(batch);

    static long TokenRows(IReadOnlyList<TextInstance> batch) => (long)batch.Count * batch.Max(b => b.TokenCount);
}
