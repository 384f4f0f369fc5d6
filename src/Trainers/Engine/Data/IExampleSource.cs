namespace MLNetExtensions.Trainers.Engine;

/// <summary>A forward-only stream of examples (features and, optionally, a label).</summary>
internal interface IExampleSource : IDisposable
{
    /// <summary>Reads the next example into <paramref name="features"/>; false at the end.</summary>
    bool TryRead(Span<float> features, out long label);
}
