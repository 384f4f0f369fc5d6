"""The networks of samples/FashionMnist, written in PyTorch for the reference timings.

Each network is built from the same JSON specification that CnnArchitecture.ToJson() writes
(MLNetExtensions.Trainers.Cnn.Architectures), layer for layer: same order, kernel sizes,
padding, strides, biases and parameter counts. PRESETS holds the defaults of
CnnArchitecture.LeNet5(), .Vgg() and .ResNet(); pass --architecture-json to build exactly what
the sample printed instead. The parameter count is reported with the results so a mismatch shows.
"""
import torch
from torch import nn

PRESETS = {
    "lenet": {"type": "lenet5", "pooling": "max"},
    "vgg": {
        "type": "vgg",
        "blocks": [
            {"convs": [{"channels": c, "kernel": 3, "padding": 1, "stride": 1}] * 2,
             "pool": {"kind": "max", "size": 2, "stride": 2, "padding": 0}}
            for c in (32, 64)
        ],
        "hiddenWidths": [128],
        "batchNorm": False,
        "dropout": 0.0,
    },
    "resnet": {
        "type": "resnet",
        "stemChannels": 16,
        "stages": [{"channels": 16, "blocks": 2, "stride": 1},
                   {"channels": 32, "blocks": 2, "stride": 2},
                   {"channels": 64, "blocks": 2, "stride": 2}],
        "dropout": 0.0,
    },
}


class L2Pool2d(nn.Module):
    """sqrt of the sum of squares over each window (floored at 1e-12 before the root)."""

    def __init__(self, size, stride, padding):
        super().__init__()
        self.size, self.stride, self.padding = size, stride, padding

    def forward(self, x):
        sums = nn.functional.avg_pool2d(x.square(), self.size, self.stride, self.padding,
                                        count_include_pad=True, divisor_override=1)
        return sums.clamp_min(1e-12).sqrt()


class ResidualBlock(nn.Module):
    """Two 3x3 convolutions with batch norm; the first strides (kernel stride + 2 when stride > 1),
    and a strided 1-layer projection shortcut when the shape changes."""

    def __init__(self, in_channels, out_channels, stride):
        super().__init__()
        kernel = 3 if stride == 1 else stride + 2
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = None
        if stride != 1 or in_channels != out_channels:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, stride, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels))

    def forward(self, x):
        y = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(y + (x if self.shortcut is None else self.shortcut(x)))


def pool(spec):
    kind, size, stride, padding = spec["kind"].lower(), spec["size"], spec["stride"], spec.get("padding", 0)
    if kind == "max":
        return nn.MaxPool2d(size, stride, padding)
    if kind == "average":
        return nn.AvgPool2d(size, stride, padding)
    return L2Pool2d(size, stride, padding)


def out_size(size, kernel, padding, stride):
    return (size + 2 * padding - kernel) // stride + 1


def lenet5(spec, shape, classes):
    p = {"kind": spec.get("pooling", "max"), "size": 2, "stride": 2, "padding": 0}
    h, w = (out_size(out_size(out_size(out_size(d, 5, 2, 1), 2, 0, 2), 5, 0, 1), 2, 0, 2) for d in shape[1:])
    return nn.Sequential(
        nn.Conv2d(shape[0], 6, 5, padding=2), nn.ReLU(), pool(p),
        nn.Conv2d(6, 16, 5), nn.ReLU(), pool(p),
        nn.Flatten(),
        nn.Linear(16 * h * w, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, classes))


def vgg(spec, shape, classes):
    layers, (channels, h, w) = [], shape
    for block in spec["blocks"]:
        for conv in block["convs"]:
            k, p, s = conv["kernel"], conv["padding"], conv["stride"]
            layers.append(nn.Conv2d(channels, conv["channels"], k, stride=s, padding=p, bias=not spec["batchNorm"]))
            if spec["batchNorm"]:
                layers.append(nn.BatchNorm2d(conv["channels"]))
            layers.append(nn.ReLU())
            channels, h, w = conv["channels"], out_size(h, k, p, s), out_size(w, k, p, s)
        pl = block["pool"]
        layers.append(pool(pl))
        h = out_size(h, pl["size"], pl.get("padding", 0), pl["stride"])
        w = out_size(w, pl["size"], pl.get("padding", 0), pl["stride"])
    layers.append(nn.Flatten())
    features = channels * h * w
    for width in spec["hiddenWidths"]:
        layers += [nn.Linear(features, width), nn.ReLU()]
        if spec.get("dropout", 0) > 0:
            layers.append(nn.Dropout(spec["dropout"]))
        features = width
    layers.append(nn.Linear(features, classes))
    return nn.Sequential(*layers)


def resnet(spec, shape, classes):
    stem = spec["stemChannels"]
    layers = [nn.Conv2d(shape[0], stem, 3, padding=1, bias=False), nn.BatchNorm2d(stem), nn.ReLU()]
    channels = stem
    for stage in spec["stages"]:
        for b in range(stage["blocks"]):
            layers.append(ResidualBlock(channels, stage["channels"], stage["stride"] if b == 0 else 1))
            channels = stage["channels"]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    if spec.get("dropout", 0) > 0:
        layers.append(nn.Dropout(spec["dropout"]))
    layers.append(nn.Linear(channels, classes))
    return nn.Sequential(*layers)


FAMILIES = {"lenet5": lenet5, "vgg": vgg, "resnet": resnet}


def build(spec, shape=(1, 28, 28), classes=10):
    """Builds the network that the architecture JSON `spec` describes, for images of `shape`."""
    return FAMILIES[spec["type"]](spec, shape, classes)
