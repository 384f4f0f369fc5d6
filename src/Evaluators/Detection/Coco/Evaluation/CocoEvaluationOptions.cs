using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Settings of COCO bounding-box evaluation; the defaults are pycocotools' defaults.</summary>
/// <remarks>Instances are immutable: use <c>with</c>-style object initializers to derive variants.</remarks>
public sealed record CocoEvaluationOptions
{
    /// <summary>
    /// Gets pycocotools' IoU thresholds, <c>np.linspace(0.5, 0.95, 10)</c> (0.8999999999999999 included).
    /// </summary>
    public static IReadOnlyList<double> DefaultIouThresholds { get; } = NumpyCompatible.Linspace(0.5, 0.95, 10);

    /// <summary>
    /// Gets pycocotools' recall thresholds, <c>np.linspace(0, 1, 101)</c> (0.35000000000000003 included).
    /// </summary>
    public static IReadOnlyList<double> DefaultRecallThresholds { get; } = NumpyCompatible.Linspace(0, 1, 101);

    /// <summary>Gets pycocotools' per-image detection limits.</summary>
    public static IReadOnlyList<int> DefaultMaxDetections { get; } = [1, 10, 100];

    /// <summary>Gets the IoU thresholds (the T axis), ascending.</summary>
    public IReadOnlyList<double> IouThresholds { get; init; } = DefaultIouThresholds;

    /// <summary>Gets the recall thresholds (the R axis), ascending.</summary>
    public IReadOnlyList<double> RecallThresholds { get; init; } = DefaultRecallThresholds;

    /// <summary>Gets the per-image, per-category detection limits (the M axis), three ascending values.</summary>
    /// <remarks>AP figures use the last; AR1, AR10 and AR100 use the first, second and third, as pycocotools
    /// does.</remarks>
    public IReadOnlyList<int> MaxDetections { get; init; } = DefaultMaxDetections;

    /// <summary>Gets the area ranges (the A axis); summaries look them up by label.</summary>
    public IReadOnlyList<CocoAreaRange> AreaRanges { get; init; } = CocoAreaRange.Defaults;

    /// <summary>
    /// Gets a value indicating whether to reproduce pycocotools' id-0 defect: a detection matched to a
    /// ground-truth annotation whose id is 0 is counted as a false positive. Default false (correct).
    /// </summary>
    /// <remarks>
    /// pycocotools records a match by storing the ground truth's id and later tests that id for truth, so
    /// a match to annotation 0 reads as "no match". Turn this on only to reproduce published numbers on
    /// data sets that number annotations from 0.
    /// </remarks>
    public bool ReproduceZeroIdDefect { get; init; }
}
