using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

/// <summary>Reads Score vectors and PredictedLabel keys out of a scored data view.</summary>
internal static class ScoreReading
{
    public static float[][] Scores(IDataView scored, string column = "Score")
    {
        var rows = new List<float[]>();
        using var cursor = scored.GetRowCursor([scored.Schema[column]]);
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema[column]);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }

        return rows.ToArray();
    }

    public static uint[] Keys(IDataView scored, string column = "PredictedLabel")
    {
        var keys = new List<uint>();
        using var cursor = scored.GetRowCursor([scored.Schema[column]]);
        var getter = cursor.GetGetter<uint>(scored.Schema[column]);
        uint key = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            keys.Add(key);
        }

        return keys.ToArray();
    }

    public static void AssertClose(float[][] expected, float[][] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row].Length, actual[row].Length);
            for (int i = 0; i < expected[row].Length; i++)
            {
                Assert.True(
                    Math.Abs(expected[row][i] - actual[row][i]) <= tolerance,
                    $"Row {row}, class {i}: expected {expected[row][i]}, got {actual[row][i]}.");
            }
        }
    }
}
