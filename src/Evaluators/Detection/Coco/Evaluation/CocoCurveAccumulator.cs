namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Turns ranked match states into COCO's interpolated precision and final recall (pycocotools' accumulate).
/// </summary>
internal static class CocoCurveAccumulator
{
    /// <summary>numpy's machine epsilon for float64, added by pycocotools to the precision denominator.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Computes precision at each recall threshold and returns the recall reached.</summary>
    /// <param name="states">Match states of the ranked detections that fall within the detection limit.</param>
    /// <param name="counted">Number of ground truths that count (not ignored); positive.</param>
    /// <param name="recallThresholds">Ascending recall thresholds.</param>
    /// <param name="recall">Scratch of at least states.Length values.</param>
    /// <param name="precision">Scratch of at least states.Length values.</param>
    /// <param name="interpolated">Receives one precision per recall threshold; 0 where unreachable.</param>
    /// <returns>The recall after the last detection, or 0 with no detections.</returns>
    public static double Accumulate(
        ReadOnlySpan<CocoMatchState> states,
        int counted,
        ReadOnlySpan<double> recallThresholds,
        Span<double> recall,
        Span<double> precision,
        Span<double> interpolated)
    {
        int n = states.Length;
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < n; i++)
        {
            tp += states[i] == CocoMatchState.TruePositive ? 1 : 0;
            fp += states[i] == CocoMatchState.FalsePositive ? 1 : 0;
            recall[i] = tp / counted;
            precision[i] = tp / (fp + tp + Epsilon);
        }

        MakeMonotone(precision[..n]);
        Interpolate(recall[..n], precision[..n], recallThresholds, interpolated);
        return n > 0 ? recall[n - 1] : 0;
    }

    /// <summary>
    /// Replaces each precision by the largest precision at or after it (the envelope from the right).
    /// </summary>
    private static void MakeMonotone(Span<double> precision)
    {
        for (int i = precision.Length - 1; i > 0; i--)
        {
            if (precision[i] > precision[i - 1])
            {
                precision[i - 1] = precision[i];
            }
        }
    }

    /// <summary>
    /// At each threshold, takes the precision of the first point whose recall reaches it (searchsorted left).
    /// </summary>
    private static void Interpolate(
        ReadOnlySpan<double> recall,
        ReadOnlySpan<double> precision,
        ReadOnlySpan<double> recallThresholds,
        Span<double> interpolated)
    {
        interpolated.Clear();
        int j = 0;
        for (int r = 0; r < recallThresholds.Length; r++)
        {
            while (j < recall.Length && recall[j] < recallThresholds[r])
            {
                j++;
            }

            if (j == recall.Length)
            {
                return;
            }

            interpolated[r] = precision[j];
        }
    }
}
