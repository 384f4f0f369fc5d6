namespace MLNetExtensions.Evaluators.Detection.Yolo;

/// <summary>Settings of the YOLO label reader. Immutable.</summary>
/// <remarks>
/// YOLO labels are normalised to the image size, so pixels need each image's size: from
/// <see cref="ImageSizes"/> when it names the image, otherwise read from the header of the image file of the
/// same name in <see cref="ImagesFolder"/>.
/// </remarks>
public sealed record YoloReaderOptions
{
    /// <summary>The image file extensions looked for in <see cref="ImagesFolder"/>, in order.</summary>
    public static readonly IReadOnlyList<string> ImageExtensions =
        [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif", ".JPG", ".JPEG", ".PNG"];

    /// <summary>
    /// Gets the class names (the data set's <c>names</c> list; class id i is name i), or null to name classes by
    /// their id and take the ids found.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Gets image sizes in pixels, keyed by image name (file name without extension), or null.</summary>
    public IReadOnlyDictionary<string, (int Width, int Height)>? ImageSizes { get; init; }

    /// <summary>
    /// Gets the folder of the images, or null. Its images without a label file are kept as images without
    /// objects, as YOLO treats them (background images).
    /// </summary>
    public string? ImagesFolder { get; init; }
}
