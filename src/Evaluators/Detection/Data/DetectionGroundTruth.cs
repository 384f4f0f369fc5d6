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
    /// <exception cref="ArgumentException">An id is repeated, or a box names an unknown image or category.</exception>
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
        foreach (GroundTruthBox box in Boxes)
        {
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
}
