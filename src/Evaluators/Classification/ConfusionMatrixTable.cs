using System.Globalization;
using System.Text;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Counts of examples by true class (rows) and top-1 predicted class (columns).</summary>
public sealed class ConfusionMatrixTable
{
    private readonly int[,] _counts;

    internal ConfusionMatrixTable(int[,] counts, IReadOnlyList<string> classNames)
    {
        _counts = counts;
        ClassNames = classNames;
    }

    /// <summary>Gets the counts themselves, for the library's own read-only use.</summary>
    internal int[,] Counts => _counts;

    /// <summary>Gets the class names, one per row and column.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Gets the number of classes.</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>
    /// Gets the number of examples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.
    /// </summary>
    /// <param name="actual">The true class index.</param>
    /// <param name="predicted">The predicted class index.</param>
    /// <returns>The count.</returns>
    /// <exception cref="IndexOutOfRangeException">An index is outside 0 .. <see cref="ClassCount"/> - 1.</exception>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>Formats the matrix as a text table: a row per true class, a column per predicted class.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        int nameWidth = Math.Max(18, ClassNames.Max(n => n.Length));
        int cell = Math.Max(ClassNames.Max(n => n.Length), _counts.Cast<int>().Max().ToString(
            CultureInfo.InvariantCulture).Length);
        var text = new StringBuilder();
        text.Append("actual \\ predicted".PadRight(nameWidth));
        foreach (string name in ClassNames)
        {
            text.Append(' ').Append(name.PadLeft(cell));
        }

        for (int r = 0; r < ClassCount; r++)
        {
            text.AppendLine().Append(ClassNames[r].PadRight(nameWidth));
            for (int c = 0; c < ClassCount; c++)
            {
                text.Append(' ').Append(_counts[r, c].ToString(CultureInfo.InvariantCulture).PadLeft(cell));
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the matrix as a PNG heat map: cells coloured by row-normalised count, counts printed.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="width">The image width in pixels.</param>
    /// <param name="height">The image height in pixels.</param>
    /// <remarks>Counts are printed in the cells for up to 30 classes. Rendering needs no display.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 100 pixels.</exception>
    public void SaveHeatMapPng(string path, int width = 800, int height = 800)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ConfusionHeatMap.Save(_counts, ClassNames, path, width, height);
    }
}
