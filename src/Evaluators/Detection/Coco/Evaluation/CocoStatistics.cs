namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>The 12 standard COCO figures, in pycocotools' order; -1 where no ground truth counts.</summary>
public class CocoStatistics
{
    /// <summary>The figures' names, in pycocotools' order (the order of <see cref="ToArray"/>).</summary>
    public static readonly IReadOnlyList<string> Names =
        ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"];

    private readonly double[] _values;

    /// <summary>Initializes a new instance of the <see cref="CocoStatistics"/> class.</summary>
    /// <param name="values">The 12 figures in the order of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly 12 figures.</exception>
    public CocoStatistics(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Names.Count)
        {
            throw new ArgumentException(
                $"COCO statistics need {Names.Count} figures but {values.Count} were given.", nameof(values));
        }

        _values = values.ToArray();
    }

    /// <summary>Gets AP averaged over IoU 0.50:0.95, all areas, 100 detections.</summary>
    public double AP => _values[0];

    /// <summary>Gets AP at IoU 0.50.</summary>
    public double AP50 => _values[1];

    /// <summary>Gets AP at IoU 0.75.</summary>
    public double AP75 => _values[2];

    /// <summary>Gets AP for small objects (area &lt;= 32²).</summary>
    public double APs => _values[3];

    /// <summary>Gets AP for medium objects (32² to 96²).</summary>
    public double APm => _values[4];

    /// <summary>Gets AP for large objects (area &gt;= 96²).</summary>
    public double APl => _values[5];

    /// <summary>Gets AR with 1 detection per image and category.</summary>
    public double AR1 => _values[6];

    /// <summary>Gets AR with 10 detections per image and category.</summary>
    public double AR10 => _values[7];

    /// <summary>Gets AR with 100 detections per image and category.</summary>
    public double AR100 => _values[8];

    /// <summary>Gets AR for small objects.</summary>
    public double ARs => _values[9];

    /// <summary>Gets AR for medium objects.</summary>
    public double ARm => _values[10];

    /// <summary>Gets AR for large objects.</summary>
    public double ARl => _values[11];

    /// <summary>Returns the 12 figures in the order of <see cref="Names"/>, as pycocotools' <c>stats</c>.</summary>
    /// <returns>A new array.</returns>
    public double[] ToArray() => (double[])_values.Clone();
}
