using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

public sealed class DetectionEvaluationExtensionsTests
{
    [Fact]
    public void ScoredDataView_GivesPycocotoolsFigures()
    {
        // Integer boxes and scores k/1024 are exact in Single, so the data view carries the JSON values unchanged.
        var oracle = CocoOracleCase.Load("dataview", "integer_boxes");
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(ToRows(oracle));

        CocoDetectionMetrics metrics = mlContext.EvaluateObjectDetection(data);

        oracle.AssertMatches(metrics);
    }

    [Fact]
    public void BoxColumnOfWrongType_ThrowsNamingRoleAndTypes()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { new WrongBoxRow() });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.EvaluateObjectDetection(data));

        Assert.Contains("box column 'Box' must be a vector of Single but is", error.Message);
    }

    [Fact]
    public void BoxesNotFourPerLabel_ThrowsNamingTheRow()
    {
        var mlContext = new MLContext(seed: 1);
        var row = new ImageRow { ImageId = 3, Label = [1, 2], Box = [0, 0, 5, 5] };
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { row });

        var error = Assert.Throws<InvalidDataException>(() => mlContext.EvaluateObjectDetection(data));

        Assert.Contains("Row 0", error.Message);
        Assert.Contains("holds 2 labels", error.Message);
    }

    [Fact]
    public void NaNScore_ThrowsNamingRowAndColumn()
    {
        var mlContext = new MLContext(seed: 1);
        var good = new ImageRow { ImageId = 1, Label = [1], Box = [0, 0, 5, 5] };
        var bad = Predicted(2, [0, 0, 5, 5], float.NaN);
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { good, bad });

        var error = Assert.Throws<InvalidDataException>(() => mlContext.EvaluateObjectDetection(data));

        Assert.StartsWith("Row 1: score 0 of column 'Score' is NaN", error.Message);
    }

    [Fact]
    public void InvertedXyxyBox_ThrowsNamingRowAndColumn()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { Predicted(1, [10, 0, 5, 5], 0.5f) });

        var error = Assert.Throws<InvalidDataException>(() => mlContext.EvaluateObjectDetection(data));

        Assert.StartsWith("Row 0: box 0 of column 'PredictedBoundingBoxes' is [x 10, y 0, width -5", error.Message);
    }

    [Fact]
    public void RepeatedImageId_ThrowsNamingRowAndColumn()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(
            new[] { Predicted(4, [0, 0, 5, 5], 0.5f), Predicted(4, [0, 0, 5, 5], 0.5f) });

        var error = Assert.Throws<InvalidDataException>(() => mlContext.EvaluateObjectDetection(data));

        Assert.StartsWith("Row 1: image id 4 in column 'ImageId' was already used", error.Message);
    }

    private static ImageRow Predicted(long imageId, float[] box, float score) => new()
    {
        ImageId = imageId,
        Label = [1],
        Box = [0, 0, 5, 5],
        PredictedLabel = [1],
        PredictedBoundingBoxes = box,
        Score = [score],
    };

    private static List<ImageRow> ToRows(CocoOracleCase oracle)
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(oracle.GroundTruthPath);
        var dt = CocoJsonReader.ReadResults(oracle.ResultsPath, gt).Detections;
        return gt.ImageIds.Select(id => new ImageRow
        {
            ImageId = id,
            Label = gt.Boxes.Where(b => b.ImageId == id).Select(b => b.CategoryId).ToArray(),
            Box = gt.Boxes.Where(b => b.ImageId == id).SelectMany(b => Xyxy(b.Box)).ToArray(),
            PredictedLabel = dt.Where(d => d.ImageId == id).Select(d => d.CategoryId).ToArray(),
            PredictedBoundingBoxes = dt.Where(d => d.ImageId == id).SelectMany(d => Xyxy(d.Box)).ToArray(),
            Score = dt.Where(d => d.ImageId == id).Select(d => (float)d.Score).ToArray(),
        }).ToList();
    }

    private static float[] Xyxy(BoundingBox box) => [(float)box.X, (float)box.Y, (float)box.X2, (float)box.Y2];

    private sealed class ImageRow
    {
        public long ImageId { get; set; }

        [VectorType]
        public int[] Label { get; set; } = [];

        [VectorType]
        public float[] Box { get; set; } = [];

        [VectorType]
        public int[] PredictedLabel { get; set; } = [];

        [VectorType]
        public float[] PredictedBoundingBoxes { get; set; } = [];

        [VectorType]
        public float[] Score { get; set; } = [];
    }

    private sealed class WrongBoxRow
    {
        public long ImageId { get; set; }

        [VectorType]
        public int[] Label { get; set; } = [1];

        [VectorType]
        public double[] Box { get; set; } = [0, 0, 1, 1];

        [VectorType]
        public int[] PredictedLabel { get; set; } = [];

        [VectorType]
        public float[] PredictedBoundingBoxes { get; set; } = [];

        [VectorType]
        public float[] Score { get; set; } = [];
    }
}
