// Usage: ModelScoringProbe <model.zip> <fashion-mnist dir> <rows> <scores.bin>
//        ModelScoringProbe bench <fashion-mnist dir>   (batched vs one-row scoring speed)
// Loads the model with a fresh MLContext (no registration calls), scores the first <rows> test
// images through Transform, and writes them as little-endian floats: rows x classes.
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Transforms.Data;

if (args is ["bench", var dataDirectory])
{
    ScoringBench.Run(dataDirectory);
    return 0;
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: ModelScoringProbe <model.zip> <fashion-mnist dir> <rows> <scores.bin>");
    return 2;
}

var ml = new MLContext();
var model = ml.Model.Load(args[0], out _);
var test = MnistIdxReader.LoadSplit(args[1], MnistSplit.Test, FashionMnist.ClassNames);
var rows = ml.Data.TakeRows(test, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
var scored = model.Transform(rows);

using var output = new BinaryWriter(File.Create(args[3]));
using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
VBuffer<float> score = default;
while (cursor.MoveNext())
{
    getter(ref score);
    foreach (float p in score.DenseValues())
    {
        output.Write(p);
    }
}

Console.WriteLine($"Scored {cursor.Position + 1} rows with {model.GetType().Name}.");
return 0;
