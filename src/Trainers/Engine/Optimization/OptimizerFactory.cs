using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLNetExtensions.Trainers.Engine;

/// <summary>Creates the optimizer chosen in <see cref="TrainingOptions"/> and sets its learning rate.</summary>
internal static class OptimizerFactory
{
    /// <summary>Creates an optimizer over <paramref name="parameters"/>.</summary>
    public static OptimizerHelper Create(IEnumerable<Parameter> parameters, TrainingOptions options) =>
        options.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(
                parameters,
                options.LearningRate,
                momentum: options.Momentum,
                weight_decay: options.WeightDecay,
                nesterov: options.Nesterov),
            _ => optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay),
        };

    /// <summary>Sets the learning rate of every parameter group.</summary>
    public static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }
}
