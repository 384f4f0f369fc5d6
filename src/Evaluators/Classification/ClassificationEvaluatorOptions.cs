namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Settings of a classification evaluation. Immutable.</summary>
public sealed record ClassificationEvaluatorOptions
{
    /// <summary>The default top-k values: 1 and 5.</summary>
    public static readonly IReadOnlyList<int> DefaultTopK = [1, 5];

    /// <summary>Gets the k values for which top-k accuracy is reported; each must be at least 1.</summary>
    /// <remarks>A k at or above the class count is allowed and gives accuracy 1.</remarks>
    public IReadOnlyList<int> TopK { get; init; } = DefaultTopK;

    /// <summary>
    /// Gets the class names, one per score slot, or null to take them from the data (an <c>IDataView</c>'s key
    /// values) or to name classes by index.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
