namespace Interpret.Core.Coreference;

/// <summary>A mention as a token span of its document: Start inclusive, End exclusive (as <see cref="Results.InstanceLabel"/>).</summary>
public readonly record struct MentionSpan(int Start, int End)
{
    public int Width => End - Start;

    public bool Contains(int position) => position >= Start && position < End;

    public override string ToString() => $"{Start}-{End}";
}
