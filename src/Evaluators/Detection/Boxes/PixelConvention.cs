namespace MLNetExtensions.Evaluators.Detection;

/// <summary>How widths, heights and areas are derived from box corners.</summary>
/// <remarks>
/// COCO treats coordinates as points on a continuous plane: a box from x = 10 to x = 20 is 10 wide.
/// The Pascal VOC devkit treats them as inclusive pixel indices: the same box covers pixels 10..20,
/// so it is 11 wide, and intersections and areas get the same +1.
/// </remarks>
public enum PixelConvention
{
    /// <summary>COCO (pycocotools): width = x2 - x1, no +1.</summary>
    Continuous,

    /// <summary>Pascal VOC devkit: width = x2 - x1 + 1 on boxes and intersections.</summary>
    InclusivePixels,
}
