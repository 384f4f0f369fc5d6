using System.Globalization;
using System.Text;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Writes COCO results in the layouts users know: pycocotools' 12-line summary and a per-category table.
/// </summary>
public static class CocoSummaryFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Formats the 12 figures exactly as pycocotools' <c>COCOeval.summarize()</c> prints them.</summary>
    /// <param name="statistics">The figures (overall or one category's).</param>
    /// <param name="options">The options used, for the IoU range and detection limits shown; null for defaults.</param>
    /// <returns>Twelve lines, each ending in a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is null.</exception>
    public static string FormatSummary(CocoStatistics statistics, CocoEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        options ??= new CocoEvaluationOptions();
        IReadOnlyList<double> iou = options.IouThresholds;
        string range = string.Format(Invariant, "{0:F2}:{1:F2}", iou[0], iou[^1]);
        IReadOnlyList<int> m = options.MaxDetections;
        (bool Ap, string Iou, string Area, int MaxDets)[] lines =
        [
            (true, range, "all", m[2]), (true, "0.50", "all", m[2]), (true, "0.75", "all", m[2]),
            (true, range, "small", m[2]), (true, range, "medium", m[2]), (true, range, "large", m[2]),
            (false, range, "all", m[0]), (false, range, "all", m[1]), (false, range, "all", m[2]),
            (false, range, "small", m[2]), (false, range, "medium", m[2]), (false, range, "large", m[2]),
        ];
        double[] values = statistics.ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            var (ap, thresholds, area, maxDets) = lines[i];
            text.Append(SummaryLine(ap, thresholds, area, maxDets, values[i])).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Formats one row per category: id, name and the 12 figures with three decimals (-1: no ground truth).
    /// </summary>
    /// <param name="metrics">The evaluation results.</param>
    /// <returns>A fixed-width text table with a header line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    public static string FormatCategoryTable(CocoDetectionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        int nameWidth = Math.Max(8, metrics.PerCategory.Select(c => c.Category.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append(string.Format(Invariant, "{0,6} {1} ", "id", "category".PadRight(nameWidth)));
        text.AppendJoin(' ', CocoStatistics.Names.Select(n => n.PadLeft(6))).Append('\n');
        foreach (CocoCategoryMetrics category in metrics.PerCategory)
        {
            string name = category.Category.Name.PadRight(nameWidth);
            text.Append(string.Format(Invariant, "{0,6} {1} ", category.Category.Id, name));
            text.AppendJoin(' ', category.ToArray().Select(v => v.ToString("F3", Invariant).PadLeft(6))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// One line in pycocotools' format <c>' {:&lt;18} {} @[ IoU={:&lt;9} | area={:&gt;6s} | maxDets={:&gt;3d} ] =
    /// {:0.3f}'</c>.
    /// </summary>
    private static string SummaryLine(bool ap, string iou, string area, int maxDets, double value)
    {
        string title = ap ? "Average Precision" : "Average Recall";
        string kind = ap ? "(AP)" : "(AR)";
        return string.Format(
            Invariant,
            " {0,-18} {1} @[ IoU={2,-9} | area={3,6} | maxDets={4,3} ] = {5:F3}",
            title,
            kind,
            iou,
            area,
            maxDets,
            value);
    }
}
