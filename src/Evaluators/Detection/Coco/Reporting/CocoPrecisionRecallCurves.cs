using System.Globalization;
using System.Text;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Per-category precision-recall curves (area all, largest detection limit) as CSV and PNG plots.</summary>
/// <remarks>
/// The curves are COCO's interpolated precision at each recall threshold, read from
/// <see cref="CocoDetectionMetrics.Precision"/>; a category without counted ground truth has no curve.
/// </remarks>
public static class CocoPrecisionRecallCurves
{
    /// <summary>The IoU thresholds drawn by default: 0.5 and 0.75, as in COCO's AP50 and AP75.</summary>
    public static readonly IReadOnlyList<double> DefaultIouThresholds = [0.5, 0.75];

    /// <summary>
    /// Writes <c>category_id,category,iou,recall,precision</c> rows for every category and threshold.
    /// </summary>
    /// <param name="metrics">The evaluation results.</param>
    /// <param name="path">The CSV file to create or overwrite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the options lack IoU 0.5 or
    /// 0.75.</exception>
    public static void WriteCsv(CocoDetectionMetrics metrics, string path)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = new StringBuilder("category_id,category,iou,recall,precision\n");
        foreach (var curve in Curves(metrics))
        {
            for (int r = 0; r < curve.Recall.Count; r++)
            {
                text.Append(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0},{1},{2:R},{3:R},{4:R}\n",
                    curve.Category.Id,
                    Quote(curve.Category.Name),
                    curve.Iou,
                    curve.Recall[r],
                    curve.Precision[r]));
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Draws one PNG per category (a line per IoU threshold) into a folder.</summary>
    /// <param name="metrics">The evaluation results.</param>
    /// <param name="directory">The folder to write into; created when missing.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns>The paths written, one per category that has a curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty, or the options lack IoU 0.5 or
    /// 0.75.</exception>
    public static IReadOnlyList<string> WritePlots(
        CocoDetectionMetrics metrics, string directory, int width = 640, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var group in Curves(metrics).GroupBy(c => c.Category.Id))
        {
            DetectionCategory category = group.First().Category;
            string path = Path.Combine(directory, $"pr_{category.Id}_{SafeName(category.Name)}.png");
            PrecisionRecallPlot.Save(path, $"{category.Name} (id {category.Id})", group.ToArray(), width, height);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Extracts the curves of every category with counted ground truth at the default thresholds.</summary>
    /// <param name="metrics">The evaluation results.</param>
    /// <returns>One curve per category and threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    /// <exception cref="ArgumentException">The options lack IoU 0.5 or 0.75, or the area range <c>all</c>.</exception>
    public static IReadOnlyList<PrecisionRecallCurve> Curves(CocoDetectionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        CocoEvaluationOptions options = metrics.Options;
        int a = IndexOf(options.AreaRanges.Select(r => r.Label).ToList(), "all", "area range");
        int m = options.MaxDetections.Count - 1;
        double[] recall = options.RecallThresholds.ToArray();
        var curves = new List<PrecisionRecallCurve>();
        for (int k = 0; k < metrics.PerCategory.Count; k++)
        {
            foreach (double iou in DefaultIouThresholds)
            {
                int t = IndexOf(options.IouThresholds.ToList(), iou, "IoU threshold");
                if (metrics.Precision[t, 0, k, a, m] > -1)
                {
                    double[] precision = recall.Select((_, r) => metrics.Precision[t, r, k, a, m]).ToArray();
                    curves.Add(new PrecisionRecallCurve(metrics.PerCategory[k].Category, iou, recall, precision));
                }
            }
        }

        return curves;
    }

    private static int IndexOf<T>(List<T> values, T wanted, string what)
    {
        int index = values.IndexOf(wanted);
        return index >= 0 ? index : throw new ArgumentException(
            $"The evaluation options have no {what} {wanted}, which the curves need.", "metrics");
    }

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
