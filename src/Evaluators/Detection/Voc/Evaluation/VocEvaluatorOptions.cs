namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Settings of a Pascal VOC evaluation. Immutable; the defaults are the VOC2012 devkit's.</summary>
public sealed record VocEvaluatorOptions
{
    /// <summary>The devkit's minimum overlap for a match, 0.5.</summary>
    public const double DefaultIouThreshold = 0.5;

    /// <summary>Gets how AP is computed. Defaults to <see cref="VocApMethod.Voc2012AllPoint"/>.</summary>
    public VocApMethod Method { get; init; } = VocApMethod.Voc2012AllPoint;

    /// <summary>Gets the minimum IoU for a match, in [0, 1]. Defaults to <see cref="DefaultIouThreshold"/>.</summary>
    public double IouThreshold { get; init; } = DefaultIouThreshold;

    /// <summary>
    /// Gets a value indicating whether an IoU exactly equal to <see cref="IouThreshold"/> matches. Defaults to
    /// true, as the official MATLAB devkit (<c>VOCevaldet.m</c>: <c>ovmax &gt;= minoverlap</c>) decides; set it
    /// to false to reproduce the Python port of py-faster-rcnn (<c>voc_eval.py</c>: <c>ovmax &gt; ovthresh</c>).
    /// </summary>
    public bool MatchAtThreshold { get; init; } = true;

    /// <summary>
    /// Gets the pixel convention for IoU. Defaults to <see cref="PixelConvention.InclusivePixels"/>, the devkit's
    /// +1 on widths, heights and areas.
    /// </summary>
    public PixelConvention PixelConvention { get; init; } = PixelConvention.InclusivePixels;
}
