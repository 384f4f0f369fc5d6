using Microsoft.ML;
using MLNetExtensions.Trainers.Cnn.Architectures;

namespace MLNetExtensions.Trainers.Cnn.Input;

/// <summary>How a CNN classifier reads its feature column: which column, what kind, which shape, which
/// normalisation.</summary>
/// <param name="ColumnName">The feature column's name.</param>
/// <param name="Kind">The kind of column, picked from its type.</param>
/// <param name="Shape">The network's input shape.</param>
/// <param name="ResizePolicy">What to do with images of another size.</param>
/// <param name="Normalization">The pixel normalisation.</param>
internal sealed record ImageInputSettings(
    string ColumnName,
    ImageInputKind Kind,
    ImageShape Shape,
    ImageResizePolicy ResizePolicy,
    PixelNormalization Normalization)
{
    /// <summary>Values per example: C*H*W.</summary>
    public int FeatureLength => checked((int)Shape.ElementCount);

    /// <summary>Creates the pixel reader for <paramref name="row"/>, which must have the feature column
    /// active.</summary>
    public IPixelSource CreatePixelSource(DataViewRow row) => Kind switch
    {
        ImageInputKind.Image => new ImageColumnSource(row, ColumnName, Shape, ResizePolicy),
        ImageInputKind.EncodedImage => new EncodedImageSource(row, ColumnName, Shape, ResizePolicy),
        _ => new PixelVectorSource(row, ColumnName),
    };

    /// <summary>Reads the current row of <paramref name="source"/> into <paramref name="destination"/>,
    /// normalised.</summary>
    public void ReadNormalized(IPixelSource source, Span<float> destination)
    {
        source.Read(destination);
        Normalization.Apply(destination, Shape.Channels);
    }
}
