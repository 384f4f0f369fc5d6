using System.Text.Json;
using MLNetExtensions.Evaluators.Tests.Voc;

namespace MLNetExtensions.Evaluators.Tests.Classification;

/// <summary>A case of TestData/Classification/classification-reference.json, computed with numpy.</summary>
internal sealed record ReferenceCase(
    int[] Labels,
    float[][] Scores,
    double Accuracy,
    double[] Top,
    double[] Precision,
    double[] Recall,
    double[] F1,
    double[] Macro,
    int[] Confusion)
{
    public static IEnumerable<ReferenceCase> Load()
    {
        string path = TestDataFolder.Path("Classification", "classification-reference.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(Parse).ToArray();
    }

    private static ReferenceCase Parse(JsonElement c) => new(
        c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
        c.GetProperty("scores").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray(),
        c.GetProperty("accuracy").GetDouble(),
        new[] { "1", "2", "3" }.Select(k => c.GetProperty("top").GetProperty(k).GetDouble()).ToArray(),
        Doubles(c.GetProperty("precision")),
        Doubles(c.GetProperty("recall")),
        Doubles(c.GetProperty("f1")),
        Doubles(c.GetProperty("macro")),
        c.GetProperty("confusion").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetInt32())
            .ToArray());

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
