using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Cnn.Architectures.Layers;

/// <summary>
/// A basic residual block (He et al., 2016, fig. 2): conv-BN-ReLU-conv-BN, plus the input or its
/// projection, then ReLU. The projection (a strided convolution and BN) is used when the stride or
/// the channel count changes.
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly nn.Module<Tensor, Tensor>? shortcut;

    public ResidualBlock(string name, ResidualBlockShape shape)
        : base(name)
    {
        long inC = shape.InChannels;
        long outC = shape.OutChannels;
        int s = shape.Stride;
        int kernel = FirstKernel(s);
        conv1 = nn.Conv2d(inC, outC, kernel, stride: s, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(outC);
        conv2 = nn.Conv2d(outC, outC, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outC);
        if (s != 1 || inC != outC)
        {
            shortcut = nn.Sequential(
                ("conv", nn.Conv2d(inC, outC, s, stride: s, bias: false)),
                ("bn", nn.BatchNorm2d(outC)));
        }

        RegisterComponents();
    }

    /// <summary>
    /// Kernel of the first convolution: 3 at stride 1; stride + 2 (with padding 1) when strided, so that
    /// (W + 2 - (s + 2))/s + 1 = W/s exactly for any W divisible by s.
    /// </summary>
    public static int FirstKernel(int stride) => stride == 1 ? 3 : stride + 2;

    public override Tensor forward(Tensor input)
    {
        using var a = conv1.forward(input);
        using var b = bn1.forward(a);
        b.relu_();
        using var c = conv2.forward(b);
        var d = bn2.forward(c);
        if (shortcut is null)
        {
            d.add_(input);
        }
        else
        {
            using var projected = shortcut.forward(input);
            d.add_(projected);
        }

        return d.relu_();
    }
}
