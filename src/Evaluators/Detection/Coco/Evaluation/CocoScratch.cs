namespace MLNetExtensions.Evaluators.Detection.Coco;

/// <summary>Per-thread buffers, grown on demand and reused, so matching and accumulation allocate nothing.</summary>
internal sealed class CocoScratch
{
    private double[] _iou = [];
    private int[] _visitOrder = [];
    private bool[] _groundTruthIgnored = [];
    private bool[] _taken = [];
    private bool[] _detectionOutOfRange = [];
    private double[] _recall = [];
    private double[] _precision = [];
    private CocoMatchState[] _ranked = [];

    private double[] _interpolated = [];

    public Span<double> Iou(int length) => Grow(ref _iou, length);

    public Span<int> VisitOrder(int length) => Grow(ref _visitOrder, length);

    public Span<bool> GroundTruthIgnored(int length) => Grow(ref _groundTruthIgnored, length);

    public Span<bool> Taken(int length) => Grow(ref _taken, length);

    public Span<bool> DetectionOutOfRange(int length) => Grow(ref _detectionOutOfRange, length);

    public Span<double> Recall(int length) => Grow(ref _recall, length);

    public Span<double> Precision(int length) => Grow(ref _precision, length);

    public Span<CocoMatchState> Ranked(int length) => Grow(ref _ranked, length);

    public Span<double> Interpolated(int length) => Grow(ref _interpolated, length);

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, length);
    }
}
