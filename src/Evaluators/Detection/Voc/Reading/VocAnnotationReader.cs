namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Reads a folder of Pascal VOC XML annotation files (the devkit's <c>Annotations/</c>).</summary>
/// <remarks>
/// <para>Each <c>*.xml</c> file is one image, named by the file name without extension; images are numbered 1, 2,
/// ... in ordinal name order, and an image without objects is kept (its detections are false positives).</para>
/// <para>Each <c>&lt;object&gt;</c> gives a ground-truth box from <c>&lt;bndbox&gt;</c> (xmin, ymin, xmax, ymax,
/// kept as written: the devkit's +1 is applied by the evaluator's pixel convention, not here) and the
/// <c>&lt;difficult&gt;</c> flag (absent means 0). <see cref="GroundTruthBox.Area"/> is the plain box area.</para>
/// </remarks>
public sealed class VocAnnotationReader
{
    /// <summary>Initializes a new instance of the <see cref="VocAnnotationReader"/> class.</summary>
    /// <param name="options">The settings, or null to take every class name found.</param>
    /// <exception cref="ArgumentException">The class list repeats a name.</exception>
    public VocAnnotationReader(VocReaderOptions? options = null)
    {
        Options = options ?? new VocReaderOptions();
        if (Options.ClassNames is { } names && names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("The class list names a class more than once.", nameof(options));
        }
    }

    /// <summary>Gets the settings.</summary>
    public VocReaderOptions Options { get; }

    /// <summary>Reads every <c>*.xml</c> file of a folder.</summary>
    /// <param name="annotationsFolder">The folder, such as <c>VOC2007/Annotations</c>.</param>
    /// <returns>The ground truth and image names; objects of unlisted classes are reported as warnings.</returns>
    /// <exception cref="ArgumentException"><paramref name="annotationsFolder"/> is null or empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is not well-formed XML, or an object lacks its name or a box coordinate, has a coordinate that is
    /// not a number, an inverted box or a difficult flag other than 0 or 1; the message names file, line and
    /// element.
    /// </exception>
    public LabeledImageFolder ReadFolder(string annotationsFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(annotationsFolder);
        if (!Directory.Exists(annotationsFolder))
        {
            throw new DirectoryNotFoundException($"The annotation folder '{annotationsFolder}' does not exist.");
        }

        string[] files = Directory.GetFiles(annotationsFolder, "*.xml").Order(StringComparer.Ordinal).ToArray();
        IReadOnlyList<VocXmlObject>[] objects = files.Select(VocXmlParser.Parse).ToArray();
        IReadOnlyList<string> classes = Options.ClassNames
            ?? objects.SelectMany(o => o).Select(o => o.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
        return Build(annotationsFolder, files, objects, classes);
    }

    private static LabeledImageFolder Build(
        string folder,
        string[] files,
        IReadOnlyList<VocXmlObject>[] objects,
        IReadOnlyList<string> classes)
    {
        var tally = new WarningTally();
        List<GroundTruthBox> boxes = CollectBoxes(files, objects, classes, tally);

        var report = new DetectionLoadReport(folder)
        {
            RecordsRead = objects.Sum(o => o.Count),
            RecordsKept = boxes.Count,
        };
        tally.CopyTo(report);

        var truth = new DetectionGroundTruth(
            Enumerable.Range(1, files.Length).Select(i => (long)i),
            classes.Select((n, i) => new DetectionCategory(i, n)),
            boxes,
            report);
        return new LabeledImageFolder(truth, files.Select(Path.GetFileNameWithoutExtension).ToArray()!);
    }

    private static List<GroundTruthBox> CollectBoxes(
        string[] files,
        IReadOnlyList<VocXmlObject>[] objects,
        IReadOnlyList<string> classes,
        WarningTally tally)
    {
        var categoryByName = classes.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var boxes = new List<GroundTruthBox>();
        for (int image = 0; image < files.Length; image++)
        {
            foreach (VocXmlObject o in objects[image])
            {
                if (!categoryByName.TryGetValue(o.Name, out int category))
                {
                    tally.Add("unknown-class", $"{files[image]}, {o.Location}/<name> '{o.Name}'.",
                        "objects whose class is not in the class list were skipped.");
                    continue;
                }

                double area = o.Box.Width * o.Box.Height;
                boxes.Add(new GroundTruthBox(boxes.Count + 1, image + 1, category, o.Box, area, false, o.IsDifficult));
            }
        }

        return boxes;
    }
}
