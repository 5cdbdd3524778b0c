namespace Interpret.Core.Coreference;

/// <summary>CoNLL-2012 coreference scores over many documents: MUC, B³ and CEAFφ4, each summed over documents before
/// dividing (as the reference scorer does), and the CoNLL F1 = the mean of their three F1s.</summary>
public sealed class CorefEvaluator
{
    public PrecisionRecall Muc { get; private set; }
    public PrecisionRecall BCubed { get; private set; }
    public PrecisionRecall Ceafe { get; private set; }
    public int Documents { get; private set; }

    public double ConllF1 => (Muc.F1 + BCubed.F1 + Ceafe.F1) / 3;

    public void Add(IReadOnlyList<IReadOnlyList<MentionSpan>> key, IReadOnlyList<IReadOnlyList<MentionSpan>> response)
    {
        Muc += MucScore.Of(key, response);
        BCubed += BCubedScore.Of(key, response);
        Ceafe += CeafeScore.Of(key, response);
        Documents++;
    }

    /// <summary>Fractions keyed as the manifests record them.</summary>
    public Dictionary<string, double> Metrics() => new()
    {
        ["conll_f1"] = ConllF1,
        ["muc_p"] = Muc.Precision, ["muc_r"] = Muc.Recall, ["muc_f1"] = Muc.F1,
        ["b3_p"] = BCubed.Precision, ["b3_r"] = BCubed.Recall, ["b3_f1"] = BCubed.F1,
        ["ceafe_p"] = Ceafe.Precision, ["ceafe_r"] = Ceafe.Recall, ["ceafe_f1"] = Ceafe.F1,
    };
}
