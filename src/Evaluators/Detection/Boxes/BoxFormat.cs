namespace MLNetExtensions.Evaluators.Detection;

/// <summary>The order in which four box coordinates are written.</summary>
public enum BoxFormat
{
    /// <summary>Left, top, right, bottom corners (x1, y1, x2, y2), as torchvision and Pascal VOC write them.</summary>
    Xyxy,

    /// <summary>Left, top, width, height (x, y, w, h), as COCO JSON writes them.</summary>
    Xywh,
}
