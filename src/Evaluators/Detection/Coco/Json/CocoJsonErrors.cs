using System.Text.Json;
using System.Text.RegularExpressions;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Turns the JSON parser's errors into sentences that name the file, the JSON path and what was
/// expected there, without the parser's own type names.</summary>
internal static partial class CocoJsonErrors
{
    // System.Text.Json reports a value of the wrong JSON kind with this sentence, followed by a .NET type name
    // such as System.Nullable`1[System.Int64] that means nothing to someone who wrote the file.
    private const string WrongKindPrefix = "The JSON value could not be converted";

    /// <summary>Describes a parser error of a COCO file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">"ground-truth" or "results".</param>
    /// <param name="error">The parser's error.</param>
    public static string Describe(string path, string kind, JsonException error)
    {
        string at = error.Path ?? "$";
        string position = $"(line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1})";
        if (error.Message.StartsWith(WrongKindPrefix, StringComparison.Ordinal))
        {
            return $"{path}: {at} {position} should be {Expected(at, kind)} but holds a value of another kind "
                + $"in this COCO {kind} file.";
        }

        return $"{path}: not a valid COCO {kind} file at JSON path {at} {position}: {Reason(error.Message)}";
    }

    /// <summary>What a COCO file holds at a JSON path, in words.</summary>
    /// <param name="jsonPath">A path such as <c>$[3].bbox[1]</c> or <c>$.annotations[0].iscrowd</c>.</param>
    /// <param name="kind">"ground-truth" or "results".</param>
    public static string Expected(string jsonPath, string kind)
    {
        if (jsonPath == "$")
        {
            return kind == "results"
                ? "a JSON array of detections"
                : "a JSON object with 'images', 'categories' and 'annotations'";
        }

        if (jsonPath.EndsWith(']'))
        {
            return BboxItem().IsMatch(jsonPath) ? "a number (bbox is [x, y, width, height])" : "a JSON object";
        }

        return Field(jsonPath[(jsonPath.LastIndexOf('.') + 1)..]);
    }

    private static string Field(string name) => name switch
    {
        "id" or "image_id" or "category_id" => $"an integer ('{name}')",
        "bbox" => "an array of 4 numbers [x, y, width, height] ('bbox')",
        "score" or "area" => $"a number ('{name}')",
        "iscrowd" => "the integer 0 or 1 ('iscrowd')",
        "name" => "a string ('name')",
        "images" or "categories" or "annotations" => $"a JSON array of objects ('{name}')",
        _ => $"a value of the COCO type for '{name}'",
    };

    // The parser ends its messages with " Path: $... | LineNumber: ... | BytePositionInLine: ...", which the
    // sentence built above already says in words.
    private static string Reason(string message)
    {
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"\.bbox\[\d+\]$")]
    private static partial Regex BboxItem();
}
