namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// The shape of one image tensor as a network sees it: channels, height and width (CHW order).
/// </summary>
/// <param name="Channels">Number of colour channels (1 for grey, 3 for RGB).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Gets the number of values in one image: <c>Channels * Height * Width</c>.</summary>
    public long ElementCount => (long)Channels * Height * Width;

    /// <summary>Returns the shape as <c>CxHxW</c>, for example <c>1x28x28</c>.</summary>
    /// <returns>The shape in <c>CxHxW</c> form.</returns>
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
