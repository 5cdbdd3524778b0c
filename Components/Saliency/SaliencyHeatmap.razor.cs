using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>Tokens coloured by saliency, one row per input field on one shared colour scale, with a colour legend and
/// a slider that outlines the k tokens of largest |score|.
/// Usage: <c>&lt;SaliencyHeatmap Instance="@instance" /&gt;</c> or <c>&lt;SaliencyHeatmap Interpretation="@result" /&gt;</c>.</summary>
public partial class SaliencyHeatmap
{
    /// <summary>One interpreted instance to show. Ignored when <see cref="Interpretation"/> is set.</summary>
    [Parameter] public InterpretedInstance? Instance { get; set; }

    /// <summary>A whole result: every instance is shown, each on its own scale, under the method and timing.</summary>
    [Parameter] public Interpretation? Interpretation { get; set; }

    /// <summary>True: signed raw scores on a diverging scale (red supports the target, blue opposes it). False:
    /// normalised |scores| on a sequential scale, as AllenNLP's demo. Null (default): signed for gradient × input
    /// results (<see cref="SignedDefault"/>). The header has a toggle for it. Bindable.</summary>
    [Parameter] public bool? Signed { get; set; }

    [Parameter] public EventCallback<bool> SignedChanged { get; set; }

    /// <summary>How many tokens (largest |score| across all fields) to highlight. Default 3. Bindable.</summary>
    [Parameter] public int TopK { get; set; } = 3;

    [Parameter] public EventCallback<int> TopKChanged { get; set; }

    /// <summary>Tokens as the model's pieces (default) or as words with their pieces' scores summed or averaged. The
    /// header shows a toggle for it when a field has "##" pieces; fields without pieces look the same either way. In a
    /// word view positions (<c>data-position</c>, the label's span) count words. Bindable.</summary>
    [Parameter] public SaliencyGranularity Granularity { get; set; }

    [Parameter] public EventCallback<SaliencyGranularity> GranularityChanged { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    List<SaliencyLayout> _layouts = [];
    int _topK;
    int? _lastTopKParameter;
    SaliencyGranularity _granularity;
    SaliencyGranularity? _lastGranularityParameter;
    bool? _signed; // the toggle's choice until the parent passes a new value; null: the result's default
    bool? _lastSignedParameter;
    bool _parametersSeen;
    bool _hasPieces;
    bool _hasSentences;
    bool _showWhole; // a long passage starts cut to the answer's neighbourhood (AnswerNeighbourhood)

    bool CurrentSigned => _signed ?? SignedDefault.For(Interpretation);
    SaliencyScale Scale => CurrentSigned ? SaliencyScale.Signed : SaliencyScale.Magnitude;

    int SliderMax => Math.Max(1, _layouts.Max(l => l.TokenCount));
    int CurrentTopK => Math.Clamp(_topK, 0, SliderMax);

    protected override void OnParametersSet()
    {
        // The slider and the toggle own their values between renders; a new value from the parent wins.
        if (_lastTopKParameter != TopK)
        {
            _topK = TopK;
            _lastTopKParameter = TopK;
        }
        if (_lastGranularityParameter != Granularity)
        {
            _granularity = Granularity;
            _lastGranularityParameter = Granularity;
        }
        if (!_parametersSeen || _lastSignedParameter != Signed)
        {
            _signed = Signed;
            _lastSignedParameter = Signed;
            _parametersSeen = true;
        }
        Lay();
    }

    void Lay()
    {
        IEnumerable<InterpretedInstance> instances = Interpretation?.Instances ?? (Instance is null ? [] : [Instance]);
        _hasPieces = instances.Any(WordLevel.HasPieces);
        _hasSentences = instances.Any(SentenceLevel.HasSentences);
        _layouts = instances.Select(i => SaliencyLayout.Build(_granularity.Apply(i), Scale)).ToList();
    }

    async Task OnSignedChanged(bool signed)
    {
        if (signed == CurrentSigned) return;
        _signed = signed;
        Lay();
        await SignedChanged.InvokeAsync(signed);
    }

    async Task OnGranularityChanged(SaliencyGranularity granularity)
    {
        if (granularity == _granularity) return;
        _granularity = granularity;
        Lay();
        await GranularityChanged.InvokeAsync(granularity);
    }

    /// <summary>The views that change something for these instances: words only with pieces, sentences only with two
    /// sentences or more.</summary>
    IEnumerable<(SaliencyGranularity Value, string Data, string Text)> GranularityOptions
    {
        get
        {
            yield return (SaliencyGranularity.Pieces, "pieces", _hasPieces ? "Pieces" : "Tokens");
            if (_hasPieces)
            {
                yield return (SaliencyGranularity.WordsSum, "words-sum", "Words (sum)");
                yield return (SaliencyGranularity.WordsMean, "words-mean", "Words (mean)");
            }
            if (_hasSentences) yield return (SaliencyGranularity.SentencesSum, "sentences-sum", "Sentences (sum)");
        }
    }

    async Task OnTopKChanged(int k)
    {
        _topK = k;
        await TopKChanged.InvokeAsync(k);
    }

    string TokenClass(SaliencyCell cell)
    {
        var css = _granularity == SaliencyGranularity.SentencesSum ? "saliency-token sentence" : "saliency-token";
        if (cell.Rank <= CurrentTopK) css += " top-k";
        if (cell.InLabelSpan) css += " label-span";
        return css;
    }

    static string TokenTitle(SaliencyCell cell) =>
        $"{cell.Field}[{cell.Position}] '{cell.Text}': raw {Format.Detail(cell.Raw)}, normalised {Format.Detail(cell.Normalized)}, rank {cell.Rank}";

    static string TokenAriaLabel(SaliencyCell cell) =>
        $"word '{cell.Text}', score {Format.Score(cell.Score)}, rank {cell.Rank}";

    /// <summary>IG's completeness check in one line: what it measures and what shrinks it.</summary>
    internal static string CompletenessText(Completeness completeness) => completeness.RelativeError is { } relative
        ? $"Completeness error {Format.Probability(relative)}: the scores should add up to f(input) − f(baseline) = {Format.Detail(completeness.ObjectiveDelta)}; "
          + $"they add up to {Format.Detail(completeness.AttributionSum)} (error = |Σ − Δf| / |Δf|). More steps or the Gauss-Legendre rule shrink it."
        : $"Completeness: f(input) = f(baseline), so the scores should add up to 0; they add up to {Format.Detail(completeness.AttributionSum)}.";

    /// <summary>"positive (90.0%)", or for a span label (an entity) "ORG: Microsoft at text[7..8) (91.0%)": the
    /// entity's words and its probability from the tagger's per-entity list.</summary>
    internal static string InstanceTitle(InterpretedInstance instance)
    {
        var label = instance.Label;
        var title = label.Kind == "class" ? label.Value : $"{label.Kind} {label.Value}";
        string? entity = null;
        if (EntityText.IsSpan(label) && instance.Fields.FirstOrDefault(f => f.Name == label.Field) is { } field)
        {
            entity = EntityText.Describe(label, field.Tokens);
            title = entity;
        }
        if (label.Field is not null && label.Start is int start)
            title += $" at {label.Field}[{start}..{label.End ?? start + 1})";
        var p = instance.Probabilities.FirstOrDefault(x => x.Label == label.Value || x.Label == entity);
        return p is null ? title : $"{title} ({Format.Probability(p.Probability)})";
    }
}
