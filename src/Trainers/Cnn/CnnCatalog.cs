using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNetExtensions.Trainers.Cnn;

/// <summary>Adds the CNN image classifier to <c>mlContext.MulticlassClassification.Trainers</c>.</summary>
public static class CnnCatalog
{
    /// <summary>
    /// Creates a CNN image classifier (LeNet-5 by default) with the same columns as Microsoft.ML.Vision's
    /// <c>ImageClassification</c>: code written for that trainer moves over by changing this one call.
    /// </summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The key label column.</param>
    /// <param name="featureColumnName">The image column: MLImage, Single pixel vector (square, grey) or encoded
    /// bytes.</param>
    /// <param name="scoreColumnName">The probabilities column to add.</param>
    /// <param name="predictedLabelColumnName">The predicted key column to add.</param>
    /// <param name="validationSet">Data evaluated after each epoch, or null.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is empty.</exception>
    public static CnnImageClassificationTrainer ImageClassificationCnn(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label,
        string featureColumnName = DefaultColumnNames.Features,
        string scoreColumnName = DefaultColumnNames.Score,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel,
        IDataView? validationSet = null)
    {
        return ImageClassificationCnn(catalog, new CnnImageClassificationTrainer.Options
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            ScoreColumnName = scoreColumnName,
            PredictedLabelColumnName = predictedLabelColumnName,
            ValidationSet = validationSet,
        });
    }

    /// <summary>Creates a CNN image classifier with the given options (copied; never modified).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">Columns, architecture, training settings and input shape.</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/>, <paramref name="options"/> or one of its
    /// required members is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static CnnImageClassificationTrainer ImageClassificationCnn(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        CnnImageClassificationTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new CnnImageClassificationTrainer(catalog.GetEnvironment(), options);
    }
}
