namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>What the devkit's matching decided for one detection.</summary>
public enum VocDetectionOutcome
{
    /// <summary>No ground truth overlapped enough, or the best one was already taken.</summary>
    FalsePositive,

    /// <summary>The detection took a ground truth that no higher-scored detection had taken.</summary>
    TruePositive,

    /// <summary>The best-overlapping ground truth is marked difficult: the detection counts neither way.</summary>
    Ignored,
}
