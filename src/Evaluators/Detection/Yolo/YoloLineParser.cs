using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Yolo;

/// <summary>Parses YOLO label lines; every error names the file, line and field.</summary>
internal static class YoloLineParser
{
    private static readonly string[] Fields = ["class", "x_center", "y_center", "width", "height", "confidence"];

    /// <summary>Reads the non-blank lines of a file with 5 (labels) or 6 (detections) fields each.</summary>
    public static IEnumerable<(YoloLabelLine Line, int LineNumber)> Read(string file, bool withScore)
    {
        int lineNumber = 0;
        foreach (string text in File.ReadLines(file))
        {
            lineNumber++;
            string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                yield return (Parse(file, lineNumber, parts, withScore), lineNumber);
            }
        }
    }

    private static YoloLabelLine Parse(string file, int line, string[] parts, bool withScore)
    {
        int expected = withScore ? 6 : 5;
        if (parts.Length != expected)
        {
            string kind = withScore ? "detection" : "label";
            throw new InvalidDataException(
                $"{file}, line {line}: {parts.Length} fields, but a YOLO {kind} line has {expected} "
                + $"({string.Join(' ', Fields[..expected])}).");
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int classId))
        {
            throw new InvalidDataException(
                $"{file}, line {line}: class is '{parts[0]}', not a non-negative integer.");
        }

        double[] v = Enumerable.Range(1, expected - 1).Select(i => Number(file, line, parts, i)).ToArray();
        if (v[2] < 0 || v[3] < 0)
        {
            throw new InvalidDataException($"{file}, line {line}: width {v[2]} or height {v[3]} is negative.");
        }

        return new YoloLabelLine(classId, v[0], v[1], v[2], v[3], withScore ? v[4] : 1.0);
    }

    private static double Number(string file, int line, string[] parts, int field) =>
        double.TryParse(parts[field], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value)
            ? value
            : throw new InvalidDataException(
                $"{file}, line {line}: {Fields[field]} is '{parts[field]}', not a finite number.");
}
