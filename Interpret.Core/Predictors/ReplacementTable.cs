using static TorchSharp.torch;

namespace Interpret.Core.Predictors;

/// <summary>What HotFlip searches: every vocabulary entry's context-independent embedding ([vocabulary, dim],
/// float64) and whether the entry may be put into an input.</summary>
public sealed record ReplacementTable(Tensor Matrix, bool[] Valid);
