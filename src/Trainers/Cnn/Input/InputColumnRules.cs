using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>
/// The column checks shared by <c>Fit</c>, <c>GetOutputSchema</c> and the transformer: each failure
/// names the column, its role, the expected type and the actual type.
/// </summary>
internal static class InputColumnRules
{
    /// <summary>The accepted feature types, for messages.</summary>
    public const string ExpectedFeature =
        "MLImage (from LoadImages), a known-size vector of Single pixels, or a vector of Byte holding an "
        + "encoded image (from LoadRawImageBytes)";

    /// <summary>Picks the input kind from the feature column's type.</summary>
    /// <exception cref="ArgumentException">The column is missing or has another type.</exception>
    public static ImageInputKind FeatureKind(DataViewSchema schema, string columnName, string parameterName)
    {
        var column = Find(schema, columnName, "feature", ExpectedFeature, parameterName);
        return column.Type switch
        {
            ImageDataViewType => ImageInputKind.Image,
            VectorDataViewType { ItemType: NumberDataViewType t, IsKnownSize: true } when t.RawType == typeof(float)
                => ImageInputKind.PixelVector,
            VectorDataViewType { ItemType: NumberDataViewType t } when t.RawType == typeof(byte)
                => ImageInputKind.EncodedImage,
            _ => throw Mismatch(
                columnName, "feature", ExpectedFeature, column.Type.ToString() ?? "unknown", parameterName),
        };
    }

    /// <summary>Picks the input kind from the feature column's shape (estimator schema propagation).</summary>
    /// <exception cref="ArgumentException">The column is missing or has another type.</exception>
    public static ImageInputKind FeatureKind(SchemaShape schema, string columnName, string parameterName)
    {
        if (!schema.TryFindColumn(columnName, out var column))
        {
            throw Missing(columnName, "feature", ExpectedFeature, parameterName);
        }

        var raw = column.ItemType.RawType;
        return column switch
        {
            { ItemType: ImageDataViewType, Kind: SchemaShape.Column.VectorKind.Scalar } => ImageInputKind.Image,
            { Kind: SchemaShape.Column.VectorKind.Vector, IsKey: false } when raw == typeof(float)
                => ImageInputKind.PixelVector,
            { Kind: not SchemaShape.Column.VectorKind.Scalar, IsKey: false } when raw == typeof(byte)
                => ImageInputKind.EncodedImage,
            _ => throw Mismatch(columnName, "feature", ExpectedFeature, Describe(column), parameterName),
        };
    }

    /// <summary>The number of classes of the key label column.</summary>
    /// <exception cref="ArgumentException">The column is missing or is not a key of <see cref="uint"/> with
    /// known count.</exception>
    public static int LabelClassCount(DataViewSchema schema, string columnName, string parameterName)
    {
        const string expected = "a key of UInt32 with a known number of classes (use MapValueToKey)";
        var column = Find(schema, columnName, "label", expected, parameterName);
        if (column.Type is KeyDataViewType key && key.RawType == typeof(uint) && key.Count is > 0 and <= int.MaxValue)
        {
            return (int)key.Count;
        }

        throw Mismatch(columnName, "label", expected, column.Type.ToString() ?? "unknown", parameterName);
    }

    /// <summary>Checks the label column's shape (estimator schema propagation).</summary>
    /// <exception cref="ArgumentException">The column is missing or is not a scalar key.</exception>
    public static void CheckLabel(SchemaShape schema, string columnName, string parameterName)
    {
        const string expected = "a scalar key of UInt32 (use MapValueToKey)";
        if (!schema.TryFindColumn(columnName, out var column))
        {
            throw Missing(columnName, "label", expected, parameterName);
        }

        if (!column.IsKey || column.Kind != SchemaShape.Column.VectorKind.Scalar
            || column.ItemType.RawType != typeof(uint))
        {
            throw Mismatch(columnName, "label", expected, Describe(column), parameterName);
        }
    }

    private static DataViewSchema.Column Find(
        DataViewSchema schema, string columnName, string role, string expected, string parameterName) =>
        schema.GetColumnOrNull(columnName) ?? throw Missing(columnName, role, expected, parameterName);

    private static ArgumentException Missing(string columnName, string role, string expected, string parameterName) =>
        new($"The data has no column named '{columnName}' for the {role} role; expected a column of type {expected}.",
            parameterName);

    private static ArgumentException Mismatch(
        string columnName, string role, string expected, string actual, string parameterName) =>
        new($"The {role} column '{columnName}' has type {actual}; the {role} role expects {expected}.",
            parameterName);

    private static string Describe(SchemaShape.Column column)
    {
        string key = column.IsKey ? "key " : string.Empty;
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Scalar => $"{key}{column.ItemType}",
            SchemaShape.Column.VectorKind.Vector => $"known-size vector of {key}{column.ItemType}",
            _ => $"variable-size vector of {key}{column.ItemType}",
        };
    }
}
