using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Evaluators.Detection;

/// <summary>
/// Typed getters over the columns of a detection data view, with schema errors naming role and types.
/// </summary>
internal static class DetectionColumnReader
{
    /// <exception cref="ArgumentOutOfRangeException">The column is absent.</exception>
    public static DataViewSchema.Column Find(IDataView data, string name, string role)
    {
        return data.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(
            name, $"The {role} column '{name}' is not in the data; its columns are: "
            + string.Join(", ", data.Schema.Select(c => c.Name)) + ".");
    }

    /// <summary>A getter returning a vector of floats (boxes, scores).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is not a vector of Single.</exception>
    public static Func<float[]> FloatVector(DataViewRowCursor cursor, DataViewSchema.Column column, string role)
    {
        bool singles = column.Type is VectorDataViewType { ItemType: var item } && item == NumberDataViewType.Single;
        if (!singles)
        {
            throw Mismatch(column, role, "a vector of Single");
        }

        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        return () =>
        {
            getter(ref buffer);
            return buffer.DenseValues().ToArray();
        };
    }

    /// <summary>A getter returning category ids from a vector of keys (the key value) or of integers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is not a vector of keys, Int32 or UInt32.</exception>
    public static Func<int[]> CategoryVector(DataViewRowCursor cursor, DataViewSchema.Column column, string role)
    {
        DataViewType? item = (column.Type as VectorDataViewType)?.ItemType;
        if (item is KeyDataViewType { RawType: var raw } && raw == typeof(uint) || item == NumberDataViewType.UInt32)
        {
            var getter = cursor.GetGetter<VBuffer<uint>>(column);
            VBuffer<uint> buffer = default;
            return () =>
            {
                getter(ref buffer);
                return buffer.DenseValues().Select(v => checked((int)v)).ToArray();
            };
        }

        if (item == NumberDataViewType.Int32)
        {
            var getter = cursor.GetGetter<VBuffer<int>>(column);
            VBuffer<int> buffer = default;
            return () =>
            {
                getter(ref buffer);
                return buffer.DenseValues().ToArray();
            };
        }

        throw Mismatch(column, role, "a vector of keys (UInt32), UInt32 or Int32");
    }

    /// <summary>A getter returning the image id of the row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is not Int64, Int32, UInt32 or a UInt32
    /// key.</exception>
    public static Func<long> ImageId(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        DataViewType type = column.Type;
        if (type == NumberDataViewType.Int64)
        {
            return Scalar<long>(cursor, column, v => v);
        }

        if (type == NumberDataViewType.Int32)
        {
            return Scalar<int>(cursor, column, v => v);
        }

        if (type == NumberDataViewType.UInt32 || type is KeyDataViewType { RawType: var raw } && raw == typeof(uint))
        {
            return Scalar<uint>(cursor, column, v => v);
        }

        throw Mismatch(column, "image id", "Int64, Int32, UInt32 or a UInt32 key");
    }

    /// <summary>Category names from the key values of a key column, or null when it has none.</summary>
    public static string[]? KeyNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("KeyValues") is null)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private static Func<long> Scalar<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, long> convert)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return convert(value);
        };
    }

    private static ArgumentOutOfRangeException Mismatch(DataViewSchema.Column column, string role, string expected) =>
        new(column.Name, $"The {role} column '{column.Name}' must be {expected} but is {column.Type}.");
}
