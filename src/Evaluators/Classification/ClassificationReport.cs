using System.Globalization;
using System.Text;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>
/// Multiclass classification metrics: accuracy, top-k accuracy, per-class precision, recall and F1, their
/// macro and micro averages, and the confusion matrix.
/// </summary>
/// <remarks>
/// <para>Predictions are top-1: the class of highest score, the lowest index on ties.</para>
/// <para>Undefined ratios are 0, as sklearn's <c>zero_division=0</c> reports them: precision of a class never
/// predicted, recall of a class never present. Macro averages run over the classes that occur as a true or a
/// predicted class, as sklearn's <c>precision_recall_fscore_support</c> does by default, so a class absent from
/// both does not pull them down. Macro F1 is the mean of per-class F1 (sklearn), not F1 of the macro P and R.
/// For single-label data the micro averages all equal accuracy.</para>
/// </remarks>
public sealed class ClassificationReport
{
    internal ClassificationReport(ConfusionMatrixTable confusion, IReadOnlyDictionary<int, double> topK)
    {
        ConfusionMatrix = confusion;
        TopKAccuracy = topK;
        PerClass = confusion.ClassNames
            .Select((n, c) => ClassificationMath.ForClass(confusion.Counts, c, n))
            .ToArray();
        SampleCount = PerClass.Sum(c => c.Support);
        int hits = PerClass.Sum(c => c.TruePositiveCount);
        Accuracy = (double)hits / SampleCount;
        ClassMetrics[] present = PerClass.Where(c => c.Support + c.PredictedCount > 0).ToArray();
        MacroPrecision = present.Average(c => c.Precision);
        MacroRecall = present.Average(c => c.Recall);
        MacroF1 = present.Average(c => c.F1);
        MicroPrecision = ClassificationMath.Ratio(hits, PerClass.Sum(c => c.PredictedCount));
        MicroRecall = ClassificationMath.Ratio(hits, SampleCount);
        MicroF1 = ClassificationMath.F1(MicroPrecision, MicroRecall);
    }

    /// <summary>Gets the number of examples evaluated.</summary>
    public int SampleCount { get; }

    /// <summary>Gets the number of classes (score slots).</summary>
    public int ClassCount => PerClass.Count;

    /// <summary>Gets the share of examples whose top-1 prediction is the true class.</summary>
    public double Accuracy { get; }

    /// <summary>
    /// Gets, for each requested k, the share of examples whose true class is among the k highest scores (ties
    /// ordered by class index).
    /// </summary>
    public IReadOnlyDictionary<int, double> TopKAccuracy { get; }

    /// <summary>Gets the per-class metrics, by class index.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>Gets the unweighted mean of per-class precision over the classes that occur.</summary>
    public double MacroPrecision { get; }

    /// <summary>Gets the unweighted mean of per-class recall over the classes that occur.</summary>
    public double MacroRecall { get; }

    /// <summary>Gets the unweighted mean of per-class F1 over the classes that occur.</summary>
    public double MacroF1 { get; }

    /// <summary>Gets the precision of the pooled counts (total TP over total predictions).</summary>
    public double MicroPrecision { get; }

    /// <summary>Gets the recall of the pooled counts (total TP over total examples).</summary>
    public double MicroRecall { get; }

    /// <summary>Gets the F1 of <see cref="MicroPrecision"/> and <see cref="MicroRecall"/>.</summary>
    public double MicroF1 { get; }

    /// <summary>Gets the confusion matrix: true classes by row, top-1 predictions by column.</summary>
    public ConfusionMatrixTable ConfusionMatrix { get; }

    /// <summary>Formats a per-class table with averages, in the layout of sklearn's classification report.</summary>
    /// <returns>The report text.</returns>
    public override string ToString()
    {
        int w = Math.Max(16, PerClass.Max(c => c.Name.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"".PadLeft(w)}{"precision",10}{"recall",10}{"f1-score",10}{"support",10}");
        foreach (ClassMetrics c in PerClass)
        {
            AppendRow(text, c.Name, w, c.Precision, c.Recall, c.F1, c.Support);
        }

        text.AppendLine();
        text.AppendLine(
            CultureInfo.InvariantCulture, $"{"accuracy".PadLeft(w)}{"",20}{Accuracy,10:0.0000}{SampleCount,10}");
        AppendRow(text, "macro avg", w, MacroPrecision, MacroRecall, MacroF1, SampleCount);
        AppendRow(text, "micro avg", w, MicroPrecision, MicroRecall, MicroF1, SampleCount);
        foreach (KeyValuePair<int, double> k in TopKAccuracy.OrderBy(p => p.Key))
        {
            string name = $"top-{k.Key} accuracy";
            text.AppendLine(CultureInfo.InvariantCulture, $"{name.PadLeft(w)}{"",20}{k.Value,10:0.0000}");
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendRow(
        StringBuilder text, string name, int w, double p, double r, double f1, int support) =>
        text.AppendLine(
            CultureInfo.InvariantCulture, $"{name.PadLeft(w)}{p,10:0.0000}{r,10:0.0000}{f1,10:0.0000}{support,10}");
}
