using System.Runtime.InteropServices;
using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Precision-recall curves and average precision, as the Pascal VOC devkit computes them.</summary>
internal static class VocAveragePrecision
{
    /// <summary>numpy's <c>finfo(float64).eps</c>, 2^-52.</summary>
    public const double NumpyEpsilon = 2.220446049250313e-16;

    /// <summary>Cumulative precision and recall after each detection, in ranked order.</summary>
    /// <remarks>
    /// Ignored detections add to neither count but keep their entry, as the devkit's <c>cumsum</c> does.
    /// Precision divides by <c>max(tp + fp, eps)</c> (py-faster-rcnn's guard), so it is 0, not NaN, while
    /// nothing has been counted yet. Recall is 0 throughout when <paramref name="positives"/> is 0.
    /// </remarks>
    public static (double[] Precision, double[] Recall) Curve(
        IReadOnlyList<VocDetectionOutcome> outcomes,
        int positives)
    {
        var precision = new double[outcomes.Count];
        var recall = new double[outcomes.Count];
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < outcomes.Count; i++)
        {
            tp += outcomes[i] == VocDetectionOutcome.TruePositive ? 1 : 0;
            fp += outcomes[i] == VocDetectionOutcome.FalsePositive ? 1 : 0;
            precision[i] = tp / Math.Max(tp + fp, NumpyEpsilon);
            recall[i] = positives == 0 ? 0 : tp / positives;
        }

        return (precision, recall);
    }

    /// <summary>Computes average precision by <paramref name="method"/>.</summary>
    public static double Compute(VocApMethod method, ReadOnlySpan<double> recall, ReadOnlySpan<double> precision) =>
        method == VocApMethod.Voc2007ElevenPoint
            ? ElevenPoint(recall, precision)
            : AllPoint(recall, precision);

    /// <summary>VOC2007: mean over t = 0, 0.1, ..., 1 of the best precision at recall &gt;= t (0 if none).</summary>
    /// <remarks>
    /// The devkit ports iterate <c>np.arange(0., 1.1, 0.1)</c>, whose i-th value numpy computes as
    /// <c>i * 0.1</c> (so 0.30000000000000004 and 0.6000000000000001 appear), and add <c>p / 11</c> in order.
    /// </remarks>
    public static double ElevenPoint(ReadOnlySpan<double> recall, ReadOnlySpan<double> precision)
    {
        double ap = 0;
        for (int i = 0; i <= 10; i++)
        {
            ap += MaxPrecisionAtRecall(recall, precision, i * 0.1) / 11.0;
        }

        return ap;
    }

    /// <summary>VOC2010-2012: area under the envelope of the curve padded with (0, 0) and (1, 0).</summary>
    /// <remarks>
    /// Worked example: recall [0.5, 0.5, 1.0], precision [1.0, 0.5, 0.667]. Padded: recall [0, 0.5, 0.5, 1, 1],
    /// precision [0, 1, 0.5, 0.667, 0]; the envelope from the right is [1, 1, 0.667, 0.667, 0]; recall changes
    /// at steps 1 and 3, so AP = 0.5 * 1 + 0.5 * 0.667 = 0.833.
    /// </remarks>
    public static double AllPoint(ReadOnlySpan<double> recall, ReadOnlySpan<double> precision)
    {
        int n = recall.Length;
        var mrec = new double[n + 2];
        var mpre = new double[n + 2];
        recall.CopyTo(mrec.AsSpan(1));
        precision.CopyTo(mpre.AsSpan(1));
        mrec[n + 1] = 1.0;
        for (int i = mpre.Length - 1; i > 0; i--)
        {
            mpre[i - 1] = Math.Max(mpre[i - 1], mpre[i]);
        }

        var areas = new List<double>(n + 1);
        for (int i = 0; i < n + 1; i++)
        {
            if (mrec[i + 1] != mrec[i])
            {
                areas.Add((mrec[i + 1] - mrec[i]) * mpre[i + 1]);
            }
        }

        // The devkit port adds the areas with np.sum, whose pairwise order we reproduce bit for bit.
        return NumpyCompatible.Sum(CollectionsMarshal.AsSpan(areas));
    }

    private static double MaxPrecisionAtRecall(ReadOnlySpan<double> recall, ReadOnlySpan<double> precision, double t)
    {
        double best = 0;
        for (int i = 0; i < recall.Length; i++)
        {
            if (recall[i] >= t && precision[i] > best)
            {
                best = precision[i];
            }
        }

        return best;
    }
}
