using Microsoft.ML.Data;

namespace FashionMnistSample;

/// <summary>One image as the prediction engine takes it: the same columns as <c>MnistDataView</c>.</summary>
internal sealed class PixelsInput
{
    [KeyType(10)]
    public uint Label { get; set; }

    [VectorType(28 * 28)]
    public float[] Pixels { get; set; } = [];
}
