namespace MLNetExtensions.Evaluators.Detection;

/// <summary>One detection produced by a model.</summary>
/// <param name="ImageId">The image the detection is in.</param>
/// <param name="CategoryId">The predicted category.</param>
/// <param name="Box">The predicted box in pixels.</param>
/// <param name="Score">The confidence; detections are ranked by it, highest first.</param>
public readonly record struct DetectedBox(long ImageId, int CategoryId, BoundingBox Box, double Score);
