namespace Interpret.Core.Predictors;

/// <summary>What gets differentiated, always signed so that larger supports the labeled instance's target:
/// the negated loss (the seed's choice), the target's log-probability, or its logit (Captum-style).</summary>
public enum Objective { Loss, LogProb, Logit }

public static class Objectives
{
    public static Objective Parse(string? name) => name switch
    {
        null or "loss" => Objective.Loss,
        "log-prob" => Objective.LogProb,
        "logit" => Objective.Logit,
        _ => throw new InputException($"Unknown objective '{name}'; use loss, log-prob or logit."),
    };

    public static string Name(Objective objective) => objective switch
    {
        Objective.Loss => "loss",
        Objective.LogProb => "log-prob",
        _ => "logit",
    };
}
