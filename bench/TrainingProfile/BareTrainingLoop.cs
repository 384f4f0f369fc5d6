using System.Diagnostics;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Engine;
using MLNetExtensions.Trainers.Torch;
using MLNetExtensions.Transforms.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingProfile;

/// <summary>
/// LeNet-5 on Fashion-MNIST with no ML.NET in the loop: the arrays are standardised once, each step
/// copies a shuffled batch into tensors and runs forward, cross-entropy, backward and AdamW under a
/// one-cycle schedule, as pytorch_reference.py does. Run it under <c>/usr/bin/time</c> to see page
/// faults and kernel time with and without <see cref="NativeHeapTuning"/>.
/// </summary>
internal static class BareTrainingLoop
{
    private const int Batch = 128;
    private const double PeakRate = 3e-3;

    public static void Run(string dataDirectory, int epochs, bool tunedHeap)
    {
        NativeHeapTuning.Enabled = tunedHeap;
        Console.WriteLine($"native heap tuning: {NativeHeapTuning.EnsureApplied()}");
        torch.set_num_threads(2);
        torch.manual_seed(1);

        var (pixels, labels) = Load(dataDirectory);
        int rows = labels.Length;
        var network = CnnArchitecture.LeNet5().Build(new ImageShape(1, 28, 28), 10);
        using var optimizer = optim.AdamW(network.parameters(), PeakRate, weight_decay: 0.01);
        var order = Enumerable.Range(0, rows).ToArray();
        var random = new Random(1);
        var features = new float[Batch * 784];
        var targets = new long[Batch];
        long steps = (long)epochs * ((rows + Batch - 1) / Batch), step = 0;
        network.train();

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var clock = Stopwatch.StartNew();
            for (int start = 0; start < rows; start += Batch)
            {
                int count = Math.Min(Batch, rows - start);
                for (int k = 0; k < count; k++)
                {
                    Array.Copy(pixels, order[start + k] * 784, features, k * 784, 784);
                    targets[k] = labels[order[start + k]];
                }

                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = OneCycle((double)step++ / steps);
                }

                using var scope = NewDisposeScope();
                var x = tensor(features.AsSpan(0, count * 784).ToArray(), [count, 1, 28, 28]);
                var y = tensor(targets.AsSpan(0, count).ToArray(), [count]);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.forward(x), y);
                loss.item<float>();
                loss.backward();
                optimizer.step();
            }

            Console.WriteLine($"epoch {epoch}: {rows / clock.Elapsed.TotalSeconds:F0} images/s");
        }
    }

    /// <summary>PyTorch's OneCycleLR (cosine, 30 % warm-up from peak/25), without the final division.</summary>
    private static double OneCycle(double progress) =>
        progress < 0.3
            ? (PeakRate / 25) + ((PeakRate - (PeakRate / 25)) * (1 - Math.Cos(Math.PI * progress / 0.3)) / 2)
            : PeakRate * (1 + Math.Cos(Math.PI * (progress - 0.3) / 0.7)) / 2;

    private static (float[] Pixels, long[] Labels) Load(string directory)
    {
        var train = FashionMnistLocator.Locate(directory).LoadTrain();
        var pixels = new float[train.RowCount * 784];
        var labels = new long[train.RowCount];
        var cursor = train.GetRowCursor(train.Schema);
        var getPixels = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(train.Schema[MnistDataView.PixelsColumnName]);
        var getLabel = cursor.GetGetter<uint>(train.Schema[MnistDataView.LabelColumnName]);
        Microsoft.ML.Data.VBuffer<float> row = default;
        uint key = 0;
        for (int i = 0; cursor.MoveNext(); i++)
        {
            getPixels(ref row);
            getLabel(ref key);
            var values = row.DenseValues().ToArray();
            for (int p = 0; p < 784; p++)
            {
                pixels[(i * 784) + p] = ((values[p] / 255f) - 0.2860f) / 0.3530f;
            }

            labels[i] = key - 1;
        }

        return (pixels, labels);
    }
}
