namespace Interpret.Core.Training;

/// <summary>BERT's schedule: the learning rate rises linearly over the warm-up steps, then falls linearly to 0 at the last step.</summary>
public static class LearningRateSchedule
{
    /// <returns>the factor for the base learning rate at <paramref name="step"/> (0-based)</returns>
    public static double WarmupThenLinearDecay(int step, double warmupSteps, int totalSteps) =>
        step < warmupSteps
            ? (step + 1.0) / warmupSteps
            : Math.Max(0, (totalSteps - step) / Math.Max(1, totalSteps - warmupSteps));

    public static void Apply(TorchSharp.torch.optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
