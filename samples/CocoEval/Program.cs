// Evaluates COCO-format detections: pycocotools' summary and per-category table, or Pascal VOC mAP.
//   dotnet run -c Release --project samples/CocoEval -- --gt GT.json --dt DT.json [--voc2007 | --voc2012] [--json]
// With --json the last line printed is one JSON object holding the figures at full round-trip precision.
using System.CommandLine;
using CocoEval;

var gt = new Option<FileInfo>("--gt") { Description = "COCO ground-truth JSON (instances_*.json).", Required = true };
var dt = new Option<FileInfo>("--dt") { Description = "COCO results JSON (array of detections).", Required = true };
var voc2007 = new Option<bool>("--voc2007") { Description = "Pascal VOC 2007 11-point mAP instead of COCO." };
var voc2012 = new Option<bool>("--voc2012") { Description = "Pascal VOC 2010-2012 all-point mAP instead of COCO." };
var json = new Option<bool>("--json") { Description = "End with one JSON line holding the figures." };
var curves = new Option<DirectoryInfo?>("--curves") { Description = "Write PR curves (CSV and PNG) here (COCO)." };

var root = new RootCommand("Evaluate object detections as pycocotools or the Pascal VOC devkit does.")
{
    gt, dt, voc2007, voc2012, json, curves,
};
root.Validators.Add(result =>
{
    if (result.GetValue(voc2007) && result.GetValue(voc2012))
    {
        result.AddError("Choose one of --voc2007 and --voc2012, not both.");
    }
});
root.SetAction(result =>
{
    var request = new EvaluationRequest(
        result.GetValue(gt)!.FullName,
        result.GetValue(dt)!.FullName,
        result.GetValue(voc2007) ? VocMode.Voc2007 : result.GetValue(voc2012) ? VocMode.Voc2012 : VocMode.None,
        result.GetValue(json),
        result.GetValue(curves)?.FullName);
    return EvaluationRunner.Run(request, Console.Out, Console.Error);
});
return root.Parse(args).Invoke();
