namespace MLNetExtensions.Evaluators.Detection;

/// <summary>Names the columns of a data view that holds, per image, ground-truth and predicted boxes.</summary>
/// <remarks>
/// Each row is one image. Boxes are flattened float vectors of 4 values per box; labels and predicted labels hold one
/// category per box (keys give the key value as category id and their key values as names); scores one per
/// predicted box. The defaults follow ML.NET's object-detection trainer.
/// </remarks>
public sealed record DetectionColumns
{
    /// <summary>Default image id column name.</summary>
    public const string DefaultImageId = "ImageId";

    /// <summary>Default ground-truth label column name.</summary>
    public const string DefaultLabel = "Label";

    /// <summary>Default ground-truth box column name.</summary>
    public const string DefaultBox = "Box";

    /// <summary>Default predicted label column name.</summary>
    public const string DefaultPredictedLabel = "PredictedLabel";

    /// <summary>Default predicted box column name.</summary>
    public const string DefaultPredictedBox = "PredictedBoundingBoxes";

    /// <summary>Default score column name.</summary>
    public const string DefaultScore = "Score";

    /// <summary>Gets the image id column (Int64, Int32, UInt32 or a key); null numbers images by row.</summary>
    public string? ImageId { get; init; } = DefaultImageId;

    /// <summary>Gets the ground-truth category column (vector of keys, UInt32 or Int32).</summary>
    public string Label { get; init; } = DefaultLabel;

    /// <summary>Gets the ground-truth box column (vector of Single, 4 per box).</summary>
    public string Box { get; init; } = DefaultBox;

    /// <summary>Gets the predicted category column (vector of keys, UInt32 or Int32).</summary>
    public string PredictedLabel { get; init; } = DefaultPredictedLabel;

    /// <summary>Gets the predicted box column (vector of Single, 4 per box).</summary>
    public string PredictedBox { get; init; } = DefaultPredictedBox;

    /// <summary>Gets the score column (vector of Single, 1 per predicted box).</summary>
    public string Score { get; init; } = DefaultScore;

    /// <summary>Gets how the four values of a box are written.</summary>
    public BoxFormat BoxFormat { get; init; } = BoxFormat.Xyxy;
}
