using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Tests.Engine;

/// <summary>A row of the synthetic blobs data set.</summary>
public sealed class SyntheticRow
{
    public const int FeatureLength = 4;
    public const int ClassCount = 3;

    [VectorType(FeatureLength)]
    public float[] Features { get; set; } = [];

    public int Label { get; set; }

    /// <summary>
    /// Three Gaussian blobs in 4-D (class c centred at 2 x e_c), rows in class order 0,1,2,0,1,2...
    /// </summary>
    public static SyntheticRow[] Blobs(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i => Blob(i % ClassCount, random)).ToArray();
    }

    /// <summary>Rows whose only feature value is their index, for ordering tests.</summary>
    public static SyntheticRow[] Indexed(int rows) =>
        Enumerable.Range(0, rows).Select(i => new SyntheticRow { Features = [i, 0, 0, 0], Label = i % ClassCount })
            .ToArray();

    public static IDataView Load(MLContext context, IEnumerable<SyntheticRow> rows) =>
        context.Data.LoadFromEnumerable(rows);

    private static SyntheticRow Blob(int label, Random random)
    {
        var features = new float[FeatureLength];
        for (var d = 0; d < FeatureLength; d++)
        {
            features[d] = (d == label ? 2f : 0f) + (float)Gaussian(random);
        }

        return new SyntheticRow { Features = features, Label = label };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
