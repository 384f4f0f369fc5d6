using System.Globalization;
using Microsoft.ML;

namespace MLNetExtensions.Evaluators.Classification;

/// <summary>Computes a <see cref="ClassificationReport"/> from labels and score vectors.</summary>
public static class ClassificationEvaluator
{
    /// <summary>Evaluates score vectors against 0-based true class indices.</summary>
    /// <param name="labels">The true class of each example, in 0 .. K - 1.</param>
    /// <param name="scores">One score vector of length K per example; higher means more likely.</param>
    /// <param name="options">The settings, or null for top-1 and top-5 with classes named by index.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="labels"/> or <paramref name="scores"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or are empty, a score vector is null, has the wrong length or holds NaN, the
    /// class names do not match K, or a top-k value is below 1.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside 0 .. K - 1.</exception>
    public static ClassificationReport Evaluate(
        IReadOnlyList<int> labels,
        IReadOnlyList<float[]> scores,
        ClassificationEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        options ??= new ClassificationEvaluatorOptions();
        if (labels.Count != scores.Count)
        {
            throw new ArgumentException(
                $"There are {labels.Count} labels but {scores.Count} score vectors; each example needs one of each.",
                nameof(scores));
        }

        // K comes from the scores when there are any, so that a class-name list of another length is reported as
        // such rather than as a wrong-length score vector.
        int classes = scores.Count > 0 && scores[0] is { } first ? first.Length : options.ClassNames?.Count ?? 0;
        IReadOnlyList<string> names = ClassNames(options, classes);
        var accumulator = new ClassificationAccumulator(classes, CheckTopK(options), "the score list");
        for (int i = 0; i < labels.Count; i++)
        {
            float[] row = scores[i] ?? throw new ArgumentException($"Score vector {i} is null.", nameof(scores));
            accumulator.Add(labels[i], row, i);
        }

        return accumulator.ToReport(names);
    }

    /// <summary>Evaluates a scored <see cref="IDataView"/>, as ML.NET's multiclass trainers produce it.</summary>
    /// <param name="data">The scored data.</param>
    /// <param name="labelColumnName">The label column: a key type (uint), class k stored as key k + 1.</param>
    /// <param name="scoreColumnName">The score column: a known-size vector of float, one slot per class.</param>
    /// <param name="options">The settings; class names default to the label column's key values.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A named column is not in the schema.</exception>
    /// <exception cref="ArgumentException">
    /// A column has the wrong type, a label is missing (key 0), a score is NaN, the data is empty, or an option
    /// is invalid.
    /// </exception>
    public static ClassificationReport Evaluate(
        IDataView data,
        string labelColumnName = "Label",
        string scoreColumnName = "Score",
        ClassificationEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ClassificationEvaluatorOptions();
        var reader = new ScoredDataReader(data, labelColumnName, scoreColumnName);
        options = options.ClassNames is null ? options with { ClassNames = reader.KeyNames() } : options;
        IReadOnlyList<string> names = ClassNames(options, reader.ClassCount);
        var accumulator = new ClassificationAccumulator(
            reader.ClassCount, CheckTopK(options), $"column '{scoreColumnName}'");
        reader.ReadInto(accumulator);
        return accumulator.ToReport(names);
    }

    private static IReadOnlyList<string> ClassNames(ClassificationEvaluatorOptions options, int classes)
    {
        if (classes == 0)
        {
            throw new ArgumentException("There are no classes: the score vectors are empty and no names are given.");
        }

        if (options.ClassNames is { } names && names.Count != classes)
        {
            throw new ArgumentException(
                $"{names.Count} class names are given but the scores have {classes} slots.", nameof(options));
        }

        return options.ClassNames
            ?? Enumerable.Range(0, classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static IReadOnlyList<int> CheckTopK(ClassificationEvaluatorOptions options)
    {
        foreach (int k in options.TopK ?? throw new ArgumentException("TopK is null.", nameof(options)))
        {
            if (k < 1)
            {
                throw new ArgumentException($"Top-k value {k} is below 1.", nameof(options));
            }
        }

        return options.TopK.Distinct().ToArray();
    }
}
