namespace MLNetExtensions.Evaluators.Detection;

/// <summary>Intersection over union of axis-aligned boxes, as pycocotools and the VOC devkit compute it.</summary>
/// <remarks>
/// The arithmetic follows pycocotools' <c>bbIou</c> operation for operation (COCO) and the devkit's
/// <c>VOCevaldet</c> (VOC), so results agree bit for bit. A box pair that does not overlap (intersection
/// width or height &lt;= 0) gives 0. In crowd mode the denominator is the detection's area alone:
/// a detection lying entirely inside a crowd region scores 1 however large the region is.
/// </remarks>
public static class BoxIou
{
    /// <summary>Computes the IoU of a detection and a ground-truth box.</summary>
    /// <param name="detection">The detected box.</param>
    /// <param name="groundTruth">The ground-truth box.</param>
    /// <param name="convention">Pixel convention for widths, heights and areas.</param>
    /// <param name="crowd">When true, divide by the detection's area instead of the union (COCO iscrowd).</param>
    /// <returns>The overlap in [0, 1] for boxes with non-negative sizes.</returns>
    public static double Compute(
        in BoundingBox detection,
        in BoundingBox groundTruth,
        PixelConvention convention = PixelConvention.Continuous,
        bool crowd = false)
    {
        double one = convention == PixelConvention.InclusivePixels ? 1.0 : 0.0;
        double iw = Math.Min(detection.X + detection.Width, groundTruth.X + groundTruth.Width)
            - Math.Max(detection.X, groundTruth.X) + one;
        if (iw <= 0)
        {
            return 0;
        }

        double ih = Math.Min(detection.Y + detection.Height, groundTruth.Y + groundTruth.Height)
            - Math.Max(detection.Y, groundTruth.Y) + one;
        if (ih <= 0)
        {
            return 0;
        }

        double intersection = iw * ih;
        double detectionArea = (detection.Width + one) * (detection.Height + one);
        double union = crowd
            ? detectionArea
            : detectionArea + ((groundTruth.Width + one) * (groundTruth.Height + one)) - intersection;
        return intersection / union;
    }

    /// <summary>Computes the IoU of a box pair without a crowd flag (symmetric union).</summary>
    /// <param name="a">First box.</param>
    /// <param name="b">Second box.</param>
    /// <param name="convention">Pixel convention for widths, heights and areas.</param>
    /// <returns>The overlap in [0, 1] for boxes with non-negative sizes.</returns>
    public static double Compute(in BoundingBox a, in BoundingBox b, PixelConvention convention) =>
        Compute(a, b, convention, crowd: false);

    /// <summary>Fills an N x M row-major matrix with the IoU of every detection against every ground truth.</summary>
    /// <param name="detections">The N detected boxes (rows).</param>
    /// <param name="groundTruths">The M ground-truth boxes (columns).</param>
    /// <param name="isCrowd">Per ground truth, whether crowd mode applies; empty means no crowd at all.</param>
    /// <param name="convention">Pixel convention for widths, heights and areas.</param>
    /// <param name="destination">Caller buffer of at least N * M values; entry [d * M + g] receives IoU(d, g).</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than N * M, or <paramref name="isCrowd"/> is neither empty nor M long.
    /// </exception>
    public static void ComputePairwise(
        ReadOnlySpan<BoundingBox> detections,
        ReadOnlySpan<BoundingBox> groundTruths,
        ReadOnlySpan<bool> isCrowd,
        PixelConvention convention,
        Span<double> destination)
    {
        int n = detections.Length;
        int m = groundTruths.Length;
        if (destination.Length < n * m)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} values but {n} x {m} = {n * m} are needed.",
                nameof(destination));
        }

        if (isCrowd.Length != 0 && isCrowd.Length != m)
        {
            throw new ArgumentException(
                $"The crowd flags hold {isCrowd.Length} values but there are {m} ground-truth boxes.",
                nameof(isCrowd));
        }

        for (int d = 0; d < n; d++)
        {
            Span<double> row = destination.Slice(d * m, m);
            for (int g = 0; g < m; g++)
            {
                bool crowd = isCrowd.Length != 0 && isCrowd[g];
                row[g] = Compute(detections[d], groundTruths[g], convention, crowd);
            }
        }
    }
}
