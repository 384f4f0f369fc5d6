using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Cnn.Input;
using MLNetExtensions.Trainers.Cnn.Scoring;
using MLNetExtensions.Trainers.Engine;
using TorchSharp;

namespace MLNetExtensions.Trainers.Cnn;

/// <summary>
/// Trains a convolutional network (LeNet-5, VGG-style or a small ResNet) with TorchSharp to classify
/// images, as an ML.NET multiclass estimator.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>Input columns</term><description>Label: key of UInt32. Features: <c>MLImage</c> (LoadImages),
/// a known-size Single vector of CHW pixels (width/height/channels declared or square), or a Byte vector of
/// encoded image bytes (LoadRawImageBytes), as Microsoft.ML.Vision's image classification trainer takes.
/// </description></item>
/// <item><term>Output columns</term><description>Score: vector of Single, softmax probabilities, slot names =
/// class names. PredictedLabel: key of UInt32 with the label's class names as key values.</description></item>
/// <item><term>Task</term><description>Multiclass classification.</description></item>
/// <item><term>Packages</term><description>MLNetExtensions.Trainers plus a TorchSharp backend
/// (TorchSharp-cpu, or TorchSharp-cuda-linux / -windows).</description></item>
/// </list>
/// Pixels are multiplied by <see cref="Options.PixelScale"/> then standardised per channel when means and
/// deviations are given. Class names come from the label's KeyValues annotation, else the key numbers.
/// </remarks>
public sealed partial class CnnImageClassificationTrainer : IEstimator<CnnImageClassificationTransformer>
{
    private readonly IHostEnvironment _env;
    private readonly Options _options;

    internal CnnImageClassificationTrainer(IHostEnvironment env, Options options)
    {
        _env = env;
        _options = options.Copy();
        OptionsValidator.Check(_options);
    }

    /// <summary>Trains the network on <paramref name="input"/>.</summary>
    /// <param name="input">Training data with the label and feature columns.</param>
    /// <returns>The trained transformer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, the validation set does not
    /// match the training data, the image size cannot be inferred, or the training data has no rows.</exception>
    /// <exception cref="InvalidDataException">A row cannot be read; the message names the column and row.</exception>
    /// <exception cref="OperationCanceledException">The training options' cancellation token was cancelled.</exception>
    public CnnImageClassificationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = InputColumnRules.FeatureKind(input.Schema, _options.FeatureColumnName, nameof(input));
        int classCount = InputColumnRules.LabelClassCount(input.Schema, _options.LabelColumnName, nameof(input));
        CheckValidationSet(classCount);
        var shape = InputShapeResolver.Resolve(_options, input, kind);
        EnsureHasRows(input);

        var settings = new ImageInputSettings(
            _options.FeatureColumnName, kind, shape, _options.ResizePolicy, Normalization(shape));
        string[] classNames = ClassNameReader.Read(input.Schema[_options.LabelColumnName], classCount);
        return Train(input, settings, classNames);
    }

    /// <summary>The schema after the trained transformer, without training.</summary>
    /// <param name="inputSchema">The shape of the training data.</param>
    /// <returns>The input shape plus Score and PredictedLabel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        InputColumnRules.FeatureKind(inputSchema, _options.FeatureColumnName, nameof(inputSchema));
        InputColumnRules.CheckLabel(inputSchema, _options.LabelColumnName, nameof(inputSchema));
        var columns = inputSchema.ToDictionary(c => c.Name);
        var placeholders = new[] { string.Empty };
        foreach (var column in ScoreColumns.CreateShape(
                     _options.ScoreColumnName, _options.PredictedLabelColumnName, placeholders))
        {
            columns[column.Name] = column;
        }

        return new SchemaShape(columns.Values);
    }

    private CnnImageClassificationTransformer Train(IDataView input, ImageInputSettings settings, string[] classNames)
    {
        var host = _env.Register(nameof(CnnImageClassificationTrainer));
        using var channel = host.Start("Training");
        channel.Info($"Training {_options.Architecture.GetType().Name} on {settings.Shape} {settings.Kind} input, "
                     + $"{classNames.Length} classes.");
        if (_options.Training.Seed is int seed)
        {
            torch.random.manual_seed(seed); // the initial weights are drawn here, before the engine runs
        }

        var network = _options.Architecture.Build(settings.Shape, classNames.Length);
        try
        {
            var reader = new CnnExampleReader(settings, _options.LabelColumnName, classNames.Length);
            var result = SupervisedTrainer.Train(
                network, input, _options.ValidationSet, reader, _options.Training, channel);
            var names = new ScoringNames(
                _options.ScoreColumnName, _options.PredictedLabelColumnName, _options.ScoringBatchSize);
            return new CnnImageClassificationTransformer(
                _env, _options.Architecture, network, settings, classNames, names, result);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private void CheckValidationSet(int classCount)
    {
        if (_options.ValidationSet is not { } validation)
        {
            return;
        }

        const string parameter = nameof(Options.ValidationSet);
        InputColumnRules.FeatureKind(validation.Schema, _options.FeatureColumnName, parameter);
        int count = InputColumnRules.LabelClassCount(validation.Schema, _options.LabelColumnName, parameter);
        if (count != classCount)
        {
            throw new ArgumentException(
                $"The validation label column '{_options.LabelColumnName}' has {count} classes; the training "
                + $"data has {classCount}. Map both with the same MapValueToKey transformer.",
                parameter);
        }
    }

    private void EnsureHasRows(IDataView input)
    {
        using var cursor = input.GetRowCursor([]);
        if (!cursor.MoveNext())
        {
            throw new ArgumentException("The training data has no rows; a classifier needs at least one example.",
                nameof(input));
        }
    }

    private PixelNormalization Normalization(ImageShape shape)
    {
        float[] mean = _options.ChannelMean?.ToArray() ?? [];
        float[] std = _options.ChannelStd?.ToArray() ?? [];
        OptionsValidator.CheckChannelCount(mean, nameof(Options.ChannelMean), shape.Channels);
        OptionsValidator.CheckChannelCount(std, nameof(Options.ChannelStd), shape.Channels);
        return new PixelNormalization(_options.PixelScale, mean, std);
    }
}
