using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>
/// Reads detections in the devkit's results format: one file per class (such as
/// <c>comp4_det_test_car.txt</c>), one <c>image score xmin ymin xmax ymax</c> line per detection.
/// </summary>
public static class VocResultsReader
{
    /// <summary>The devkit's file name for results of competition 4, <c>{0}</c> standing for the class name.</summary>
    public const string DefaultFilePattern = "comp4_det_test_{0}.txt";

    /// <summary>Reads the results file of every class of <paramref name="images"/> that has one.</summary>
    /// <param name="folder">The folder holding the per-class files.</param>
    /// <param name="images">The annotated images; detections are resolved to their image ids and categories.</param>
    /// <param name="filePattern">The file name, with <c>{0}</c> for the class name.</param>
    /// <returns>The detections, class by class in category order, in line order within a file.</returns>
    /// <remarks>A class without a file has no detections (its AP is 0), but at least one file must exist.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">A string argument is null or empty.</exception>
    /// <exception cref="FileNotFoundException">No class has a results file in the folder.</exception>
    /// <exception cref="InvalidDataException">A line is malformed or names an unknown image.</exception>
    public static IReadOnlyList<DetectedBox> ReadFolder(
        string folder,
        LabeledImageFolder images,
        string filePattern = DefaultFilePattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrEmpty(filePattern);
        var found = images.GroundTruth.Categories
            .Select(c => (Category: c, Path: Path.Combine(folder, string.Format(CultureInfo.InvariantCulture,
                filePattern, c.Name))))
            .Where(p => File.Exists(p.Path))
            .ToArray();
        if (found.Length == 0)
        {
            throw new FileNotFoundException(
                $"No results file named like '{filePattern}' exists in '{folder}' for any of the "
                + $"{images.GroundTruth.Categories.Count} classes.");
        }

        return found.SelectMany(p => ReadClassFile(p.Path, p.Category, images)).ToArray();
    }

    /// <summary>Reads one class's results file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="category">The class the file holds detections of.</param>
    /// <param name="images">The annotated images; image names are resolved to their ids.</param>
    /// <returns>The detections, in line order.</returns>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="category"/> or <paramref name="images"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A line does not have six fields, a field is not a finite number, a box is inverted, or the image is not
    /// in <paramref name="images"/>; the message names the file, line and field.
    /// </exception>
    public static IReadOnlyList<DetectedBox> ReadClassFile(
        string path,
        DetectionCategory category,
        LabeledImageFolder images)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(images);
        var detections = new List<DetectedBox>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                detections.Add(ParseLine(parts, path, number, category.Id, images));
            }
        }

        return detections;
    }

    private static DetectedBox ParseLine(
        string[] parts, string path, int line, int category, LabeledImageFolder images)
    {
        if (parts.Length != 6)
        {
            throw new InvalidDataException(
                $"{path}, line {line}: {parts.Length} fields, but a results line has 6 "
                + "(image score xmin ymin xmax ymax).");
        }

        if (!images.TryGetImageId(parts[0], out long imageId))
        {
            throw new InvalidDataException(
                $"{path}, line {line}: image '{parts[0]}' is not among the "
                + $"{images.ImageNames.Count} annotated images.");
        }

        double[] v = Enumerable.Range(1, 5).Select(i => Number(parts, i, path, line)).ToArray();
        if (v[3] < v[1] || v[4] < v[2])
        {
            throw new InvalidDataException(
                $"{path}, line {line}: box xmin {v[1]}, ymin {v[2]}, xmax {v[3]}, ymax {v[4]} has an inverted corner.");
        }

        return new DetectedBox(imageId, category, BoundingBox.FromXyxy(v[1], v[2], v[3], v[4]), v[0]);
    }

    private static double Number(string[] parts, int field, string path, int line)
    {
        string[] names = ["image", "score", "xmin", "ymin", "xmax", "ymax"];
        return double.TryParse(parts[field], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value)
            ? value
            : throw new InvalidDataException(
                $"{path}, line {line}: {names[field]} is '{parts[field]}', not a finite number.");
    }
}
