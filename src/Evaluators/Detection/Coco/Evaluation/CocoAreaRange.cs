namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>A range of object areas over which COCO figures are computed; both bounds are inclusive.</summary>
/// <param name="Label">The range's name in summaries: <c>all</c>, <c>small</c>, <c>medium</c> or <c>large</c>.</param>
/// <param name="Minimum">The smallest area inside the range, in square pixels.</param>
/// <param name="Maximum">The largest area inside the range, in square pixels.</param>
public sealed record CocoAreaRange(string Label, double Minimum, double Maximum)
{
    /// <summary>The largest area COCO considers (<c>1e5 ** 2</c> in pycocotools).</summary>
    public const double Unbounded = 1e10;

    /// <summary>Gets every area.</summary>
    public static CocoAreaRange All { get; } = new("all", 0, Unbounded);

    /// <summary>Gets objects of at most 32 x 32 pixels.</summary>
    public static CocoAreaRange Small { get; } = new("small", 0, 32 * 32);

    /// <summary>Gets objects between 32 x 32 and 96 x 96 pixels.</summary>
    public static CocoAreaRange Medium { get; } = new("medium", 32 * 32, 96 * 96);

    /// <summary>Gets objects of at least 96 x 96 pixels.</summary>
    public static CocoAreaRange Large { get; } = new("large", 96 * 96, Unbounded);

    /// <summary>Gets the four ranges pycocotools uses, in its order.</summary>
    public static IReadOnlyList<CocoAreaRange> Defaults { get; } = [All, Small, Medium, Large];

    /// <summary>
    /// Tells whether an area lies outside the range (pycocotools: <c>area &lt; lo or area &gt; hi</c>).
    /// </summary>
    /// <param name="area">The area to test.</param>
    /// <returns>True when the area is below the minimum or above the maximum.</returns>
    public bool Excludes(double area) => area < Minimum || area > Maximum;
}
