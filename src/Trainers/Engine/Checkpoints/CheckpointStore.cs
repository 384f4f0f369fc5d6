using System.Text.Json;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>
/// Writes and reads the checkpoint of a run: the model's weights, the optimizer's state, torch's
/// random generator state, the best weights (when tracked) and a JSON state file. A new checkpoint
/// is written to a temporary folder and then swapped in, so a crash or a NaN stop mid-write
/// leaves the previous checkpoint intact.
/// </summary>
internal sealed class CheckpointStore(string directory)
{
    private const string ModelFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string RandomFile = "rng.bin";
    private const string BestFile = "best.bin";
    private const string StateFile = "state.json";

    /// <summary>The folder holding the latest complete checkpoint.</summary>
    public string LatestPath { get; } = Path.Combine(directory, "latest");

    /// <summary>Writes a checkpoint, replacing the previous one.</summary>
    public void Save(CheckpointState state, Module model, OptimizerHelper optimizer, WeightSnapshot? best)
    {
        var staging = Path.Combine(directory, "latest.tmp");
        RecreateDirectory(staging);
        model.save(Path.Combine(staging, ModelFile));
        optimizer.save_state_dict(Path.Combine(staging, OptimizerFile));
        WriteRandomState(Path.Combine(staging, RandomFile));
        if (best is not null)
        {
            using var writer = new BinaryWriter(File.Create(Path.Combine(staging, BestFile)));
            best.Save(writer);
        }

        File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state));
        Swap(staging);
    }

    /// <summary>Reads the checkpoint's state file, or null when there is no checkpoint.</summary>
    /// <exception cref="InvalidDataException">The state file is unreadable or of an unknown format.</exception>
    public CheckpointState? TryReadState()
    {
        var path = Path.Combine(LatestPath, StateFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path));
            return state?.Format == CheckpointState.CurrentFormat
                ? state
                : throw new InvalidDataException($"The checkpoint state file '{path}' has an unknown format.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The checkpoint state file '{path}' is not valid: {e.Message}", e);
        }
    }

    /// <summary>Loads weights, optimizer state, generator state and (when given) best weights.</summary>
    /// <exception cref="InvalidDataException">A checkpoint file is missing or does not fit the model.</exception>
    public void Restore(Module model, OptimizerHelper optimizer, WeightSnapshot? best)
    {
        try
        {
            model.load(Path.Combine(LatestPath, ModelFile));
            optimizer.load_state_dict(Path.Combine(LatestPath, OptimizerFile));
            ReadRandomState(Path.Combine(LatestPath, RandomFile));
            if (best is not null)
            {
                using var reader = new BinaryReader(File.OpenRead(Path.Combine(LatestPath, BestFile)));
                best.Load(reader);
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or EndOfStreamException)
        {
            throw new InvalidDataException(
                $"The checkpoint in '{LatestPath}' cannot be restored into this model: {e.Message}", e);
        }
    }

    private void Swap(string staging)
    {
        var previous = Path.Combine(directory, "latest.old");
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }

        if (Directory.Exists(LatestPath))
        {
            Directory.Move(LatestPath, previous);
        }

        Directory.Move(staging, LatestPath);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    private static void RecreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
    }

    private static void WriteRandomState(string path)
    {
        using var state = torch.get_rng_state();
        File.WriteAllBytes(path, state.data<byte>().ToArray());
    }

    private static void ReadRandomState(string path)
    {
        using var state = torch.tensor(File.ReadAllBytes(path), ScalarType.Byte);
        torch.set_rng_state(state);
    }
}
