namespace CocoEval;

/// <summary>Which Pascal VOC metric to compute instead of COCO's, if any.</summary>
internal enum VocMode
{
    None,
    Voc2007,
    Voc2012,
}

/// <summary>The command line, parsed.</summary>
internal sealed record EvaluationRequest(
    string GroundTruthPath,
    string ResultsPath,
    VocMode Voc,
    bool Json,
    string? CurvesDirectory);
