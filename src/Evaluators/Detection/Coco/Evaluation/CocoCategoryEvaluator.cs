namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Evaluates one category: matches every image, then accumulates precision and recall (one task of the parallel loop).
/// </summary>
internal sealed class CocoCategoryEvaluator
{
    private readonly CocoEvaluationIndex _index;
    private readonly CocoEvaluationOptions _options;
    private readonly double[] _iouThresholds;
    private readonly double[] _recallThresholds;
    private readonly int[] _maxDetections;

    public CocoCategoryEvaluator(CocoEvaluationIndex index, CocoEvaluationOptions options)
    {
        _index = index;
        _options = options;
        _iouThresholds = options.IouThresholds.ToArray();
        _recallThresholds = options.RecallThresholds.ToArray();
        _maxDetections = options.MaxDetections.ToArray();
    }

    /// <summary>
    /// Fills precision[:, :, k, :, :] and recall[:, k, :, :]; leaves -1 where the category has no counted ground truth.
    /// </summary>
    public void Evaluate(int k, CocoScratch scratch, double[,,,,] precision, double[,,,] recall)
    {
        int dtStart = _index.Detections.CategoryStart[k];
        int count = _index.Detections.CategoryStart[k + 1] - dtStart;
        int areas = _options.AreaRanges.Count;
        var states = new CocoMatchState[areas * _iouThresholds.Length * count];
        int[] counted = MatchCategory(k, scratch, states);
        int[] ranking = RankByScore(dtStart, count);
        for (int a = 0; a < areas; a++)
        {
            if (counted[a] > 0)
            {
                AccumulateArea(k, a, counted[a], ranking, states, scratch, precision, recall);
            }
        }
    }

    private int[] MatchCategory(int k, CocoScratch scratch, CocoMatchState[] states)
    {
        CocoBoxColumns gt = _index.GroundTruths;
        CocoBoxColumns dt = _index.Detections;
        var counted = new int[_options.AreaRanges.Count];
        int g = gt.CategoryStart[k], gEnd = gt.CategoryStart[k + 1];
        int d = dt.CategoryStart[k], dEnd = dt.CategoryStart[k + 1];
        while (g < gEnd || d < dEnd)
        {
            int image = Math.Min(g < gEnd ? gt.Image[g] : int.MaxValue, d < dEnd ? dt.Image[d] : int.MaxValue);
            int g1 = g, d1 = d;
            while (g1 < gEnd && gt.Image[g1] == image)
            {
                g1++;
            }

            while (d1 < dEnd && dt.Image[d1] == image)
            {
                d1++;
            }

            var cell = new CocoCell(g, g1 - g, d, d1 - d, d - dt.CategoryStart[k]);
            MatchCell(cell, scratch, states, dEnd - dt.CategoryStart[k], counted);
            g = g1;
            d = d1;
        }

        return counted;
    }

    private void MatchCell(in CocoCell cell, CocoScratch scratch, CocoMatchState[] states, int count, int[] counted)
    {
        CocoBoxColumns gt = _index.GroundTruths;
        CocoBoxColumns dt = _index.Detections;
        Span<double> iou = scratch.Iou(cell.Detections * cell.GroundTruths);
        BoxIou.ComputePairwise(
            dt.Boxes.AsSpan(cell.FirstDetection, cell.Detections),
            gt.Boxes.AsSpan(cell.FirstGroundTruth, cell.GroundTruths),
            gt.Crowd.AsSpan(cell.FirstGroundTruth, cell.GroundTruths),
            PixelConvention.Continuous,
            iou);
        for (int a = 0; a < _options.AreaRanges.Count; a++)
        {
            CocoAreaRange range = _options.AreaRanges[a];
            Span<bool> ignored = scratch.GroundTruthIgnored(cell.GroundTruths);
            Span<int> visitOrder = scratch.VisitOrder(cell.GroundTruths);
            counted[a] += FlagGroundTruths(cell, range, ignored, visitOrder);
            Span<bool> outOfRange = scratch.DetectionOutOfRange(cell.Detections);
            for (int j = 0; j < cell.Detections; j++)
            {
                outOfRange[j] = range.Excludes(dt.Areas[cell.FirstDetection + j]);
            }

            var flags = new CocoCellFlags(
                gt.Crowd.AsSpan(cell.FirstGroundTruth, cell.GroundTruths),
                ignored,
                gt.Ids.AsSpan(cell.FirstGroundTruth, cell.GroundTruths),
                outOfRange,
                _options.ReproduceZeroIdDefect);
            MatchThresholds(cell, a, iou, visitOrder, flags, scratch, states, count);
        }
    }

