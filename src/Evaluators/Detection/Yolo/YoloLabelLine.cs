namespace MLNetExtensions.Evaluators.Detection.Yolo;

/// <summary>One parsed line of a YOLO label file: normalised centre and size, and a score for detections.</summary>
internal readonly record struct YoloLabelLine(int ClassId, double Cx, double Cy, double W, double H, double Score)
{
    /// <summary>The box in pixels: corner at (cx - w / 2) * width, size w * width.</summary>
    public BoundingBox ToPixels(int width, int height) =>
        BoundingBox.FromXywh((Cx - (W / 2)) * width, (Cy - (H / 2)) * height, W * width, H * height);
}
