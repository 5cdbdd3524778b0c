using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Explorer.App.State;

/// <summary>What a run would cost, shown before Run: its share of the server's per-request budget and, over the
/// budget, the refusal the server would give (Run is then disabled with it as the reason).</summary>
public sealed record RunCost(int Percent, string? Refusal)
{
    /// <summary>Null when the request is not valid yet (empty text, a bad option): its error shows on Run.</summary>
    public static RunCost? Of(Predictor predictor, string method, MethodRequest request, WorkBudget budget, int? instances)
    {
        try
        {
            var percent = budget.Percent(MethodRunner.Estimate(predictor, method, request, instances));
            MethodRunner.Validate(predictor, method, request, budget, instances);
            return new RunCost(percent, null);
        }
        catch (OverBudgetException e)
        {
            return new RunCost(budget.Percent(MethodRunner.Estimate(predictor, method, request, instances)), e.Message);
        }
        catch (Exception e) when (e is InputException or UnknownNameException)
        {
            return null;
        }
    }

    public string Text => Refusal ?? (Percent <= 1 ? "Cost: under 1 % of the work one request may use" : $"Cost: about {Percent} % of the work one request may use");
}
