using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingProfile;

/// <summary>
/// Times 2x2/2 max pooling on LeNet-5's two pooled shapes (batch 128) in the forms that were
/// considered: libtorch's <c>max_pool2d</c>, two maxima over strided views (rows, then columns; what
/// the network uses without a gradient), and a gather through indices computed from the same
/// comparisons (forward and backward, the training candidate). Also checks that each form gives
/// libtorch's values and, with a gradient, libtorch's gradients.
/// </summary>
internal static class MaxPoolForms
{
    public static void Run()
    {
        torch.set_num_threads(2);
        foreach (long[] shape in new[] { new long[] { 128, 6, 28, 28 }, new long[] { 128, 16, 10, 10 } })
        {
            Console.WriteLine(string.Join(" x ", shape));
            var x = randn(shape, generator: new Generator(seed: 1)).relu();   // pooled maps follow a ReLU
            var reference = nn.functional.max_pool2d(x, 2, 2);
            Console.WriteLine($"  strided maxima equal: {Same(reference, StridedMaxima(x))}, gather equal: {Same(reference, Gather(x))}");
            using (no_grad())
            {
                Time("  forward, max_pool2d", () => nn.functional.max_pool2d(x, 2, 2));
                Time("  forward, strided maxima", () => StridedMaxima(x));
                Time("  forward, gather", () => Gather(x));
            }

            var input = x.detach().requires_grad_(true);
            Time("  forward + backward, max_pool2d", () => Backward(input, nn.functional.max_pool2d(input, 2, 2)));
            Time("  forward + backward, gather", () => Backward(input, Gather(input)));
            Console.WriteLine($"  gather gradient equal: {SameGradient(x)}");
        }
    }

    private static Tensor StridedMaxima(Tensor x)
    {
        long h = x.shape[2] / 2 * 2, w = x.shape[3] / 2 * 2;
        using var rows = maximum(
            x[.., .., TensorIndex.Slice(0, h, 2), TensorIndex.Slice(0, w)],
            x[.., .., TensorIndex.Slice(1, h, 2), TensorIndex.Slice(0, w)]);
        return maximum(rows[.., .., .., TensorIndex.Slice(0, w, 2)], rows[.., .., .., TensorIndex.Slice(1, w, 2)]);
    }

    /// <summary>Row-major first maximum of each window (as max_pool2d picks it), then a gather.</summary>
    private static Tensor Gather(Tensor x)
    {
        long n = x.shape[0], c = x.shape[1], width = x.shape[3], h = x.shape[2] / 2 * 2, w = width / 2 * 2;
        Tensor index;
        using (no_grad())
        {
            var left = x[.., .., TensorIndex.Slice(0, h), TensorIndex.Slice(0, w, 2)];
            var right = x[.., .., TensorIndex.Slice(0, h), TensorIndex.Slice(1, w, 2)];
            var pickRight = right.gt(left);
            var columnMaxima = maximum(left, right);
            var pickBottom = columnMaxima[.., .., TensorIndex.Slice(1, h, 2)].gt(columnMaxima[.., .., TensorIndex.Slice(0, h, 2)]);
            var column = where(pickBottom, pickRight[.., .., TensorIndex.Slice(1, h, 2)], pickRight[.., .., TensorIndex.Slice(0, h, 2)]);
            var corner = arange(0, h, 2, dtype: ScalarType.Int64).view(-1, 1).mul(width).add(arange(0, w, 2, dtype: ScalarType.Int64).view(1, -1));
            index = pickBottom.to(ScalarType.Int64).mul_(width).add_(column).add_(corner).view(n, c, -1);
        }

        return x.flatten(2).gather(2, index).view(n, c, h / 2, w / 2);
    }

    private static Tensor Backward(Tensor input, Tensor output)
    {
        output.sum().backward();
        input.grad!.zero_();
        return output;
    }

    private static bool SameGradient(Tensor x)
    {
        using var scope = NewDisposeScope();
        var upstream = randn(nn.functional.max_pool2d(x, 2, 2).shape, generator: new Generator(seed: 2));
        var a = x.detach().requires_grad_(true);
        var b = x.detach().requires_grad_(true);
        nn.functional.max_pool2d(a, 2, 2).mul(upstream).sum().backward();
        Gather(b).mul(upstream).sum().backward();
        return Same(a.grad!, b.grad!);
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static void Time(string name, Func<Tensor> run, int rounds = 200)
    {
        for (int i = 0; i < 20; i++)
        {
            using var warm = NewDisposeScope();
            run();
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            using var scope = NewDisposeScope();
            run();
        }

        Console.WriteLine($"{name,-36} {clock.Elapsed.TotalMilliseconds * 1000 / rounds,7:F0} us");
    }
}
