namespace Interpret.Components;

/// <summary>How one token is painted: CSS background, CSS text colour and the intensity (0..1) behind both.</summary>
public readonly record struct TokenColor(string Background, string Foreground, double Intensity)
{
    /// <summary>The inline style for a token element.</summary>
    public string Style => $"background-color: {Background}; color: {Foreground};";
}
