using Interpret.Results;

namespace Interpret.Components;

/// <summary>Replays an attack's steps over the original tokens. Positions index the field's original tokens, so
/// the result lines up column by column with the original, whatever the final re-tokenisation looks like.</summary>
public static class AttackDiff
{
    /// <summary>The attacked fields in the record's order: those a step changed, the field named in the options,
    /// or else the last field (the task default, e.g. the hypothesis).</summary>
    public static IReadOnlyList<FieldDiff> Attacked(Attack attack)
    {
        var changes = attack.Steps
            .SelectMany(s => s.Changes.Select(c => new PositionChange(s.Step, c)))
            .ToList();
        var names = changes.Select(c => c.Change.Field).ToHashSet();
        if (attack.Options.Field is { } optionField) names.Add(optionField);
        if (names.Count == 0 && attack.OriginalFields.Count > 0) names.Add(attack.OriginalFields[^1].Name);

        return attack.OriginalFields
            .Where(f => names.Contains(f.Name))
            .Select(f => new FieldDiff(f, changes
                .Where(c => c.Change.Field == f.Name && c.Change.Position >= 0 && c.Change.Position < f.Tokens.Count)
                .GroupBy(c => c.Change.Position)
                .ToDictionary(g => g.Key, g => g.Last()))) // a position changed twice shows its latest word
            .ToList();
    }

    /// <summary>The fields the attack left alone (context, e.g. the premise).</summary>
    public static IReadOnlyList<Field> Untouched(Attack attack, IReadOnlyList<FieldDiff> attacked) =>
        attack.OriginalFields.Where(f => attacked.All(a => a.Field.Name != f.Name)).ToList();

    /// <summary>The label whose confidence an attack tracks: the instance's label when the prediction scores it; for
    /// an entity, the tagger's name for it ("ORG: Microsoft"), which stays the same while the attack leaves the
    /// entity's own words alone; else the original prediction.</summary>
    public static string TrackedLabel(Attack attack)
    {
        if (attack.Original.Probabilities.Any(p => p.Label == attack.Label.Value)) return attack.Label.Value;
        if (Entity(attack) is { } entity && attack.Original.Probabilities.Any(p => p.Label == entity)) return entity;
        return attack.Original.Label;
    }

    /// <summary>What the attack is about when it is one part of a structured prediction: "entity ORG: Microsoft" for a
    /// tagger's entity, "[MASK] text[5] → she" for a masked LM's mask, else null.</summary>
    public static string? InstanceName(Attack attack) => attack.Label switch
    {
        { Kind: "word", Field: { } field, Start: { } position } => $"[MASK] {field}[{position}] → {attack.Label.Value}",
        _ when Entity(attack) is { } entity => $"entity {entity}",
        _ => null,
    };

    /// <summary>"ORG: Microsoft" when the attacked instance is an entity (a span label), else null.</summary>
    public static string? Entity(Attack attack) => EntityText.Describe(attack.Label, attack.OriginalFields);

    /// <summary>"positive (95.0%)"; a label the prediction gives no probability (a tagger's summary) stands alone.</summary>
    public static string LabelWithProbability(Prediction prediction) =>
        prediction.Probabilities.Any(p => p.Label == prediction.Label)
            ? $"{prediction.Label} ({Format.Probability(prediction.ProbabilityOf(prediction.Label))})"
            : prediction.Label;

    /// <summary>The newest prediction: the last step's (a partial record's Final may lag behind), else Final.</summary>
    public static Prediction Latest(Attack attack) => attack.Steps.Count > 0 ? attack.Steps[^1].Prediction : attack.Final;

    /// <summary>"text[3] 'the' → 'a'" or "text[3] 'the' removed".</summary>
    public static string Describe(TokenChange change) => change.After is null
        ? $"{change.Field}[{change.Position}] '{change.Before}' removed"
        : $"{change.Field}[{change.Position}] '{change.Before}' → '{change.After}'";
}