    private void MatchThresholds(
        in CocoCell cell,
        int a,
        ReadOnlySpan<double> iou,
        ReadOnlySpan<int> visitOrder,
        in CocoCellFlags flags,
        CocoScratch scratch,
        CocoMatchState[] states,
        int count)
    {
        Span<bool> taken = scratch.Taken(cell.GroundTruths);
        for (int t = 0; t < _iouThresholds.Length; t++)
        {
            int offset = (((a * _iouThresholds.Length) + t) * count) + cell.Position;
            Span<CocoMatchState> target = states.AsSpan(offset, cell.Detections);
            CocoCellMatcher.Match(iou, visitOrder, flags, _iouThresholds[t], taken, target);
        }
    }

    /// <summary>Flags ignored ground truths, orders counted ones first (stable) and returns how many count.</summary>
    private int FlagGroundTruths(in CocoCell cell, CocoAreaRange range, Span<bool> ignored, Span<int> visitOrder)
    {
        CocoBoxColumns gt = _index.GroundTruths;
        int next = 0;
        for (int j = 0; j < cell.GroundTruths; j++)
        {
            int n = cell.FirstGroundTruth + j;
            ignored[j] = gt.Crowd[n] || range.Excludes(gt.Areas[n]);
            if (!ignored[j])
            {
                visitOrder[next++] = j;
            }
        }

        int countedHere = next;
        for (int j = 0; j < cell.GroundTruths; j++)
        {
            if (ignored[j])
            {
                visitOrder[next++] = j;
            }
        }

        return countedHere;
    }

    /// <summary>Orders the category's detections by descending score; ties keep image order, then rank order.</summary>
    private int[] RankByScore(int start, int count)
    {
        double[] scores = _index.Detections.Scores;
        int[] ranking = Enumerable.Range(0, count).ToArray();
        ranking.AsSpan().Sort((p, q) =>
        {
            int c = scores[start + q].CompareTo(scores[start + p]);
            return c != 0 ? c : p.CompareTo(q);
        });
        return ranking;
    }

    private void AccumulateArea(
        int k,
        int a,
        int counted,
        int[] ranking,
        CocoMatchState[] states,
        CocoScratch scratch,
        double[,,,,] precision,
        double[,,,] recall)
    {
        int start = _index.Detections.CategoryStart[k];
        int[] rank = _index.Detections.Rank;
        for (int m = 0; m < _maxDetections.Length; m++)
        {
            for (int t = 0; t < _iouThresholds.Length; t++)
            {
                int offset = ((a * _iouThresholds.Length) + t) * ranking.Length;
                Span<CocoMatchState> ranked = scratch.Ranked(ranking.Length);
                int n = 0;
                foreach (int p in ranking)
                {
                    if (rank[start + p] < _maxDetections[m])
                    {
                        ranked[n++] = states[offset + p];
                    }
                }

                Span<double> curve = scratch.Interpolated(_recallThresholds.Length);
                recall[t, k, a, m] = CocoCurveAccumulator.Accumulate(
                    ranked[..n], counted, _recallThresholds, scratch.Recall(n), scratch.Precision(n), curve);
                for (int r = 0; r < curve.Length; r++)
                {
                    precision[t, r, k, a, m] = curve[r];
                }
            }
        }
    }
}
