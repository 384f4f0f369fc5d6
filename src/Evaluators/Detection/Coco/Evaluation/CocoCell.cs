namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>The boxes of one (image, category) pair: ranges in the ground-truth and detection columns.</summary>
/// <param name="FirstGroundTruth">Position of the cell's first ground truth.</param>
/// <param name="GroundTruths">Number of ground truths.</param>
/// <param name="FirstDetection">Position of the cell's first detection.</param>
/// <param name="Detections">Number of detections.</param>
/// <param name="Position">Position of the first detection within its category.</param>
internal readonly record struct CocoCell(
    int FirstGroundTruth,
    int GroundTruths,
    int FirstDetection,
    int Detections,
    int Position);
