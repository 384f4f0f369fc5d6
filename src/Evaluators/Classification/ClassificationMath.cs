namespace MLNetExtensions.Evaluators.Classification;

/// <summary>The arithmetic of classification metrics, apart from input handling.</summary>
internal static class ClassificationMath
{
    /// <summary>The index of the highest score; the lowest index wins ties, as numpy's <c>argmax</c>.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int j = 1; j < scores.Length; j++)
        {
            if (scores[j] > scores[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// The 0-based rank of <paramref name="label"/> when classes are ordered by score, highest first, and tied
    /// scores by index: the label is in the top k exactly when its rank is below k, so top-1 agrees with
    /// <see cref="ArgMax"/>.
    /// </summary>
    public static int Rank(ReadOnlySpan<float> scores, int label)
    {
        float own = scores[label];
        int rank = 0;
        for (int j = 0; j < scores.Length; j++)
        {
            if (scores[j] > own || (scores[j] == own && j < label))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>One-versus-rest precision, recall and F1 of class <paramref name="c"/> from confusion counts.</summary>
    public static ClassMetrics ForClass(int[,] confusion, int c, string name)
    {
        int classes = confusion.GetLength(0);
        int support = 0;
        int predicted = 0;
        for (int k = 0; k < classes; k++)
        {
            support += confusion[c, k];
            predicted += confusion[k, c];
        }

        int tp = confusion[c, c];
        double precision = Ratio(tp, predicted);
        double recall = Ratio(tp, support);
        return new ClassMetrics(c, name, support, predicted, tp, precision, recall, F1(precision, recall));
    }

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>A ratio that is 0 when the denominator is 0 (sklearn's <c>zero_division=0</c>).</summary>
    public static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0 : (double)numerator / denominator;
}
