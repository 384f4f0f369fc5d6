using MLNetExtensions.Evaluators.Detection;
using MLNetExtensions.Evaluators.Detection.Voc;

namespace MLNetExtensions.Evaluators.Tests.Voc;

public sealed class VocAnnotationReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("voc-xml-").FullName;

    [Fact]
    public void PadillaAnnotations_ReadNamesBoxesAndDifficultFlags()
    {
        string annotations = TestDataFolder.Path("Voc", "padilla-database", "Annotations");

        LabeledImageFolder folder = new VocAnnotationReader().ReadFolder(annotations);

        // grep -c '<object>' and '<difficult>1' over the 100 files: 273 objects, 38 of them difficult.
        Assert.Equal(100, folder.ImageNames.Count);
        Assert.Equal(273, folder.GroundTruth.Boxes.Count);
        Assert.Equal(38, folder.GroundTruth.Boxes.Count(b => b.IsDifficult));
        Assert.Equal(20, folder.GroundTruth.Categories.Count);
        GroundTruthBox first = folder.GroundTruth.Boxes[0];
        Assert.Equal(folder.GetImageId("2007_000027"), first.ImageId);
        Assert.Equal(BoundingBox.FromXyxy(174, 101, 349, 351), first.Box);
        Assert.Equal("person", folder.GroundTruth.Categories.Single(c => c.Id == first.CategoryId).Name);
        Assert.Empty(folder.LoadReport.Warnings);
    }

    [Fact]
    public void ImageWithoutObjects_IsKept()
    {
        Write("a.xml", "<annotation><filename>a.jpg</filename></annotation>");
        Write("b.xml", Annotation(Obj("dog", "1", "2", "30", "40")));

        LabeledImageFolder folder = new VocAnnotationReader().ReadFolder(_folder);

        Assert.Equal(["a", "b"], folder.ImageNames);
        Assert.Equal(2, folder.GetImageId("b"));
        Assert.Equal(2, folder.GroundTruth.Boxes.Single().ImageId);
    }

    [Fact]
    public void UnlistedClass_IsSkippedAndReported()
    {
        Write("a.xml", Annotation(Obj("dog", "1", "2", "30", "40") + Obj("unicorn", "1", "2", "30", "40")));

        LabeledImageFolder folder = new VocAnnotationReader(
            new VocReaderOptions { ClassNames = VocReaderOptions.PascalVocClasses }).ReadFolder(_folder);

        Assert.Equal(11, folder.GroundTruth.Boxes.Single().CategoryId);
        DetectionLoadWarning warning = Assert.Single(folder.LoadReport.Warnings);
        Assert.Equal(1, warning.Count);
        Assert.Contains("<object>[2]/<name> 'unicorn'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "2", "<annotation>/<object>[1]/<bndbox>/<xmax> is 'abc', not a finite number")]
    [InlineData("3", "2", "a corner is inverted")]
    [InlineData("30", "yes", "<annotation>/<object>[1]/<difficult> is 'yes', but it must be 0 or 1")]
    public void BadObject_ThrowsNamingFileLineAndElement(string xmax, string difficult, string expected)
    {
        Write("bad.xml", Annotation(Obj("dog", "10", "2", xmax, "40", difficult)));

        var error = Assert.Throws<InvalidDataException>(() => new VocAnnotationReader().ReadFolder(_folder));

        Assert.Contains(Path.Combine(_folder, "bad.xml") + ", line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXml_ThrowsNamingFile()
    {
        Write("broken.xml", "<annotation><object></annotation>");

        var error = Assert.Throws<InvalidDataException>(() => new VocAnnotationReader().ReadFolder(_folder));

        string expected = Path.Combine(_folder, "broken.xml") + " is not well-formed XML";
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBox_ThrowsNamingElement()
    {
        Write("a.xml", "<annotation><object><name>dog</name></object></annotation>");

        var error = Assert.Throws<InvalidDataException>(() => new VocAnnotationReader().ReadFolder(_folder));

        Assert.Contains("<annotation>/<object>[1] has no <bndbox> element", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string xml) => File.WriteAllText(Path.Combine(_folder, name), xml);

    private static string Annotation(string objects) => $"<annotation>\n{objects}</annotation>";

    private static string Obj(string name, string x1, string y1, string x2, string y2, string difficult = "0") =>
        $"<object>\n<name>{name}</name>\n<difficult>{difficult}</difficult>\n<bndbox>\n<xmin>{x1}</xmin>\n"
        + $"<ymin>{y1}</ymin>\n<xmax>{x2}</xmax>\n<ymax>{y2}</ymax>\n</bndbox>\n</object>\n";
}
