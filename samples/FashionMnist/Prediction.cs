namespace FashionMnistSample;

/// <summary>The columns the CNN transformer adds: class probabilities and the predicted key.</summary>
internal sealed class Prediction
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}
