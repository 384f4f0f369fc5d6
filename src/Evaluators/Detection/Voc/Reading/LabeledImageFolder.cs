namespace MLNetExtensions.Evaluators.Detection;

/// <summary>
/// Ground truth read from a folder of per-image annotation files (Pascal VOC XML, YOLO txt), with the image
/// names that the files carry. Image ids are 1, 2, ... in the ordinal order of the names.
/// </summary>
public sealed class LabeledImageFolder
{
    private readonly Dictionary<string, long> _idByName;

    internal LabeledImageFolder(DetectionGroundTruth groundTruth, IReadOnlyList<string> imageNames)
    {
        GroundTruth = groundTruth;
        ImageNames = imageNames;
        _idByName = imageNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i + 1L, StringComparer.Ordinal);
    }

    /// <summary>Gets the ground truth, ready for <c>VocEvaluator</c> or COCO evaluation.</summary>
    public DetectionGroundTruth GroundTruth { get; }

    /// <summary>Gets the image names (file names without extension); name i has image id i + 1.</summary>
    public IReadOnlyList<string> ImageNames { get; }

    /// <summary>Gets what the reader skipped or flagged.</summary>
    public DetectionLoadReport LoadReport => GroundTruth.LoadReport;

    /// <summary>Gets the image id of an image name.</summary>
    /// <param name="imageName">The file name without extension, such as <c>2007_000027</c>.</param>
    /// <returns>The image id.</returns>
    /// <exception cref="KeyNotFoundException">The folder has no image of that name.</exception>
    public long GetImageId(string imageName) =>
        _idByName.TryGetValue(imageName, out long id)
            ? id
            : throw new KeyNotFoundException($"Image '{imageName}' is not in the annotation folder.");

    /// <summary>Tries to get the image id of an image name.</summary>
    /// <param name="imageName">The file name without extension.</param>
    /// <param name="imageId">The image id, when found.</param>
    /// <returns>True when the folder has an image of that name.</returns>
    public bool TryGetImageId(string imageName, out long imageId) => _idByName.TryGetValue(imageName, out imageId);
}
