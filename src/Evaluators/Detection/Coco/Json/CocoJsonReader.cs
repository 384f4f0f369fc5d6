namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Reads COCO ground-truth files (instances_*.json) and COCO results files (bbox detections).</summary>
/// <remarks>
/// <para>Structural errors (not JSON, a missing id, a bbox without four numbers, duplicate ids, results for an image
/// the ground truth does not list) throw <see cref="InvalidDataException"/> naming the file, the JSON path and the
/// field. pycocotools also rejects results for unknown images.</para>
/// <para>Records that cannot be evaluated are skipped and counted in the load report: boxes with NaN, infinite or
/// negative sizes; annotations and detections whose category is not listed (pycocotools skips those silently);
/// annotations of unlisted images (pycocotools skips those too). Records that can be evaluated but look wrong are
/// kept and counted: scores outside [0, 1] (they only rank detections) and annotations without <c>area</c>
/// (width * height is used; pycocotools would fail on them).</para>
/// </remarks>
public static class CocoJsonReader
{
    /// <summary>Reads a COCO ground-truth file.</summary>
    /// <param name="path">The JSON file, with <c>images</c>, <c>categories</c> and <c>annotations</c>.</param>
    /// <returns>The ground truth; its <see cref="DetectionGroundTruth.LoadReport"/> lists what was skipped.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the JSON path and
    /// field.</exception>
    public static DetectionGroundTruth ReadGroundTruth(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = CocoJsonFile.Read<CocoGroundTruthFile>(path, "ground-truth");
        long[] images = ReadImages(file.Images, path);
        DetectionCategory[] categories = ReadCategories(file.Categories, path);
        var report = new DetectionLoadReport(path);
        var boxes = new CocoAnnotationConverter(path, images, categories, report).Convert(file.Annotations ?? []);
        return new DetectionGroundTruth(images, categories, boxes, report);
    }

    /// <summary>Reads a COCO results file: a JSON array of <c>{image_id, category_id, bbox, score}</c>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="groundTruth">The ground truth the results are for; it defines the valid image and category
    /// ids.</param>
    /// <returns>The detections kept, in file order, and the load report.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed or names images absent from the ground
    /// truth.</exception>
    public static DetectionResults ReadResults(string path, DetectionGroundTruth groundTruth)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var records = CocoJsonFile.Read<List<CocoResultRecord?>>(path, "results");
        var report = new DetectionLoadReport(path);
        var detections = new CocoResultConverter(path, groundTruth, report).Convert(records);
        return new DetectionResults(detections, report);
    }

    private static long[] ReadImages(List<CocoImageRecord?>? images, string path)
    {
        if (images is null)
        {
            throw CocoJsonFile.Missing(path, "$", "images", "the list of images");
        }

        var ids = new long[images.Count];
        var seen = new HashSet<long>();
        for (int n = 0; n < images.Count; n++)
        {
            string at = $"$.images[{n}]";
            ids[n] = CocoJsonFile.Entry(images[n], path, at, "an image").Id
                ?? throw CocoJsonFile.Missing(path, at, "id", "the image id");
            if (!seen.Add(ids[n]))
            {
                throw new InvalidDataException(
                    $"{path}: $.images[{n}].id is {ids[n]}, an id already used by another image.");
            }
        }

        return ids;
    }

    private static DetectionCategory[] ReadCategories(List<CocoCategoryRecord?>? categories, string path)
    {
        if (categories is null)
        {
            throw CocoJsonFile.Missing(path, "$", "categories", "the list of categories");
        }

        var result = new DetectionCategory[categories.Count];
        var seen = new HashSet<int>();
        for (int n = 0; n < categories.Count; n++)
        {
            string at = $"$.categories[{n}]";
            CocoCategoryRecord category = CocoJsonFile.Entry(categories[n], path, at, "a category");
            int id = category.Id ?? throw CocoJsonFile.Missing(path, at, "id", "the category id");
            if (!seen.Add(id))
            {
                throw new InvalidDataException(
                    $"{path}: $.categories[{n}].id is {id}, an id already used by another category.");
            }

            string name = category.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result[n] = new DetectionCategory(id, name);
        }

        return result;
    }
}
