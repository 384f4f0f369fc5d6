using MLNetExtensions.Evaluators.Numerics;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Averages the precision and recall arrays into the 12 figures (pycocotools' <c>summarize</c>).</summary>
internal sealed class CocoStatisticsCalculator
{
    private readonly double[,,,,] _precision;
    private readonly double[,,,] _recall;
    private readonly CocoEvaluationOptions _options;

    public CocoStatisticsCalculator(double[,,,,] precision, double[,,,] recall, CocoEvaluationOptions options)
    {
        _precision = precision;
        _recall = recall;
        _options = options;
    }

    /// <summary>Computes the 12 figures over all categories (k = null) or over one.</summary>
    public double[] Compute(int? k)
    {
        IReadOnlyList<int> limits = _options.MaxDetections;
        int last = limits[^1];
        return
        [
            Precision(k, null, "all", last), Precision(k, 0.5, "all", last), Precision(k, 0.75, "all", last),
            Precision(k, null, "small", last), Precision(k, null, "medium", last), Precision(k, null, "large", last),
            Recall(k, null, "all", limits[0]), Recall(k, null, "all", limits[1]), Recall(k, null, "all", last),
            Recall(k, null, "small", last), Recall(k, null, "medium", last), Recall(k, null, "large", last),
        ];
    }

    /// <summary>Mean of the valid precision values, visited in numpy's C order (t, r, k).</summary>
    private double Precision(int? category, double? iou, string area, int limit)
    {
        var values = new List<double>();
        int a = AreaIndex(area);
        int m = LimitIndex(limit);
        foreach (int t in ThresholdIndices(iou))
        {
            for (int r = 0; r < _precision.GetLength(1) && a >= 0 && m >= 0; r++)
            {
                foreach (int k in CategoryIndices(category))
                {
                    AddValid(values, _precision[t, r, k, a, m]);
                }
            }
        }

        return MeanOfValid(values);
    }

    /// <summary>Mean of the valid recall values, visited in numpy's C order (t, k).</summary>
    private double Recall(int? category, double? iou, string area, int limit)
    {
        var values = new List<double>();
        int a = AreaIndex(area);
        int m = LimitIndex(limit);
        foreach (int t in ThresholdIndices(iou))
        {
            foreach (int k in CategoryIndices(category))
            {
                if (a >= 0 && m >= 0)
                {
                    AddValid(values, _recall[t, k, a, m]);
                }
            }
        }

        return MeanOfValid(values);
    }

    private static void AddValid(List<double> values, double value)
    {
        if (value > -1)
        {
            values.Add(value);
        }
    }

    private static double MeanOfValid(List<double> values) =>
        values.Count == 0 ? -1 : NumpyCompatible.Mean(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));

    /// <summary>All thresholds, or the one exactly equal to <paramref name="iou"/> (pycocotools uses ==).</summary>
    private IEnumerable<int> ThresholdIndices(double? iou) => Enumerable
        .Range(0, _options.IouThresholds.Count)
        .Where(t => iou is null || _options.IouThresholds[t] == iou.Value);

    private IEnumerable<int> CategoryIndices(int? category) => category is { } k
        ? [k]
        : Enumerable.Range(0, _precision.GetLength(2));

    private int AreaIndex(string label)
    {
        for (int a = 0; a < _options.AreaRanges.Count; a++)
        {
            if (_options.AreaRanges[a].Label == label)
            {
                return a;
            }
        }

        return -1;
    }

    private int LimitIndex(int limit)
    {
        for (int m = 0; m < _options.MaxDetections.Count; m++)
        {
            if (_options.MaxDetections[m] == limit)
            {
                return m;
            }
        }

        return -1;
    }
}
