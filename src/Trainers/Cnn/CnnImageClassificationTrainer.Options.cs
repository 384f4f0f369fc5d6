using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Engine;

namespace MLNetExtensions.Trainers.Cnn;

public sealed partial class CnnImageClassificationTrainer
{
    /// <summary>
    /// Options of <see cref="CnnImageClassificationTrainer"/>. The trainer copies them when it is
    /// created; later changes to this object do not affect it, and training never writes to it.
    /// </summary>
    public sealed class Options
    {
        /// <summary>Default pixel multiplier: maps 0..255 to 0..1.</summary>
        public const float DefaultPixelScale = 1f / 255f;

        /// <summary>Default number of rows per forward pass when scoring a data view.</summary>
        public const int DefaultScoringBatchSize = 256;

        /// <summary>Gets or sets the key label column's name.</summary>
        public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

        /// <summary>Gets or sets the feature column's name; its type picks the <see cref="ImageInputKind"/>.</summary>
        public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

        /// <summary>Gets or sets the name of the probabilities column added by the model.</summary>
        public string ScoreColumnName { get; set; } = DefaultColumnNames.Score;

        /// <summary>Gets or sets the name of the predicted key column added by the model.</summary>
        public string PredictedLabelColumnName { get; set; } = DefaultColumnNames.PredictedLabel;

        /// <summary>Gets or sets the data evaluated after each epoch (and used by early stopping), or null.</summary>
        public IDataView? ValidationSet { get; set; }

        /// <summary>Gets or sets the network; LeNet-5 by default.</summary>
        public CnnArchitecture Architecture { get; set; } = CnnArchitecture.LeNet5();

        /// <summary>Gets or sets the training settings (epochs, batch size, optimizer, schedule, seed, device,
        /// ...).</summary>
        /// <remarks>The object is copied when the trainer is created and never written to.</remarks>
        public TrainingOptions Training { get; set; } = new();

        /// <summary>
        /// Gets or sets the input width in pixels; 0 infers it: from a square pixel vector, or from the
        /// first training image.
        /// </summary>
        public int ImageWidth { get; set; }

        /// <summary>Gets or sets the input height in pixels; 0 infers it like <see cref="ImageWidth"/>.</summary>
        public int ImageHeight { get; set; }

        /// <summary>
        /// Gets or sets the input channels: 1 (grey) or 3 (RGB); 0 means 1 for pixel vectors and 3 for images.
        /// </summary>
        public int ImageChannels { get; set; }

        /// <summary>Gets or sets what happens to images of another size than the input size.</summary>
        public ImageResizePolicy ResizePolicy { get; set; } = ImageResizePolicy.Resize;

        /// <summary>Gets or sets the multiplier applied to raw pixel values first (default 1/255).</summary>
        public float PixelScale { get; set; } = DefaultPixelScale;

        /// <summary>Gets or sets per-channel means subtracted after scaling, or null for none.</summary>
        public IReadOnlyList<float>? ChannelMean { get; set; }

        /// <summary>Gets or sets per-channel standard deviations divided by last, or null for none.</summary>
        public IReadOnlyList<float>? ChannelStd { get; set; }

        /// <summary>Gets or sets the number of rows per forward pass when a data view is scored.</summary>
        public int ScoringBatchSize { get; set; } = DefaultScoringBatchSize;

        internal Options Copy()
        {
            var copy = (Options)MemberwiseClone();
            copy.ChannelMean = ChannelMean?.ToArray();
            copy.ChannelStd = ChannelStd?.ToArray();
            if (Training is not null)
            {
                copy.Training = Training.Clone();
            }

            return copy;
        }
    }
}
