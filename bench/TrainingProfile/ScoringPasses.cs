using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNetExtensions.Transforms.Data;

namespace TrainingProfile;

/// <summary>
/// Loads a saved model and scores the Fashion-MNIST test split several times through
/// <c>Transform</c>, printing images/s per pass (the first pass includes the JIT and libtorch's warm-up).
/// </summary>
internal static class ScoringPasses
{
    public static void Run(string dataDirectory, string modelPath, int passes)
    {
        TorchSharp.torch.set_num_threads(2);
        var ml = new MLContext(seed: 1);
        var test = FashionMnistLocator.Locate(dataDirectory).LoadTest();
        var scored = ml.Model.Load(modelPath, out _).Transform(test);
        var score = scored.Schema["Score"];
        for (int pass = 1; pass <= passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            using var cursor = scored.GetRowCursor([score]);
            var getter = cursor.GetGetter<VBuffer<float>>(score);
            VBuffer<float> value = default;
            int rows = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                rows++;
            }

            Console.WriteLine($"pass {pass}: {rows / clock.Elapsed.TotalSeconds:F0} images/s");
        }
    }
}
