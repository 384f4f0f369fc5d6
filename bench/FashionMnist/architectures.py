"""The networks of samples/FashionMnist, written in PyTorch for the reference timings.

Layer for layer the same as MLNetExtensions.Trainers.Cnn.Architectures' presets (same layer
order, sizes, padding and parameter counts); the parameter count is printed with the results
so a mismatch shows.
"""
from torch import nn


def lenet(num_classes):
    """LeNet-5 for 1x28x28: conv 6@5x5 pad 2, ReLU, max pool 2, conv 16@5x5, ReLU, max pool 2,
    FC 120, ReLU, FC 84, ReLU, FC classes (61,706 parameters for 10 classes)."""
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, num_classes),
    )


BUILDERS = {"lenet": lenet}
