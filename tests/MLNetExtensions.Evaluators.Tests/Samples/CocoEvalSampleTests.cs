using System.Text.Json;
using CocoEval;
using MLNetExtensions.Evaluators.Tests.Voc;

namespace MLNetExtensions.Evaluators.Tests.Samples;

/// <summary>Runs the CocoEval sample's command line in process, as a user would from a shell.</summary>
public sealed class CocoEvalSampleTests : IDisposable
{
    // pycocotools 2.0 on the COCO API's fake bbox results for the first 100 val2014 images, as published in
    // TestData/Coco/val2014-100/README.md (order AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl).
    private static readonly (string Name, double Value)[] PublishedFigures =
    [
        ("AP", 0.5045806987249628), ("AP50", 0.6969727247299577), ("AP75", 0.5729816669904824),
        ("APs", 0.5856257209410443), ("APm", 0.5193996948036719), ("APl", 0.5013978986347466),
        ("AR1", 0.38681277964578054), ("AR10", 0.5936795762842003), ("AR100", 0.595352982877607),
        ("ARs", 0.6398109626113442), ("ARm", 0.5664205978994309), ("ARl", 0.5642905982905982),
    ];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"cocoeval-{Guid.NewGuid():N}");

    public CocoEvalSampleTests() => Directory.CreateDirectory(_dir);

    private static string GroundTruth => TestDataFolder.Path("Coco", "val2014-100", "instances_val2014_100.json");

    private static string Results => TestDataFolder.Path("Coco", "val2014-100", "fakebbox100_results.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CocoJson_LastLineHoldsThePublishedTwelveFigures()
    {
        (int code, string output, string errors) = Run("--gt", GroundTruth, "--dt", Results, "--json");

        Assert.True(code == 0, errors);
        using JsonDocument last = JsonDocument.Parse(LastLine(output));
        Assert.Equal(PublishedFigures.Length, last.RootElement.EnumerateObject().Count());
        foreach ((string name, double value) in PublishedFigures)
        {
            Assert.Equal(value, last.RootElement.GetProperty(name).GetDouble(), 1e-12);
        }

        Assert.Contains("Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.505", output);
    }

    [Fact]
    public void Voc2007OnHandWorkedCase_PrintsElevenPointApPerClassAndMean()
    {
        // cat: two ground truths, detections 0.9 (TP), 0.8 (FP), 0.7 (TP): precision 1, 1/2, 2/3 at recall 1/2,
        // 1/2, 1. The envelope is 1 up to recall 0.5 and 2/3 beyond: (6 * 1 + 5 * 2/3) / 11 = 28/33.
        // dog: one ground truth found by the only detection: AP 1. mAP = (28/33 + 1) / 2 = 61/66.
        string gt = Write("gt.json", """
            {"images": [{"id": 1}, {"id": 2}],
             "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
               {"id": 2, "image_id": 2, "category_id": 1, "bbox": [20, 20, 10, 10], "area": 100, "iscrowd": 0},
               {"id": 3, "image_id": 2, "category_id": 2, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0}]}
            """);
        string dt = Write("dt.json", """
            [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.9},
             {"image_id": 1, "category_id": 1, "bbox": [60, 60, 5, 5], "score": 0.8},
             {"image_id": 2, "category_id": 1, "bbox": [20, 20, 10, 10], "score": 0.7},
             {"image_id": 2, "category_id": 2, "bbox": [50, 50, 10, 10], "score": 0.6}]
            """);

        (int code, string output, string errors) = Run("--gt", gt, "--dt", dt, "--voc2007", "--json");

        Assert.True(code == 0, errors);
        using JsonDocument last = JsonDocument.Parse(LastLine(output));
        Assert.Equal(28.0 / 33, last.RootElement.GetProperty("AP").GetProperty("cat").GetDouble(), 1e-12);
        Assert.Equal(1.0, last.RootElement.GetProperty("AP").GetProperty("dog").GetDouble(), 1e-12);
        Assert.Equal(61.0 / 66, last.RootElement.GetProperty("mAP").GetDouble(), 1e-12);
        Assert.DoesNotContain("crowd", errors);
    }

    [Fact]
    public void VocOnCocoGroundTruthWithCrowds_WarnsThatCrowdsCountAsGroundTruth()
    {
        // The val2014-100 ground truth holds 9 crowd annotations.
        (int code, _, string errors) = Run("--gt", GroundTruth, "--dt", Results, "--voc2012");

        Assert.True(code == 0, errors);
        Assert.Contains($"warning: {GroundTruth}: 9 crowd annotation(s) (iscrowd) count as ordinary", errors);
    }

    [Fact]
    public void Voc2012WithInfiniteScore_KeepsItWithAWarningNamingTheFile()
    {
        string dt = Write("dt.json", """
            [{"image_id": 74, "category_id": 18, "bbox": [0, 0, 10, 10], "score": 0.9},
             {"image_id": 74, "category_id": 18, "bbox": [0, 0, 10, 10], "score": "Infinity"}]
            """);

        (int code, _, string errors) = Run("--gt", GroundTruth, "--dt", dt, "--voc2012", "--json");

        Assert.True(code == 0, errors);
        Assert.Contains($"warning: {dt}: 1 detection has a score outside [0, 1]", errors);
        Assert.Contains("$[1].score = Infinity", errors);
    }

    [Fact]
    public void CurvesWithVoc_IsRejectedInsteadOfIgnored()
    {
        (int code, _, string errors) = Run("--gt", GroundTruth, "--dt", Results, "--voc2012", "--curves", _dir);

        Assert.Equal(1, code);
        Assert.Contains("--curves writes COCO precision-recall curves", errors);
        Assert.DoesNotContain("Evaluated", errors); // the runner reports its timing only after evaluating
    }

    [Fact]
    public void CurvesNamingAFile_ReportsTheOptionAndFile()
    {
        (int code, _, string errors) = Run("--gt", GroundTruth, "--dt", Results, "--curves", GroundTruth);

        Assert.Equal(1, code);
        Assert.Contains($"--curves names '{GroundTruth}', which is a file", errors);
    }

    [Theory]
    [InlineData("[null]", "$[0] is null")]
    [InlineData("""[{"image_id": "1", "category_id": 1, "bbox": [0, 0, 1, 1], "score": 1}]""", "$[0].image_id")]
    [InlineData("", "not a valid COCO results file")]
    public void BadResultsFile_ExitsWithOneMessageNamingFileAndPath(string text, string expected)
    {
        string dt = Write("dt.json", text);

        (int code, string output, string errors) = Run("--gt", GroundTruth, "--dt", dt, "--json");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {dt}: ", errors);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("   at ", errors);
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        int code = CocoEvalCommand.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
