using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Evaluators.Classification;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Transforms.Data;

namespace FashionMnistSample;

/// <summary>
/// The main job: find the data, train a CNN inside an ML.NET pipeline, evaluate it on the test
/// split, save model.zip, reload it and classify a few test images.
/// </summary>
internal static class FashionMnistJob
{
    private const int ExamplesToShow = 5;

    public static JobResult Run(SampleOptions options, TextWriter output)
    {
        var location = FashionMnistLocator.Locate(options.DataDirectory);
        output.WriteLine($"Data: {location.Description}");
        MnistDataView train = location.LoadTrain();
        MnistDataView test = location.LoadTest();
        output.WriteLine($"Train: {train.RowCount} images, test: {test.RowCount} images, " +
            $"{train.ImageWidth}x{train.ImageHeight}, {train.ClassCount} classes");

        var ml = new MLContext(seed: options.Seed);
        var training = Train(ml, options, train, output);
        var (metrics, macroF1, scoreSeconds) = Evaluate(ml, training.Model, test, output);
        string modelPath = Save(ml, training.Model, train, options.OutputDirectory, output);
        ClassifyWithReloadedModel(ml, modelPath, test, output);

        var result = new JobResult
        {
            Arch = options.Architecture,
            Epochs = options.Epochs,
            Threads = options.Threads,
            Data = location.Source.ToString(),
            TrainImages = train.RowCount,
            TestImages = test.RowCount,
            Accuracy = Math.Round(metrics.MicroAccuracy, 5),
            MacroF1 = Math.Round(macroF1, 5),
            LogLoss = Math.Round(metrics.LogLoss, 5),
            TrainSeconds = Math.Round(training.Seconds, 3),
            TrainImagesPerSecond = Math.Round((double)options.Epochs * train.RowCount / training.Seconds, 1),
            ScoreImagesPerSecond = Math.Round(test.RowCount / scoreSeconds, 1),
            ArchitectureJson = training.ArchitectureJson,
            Parameters = training.Parameters,
            ModelPath = modelPath,
        };
        PrintSummary(result, output, options.Json);
        return result;
    }

    private static (ITransformer Model, double Seconds, string ArchitectureJson, long Parameters) Train(
        MLContext ml,
        SampleOptions options,
        MnistDataView train,
        TextWriter output)
    {
        var (estimator, architecture) = TrainerFactory.Create(ml, options, train, output);
        var shape = new ImageShape(1, train.ImageHeight, train.ImageWidth);
        long parameters;
        using (var network = architecture.Build(shape, train.ClassCount))
        {
            var summary = ModelSummary.Create(network);
            output.WriteLine(summary.ToString());
            parameters = summary.TotalParameters;
        }

        output.WriteLine($"Training {architecture.Name} for {options.Epochs} epoch(s)...");
        var clock = Stopwatch.StartNew();
        ITransformer model = estimator.Fit(train);
        return (model, clock.Elapsed.TotalSeconds, architecture.ToJson(), parameters);
    }

    private static (MulticlassClassificationMetrics Metrics, double MacroF1, double ScoreSeconds) Evaluate(
        MLContext ml,
        ITransformer model,
        MnistDataView test,
        TextWriter output)
    {
        IDataView scored = model.Transform(test);
        ScoreRows(scored, maxRows: 1); // warm-up: scores the first batch, as the PyTorch reference does
        var clock = Stopwatch.StartNew();
        int rows = ScoreRows(scored, int.MaxValue);
        double seconds = clock.Elapsed.TotalSeconds;
        Debug.Assert(rows == test.RowCount, "Scoring visits every test row once.");

        var metrics = ml.MulticlassClassification.Evaluate(scored, MnistDataView.LabelColumnName);
        double macroF1 = ml.MulticlassClassification.EvaluateReport(scored, MnistDataView.LabelColumnName).MacroF1;
        output.WriteLine($"Test accuracy {metrics.MicroAccuracy:P2}, macro-F1 " +
            $"{macroF1:F4}, log-loss {metrics.LogLoss:F4}");
        output.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
        return (metrics, macroF1, seconds);
    }

    /// <summary>Reads the Score of up to <paramref name="maxRows"/> rows; the transformer scores in batches.</summary>
    private static int ScoreRows(IDataView scored, int maxRows)
    {
        var score = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([score]);
        var getter = cursor.GetGetter<VBuffer<float>>(score);
        VBuffer<float> value = default;
        int rows = 0;
        while (rows < maxRows && cursor.MoveNext())
        {
            getter(ref value);
            rows++;
        }

        return rows;
    }

    private static string Save(
        MLContext ml,
        ITransformer model,
        MnistDataView train,
        string directory,
        TextWriter output)
    {
        Directory.CreateDirectory(directory);
        string path = Path.GetFullPath(Path.Combine(directory, "model.zip"));
        ml.Model.Save(model, train.Schema, path);
        output.WriteLine($"Saved {path} ({new FileInfo(path).Length / 1024} KiB)");
        return path;
    }

    private static void ClassifyWithReloadedModel(
        MLContext ml,
        string modelPath,
        MnistDataView test,
        TextWriter output)
    {
        ITransformer reloaded = ml.Model.Load(modelPath, out _);
        var engine = ml.Model.CreatePredictionEngine<PixelsInput, Prediction>(reloaded, test.Schema);
        IReadOnlyList<string> names = test.ClassNames ?? [];
        output.WriteLine("Reloaded model.zip; a few test images:");
        for (int row = 0; row < Math.Min(ExamplesToShow, test.RowCount); row++)
        {
            var input = new PixelsInput
            {
                Pixels = ToFloats(test.GetPixelBytes(row)),
                Label = (uint)test.GetClassIndex(row) + 1,
            };
            Prediction prediction = engine.Predict(input);
            int predicted = (int)prediction.PredictedLabel - 1;
            output.WriteLine($"  image {row}: {names[predicted]} (p = {prediction.Score[predicted]:F3}), " +
                $"actually {names[test.GetClassIndex(row)]}");
        }
    }

    private static float[] ToFloats(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            values[i] = bytes[i];
        }

        return values;
    }

    private static void PrintSummary(JobResult result, TextWriter output, bool json)
    {
        output.WriteLine($"Training: {result.TrainImagesPerSecond:F0} images/s end to end; " +
            $"scoring: {result.ScoreImagesPerSecond:F0} images/s");
        if (json)
        {
            output.WriteLine(result.ToJson());
        }
    }
}
