namespace Interpret.Browser.Tests;

/// <summary>The model and inputs the browser tests use.</summary>
public static class Inputs
{
    public const string Model = "sentiment-sst2-bilstm";

    /// <summary>The pretrained transformer: MiniLM with LoRA adapters, WordPiece tokens with [CLS] and [SEP].</summary>
    public const string PretrainedModel = "sentiment-sst2-minilm";

    public const string Sentence = "It's not a bad film, and the acting is wonderful.";

    public static IReadOnlyDictionary<string, string> Text => new Dictionary<string, string> { ["text"] = Sentence };

    public const string NliModel = "nli-snli-esim";
    public const string Premise = "A man is playing a guitar on a crowded stage.";
    public const string Hypothesis = "A person is performing music.";

    public static IReadOnlyDictionary<string, string> Pair => new Dictionary<string, string> { ["premise"] = Premise, ["hypothesis"] = Hypothesis };

    /// <summary>The BiDAF reader (small, so the end-to-end run stays quick); the test drives the explorer's first example.</summary>
    public const string ReaderModel = "rc-squad-bidaf";

    public const string NerModel = "ner-conll2003-bilstm-crf";
    /// <summary>The seed's Figure-1 kind of sentence: the explorer's first NER example.</summary>
    public const string NerSentence = "A man named John Smith works at Microsoft in downtown Seattle.";

    public static IReadOnlyDictionary<string, string> NerText => new Dictionary<string, string> { ["text"] = NerSentence };

    /// <summary>The masked LM the transformer tests drive: the shipped <c>mlm-gutenberg-bert</c>, or another id from
    /// the environment variable <c>EXPLORER_TEST_MLM_MODEL</c> (e.g. the tiny-bert fixture configured as a checkpoint
    /// through <c>Explorer__Checkpoints__0__Id</c> / <c>__Path</c>, which the app inherits from the test process).</summary>
    public static string MlmModel => Setting(MlmModelSetting, "mlm-gutenberg-bert");
    public const string MlmModelSetting = "EXPLORER_TEST_MLM_MODEL";
    /// <summary>The masked-LM explorer's first example.</summary>
    public const string MaskSentence = "the nurse said that [MASK] was tired .";
    public static IReadOnlyDictionary<string, string> MaskText => new Dictionary<string, string> { ["text"] = MaskSentence };

    /// <summary>The models compared side by side: the BiLSTM and the BERT sentiment classifier, or two other ids
    /// ("a,b") from <c>EXPLORER_TEST_COMPARE_MODELS</c>.</summary>
    public static (string Left, string Right) CompareModels
    {
        get
        {
            var ids = Setting(CompareModelsSetting, $"{Model},sentiment-sst2-bert").Split(',', StringSplitOptions.TrimEntries);
            return (ids[0], ids[1]);
        }
    }
    public const string CompareModelsSetting = "EXPLORER_TEST_COMPARE_MODELS";

    static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    /// <summary>A long sentence, so a job with many integration steps in small chunks takes many seconds.</summary>
    public const string LongSentence =
        "Although the first hour drags with clumsy exposition and a few wooden performances from the supporting cast, " +
        "the film slowly gathers strength, and by the final act the quiet, patient direction, the gorgeous photography " +
        "of the winter coast and the lead actress's remarkably restrained and moving performance make it one of the " +
        "most rewarding, surprising and genuinely affecting dramas of the year, even if it never quite escapes its " +
        "occasionally heavy-handed script and its overly sentimental score.";
}
