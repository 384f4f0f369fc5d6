namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Settings of the Pascal VOC XML reader. Immutable.</summary>
public sealed record VocReaderOptions
{
    /// <summary>The twenty Pascal VOC classes, in the devkit's order.</summary>
    public static readonly IReadOnlyList<string> PascalVocClasses =
    [
        "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ];

    /// <summary>
    /// Gets the class names; class i gets category id i. Objects of other names are skipped and reported as a
    /// warning. Null (the default) takes every name found, in ordinal order.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
