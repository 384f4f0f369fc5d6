using System.Globalization;
using System.Text.Json;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Voc;

namespace MLNetExtensions.Evaluators.Tests.Voc;

public sealed class VocResultsReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("voc-results-").FullName;
    private readonly LabeledImageFolder _images = new VocAnnotationReader(
            new VocReaderOptions { ClassNames = VocReaderOptions.PascalVocClasses })
        .ReadFolder(TestDataFolder.Path("Voc", "padilla-database", "Annotations"));

    [Fact]
    public void PadillaDetectionsAsDevkitFiles_GiveTheFixtureMap()
    {
        WriteDevkitFiles();

        IReadOnlyList<DetectedBox> detections = VocResultsReader.ReadFolder(_folder, _images);
        VocMetrics metrics = new VocEvaluator().Evaluate(_images.GroundTruth, detections);

        string expectedPath = TestDataFolder.Path("Voc", "padilla-database", "expected-ap.json");
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        Assert.Equal(452, detections.Count);
        Assert.Equal(expected.RootElement.GetProperty("map2012").GetDouble(), metrics.MeanAveragePrecision, 1e-12);
    }

    [Theory]
    [InlineData(
        "2007_000027 0.9 1 2 3\n",
        "line 1: 5 fields, but a results line has 6 (image score xmin ymin xmax ymax)")]
    [InlineData("\n2007_999999 0.9 1 2 3 4\n", "line 2: image '2007_999999' is not among the 100 annotated images")]
    [InlineData("2007_000027 high 1 2 3 4\n", "line 1: score is 'high', not a finite number")]
    [InlineData("2007_000027 0.9 5 2 3 4\n", "line 1: box xmin 5, ymin 2, xmax 3, ymax 4 has an inverted corner")]
    public void BadLine_ThrowsNamingFileAndLine(string content, string expected)
    {
        string path = Path.Combine(_folder, "comp4_det_test_cat.txt");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(
            () => VocResultsReader.ReadClassFile(path, _images.GroundTruth.Categories[7], _images));

        Assert.Equal($"{path}, {expected}.", error.Message);
    }

    [Fact]
    public void NoFileForAnyClass_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => VocResultsReader.ReadFolder(_folder, _images));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Rewrites the per-image detection files as the devkit's per-class results files.</summary>
    private void WriteDevkitFiles()
    {
        string dets = TestDataFolder.Path("Voc", "padilla-database", "dets");
        var lines = Directory.GetFiles(dets, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Where(l => l.Trim().Length > 0).Select(l => l.Split(' ')).Select(v =>
                (Class: int.Parse(v[0], CultureInfo.InvariantCulture),
                 Text: $"{Path.GetFileNameWithoutExtension(f)} {string.Join(' ', v[1..6])}")));
        foreach (var group in lines.GroupBy(l => l.Class))
        {
            string name = VocReaderOptions.PascalVocClasses[group.Key];
            File.WriteAllLines(Path.Combine(_folder, $"comp4_det_test_{name}.txt"), group.Select(g => g.Text));
        }
    }
}
