using Interpret.Core.Predictors;

namespace Interpret.Core.Methods;

/// <summary>A valid request that asks for more work than the server allows per request (HTTP 400, like other input
/// the user can change); the message says by how much and what to lower.</summary>
public sealed class OverBudgetException(string message) : InputException(message);
