using System.Text.Json;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

/// <summary>
/// Property-style check: 30 random cases (ties, crowds, areas on the range bounds, more than 100 detections per
/// image, categories without ground truth, duplicate boxes, id-0 annotations) against committed pycocotools output.
/// The cases come from Tooling/make_coco_oracle_cases.py.
/// </summary>
public sealed class CocoEvaluatorRandomCaseTests
{
    public static TheoryData<string> RandomCases => CocoOracleCase.Names("random");

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void RandomCase_StatsAndRecallArrayMatchPycocotools(string name)
    {
        var oracle = CocoOracleCase.Load("random", name);
        var options = new CocoEvaluationOptions
        {
            ReproduceZeroIdDefect = oracle.Expected.GetProperty("reproduce_zero_id_defect").GetBoolean(),
        };

        CocoDetectionMetrics metrics = oracle.Evaluate(options);

        oracle.AssertMatches(metrics);
        AssertArrayEqual(oracle.Expected.GetProperty("recall"), metrics.Recall);
        if (oracle.Expected.TryGetProperty("precision", out JsonElement precision))
        {
            AssertArrayEqual(precision, metrics.Precision);
        }
    }

    [Fact]
    public void RandomCases_CoverTheRulesTheyAreMeantToStress()
    {
        var names = Directory.GetDirectories(Path.Combine(CocoOracleCase.DataRoot, "random")).Select(Path.GetFileName);
        var cases = names.Select(n => CocoOracleCase.Load("random", n!)).ToArray();

        Assert.True(cases.Length >= 30);
        Assert.Contains(cases, c => c.Expected.GetProperty("reproduce_zero_id_defect").GetBoolean());
        Assert.Contains(cases, c => c.Expected.GetProperty("per_category").EnumerateArray()
            .Any(k => k.GetProperty("AP").GetDouble() == -1));
        Assert.True(cases.Count(c => c.Expected.TryGetProperty("precision", out _)) >= 2);
    }

    /// <summary>Compares a nested JSON list with a rectangular array element by element, in C order, exactly.</summary>
    private static void AssertArrayEqual(JsonElement expected, Array actual)
    {
        var flat = new List<double>();
        Flatten(expected, flat);
        Assert.Equal(flat.Count, actual.Length);
        int i = 0;
        foreach (double value in actual)
        {
            Assert.True(flat[i] == value, $"Element {i} is {value:R}; pycocotools gives {flat[i]:R}.");
            i++;
        }
    }

    private static void Flatten(JsonElement element, List<double> into)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement child in element.EnumerateArray())
            {
                Flatten(child, into);
            }
        }
        else
        {
            into.Add(element.GetDouble());
        }
    }
}
