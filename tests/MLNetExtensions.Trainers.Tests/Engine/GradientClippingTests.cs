using MLNetExtensions.Trainers.Engine;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Engine;

public class GradientClippingTests
{
    [Fact]
    public void ClipByGlobalNorm_NormAboveMax_ScalesAllGradientsByMaxOverNorm()
    {
        // Gradients [3, 4] and [12]: global norm sqrt(9 + 16 + 144) = 13; max 6.5 -> factor 6.5 / 13 = 0.5.
        using var scope = NewDisposeScope();
        var parameters = WithGradients([3f, 4f], [12f]);

        var norm = GradientClipping.ClipByGlobalNorm(parameters, 6.5);

        Assert.Equal(13.0, norm, 5);
        Assert.Equal([1.5f, 2f], Gradient(parameters[0]), new FloatTolerance(1e-5f));
        Assert.Equal([6f], Gradient(parameters[1]), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void ClipByGlobalNorm_NormBelowMax_LeavesGradientsUnchanged()
    {
        using var scope = NewDisposeScope();
        var parameters = WithGradients([3f, 4f], [12f]);

        var norm = GradientClipping.ClipByGlobalNorm(parameters, 20);

        Assert.Equal(13.0, norm, 5);
        Assert.Equal([3f, 4f], Gradient(parameters[0]));
        Assert.Equal([12f], Gradient(parameters[1]));
    }

    private static Parameter[] WithGradients(params float[][] gradients)
    {
        // d(sum(g * p))/dp = g, so one backward pass puts each g into its parameter's gradient.
        var parameters = gradients.Select(g => new Parameter(zeros(g.Length))).ToArray();
        var total = parameters.Select((p, i) => (p * tensor(gradients[i])).sum()).Aggregate((a, b) => a + b);
        total.backward();
        return parameters;
    }

    private static float[] Gradient(Parameter parameter) => parameter.grad!.data<float>().ToArray();

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
