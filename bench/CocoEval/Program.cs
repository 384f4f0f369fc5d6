// Usage:
//   CocoEvalBench generate OUT_DIR IMAGES [SEED]   writes OUT_DIR/gt.json and OUT_DIR/dt.json
//   CocoEvalBench time GT.json DT.json             loads, evaluates, prints one JSON line of timings
using CocoEvalBench;

return args switch
{
    ["generate", var dir, var images] => SyntheticCocoSet.Write(dir, int.Parse(images), SyntheticCocoSet.DefaultSeed),
    ["generate", var dir, var images, var seed] => SyntheticCocoSet.Write(dir, int.Parse(images), int.Parse(seed)),
    ["time", var gt, var dt] => EndToEndTiming.Run(gt, dt),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CocoEvalBench generate OUT_DIR IMAGES [SEED] | time GT.json DT.json");
    return 2;
}
