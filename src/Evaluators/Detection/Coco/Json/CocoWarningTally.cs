namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Counts records by kind of problem and keeps the first example of each, for one warning per kind.</summary>
internal sealed class CocoWarningTally
{
    private readonly Dictionary<string, (int Count, string Example)> _tally = new(StringComparer.Ordinal);

    public void Add(string kind, string example)
    {
        _tally[kind] = _tally.TryGetValue(kind, out var entry) ? (entry.Count + 1, entry.Example) : (1, example);
    }

    /// <summary>Adds one warning per kind to the report, using <paramref name="describe"/> for the sentence.</summary>
    public void CopyTo(DetectionLoadReport report, Func<string, int, string, string> describe)
    {
        foreach (var (kind, (count, example)) in _tally.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            report.Add(new DetectionLoadWarning(kind, count, describe(kind, count, example)));
        }
    }

    /// <summary>"1 detection has" or "3 detections have": the count with a noun and verb that agree.</summary>
    public static string Counted(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
