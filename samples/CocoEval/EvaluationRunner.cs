using System.Diagnostics;
using System.Text.Json;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;
using MLNetExtensions.Evaluators.Detection.Voc;

namespace CocoEval;

/// <summary>Loads the files, evaluates and prints.</summary>
internal static class EvaluationRunner
{
    // VOC gives NaN for a class without ground truth; written as "NaN" rather than failing. Doubles are written
    // in their shortest round-trip form by default.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static int Run(EvaluationRequest request, TextWriter output, TextWriter errors)
    {
        try
        {
            CheckCurvesFolder(request.CurvesDirectory);
            var clock = Stopwatch.StartNew();
            DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(request.GroundTruthPath);
            DetectionResults dt = CocoJsonReader.ReadResults(request.ResultsPath, gt);
            PrintWarnings(errors, gt.LoadReport, dt.Report);
            Dictionary<string, object> figures = request.Voc == VocMode.None
                ? RunCoco(gt, dt.Detections, request, output)
                : RunVoc(gt, dt.Detections, request.Voc, output, errors);
            errors.WriteLine(
                $"Evaluated {gt.ImageIds.Count} images, {dt.Detections.Count} detections "
                + $"in {clock.Elapsed.TotalSeconds:F2} s.");
            if (request.Json)
            {
                output.WriteLine(JsonSerializer.Serialize(figures, JsonOptions));
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException
            or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void CheckCurvesFolder(string? folder)
    {
        if (folder is not null && File.Exists(folder))
        {
            throw new IOException($"--curves names '{folder}', which is a file; give a folder for the curves.");
        }
    }

    private static Dictionary<string, object> RunCoco(
        DetectionGroundTruth gt, IReadOnlyList<DetectedBox> detections, EvaluationRequest request, TextWriter output)
    {
        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, detections);
        output.Write(CocoSummaryFormatter.FormatSummary(metrics));
        output.WriteLine();
        output.Write(CocoSummaryFormatter.FormatCategoryTable(metrics));
        if (request.CurvesDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            CocoPrecisionRecallCurves.WriteCsv(metrics, Path.Combine(dir, "pr_curves.csv"));
            CocoPrecisionRecallCurves.WritePlots(metrics, dir);
        }

        double[] values = metrics.ToArray();
        return CocoStatistics.Names.Select((name, i) => (name, value: (object)values[i]))
            .ToDictionary(p => p.name, p => p.value);
    }

    private static Dictionary<string, object> RunVoc(
        DetectionGroundTruth gt,
        IReadOnlyList<DetectedBox> detections,
        VocMode mode,
        TextWriter output,
        TextWriter errors)
    {
        WarnAboutCrowds(gt, errors);
        var method = mode == VocMode.Voc2007 ? VocApMethod.Voc2007ElevenPoint : VocApMethod.Voc2012AllPoint;
        VocMetrics metrics = new VocEvaluator(new VocEvaluatorOptions { Method = method }).Evaluate(gt, detections);
        output.WriteLine(metrics.ToString());
        return new Dictionary<string, object>
        {
            ["mAP"] = metrics.MeanAveragePrecision,
            ["AP"] = metrics.AveragePrecisionByName(),
        };
    }

    // The VOC devkit knows "difficult" objects but no crowd regions, so COCO crowds are ordinary ground truth there.
    private static void WarnAboutCrowds(DetectionGroundTruth gt, TextWriter errors)
    {
        int crowds = gt.Boxes.Count(b => b.IsCrowd);
        if (crowds > 0)
        {
            errors.WriteLine(
                $"warning: {gt.LoadReport.Source}: {crowds} crowd annotation(s) (iscrowd) count as ordinary ground "
                + "truth in VOC mode; the VOC devkit has no crowd regions.");
        }
    }

    private static void PrintWarnings(TextWriter errors, params DetectionLoadReport[] reports)
    {
        foreach (DetectionLoadReport report in reports)
        {
            foreach (DetectionLoadWarning warning in report.Warnings)
            {
                errors.WriteLine($"warning: {report.Source}: {warning.Message}");
            }
        }
    }
}
