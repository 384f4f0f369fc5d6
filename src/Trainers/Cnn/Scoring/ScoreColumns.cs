using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Cnn.Scoring;

/// <summary>
/// The two columns a CNN classifier adds: <c>Score</c> (softmax probabilities, slot names = class
/// names, annotated as a multiclass score so ML.NET's evaluator accepts it) and <c>PredictedLabel</c>
/// (a key over the classes with the class names as its key values).
/// </summary>
internal static class ScoreColumns
{
    /// <summary>Builds the detached output columns.</summary>
    public static DataViewSchema.DetachedColumn[] Create(
        string scoreColumnName,
        string predictedLabelColumnName,
        IReadOnlyList<string> classNames)
    {
        var names = new VBuffer<ReadOnlyMemory<char>>(
            classNames.Count,
            classNames.Select(n => n.AsMemory()).ToArray());
        var score = new DataViewSchema.Annotations.Builder();
        score.AddSlotNames(classNames.Count, (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        score.Add(AnnotationUtils.Kinds.ScoreColumnKind, TextDataViewType.Instance, Text("MulticlassClassification"));
        score.Add(AnnotationUtils.Kinds.ScoreValueKind, TextDataViewType.Instance, Text("Score"));
        var predicted = new DataViewSchema.Annotations.Builder();
        predicted.AddKeyValues(classNames.Count, TextDataViewType.Instance, (ref VBuffer<ReadOnlyMemory<char>> v) =>
            names.CopyTo(ref v));
        var scoreType = new VectorDataViewType(NumberDataViewType.Single, classNames.Count);
        var keyType = new KeyDataViewType(typeof(uint), classNames.Count);
        return
        [
            new(scoreColumnName, scoreType, score.ToAnnotations()),
            new(predictedLabelColumnName, keyType, predicted.ToAnnotations()),
        ];
    }

    /// <summary>The same columns as schema-shape columns, for estimator schema propagation.</summary>
    public static IEnumerable<SchemaShape.Column> CreateShape(
        string scoreColumnName,
        string predictedLabelColumnName,
        IReadOnlyList<string> classNames)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(Create(scoreColumnName, predictedLabelColumnName, classNames));
        return SchemaShape.Create(builder.ToSchema());
    }

    /// <summary>Index of the most probable class, the first one on ties, as a one-based key.</summary>
    public static uint PredictedKey(ReadOnlySpan<float> probabilities)
    {
        int best = 0;
        for (int i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return (uint)best + 1;
    }

    private static ValueGetter<ReadOnlyMemory<char>> Text(string value) =>
        (ref ReadOnlyMemory<char> destination) => destination = value.AsMemory();
}
