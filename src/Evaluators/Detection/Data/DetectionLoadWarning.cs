namespace MLNetExtensions.Evaluators.Detection;

/// <summary>A group of input records that a reader skipped or accepted with a caveat.</summary>
/// <param name="Kind">A short stable code, such as <c>unknown-image-id</c>, for programs that filter warnings.</param>
/// <param name="Count">How many records it concerns.</param>
/// <param name="Message">A full sentence naming the file, the field and an example of the offending value.</param>
public sealed record DetectionLoadWarning(string Kind, int Count, string Message);
