using ScottPlot;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Draws a confusion matrix with ScottPlot: true classes top to bottom, predictions left to right.</summary>
internal static class ConfusionHeatMap
{
    private const int MaxLabelledClasses = 30;

    public static void Save(int[,] counts, IReadOnlyList<string> names, string path, int width, int height)
    {
        int k = counts.GetLength(0);
        var plot = new Plot();
        IColormap colormap = new ScottPlot.Colormaps.Viridis();
        for (int r = 0; r < k; r++)
        {
            double rowTotal = Enumerable.Range(0, k).Sum(c => counts[r, c]);
            for (int c = 0; c < k; c++)
            {
                double fraction = rowTotal == 0 ? 0 : counts[r, c] / rowTotal;
                AddCell(plot, r, c, colormap.GetColor(fraction), k <= MaxLabelledClasses ? counts[r, c] : null);
            }
        }

        double[] positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, names.ToArray());
        plot.Axes.Left.SetTicks(positions.Select(p => -p).ToArray(), names.ToArray());
        plot.Axes.SetLimits(-0.5, k - 0.5, -k + 0.5, 0.5);
        plot.XLabel("Predicted class");
        plot.YLabel("True class");
        plot.Title("Confusion matrix (colour: share of the true class)");
        plot.SavePng(path, width, height);
    }

    private static void AddCell(Plot plot, int row, int column, Color fill, int? count)
    {
        var rectangle = plot.Add.Rectangle(column - 0.5, column + 0.5, -row - 0.5, -row + 0.5);
        rectangle.FillStyle.Color = fill;
        rectangle.LineStyle.Width = 0;
        if (count is int value)
        {
            var label = plot.Add.Text(value.ToString(System.Globalization.CultureInfo.InvariantCulture), column, -row);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = fill.Luminance > 0.5 ? Colors.Black : Colors.White;
        }
    }
}
