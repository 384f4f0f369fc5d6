using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Checks the inputs of a VOC evaluation where they enter, with messages that name the bad value.</summary>
internal static class VocInputValidation
{
    public static void CheckOptions(VocEvaluatorOptions options)
    {
        if (!(options.IouThreshold > 0 && options.IouThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.IouThreshold,
                $"The IoU threshold must be in (0, 1], but it is {Format(options.IouThreshold)}.");
        }

        if (!Enum.IsDefined(options.Method))
        {
            throw new ArgumentException($"AP method {options.Method} is not a defined value.", nameof(options));
        }

        if (!Enum.IsDefined(options.PixelConvention))
        {
            throw new ArgumentException(
                $"Pixel convention {options.PixelConvention} is not a defined value.", nameof(options));
        }
    }

    public static void CheckDetections(DetectionGroundTruth truth, DetectedBox[] detections, string paramName)
    {
        var images = truth.ImageIds.ToHashSet();
        var categories = truth.Categories.Select(c => c.Id).ToHashSet();
        for (int i = 0; i < detections.Length; i++)
        {
            string? problem = Describe(detections[i], images, categories);
            if (problem is not null)
            {
                throw new ArgumentException($"Detection {i} {problem}", paramName);
            }
        }
    }

    private static string? Describe(in DetectedBox d, HashSet<long> images, HashSet<int> categories)
    {
        BoundingBox b = d.Box;
        if (!images.Contains(d.ImageId))
        {
            return $"refers to image id {d.ImageId}, which is not in the ground truth's image list.";
        }

        if (!categories.Contains(d.CategoryId))
        {
            return $"refers to category id {d.CategoryId}, which is not in the ground truth's category list.";
        }

        // An infinite score still ranks (the devkit's sort and numpy's argsort order it like any number), and the
        // COCO reader keeps it with a warning; only NaN, which has no place in the order, is refused.
        if (double.IsNaN(d.Score))
        {
            return $"(image {d.ImageId}) has score NaN; a NaN score cannot rank a detection.";
        }

        bool finite = double.IsFinite(b.X) && double.IsFinite(b.Y)
            && double.IsFinite(b.Width) && double.IsFinite(b.Height);
        return finite && b.Width >= 0 && b.Height >= 0
            ? null
            : $"(image {d.ImageId}) has box {b}; coordinates must be finite and width and height non-negative.";
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
