namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>How Pascal VOC turns a precision-recall curve into average precision.</summary>
public enum VocApMethod
{
    /// <summary>
    /// VOC2010-2012: the exact area under the precision envelope (precision made monotone from the right),
    /// summed over every point where recall changes.
    /// </summary>
    Voc2012AllPoint,

    /// <summary>
    /// VOC2007: the mean of the envelope's precision at the eleven recall levels 0, 0.1, ..., 1.0, each level
    /// taken as <c>i * 0.1</c> exactly as numpy's <c>arange(0., 1.1, 0.1)</c> yields it.
    /// </summary>
    Voc2007ElevenPoint,
}
