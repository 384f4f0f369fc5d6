namespace FashionMnistSample;

/// <summary>Macro-averaged F1 from a confusion matrix.</summary>
internal static class MacroF1
{
    /// <summary>
    /// The mean over classes of F1 = 2PR / (P + R), where for class c precision P = counts[c][c] /
    /// (column c's sum) and recall R = counts[c][c] / (row c's sum); rows are true classes and
    /// columns predicted classes, as in ML.NET's ConfusionMatrix.Counts. A class with P + R = 0
    /// (never predicted correctly) contributes 0, as scikit-learn's f1_score does by default.
    /// </summary>
    public static double FromConfusion(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        int classes = counts.Count;
        double sum = 0;
        for (int c = 0; c < classes; c++)
        {
            double truePositives = counts[c][c];
            double predicted = Enumerable.Range(0, classes).Sum(row => counts[row][c]);
            double actual = counts[c].Sum();
            sum += F1(truePositives, predicted, actual);
        }

        return classes == 0 ? 0 : sum / classes;
    }

    private static double F1(double truePositives, double predicted, double actual)
    {
        double precision = predicted > 0 ? truePositives / predicted : 0;
        double recall = actual > 0 ? truePositives / actual : 0;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
}
