using Microsoft.ML;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Detection;

/// <summary>
/// Object-detection evaluation on <see cref="MLContext"/>, in the style of ML.NET's catalog Evaluate methods.
/// </summary>
public static class DetectionEvaluationExtensions
{
    /// <summary>Computes COCO bounding-box metrics from a scored data view with one row per image.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="data">Rows of ground truth and predictions (see <see cref="DetectionColumns"/>).</param>
    /// <param name="labelColumnName">Ground-truth categories: a vector of keys, UInt32 or Int32.</param>
    /// <param name="boxColumnName">Ground-truth boxes: a vector of Single, xyxy, 4 per box.</param>
    /// <param name="predictedLabelColumnName">Predicted categories.</param>
    /// <param name="predictedBoxColumnName">Predicted boxes: a vector of Single, xyxy, 4 per box.</param>
    /// <param name="scoreColumnName">Scores: a vector of Single, one per predicted box.</param>
    /// <param name="imageIdColumnName">Image ids; null numbers images by row.</param>
    /// <returns>The COCO metrics; ground-truth areas are box areas, and no box is a crowd.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mlContext"/> or <paramref name="data"/> is
    /// null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidDataException">A row's vectors have inconsistent lengths, an image id repeats, a box
    /// is not finite or has a negative width or height, or a score is NaN; the message names the row and
    /// column.</exception>
    public static CocoDetectionMetrics EvaluateObjectDetection(
        this MLContext mlContext,
        IDataView data,
        string labelColumnName = DetectionColumns.DefaultLabel,
        string boxColumnName = DetectionColumns.DefaultBox,
        string predictedLabelColumnName = DetectionColumns.DefaultPredictedLabel,
        string predictedBoxColumnName = DetectionColumns.DefaultPredictedBox,
        string scoreColumnName = DetectionColumns.DefaultScore,
        string? imageIdColumnName = DetectionColumns.DefaultImageId)
    {
        var columns = new DetectionColumns
        {
            Label = labelColumnName,
            Box = boxColumnName,
            PredictedLabel = predictedLabelColumnName,
            PredictedBox = predictedBoxColumnName,
            Score = scoreColumnName,
            ImageId = imageIdColumnName,
        };
        return mlContext.EvaluateObjectDetection(data, columns, new CocoEvaluationOptions());
    }

    /// <summary>Computes COCO bounding-box metrics with explicit columns, box format and evaluation options.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="data">Rows of ground truth and predictions.</param>
    /// <param name="columns">Column names and box format.</param>
    /// <param name="options">COCO evaluation options.</param>
    /// <returns>The COCO metrics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidDataException">A row's vectors have inconsistent lengths, an image id repeats, a box
    /// is not finite or has a negative width or height, or a score is NaN; the message names the row and
    /// column.</exception>
    public static CocoDetectionMetrics EvaluateObjectDetection(
        this MLContext mlContext,
        IDataView data,
        DetectionColumns columns,
        CocoEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var (groundTruth, detections) = DetectionDataViewLoader.Load(data, columns);
        return CocoEvaluator.Evaluate(groundTruth, detections, options);
    }
}
