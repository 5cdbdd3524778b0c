using System.Diagnostics;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Attacks;

/// <summary>
/// Input reduction (Feng et al. 2018) as AllenNLP Interpret runs it: repeatedly remove the token whose embedding
/// gradient has the smallest norm while the prediction holds, with a beam search (beam 3). Each beam level's
/// candidates go through one batched gradient pass; candidates from all parents are ranked together by the
/// removed token's gradient norm, and duplicates (the same tokens removed in another order) are dropped. Stops at
/// one token or when no candidate keeps the prediction. Punctuation and special tokens are never removed.
/// Registered as "input-reduction".
/// </summary>
public sealed class InputReduction : Attacker
{
    sealed record Candidate(LabeledInstance Labeled, int[] OriginalPositions, IReadOnlyList<AttackStep> History, TokenChange? LastRemoval)
    {
        public TextInstance Input => Labeled.Input;
    }

    public override string Name => MethodNames.InputReduction;

    public override MethodOptions Resolve(MethodOptions requested)
    {
        int beam = requested.BeamSize ?? 3;
        if (beam is < 1 or > 50) throw new InputException("Beam size must be between 1 and 50.");
        if (requested.Target is not null) throw new InputException("Input reduction keeps the model's own prediction; it takes no target.");
        return new MethodOptions
        {
            Objective = Objectives.Name(Objectives.Parse(requested.Objective)),
            Instance = requested.Instance,
            SingleInstance = requested.SingleInstance,
            Field = requested.Field,
            BeamSize = beam,
        };
    }

    public override IEnumerable<Attack> Run(Predictor predictor, TextInstance input, MethodOptions requested, CancellationToken cancellation = default)
    {
        var options = Resolve(requested);
        var objective = Objectives.Parse(options.Objective);
        var clock = Stopwatch.StartNew();
        int field = predictor.AttackedField(input, options.Field);
        options = options with { Field = input.Fields[field].Name };
        int beamSize = options.BeamSize!.Value;
        var original = predictor.Predict(input);
        var labeled = FirstInstance(LabeledInstances.Select(predictor, input, original, options), original);

        var beam = new List<Candidate> { new(labeled, Enumerable.Range(0, input.Fields[field].Tokens.Count).ToArray(), [], null) };
        var best = beam[0];
        var bestPrediction = original;
        int passes = 0;
        while (beam.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var pass = predictor.GetGradients(beam.Select(c => c.Labeled).ToList(), objective);
            passes++;
            var expansions = new List<(Candidate Child, double Norm)>();
            bool improved = false;
            for (int i = 0; i < beam.Count; i++)
            {
                var prediction = pass.Predictions[i];
                var candidate = beam[i];
                if (!predictor.Holds(candidate.Labeled, prediction)) continue;
                if (candidate.LastRemoval is { } removal)
                    candidate = candidate with { History = [.. candidate.History, new AttackStep(candidate.History.Count + 1, [removal], prediction, passes)] };
                if (!improved) (best, bestPrediction, improved) = (candidate, prediction, true);
                var tokens = candidate.Input.Fields[field].Tokens;
                if (tokens.Count <= 1) continue;
                var gradient = pass.Fields[i][field];
                var name = input.Fields[field].Name;
                var removable = Enumerable.Range(0, tokens.Count).Where(p => !IsIgnored(tokens[p].Text) && !predictor.Protects(candidate.Labeled, name, p))
                    .Select(p => (Position: p, Norm: gradient.NormOf(p))).OrderBy(x => x.Norm).Take(beamSize);
                foreach (var (position, norm) in removable)
                    expansions.Add((Remove(predictor, candidate, field, position, name), norm));
            }
            if (!improved) break;
            if (best.LastRemoval is not null) yield return Record(false);
            beam = expansions.OrderBy(e => e.Norm)
                .DistinctBy(e => string.Join(',', e.Child.OriginalPositions))
                .Take(beamSize).Select(e => e.Child).ToList();
        }
        yield return Record(true);

        Attack Record(bool complete) => new(predictor.Id, predictor.Info.ManifestHash, Name, options, labeled.Label,
            input.Fields, original, best.History, best.Input.Fields, bestPrediction, best.History.Count > 0, passes,
            clock.Elapsed.TotalMilliseconds, complete);
    }

    static Candidate Remove(Predictor predictor, Candidate parent, int field, int position, string fieldName)
    {
        var token = parent.Input.Fields[field].Tokens[position];
        return new Candidate(predictor.WithTokenRemoved(parent.Labeled, field, position),
            parent.OriginalPositions.Where((_, i) => i != position).ToArray(), parent.History,
            new TokenChange(fieldName, parent.OriginalPositions[position], token.Text, null));
    }
}
