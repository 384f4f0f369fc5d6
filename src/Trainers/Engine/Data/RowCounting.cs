using Microsoft.ML;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Counts the rows of a data view.</summary>
internal static class RowCounting
{
    /// <summary>
    /// The view's row count, from <see cref="IDataView.GetRowCount"/> or one cursor pass with no active column.
    /// </summary>
    public static long Count(IDataView data)
    {
        if (data.GetRowCount() is { } known)
        {
            return known;
        }

        long rows = 0;
        using var cursor = data.GetRowCursor(Array.Empty<DataViewSchema.Column>());
        while (cursor.MoveNext())
        {
            rows++;
        }

        return rows;
    }
}
