using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Torch;

/// <summary>
/// Bulk copies between managed arrays and CPU tensors through the tensor's byte span (a memcpy).
/// TorchSharp's element accessor (<c>data&lt;T&gt;().CopyFrom</c>) copies element by element: measured
/// here at about 5 ms for one 128 x 1 x 28 x 28 batch against under 0.1 ms for this copy.
/// </summary>
internal static class TensorMemory
{
    /// <summary>A new CPU float32 tensor of <paramref name="shape"/> holding <paramref name="values"/>.</summary>
    public static Tensor FromFloats(ReadOnlySpan<float> values, long[] shape)
    {
        var tensor = empty(shape, ScalarType.Float32);
        MemoryMarshal.AsBytes(values).CopyTo(tensor.bytes);
        return tensor;
    }

    /// <summary>A new CPU int64 tensor [values.Length] holding <paramref name="values"/>.</summary>
    public static Tensor FromLongs(ReadOnlySpan<long> values)
    {
        var tensor = empty(values.Length, ScalarType.Int64);
        MemoryMarshal.AsBytes(values).CopyTo(tensor.bytes);
        return tensor;
    }

    /// <summary>The values of a float32 tensor (any device, any layout) as a new array.</summary>
    public static float[] ToFloats(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var host = tensor.to(ScalarType.Float32).cpu().contiguous();
        return MemoryMarshal.Cast<byte, float>(host.bytes).ToArray();
    }
}
