using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Checks and converts the <c>annotations</c> of a ground-truth file.</summary>
internal sealed class CocoAnnotationConverter
{
    private readonly string _path;
    private readonly HashSet<long> _images;
    private readonly HashSet<int> _categories;
    private readonly DetectionLoadReport _report;
    private readonly CocoWarningTally _tally = new();

    public CocoAnnotationConverter(
        string path, long[] images, DetectionCategory[] categories, DetectionLoadReport report)
    {
        _path = path;
        _images = [.. images];
        _categories = [.. categories.Select(c => c.Id)];
        _report = report;
    }

    /// <exception cref="InvalidDataException">An annotation lacks a required field or repeats an id.</exception>
    public List<GroundTruthBox> Convert(List<CocoAnnotationRecord?> annotations)
    {
        var boxes = new List<GroundTruthBox>(annotations.Count);
        var ids = new HashSet<long>();
        for (int n = 0; n < annotations.Count; n++)
        {
            string at = $"$.annotations[{n}]";
            var record = CocoJsonFile.Entry(annotations[n], _path, at, "an annotation");
            GroundTruthBox? box = ConvertOne(record, at, ids);
            if (box is { } kept)
            {
                boxes.Add(kept);
            }
        }

        _report.RecordsRead = annotations.Count;
        _report.RecordsKept = boxes.Count;
        _tally.CopyTo(_report, Describe);
        return boxes;
    }

    private GroundTruthBox? ConvertOne(CocoAnnotationRecord record, string at, HashSet<long> ids)
    {
        long id = record.Id ?? throw CocoJsonFile.Missing(_path, at, "id", "the annotation id");
        long image = record.ImageId ?? throw CocoJsonFile.Missing(_path, at, "image_id", "the image it belongs to");
        int category = record.CategoryId ?? throw CocoJsonFile.Missing(_path, at, "category_id", "its category");
        BoundingBox box = CocoJsonFile.Box(record.Bbox, _path, at);
        if (!ids.Add(id))
        {
            throw new InvalidDataException($"{_path}: {at}.id is {id}, an id already used by another annotation.");
        }

        string? problem = Problem(image, category, box) ?? AreaProblem(record.Area);
        if (problem is not null)
        {
            _tally.Add(problem, at);
            return null;
        }

        double area = Area(record.Area, box, at);
        return new GroundTruthBox(id, image, category, box, area, (record.IsCrowd ?? 0) != 0, IsDifficult: false);
    }

    // A NaN area falls inside no area range and outside none (every comparison is false), so pycocotools would
    // count the annotation in all of them; it cannot be evaluated meaningfully and is skipped instead.
    private static string? AreaProblem(double? area) =>
        area is { } value && !double.IsFinite(value) ? "non-finite-area" : null;

    private double Area(double? area, in BoundingBox box, string at)
    {
        if (area is null)
        {
            _tally.Add("area-missing", at);
            return box.Width * box.Height;
        }

        // Kept as pycocotools keeps it: below the default ranges (all start at 0), it is ignored in each of them.
        if (area < 0)
        {
            _tally.Add("negative-area", $"{at}.area = {area.Value.ToString("R", CultureInfo.InvariantCulture)}");
        }

        return area.Value;
    }

    private string? Problem(long image, int category, in BoundingBox box)
    {
        if (!_images.Contains(image))
        {
            return "unknown-image-id";
        }

        return _categories.Contains(category) ? CocoJsonFile.BoxProblem(box) : "unknown-category-id";
    }

    // One sentence per kind of problem: what the records have, what was done, and the first one as an example.
    private static string Describe(string kind, int count, string example)
    {
        string has = CocoWarningTally.Counted(count, "annotation has", "annotations have");
        string names = CocoWarningTally.Counted(count, "annotation names", "annotations name");
        return kind switch
        {
            "unknown-image-id" => $"{names} an image id absent from 'images'; skipped (as pycocotools does), "
                + $"e.g. {example}.image_id.",
            "unknown-category-id" => $"{names} a category id absent from 'categories'; skipped (as pycocotools "
                + $"does), e.g. {example}.category_id.",
            "area-missing" => $"{has} no 'area'; width * height was used, e.g. {example}.",
            "non-finite-area" => $"{has} a NaN or infinite 'area'; skipped, e.g. {example}.area.",
            "negative-area" => $"{has} a negative 'area'; kept, as pycocotools keeps it, and ignored in the default "
                + $"area ranges, which start at 0, e.g. {example}.",
            _ => $"{has} a bbox with {kind.Replace('-', ' ')} values; skipped, e.g. {example}.bbox.",
        };
    }
}
