namespace MLNetExtensions.Evaluators.Detection;

/// <summary>What a reader loaded, and what it skipped or flagged on the way.</summary>
public sealed class DetectionLoadReport
{
    private readonly List<DetectionLoadWarning> _warnings = [];

    /// <summary>Gets the source the report describes (usually a file path).</summary>
    public string Source { get; }

    /// <summary>Gets the number of records read from the source, skipped ones included.</summary>
    public int RecordsRead { get; internal set; }

    /// <summary>Gets the number of records kept.</summary>
    public int RecordsKept { get; internal set; }

    /// <summary>Gets the warnings, one per kind of problem, with counts.</summary>
    public IReadOnlyList<DetectionLoadWarning> Warnings => _warnings;

    /// <summary>Initializes a new instance of the <see cref="DetectionLoadReport"/> class.</summary>
    /// <param name="source">The source the report describes.</param>
    public DetectionLoadReport(string source)
    {
        Source = source;
    }

    /// <summary>Adds a warning.</summary>
    /// <param name="warning">The warning to add.</param>
    /// <exception cref="ArgumentNullException"><paramref name="warning"/> is null.</exception>
    public void Add(DetectionLoadWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        _warnings.Add(warning);
    }

    /// <inheritdoc/>
    public override string ToString() => Warnings.Count == 0
        ? $"{Source}: {RecordsKept} of {RecordsRead} records kept, no warnings."
        : $"{Source}: {RecordsKept} of {RecordsRead} records kept; "
            + string.Join(" ", Warnings.Select(w => w.Message));
}
