namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Pascal VOC results for one category.</summary>
/// <remarks>
/// <see cref="Precision"/>, <see cref="Recall"/> and <see cref="Outcomes"/> have one entry per detection of the
/// category, highest score first (ties keep the input order, as MATLAB's stable <c>sort</c> does in the devkit).
/// Precision is <c>tp / max(tp + fp, eps)</c>, so it is never NaN: it is 0 before the first counted detection.
/// </remarks>
public sealed class VocClassMetrics
{
    internal VocClassMetrics(
        DetectionCategory category,
        int groundTruthCount,
        int difficultCount,
        IReadOnlyList<VocDetectionOutcome> outcomes,
        IReadOnlyList<double> precision,
        IReadOnlyList<double> recall,
        double averagePrecision)
    {
        Category = category;
        GroundTruthCount = groundTruthCount;
        DifficultCount = difficultCount;
        Outcomes = outcomes;
        Precision = precision;
        Recall = recall;
        AveragePrecision = averagePrecision;
        TruePositiveCount = outcomes.Count(o => o == VocDetectionOutcome.TruePositive);
        FalsePositiveCount = outcomes.Count(o => o == VocDetectionOutcome.FalsePositive);
    }

    /// <summary>Gets the category.</summary>
    public DetectionCategory Category { get; }

    /// <summary>
    /// Gets the average precision, or <see cref="double.NaN"/> when the category has no ground truth that is
    /// not difficult (recall is then undefined); such categories are left out of the mean.
    /// </summary>
    public double AveragePrecision { get; }

    /// <summary>Gets a value indicating whether <see cref="AveragePrecision"/> is defined.</summary>
    public bool HasGroundTruth => GroundTruthCount > 0;

    /// <summary>Gets the number of ground-truth boxes that are not difficult (the devkit's <c>npos</c>).</summary>
    public int GroundTruthCount { get; }

    /// <summary>Gets the number of ground-truth boxes marked difficult.</summary>
    public int DifficultCount { get; }

    /// <summary>Gets the number of detections of the category.</summary>
    public int DetectionCount => Outcomes.Count;

    /// <summary>Gets the number of true positives.</summary>
    public int TruePositiveCount { get; }

    /// <summary>Gets the number of false positives.</summary>
    public int FalsePositiveCount { get; }

    /// <summary>Gets the number of detections ignored because they matched a difficult ground truth.</summary>
    public int IgnoredCount => DetectionCount - TruePositiveCount - FalsePositiveCount;

    /// <summary>Gets what matching decided for each detection, highest score first.</summary>
    public IReadOnlyList<VocDetectionOutcome> Outcomes { get; }

    /// <summary>Gets the cumulative precision after each detection, highest score first.</summary>
    public IReadOnlyList<double> Precision { get; }

    /// <summary>Gets the cumulative recall after each detection, highest score first; 0 without ground truth.</summary>
    public IReadOnlyList<double> Recall { get; }
}
