using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>
/// Reads a JSON file into its on-disk shape, turning parser errors into messages that name file and path.
/// </summary>
internal static class CocoJsonFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Quoted "NaN" / "Infinity" are read so the record can be skipped and reported. The bare NaN token that
        // Python's json module writes is not JSON; the parser rejects it with the file and JSON path.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not JSON of the expected shape.</exception>
    public static T Read<T>(string path, string expected)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"The COCO {expected} path '{path}' is a folder; give the JSON file itself.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The COCO {expected} file '{path}' does not exist.", path);
        }

        using FileStream stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new InvalidDataException($"{path}: the file holds JSON null, not a COCO {expected} file.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(CocoJsonErrors.Describe(path, expected, e), e);
        }
    }

    /// <summary>Throws the error for a required field that is absent.</summary>
    /// <exception cref="InvalidDataException">Always.</exception>
    public static InvalidDataException Missing(string path, string jsonPath, string field, string meaning) =>
        new($"{path}: {jsonPath} has no '{field}' field ({meaning}); every entry needs one.");

    /// <summary>Returns an entry of a JSON array, or throws when the array holds null there.</summary>
    /// <exception cref="InvalidDataException">The entry is JSON null.</exception>
    public static T Entry<T>(T? entry, string path, string jsonPath, string meaning)
        where T : class =>
        entry ?? throw new InvalidDataException(
            $"{path}: {jsonPath} is null, but each entry there must be a JSON object ({meaning}).");

    /// <summary>Reads a COCO bbox [x, y, width, height], or throws when it does not hold four numbers.</summary>
    /// <exception cref="InvalidDataException">The bbox is absent or does not hold four numbers.</exception>
    public static BoundingBox Box(double[]? bbox, string path, string jsonPath)
    {
        if (bbox is null)
        {
            throw Missing(path, jsonPath, "bbox", "the box as [x, y, width, height]");
        }

        if (bbox.Length != 4)
        {
            throw new InvalidDataException(
                $"{path}: {jsonPath}.bbox must hold 4 numbers [x, y, width, height] but holds {bbox.Length}.");
        }

        return BoundingBox.FromXywh(bbox[0], bbox[1], bbox[2], bbox[3]);
    }

    /// <summary>Describes why a box cannot be evaluated, or returns null when it can.</summary>
    public static string? BoxProblem(in BoundingBox box)
    {
        bool finite = double.IsFinite(box.X) && double.IsFinite(box.Y)
            && double.IsFinite(box.Width) && double.IsFinite(box.Height);
        if (!finite)
        {
            return "non-finite";
        }

        return box.Width < 0 || box.Height < 0 ? "negative-size" : null;
    }
}
