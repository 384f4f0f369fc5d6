using System.Globalization;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Reads class names from a key label column's KeyValues annotation, falling back to "1".."N".</summary>
internal static class ClassNameReader
{
    /// <summary>The <paramref name="classCount"/> class names of <paramref name="label"/>, in key order.</summary>
    public static string[] Read(DataViewSchema.Column label, int classCount)
    {
        var annotation = label.Annotations.Schema.GetColumnOrNull(AnnotationUtils.Kinds.KeyValues);
        if (annotation?.Type is VectorDataViewType { Size: var size } vector && size == classCount)
        {
            var method = typeof(ClassNameReader)
                .GetMethod(nameof(ReadValues), BindingFlags.NonPublic | BindingFlags.Static)!;
            return (string[])method.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, [label.Annotations])!;
        }

        return Enumerable.Range(1, classCount).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static string[] ReadValues<T>(DataViewSchema.Annotations annotations)
    {
        VBuffer<T> values = default;
        annotations.GetValue(AnnotationUtils.Kinds.KeyValues, ref values);
        return values.DenseValues().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)
            .ToArray();
    }
}
