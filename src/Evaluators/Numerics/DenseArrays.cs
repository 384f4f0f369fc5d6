using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLNetExtensions.Evaluators.Numerics;

/// <summary>Views of multi-dimensional arrays of doubles.</summary>
internal static class DenseArrays
{
    /// <summary>Views a rectangular double array of any rank as one span in C (row-major) order.</summary>
    public static Span<double> AsFlatSpan(Array array)
    {
        System.Diagnostics.Debug.Assert(array.GetType().GetElementType() == typeof(double), "Only double arrays.");
        ref byte start = ref MemoryMarshal.GetArrayDataReference(array);
        return MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref start), array.Length);
    }
}
