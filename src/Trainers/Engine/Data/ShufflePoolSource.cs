namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Shuffles a stream that cannot be randomly accessed: keeps a pool of <c>capacity</c> examples,
/// emits a uniformly chosen one and refills its slot from the stream (a bounded shuffle, like
/// tf.data's shuffle buffer). Memory: capacity x feature length x 4 bytes. With a pool at least
/// as large as the data set the order is a uniform permutation; a smaller pool only mixes rows
/// that lie within about <c>capacity</c> rows of each other in the source order.
/// </summary>
internal sealed class ShufflePoolSource : IExampleSource
{
    private readonly IExampleSource _inner;
    private readonly Random _random;
    private readonly ExampleBatch _pool;
    private bool _filled;
    private bool _innerDone;

    /// <summary>Wraps <paramref name="inner"/> (which this instance then owns).</summary>
    public ShufflePoolSource(IExampleSource inner, Random random, int capacity, int featureLength)
    {
        _inner = inner;
        _random = random;
        _pool = new ExampleBatch(capacity, featureLength);
    }

    /// <inheritdoc/>
    public bool TryRead(Span<float> features, out long label)
    {
        if (!_filled)
        {
            Fill();
        }

        if (_pool.Count == 0)
        {
            label = 0;
            return false;
        }

        var slot = _random.Next(_pool.Count);
        _pool.FeatureSlot(slot).CopyTo(features);
        label = _pool.Labels[slot];
        Refill(slot);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _inner.Dispose();

    private void Fill()
    {
        _filled = true;
        while (_pool.Count < _pool.Capacity && TryReadInner(_pool.Count))
        {
            _pool.Count++;
        }
    }

    private void Refill(int slot)
    {
        if (TryReadInner(slot))
        {
            return;
        }

        // The stream is exhausted: move the last pooled example into the emptied slot.
        var last = _pool.Count - 1;
        _pool.FeatureSlot(last).CopyTo(_pool.FeatureSlot(slot));
        _pool.Labels[slot] = _pool.Labels[last];
        _pool.Count = last;
    }

    private bool TryReadInner(int slot)
    {
        if (_innerDone)
        {
            return false;
        }

        _innerDone = !_inner.TryRead(_pool.FeatureSlot(slot), out _pool.Labels[slot]);
        return !_innerDone;
    }
}
