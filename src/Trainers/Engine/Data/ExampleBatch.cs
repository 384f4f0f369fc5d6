namespace MLNetExtensions.Trainers.Engine;

/// <summary>A reusable host buffer for one batch: features row-major, one label per row.</summary>
internal sealed class ExampleBatch
{
    /// <summary>Creates a buffer for up to <paramref name="capacity"/> examples.</summary>
    public ExampleBatch(int capacity, int featureLength)
    {
        Capacity = capacity;
        FeatureLength = featureLength;
        Features = new float[checked(capacity * featureLength)];
        Labels = new long[capacity];
    }

    /// <summary>The most examples the buffer holds.</summary>
    public int Capacity { get; }

    /// <summary>Floats per example.</summary>
    public int FeatureLength { get; }

    /// <summary>Features of example i at [i * FeatureLength, (i + 1) * FeatureLength).</summary>
    public float[] Features { get; }

    /// <summary>Labels of the examples (unused when reading without labels).</summary>
    public long[] Labels { get; }

    /// <summary>Examples currently held.</summary>
    public int Count { get; set; }

    /// <summary>The feature slot of example <paramref name="index"/>.</summary>
    public Span<float> FeatureSlot(int index) => Features.AsSpan(index * FeatureLength, FeatureLength);
}
