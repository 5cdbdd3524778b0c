using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>A request for a model that is listed but failed to load (HTTP 503, not 404 or 500). The message gives
/// the reason, so the user knows it is the model folder, not the request, that needs fixing.</summary>
public sealed class ModelUnavailableException(string id, ModelLoadFailure failure)
    : Exception($"Model '{id}' is unavailable: it failed to load ({failure.Message}).")
{
    public ModelLoadFailure Failure { get; } = failure;
}
