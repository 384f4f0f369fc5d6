using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using MLNetExtensions.Trainers.Cnn;
using MLNetExtensions.Trainers.Cnn.Architectures;
using MLNetExtensions.Trainers.Cnn.Input;
using MLNetExtensions.Trainers.Persistence;

[assembly: LoadableClass(
    typeof(CnnImageClassificationTransformer),
    null,
    typeof(SignatureLoadModel),
    "CNN Image Classification Transformer",
    CnnImageClassificationTransformer.LoaderSignature)]

namespace MLNetExtensions.Trainers.Cnn;

// The model-file format. Version 1.1:
//   string   architecture JSON (CnnArchitecture.ToJson)
//   int32    input kind, channels, height, width, resize policy
//   float    pixel scale; float[] channel mean; float[] channel std
//   string[] class names
//   string   feature, score and predicted-label column names
//   int32    scoring batch size
//   stream   "Weights.bin": int32 length, SHA-256 of the payload, TorchSharp module.save payload
public sealed partial class CnnImageClassificationTransformer : ICanSaveModel
{
    internal const string LoaderSignature = "CnnImageClassifierXf";
    private const string WeightsEntry = "Weights.bin";
    private const string Owner = "CNN image classifier";
    private const int MaxImageSide = 1 << 16;

    private static VersionInfo GetVersionInfo() => new(
        "CNNIMGCL",
        0x00010001,
        0x00010001,
        0x00010001,
        typeof(CnnImageClassificationTransformer).Assembly.FullName,
        LoaderSignature);

    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        var writer = new ModelEntryWriter(ctx);
        writer.WriteString(Architecture.ToJson());
        WriteInput(writer, _input);
        writer.WriteStrings(ClassNames);
        writer.WriteString(FeatureColumnName);
        writer.WriteString(ScoreColumnName);
        writer.WriteString(PredictedLabelColumnName);
        writer.WriteInt32(ScoringBatchSize);
        writer.WriteChecksummedStream(WeightsEntry, TorchModuleBytes.Save(_network));
    }

    // Found by ML.NET's component catalog through the LoadableClass attribute above.
    private static CnnImageClassificationTransformer Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        ctx.CheckAtModel(GetVersionInfo());
        var reader = new ModelEntryReader(ctx, Owner);
        var architecture = ReadArchitecture(reader);
        var shape = ReadShape(reader, out var kind);
        var resize = (ImageResizePolicy)reader.ReadInt32("resize policy", 0, (int)ImageResizePolicy.Reject);
        var normalization = ReadNormalization(reader, shape.Channels);
        string[] classNames = ReadClassNames(reader);
        string feature = reader.ReadString("feature column name");
        var names = new ScoringNames(
            reader.ReadString("score column name"),
            reader.ReadString("predicted label column name"),
            reader.ReadInt32("scoring batch size", 1, 1 << 20));
        var network = BuildNetwork(reader, architecture, shape, classNames.Length);
        TorchModuleBytes.Load(network, reader.ReadChecksummedStream(WeightsEntry), WeightsEntry);
        var input = new ImageInputSettings(feature, kind, shape, resize, normalization);
        return new CnnImageClassificationTransformer(env, architecture, network, input, classNames, names, null);
    }

    private static void WriteInput(ModelEntryWriter writer, ImageInputSettings input)
    {
        writer.WriteInt32((int)input.Kind);
        writer.WriteInt32(input.Shape.Channels);
        writer.WriteInt32(input.Shape.Height);
        writer.WriteInt32(input.Shape.Width);
        writer.WriteInt32((int)input.ResizePolicy);
        writer.WriteSingle(input.Normalization.Scale);
        writer.WriteSingles(input.Normalization.Mean);
        writer.WriteSingles(input.Normalization.Std);
    }

    private static CnnArchitecture ReadArchitecture(ModelEntryReader reader)
    {
        string json = reader.ReadString("architecture");
        try
        {
            return CnnArchitecture.FromJson(json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            throw reader.Corrupt("architecture", "a network architecture in JSON", ex);
        }
    }

    private static ImageShape ReadShape(ModelEntryReader reader, out ImageInputKind kind)
    {
        kind = (ImageInputKind)reader.ReadInt32("input kind", 0, (int)ImageInputKind.EncodedImage);
        return new ImageShape(
            reader.ReadInt32("channels", 1, 4),
            reader.ReadInt32("height", 1, MaxImageSide),
            reader.ReadInt32("width", 1, MaxImageSide));
    }

    private static PixelNormalization ReadNormalization(ModelEntryReader reader, int channels)
    {
        float scale = reader.ReadSingle("pixel scale");
        float[] mean = reader.ReadSingles("channel mean", channels);
        float[] std = reader.ReadSingles("channel std", channels);
        if (mean.Length is not 0 && mean.Length != channels || std.Length is not 0 && std.Length != channels
            || std.Any(s => s <= 0))
        {
            throw reader.Corrupt("channel std", $"none or {channels} positive values for mean and std");
        }

        return new PixelNormalization(scale, mean, std);
    }

    private static string[] ReadClassNames(ModelEntryReader reader)
    {
        string[] names = reader.ReadStrings("class names", 1 << 20);
        return names.Length > 0 ? names : throw reader.Corrupt("class names", "at least one class");
    }

    private static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> BuildNetwork(
        ModelEntryReader reader, CnnArchitecture architecture, ImageShape shape, int classCount)
    {
        try
        {
            return architecture.Build(shape, classCount);
        }
        catch (ArgumentException ex)
        {
            throw reader.Corrupt("architecture", $"a network that accepts {shape} images", ex);
        }
    }
}
