using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

[Collection(TrainedSubsetCollection.Name)]
public sealed class ImageInputTests(TrainedSubsetModel fixture) : IDisposable
{
    private const int Images = 24;
    private readonly string _directory = Directory.CreateTempSubdirectory("cnn-png-").FullName;
    private readonly MLContext _ml = fixture.Context;

    [Fact]
    public void Transform_MLImageAndEncodedBytesOfSamePngs_ScoreLikePixelVector()
    {
        var files = _ml.Data.LoadFromEnumerable(PngFiles.WriteFirst(_ml, fixture.Test, Images, _directory));
        var expected = ScoreReading.Scores(fixture.Model.Transform(_ml.Data.TakeRows(fixture.Test, Images)));

        var images = _ml.Transforms.LoadImages(MnistDataView.PixelsColumnName, null, "Path")
            .Fit(files).Transform(files);
        var bytes = _ml.Transforms.LoadRawImageBytes(MnistDataView.PixelsColumnName, null, "Path")
            .Fit(files).Transform(files);

        ScoreReading.AssertClose(expected, ScoreReading.Scores(fixture.Model.Transform(images)), 1e-4f);
        ScoreReading.AssertClose(expected, ScoreReading.Scores(fixture.Model.Transform(bytes)), 1e-4f);
    }

    [Fact]
    public void Fit_EncodedBytesLikeVisionTrainer_InfersShapeAndSavesAndLoads()
    {
        var data = KeyedFiles(PngFiles.WriteFirst(_ml, FashionSubset.Train(), 60, _directory));
        var pipeline = _ml.Transforms.LoadRawImageBytes("Image", null, "Path")
            .Append(_ml.MulticlassClassification.Trainers.ImageClassificationCnn(Options("Image")));

        var model = pipeline.Fit(data);
        var classifier = model.LastTransformer;
        string path = Path.Combine(_directory, "bytes-model.zip");
        _ml.Model.Save(model, data.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);

        Assert.Equal(ImageInputKind.EncodedImage, classifier.InputKind);
        Assert.Equal(new(3, 28, 28), classifier.InputShape);
        var scores = ScoreReading.Scores(model.Transform(data));
        Assert.All(scores, row => Assert.InRange(row.Sum(), 0.9999f, 1.0001f));
        ScoreReading.AssertClose(scores, ScoreReading.Scores(loaded.Transform(data)), 0f);
    }

    [Fact]
    public void Fit_MLImageColumn_TrainsOnImageInput()
    {
        var data = KeyedFiles(PngFiles.WriteFirst(_ml, FashionSubset.Train(), 40, _directory));
        var options = Options("Image");
        options.ImageChannels = 1;
        var pipeline = _ml.Transforms.LoadImages("Image", null, "Path")
            .Append(_ml.MulticlassClassification.Trainers.ImageClassificationCnn(options));

        var classifier = pipeline.Fit(data).LastTransformer;

        Assert.Equal(ImageInputKind.Image, classifier.InputKind);
        Assert.Equal(new(1, 28, 28), classifier.InputShape);
        Assert.Single(classifier.TrainingResult!.History);
    }

    [Fact]
    public void Transform_SmallerImage_IsResizedByDefault()
    {
        var path = PngFiles.WriteGrey(_directory, "small.png", new float[20 * 20], 20, 20);
        var files = _ml.Data.LoadFromEnumerable([new PngFiles.PathRow { Path = path, Label = 1 }]);
        var images = _ml.Transforms.LoadImages(MnistDataView.PixelsColumnName, null, "Path")
            .Fit(files).Transform(files);
        var black = _ml.Data.LoadFromEnumerable([new CnnClassifierEndToEndTests.PixelRow { Pixels = new float[784] }]);

        // A black 20x20 image resized is a black 28x28 image.
        ScoreReading.AssertClose(
            ScoreReading.Scores(fixture.Model.Transform(black)),
            ScoreReading.Scores(fixture.Model.Transform(images)),
            1e-6f);
    }

    [Fact]
    public void Transform_OtherSizeWithRejectPolicy_ThrowsNamingRowAndSizes()
    {
        var data = KeyedFiles(PngFiles.WriteFirst(_ml, FashionSubset.Train(), 20, _directory));
        var options = Options("Image");
        options.ResizePolicy = ImageResizePolicy.Reject;
        var model = _ml.Transforms.LoadImages("Image", null, "Path")
            .Append(_ml.MulticlassClassification.Trainers.ImageClassificationCnn(options)).Fit(data);
        var small = PngFiles.WriteGrey(_directory, "small.png", new float[20 * 16], 20, 16);
        var smallData = KeyedFiles([new PngFiles.PathRow { Path = small, Label = 1 }]);

        var error = Assert.Throws<InvalidDataException>(() => ScoreReading.Scores(model.Transform(smallData)));

        Assert.Contains("Row 0 of image column 'Image'", error.Message);
        Assert.Contains("20x16", error.Message);
        Assert.Contains("28x28", error.Message);
    }

    [Fact]
    public void Transform_UnreadableImageBytes_ThrowsNamingRowAndColumn()
    {
        string good = PngFiles.WriteFirst(_ml, fixture.Test, 1, _directory)[0].Path;
        string broken = Path.Combine(_directory, "broken.png");
        File.WriteAllBytes(broken, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5]);
        var files = _ml.Data.LoadFromEnumerable(
            [new PngFiles.PathRow { Path = good }, new PngFiles.PathRow { Path = broken }]);
        var bytes = _ml.Transforms.LoadRawImageBytes(MnistDataView.PixelsColumnName, null, "Path")
            .Fit(files).Transform(files);

        var error = Assert.Throws<InvalidDataException>(() => ScoreReading.Scores(fixture.Model.Transform(bytes)));

        Assert.Contains($"Row 1 of encoded image column '{MnistDataView.PixelsColumnName}'", error.Message);
        Assert.Contains("not a readable image", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IDataView KeyedFiles(PngFiles.PathRow[] rows)
    {
        var data = _ml.Data.LoadFromEnumerable(rows);
        return _ml.Transforms.Conversion.MapValueToKey("Label", "Label").Fit(data).Transform(data);
    }

    private static CnnImageClassificationTrainer.Options Options(string featureColumn) => new()
    {
        FeatureColumnName = featureColumn,
        Training = new TrainingOptions
        {
            Epochs = 1,
            BatchSize = 16,
            Seed = 3,
            Threads = 2,
            Device = TorchDevice.Cpu,
        },
    };
}
