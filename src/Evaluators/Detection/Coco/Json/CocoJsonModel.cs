using System.Text.Json.Serialization;

namespace MLNetExtensions.Evaluators.Detection.Coco;

// Shapes of the COCO JSON files as written on disk. Every field and list entry is nullable so a missing field or
// a null entry can be reported by name instead of silently becoming 0 or failing later.

/// <summary>A COCO ground-truth file (instances_*.json), bbox fields only.</summary>
internal sealed class CocoGroundTruthFile
{
    [JsonPropertyName("images")]
    public List<CocoImageRecord?>? Images { get; set; }

    [JsonPropertyName("categories")]
    public List<CocoCategoryRecord?>? Categories { get; set; }

    [JsonPropertyName("annotations")]
    public List<CocoAnnotationRecord?>? Annotations { get; set; }
}

/// <summary>An entry of <c>images</c>.</summary>
internal sealed class CocoImageRecord
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }
}

/// <summary>An entry of <c>categories</c>.</summary>
internal sealed class CocoCategoryRecord
{
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>An entry of <c>annotations</c>.</summary>
internal sealed class CocoAnnotationRecord
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("image_id")]
    public long? ImageId { get; set; }

    [JsonPropertyName("category_id")]
    public int? CategoryId { get; set; }

    [JsonPropertyName("bbox")]
    public double[]? Bbox { get; set; }

    [JsonPropertyName("area")]
    public double? Area { get; set; }

    [JsonPropertyName("iscrowd")]
    public int? IsCrowd { get; set; }
}

/// <summary>An entry of a COCO results file (a JSON array of detections).</summary>
internal sealed class CocoResultRecord
{
    [JsonPropertyName("image_id")]
    public long? ImageId { get; set; }

    [JsonPropertyName("category_id")]
    public int? CategoryId { get; set; }

    [JsonPropertyName("bbox")]
    public double[]? Bbox { get; set; }

    [JsonPropertyName("score")]
    public double? Score { get; set; }
}
