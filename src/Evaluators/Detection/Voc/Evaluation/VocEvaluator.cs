namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Evaluates detections the way the Pascal VOC devkit does: per-class average precision and mAP.</summary>
/// <remarks>
/// <para>Matching follows the official MATLAB devkit (<c>VOCevaldet.m</c>); see <see cref="VocEvaluatorOptions"/>
/// for the one place where the popular Python port differs (an IoU equal to the threshold).</para>
/// <para>Detections are ranked by score with a stable sort, as MATLAB's <c>sort</c> is, so tied scores keep
/// their input order. Detections of an image that has no ground truth of their class are false positives.</para>
/// </remarks>
public sealed class VocEvaluator
{
    /// <summary>Initializes a new instance of the <see cref="VocEvaluator"/> class.</summary>
    /// <param name="options">The settings, or null for the VOC2012 defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The IoU threshold is not in (0, 1].</exception>
    /// <exception cref="ArgumentException">The method or pixel convention is not a defined value.</exception>
    public VocEvaluator(VocEvaluatorOptions? options = null)
    {
        Options = options ?? new VocEvaluatorOptions();
        VocInputValidation.CheckOptions(Options);
    }

    /// <summary>Gets the settings.</summary>
    public VocEvaluatorOptions Options { get; }

    /// <summary>Evaluates detections against ground truth.</summary>
    /// <param name="groundTruth">The annotated images, categories and boxes.</param>
    /// <param name="detections">The detections, in any order.</param>
    /// <returns>Per-class average precision and their mean.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// A detection names an image or category that the ground truth does not list, or has a NaN score, a NaN or
    /// infinite coordinate or a negative width or height. An infinite score is accepted and ranks first or last.
    /// </exception>
    public VocMetrics Evaluate(DetectionGroundTruth groundTruth, IEnumerable<DetectedBox> detections)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(detections);
        DetectedBox[] all = detections.ToArray();
        VocInputValidation.CheckDetections(groundTruth, all, nameof(detections));

        ILookup<int, GroundTruthBox> truthByClass = groundTruth.Boxes.ToLookup(b => b.CategoryId);
        ILookup<int, DetectedBox> detectionsByClass = all.ToLookup(d => d.CategoryId);
        VocClassMetrics[] perClass = groundTruth.Categories
            .Select(c => EvaluateClass(c, truthByClass[c.Id], detectionsByClass[c.Id]))
            .ToArray();
        return new VocMetrics(Options, perClass);
    }

    private VocClassMetrics EvaluateClass(
        DetectionCategory category,
        IEnumerable<GroundTruthBox> truths,
        IEnumerable<DetectedBox> detections)
    {
        Dictionary<long, GroundTruthBox[]> truthByImage = truths
            .GroupBy(t => t.ImageId)
            .ToDictionary(g => g.Key, g => g.ToArray());
        int difficult = truthByImage.Values.Sum(a => a.Count(t => t.IsDifficult));
        int positives = truthByImage.Values.Sum(a => a.Length) - difficult;

        // OrderByDescending is a stable sort: tied scores keep their input order.
        DetectedBox[] ranked = detections.OrderByDescending(d => d.Score).ToArray();
        VocDetectionOutcome[] outcomes = VocMatcher.Match(ranked, truthByImage, Options);

        (double[] precision, double[] recall) = VocAveragePrecision.Curve(outcomes, positives);
        double ap = positives == 0 ? double.NaN : VocAveragePrecision.Compute(Options.Method, recall, precision);
        return new VocClassMetrics(category, positives, difficult, outcomes, precision, recall, ap);
    }
}
