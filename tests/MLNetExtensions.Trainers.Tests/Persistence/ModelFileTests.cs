using System.Diagnostics;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Tests.Cnn.Integration;

namespace MLNetExtensions.Trainers.Tests.Persistence;

[Collection(TrainedSubsetCollection.Name)]
public sealed class ModelFileTests(TrainedSubsetModel fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cnn-model-file-").FullName;

    [Fact]
    public void SaveLoad_ChainWithStockTransformsAroundClassifier_GivesIdenticalScoresAndNames()
    {
        var ml = fixture.Context;
        var chain = StockChain(ml);
        var expected = chain.Transform(fixture.Test);
        string path = Save(chain);

        var loaded = new MLContext().Model.Load(path, out var inputSchema);
        var actual = loaded.Transform(fixture.Test);

        Assert.Equal(fixture.Test.Schema.Count, inputSchema.Count);
        ScoreReading.AssertClose(ScoreReading.Scores(expected), ScoreReading.Scores(actual), 0f);
        Assert.Equal(
            expected.GetColumn<ReadOnlyMemory<char>>("PredictedName").Select(n => n.ToString()),
            actual.GetColumn<ReadOnlyMemory<char>>("PredictedName").Select(n => n.ToString()));
        var classifier = ((TransformerChain<ITransformer>)loaded).OfType<CnnImageClassificationTransformer>().Single();
        Assert.Equal(fixture.Model.ClassNames, classifier.ClassNames);
        Assert.Equal(fixture.Model.Architecture, classifier.Architecture);
        Assert.Null(classifier.TrainingResult);
    }

    [Fact]
    public void SaveLoad_InSeparateProcess_GivesBitIdenticalScores()
    {
        const int rows = 300;
        string model = Save(StockChain(fixture.Context));
        string scoresPath = Path.Combine(_directory, "scores.bin");
        var expected = ScoreReading.Scores(fixture.Model.Transform(fixture.Context.Data.TakeRows(fixture.Test, rows)));

        RunProbe(model, FashionSubset.Directory, rows, scoresPath);

        var actual = ReadScores(scoresPath, fixture.Model.ClassNames.Count);
        ScoreReading.AssertClose(expected, actual, 0f);
    }

    [Fact]
    public void Load_TruncatedModelFile_ThrowsFormatExceptionAboutTheZipArchive()
    {
        string path = Save(fixture.Model);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = LoadError(path);

        Assert.IsType<FormatException>(error);
        Assert.Contains("zip archive", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void Load_BitFlippedInMiddleOfFile_ThrowsChecksumErrorInsteadOfScoring()
    {
        string path = Save(fixture.Model);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x04;
        File.WriteAllBytes(path, bytes);

        var error = LoadError(path);

        // The weights are most of the file, and the zip layer does not notice a flipped bit in a
        // stored entry's data; the classifier's own SHA-256 check does.
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("'Weights.bin'", error.Message);
    }

    [Fact]
    public void Load_FlippedByteInWeights_ThrowsNamingTheWeightsEntry()
    {
        string path = Save(fixture.Model);
        RewriteEntry(path, "Weights.bin", payload =>
        {
            payload[payload.Length / 2] ^= 0x10;
            return payload;
        });

        var error = LoadError(path);

        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("'Weights.bin'", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void Load_TruncatedWeightsEntry_ThrowsNamingTheWeightsEntry()
    {
        string path = Save(fixture.Model);
        RewriteEntry(path, "Weights.bin", payload => payload[..^100]);

        var error = LoadError(path);

        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("'Weights.bin'", error.Message);
        Assert.Contains("ended early", error.Message);
    }

    [Fact]
    public void Load_ClassifierHeaderCutShort_ThrowsFormatException()
    {
        string path = Save(fixture.Model);
        RewriteEntry(path, "Model.key", payload => payload[..^40]);

        var error = LoadError(path);

        // ML.NET checks the entry's header (its recorded length) before the classifier reads a byte,
        // so this one is ML.NET's own, terse FormatException.
        Assert.IsType<FormatException>(error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // ML.NET creates loaded components by reflection, which wraps what a loader throws in
    // TargetInvocationException; the cause is the first other exception in the chain.
    private static Exception LoadError(string path)
    {
        var error = Assert.ThrowsAny<Exception>(() => new MLContext().Model.Load(path, out _));
        while (error is System.Reflection.TargetInvocationException { InnerException: { } inner })
        {
            error = inner;
        }

        return error;
    }

    private TransformerChain<ITransformer> StockChain(MLContext ml)
    {
        var before = ml.Transforms.Conversion.MapKeyToValue("LabelName", "Label").Fit(fixture.Test);
        var scored = fixture.Model.Transform(before.Transform(fixture.Test));
        var after = ml.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel").Fit(scored);
        return new TransformerChain<ITransformer>(before, fixture.Model, after);
    }

    private string Save(ITransformer model)
    {
        string path = Path.Combine(_directory, $"model-{Guid.NewGuid():N}.zip");
        fixture.Context.Model.Save(model, fixture.Test.Schema, path);
        return path;
    }

    private static void RewriteEntry(string zipPath, string suffix, Func<byte[], byte[]> change)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(suffix, StringComparison.Ordinal));
        byte[] payload;
        using (var stream = entry.Open())
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            payload = memory.ToArray();
        }

        payload = change(payload);
        string name = entry.FullName;
        entry.Delete();
        using var writer = zip.CreateEntry(name).Open();
        writer.Write(payload);
    }

    private static void RunProbe(string model, string data, int rows, string output)
    {
        string probe = ProbePath();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                probe, model, data, rows.ToString(System.Globalization.CultureInfo.InvariantCulture), output,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "The scoring probe did not finish within 2 minutes.");
        Assert.True(process.ExitCode == 0, $"The scoring probe failed ({process.ExitCode}): {stdout}\n{stderr}");
    }

    private static string ProbePath()
    {
        // The test output is <repo>/tests/<project>/bin/<Configuration>/net10.0/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        string tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        string probe = Path.Combine(
            tests, "ModelScoringProbe", "bin", configuration, "net10.0", "ModelScoringProbe.dll");
        Assert.True(File.Exists(probe), $"The scoring probe was not built: {probe} is missing.");
        return probe;
    }

    private static float[][] ReadScores(string path, int classes)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        long rows = reader.BaseStream.Length / sizeof(float) / classes;
        return Enumerable.Range(0, (int)rows)
            .Select(_ => Enumerable.Range(0, classes).Select(_ => reader.ReadSingle()).ToArray())
            .ToArray();
    }
}
