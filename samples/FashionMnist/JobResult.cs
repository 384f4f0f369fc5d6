using System.Text.Encodings.Web;
using System.Text.Json;

namespace FashionMnistSample;

/// <summary>The figures the sample reports; with --json they are printed as one JSON object.</summary>
internal sealed record JobResult
{
    // Relaxed escaping keeps the embedded architecture JSON readable (quotes as \", not \u0022).
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Arch { get; init; }

    public required int Epochs { get; init; }

    public int? Threads { get; init; }

    public required string Data { get; init; }

    public required int TrainImages { get; init; }

    public required int TestImages { get; init; }

    public required double Accuracy { get; init; }

    public required double MacroF1 { get; init; }

    public required double LogLoss { get; init; }

    public required double TrainSeconds { get; init; }

    public required double TrainImagesPerSecond { get; init; }

    public required double ScoreImagesPerSecond { get; init; }

    public string? ArchitectureJson { get; init; }

    public required long Parameters { get; init; }

    public required string ModelPath { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
