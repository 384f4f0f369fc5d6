using Microsoft.ML;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>ML.NET catalog entry points for <see cref="ClassificationReport"/>.</summary>
public static class ClassificationCatalogExtensions
{
    /// <summary>
    /// Evaluates scored multiclass data into a <see cref="ClassificationReport"/>: top-k accuracy, per-class
    /// precision, recall and F1, macro and micro averages and the confusion matrix.
    /// </summary>
    /// <param name="catalog">The multiclass classification catalog.</param>
    /// <param name="data">The scored data.</param>
    /// <param name="labelColumnName">The label column: a key type (uint).</param>
    /// <param name="scoreColumnName">The score column: a known-size vector of float.</param>
    /// <param name="options">The settings, or null for top-1 and top-5 accuracy.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="catalog"/> or <paramref name="data"/> is null.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A named column is not in the schema.</exception>
    /// <exception cref="ArgumentException">A column has the wrong type, or a row is invalid.</exception>
    public static ClassificationReport EvaluateReport(
        this MulticlassClassificationCatalog catalog,
        IDataView data,
        string labelColumnName = "Label",
        string scoreColumnName = "Score",
        ClassificationEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ClassificationEvaluator.Evaluate(data, labelColumnName, scoreColumnName, options);
    }
}
