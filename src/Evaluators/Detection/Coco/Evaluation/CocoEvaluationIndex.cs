namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Ground truths and detections laid out for evaluation: grouped by category, then by image in ascending id
/// order; detections inside an image sorted by descending score (stable) and cut to the largest limit.
/// </summary>
internal sealed class CocoEvaluationIndex
{
    public required long[] ImageIds { get; init; }

    public required DetectionCategory[] Categories { get; init; }

    public required CocoBoxColumns GroundTruths { get; init; }

    public required CocoBoxColumns Detections { get; init; }

    /// <summary>Gets the number of detections dropped because their category is not in the ground truth.</summary>
    public required int UnknownCategoryDetections { get; init; }

    public static CocoEvaluationIndex Build(
        DetectionGroundTruth groundTruth,
        IReadOnlyList<DetectedBox> detections,
        int maxDetections)
    {
        long[] imageIds = groundTruth.ImageIds.Distinct().Order().ToArray();
        DetectionCategory[] categories = groundTruth.Categories.ToArray();
        var imageIndex = new Dictionary<long, int>(imageIds.Length);
        for (int i = 0; i < imageIds.Length; i++)
        {
            imageIndex[imageIds[i]] = i;
        }

        var categoryIndex = categories.Select((c, k) => (c.Id, k)).ToDictionary(p => p.Id, p => p.k);
        var detectionColumns = CocoBoxColumns.FromDetections(
            detections, imageIndex, categoryIndex, categories.Length, imageIds.Length, maxDetections);
        return new CocoEvaluationIndex
        {
            ImageIds = imageIds,
            Categories = categories,
            GroundTruths = CocoBoxColumns.FromGroundTruth(
                groundTruth.Boxes, imageIndex, categoryIndex, categories.Length, imageIds.Length),
            Detections = detectionColumns,
            UnknownCategoryDetections = detectionColumns.Dropped,
        };
    }
}
