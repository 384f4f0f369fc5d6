using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Checks and converts the records of a results file.</summary>
internal sealed class CocoResultConverter
{
    private readonly string _path;
    private readonly HashSet<long> _images;
    private readonly HashSet<int> _categories;
    private readonly DetectionLoadReport _report;
    private readonly CocoWarningTally _tally = new();
    private readonly List<string> _unknownImages = [];

    public CocoResultConverter(string path, DetectionGroundTruth groundTruth, DetectionLoadReport report)
    {
        _path = path;
        _images = [.. groundTruth.ImageIds];
        _categories = [.. groundTruth.Categories.Select(c => c.Id)];
        _report = report;
    }

    /// <exception cref="InvalidDataException">A record lacks a field, or records name images absent from the ground
    /// truth.</exception>
    public List<DetectedBox> Convert(List<CocoResultRecord?> records)
    {
        var detections = new List<DetectedBox>(records.Count);
        for (int n = 0; n < records.Count; n++)
        {
            string at = $"$[{n}]";
            var record = CocoJsonFile.Entry(records[n], _path, at, "a detection");
            if (ConvertOne(record, at) is { } kept)
            {
                detections.Add(kept);
            }
        }

        if (_unknownImages.Count > 0)
        {
            throw new InvalidDataException(
                $"{_path}: {CocoWarningTally.Counted(_unknownImages.Count, "detection names", "detections name")} "
                + $"an image id absent from the ground truth, first {_unknownImages[0]}; the results do not belong to "
                + "this ground truth (pycocotools rejects them too).");
        }

        _report.RecordsRead = records.Count;
        _report.RecordsKept = detections.Count;
        _tally.CopyTo(_report, Describe);
        return detections;
    }

    private DetectedBox? ConvertOne(CocoResultRecord record, string at)
    {
        long image = record.ImageId ?? throw CocoJsonFile.Missing(_path, at, "image_id", "the image it belongs to");
        int category = record.CategoryId ?? throw CocoJsonFile.Missing(_path, at, "category_id", "its category");
        double score = record.Score ?? throw CocoJsonFile.Missing(_path, at, "score", "its confidence");
        BoundingBox box = CocoJsonFile.Box(record.Bbox, _path, at);
        if (!_images.Contains(image))
        {
            _unknownImages.Add($"{at}.image_id = {image}");
            return null;
        }

        string? problem = Problem(category, box, score);
        if (problem is not null)
        {
            _tally.Add(problem, at);
            return null;
        }

        if (score < 0 || score > 1)
        {
            _tally.Add("score-outside-unit", $"{at}.score = {score.ToString("R", CultureInfo.InvariantCulture)}");
        }

        return new DetectedBox(image, category, box, score);
    }

    private string? Problem(int category, in BoundingBox box, double score)
    {
        if (!_categories.Contains(category))
        {
            return "unknown-category-id";
        }

        return double.IsNaN(score) ? "nan-score" : CocoJsonFile.BoxProblem(box);
    }

    // One sentence per kind of problem: what the records have, what was done, and the first one as an example.
    private static string Describe(string kind, int count, string example)
    {
        string has = CocoWarningTally.Counted(count, "detection has", "detections have");
        return kind switch
        {
            "unknown-category-id" => $"{CocoWarningTally.Counted(count, "detection names", "detections name")} a "
                + "category id absent from the ground truth; skipped (as pycocotools does), "
                + $"e.g. {example}.category_id.",
            "score-outside-unit" => $"{has} a score outside [0, 1]; kept, since scores only rank detections, "
                + $"e.g. {example}.",
            "nan-score" => $"{has} a NaN score, which cannot be ranked; skipped, e.g. {example}.score.",
            _ => $"{has} a bbox with {kind.Replace('-', ' ')} values; skipped, e.g. {example}.bbox.",
        };
    }
}
