using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Transforms.Data;

/// <summary>Trains LeNet-5 for one epoch, then times batched Transform scoring against PredictionEngine.</summary>
internal static class ScoringBench
{
    private const int Passes = 5;

    public static void Run(string dataDirectory)
    {
        var ml = new MLContext(seed: 1);
        var train = MnistIdxReader.LoadSplit(dataDirectory, MnistSplit.Train, FashionMnist.ClassNames);
        var test = ml.Data.Cache(MnistIdxReader.LoadSplit(dataDirectory, MnistSplit.Test, FashionMnist.ClassNames));
        var options = new CnnImageClassificationTrainer.Options
        {
            FeatureColumnName = MnistDataView.PixelsColumnName,
            Training = new TrainingOptions { Epochs = 1, Seed = 1, Threads = 2, Device = TorchDevice.Cpu },
        };
        var model = ml.MulticlassClassification.Trainers.ImageClassificationCnn(options).Fit(train);
        var rows = ml.Data.CreateEnumerable<PixelRow>(test, reuseRowObject: false).ToArray();
        Console.WriteLine($"batched (batch {model.ScoringBatchSize}): {Batched(model, test, rows.Length):F0} images/s");
        Console.WriteLine($"one row per forward (PredictionEngine): {OneByOne(ml, model, rows):F0} images/s");
    }

    private static double Batched(ITransformer model, IDataView test, int count)
    {
        Score(model.Transform(test)); // warm-up
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < Passes; pass++)
        {
            Score(model.Transform(test));
        }

        return Passes * count / clock.Elapsed.TotalSeconds;
    }

    private static double OneByOne(MLContext ml, ITransformer model, PixelRow[] rows)
    {
        var engine = ml.Model.CreatePredictionEngine<PixelRow, ScoreRow>(model);
        engine.Predict(rows[0]);
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < Passes; pass++)
        {
            foreach (var row in rows)
            {
                engine.Predict(row);
            }
        }

        return Passes * rows.Length / clock.Elapsed.TotalSeconds;
    }

    private static void Score(IDataView scored)
    {
        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
        }
    }

    private sealed class PixelRow
    {
        [VectorType(784)]
        public float[] Pixels { get; set; } = [];
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
