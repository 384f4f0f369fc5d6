namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Collects confusion counts and top-k hits row by row, checking each row as it comes.</summary>
internal sealed class ClassificationAccumulator
{
    private readonly int[,] _confusion;
    private readonly int[] _topK;
    private readonly long[] _topKHits;
    private readonly string _source;

    public ClassificationAccumulator(int classCount, IReadOnlyList<int> topK, string source)
    {
        _confusion = new int[classCount, classCount];
        _topK = topK.ToArray();
        _topKHits = new long[_topK.Length];
        _source = source;
    }

    public long Count { get; private set; }

    public void Add(int label, ReadOnlySpan<float> scores, long row)
    {
        int classes = _confusion.GetLength(0);
        if (scores.Length != classes)
        {
            throw new ArgumentException(
                $"Row {row} of {_source} has {scores.Length} scores, but there are {classes} classes.");
        }

        if ((uint)label >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(label), label, $"Row {row} of {_source} has label {label}, outside 0..{classes - 1}.");
        }

        CheckFinite(scores, row);
        _confusion[label, ClassificationMath.ArgMax(scores)]++;
        int rank = ClassificationMath.Rank(scores, label);
        for (int i = 0; i < _topK.Length; i++)
        {
            _topKHits[i] += rank < _topK[i] ? 1 : 0;
        }

        Count++;
    }

    public ClassificationReport ToReport(IReadOnlyList<string> classNames)
    {
        if (Count == 0)
        {
            throw new ArgumentException($"{_source} holds no examples; classification metrics are undefined.");
        }

        var topK = new Dictionary<int, double>();
        for (int i = 0; i < _topK.Length; i++)
        {
            topK[_topK[i]] = (double)_topKHits[i] / Count;
        }

        return new ClassificationReport(new ConfusionMatrixTable(_confusion, classNames), topK);
    }

    private void CheckFinite(ReadOnlySpan<float> scores, long row)
    {
        for (int j = 0; j < scores.Length; j++)
        {
            if (float.IsNaN(scores[j]))
            {
                throw new ArgumentException($"Row {row} of {_source} has a NaN score for class {j}.");
            }
        }
    }
}
