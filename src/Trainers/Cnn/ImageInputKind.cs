namespace MLNetExtensions.Trainers.Cnn;

/// <summary>The kinds of feature column the CNN image classifier reads; the column's type picks one.</summary>
public enum ImageInputKind
{
    /// <summary>An <c>MLImage</c> column, as produced by <c>mlContext.Transforms.LoadImages</c>.</summary>
    Image,

    /// <summary>
    /// A known-size vector of <see cref="float"/> pixels in channel-major (CHW) order, whose width,
    /// height and channel count are declared in the options (for example MNIST's 784 grey values).
    /// </summary>
    PixelVector,

    /// <summary>
    /// A variable-size vector of <see cref="byte"/> holding an encoded image file (PNG, JPEG, ...),
    /// as produced by <c>mlContext.Transforms.LoadRawImageBytes</c>.
    /// </summary>
    EncodedImage,
}
