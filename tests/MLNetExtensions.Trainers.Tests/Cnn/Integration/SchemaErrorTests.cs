using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Transforms.Data;

namespace MLNetExtensions.Trainers.Tests.Cnn.Integration;

[Collection(TrainedSubsetCollection.Name)]
public sealed class SchemaErrorTests(TrainedSubsetModel fixture)
{
    private readonly MLContext _ml = fixture.Context;

    [Fact]
    public void Fit_MissingFeatureColumn_NamesColumnRoleAndExpectedType()
    {
        var trainer = _ml.MulticlassClassification.Trainers.ImageClassificationCnn(featureColumnName: "Photo");

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(fixture.Test));

        Assert.Contains("'Photo'", error.Message);
        Assert.Contains("feature role", error.Message);
        Assert.Contains("MLImage", error.Message);
    }

    [Fact]
    public void Fit_DoubleVectorFeatures_NamesExpectedAndActualType()
    {
        var data = _ml.Data.LoadFromEnumerable([new DoubleRow { Features = new double[4], Label = 1 }]);
        var keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);

        var error = Assert.Throws<ArgumentException>(
            () => _ml.MulticlassClassification.Trainers.ImageClassificationCnn().Fit(keyed));

        Assert.Contains("feature column 'Features' has type Vector<Double, 4>", error.Message);
        Assert.Contains("known-size vector of Single", error.Message);
    }

    [Fact]
    public void Fit_FloatLabel_NamesLabelRoleAndKeyExpectation()
    {
        var data = FloatRows(4);

        var error = Assert.Throws<ArgumentException>(
            () => _ml.MulticlassClassification.Trainers.ImageClassificationCnn().Fit(data));

        Assert.Contains("label column 'Label' has type Single", error.Message);
        Assert.Contains("key of UInt32", error.Message);
    }

    [Fact]
    public void GetOutputSchema_WrongTypesInSchemaShape_FailsBeforeTraining()
    {
        var data = FloatRows(4);
        var trainer = _ml.MulticlassClassification.Trainers.ImageClassificationCnn();

        var error = Assert.Throws<ArgumentException>(() => trainer.GetOutputSchema(ShapeOf(data.Schema)));

        Assert.Contains("label column 'Label'", error.Message);
        Assert.Contains("scalar key of UInt32", error.Message);
    }

    [Fact]
    public void GetOutputSchema_ValidShape_AddsScoreVectorAndPredictedKey()
    {
        var trainer = _ml.MulticlassClassification.Trainers.ImageClassificationCnn(featureColumnName: "Pixels");

        var shape = trainer.GetOutputSchema(ShapeOf(fixture.Test.Schema));

        var score = shape.Single(c => c.Name == "Score");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, score.Kind);
        Assert.Equal(NumberDataViewType.Single, score.ItemType);
        var predicted = shape.Single(c => c.Name == "PredictedLabel");
        Assert.True(predicted.IsKey);
    }

    [Fact]
    public void TransformerGetOutputSchema_MissingFeatureColumn_NamesColumn()
    {
        var data = FloatRows(784);

        var error = Assert.Throws<ArgumentException>(() => fixture.Model.GetOutputSchema(data.Schema));

        Assert.Contains("no column named 'Pixels' for the feature role", error.Message);
    }

    [Fact]
    public void Transform_PixelVectorOfOtherLength_NamesExpectedLength()
    {
        var data = FloatRows(100);
        var renamed = _ml.Transforms.CopyColumns("Pixels", "Features").Fit(data).Transform(data);

        var error = Assert.Throws<ArgumentException>(() => fixture.Model.Transform(renamed));

        Assert.Contains("Vector<Single, 100>", error.Message);
        Assert.Contains("784 Single values (1x28x28", error.Message);
    }

    [Fact]
    public void Fit_NonSquareVectorWithoutDeclaredSize_AsksForWidthAndHeight()
    {
        var data = FloatRows(12);
        var keyed = _ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);

        var error = Assert.Throws<ArgumentException>(
            () => _ml.MulticlassClassification.Trainers.ImageClassificationCnn().Fit(keyed));

        Assert.Contains("12 values per row", error.Message);
        Assert.Contains("ImageWidth", error.Message);
    }

    [Fact]
    public void Fit_EmptyTrainingData_SaysThereAreNoRows()
    {
        var empty = _ml.Data.SkipRows(fixture.Test, 1000);

        var error = Assert.Throws<ArgumentException>(() => _ml.MulticlassClassification.Trainers
            .ImageClassificationCnn(featureColumnName: MnistDataView.PixelsColumnName).Fit(empty));

        Assert.Contains("no rows", error.Message);
    }

    [Fact]
    public void Create_ChannelStdOfWrongLength_NamesOptionWhenFitting()
    {
        var options = TrainedSubsetModel.CreateOptions();
        options.ChannelMean = [0.5f];
        options.ChannelStd = [0.2f, 0.3f, 0.4f];

        var error = Assert.Throws<ArgumentException>(
            () => _ml.MulticlassClassification.Trainers.ImageClassificationCnn(options).Fit(fixture.Test));

        Assert.Equal(nameof(options.ChannelStd), error.ParamName);
        Assert.Contains("1 finite values greater than 0", error.Message);
    }

    [Fact]
    public void Create_NegativeImageWidth_ThrowsOutOfRangeNamingOption()
    {
        var options = TrainedSubsetModel.CreateOptions();
        options.ImageWidth = -28;

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => _ml.MulticlassClassification.Trainers.ImageClassificationCnn(options));

        Assert.Equal(nameof(options.ImageWidth), error.ParamName);
        Assert.Contains("-28", error.Message);
    }

    // SchemaShape.Create is internal to ML.NET; estimator chains call it for applications.
    private static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape)
            .GetMethod("Create", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .Invoke(null, [schema])!;

    private sealed class DoubleRow
    {
        [VectorType(4)]
        public double[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private IDataView FloatRows(int length)
    {
        var definition = SchemaDefinition.Create(typeof(FloatLabelRow));
        var vector = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(FloatLabelRow.Features)].ColumnType = vector;
        return _ml.Data.LoadFromEnumerable([new FloatLabelRow { Features = new float[length], Label = 1 }], definition);
    }

    private sealed class FloatLabelRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
