using System.Text.Json;
using FashionMnistSample;

namespace MLNetExtensions.Transforms.Tests.Samples;

/// <summary>Runs the sample's command line in-process on the shipped subset.</summary>
public sealed class FashionMnistSampleTests : IDisposable
{
    private static readonly string Subset = Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");

    private readonly string _output =
        Path.Combine(Path.GetTempPath(), "fmnist-sample-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void OneEpochLeNetOnSubset_LastLineIsJsonWithMetricsAndModelIsSaved()
    {
        var (exitCode, lines) = RunSample(
            "--data", Subset, "--epochs", "1", "--threads", "2", "--json", "--output", _output);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        Assert.Equal("lenet", root.GetProperty("arch").GetString());
        Assert.Equal(1, root.GetProperty("epochs").GetInt32());
        Assert.Equal(6000, root.GetProperty("trainImages").GetInt32());
        Assert.Equal(1000, root.GetProperty("testImages").GetInt32());
        // LeNet-5 for 1x28x28 and 10 classes: 156 + 2,416 + 48,120 + 10,164 + 850 weights and biases.
        Assert.Equal(61_706, root.GetProperty("parameters").GetInt64());
        // One epoch of LeNet-5 on 6,000 images reaches about 0.6 (PyTorch 1.13: 0.63); chance is 0.1.
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0.45, 1.0);
        Assert.InRange(root.GetProperty("macroF1").GetDouble(), 0.35, 1.0);
        Assert.InRange(root.GetProperty("logLoss").GetDouble(), 0.05, 2.0);
        Assert.True(root.GetProperty("trainImagesPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("scoreImagesPerSecond").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(_output, "model.zip")));
        Assert.Contains(lines, l => l.Contains("Reloaded model.zip"));
        Assert.Contains(lines, l => l.StartsWith("  image 0: ") && l.Contains("(p = "));
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--arch", "alexnet")]
    [InlineData("--threads", "-1")]
    public void InvalidOption_FailsBeforeTraining(string option, string value)
    {
        var (exitCode, lines) = RunSample(option, value, "--output", _output);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain(lines, l => l.StartsWith("Training "));
        Assert.False(File.Exists(Path.Combine(_output, "model.zip")));
    }

    [Fact]
    public void MissingDataDirectory_ExitsWithMessageNamingIt()
    {
        string missing = Path.Combine(_output, "no-such-data");

        var (exitCode, lines) = RunSample("--data", missing, "--output", _output);

        Assert.Equal(1, exitCode);
        Assert.Contains(lines, l => l.StartsWith("error: ") && l.Contains(missing));
    }

    private static (int ExitCode, string[] Lines) RunSample(params string[] args)
    {
        var writer = new StringWriter();
        var parse = SampleCommand.Create(writer).Parse(args);
        int exitCode = parse.Invoke(new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer });
        string[] lines = writer.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'))
            .ToArray();
        return (exitCode, lines);
    }
}
