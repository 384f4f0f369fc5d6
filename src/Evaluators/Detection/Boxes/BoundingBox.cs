namespace MLNetExtensions.Evaluators.Detection;

/// <summary>An axis-aligned box in pixels, stored as its left-top corner and its size.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width (x2 - x1), before any pixel-convention adjustment.</param>
/// <param name="Height">Height (y2 - y1), before any pixel-convention adjustment.</param>
public readonly record struct BoundingBox(double X, double Y, double Width, double Height)
{
    /// <summary>Gets the right edge, <c>X + Width</c>.</summary>
    public double X2 => X + Width;

    /// <summary>Gets the bottom edge, <c>Y + Height</c>.</summary>
    public double Y2 => Y + Height;

    /// <summary>Creates a box from its corners.</summary>
    /// <param name="x1">Left edge.</param>
    /// <param name="y1">Top edge.</param>
    /// <param name="x2">Right edge.</param>
    /// <param name="y2">Bottom edge.</param>
    /// <returns>The box with <c>Width = x2 - x1</c> and <c>Height = y2 - y1</c>.</returns>
    public static BoundingBox FromXyxy(double x1, double y1, double x2, double y2) =>
        new(x1, y1, x2 - x1, y2 - y1);

    /// <summary>Creates a box from its left-top corner and size, as COCO writes it.</summary>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    /// <returns>The box.</returns>
    public static BoundingBox FromXywh(double x, double y, double width, double height) =>
        new(x, y, width, height);

    /// <summary>Creates a box from four coordinates written in <paramref name="format"/>.</summary>
    /// <param name="a">First coordinate (x1 or x).</param>
    /// <param name="b">Second coordinate (y1 or y).</param>
    /// <param name="c">Third coordinate (x2 or width).</param>
    /// <param name="d">Fourth coordinate (y2 or height).</param>
    /// <param name="format">How the four values are to be read.</param>
    /// <returns>The box.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static BoundingBox From(double a, double b, double c, double d, BoxFormat format) => format switch
    {
        BoxFormat.Xyxy => FromXyxy(a, b, c, d),
        BoxFormat.Xywh => FromXywh(a, b, c, d),
        _ => throw new ArgumentOutOfRangeException(
            nameof(format), format, $"Box format {format} is not one of Xyxy or Xywh."),
    };

    /// <summary>Gets the area of the box under a pixel convention.</summary>
    /// <param name="convention">COCO (w * h) or VOC devkit ((w + 1) * (h + 1)).</param>
    /// <returns>The area.</returns>
    public double Area(PixelConvention convention) => convention == PixelConvention.InclusivePixels
        ? (Width + 1.0) * (Height + 1.0)
        : Width * Height;
}
