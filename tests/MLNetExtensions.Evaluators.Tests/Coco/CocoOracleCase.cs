using System.Text.Json;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

/// <summary>A ground-truth / results pair with pycocotools' committed answer (expected.json).</summary>
public sealed class CocoOracleCase
{
    private CocoOracleCase(string name, string groundTruthPath, string resultsPath, JsonElement expected)
    {
        Name = name;
        GroundTruthPath = groundTruthPath;
        ResultsPath = resultsPath;
        Expected = expected;
    }

    public string Name { get; }

    public string GroundTruthPath { get; }

    public string ResultsPath { get; }

    public JsonElement Expected { get; }

    public static string DataRoot => Path.Combine(AppContext.BaseDirectory, "TestData", "Coco");

    /// <summary>Gets the names of the case folders under TestData/Coco/&lt;group&gt;.</summary>
    public static TheoryData<string> Names(string group)
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(Path.Combine(DataRoot, group)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    public static CocoOracleCase Load(string group, string name)
    {
        string dir = Path.Combine(DataRoot, group, name);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        return new CocoOracleCase(
            name, Path.Combine(dir, "gt.json"), Path.Combine(dir, "dt.json"), doc.RootElement.Clone());
    }

    public static CocoOracleCase LoadVal2014()
    {
        string dir = Path.Combine(DataRoot, "val2014-100");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        return new CocoOracleCase(
            "val2014-100",
            Path.Combine(dir, "instances_val2014_100.json"),
            Path.Combine(dir, "fakebbox100_results.json"),
            doc.RootElement.Clone());
    }

    public CocoDetectionMetrics Evaluate(CocoEvaluationOptions? options = null)
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(GroundTruthPath);
        DetectionResults dt = CocoJsonReader.ReadResults(ResultsPath, gt);
        return CocoEvaluator.Evaluate(gt, dt.Detections, options);
    }

    public double[] ExpectedStats() =>
        Expected.GetProperty("stats").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public IReadOnlyList<(int CategoryId, double[] Stats)> ExpectedPerCategory() =>
        Expected.GetProperty("per_category").EnumerateArray()
            .Select(c => (c.GetProperty("category_id").GetInt32(),
                CocoStatistics.Names.Select(n => c.GetProperty(n).GetDouble()).ToArray()))
            .ToArray();

    /// <summary>Asserts every figure, overall and per category, within <paramref name="tolerance"/>.</summary>
    public void AssertMatches(CocoDetectionMetrics metrics, double tolerance = 1e-12)
    {
        AssertClose(ExpectedStats(), metrics.ToArray(), tolerance, $"{Name} stats");
        var expected = ExpectedPerCategory();
        Assert.Equal(expected.Count, metrics.PerCategory.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].CategoryId, metrics.PerCategory[k].Category.Id);
            string what = $"{Name} category {expected[k].CategoryId}";
            AssertClose(expected[k].Stats, metrics.PerCategory[k].ToArray(), tolerance, what);
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(
                error <= tolerance,
                $"{what}: {CocoStatistics.Names[i]} is {actual[i]:R}, "
                + $"pycocotools gives {expected[i]:R} (|diff| {error:E2}).");
        }
    }
}
