using MLNetExtensions.Trainers.Cnn.Input;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

public sealed class PixelTransformsTests
{
    private static readonly float[] TwoByThree = [0, 10, 20, 30, 40, 50];

    [Fact]
    public void Resize_2x3To4x5_MatchesPyTorchBilinear()
    {
        // torch.nn.functional.interpolate(x.reshape(1, 1, 2, 3), size=(4, 5), mode="bilinear",
        // align_corners=False) with PyTorch 1.13.
        float[] expected =
        [
            0f, 4f, 10f, 16f, 20f,
            7.5f, 11.5f, 17.5f, 23.5f, 27.5f,
            22.5f, 26.5f, 32.5f, 38.5f, 42.5f,
            30f, 34f, 40f, 46f, 50f,
        ];
        var actual = new float[20];

        BilinearResizer.Resize(TwoByThree, 1, 2, 3, actual, 4, 5);

        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void Resize_2x3To1x2_MatchesPyTorchBilinear()
    {
        // Same call with size=(1, 2): sources at (0.5, 0.25) and (0.5, 1.75).
        var actual = new float[2];

        BilinearResizer.Resize(TwoByThree, 1, 2, 3, actual, 1, 2);

        Assert.Equal([17.5f, 32.5f], actual, (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void Normalize_ScaleThenPerChannelMeanAndStd_HandWorked()
    {
        // Channel 0: (255 / 255 - 0.5) / 0.25 = 2; channel 1: (51 / 255 - 0.1) / 0.5 = 0.2.
        var planes = new float[] { 255, 0, 51, 102 };
        var normalization = new PixelNormalization(1f / 255f, [0.5f, 0.1f], [0.25f, 0.5f]);

        normalization.Apply(planes, channels: 2);

        Assert.Equal([2f, -2f, 0.2f, 0.6f], planes, (a, b) => Math.Abs(a - b) < 1e-5f);
    }
}
