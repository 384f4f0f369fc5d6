using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>COCO bounding-box evaluation with pycocotools' results, computed in parallel over categories.</summary>
/// <remarks>
/// <para>The figures equal pycocotools 2.0.x's <c>COCOeval(gt, dt, 'bbox')</c> followed by <c>evaluate()</c>,
/// <c>accumulate()</c> and <c>summarize()</c>: same thresholds (numpy's linspace), same matching rules, same
/// interpolation and numpy's pairwise summation for the means.</para>
/// <para>Rules that decide the numbers: detections are ranked by score with a stable sort and cut to the largest
/// detection limit per image and category; ground truth is ignored when it is a crowd or its annotated area lies
/// outside the range (bounds inclusive); detections are measured by width * height; an annotation's <c>ignore</c>
/// key has no effect; images are visited in ascending id; a category with no ground truth that counts gives -1
/// and is left out of the means.</para>
/// <para>One deliberate difference: pycocotools counts a match to ground truth with id 0 as a false positive.
/// This evaluator counts it as a true positive unless <see cref="CocoEvaluationOptions.ReproduceZeroIdDefect"/>
/// is set.</para>
/// <para>Detections of categories absent from the ground truth are skipped (pycocotools skips them silently) and
/// reported in <see cref="CocoDetectionMetrics.Warnings"/>.</para>
/// </remarks>
public static class CocoEvaluator
{
    /// <summary>Evaluates detections against ground truth.</summary>
    /// <param name="groundTruth">The annotated images and categories.</param>
    /// <param name="detections">The detections; every image id must be in the ground truth.</param>
    /// <param name="options">Thresholds, ranges and limits; null for pycocotools' defaults.</param>
    /// <returns>The 12 figures, per-category figures and the precision and recall arrays.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groundTruth"/> or <paramref name="detections"/> is
    /// null.</exception>
    /// <exception cref="ArgumentException">A detection names an unknown image, has a NaN score or a box that is not
    /// finite or has a negative width or height, or the options are inconsistent.</exception>
    public static CocoDetectionMetrics Evaluate(
        DetectionGroundTruth groundTruth,
        IReadOnlyList<DetectedBox> detections,
        CocoEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(detections);
        options ??= new CocoEvaluationOptions();
        CocoOptionsValidator.Validate(options);

        var index = CocoEvaluationIndex.Build(groundTruth, detections, options.MaxDetections[^1]);
        var (precision, recall) = CreateArrays(options, index.Categories.Length);
        var evaluator = new CocoCategoryEvaluator(index, options);
        Parallel.For(
            0,
            index.Categories.Length,
            () => new CocoScratch(),
            (k, _, scratch) =>
            {
                evaluator.Evaluate(k, scratch, precision, recall);
                return scratch;
            },
            _ => { });

        return Summarize(index, precision, recall, options);
    }

    private static (double[,,,,] Precision, double[,,,] Recall) CreateArrays(CocoEvaluationOptions options, int k)
    {
        int t = options.IouThresholds.Count, a = options.AreaRanges.Count, m = options.MaxDetections.Count;
        var precision = new double[t, options.RecallThresholds.Count, k, a, m];
        var recall = new double[t, k, a, m];
        DenseArrays.AsFlatSpan(precision).Fill(-1);
        DenseArrays.AsFlatSpan(recall).Fill(-1);
        return (precision, recall);
    }

    private static CocoDetectionMetrics Summarize(
        CocoEvaluationIndex index, double[,,,,] precision, double[,,,] recall, CocoEvaluationOptions options)
    {
        var calculator = new CocoStatisticsCalculator(precision, recall, options);
        var perCategory = index.Categories
            .Select((category, k) => new CocoCategoryMetrics(category, calculator.Compute(k)))
            .ToArray();
        var warnings = new List<string>();
        if (index.UnknownCategoryDetections > 0)
        {
            warnings.Add(
                CocoWarningTally.Counted(index.UnknownCategoryDetections, "detection names", "detections name")
                + " a category that the ground truth does not list; skipped, as pycocotools skips them.");
        }

        return new CocoDetectionMetrics(calculator.Compute(null), perCategory, precision, recall, options, warnings);
    }
}
