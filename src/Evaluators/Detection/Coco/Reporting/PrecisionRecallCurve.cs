namespace MLNetExtensions.Evaluators.Detection;

/// <summary>
/// One precision-recall curve: precision at each recall threshold, for one category and IoU threshold.
/// </summary>
/// <param name="Category">The category.</param>
/// <param name="Iou">The IoU threshold the matches were made at.</param>
/// <param name="Recall">The recall thresholds (x axis).</param>
/// <param name="Precision">The interpolated precision at each recall threshold (y axis).</param>
public sealed record PrecisionRecallCurve(
    DetectionCategory Category,
    double Iou,
    IReadOnlyList<double> Recall,
    IReadOnlyList<double> Precision);
