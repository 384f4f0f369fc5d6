using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Coco;

namespace MLNetExtensions.Evaluators.Tests.Coco;

public sealed class CocoJsonReaderTests : IDisposable
{
    private const string GroundTruth = """
        {"images": [{"id": 5}, {"id": 2}],
         "categories": [{"id": 3, "name": "dog"}, {"id": 1, "name": "cat"}],
         "annotations": [
           {"id": 1, "image_id": 5, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 90, "iscrowd": 0},
           {"id": 2, "image_id": 2, "category_id": 3, "bbox": [5, 5, 4, 4], "iscrowd": 1},
           {"id": 3, "image_id": 9, "category_id": 3, "bbox": [5, 5, 4, 4], "area": 16, "iscrowd": 0},
           {"id": 4, "image_id": 2, "category_id": 3, "bbox": [5, 5, -4, 4], "area": 16, "iscrowd": 0}]}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"coco-{Guid.NewGuid():N}");

    public CocoJsonReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void GroundTruth_KeepsAreaFieldAndCrowdAndSortsCategories()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));

        Assert.Equal([5L, 2L], gt.ImageIds);
        Assert.Equal([1, 3], gt.Categories.Select(c => c.Id));
        Assert.Equal(90.0, gt.Boxes[0].Area); // the JSON area, not 10 * 10
        Assert.Equal(16.0, gt.Boxes[1].Area); // no area field: width * height, reported
        Assert.True(gt.Boxes[1].IsCrowd);
    }

    [Fact]
    public void GroundTruth_SkipsUnknownImagesAndNegativeSizesWithCountedWarnings()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));

        Assert.Equal(2, gt.Boxes.Count);
        Assert.Equal(4, gt.LoadReport.RecordsRead);
        Assert.Contains(gt.LoadReport.Warnings, w => w.Kind == "unknown-image-id" && w.Count == 1);
        Assert.Contains(
            gt.LoadReport.Warnings, w => w.Kind == "negative-size" && w.Message.Contains("$.annotations[3]"));
        Assert.Contains(gt.LoadReport.Warnings, w => w.Kind == "area-missing");
    }

    [Fact]
    public void GroundTruth_NaNArea_IsSkippedAndReported()
    {
        string json = GroundTruth.Replace("\"area\": 90", "\"area\": \"NaN\"");

        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("area.json", json));

        // Annotation 1 (NaN area) is skipped; annotation 2 has no area (16 from its box); annotation 3 names an
        // unlisted image and annotation 4 a negative size, both skipped before the area is looked at.
        Assert.Equal([2L], gt.Boxes.Select(b => b.Id));
        Assert.Contains(
            gt.LoadReport.Warnings,
            w => w.Kind == "non-finite-area" && w.Count == 1 && w.Message.Contains("$.annotations[0].area"));
    }

    [Fact]
    public void GroundTruth_NegativeArea_IsKeptAsPycocotoolsKeepsItAndReported()
    {
        string json = GroundTruth.Replace("\"area\": 90", "\"area\": -90");

        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("area.json", json));

        Assert.Equal(-90.0, gt.Boxes[0].Area);
        Assert.Contains(
            gt.LoadReport.Warnings,
            w => w.Kind == "negative-area" && w.Message.Contains("$.annotations[0].area = -90"));
    }

    [Fact]
    public void GroundTruth_DuplicateAnnotationId_ThrowsNamingPathAndId()
    {
        string json = GroundTruth.Replace("\"id\": 4,", "\"id\": 1,");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadGroundTruth(Write("dup.json", json)));

        Assert.Contains("dup.json", error.Message);
        Assert.Contains("$.annotations[3].id is 1", error.Message);
    }

    [Fact]
    public void MalformedJson_ThrowsNamingFileAndJsonPath()
    {
        string json = GroundTruth.Replace("\"area\": 90", "\"area\": \"big\"");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadGroundTruth(Write("bad.json", json)));

        Assert.Contains("bad.json", error.Message);
        Assert.Contains("$.annotations[0].area", error.Message);
    }

    [Fact]
    public void Results_BboxWithThreeNumbers_ThrowsNamingIndexAndField()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """[{"image_id": 5, "category_id": 1, "bbox": [1, 2, 3], "score": 0.5}]""");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains("$[0].bbox must hold 4 numbers", error.Message);
    }

    [Fact]
    public void Results_UnknownImage_IsRejectedAsPycocotoolsDoes()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """[{"image_id": 77, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}]""");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains("$[0].image_id = 77", error.Message);
    }

    [Fact]
    public void Results_NaNBoxesSkippedAndOddScoresKept_AllReported()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """
            [{"image_id": 5, "category_id": 1, "bbox": ["NaN", 2, 3, 4], "score": 0.5},
             {"image_id": 5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 1.5},
             {"image_id": 5, "category_id": 8, "bbox": [1, 2, 3, 4], "score": 0.5}]
            """);

        DetectionResults results = CocoJsonReader.ReadResults(dt, gt);

        Assert.Single(results.Detections);
        Assert.Equal(1.5, results.Detections[0].Score);
        Assert.Equal(
            ["non-finite", "score-outside-unit", "unknown-category-id"],
            results.Report.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void Warnings_CountAgreesWithNounAndVerb()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """
            [{"image_id": 5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": "NaN"},
             {"image_id": 2, "category_id": 1, "bbox": [1, 2, 3, 4], "score": "NaN"},
             {"image_id": 5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 2}]
            """);

        DetectionResults results = CocoJsonReader.ReadResults(dt, gt);

        Assert.Equal(
            [
                "2 detections have a NaN score, which cannot be ranked; skipped, e.g. $[0].score.",
                "1 detection has a score outside [0, 1]; kept, since scores only rank detections, e.g. $[2].score = 2.",
            ],
            results.Report.Warnings.Select(w => w.Message));
        Assert.StartsWith(
            "1 annotation has a bbox with negative size values; skipped",
            gt.LoadReport.Warnings.Single(w => w.Kind == "negative-size").Message);
    }

    [Fact]
    public void Results_BareNaNTokenAsPythonWritesIt_ThrowsNamingThePath()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """[{"image_id": 5, "category_id": 1, "bbox": [NaN, 2, 3, 4], "score": 0.5}]""");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains("$[0].bbox[0]", error.Message);
    }

    [Fact]
    public void Results_NullEntry_ThrowsNamingTheEntryInsteadOfNullReference()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write(
            "dt.json", """[{"image_id": 5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}, null]""");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains("dt.json", error.Message);
        Assert.Contains("$[1] is null", error.Message);
    }

    [Theory]
    [InlineData("\"images\": [{\"id\": 5}", "\"images\": [null", "$.images[0] is null")]
    [InlineData("\"categories\": [{\"id\": 3, \"name\": \"dog\"}", "\"categories\": [null", "$.categories[0] is null")]
    [InlineData("\"annotations\": [", "\"annotations\": [null, ", "$.annotations[0] is null")]
    public void GroundTruth_NullEntry_ThrowsNamingTheEntry(string find, string replacement, string expected)
    {
        string json = GroundTruth.Replace(find, replacement);

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadGroundTruth(Write("nul.json", json)));

        Assert.Contains("nul.json", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("\"image_id\": \"5\"", "$[0].image_id", "an integer ('image_id')")]
    [InlineData("\"image_id\": 5.0", "$[0].image_id", "an integer ('image_id')")]
    [InlineData("\"score\": true", "$[0].score", "a number ('score')")]
    [InlineData("\"bbox\": {\"x\": 1}", "$[0].bbox", "an array of 4 numbers")]
    [InlineData("\"bbox\": [1, null, 3, 4]", "$[0].bbox[1]", "a number (bbox is")]
    public void Results_ValueOfWrongKind_NamesPathAndExpectedKindWithoutDotNetTypeNames(
        string field, string jsonPath, string expected)
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string record = """{"image_id": 5, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}""";
        string dt = Write("dt.json", "[" + ReplaceField(record, field) + "]");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains($"dt.json: {jsonPath} ", error.Message);
        Assert.Contains($"should be {expected}", error.Message);
        Assert.DoesNotContain("System.", error.Message);
    }

    [Fact]
    public void Results_ObjectInsteadOfArray_SaysAnArrayOfDetectionsIsExpected()
    {
        DetectionGroundTruth gt = CocoJsonReader.ReadGroundTruth(Write("gt.json", GroundTruth));
        string dt = Write("dt.json", """{"annotations": []}""");

        var error = Assert.Throws<InvalidDataException>(() => CocoJsonReader.ReadResults(dt, gt));

        Assert.Contains("dt.json: $ ", error.Message);
        Assert.Contains("a JSON array of detections", error.Message);
        Assert.DoesNotContain("CocoResultRecord", error.Message);
    }

    [Fact]
    public void GroundTruth_FolderInsteadOfFile_SaysItIsAFolder()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CocoJsonReader.ReadGroundTruth(_dir));

        Assert.Contains($"'{_dir}' is a folder", error.Message);
    }

    private static string ReplaceField(string record, string field)
    {
        string name = field[..(field.IndexOf(':') + 1)];
        int start = record.IndexOf(name, StringComparison.Ordinal);
        int end = name.Contains("bbox") ? record.IndexOf(']', start) + 1 : record.IndexOfAny([',', '}'], start);
        return record[..start] + field + record[end..];
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
