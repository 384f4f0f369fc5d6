using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>
/// Max pooling with the values of <c>torch.nn.MaxPool2d(k, s, p)</c>, and a faster forward pass for
/// the common 2x2, stride 2, no padding case when no gradient is needed (scoring, validation).
/// </summary>
/// <remarks>
/// Libtorch's CPU max pool walks each window element by element on NCHW tensors: for a
/// 128 x 6 x 28 x 28 batch it took about 2.3 ms here. The same result is the element-wise maximum of
/// pairs of rows and then of columns, taken over strided views: two vectorised operations that
/// took about 0.3 ms. The values are identical (a maximum does not depend on the
/// order it is taken in, and NaN propagates in both). When autograd needs the operation (the input
/// requires a gradient) the layer uses libtorch's max pool, whose backward pass sends each window's
/// gradient to one element exactly as PyTorch does.
/// </remarks>
internal sealed class MaxPool2d : nn.Module<Tensor, Tensor>
{
    private readonly long _size;
    private readonly long _stride;
    private readonly long _padding;
    private readonly bool _twoByTwo;

    public MaxPool2d(string name, int size, int stride, int padding)
        : base(name)
    {
        _size = size;
        _stride = stride;
        _padding = padding;
        _twoByTwo = size == 2 && stride == 2 && padding == 0;
    }

    public override Tensor forward(Tensor input)
    {
        bool needsGradient = input.requires_grad && is_grad_enabled();
        return _twoByTwo && !needsGradient && input.dim() == 4
            ? TwoByTwo(input)
            : nn.functional.max_pool2d(input, _size, _stride, _padding);
    }

    private static Tensor TwoByTwo(Tensor input)
    {
        // Floor mode, as MaxPool2d: an odd last row or column is left out. Pairs of rows first (their
        // elements are contiguous, so this maximum vectorises fully), then pairs of columns of the
        // half-height result.
        long height = input.shape[2] / 2 * 2;
        long width = input.shape[3] / 2 * 2;
        var all = TensorIndex.Colon;
        var columns = TensorIndex.Slice(0, width);
        using var evenRows = input[all, all, TensorIndex.Slice(0, height, 2), columns];
        using var oddRows = input[all, all, TensorIndex.Slice(1, height, 2), columns];
        using var rowMaxima = maximum(evenRows, oddRows);
        using var evenColumns = rowMaxima[all, all, all, TensorIndex.Slice(0, width, 2)];
        using var oddColumns = rowMaxima[all, all, all, TensorIndex.Slice(1, width, 2)];
        return maximum(evenColumns, oddColumns);
    }
}
