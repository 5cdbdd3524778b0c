using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Torch;

/// <summary>
/// Tensor arithmetic that hands libtorch only Scalars this code holds, never temporaries. TorchSharp 0.107 turns each
/// number it passes to libtorch into a <see cref="Scalar"/> (a finalizable wrapper of a native pointer), including the
/// hidden alpha = 1 of <c>a + b</c>, and keeps no reference to it once it has read the pointer. A garbage collection
/// during the native call can then finalize the Scalar, freeing it while the kernel still reads it: "Expected false to
/// be true … toFloat at c10/core/Scalar.h:140", once in many NER and BERT runs. Dispose scopes do not track Scalars,
/// so they do not help. The constants below live as long as the process (read-only, so any thread may share them);
/// any other value is held by a <c>using</c> until the call has returned. On every path that interprets or attacks,
/// write <c>a + b</c> and number arguments with these (<c>a - b</c> and <c>a * b</c> of two tensors pass no Scalar).
/// </summary>
public static class HeldScalars
{
    public static readonly Scalar Zero = 0.ToScalar();
    public static readonly Scalar One = 1.ToScalar();
    public static readonly Scalar NegativeInfinity = double.NegativeInfinity.ToScalar();
    /// <summary>A score that a softmax turns into zero probability while gradients stay finite (−∞ gives NaN
    /// gradients when a whole row is masked, and −∞ − (−∞) in a backward pass).</summary>
    public static readonly Scalar MaskedOut = (-1e30).ToScalar();

    /// <summary>a + b (element-wise, broadcasting).</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a · factor; an integer factor keeps an integer tensor's type.</summary>
    public static Tensor Times(this Tensor a, long factor)
    {
        using var held = factor.ToScalar();
        return a.mul(held);
    }

    /// <summary>a · factor.</summary>
    public static Tensor Times(this Tensor a, double factor)
    {
        using var held = factor.ToScalar();
        return a.mul(held);
    }

    /// <summary>a / divisor.</summary>
    public static Tensor DividedBy(this Tensor a, double divisor)
    {
        using var held = divisor.ToScalar();
        return a.div(held);
    }

    /// <summary>A tensor shaped and typed like <paramref name="like"/>, filled with value.</summary>
    public static Tensor FullLike(Tensor like, long value)
    {
        using var held = value.ToScalar();
        return full_like(like, held);
    }
}
