using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>
/// Appends named layers to a network while tracking the shape of one example, so that every layer
/// is checked against the size rule when it is added and the summary knows every output shape.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly List<NamedLayer> _layers = [];
    private ImageShape _shape;
    private long? _features;

    public NetworkBuilder(ImageShape input) => _shape = input;

    /// <summary>Gets the current feature-map shape; only valid before <see cref="Flatten"/>.</summary>
    public ImageShape Shape => _shape;

    public void Conv(string name, int outChannels, int kernel, int padding, int stride, bool bias)
    {
        int h = LayerSize.Output(name, "height", _shape.Height, kernel, padding, stride);
        int w = LayerSize.Output(name, "width", _shape.Width, kernel, padding, stride);
        var conv = nn.Conv2d(_shape.Channels, outChannels, kernel, stride: stride, padding: padding, bias: bias);
        _shape = new ImageShape(outChannels, h, w);
        AddSpatial(name, $"Conv2d {kernel}x{kernel}/{stride} pad {padding}", conv);
    }

    public void BatchNorm(string name) => AddSpatial(name, "BatchNorm2d", nn.BatchNorm2d(_shape.Channels));

    public void Relu(string name) => Add(name, "ReLU", nn.ReLU(inplace: true), CurrentShape());

    public void Dropout(string name, double probability) =>
        Add(name, $"Dropout p={probability}", nn.Dropout(probability), CurrentShape());

    public void Pool(string name, PoolSpec pool)
    {
        int h = LayerSize.Output(name, "height", _shape.Height, pool.Size, pool.Padding, pool.Stride);
        int w = LayerSize.Output(name, "width", _shape.Width, pool.Size, pool.Padding, pool.Stride);
        var module = CreatePool(name, pool);
        _shape = _shape with { Height = h, Width = w };
        AddSpatial(name, $"{pool.Kind}Pool2d {pool.Size}x{pool.Size}/{pool.Stride} pad {pool.Padding}", module);
    }

    public void GlobalAveragePool(string name)
    {
        _shape = _shape with { Height = 1, Width = 1 };
        AddSpatial(name, "AdaptiveAvgPool2d 1x1", nn.AdaptiveAvgPool2d(1));
    }

    public void Residual(string name, int outChannels, int stride)
    {
        int kernel = ResidualBlock.FirstKernel(stride);
        LayerSize.Output($"{name}.conv1", "height", _shape.Height, kernel, 1, stride);
        LayerSize.Output($"{name}.conv1", "width", _shape.Width, kernel, 1, stride);
        int h = LayerSize.Output($"{name}.shortcut", "height", _shape.Height, stride, 0, stride);
        int w = LayerSize.Output($"{name}.shortcut", "width", _shape.Width, stride, 0, stride);
        var block = new ResidualBlock(name, new ResidualBlockShape(_shape.Channels, outChannels, stride));
        _shape = new ImageShape(outChannels, h, w);
        AddSpatial(name, $"ResidualBlock /{stride}", block);
    }

    public void Flatten(string name)
    {
        _features = _shape.ElementCount;
        Add(name, "Flatten", nn.Flatten(), [checked((int)_features.Value)]);
    }

    public void Linear(string name, int outFeatures)
    {
        long inFeatures = _features ?? throw new InvalidOperationException("Linear layers need Flatten first.");
        _features = outFeatures;
        Add(name, "Linear", nn.Linear(inFeatures, outFeatures), [outFeatures]);
    }

    public IReadOnlyList<NamedLayer> Layers => _layers;

    private static nn.Module<Tensor, Tensor> CreatePool(string name, PoolSpec pool) => pool.Kind switch
    {
        PoolingKind.Max => new MaxPool2d(name, pool.Size, pool.Stride, pool.Padding),
        PoolingKind.Average => nn.AvgPool2d(pool.Size, pool.Stride, pool.Padding),
        PoolingKind.L2 => new L2Pool2d(name, pool.Size, pool.Stride, pool.Padding),
        _ => throw new ArgumentOutOfRangeException(
            nameof(pool), pool.Kind, $"{name}: pooling kind {pool.Kind} is not one of Max, Average, L2."),
    };

    private int[] CurrentShape() =>
        _features is long f ? [checked((int)f)] : [_shape.Channels, _shape.Height, _shape.Width];

    private void AddSpatial(string name, string kind, nn.Module<Tensor, Tensor> module) =>
        Add(name, kind, module, [_shape.Channels, _shape.Height, _shape.Width]);

    private void Add(string name, string kind, nn.Module<Tensor, Tensor> module, int[] shape) =>
        _layers.Add(new NamedLayer(name, kind, module, shape));
}
