namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Greedy COCO matching of one image's detections to its ground truths, for one category.</summary>
/// <remarks>
/// The rules are pycocotools' <c>evaluateImg</c>, one for one. Ground truths are visited counted-first
/// (a stable sort on the ignore flag). For each detection, in descending score order:
/// <list type="bullet">
/// <item>a ground truth already taken is skipped unless it is a crowd (crowds absorb any number of matches);</item>
/// <item>once a counted ground truth is held, the visit stops at the first ignored one, so a counted match
/// wins over a better ignored one;</item>
/// <item>a ground truth qualifies when its IoU is &gt;= the best so far, which starts at the threshold: an IoU equal
/// to the threshold matches, and of two equally good ground truths the later one wins.</item>
/// </list>
/// Example: threshold 0.5, ground truths A (counted, IoU 0.5) and B (counted, IoU 0.5) give B;
/// A (counted, IoU 0.6) and C (crowd, IoU 0.9) give A, because the visit stops at C.
/// </remarks>
internal static class CocoCellMatcher
{
    /// <summary>pycocotools caps the starting IoU just below 1 (<c>min(t, 1 - 1e-10)</c>).</summary>
    private const double IouCap = 1 - 1e-10;

    /// <summary>Matches every detection at one threshold and writes its state.</summary>
    /// <param name="iou">Detections x ground truths, row-major, ground truths in cell order.</param>
    /// <param name="visitOrder">Ground-truth positions, counted ones first.</param>
    /// <param name="cell">The cell's ground-truth flags and detection flags.</param>
    /// <param name="threshold">The IoU threshold.</param>
    /// <param name="taken">Scratch, one flag per ground truth.</param>
    /// <param name="states">Receives one state per detection.</param>
    public static void Match(
        ReadOnlySpan<double> iou,
        ReadOnlySpan<int> visitOrder,
        in CocoCellFlags cell,
        double threshold,
        Span<bool> taken,
        Span<CocoMatchState> states)
    {
        int groundTruths = visitOrder.Length;
        taken.Clear();
        for (int d = 0; d < states.Length; d++)
        {
            int m = BestGroundTruth(iou.Slice(d * groundTruths, groundTruths), visitOrder, cell, threshold, taken);
            if (m >= 0)
            {
                taken[m] = true;
            }

            states[d] = StateOf(m, d, cell);
        }
    }

    private static int BestGroundTruth(
        ReadOnlySpan<double> row,
        ReadOnlySpan<int> visitOrder,
        in CocoCellFlags cell,
        double threshold,
        ReadOnlySpan<bool> taken)
    {
        double best = Math.Min(threshold, IouCap);
        int m = -1;
        foreach (int g in visitOrder)
        {
            if (taken[g] && !cell.Crowd[g])
            {
                continue;
            }

            if (m > -1 && !cell.GroundTruthIgnored[m] && cell.GroundTruthIgnored[g])
            {
                break;
            }

            if (row[g] < best)
            {
                continue;
            }

            best = row[g];
            m = g;
        }

        return m;
    }

    private static CocoMatchState StateOf(int m, int d, in CocoCellFlags cell)
    {
        bool recorded = m >= 0 && !(cell.ReproduceZeroIdDefect && cell.GroundTruthIds[m] == 0);
        if (recorded)
        {
            return cell.GroundTruthIgnored[m] ? CocoMatchState.Ignored : CocoMatchState.TruePositive;
        }

        bool ignored = (m >= 0 && cell.GroundTruthIgnored[m]) || cell.DetectionOutOfRange[d];
        return ignored ? CocoMatchState.Ignored : CocoMatchState.FalsePositive;
    }
}
