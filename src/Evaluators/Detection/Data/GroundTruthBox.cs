namespace MLNetExtensions.Evaluators.Detection;

/// <summary>One annotated object.</summary>
/// <param name="Id">The annotation id (COCO <c>id</c>); unique within a data set.</param>
/// <param name="ImageId">The image the object is in.</param>
/// <param name="CategoryId">The object's category.</param>
/// <param name="Box">The object's box in pixels.</param>
/// <param name="Area">
/// The area used for COCO's small / medium / large ranges. COCO takes the JSON <c>area</c> field (the
/// segmentation's area), not the box's, so it is kept apart from <paramref name="Box"/>.
/// </param>
/// <param name="IsCrowd">COCO <c>iscrowd</c>: a region of many objects; matches to it are neither TP nor FP.</param>
/// <param name="IsDifficult">Pascal VOC <c>difficult</c>: matches to it are ignored by VOC evaluation.</param>
public readonly record struct GroundTruthBox(
    long Id,
    long ImageId,
    int CategoryId,
    BoundingBox Box,
    double Area,
    bool IsCrowd,
    bool IsDifficult);
