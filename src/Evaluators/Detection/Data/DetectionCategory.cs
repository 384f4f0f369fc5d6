namespace MLNetExtensions.Evaluators.Detection;

/// <summary>An object category of a detection data set.</summary>
/// <param name="Id">The category id used by annotations and detections (COCO <c>category_id</c>).</param>
/// <param name="Name">The human-readable name, used in tables, plots and file names.</param>
public sealed record DetectionCategory(int Id, string Name);
