using System.Text.Json;

namespace CocoEvalBench;

/// <summary>
/// A synthetic data set shaped like COCO val2017: 80 categories, about 7.2 ground truths per image (36,000 for
/// 5,000 images) with sizes spanning small, medium and large, 1 % crowds, and 100 detections per image, most of
/// them noisy copies of ground truths. Scores and coordinates have two decimals, as real results files do.
/// </summary>
internal static class SyntheticCocoSet
{
    public const int DefaultSeed = 2017;
    private const int Categories = 80;
    private const int DetectionsPerImage = 100;

    public static int Write(string directory, int images, int seed)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var truths = new List<(int Image, int Category, double[] Box)>();
        using (var gt = new Utf8JsonWriter(File.Create(Path.Combine(directory, "gt.json"))))
        {
            WriteGroundTruth(gt, images, random, truths);
        }

        using (var dt = new Utf8JsonWriter(File.Create(Path.Combine(directory, "dt.json"))))
        {
            WriteDetections(dt, images, random, truths);
        }

        Console.Error.WriteLine(
            $"{directory}: {images} images, {truths.Count} ground truths, {images * DetectionsPerImage} detections.");
        return 0;
    }

    private static void WriteGroundTruth(Utf8JsonWriter w, int images, Random random, List<(int, int, double[])> truths)
    {
        w.WriteStartObject();
        w.WriteStartArray("images");
        for (int i = 1; i <= images; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", i);
            w.WriteNumber("width", 640);
            w.WriteNumber("height", 480);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("categories");
        for (int k = 1; k <= Categories; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", k);
            w.WriteString("name", $"class{k}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("annotations");
        for (int i = 1; i <= images; i++)
        {
            int count = random.Next(0, 15); // mean 7
            for (int n = 0; n < count; n++)
            {
                double[] box = RandomBox(random);
                truths.Add((i, random.Next(1, Categories + 1), box));
                WriteAnnotation(w, truths.Count, truths[^1], random);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAnnotation(
        Utf8JsonWriter w, int id, (int Image, int Category, double[] Box) t, Random random)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteNumber("image_id", t.Image);
        w.WriteNumber("category_id", t.Category);
        WriteBox(w, t.Box);
        w.WriteNumber("area", Math.Round(t.Box[2] * t.Box[3] * (0.5 + (random.NextDouble() * 0.5)), 2));
        w.WriteNumber("iscrowd", random.NextDouble() < 0.01 ? 1 : 0);
        w.WriteEndObject();
    }

    private static void WriteDetections(
        Utf8JsonWriter w, int images, Random random, List<(int Image, int Category, double[] Box)> truths)
    {
        w.WriteStartArray();
        int t = 0;
        for (int i = 1; i <= images; i++)
        {
            int first = t;
            while (t < truths.Count && truths[t].Image == i)
            {
                t++;
            }

            for (int n = 0; n < DetectionsPerImage; n++)
            {
                bool nearTruth = t > first && random.NextDouble() < 0.7;
                (int Image, int Category, double[] Box) source = nearTruth
                    ? truths[random.Next(first, t)]
                    : (i, random.Next(1, Categories + 1), RandomBox(random));
                int category = random.NextDouble() < 0.85 ? source.Category : random.Next(1, Categories + 1);
                WriteDetection(w, i, category, nearTruth ? Jitter(source.Box, random) : source.Box, random);
            }
        }

        w.WriteEndArray();
    }

    private static void WriteDetection(Utf8JsonWriter w, int image, int category, double[] box, Random random)
    {
        w.WriteStartObject();
        w.WriteNumber("image_id", image);
        w.WriteNumber("category_id", category);
        WriteBox(w, box);
        w.WriteNumber("score", Math.Round(random.NextDouble(), 3));
        w.WriteEndObject();
    }

    private static void WriteBox(Utf8JsonWriter w, double[] box)
    {
        w.WriteStartArray("bbox");
        foreach (double v in box)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>Log-uniform sizes from 4 to 400 pixels: about a third each small, medium and large.</summary>
    private static double[] RandomBox(Random random)
    {
        double w = Math.Round(4 * Math.Pow(100, random.NextDouble()), 2);
        double h = Math.Round(4 * Math.Pow(100, random.NextDouble()), 2);
        return [Math.Round(random.NextDouble() * 600, 2), Math.Round(random.NextDouble() * 440, 2), w, h];
    }

    private static double[] Jitter(double[] box, Random random)
    {
        double s = 0.25 * random.NextDouble();
        double Noise() => 1 + (s * ((2 * random.NextDouble()) - 1));
        return [Math.Round(box[0] + (box[2] * (Noise() - 1)), 2), Math.Round(box[1] + (box[3] * (Noise() - 1)), 2),
            Math.Round(box[2] * Noise(), 2), Math.Round(box[3] * Noise(), 2)];
    }
}
