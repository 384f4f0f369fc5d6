namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>Reads the current row's image as raw CHW float pixels (0..255 for 8-bit images), before
/// normalisation.</summary>
internal interface IPixelSource
{
    /// <summary>Writes the current row's pixels into <paramref name="destination"/> (length C*H*W).</summary>
    /// <exception cref="InvalidDataException">The row's image is missing, unreadable or of a rejected size.</exception>
    void Read(Span<float> destination);
}
