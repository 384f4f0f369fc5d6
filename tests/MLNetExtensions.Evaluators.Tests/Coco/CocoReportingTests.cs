using System.Globalization;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

public sealed class CocoReportingTests
{
    [Fact]
    public void Summary_Val2014_IsTheTextPycocotoolsPrints()
    {
        var oracle = CocoOracleCase.LoadVal2014();
        string printed = File.ReadAllText(Path.Combine(CocoOracleCase.DataRoot, "val2014-100", "summary.txt"));

        string summary = CocoSummaryFormatter.FormatSummary(oracle.Evaluate());

        Assert.Equal(printed, summary);
    }

    [Fact]
    public void CategoryTable_HasOneRowPerCategoryWithItsAp()
    {
        CocoDetectionMetrics metrics = CocoOracleCase.Load("cases", "c1_basic").Evaluate();

        string[] lines = CocoSummaryFormatter.FormatCategoryTable(metrics).TrimEnd('\n').Split('\n');

        Assert.Equal(1 + metrics.PerCategory.Count, lines.Length);
        Assert.Contains("0.428", lines[1]); // category 1 AP from expected.json: 0.4283910891089108
        Assert.Contains("cat2", lines[2]);
    }

    [Fact]
    public void Csv_RowsEqualThePrecisionArrayAtIou50And75()
    {
        CocoDetectionMetrics metrics = CocoOracleCase.Load("random", "r01").Evaluate();
        string path = Path.Combine(Path.GetTempPath(), $"pr-{Guid.NewGuid():N}.csv");

        CocoPrecisionRecallCurves.WriteCsv(metrics, path);
        string[] rows = File.ReadAllLines(path);
        File.Delete(path);

        var withGroundTruth = Enumerable.Range(0, metrics.PerCategory.Count)
            .Where(k => metrics.Precision[0, 0, k, 0, 2] > -1).ToArray();
        Assert.Equal(1 + (withGroundTruth.Length * 2 * 101), rows.Length);
        string[] cells = rows[1 + 101 + 37].Split(','); // first category, IoU 0.75, recall 0.37
        int k0 = withGroundTruth[0];
        Assert.Equal("0.75", cells[2]);
        Assert.Equal(metrics.Precision[5, 37, k0, 0, 2], double.Parse(cells[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Plots_WriteOnePngPerCategoryWithCurves()
    {
        CocoDetectionMetrics metrics = CocoOracleCase.Load("cases", "c1_basic").Evaluate();
        string dir = Path.Combine(Path.GetTempPath(), $"pr-{Guid.NewGuid():N}");

        IReadOnlyList<string> files = CocoPrecisionRecallCurves.WritePlots(metrics, dir, 320, 240);

        Assert.Equal(2, files.Count);
        byte[] png = File.ReadAllBytes(files[0]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 2000, $"The plot is only {png.Length} bytes.");
        Directory.Delete(dir, recursive: true);
    }
}
