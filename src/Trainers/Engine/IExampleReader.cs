using Microsoft.ML;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Turns rows of an <see cref="IDataView"/> into fixed-shape float feature arrays (and, for
/// training, integer class labels). Each trainer supplies one; the engine does the batching.
/// </summary>
public interface IExampleReader
{
    /// <summary>The shape of one example's features, for example <c>[channels, height, width]</c>.</summary>
    IReadOnlyList<long> FeatureShape { get; }

    /// <summary>The columns a cursor must make active to read examples.</summary>
    IEnumerable<DataViewSchema.Column> GetColumnsNeeded(DataViewSchema schema);

    /// <summary>Creates a reader bound to <paramref name="cursor"/> (one per cursor; not thread-safe).</summary>
    /// <param name="cursor">A cursor with <see cref="GetColumnsNeeded"/> active.</param>
    /// <param name="withLabels">Whether <see cref="IRowReader.ReadLabel"/> will be called.</param>
    IRowReader CreateRowReader(DataViewRowCursor cursor, bool withLabels);
}

/// <summary>Reads the current row of the cursor it was created for.</summary>
public interface IRowReader
{
    /// <summary>
    /// Writes the current row's features into <paramref name="destination"/>
    /// (length = product of <see cref="IExampleReader.FeatureShape"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The row cannot be read; the message names the column and row.</exception>
    void ReadFeatures(Span<float> destination);

    /// <summary>The current row's zero-based class index.</summary>
    /// <exception cref="InvalidDataException">The label is missing or out of range; the message names the row.</exception>
    long ReadLabel();
}
