using System.Diagnostics;
using Interpret.Core.Gradients;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Attacks;

/// <summary>
/// HotFlip (Ebrahimi et al. 2018) as AllenNLP Interpret runs it: take the unflipped position whose embedding
/// gradient has the largest norm and swap in the vocabulary entry with the best first-order gain (e′ − e)·∇,
/// signed to push the objective away from the prediction (untargeted) or towards the target (targeted);
/// recompute gradients after each flip; stop when the prediction changes / reaches the target or positions run
/// out. Padding, unknown, special and non-alphanumeric entries are never put in, punctuation is never flipped,
/// and each position flips at most once. "joint" searches (position, word) together instead.
/// Unlike the seed, which goes on until every position has flipped, it stops after <see cref="DefaultMaxFlips"/> flips
/// unless asked for more: past a few words an "adversarial example" is a different text, and on long inputs (an NER
/// sentence) the seed's way spends seconds on junk flips. Each step records the probability the model gives the
/// attack's label (the target, or the original prediction), so a user sees how close it came.
/// Costs flips + 1 gradient passes (+ 1 forward pass per flip for the logit objective). Registered as "hotflip".
/// </summary>
public sealed class HotFlip : Attacker
{
    public override string Name => MethodNames.HotFlip;

    public const int DefaultMaxFlips = 5;

    public override MethodOptions Resolve(MethodOptions requested)
    {
        if (requested.MaxFlips is < 1) throw new InputException("Max flips must be at least 1.");
        return new MethodOptions
        {
            Objective = Objectives.Name(Objectives.Parse(requested.Objective)),
            Target = requested.Target,
            Instance = requested.Instance,
            SingleInstance = requested.SingleInstance,
            Field = requested.Field,
            MaxFlips = requested.MaxFlips ?? DefaultMaxFlips,
            Joint = requested.Joint ?? false,
        };
    }

    public override IEnumerable<Attack> Run(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default)
    {
        var options = Resolve(requested);
        var objective = Objectives.Parse(options.Objective);
        var clock = Stopwatch.StartNew();
        int field = predictor.AttackedField(input, options.Field);
        var original = predictor.Predict(input);
        bool targeted = options.Target is not null;
        // Untargeted: the label is the model's own prediction and the objective must fall; targeted: it must rise.
        var labeled = FirstInstance(LabeledInstances.Select(predictor, input, original, options with { Target = null }), original);
        var goal = targeted ? predictor.WithTarget(input, options.Target!) : labeled;
        double sign = targeted ? 1 : -1;
        int tokens = input.Fields[field].Tokens.Count;
        int maxFlips = options.MaxFlips!.Value;
        options = options with { Field = input.Fields[field].Name };

        var (matrix, valid) = predictor.Replacements;
        var flipped = new bool[tokens];
        var steps = new List<AttackStep>();
        var current = goal;
        var pass = predictor.GetGradients([current], objective);
        int passes = 1;
        Prediction now = pass.Predictions[0];
        double? originalProbability = ProbabilityOfLabel(pass);

        while (!Reached(now) && steps.Count < maxFlips)
        {
            cancellation.ThrowIfCancellationRequested();
            var protectedOrFlipped = flipped.Select((f, p) => f || predictor.Protects(current, input.Fields[field].Name, p)).ToArray();
            var choice = Choose(predictor, current.Input.Fields[field], pass.Fields[0][field], matrix, valid, protectedOrFlipped, sign, options.Joint!.Value);
            if (choice is not var (position, word)) break;
            var before = current.Input.Fields[field].Tokens[position].Text;
            var after = predictor.Vocabulary[word];
            flipped[position] = true;
            current = predictor.WithTokenReplaced(current, field, position, after);
            pass = predictor.GetGradients([current], objective);
            passes++;
            now = pass.Predictions[0];
            steps.Add(new AttackStep(steps.Count + 1, [new TokenChange(input.Fields[field].Name, position, before, after)], now, passes,
                ProbabilityOfLabel(pass)));
            yield return Record(false);
        }
        yield return Record(true);

        bool Reached(Prediction p) => targeted ? predictor.Holds(goal, p) : !predictor.Holds(labeled, p);

        // The pass's objective is the label's log-probability (the loss is its negative, already flipped to
        // "larger = more support"); a logit is not, so the logit objective costs one forward pass more.
        double? ProbabilityOfLabel(GradientBatch batch) => Math.Exp(objective == Objective.Logit
            ? predictor.ObjectiveValues([current], Objective.LogProb)[0]
            : batch.Objective[0]);

        Attack Record(bool complete) => new(predictor.Id, predictor.Info.ManifestHash, Name, options, goal.Label,
            input.Fields, original, steps.ToList(), current.Input.Fields, now, Reached(now), passes, clock.Elapsed.TotalMilliseconds, complete,
            originalProbability);
    }

    /// <summary>The flip to make: (position, vocabulary id), or null when no position is left. Excluded positions
    /// (already flipped, or the labeled entity's own tokens) and punctuation are never chosen.</summary>
    internal static (int Position, int Word)? Choose(Predictor predictor, Field field, FieldGradient gradient, Tensor matrix, bool[] valid,
        bool[] excluded, double sign, bool joint)
    {
        var positions = Enumerable.Range(0, field.Tokens.Count).Where(p => !excluded[p] && !Attacker.IsIgnored(field.Tokens[p].Text)).ToList();
        if (positions.Count == 0) return null;
        if (!joint)
        {
            int position = positions.MaxBy(gradient.NormOf);
            var (word, _) = BestWord(predictor, field, gradient, matrix, valid, position, sign);
            return word < 0 ? null : (position, word);
        }
        (int Position, int Word, double Gain)? best = null;
        foreach (var p in positions)
        {
            var (word, gain) = BestWord(predictor, field, gradient, matrix, valid, p, sign);
            if (word >= 0 && (best is null || gain > best.Value.Gain)) best = (p, word, gain);
        }
        return best is { } b ? (b.Position, b.Word) : null;
    }

    /// <summary>argmax over valid entries w ≠ current of sign · (e_w − e)·∇, the first-order change of the objective.</summary>
    internal static (int Word, double Gain) BestWord(Predictor predictor, Field field, FieldGradient gradient, Tensor matrix, bool[] valid, int position, double sign)
    {
        using var scope = NewDisposeScope();
        var g = gradient.GradientOf(position).ToArray();
        var e = gradient.EmbeddingOf(position).ToArray();
        double current = 0;
        for (int d = 0; d < g.Length; d++) current += e[d] * g[d];
        var scores = matrix.matmul(tensor(g)).data<double>().ToArray();
        int currentId = predictor.Vocabulary.IdOf(field.Tokens[position].Text);
        int bestWord = -1;
        double bestGain = double.NegativeInfinity;
        for (int w = 0; w < scores.Length; w++)
        {
            if (!valid[w] || w == currentId) continue;
            double gain = sign * (scores[w] - current);
            if (gain > bestGain) (bestWord, bestGain) = (w, gain);
        }
        return (bestWord, bestGain);
    }
}
