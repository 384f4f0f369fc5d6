using System.Text.Json;
using System.Text.Json.Serialization;
using MLNetExtensions.Trainers.Cnn.Architectures.Layers;

namespace MLNetExtensions.Trainers.Cnn.Architectures;

/// <summary>
/// The specification of a convolutional classifier: which layers, in which order, with which sizes.
/// <see cref="Build"/> turns it into a <see cref="CnnNetwork"/> for a given input shape and class count.
/// </summary>
/// <remarks>
/// Architectures are immutable records; change a preset with a <c>with</c> expression. They
/// round-trip through JSON (<see cref="ToJson"/> / <see cref="FromJson"/>) with a <c>"type"</c>
/// discriminator, so a model file can store the architecture and rebuild the network on load.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(LeNet5Architecture), LeNet5Architecture.TypeName)]
[JsonDerivedType(typeof(VggArchitecture), VggArchitecture.TypeName)]
[JsonDerivedType(typeof(ResNetArchitecture), ResNetArchitecture.TypeName)]
public abstract record CnnArchitecture
{
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    private protected CnnArchitecture()
    {
    }

    /// <summary>Gets the short name of the architecture family ("lenet5", "vgg" or "resnet").</summary>
    [JsonIgnore]
    public abstract string Name { get; }

    /// <summary>LeNet-5 with ReLU and max pooling (61,706 parameters for 1x28x28 and 10 classes).</summary>
    /// <returns>The LeNet-5 architecture.</returns>
    public static LeNet5Architecture LeNet5() => new();

    /// <summary>The default VGG-style network for 28x28 images; see <see cref="VggArchitecture"/>.</summary>
    /// <returns>The default VGG-style architecture.</returns>
    public static VggArchitecture Vgg() => new();

    /// <summary>The default small ResNet for 28x28 images; see <see cref="ResNetArchitecture"/>.</summary>
    /// <returns>The default ResNet architecture.</returns>
    public static ResNetArchitecture ResNet() => new();

    /// <summary>Returns the preset of a family by its short name.</summary>
    /// <param name="name">
    /// "lenet", "lenet5", "vgg", "vgg-bn" (<see cref="VggArchitecture.BatchNormDropout"/>) or "resnet"
    /// (case-insensitive).
    /// </param>
    /// <returns>The preset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no preset.</exception>
    public static CnnArchitecture FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "lenet" or LeNet5Architecture.TypeName => LeNet5(),
            VggArchitecture.TypeName => Vgg(),
            "vgg-bn" or "vggbn" => VggArchitecture.BatchNormDropout(),
            ResNetArchitecture.TypeName => ResNet(),
            _ => throw new ArgumentException(
                $"'{name}' is not an architecture name; expected 'lenet', 'vgg', 'vgg-bn' or 'resnet'.",
                nameof(name)),
        };
    }

    /// <summary>
    /// Builds the network for images of <paramref name="input"/> shape and <paramref name="classCount"/> classes.
    /// </summary>
    /// <param name="input">Shape of one input image.</param>
    /// <param name="classCount">Number of classes (width of the logits).</param>
    /// <returns>A freshly initialised network in training mode, on the CPU.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="classCount"/> is below 1, or a dimension of <paramref name="input"/> is below 1.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A setting of the architecture is invalid, or a layer's output size under
    /// W_o = (W_i + 2p - K)/s + 1 is not a positive whole number; the message names the layer.
    /// </exception>
    public CnnNetwork Build(ImageShape input, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Channels, 1, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Height, 1, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Width, 1, nameof(input));
        Validate();

        var builder = new NetworkBuilder(input);
        AddLayers(builder, classCount);
        return new CnnNetwork(this, input, classCount, builder.Layers);
    }

    /// <summary>Serialises the architecture to JSON, with a <c>"type"</c> discriminator.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads an architecture written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The architecture.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text is not a JSON architecture of a known type.</exception>
    public static CnnArchitecture FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<CnnArchitecture>(json, JsonOptions)
                ?? throw new ArgumentException("The architecture JSON is 'null'.", nameof(json));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(
                $"The text is not a valid architecture JSON ({ex.Message}). Expected an object with "
                + "\"type\": \"lenet5\", \"vgg\" or \"resnet\".",
                nameof(json),
                ex);
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException(
                $"The architecture JSON names no known type ({ex.Message}).", nameof(json), ex);
        }
    }

    /// <summary>Checks the settings that do not depend on the input size.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names the layer.</exception>
    private protected abstract void Validate();

    /// <summary>Appends the layers of this architecture to <paramref name="builder"/>.</summary>
    private protected abstract void AddLayers(NetworkBuilder builder, int classCount);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
