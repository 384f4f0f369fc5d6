namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>What one detection counts as at one IoU threshold and one area range.</summary>
internal enum CocoMatchState : byte
{
    /// <summary>Unmatched, or matched to an id-0 ground truth under the reproduced pycocotools defect.</summary>
    FalsePositive = 0,

    /// <summary>Matched to a ground truth that counts.</summary>
    TruePositive = 1,

    /// <summary>
    /// Matched to an ignored ground truth (crowd or out of range), or unmatched and itself out of range.
    /// </summary>
    Ignored = 2,
}
