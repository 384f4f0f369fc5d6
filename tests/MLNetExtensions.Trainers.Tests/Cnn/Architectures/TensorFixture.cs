using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Tests.Cnn.Architectures;

/// <summary>
/// Named float32 tensors written by Fixtures/make_fixtures.py: a JSON manifest (shape and offset of
/// each name) next to a little-endian float32 .bin file.
/// </summary>
internal sealed class TensorFixture
{
    private readonly Dictionary<string, (long[] Shape, float[] Data)> _tensors;

    private TensorFixture(Dictionary<string, (long[] Shape, float[] Data)> tensors) => _tensors = tensors;

    public IEnumerable<string> Names => _tensors.Keys;

    public static string PathOf(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Cnn", "Architectures", "Fixtures", fileName);

    public static TensorFixture Load(string caseName)
    {
        var bytes = File.ReadAllBytes(PathOf(caseName + ".bin"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(PathOf(caseName + ".json")));
        var tensors = new Dictionary<string, (long[], float[])>();
        foreach (var entry in manifest.RootElement.EnumerateObject())
        {
            long[] shape = [.. entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
            int offset = entry.Value.GetProperty("offset").GetInt32();
            tensors[entry.Name] = (shape, ReadFloats(bytes, offset, (int)shape.Aggregate(1L, (a, b) => a * b)));
        }

        return new TensorFixture(tensors);
    }

    public float[] Data(string name) => _tensors[name].Data;

    public Tensor ToTensor(string name) => tensor(_tensors[name].Data, _tensors[name].Shape);

    private static float[] ReadFloats(byte[] bytes, int offset, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((offset + i) * 4, 4));
        }

        return values;
    }
}
