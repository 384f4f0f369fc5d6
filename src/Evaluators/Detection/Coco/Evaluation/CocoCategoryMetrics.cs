namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>The 12 COCO figures restricted to one category.</summary>
public sealed class CocoCategoryMetrics : CocoStatistics
{
    /// <summary>Initializes a new instance of the <see cref="CocoCategoryMetrics"/> class.</summary>
    /// <param name="category">The category.</param>
    /// <param name="values">The 12 figures in the order of <see cref="CocoStatistics.Names"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly 12 figures.</exception>
    public CocoCategoryMetrics(DetectionCategory category, IReadOnlyList<double> values)
        : base(values)
    {
        Category = category;
    }

    /// <summary>Gets the category.</summary>
    public DetectionCategory Category { get; }
}
