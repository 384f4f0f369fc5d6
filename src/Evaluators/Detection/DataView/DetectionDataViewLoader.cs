using Microsoft.ML;

namespace MLNetExtensions.Evaluators.Detection;

/// <summary>Reads ground truth and detections from a data view with one row per image.</summary>
internal sealed class DetectionDataViewLoader
{
    private readonly List<long> _images = [];
    private readonly HashSet<long> _imageSet = [];
    private readonly List<GroundTruthBox> _truths = [];
    private readonly List<DetectedBox> _detections = [];
    private readonly SortedDictionary<int, string> _categories = [];
    private readonly DetectionColumns _columns;

    private DetectionDataViewLoader(DetectionColumns columns)
    {
        _columns = columns;
    }

    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidDataException">A row's vectors have inconsistent lengths, an image id repeats, a box
    /// is not finite or has a negative size, or a score is NaN.</exception>
    public static (DetectionGroundTruth GroundTruth, IReadOnlyList<DetectedBox> Detections) Load(
        IDataView data, DetectionColumns columns)
    {
        var loader = new DetectionDataViewLoader(columns);
        loader.ReadRows(data);
        var categories = loader._categories.Select(p => new DetectionCategory(p.Key, p.Value));
        return (new DetectionGroundTruth(loader._images, categories, loader._truths), loader._detections);
    }

    private void ReadRows(IDataView data)
    {
        var label = DetectionColumnReader.Find(data, _columns.Label, "label");
        var box = DetectionColumnReader.Find(data, _columns.Box, "box");
        var predictedLabel = DetectionColumnReader.Find(data, _columns.PredictedLabel, "predicted label");
        var predictedBox = DetectionColumnReader.Find(data, _columns.PredictedBox, "predicted box");
        var score = DetectionColumnReader.Find(data, _columns.Score, "score");
        var image = _columns.ImageId is null ? (Microsoft.ML.DataViewSchema.Column?)null
            : DetectionColumnReader.Find(data, _columns.ImageId, "image id");
        string[]? names = DetectionColumnReader.KeyNames(label);

        var wanted = new[] { label, box, predictedLabel, predictedBox, score }.Concat(image is { } c ? [c] : []);
        using var cursor = data.GetRowCursor(wanted);
        var getImage = image is { } i ? DetectionColumnReader.ImageId(cursor, i) : null;
        var getLabel = DetectionColumnReader.CategoryVector(cursor, label, "label");
        var getBox = DetectionColumnReader.FloatVector(cursor, box, "box");
        var getPredictedLabel = DetectionColumnReader.CategoryVector(cursor, predictedLabel, "predicted label");
        var getPredictedBox = DetectionColumnReader.FloatVector(cursor, predictedBox, "predicted box");
        var getScore = DetectionColumnReader.FloatVector(cursor, score, "score");
        for (long row = 0; cursor.MoveNext(); row++)
        {
            long imageId = AddImage(row, getImage?.Invoke() ?? row);
            AddTruths(row, imageId, getLabel(), getBox(), names);
            AddDetections(row, imageId, getPredictedLabel(), getPredictedBox(), getScore(), names);
        }
    }

    private void AddTruths(long row, long imageId, int[] labels, float[] boxes, string[]? names)
    {
        CheckLengths(row, labels.Length, boxes.Length, _columns.Label, _columns.Box);
        for (int n = 0; n < labels.Length; n++)
        {
            BoundingBox box = CheckBox(row, n, ToBox(boxes, n), _columns.Box);
            AddCategory(labels[n], names);
            double area = box.Width * box.Height;
            _truths.Add(new GroundTruthBox(_truths.Count + 1, imageId, labels[n], box, area, false, false));
        }
    }

    private void AddDetections(long row, long imageId, int[] labels, float[] boxes, float[] scores, string[]? names)
    {
        CheckLengths(row, labels.Length, boxes.Length, _columns.PredictedLabel, _columns.PredictedBox);
        if (scores.Length != labels.Length)
        {
            throw new InvalidDataException(
                $"Row {row}: the score column '{_columns.Score}' holds {scores.Length} values but the predicted "
                + $"label column '{_columns.PredictedLabel}' holds {labels.Length}; they need one per predicted box.");
        }

        for (int n = 0; n < labels.Length; n++)
        {
            AddCategory(labels[n], names);
            BoundingBox box = CheckBox(row, n, ToBox(boxes, n), _columns.PredictedBox);
            _detections.Add(new DetectedBox(imageId, labels[n], box, CheckScore(row, n, scores[n])));
        }
    }

    private long AddImage(long row, long imageId)
    {
        if (!_imageSet.Add(imageId))
        {
            string column = _columns.ImageId ?? "(row number)";
            throw new InvalidDataException(
                $"Row {row}: image id {imageId} in column '{column}' was already used by an earlier row; "
                + "the data view needs one row per image.");
        }

        _images.Add(imageId);
        return imageId;
    }

    // Boxes with NaN, infinite or negative sizes (an xyxy box with x2 < x1) and NaN scores have no meaningful
    // overlap or rank; they would change the figures without notice.
    private static BoundingBox CheckBox(long row, int n, BoundingBox box, string column)
    {
        bool finite = double.IsFinite(box.X) && double.IsFinite(box.Y)
            && double.IsFinite(box.Width) && double.IsFinite(box.Height);
        if (!finite || box.Width < 0 || box.Height < 0)
        {
            throw new InvalidDataException(
                $"Row {row}: box {n} of column '{column}' is {Describe(box)}; boxes must be finite with "
                + "non-negative width and height.");
        }

        return box;
    }

    private float CheckScore(long row, int n, float score) => float.IsNaN(score)
        ? throw new InvalidDataException(
            $"Row {row}: score {n} of column '{_columns.Score}' is NaN; a NaN score cannot rank a detection.")
        : score;

    private static string Describe(in BoundingBox box) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"[x {box.X}, y {box.Y}, width {box.Width}, height {box.Height}] (xywh)");

    private void AddCategory(int id, string[]? names)
    {
        if (!_categories.ContainsKey(id))
        {
            bool named = names is not null && id >= 1 && id <= names.Length;
            _categories[id] = named ? names![id - 1] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private BoundingBox ToBox(float[] values, int n) =>
        BoundingBox.From(
            values[4 * n], values[(4 * n) + 1], values[(4 * n) + 2], values[(4 * n) + 3], _columns.BoxFormat);

    private static void CheckLengths(long row, int labels, int boxValues, string labelColumn, string boxColumn)
    {
        if (boxValues != 4 * labels)
        {
            throw new InvalidDataException(
                $"Row {row}: the box column '{boxColumn}' holds {boxValues} values but the label column "
                + $"'{labelColumn}' holds {labels} labels; boxes need 4 values each ({4 * labels}).");
        }
    }
}
