using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection;

/// <summary>An annotated detection data set: its images, categories and ground-truth boxes.</summary>
/// <remarks>
/// Image ids keep the order given; COCO evaluation sorts them itself. Categories are kept sorted by id,
/// the order of COCO's category axis. Built by the readers, or directly from memory.
/// </remarks>
public sealed class DetectionGroundTruth
{
    /// <summary>Gets the image ids, in the order given.</summary>
    public IReadOnlyList<long> ImageIds { get; }

    /// <summary>Gets the categories, sorted by id.</summary>
    public IReadOnlyList<DetectionCategory> Categories { get; }

    /// <summary>Gets the ground-truth boxes.</summary>
    public IReadOnlyList<GroundTruthBox> Boxes { get; }

    /// <summary>Gets what the reader skipped or flagged; empty for data built in memory.</summary>
    public DetectionLoadReport LoadReport { get; }

    /// <summary>Initializes a new instance of the <see cref="DetectionGroundTruth"/> class.</summary>
    /// <param name="imageIds">The image ids; each must be unique.</param>
    /// <param name="categories">The categories; each id must be unique.</param>
    /// <param name="boxes">The ground-truth boxes; their image and category ids must be listed.</param>
    /// <param name="loadReport">What a reader skipped, or null for data built in memory.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">An id is repeated, a box names an unknown image or category, or a box or
    /// its area is not finite or has a negative width or height.</exception>
    public DetectionGroundTruth(
        IEnumerable<long> imageIds,
        IEnumerable<DetectionCategory> categories,
        IEnumerable<GroundTruthBox> boxes,
        DetectionLoadReport? loadReport = null)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(boxes);
        ImageIds = imageIds.ToArray();
        Categories = categories.OrderBy(c => c.Id).ToArray();
        Boxes = boxes.ToArray();
        LoadReport = loadReport ?? new DetectionLoadReport("memory");
        Validate();
    }

    private void Validate()
    {
        var images = new HashSet<long>();
        foreach (long id in ImageIds)
        {
            if (!images.Add(id))
            {
                throw new ArgumentException($"Image id {id} is listed more than once.", "imageIds");
            }
        }

        var categories = new HashSet<int>();
        foreach (DetectionCategory category in Categories)
        {
            if (!categories.Add(category.Id))
            {
                throw new ArgumentException($"Category id {category.Id} is listed more than once.", "categories");
            }
        }

        ValidateBoxes(images, categories);
    }

    private void ValidateBoxes(HashSet<long> images, HashSet<int> categories)
    {
        var ids = new HashSet<long>();
        foreach (GroundTruthBox box in Boxes)
        {
            if (!ids.Add(box.Id))
            {
                throw new ArgumentException($"Ground-truth box id {box.Id} is used more than once.", "boxes");
            }

            CheckValues(box);
            if (!images.Contains(box.ImageId))
            {
                throw new ArgumentException(
                    $"Ground-truth box {box.Id} refers to image id {box.ImageId}, which is not in the image list.",
                    "boxes");
            }

            if (!categories.Contains(box.CategoryId))
            {
                throw new ArgumentException(
                    $"Ground-truth box {box.Id} refers to category id {box.CategoryId}, "
                    + "which is not in the category list.",
                    "boxes");
            }
        }
    }

    // NaN or negative sizes have no meaningful overlap, and a NaN area falls in every area range; the readers skip
    // and count such records, data built in memory is rejected. A negative area is allowed: pycocotools keeps it.
    private static void CheckValues(in GroundTruthBox box)
    {
        BoundingBox b = box.Box;
        bool finite = double.IsFinite(b.X) && double.IsFinite(b.Y)
            && double.IsFinite(b.Width) && double.IsFinite(b.Height) && double.IsFinite(box.Area);
        if (!finite || b.Width < 0 || b.Height < 0)
        {
            throw new ArgumentException(
                $"Ground-truth box {box.Id} (image {box.ImageId}) has [x {F(b.X)}, y {F(b.Y)}, width {F(b.Width)}, "
                + $"height {F(b.Height)}] and area {F(box.Area)}; boxes and areas must be finite, with non-negative "
                + "width and height.",
                "boxes");
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
