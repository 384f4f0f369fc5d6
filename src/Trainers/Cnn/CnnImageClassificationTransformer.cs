using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Cnn.Input;
using MLNetExtensions.Trainers.Cnn.Scoring;
using MLNetExtensions.Trainers.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn;

/// <summary>
/// A trained convolutional image classifier: adds <c>Score</c> (softmax probabilities whose slot
/// names are the class names) and <c>PredictedLabel</c> (a key with the class names as key values).
/// Created by <see cref="CnnImageClassificationTrainer"/>; saved and loaded by
/// <c>mlContext.Model.Save</c> / <c>Load</c> like ML.NET's own transformers.
/// </summary>
/// <remarks>
/// <see cref="Transform"/> scores in batches of <see cref="ScoringBatchSize"/> rows; <c>PredictionEngine</c>
/// scores one row per call. Forward passes run one at a time under <c>no_grad</c> in eval mode.
/// The transformer is deliberately not <see cref="IDisposable"/>: ML.NET's <c>PredictionEngine</c> disposes
/// disposable transformers, which would break every other user of a shared model. The network's native
/// memory is released when the transformer is garbage-collected.
/// Load models only from trusted sources: a model file holds code paths and weights that are run.
/// </remarks>
public sealed partial class CnnImageClassificationTransformer : ITransformer
{
    private readonly IHost _host;
    private readonly ImageInputSettings _input;
    private readonly BatchPredictor _predictor;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly DataViewSchema.DetachedColumn[] _outputColumns;

    internal CnnImageClassificationTransformer(
        IHostEnvironment env,
        CnnArchitecture architecture,
        nn.Module<Tensor, Tensor> network,
        ImageInputSettings input,
        IReadOnlyList<string> classNames,
        ScoringNames names,
        TrainingResult? trainingResult)
    {
        _host = env.Register(nameof(CnnImageClassificationTransformer));
        Architecture = architecture;
        _network = network;
        _input = input;
        ClassNames = classNames.ToArray();
        ScoreColumnName = names.Score;
        PredictedLabelColumnName = names.PredictedLabel;
        ScoringBatchSize = names.BatchSize;
        TrainingResult = trainingResult;
        long[] imageShape = [input.Shape.Channels, input.Shape.Height, input.Shape.Width];
        _predictor = new BatchPredictor(network, imageShape, DeviceOf(network));
        _outputColumns = ScoreColumns.Create(ScoreColumnName, PredictedLabelColumnName, ClassNames);
    }

    /// <summary>Gets the network's architecture.</summary>
    public CnnArchitecture Architecture { get; }

    /// <summary>Gets the network's input shape.</summary>
    public ImageShape InputShape => _input.Shape;

    /// <summary>Gets the kind of feature column the model was trained on.</summary>
    public ImageInputKind InputKind => _input.Kind;

    /// <summary>Gets the feature column's name.</summary>
    public string FeatureColumnName => _input.ColumnName;

    /// <summary>Gets the name of the probabilities column.</summary>
    public string ScoreColumnName { get; }

    /// <summary>Gets the name of the predicted key column.</summary>
    public string PredictedLabelColumnName { get; }

    /// <summary>Gets the class names, in key order (key 1 is the first).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Gets the number of rows per forward pass when a data view is transformed.</summary>
    public int ScoringBatchSize { get; }

    /// <summary>Gets the training history, or null for a transformer loaded from a model file.</summary>
    public TrainingResult? TrainingResult { get; }

    /// <summary>Gets a value indicating that this transformer maps rows one to one (always true).</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The input schema with Score and PredictedLabel added.</summary>
    /// <param name="inputSchema">The schema to be transformed.</param>
    /// <returns>The output schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The feature column is missing or of an unusable type.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        BindModel(inputSchema, nameof(inputSchema));
        return new ColumnBindings(inputSchema, _outputColumns).Schema;
    }

    /// <summary>Scores <paramref name="input"/> lazily, in batches, when its rows are read.</summary>
    /// <param name="input">Data with the feature column.</param>
    /// <returns>The input plus Score and PredictedLabel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The feature column is missing or of an unusable type.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ScoredDataView(_host, input, BindModel(input.Schema, nameof(input)));
    }

    /// <summary>A row-to-row mapper that scores one row per call (used by <c>PredictionEngine</c>).</summary>
    /// <param name="inputSchema">The schema of the rows to score.</param>
    /// <returns>The mapper.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The feature column is missing or of an unusable type.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        var model = BindModel(inputSchema, nameof(inputSchema));
        return new RowToRowMapperTransform(
            _host,
            new EmptyDataView(_host, inputSchema),
            new CnnRowMapper(model, inputSchema),
            schema => new CnnRowMapper(BindModel(schema, nameof(schema)), schema));
    }

    /// <summary>Where the network's weights are: it is scored where it was trained or loaded.</summary>
    private static TorchDevice DeviceOf(nn.Module<Tensor, Tensor> network)
    {
        var device = network.parameters().FirstOrDefault()?.device;
        return device?.type == DeviceType.CUDA ? TorchDevice.Cuda(device.index) : TorchDevice.Cpu;
    }

    private ScoringModel BindModel(DataViewSchema inputSchema, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(inputSchema, parameterName);
        var kind = InputColumnRules.FeatureKind(inputSchema, FeatureColumnName, parameterName);
        var type = inputSchema[FeatureColumnName].Type;
        if (kind == ImageInputKind.PixelVector && type.GetValueCount() != _input.FeatureLength)
        {
            throw new ArgumentException(
                $"The feature column '{FeatureColumnName}' has type {type}; this model expects a vector of "
                + $"{_input.FeatureLength} Single values ({InputShape} pixels in CHW order).",
                parameterName);
        }

        return new ScoringModel(
            _input with { Kind = kind }, _predictor, ClassNames.Count, _outputColumns, ScoringBatchSize, this);
    }
}
