using MLNetExtensions.Trainers.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Copies a host batch into tensors (one copy per batch) on the target device.</summary>
internal static class BatchTensors
{
    /// <summary>The features as a float tensor [count, ..featureShape].</summary>
    public static Tensor Features(ExampleBatch batch, long[] featureShape, Device device)
    {
        var values = batch.Features.AsSpan(0, batch.Count * batch.FeatureLength);
        var host = TensorMemory.FromFloats(values, Shape(batch.Count, featureShape));
        return device.type == DeviceType.CPU ? host : host.to(device);
    }

    /// <summary>The labels as an int64 tensor [count].</summary>
    public static Tensor Labels(ExampleBatch batch, Device device)
    {
        var host = TensorMemory.FromLongs(batch.Labels.AsSpan(0, batch.Count));
        return device.type == DeviceType.CPU ? host : host.to(device);
    }

    /// <summary>[count, ..featureShape].</summary>
    public static long[] Shape(int count, long[] featureShape)
    {
        var shape = new long[featureShape.Length + 1];
        shape[0] = count;
        featureShape.CopyTo(shape, 1);
        return shape;
    }
}
