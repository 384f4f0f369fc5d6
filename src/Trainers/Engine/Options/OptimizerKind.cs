namespace MLNetExtensions.Trainers.Engine;

/// <summary>The optimizer that updates the network's weights.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as <c>torch.optim.AdamW</c>.</summary>
    AdamW,

    /// <summary>Stochastic gradient descent with (optionally Nesterov) momentum, as <c>torch.optim.SGD</c>.</summary>
    Sgd,
}
