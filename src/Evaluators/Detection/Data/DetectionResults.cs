namespace MLNetExtensions.Evaluators.Detection;

/// <summary>Detections read from a file, with what the reader skipped or flagged.</summary>
/// <param name="Detections">The detections kept, in file order.</param>
/// <param name="Report">Counts and warnings about the records read.</param>
public sealed record DetectionResults(IReadOnlyList<DetectedBox> Detections, DetectionLoadReport Report);
