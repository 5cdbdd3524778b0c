using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Attacks;

/// <summary>
/// Base of the adversarial attacks. Each runs synchronously on the caller's (torch) thread and yields an
/// <see cref="Attack"/> after every step (Complete = false) and once at the end (Complete = true); cancellation is
/// checked between steps.
/// </summary>
public abstract class Attacker
{
    public abstract string Name { get; }

    public abstract MethodOptions Resolve(MethodOptions requested);

    public abstract IEnumerable<Attack> Run(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default);

    public Attack RunToEnd(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default) =>
        Run(predictor, input, requested, cancellation).Last();

    /// <summary>Tokens never flipped or removed: punctuation and special tokens (the seed's ignore list, generalised).</summary>
    public static bool IsIgnored(string token) =>
        token is "[CLS]" or "[SEP]" or "[MASK]" or "[PAD]" or "@@NULL@@" || !token.Any(char.IsLetterOrDigit);

    /// <summary>The labeled instance an attack works on (the first one selected); a prediction that yields none, such as
    /// a sentence without entities, is an input error with a clear message.</summary>
    protected static LabeledInstance FirstInstance(IReadOnlyList<LabeledInstance> instances, Prediction prediction) =>
        instances.Count > 0 ? instances[0]
            : throw new InputException($"Nothing to attack: the prediction ({prediction.Label}) yields no labeled instance.");
}
