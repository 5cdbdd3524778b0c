using System.Runtime.InteropServices;
using Onnx;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Onnx;

/// <summary>ONNX <c>TensorProto</c> initializers and constants as torch tensors (float32, float16 and int64; raw or
/// typed storage). ONNX stores little-endian data, as this machine does.</summary>
static class OnnxTensors
{
    const int Float = (int)TensorProto.Types.DataType.Float;
    const int Float16 = (int)TensorProto.Types.DataType.Float16;
    const int Int64 = (int)TensorProto.Types.DataType.Int64;

    public static bool IsFloat(TensorProto t) => t.DataType is Float or Float16;

    public static long[] Shape(TensorProto t) => [.. t.Dims];

    /// <summary>A float32 tensor of the initializer's shape.</summary>
    public static Tensor ToFloat32(TensorProto t)
    {
        var shape = Shape(t);
        if (t.DataType == Float)
        {
            float[] values = t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];
            return tensor(values, shape);
        }
        if (t.DataType == Float16)
        {
            // float16 bits live in raw_data, or one per int32 of int32_data.
            Half[] halves = t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, Half>(t.RawData.Span).ToArray()
                : [.. t.Int32Data.Select(bits => BitConverter.UInt16BitsToHalf((ushort)bits))];
            return tensor(halves.Select(h => (float)h).ToArray(), shape);
        }
        throw new InvalidDataException($"ONNX initializer '{t.Name}' has data type {(TensorProto.Types.DataType)t.DataType}; weights must be float or float16.");
    }

    /// <summary>The values of a small int64 tensor (shape constants).</summary>
    public static long[]? Int64Values(TensorProto t) =>
        t.DataType != Int64 ? null
        : t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, long>(t.RawData.Span).ToArray() : [.. t.Int64Data];

    /// <summary>The value of a one-element float tensor (e.g. LayerNorm's epsilon).</summary>
    public static double? Scalar(TensorProto t) =>
        !IsFloat(t) || t.Dims.Aggregate(1L, (a, b) => a * b) != 1 ? null
        : t.DataType == Float ? (t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span)[0] : t.FloatData[0])
        : (double)(t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, Half>(t.RawData.Span)[0] : BitConverter.UInt16BitsToHalf((ushort)t.Int32Data[0]));
}
