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
        long work;
        try { work = MethodRunner.Estimate(predictor, method, request, instances); }
        catch (Exception e) when (e is InputException or UnknownNameException) { return null; }
        var percent = budget.Percent(work);
        if (work <= budget.MaxWork) return new RunCost(percent, null);
        // Over the budget: the server's own refusal, so the page says exactly what an API call would be told.
        try { budget.Check(predictor, method, MethodRunner.Resolve(method, request.Options ?? new MethodOptions()), predictor.Tokenize(request.Input), instances); }
        catch (OverBudgetException e) { return new RunCost(percent, e.Message); }
        return new RunCost(percent, null);
    }

    public string Text => Refusal ?? (Percent <= 1 ? "Cost: under 1% of the work one request may use" : $"Cost: about {Percent}% of the work one request may use");
}
