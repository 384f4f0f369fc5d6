using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Yolo;

/// <summary>Reads YOLO txt label folders (one <c>class x_center y_center width height</c> line per object).</summary>
/// <remarks>
/// <para>Each <c>*.txt</c> file is one image, named by the file name without extension (<c>classes.txt</c>, the
/// class list some labelling programs write, is skipped). Images are numbered 1, 2, ... in ordinal name order.
/// Coordinates are fractions of the image size; boxes are converted to pixels with that size.</para>
/// <para>Detections use the same layout with a sixth field, the confidence (as <c>--save-conf</c> writes it).
/// Boxes reaching outside the image are kept as written and counted in a warning.</para>
/// </remarks>
public sealed class YoloLabelReader
{
    private const string ClassListFile = "classes.txt";

    /// <summary>Initializes a new instance of the <see cref="YoloLabelReader"/> class.</summary>
    /// <param name="options">The settings; image sizes come from its map or its images folder.</param>
    /// <exception cref="ArgumentException">The class list repeats a name.</exception>
    public YoloLabelReader(YoloReaderOptions? options = null)
    {
        Options = options ?? new YoloReaderOptions();
        if (Options.ClassNames is { } names && names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("The class list names a class more than once.", nameof(options));
        }
    }

    /// <summary>Gets the settings.</summary>
    public YoloReaderOptions Options { get; }

    /// <summary>Reads a folder of label files as ground truth.</summary>
    /// <param name="labelsFolder">The folder of <c>*.txt</c> label files.</param>
    /// <returns>The ground truth and image names.</returns>
    /// <exception cref="ArgumentException"><paramref name="labelsFolder"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A line does not have five numeric fields, a class id is beyond the class list, a size is negative, or an
    /// image's size cannot be found; the message names the file, line and field.
    /// </exception>
    public LabeledImageFolder ReadFolder(string labelsFolder)
    {
        Dictionary<string, string> labelFiles = LabelFiles(labelsFolder);
        var sizes = new YoloImageSizes(Options);
        string[] names = labelFiles.Keys.Union(sizes.ImageNames()).Order(StringComparer.Ordinal).ToArray();
        var boxes = new List<GroundTruthBox>();
        var tally = new WarningTally();
        int read = 0;
        for (int i = 0; i < names.Length; i++)
        {
            if (labelFiles.TryGetValue(names[i], out string? file))
            {
                read += ReadLabelFile(file, names[i], imageId: i + 1, sizes, boxes, tally);
            }
        }

        return Build(labelsFolder, names, boxes, read, tally);
    }

    /// <summary>Reads a folder of detection files (six fields a line) for images of a labelled folder.</summary>
    /// <param name="detectionsFolder">The folder of <c>*.txt</c> detection files.</param>
    /// <param name="images">The ground truth whose image names and categories the detections refer to.</param>
    /// <returns>The detections, file by file in name order, in line order within a file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="detectionsFolder"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A file names an image that the ground truth does not have, a line is malformed or names an unknown class,
    /// or an image's size cannot be found.
    /// </exception>
    public IReadOnlyList<DetectedBox> ReadDetections(string detectionsFolder, LabeledImageFolder images) =>
        ReadDetectionResults(detectionsFolder, images).Detections;

