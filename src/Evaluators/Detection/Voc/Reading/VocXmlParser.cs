using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MLNetExtensions.Evaluators.Detection.Voc;

/// <summary>Parses one Pascal VOC annotation file; every error names the file, line and element.</summary>
internal static class VocXmlParser
{
    public static IReadOnlyList<VocXmlObject> Parse(string file)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Load(file, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{file} is not well-formed XML: {e.Message}", e);
        }

        XElement root = doc.Root!;
        if (root.Name.LocalName != "annotation")
        {
            throw new InvalidDataException(
                $"{file}: the root element is <{root.Name.LocalName}>, but a VOC annotation has <annotation>.");
        }

        return root.Elements("object").Select((o, i) => ParseObject(file, o, $"<annotation>/<object>[{i + 1}]"))
            .ToArray();
    }

    private static VocXmlObject ParseObject(string file, XElement obj, string where)
    {
        string name = Child(file, obj, "name", where).Value.Trim();
        if (name.Length == 0)
        {
            throw Error(file, obj, $"{where}/<name> is empty.");
        }

        XElement box = Child(file, obj, "bndbox", where);
        string boxPath = where + "/<bndbox>";
        double x1 = Number(file, box, "xmin", boxPath);
        double y1 = Number(file, box, "ymin", boxPath);
        double x2 = Number(file, box, "xmax", boxPath);
        double y2 = Number(file, box, "ymax", boxPath);
        if (x2 < x1 || y2 < y1)
        {
            throw Error(file, box, $"{boxPath} has xmin {x1}, ymin {y1}, xmax {x2}, ymax {y2}: a corner is inverted.");
        }

        return new VocXmlObject(name, Difficult(file, obj, where), BoundingBox.FromXyxy(x1, y1, x2, y2), where);
    }

    private static bool Difficult(string file, XElement obj, string where)
    {
        XElement? flag = obj.Element("difficult");
        return flag?.Value.Trim() switch
        {
            null or "0" => false,
            "1" => true,
            string other => throw Error(file, flag, $"{where}/<difficult> is '{other}', but it must be 0 or 1."),
        };
    }

    private static double Number(string file, XElement parent, string element, string where)
    {
        XElement child = Child(file, parent, element, where);
        string text = child.Value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value)
            ? value
            : throw Error(file, child, $"{where}/<{element}> is '{text}', not a finite number.");
    }

    private static XElement Child(string file, XElement parent, string element, string where) =>
        parent.Element(element) ?? throw Error(file, parent, $"{where} has no <{element}> element.");

    private static InvalidDataException Error(string file, XElement at, string message)
    {
        int line = ((IXmlLineInfo)at).HasLineInfo() ? ((IXmlLineInfo)at).LineNumber : 0;
        return new InvalidDataException($"{file}, line {line}: {message}");
    }
}
