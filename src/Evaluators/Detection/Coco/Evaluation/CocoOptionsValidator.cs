namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Checks evaluation options before any work starts.</summary>
internal static class CocoOptionsValidator
{
    /// <exception cref="ArgumentException">A threshold list, limit list or range list is unusable.</exception>
    public static void Validate(CocoEvaluationOptions options)
    {
        CheckAscendingUnit(options.IouThresholds, nameof(options.IouThresholds));
        CheckAscendingUnit(options.RecallThresholds, nameof(options.RecallThresholds));
        IReadOnlyList<int> limits = options.MaxDetections;
        if (limits.Count != 3 || limits[0] <= 0 || limits[0] > limits[1] || limits[1] > limits[2])
        {
            throw new ArgumentException(
                "MaxDetections must hold three positive ascending limits (AR1, AR10, AR100); "
                + $"got [{string.Join(", ", limits)}].",
                nameof(options));
        }

        if (options.AreaRanges.Count == 0 || options.AreaRanges.Any(r => !(r.Minimum <= r.Maximum)))
        {
            throw new ArgumentException(
                "AreaRanges must hold at least one range, each with Minimum <= Maximum.", nameof(options));
        }
    }

    private static void CheckAscendingUnit(IReadOnlyList<double> values, string name)
    {
        for (int i = 0; i < values.Count; i++)
        {
            bool inUnit = values[i] >= 0 && values[i] <= 1;
            if (!inUnit || (i > 0 && values[i] < values[i - 1]))
            {
                throw new ArgumentException(
                    $"{name} must be ascending values in [0, 1]; value {values[i]} at position {i} is not.", "options");
            }
        }

        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} must hold at least one value.", "options");
        }
    }
}
