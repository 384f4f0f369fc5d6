using TorchSharp;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>A detached, cloned copy of a module's state dict (parameters and buffers).</summary>
internal sealed class WeightSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    private WeightSnapshot(Dictionary<string, Tensor> tensors) => _tensors = tensors;

    /// <summary>Copies the current weights of <paramref name="model"/>.</summary>
    public static WeightSnapshot Capture(Module model)
    {
        using var noGrad = no_grad();
        var copies = model.state_dict().ToDictionary(entry => entry.Key, entry => DetachedClone(entry.Value));
        return new WeightSnapshot(copies);
    }

    /// <summary>Overwrites this snapshot with the current weights of <paramref name="model"/>.</summary>
    public void Update(Module model) => Copy(model.state_dict(), _tensors);

    /// <summary>Writes the snapshot into the weights of <paramref name="model"/>.</summary>
    public void RestoreInto(Module model) => Copy(_tensors, model.state_dict());

    /// <summary>Writes the tensors, in name order.</summary>
    public void Save(BinaryWriter writer)
    {
        foreach (var name in _tensors.Keys.Order(StringComparer.Ordinal))
        {
            writer.Write(name);
            _tensors[name].Save(writer);
        }
    }

    /// <summary>Reads tensors written by <see cref="Save"/> into this snapshot (same names and shapes).</summary>
    /// <exception cref="InvalidDataException">The stream holds a different set of tensors.</exception>
    public void Load(BinaryReader reader)
    {
        foreach (var name in _tensors.Keys.Order(StringComparer.Ordinal))
        {
            var stored = reader.ReadString();
            if (stored != name)
            {
                throw new InvalidDataException(
                    $"The saved best weights hold tensor '{stored}' where the model has '{name}'.");
            }

            _tensors[name].Load(reader);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Dispose();
        }
    }

    private static Tensor DetachedClone(Tensor source)
    {
        using var detached = source.detach();
        return detached.clone().DetachFromDisposeScope();
    }

    private static void Copy(IReadOnlyDictionary<string, Tensor> from, IDictionary<string, Tensor> to)
    {
        using var noGrad = no_grad();
        foreach (var (name, source) in from)
        {
            to[name].copy_(source);
        }
    }
}
