using System.Globalization;
using System.Text;
using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>The result of a Pascal VOC evaluation: per-class average precision and their mean.</summary>
public sealed class VocMetrics
{
    internal VocMetrics(VocEvaluatorOptions options, IReadOnlyList<VocClassMetrics> perClass)
    {
        Options = options;
        PerClass = perClass;
        double[] defined = perClass.Where(c => c.HasGroundTruth).Select(c => c.AveragePrecision).ToArray();
        MeanAveragePrecision = defined.Length == 0 ? double.NaN : NumpyCompatible.Mean(defined);
    }

    /// <summary>Gets the settings the evaluation ran with.</summary>
    public VocEvaluatorOptions Options { get; }

    /// <summary>
    /// Gets the mean of the per-class average precisions over the classes that have ground truth that is not
    /// difficult; <see cref="double.NaN"/> when no class has any.
    /// </summary>
    public double MeanAveragePrecision { get; }

    /// <summary>Gets the per-class results, in category id order.</summary>
    public IReadOnlyList<VocClassMetrics> PerClass { get; }

    /// <summary>Gets the per-class results keyed by category name.</summary>
    /// <returns>A dictionary from category name to average precision (NaN for classes without ground truth).</returns>
    public IReadOnlyDictionary<string, double> AveragePrecisionByName() =>
        PerClass.ToDictionary(c => c.Category.Name, c => c.AveragePrecision, StringComparer.Ordinal);

    /// <summary>Formats a per-class table followed by the mean, in the devkit's familiar layout.</summary>
    /// <returns>The table, one line per class.</returns>
    public override string ToString()
    {
        int width = Math.Max(8, PerClass.Select(c => c.Category.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Options.Method}, IoU >= {Options.IouThreshold:0.###}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"class".PadRight(width)}  {"AP",7}  {"GT",6}  {"det",7}");
        foreach (VocClassMetrics c in PerClass)
        {
            string ap = c.HasGroundTruth ? c.AveragePrecision.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Category.Name.PadRight(width)}  {ap,7}  {c.GroundTruthCount,6}  {c.DetectionCount,7}");
        }

        text.Append(CultureInfo.InvariantCulture, $"{"mAP".PadRight(width)}  {MeanAveragePrecision,7:0.0000}");
        return text.ToString();
    }
}
