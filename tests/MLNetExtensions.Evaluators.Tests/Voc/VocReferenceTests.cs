using System.Globalization;
using System.Text.Json;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Voc;

namespace MLNetExtensions.Evaluators.Tests.Voc;

/// <summary>Compares with published numbers and with fixtures from a numpy port of the devkit.</summary>
public class VocReferenceTests
{
    public static TheoryData<double, VocApMethod, double> PadillaExpectations => new()
    {
        // tests/test_eval_pascal.py of rafaelpadilla/review_object_detection_metrics (see TestData/Voc/README.md).
        { 0.1, VocApMethod.Voc2007ElevenPoint, 0.3333333333 },
        { 0.3, VocApMethod.Voc2007ElevenPoint, 0.2683982683 },
        { 0.5, VocApMethod.Voc2007ElevenPoint, 0.0303030303 },
        { 0.75, VocApMethod.Voc2007ElevenPoint, 0.0 },
        { 0.1, VocApMethod.Voc2012AllPoint, 0.3371980676 },
        { 0.3, VocApMethod.Voc2012AllPoint, 0.2456866804 },
        { 0.5, VocApMethod.Voc2012AllPoint, 0.0222222222 },
        { 0.75, VocApMethod.Voc2012AllPoint, 0.0 },
    };

    [Theory]
    [MemberData(nameof(PadillaExpectations))]
    public void PadillaTestCase_MatchesPublishedAp(double iou, VocApMethod method, double expected)
    {
        (DetectionGroundTruth truth, List<DetectedBox> detections) = LoadPadilla();
        var evaluator = new VocEvaluator(new VocEvaluatorOptions { IouThreshold = iou, Method = method });

        VocMetrics metrics = evaluator.Evaluate(truth, detections);

        Assert.Equal(expected, metrics.PerClass.Single().AveragePrecision, 1e-10);
    }

    [Theory]
    [InlineData("ap2012", VocApMethod.Voc2012AllPoint, 0.5, true)]
    [InlineData("ap2007", VocApMethod.Voc2007ElevenPoint, 0.5, true)]
    [InlineData("ap2012_strict", VocApMethod.Voc2012AllPoint, 0.5, false)]
    [InlineData("ap2012_iou07", VocApMethod.Voc2012AllPoint, 0.7, true)]
    public void RandomCases_MatchNumpyDevkitPort(string key, VocApMethod method, double iou, bool inclusive)
    {
        var options = new VocEvaluatorOptions { Method = method, IouThreshold = iou, MatchAtThreshold = inclusive };
        string path = TestDataFolder.Path("Voc", "voc-random-cases.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        int compared = 0;
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            VocMetrics metrics = new VocEvaluator(options).Evaluate(FixtureTruth(c), FixtureDetections(c));
            foreach (JsonProperty p in c.GetProperty("expected").GetProperty(key).EnumerateObject())
            {
                double actual = metrics.PerClass.Single(m => m.Category.Id == int.Parse(p.Name)).AveragePrecision;
                double expected = p.Value.ValueKind == JsonValueKind.Null ? double.NaN : p.Value.GetDouble();
                Assert.True(
                    double.IsNaN(expected) ? double.IsNaN(actual) : expected == actual,
                    $"{c.GetProperty("name")} class {p.Name}: expected {expected:R}, got {actual:R}.");
                compared++;
            }
        }

        Assert.Equal(90, compared);
    }