    /// <summary>Reads a folder of detection files, like <see cref="ReadDetections"/>, with a load report.</summary>
    /// <param name="detectionsFolder">The folder of <c>*.txt</c> detection files.</param>
    /// <param name="images">The ground truth whose image names and categories the detections refer to.</param>
    /// <returns>The detections and a report counting boxes that reach outside the image and confidences
    /// outside [0, 1]; both are kept as written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="detectionsFolder"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A file names an image that the ground truth does not have, a line is malformed or names an unknown class,
    /// or an image's size cannot be found.
    /// </exception>
    public DetectionResults ReadDetectionResults(string detectionsFolder, LabeledImageFolder images)
    {
        ArgumentNullException.ThrowIfNull(images);
        Dictionary<string, string> files = LabelFiles(detectionsFolder);
        var categories = images.GroundTruth.Categories.Select(c => c.Id).ToHashSet();
        var sizes = new YoloImageSizes(Options);
        var detections = new List<DetectedBox>();
        var tally = new WarningTally();
        foreach ((string name, string file) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            long imageId = images.TryGetImageId(name, out long id) ? id : throw new InvalidDataException(
                $"{file}: image '{name}' is not in the ground truth's {images.ImageNames.Count} images.");
            (int Width, int Height) size = sizes.Get(name, file);
            foreach ((YoloLabelLine line, int number) in YoloLineParser.Read(file, withScore: true))
            {
                CheckClass(line.ClassId, categories, file, number);
                BoundingBox box = ToPixels(line, size, file, number, tally);
                double score = CheckScore(line.Score, file, number, tally);
                detections.Add(new DetectedBox(imageId, line.ClassId, box, score));
            }
        }

        var report = new DetectionLoadReport(detectionsFolder)
        {
            RecordsRead = detections.Count,
            RecordsKept = detections.Count,
        };
        tally.CopyTo(report);
        return new DetectionResults(detections, report);
    }

    private int ReadLabelFile(
        string file, string name, long imageId, YoloImageSizes sizes, List<GroundTruthBox> boxes, WarningTally tally)
    {
        HashSet<int>? allowed = Options.ClassNames?.Select((_, i) => i).ToHashSet();
        int read = 0;
        foreach ((YoloLabelLine line, int number) in YoloLineParser.Read(file, withScore: false))
        {
            read++;
            CheckClass(line.ClassId, allowed, file, number);
            BoundingBox box = ToPixels(line, sizes.Get(name, file), file, number, tally);
            boxes.Add(new GroundTruthBox(
                boxes.Count + 1, imageId, line.ClassId, box, box.Width * box.Height, false, false));
        }

        return read;
    }

    private static Dictionary<string, string> LabelFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The label folder '{folder}' does not exist.");
        }

        return Directory.GetFiles(folder, "*.txt")
            .Where(f => !string.Equals(Path.GetFileName(f), ClassListFile, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);
    }

    private static BoundingBox ToPixels(
        YoloLabelLine line, (int Width, int Height) size, string file, int number, WarningTally tally)
    {
        bool inside = line.Cx - (line.W / 2) >= 0 && line.Cx + (line.W / 2) <= 1
            && line.Cy - (line.H / 2) >= 0 && line.Cy + (line.H / 2) <= 1;
        if (!inside)
        {
            tally.Add(
                "box-outside-image", $"{file}, line {number}.", "boxes reach outside the image; kept as written.");
        }

        return line.ToPixels(size.Width, size.Height);
    }

    private static double CheckScore(double score, string file, int number, WarningTally tally)
    {
        if (score < 0 || score > 1)
        {
            tally.Add(
                "score-outside-unit",
                $"{file}, line {number}.",
                "confidences outside [0, 1]; kept, since they only rank detections.");
        }

        return score;
    }

    private static void CheckClass(int classId, HashSet<int>? categories, string file, int line)
    {
        if (categories is not null && !categories.Contains(classId))
        {
            throw new InvalidDataException(
                $"{file}, line {line}: class {classId} is not among the {categories.Count} known category ids "
                + $"({string.Join(", ", categories.Order().Take(10))}{(categories.Count > 10 ? ", ..." : "")}).");
        }
    }

    private LabeledImageFolder Build(
        string folder, string[] names, List<GroundTruthBox> boxes, int read, WarningTally tally)
    {
        IReadOnlyList<DetectionCategory> categories = Options.ClassNames is { } list
            ? list.Select((n, i) => new DetectionCategory(i, n)).ToArray()
            : boxes.Select(b => b.CategoryId).Distinct().Order()
                .Select(id => new DetectionCategory(id, id.ToString(CultureInfo.InvariantCulture))).ToArray();
        var report = new DetectionLoadReport(folder) { RecordsRead = read, RecordsKept = boxes.Count };
        tally.CopyTo(report);
        var truth = new DetectionGroundTruth(
            Enumerable.Range(1, names.Length).Select(i => (long)i), categories, boxes, report);
        return new LabeledImageFolder(truth, names);
    }
}
