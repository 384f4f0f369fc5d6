using System.Xml.Linq;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Voc;
using MLNetExtensions.Evaluators.Detection.Yolo;
using MLNetExtensions.Evaluators.Tests.Voc;
using SkiaSharp;

namespace MLNetExtensions.Evaluators.Tests.Yolo;

public sealed class YoloLabelReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yolo-").FullName;

    [Fact]
    public void NormalisedLine_ConvertsToPixelsWithMappedSize()
    {
        Write("img.txt", "1 0.5 0.5 0.2 0.4\n");
        var options = new YoloReaderOptions { ImageSizes = Size("img", 200, 100) };

        LabeledImageFolder folder = new YoloLabelReader(options).ReadFolder(_folder);

        // Centre (100, 50), size 40 x 40: left 100 - 20, top 50 - 20.
        GroundTruthBox box = Assert.Single(folder.GroundTruth.Boxes);
        Assert.Equal(new BoundingBox(80, 30, 40, 40), box.Box);
        Assert.Equal(1, box.CategoryId);
        Assert.Equal("1", folder.GroundTruth.Categories.Single().Name);
    }

    [Fact]
    public void ImagesFolder_SizesFromHeaderAndBackgroundImagesKept()
    {
        string images = Directory.CreateDirectory(Path.Combine(_folder, "images")).FullName;
        string labels = Directory.CreateDirectory(Path.Combine(_folder, "labels")).FullName;
        SavePng(Path.Combine(images, "a.png"), 37, 23);
        SavePng(Path.Combine(images, "b.png"), 10, 10);
        File.WriteAllText(Path.Combine(labels, "a.txt"), "0 0.5 0.5 1 1\n");

        LabeledImageFolder folder = new YoloLabelReader(new YoloReaderOptions { ImagesFolder = images })
            .ReadFolder(labels);

        Assert.Equal(["a", "b"], folder.ImageNames);
        Assert.Equal(new BoundingBox(0, 0, 37, 23), Assert.Single(folder.GroundTruth.Boxes).Box);
    }

    [Fact]
    public void PadillaLabels_AgreeWithSameImagesVocXml()
    {
        LabeledImageFolder voc = new VocAnnotationReader()
            .ReadFolder(TestDataFolder.Path("Voc", "padilla-database", "Annotations"));
        string[] names = File.ReadAllLines(TestDataFolder.Path("Yolo", "padilla-labels", "obj.names"))
            .Where(l => l.Length > 0).ToArray();
        var options = new YoloReaderOptions { ClassNames = names, ImageSizes = XmlSizes() };

        LabeledImageFolder yolo = new YoloLabelReader(options)
            .ReadFolder(TestDataFolder.Path("Yolo", "padilla-labels"));

        var expected = Sorted(voc, yolo.ImageNames);
        var actual = Sorted(yolo, yolo.ImageNames);
        Assert.Equal(32, actual.Count);
        Assert.Equal(expected.Select(e => (e.Image, e.Name)), actual.Select(a => (a.Image, a.Name)));
        double worst = expected.Zip(actual).Max(p => MaxCornerError(p.First.Box, p.Second.Box));
        Assert.True(worst < 1e-3, $"Labels written with 6 decimals should agree within 1e-3 px, not {worst}.");
    }

    [Theory]
    [InlineData("0 0.5 0.5 0.2\n", "line 1: 4 fields, but a YOLO label line has 5")]
    [InlineData("\nx 0.5 0.5 0.2 0.2\n", "line 2: class is 'x', not a non-negative integer")]
    [InlineData("0 0.5 nan 0.2 0.2\n", "line 1: y_center is 'nan', not a finite number")]
    [InlineData("0 0.5 0.5 -0.2 0.2\n", "line 1: width -0.2 or height 0.2 is negative")]
    [InlineData("3 0.5 0.5 0.2 0.2\n", "line 1: class 3 is not among the 2 known category ids (0, 1)")]
    public void BadLine_ThrowsNamingFileLineAndField(string content, string expected)
    {
        Write("img.txt", content);
        var options = new YoloReaderOptions
        {
            ClassNames = ["cat", "dog"],
            ImageSizes = Size("img", 10, 10),
        };

        var error = Assert.Throws<InvalidDataException>(() => new YoloLabelReader(options).ReadFolder(_folder));

        Assert.StartsWith($"{Path.Combine(_folder, "img.txt")}, {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSize_ThrowsNamingImage()
    {
        Write("img.txt", "0 0.5 0.5 0.2 0.2\n");

        var error = Assert.Throws<InvalidDataException>(() => new YoloLabelReader().ReadFolder(_folder));

        Assert.Contains("no size for image 'img'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoxOutsideImage_KeptAndReported()
    {
        Write("img.txt", "0 0.95 0.5 0.2 0.2\n0 0.5 0.5 0.2 0.2\n");
        var options = new YoloReaderOptions { ImageSizes = Size("img", 100, 100) };

        LabeledImageFolder folder = new YoloLabelReader(options).ReadFolder(_folder);

        Assert.Equal(new BoundingBox(85, 40, 20, 20), folder.GroundTruth.Boxes[0].Box, BoxComparer);
        DetectionLoadWarning warning = Assert.Single(folder.LoadReport.Warnings);
        Assert.Equal(("box-outside-image", 1), (warning.Kind, warning.Count));
    }

    [Fact]
    public void Detections_ReadScoresAndRejectUnknownImages()
    {
        string labels = Directory.CreateDirectory(Path.Combine(_folder, "labels")).FullName;
        string dets = Directory.CreateDirectory(Path.Combine(_folder, "dets")).FullName;
        File.WriteAllText(Path.Combine(labels, "img.txt"), "0 0.5 0.5 0.2 0.2\n");
        File.WriteAllText(Path.Combine(dets, "img.txt"), "0 0.5 0.5 0.2 0.2 0.75\n");
        var options = new YoloReaderOptions { ImageSizes = Size("img", 50, 50) };
        var reader = new YoloLabelReader(options);
        LabeledImageFolder truth = reader.ReadFolder(labels);

        DetectedBox detection = Assert.Single(reader.ReadDetections(dets, truth));
        File.WriteAllText(Path.Combine(dets, "other.txt"), "0 0.5 0.5 0.2 0.2 0.5\n");
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadDetections(dets, truth));

        Assert.Equal((1L, 0, 0.75), (detection.ImageId, detection.CategoryId, detection.Score));
        Assert.Equal(new BoundingBox(20, 20, 10, 10), detection.Box, BoxComparer);
        Assert.Contains("image 'other' is not in the ground truth's 1 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectionResults_CountBoxesOutsideTheImageAndConfidencesOutsideUnit()
    {
        string labels = Directory.CreateDirectory(Path.Combine(_folder, "labels")).FullName;
        string dets = Directory.CreateDirectory(Path.Combine(_folder, "dets")).FullName;
        File.WriteAllText(Path.Combine(labels, "img.txt"), "0 0.5 0.5 0.2 0.2\n");
        File.WriteAllText(
            Path.Combine(dets, "img.txt"), "0 0.5 0.5 0.2 0.2 1.7\n0 0.95 0.5 0.2 0.2 0.5\n0 0.5 0.5 0.2 0.2 -1\n");
        var reader = new YoloLabelReader(new YoloReaderOptions { ImageSizes = Size("img", 50, 50) });
        LabeledImageFolder truth = reader.ReadFolder(labels);

        DetectionResults results = reader.ReadDetectionResults(dets, truth);

        // Line 2's box spans x 0.85 .. 1.05 of the image width; lines 1 and 3 hold confidences 1.7 and -1.
        Assert.Equal([1.7, 0.5, -1.0], results.Detections.Select(d => d.Score));
        Assert.Equal(
            [("box-outside-image", 1), ("score-outside-unit", 2)],
            results.Report.Warnings.Select(w => (w.Kind, w.Count)).Order());
        Assert.Contains(
            results.Report.Warnings, w => w.Message.Contains("img.txt, line 1.", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly IEqualityComparer<BoundingBox> BoxComparer = EqualityComparer<BoundingBox>.Create(
        (a, b) => MaxCornerError(a, b) < 1e-9, _ => 0);

    private static double MaxCornerError(BoundingBox a, BoundingBox b) =>
        new[] { a.X - b.X, a.Y - b.Y, a.X2 - b.X2, a.Y2 - b.Y2 }.Max(Math.Abs);

    /// <summary>The boxes of the named images as (image, class name, box), in a format-independent order.</summary>
    private static List<(string Image, string Name, BoundingBox Box)> Sorted(
        LabeledImageFolder folder, IReadOnlyList<string> imageNames) =>
        folder.GroundTruth.Boxes
            .Select(b => (
                Image: folder.ImageNames[(int)b.ImageId - 1],
                folder.GroundTruth.Categories.Single(c => c.Id == b.CategoryId).Name,
                b.Box))
            .Where(t => imageNames.Contains(t.Image))
            .OrderBy(t => t.Image, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => Math.Round(t.Box.X)).ThenBy(t => Math.Round(t.Box.Y))
            .ToList();

    /// <summary>The image sizes written in the VOC XML files of the same images.</summary>
    private static Dictionary<string, (int, int)> XmlSizes() =>
        Directory.GetFiles(TestDataFolder.Path("Voc", "padilla-database", "Annotations"), "*.xml").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f =>
            {
                XElement size = XDocument.Load(f).Root!.Element("size")!;
                return ((int)size.Element("width")!, (int)size.Element("height")!);
            });

    private static void SavePng(string path, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Coral);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static Dictionary<string, (int, int)> Size(string name, int width, int height) =>
        new() { [name] = (width, height) };

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
