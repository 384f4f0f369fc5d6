namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Results of COCO bounding-box evaluation: the 12 figures, per-category figures and the full arrays.
/// </summary>
/// <remarks>
/// <see cref="Precision"/> and <see cref="Recall"/> are pycocotools' <c>eval['precision']</c> [T, R, K, A, M] and
/// <c>eval['recall']</c> [T, K, A, M]: T IoU thresholds, R recall thresholds, K categories (ascending id),
/// A area ranges, M detection limits, with -1 where a category has no ground truth that counts.
/// </remarks>
public sealed class CocoDetectionMetrics : CocoStatistics
{
    internal CocoDetectionMetrics(
        IReadOnlyList<double> values,
        IReadOnlyList<CocoCategoryMetrics> perCategory,
        double[,,,,] precision,
        double[,,,] recall,
        CocoEvaluationOptions options,
        IReadOnlyList<string> warnings)
        : base(values)
    {
        PerCategory = perCategory;
        Precision = precision;
        Recall = recall;
        Options = options;
        Warnings = warnings;
    }

    /// <summary>Gets the figures of each category, in ascending category id.</summary>
    public IReadOnlyList<CocoCategoryMetrics> PerCategory { get; }

    /// <summary>
    /// Gets the interpolated precision, indexed [iou, recallThreshold, category, area, maxDetections].
    /// </summary>
    public double[,,,,] Precision { get; }

    /// <summary>Gets the recall reached, indexed [iou, category, area, maxDetections].</summary>
    public double[,,,] Recall { get; }

    /// <summary>Gets the options the figures were computed with (thresholds, ranges, limits).</summary>
    public CocoEvaluationOptions Options { get; }

    /// <summary>Gets sentences about input the evaluation skipped (detections of unknown categories).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
