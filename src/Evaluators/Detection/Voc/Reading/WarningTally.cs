namespace MLNetExtensions.Evaluators.Detection;

/// <summary>Counts problems by kind while a reader runs, keeping the first example of each.</summary>
internal sealed class WarningTally
{
    private readonly Dictionary<string, (int Count, string First, string Consequence)> _byKind = [];

    public void Add(string kind, string example, string consequence)
    {
        _byKind[kind] = _byKind.TryGetValue(kind, out var seen)
            ? (seen.Count + 1, seen.First, seen.Consequence)
            : (1, example, consequence);
    }

    public void CopyTo(DetectionLoadReport report)
    {
        foreach ((string kind, (int count, string first, string consequence)) in _byKind)
        {
            report.Add(new DetectionLoadWarning(kind, count, $"{count} record(s): {consequence} First: {first}"));
        }
    }
}
