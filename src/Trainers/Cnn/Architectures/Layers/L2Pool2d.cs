using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>
/// L2 pooling: sqrt of the sum of squares over each window, the value of <c>torch.nn.LPPool2d(2, k, s)</c>.
/// </summary>
/// <remarks>
/// The sum is clamped at 1e-12 before the square root so that an all-zero window (common after
/// ReLU) has a finite gradient; its value is then 1e-6 instead of 0. PyTorch's LPPool2d returns
/// 0 there and a NaN gradient.
/// </remarks>
internal sealed class L2Pool2d : nn.Module<Tensor, Tensor>
{
    private const double SumFloor = 1e-12;

    private readonly long _size;
    private readonly long _stride;
    private readonly long _padding;

    public L2Pool2d(string name, int size, int stride, int padding)
        : base(name)
    {
        _size = size;
        _stride = stride;
        _padding = padding;
    }

    public override Tensor forward(Tensor input)
    {
        using var squares = input.square();

        // divisor_override = 1 turns average pooling into a window sum.
        using var sums = nn.functional.avg_pool2d(
            squares, _size, _stride, _padding, ceil_mode: false, count_include_pad: true, divisor_override: 1);
        using var floored = sums.clamp_min(SumFloor);
        return floored.sqrt();
    }
}
