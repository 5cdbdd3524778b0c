namespace Interpret.Browser.Tests;

/// <summary>The model and inputs the browser tests use.</summary>
public static class Inputs
{
    public const string Model = "sentiment-sst2-bilstm";

    public const string Sentence = "It's not a bad film, and the acting is wonderful.";

    public static IReadOnlyDictionary<string, string> Text => new Dictionary<string, string> { ["text"] = Sentence };

    /// <summary>A long sentence, so a job with many integration steps in small chunks takes many seconds.</summary>
    public const string LongSentence =
        "Although the first hour drags with clumsy exposition and a few wooden performances from the supporting cast, " +
        "the film slowly gathers strength, and by the final act the quiet, patient direction, the gorgeous photography " +
        "of the winter coast and the lead actress's remarkably restrained and moving performance make it one of the " +
        "most rewarding, surprising and genuinely affecting dramas of the year, even if it never quite escapes its " +
        "occasionally heavy-handed script and its overly sentimental score.";
}
