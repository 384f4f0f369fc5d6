namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>One <c>&lt;object&gt;</c> of a VOC annotation file, as written there.</summary>
internal sealed record VocXmlObject(string Name, bool IsDifficult, BoundingBox Box, string Location);
