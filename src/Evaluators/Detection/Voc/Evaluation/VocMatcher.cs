using System.Diagnostics;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>The devkit's greedy matching of one category's ranked detections to its ground truth.</summary>
/// <remarks>
/// Each detection, highest score first, looks at every ground truth of its image and category (difficult
/// ones included) and keeps the one of largest IoU, the first one on ties. If that IoU passes the threshold:
/// a difficult ground truth makes the detection ignored; an untaken one makes it a true positive and is taken;
/// a taken one makes it a false positive (a duplicate). Otherwise the detection is a false positive.
/// Example: ground truths A (difficult) and B overlap detection d with IoU 0.6 and 0.55. d picks A and is
/// ignored, although B would have matched: the devkit does not fall back to the second best.
/// </remarks>
internal static class VocMatcher
{
    public static VocDetectionOutcome[] Match(
        IReadOnlyList<DetectedBox> ranked,
        IReadOnlyDictionary<long, GroundTruthBox[]> truthByImage,
        VocEvaluatorOptions options)
    {
        var taken = truthByImage.ToDictionary(p => p.Key, p => new bool[p.Value.Length]);
        var outcomes = new VocDetectionOutcome[ranked.Count];
        for (int d = 0; d < ranked.Count; d++)
        {
            outcomes[d] = MatchOne(ranked[d], truthByImage, taken, options);
        }

        return outcomes;
    }

    private static VocDetectionOutcome MatchOne(
        in DetectedBox detection,
        IReadOnlyDictionary<long, GroundTruthBox[]> truthByImage,
        Dictionary<long, bool[]> taken,
        VocEvaluatorOptions options)
    {
        if (!truthByImage.TryGetValue(detection.ImageId, out GroundTruthBox[]? truths))
        {
            return VocDetectionOutcome.FalsePositive;
        }

        (int best, double iou) = BestOverlap(detection.Box, truths, options.PixelConvention);
        if (best < 0 || !Passes(iou, options))
        {
            return VocDetectionOutcome.FalsePositive;
        }

        if (truths[best].IsDifficult)
        {
            return VocDetectionOutcome.Ignored;
        }

        bool[] takenInImage = taken[detection.ImageId];
        if (takenInImage[best])
        {
            return VocDetectionOutcome.FalsePositive;
        }

        takenInImage[best] = true;
        return VocDetectionOutcome.TruePositive;
    }

    private static (int Index, double Iou) BestOverlap(
        in BoundingBox box,
        GroundTruthBox[] truths,
        PixelConvention convention)
    {
        Debug.Assert(truths.Length > 0, "Images without ground truth of the category are not in the map.");
        int best = -1;
        double bestIou = double.NegativeInfinity;
        for (int g = 0; g < truths.Length; g++)
        {
            double iou = BoxIou.Compute(box, truths[g].Box, convention);
            if (iou > bestIou)
            {
                bestIou = iou;
                best = g;
            }
        }

        return (best, bestIou);
    }

    private static bool Passes(double iou, VocEvaluatorOptions options) =>
        options.MatchAtThreshold ? iou >= options.IouThreshold : iou > options.IouThreshold;
}
