using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>One model token as an inline chip, optionally coloured. Every view of tokens (saliency, comparison,
/// flips, reduction) renders through it, so tokens look and behave the same everywhere.
/// Extra attributes (title, aria-label, tabindex, data-*) pass through to the element.</summary>
public partial class TokenView
{
    /// <summary>The token text as the model saw it.</summary>
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    /// <summary>Background and text colour; none leaves the chip uncoloured.</summary>
    [Parameter] public TokenColor? Color { get; set; }

    /// <summary>Extra classes, e.g. "saliency-token top-k" or "attack-token flipped".</summary>
    [Parameter] public string? Class { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    string CssClass => string.IsNullOrEmpty(Class) ? "token" : "token " + Class;
}
