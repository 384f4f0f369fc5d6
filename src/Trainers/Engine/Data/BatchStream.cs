using Microsoft.ML;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// One pass over a data view in batches, without materialising it: one cursor, one reused host
/// buffer per batch. Shuffling uses the view's own seeded cursor when
/// <see cref="IDataView.CanShuffle"/> is true (random access, for example a cached view) and a
/// <see cref="ShufflePoolSource"/> otherwise.
/// </summary>
internal sealed class BatchStream : IDisposable
{
    private readonly IExampleSource _source;

    private BatchStream(IExampleSource source) => _source = source;

    /// <summary>Opens a pass in cursor order (for validation and scoring).</summary>
    public static BatchStream InOrder(IDataView data, IExampleReader reader, bool withLabels) =>
        new(new CursorExampleSource(data, reader, withLabels, shuffle: null));

    /// <summary>Opens a pass shuffled deterministically by <paramref name="seed"/>.</summary>
    public static BatchStream Shuffled(
        IDataView data, IExampleReader reader, int seed, int poolCapacity, int featureLength)
    {
        if (data.CanShuffle)
        {
            return new(new CursorExampleSource(data, reader, withLabels: true, new Random(seed)));
        }

        var inOrder = new CursorExampleSource(data, reader, withLabels: true, shuffle: null);
        return new(new ShufflePoolSource(inOrder, new Random(seed), poolCapacity, featureLength));
    }

    /// <summary>Fills <paramref name="batch"/> with up to its capacity; false when no example was left.</summary>
    public bool TryFill(ExampleBatch batch)
    {
        var count = 0;
        while (count < batch.Capacity && _source.TryRead(batch.FeatureSlot(count), out batch.Labels[count]))
        {
            count++;
        }

        batch.Count = count;
        return count > 0;
    }

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
