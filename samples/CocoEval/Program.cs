// Evaluates COCO-format detections: pycocotools' summary and per-category table, or Pascal VOC mAP.
//   dotnet run -c Release --project samples/CocoEval -- --gt GT.json --dt DT.json [--voc2007 | --voc2012] [--json]
// With --json the last line printed is one JSON object holding the figures at full round-trip precision.
return CocoEval.CocoEvalCommand.Run(args, Console.Out, Console.Error);
