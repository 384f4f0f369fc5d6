namespace MLNetExtensions.Trainers.Cnn;

/// <summary>What the CNN image classifier does with an image whose size differs from the network's input
/// size.</summary>
public enum ImageResizePolicy
{
    /// <summary>Resize it to the input size with bilinear interpolation (the aspect ratio is not kept).</summary>
    Resize,

    /// <summary>Fail with an <see cref="InvalidDataException"/> naming the row and both sizes.</summary>
    Reject,
}
