using TorchSharp;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Copies a host batch into tensors (one copy per batch) on the target device.</summary>
internal static class BatchTensors
{
    /// <summary>The features as a float tensor [count, ..featureShape].</summary>
    public static Tensor Features(ExampleBatch batch, long[] featureShape, Device device)
    {
        var shape = new long[featureShape.Length + 1];
        shape[0] = batch.Count;
        featureShape.CopyTo(shape, 1);

        var host = empty(shape, ScalarType.Float32);
        host.data<float>().CopyFrom(batch.Features.AsSpan(0, batch.Count * batch.FeatureLength), 0, 0);
        return device.type == DeviceType.CPU ? host : host.to(device);
    }

    /// <summary>The labels as an int64 tensor [count].</summary>
    public static Tensor Labels(ExampleBatch batch, Device device)
    {
        var host = empty(batch.Count, ScalarType.Int64);
        host.data<long>().CopyFrom(batch.Labels.AsSpan(0, batch.Count), 0, 0);
        return device.type == DeviceType.CPU ? host : host.to(device);
    }
}
