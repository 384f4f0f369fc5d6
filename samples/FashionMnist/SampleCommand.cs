using System.CommandLine;
using System.CommandLine.Parsing;

namespace FashionMnistSample;

/// <summary>The command line: options, their defaults, and the call into <see cref="FashionMnistJob"/>.</summary>
internal static class SampleCommand
{
    public static RootCommand Create(TextWriter output)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Directory with the four Fashion-MNIST idx files "
                + "(default: the installed full set, else the shipped subset)",
        };
        var arch = new Option<string>("--arch")
        {
            Description = "Network: lenet, vgg, vgg-bn (VGG with batch norm and dropout) or resnet",
            DefaultValueFactory = _ => SampleOptions.DefaultArchitecture,
        };
        arch.AcceptOnlyFromAmong(SampleOptions.Architectures);
        var epochs = new Option<int>("--epochs")
        {
            Description = "Training epochs",
            DefaultValueFactory = _ => SampleOptions.DefaultEpochs,
        };
        epochs.Validators.Add(r => Positive(r, r.GetValueOrDefault<int>()));
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: TorchSharp's)" };
        threads.Validators.Add(r => Positive(r, r.GetValueOrDefault<int?>()));
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object, last" };
        var outputDir = new Option<string>("--output")
        {
            Description = "Directory for model.zip",
            DefaultValueFactory = _ => ".",
        };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => SampleOptions.DefaultSeed };

        var root = new RootCommand("Trains, evaluates, saves and reloads a CNN on Fashion-MNIST with ML.NET.")
        {
            data, arch, epochs, threads, json, outputDir, seed,
        };
        root.SetAction(result =>
        {
            var options = new SampleOptions(
                result.GetValue(data),
                result.GetValue(arch)!,
                result.GetValue(epochs),
                result.GetValue(threads),
                result.GetValue(json),
                result.GetValue(outputDir)!,
                result.GetValue(seed));
            return RunJob(options, output);
        });
        return root;
    }

    /// <summary>Runs the job; bad data or settings end it with their message and exit code 1.</summary>
    private static int RunJob(SampleOptions options, TextWriter output)
    {
        try
        {
            FashionMnistJob.Run(options, output);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            output.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static void Positive(OptionResult result, int? value)
    {
        if (value < 1)
        {
            result.AddError($"{result.Option.Name} must be at least 1, but is {value}.");
        }
    }
}
