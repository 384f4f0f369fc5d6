using System.Diagnostics;
using System.Text.Json;
using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace CocoEvalBench;

/// <summary>
/// Times load + evaluate + accumulate + summarize in-process, as pycocotools is timed, and reports memory.
/// </summary>
internal static class EndToEndTiming
{
    public static int Run(string gtPath, string dtPath)
    {
        var total = Stopwatch.StartNew();
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(gtPath);
        DetectionResults dt = CocoJsonReader.ReadResults(dtPath, gt);
        double load = total.Elapsed.TotalSeconds;
        CocoDetectionMetrics metrics = CocoEvaluator.Evaluate(gt, dt.Detections);
        double all = total.Elapsed.TotalSeconds;
        Console.Error.Write(CocoSummaryFormatter.FormatSummary(metrics));
        var line = new Dictionary<string, object>
        {
            ["tool"] = "MLNetExtensions",
            ["images"] = gt.ImageIds.Count,
            ["detections"] = dt.Detections.Count,
            ["load_s"] = Math.Round(load, 3),
            ["evaluate_s"] = Math.Round(all - load, 3),
            ["total_s"] = Math.Round(all, 3),
            ["peak_rss_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            ["AP"] = metrics.AP,
        };
        Console.WriteLine(JsonSerializer.Serialize(line));
        return 0;
    }
}
