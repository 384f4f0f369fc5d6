namespace MLNetExtensions.Trainers.Engine;

/// <summary>What one pass over the training rows measured.</summary>
/// <param name="MeanLoss">Row-weighted mean of the batch losses.</param>
/// <param name="Rows">Training rows seen.</param>
/// <param name="Seconds">Wall time from opening the cursor to the last optimizer step.</param>
/// <param name="LastLearningRate">The learning rate of the last step.</param>
internal readonly record struct EpochTrainingStats(double MeanLoss, long Rows, double Seconds, double LastLearningRate);
