using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Draws precision-recall curves with ScottPlot (headless: SkiaSharp renders without a display).</summary>
internal static class PrecisionRecallPlot
{
    public static void Save(
        string path, string title, IReadOnlyList<PrecisionRecallCurve> curves, int width, int height)
    {
        var plot = new ScottPlot.Plot();
        foreach (PrecisionRecallCurve curve in curves)
        {
            var line = plot.Add.Scatter(curve.Recall.ToArray(), curve.Precision.ToArray());
            line.MarkerSize = 0;
            line.LegendText = string.Format(CultureInfo.InvariantCulture, "IoU {0:0.00}", curve.Iou);
        }

        plot.Title(title);
        plot.XLabel("Recall");
        plot.YLabel("Precision");
        plot.Axes.SetLimits(0, 1, 0, 1.05);
        plot.ShowLegend();
        plot.SavePng(path, width, height);
    }
}
