using System.Globalization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Boxes of one kind (ground truth or detections) as parallel arrays, grouped by (category, image).</summary>
internal sealed class CocoBoxColumns
{
    private CocoBoxColumns(int count, int categoryCount)
    {
        Boxes = new BoundingBox[count];
        Areas = new double[count];
        Image = new int[count];
        Ids = new long[count];
        Crowd = new bool[count];
        Scores = new double[count];
        Rank = new int[count];
        CategoryStart = new int[categoryCount + 1];
    }

    public BoundingBox[] Boxes { get; }

    /// <summary>Gets the areas: the annotation's area for ground truth, width * height for detections.</summary>
    public double[] Areas { get; }

    /// <summary>Gets each box's image index (position in the ascending image ids).</summary>
    public int[] Image { get; }

    /// <summary>Gets ground-truth annotation ids (unused for detections).</summary>
    public long[] Ids { get; }

    public bool[] Crowd { get; }

    public double[] Scores { get; }

    /// <summary>Gets each detection's rank by score inside its (image, category) cell.</summary>
    public int[] Rank { get; }

    /// <summary>Gets, per category index, where its boxes start; one extra entry holds the total.</summary>
    public int[] CategoryStart { get; }

    /// <summary>Gets the number of input boxes dropped because their category is unknown.</summary>
    public int Dropped { get; private init; }

    public static CocoBoxColumns FromGroundTruth(
        IReadOnlyList<GroundTruthBox> boxes,
        Dictionary<long, int> imageIndex,
        Dictionary<int, int> categoryIndex,
        int categoryCount,
        int imageCount)
    {
        var image = new int[boxes.Count];
        var category = new int[boxes.Count];
        for (int n = 0; n < boxes.Count; n++)
        {
            image[n] = imageIndex[boxes[n].ImageId];
            category[n] = categoryIndex[boxes[n].CategoryId];
        }

        int[] order = StableGrouping.Order(category, categoryCount, image, imageCount);
        var columns = new CocoBoxColumns(boxes.Count, categoryCount);
        StableGrouping.RunStarts(category, categoryCount).CopyTo(columns.CategoryStart, 0);
        for (int n = 0; n < order.Length; n++)
        {
            GroundTruthBox box = boxes[order[n]];
            columns.Boxes[n] = box.Box;
            columns.Areas[n] = box.Area;
            columns.Image[n] = image[order[n]];
            columns.Ids[n] = box.Id;
            columns.Crowd[n] = box.IsCrowd;
        }

        return columns;
    }

    /// <exception cref="ArgumentException">A detection names an image that the ground truth does not list.</exception>
    public static CocoBoxColumns FromDetections(
        IReadOnlyList<DetectedBox> detections,
        Dictionary<long, int> imageIndex,
        Dictionary<int, int> categoryIndex,
        int categoryCount,
        int imageCount,
        int maxDetections)
    {
        var (kept, image, category) = Locate(detections, imageIndex, categoryIndex);
        int[] order = StableGrouping.Order(category, categoryCount, image, imageCount);
        SortCellsByScore(order, image, category, kept, detections);
        int[] keep = TruncateCells(order, image, category, maxDetections, out int[] rank);
        var columns = new CocoBoxColumns(keep.Length, categoryCount) { Dropped = detections.Count - kept.Length };
        for (int n = 0; n < keep.Length; n++)
        {
            int local = order[keep[n]];
            DetectedBox detection = detections[kept[local]];
            columns.Boxes[n] = detection.Box;
            columns.Areas[n] = detection.Box.Width * detection.Box.Height;
            columns.Image[n] = image[local];
            columns.Scores[n] = detection.Score;
            columns.Rank[n] = rank[n];
            columns.CategoryStart[category[local] + 1]++;
        }

        for (int k = 0; k < categoryCount; k++)
        {
            columns.CategoryStart[k + 1] += columns.CategoryStart[k];
        }

        return columns;
    }

    private static (int[] Kept, int[] Image, int[] Category) Locate(
        IReadOnlyList<DetectedBox> detections,
        Dictionary<long, int> imageIndex,
        Dictionary<int, int> categoryIndex)
    {
        var kept = new List<int>(detections.Count);
        var image = new List<int>(detections.Count);
        var category = new List<int>(detections.Count);
        for (int n = 0; n < detections.Count; n++)
        {
            DetectedBox detection = detections[n];
            if (!imageIndex.TryGetValue(detection.ImageId, out int i))
            {
                throw new ArgumentException(
                    $"Detection {n} refers to image id {detection.ImageId}, which is not in the ground truth; "
                    + "pycocotools rejects such results too.",
                    nameof(detections));
            }

            CheckValues(detection, n);
            if (categoryIndex.TryGetValue(detection.CategoryId, out int k))
            {
                kept.Add(n);
                image.Add(i);
                category.Add(k);
            }
        }

        return (kept.ToArray(), image.ToArray(), category.ToArray());
    }

    // A NaN score has no rank (every comparison with it is false, so the sort order becomes arbitrary), and a box
    // with NaN, infinite or negative sizes has no meaningful overlap: both would change the figures silently. The
    // COCO JSON reader skips and counts such records; data built in memory is rejected here.
    private static void CheckValues(in DetectedBox detection, int n)
    {
        BoundingBox b = detection.Box;
        bool finite = double.IsFinite(b.X) && double.IsFinite(b.Y)
            && double.IsFinite(b.Width) && double.IsFinite(b.Height);
        if (double.IsNaN(detection.Score) || !finite || b.Width < 0 || b.Height < 0)
        {
            throw new ArgumentException(
                $"Detection {n} (image {detection.ImageId}) has score {Format(detection.Score)} and box [x "
                + $"{Format(b.X)}, y {Format(b.Y)}, width {Format(b.Width)}, height {Format(b.Height)}]; the score "
                + "must not be NaN and the box must be finite with non-negative width and height.",
                "detections");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Sorts each (category, image) run by descending score; equal scores keep their input order.</summary>
    private static void SortCellsByScore(
        int[] order, int[] image, int[] category, int[] kept, IReadOnlyList<DetectedBox> detections)
    {
        Comparison<int> byScore = (p, q) =>
        {
            int c = detections[kept[q]].Score.CompareTo(detections[kept[p]].Score);
            return c != 0 ? c : p.CompareTo(q);
        };
        int start = 0;
        for (int n = 1; n <= order.Length; n++)
        {
            if (n == order.Length || image[order[n]] != image[order[start]]
                || category[order[n]] != category[order[start]])
            {
                order.AsSpan(start, n - start).Sort(byScore);
                start = n;
            }
        }
    }

    private static int[] TruncateCells(int[] order, int[] image, int[] category, int limit, out int[] rank)
    {
        var keep = new List<int>(order.Length);
        var ranks = new List<int>(order.Length);
        int r = 0;
        for (int n = 0; n < order.Length; n++)
        {
            bool sameCell = n > 0 && image[order[n]] == image[order[n - 1]]
                && category[order[n]] == category[order[n - 1]];
            r = sameCell ? r + 1 : 0;
            if (r < limit)
            {
                keep.Add(n);
                ranks.Add(r);
            }
        }

        rank = ranks.ToArray();
        return keep.ToArray();
    }
}
