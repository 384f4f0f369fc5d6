namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>The per-box flags of one (image, category) cell under one area range.</summary>
internal readonly ref struct CocoCellFlags
{
    public CocoCellFlags(
        ReadOnlySpan<bool> crowd,
        ReadOnlySpan<bool> groundTruthIgnored,
        ReadOnlySpan<long> groundTruthIds,
        ReadOnlySpan<bool> detectionOutOfRange,
        bool reproduceZeroIdDefect)
    {
        Crowd = crowd;
        GroundTruthIgnored = groundTruthIgnored;
        GroundTruthIds = groundTruthIds;
        DetectionOutOfRange = detectionOutOfRange;
        ReproduceZeroIdDefect = reproduceZeroIdDefect;
    }

    public ReadOnlySpan<bool> Crowd { get; }

    /// <summary>Gets, per ground truth, whether it is ignored (crowd, or area outside the range).</summary>
    public ReadOnlySpan<bool> GroundTruthIgnored { get; }

    public ReadOnlySpan<long> GroundTruthIds { get; }

    /// <summary>Gets, per detection, whether its area (width * height) is outside the range.</summary>
    public ReadOnlySpan<bool> DetectionOutOfRange { get; }

    public bool ReproduceZeroIdDefect { get; }
}