    [Theory]
    [InlineData("ap2012", VocApMethod.Voc2012AllPoint, 0.5, true)]
    [InlineData("ap2007", VocApMethod.Voc2007ElevenPoint, 0.5, true)]
    [InlineData("ap2012_strict", VocApMethod.Voc2012AllPoint, 0.5, false)]
    [InlineData("ap2007_iou075", VocApMethod.Voc2007ElevenPoint, 0.75, true)]
    public void PadillaDatabase_XmlFolderAndDetections_MatchNumpyDevkitPort(
        string key, VocApMethod method, double iou, bool inclusive)
    {
        string root = TestDataFolder.Path("Voc", "padilla-database");
        var readerOptions = new VocReaderOptions { ClassNames = VocReaderOptions.PascalVocClasses };
        LabeledImageFolder folder = new VocAnnotationReader(readerOptions)
            .ReadFolder(Path.Combine(root, "Annotations"));
        var options = new VocEvaluatorOptions { Method = method, IouThreshold = iou, MatchAtThreshold = inclusive };
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "expected-ap.json")));

        VocMetrics metrics = new VocEvaluator(options).Evaluate(folder.GroundTruth, ReadDetections(root, folder));

        foreach (VocClassMetrics c in metrics.PerClass)
        {
            double want = expected.RootElement.GetProperty(key).GetProperty(c.Category.Name).GetDouble();
            Assert.True(
                want == c.AveragePrecision, $"{c.Category.Name}: {want:R} vs {c.AveragePrecision:R}");
        }

        Assert.Equal(expected.RootElement.GetProperty("m" + key).GetDouble(), metrics.MeanAveragePrecision);
    }

    /// <summary>Reads dets/NAME.txt files: "classIndex score x1 y1 x2 y2", class index in the devkit's order.</summary>
    private static List<DetectedBox> ReadDetections(string root, LabeledImageFolder folder) =>
        Directory.GetFiles(Path.Combine(root, "dets"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Trim().Length > 0).Select(l =>
            {
                double[] v = l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                long image = folder.GetImageId(Path.GetFileNameWithoutExtension(f));
                return new DetectedBox(image, (int)v[0], BoundingBox.FromXyxy(v[2], v[3], v[4], v[5]), v[1]);
            }))
            .ToList();

    private static DetectionGroundTruth FixtureTruth(JsonElement c)
    {
        long id = 0;
        var boxes = c.GetProperty("gts").EnumerateArray().Select(g =>
        {
            double[] v = g.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var box = BoundingBox.FromXyxy(v[2], v[3], v[4], v[5]);
            return new GroundTruthBox(++id, (long)v[0], (int)v[1], box, box.Width * box.Height, false, v[6] != 0);
        }).ToList();
        IEnumerable<long> images = c.GetProperty("images").EnumerateArray().Select(e => e.GetInt64());
        IEnumerable<DetectionCategory> categories = c.GetProperty("categories").EnumerateArray()
            .Select(e => new DetectionCategory(e.GetInt32(), $"class{e.GetInt32()}"));
        return new DetectionGroundTruth(images, categories, boxes);
    }

    private static List<DetectedBox> FixtureDetections(JsonElement c) =>
        c.GetProperty("dets").EnumerateArray().Select(d =>
        {
            double[] v = d.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            return new DetectedBox((long)v[0], (int)v[1], BoundingBox.FromXyxy(v[3], v[4], v[5], v[6]), v[2]);
        }).ToList();

    /// <summary>Reads the case's text files: one per image, "class x y w h" and "class score x y w h".</summary>
    private static (DetectionGroundTruth Truth, List<DetectedBox> Detections) LoadPadilla()
    {
        string root = TestDataFolder.Path("Voc", "padilla-case-1");
        string[] names = Directory.GetFiles(Path.Combine(root, "gts"), "*.txt")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        var truths = new List<GroundTruthBox>();
        var detections = new List<DetectedBox>();
        for (int i = 0; i < names.Length; i++)
        {
            foreach (double[] v in Rows(Path.Combine(root, "gts", names[i])))
            {
                var box = BoundingBox.FromXywh(v[0], v[1], v[2], v[3]);
                truths.Add(new GroundTruthBox(truths.Count + 1, i + 1, 0, box, box.Width * box.Height, false, false));
            }

            detections.AddRange(Rows(Path.Combine(root, "dets", names[i]))
                .Select(v => new DetectedBox(i + 1, 0, BoundingBox.FromXywh(v[1], v[2], v[3], v[4]), v[0])));
        }

        var truth = new DetectionGroundTruth(
            Enumerable.Range(1, names.Length).Select(i => (long)i), [new DetectionCategory(0, "object")], truths);
        return (truth, detections);
    }

    private static IEnumerable<double[]> Rows(string file) =>
        File.ReadLines(file)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray());
}
