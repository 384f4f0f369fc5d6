"""Writes the PyTorch reference fixtures for the CNN architecture tests.

Run with PyTorch 1.13 (Debian python3-torch):  /usr/bin/python3 make_fixtures.py
Outputs, next to this script:
  parameter_counts.json   per-layer and total parameter counts of the presets, built in PyTorch
  <case>.json + <case>.bin parity cases (eval mode): named tensors (state_dict entries, "input",
                           "logits", and "grad.<parameter>" for the cross-entropy loss against
                           labels arange(N) % classes) stored as little-endian float32 in the .bin, located by the .json
The PyTorch modules below use the same layer names as the C# networks so state_dict keys match.
"""
import json
import os
from collections import OrderedDict

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))


def lenet5(in_ch, classes, flat):
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(in_ch, 6, 5, padding=2)), ("conv1_relu", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2, 2)),
        ("conv2", nn.Conv2d(6, 16, 5)), ("conv2_relu", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2, 2)),
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(flat, 120)), ("fc1_relu", nn.ReLU()),
        ("fc2", nn.Linear(120, 84)), ("fc2_relu", nn.ReLU()),
        ("fc3", nn.Linear(84, classes)),
    ]))


def pool(kind, size, stride, padding):
    if kind == "max":
        return nn.MaxPool2d(size, stride, padding)
    if kind == "average":
        return nn.AvgPool2d(size, stride, padding)
    assert padding == 0, "LPPool2d has no padding"
    return nn.LPPool2d(2, size, stride)


def vgg(in_ch, classes, blocks, hidden, flat, batch_norm=False, dropout=0.0):
    """blocks: list of (convs=[(channels, kernel, padding, stride)], (kind, size, stride, padding))."""
    layers, c, n = [], in_ch, 0
    for b, (convs, p) in enumerate(blocks, start=1):
        for (co, k, pad, s) in convs:
            n += 1
            layers.append((f"conv{n}", nn.Conv2d(c, co, k, s, pad, bias=not batch_norm)))
            if batch_norm:
                layers.append((f"conv{n}_bn", nn.BatchNorm2d(co)))
            layers.append((f"conv{n}_relu", nn.ReLU()))
            c = co
        layers.append((f"pool{b}", pool(*p)))
    layers.append(("flatten", nn.Flatten()))
    f = flat
    for i, width in enumerate(hidden, start=1):
        layers += [(f"fc{i}", nn.Linear(f, width)), (f"fc{i}_relu", nn.ReLU())]
        if dropout > 0:
            layers.append((f"fc{i}_dropout", nn.Dropout(dropout)))
        f = width
    layers.append((f"fc{len(hidden) + 1}", nn.Linear(f, classes)))
    return nn.Sequential(OrderedDict(layers))


class Block(nn.Module):
    """Basic residual block; a stride-s block uses a (s+2)x(s+2) pad-1 conv and an s x s projection."""

    def __init__(self, cin, cout, s):
        super().__init__()
        k = 3 if s == 1 else s + 2
        self.conv1 = nn.Conv2d(cin, cout, k, s, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if s != 1 or cin != cout:
            self.shortcut = nn.Sequential(OrderedDict([
                ("conv", nn.Conv2d(cin, cout, s, s, bias=False)), ("bn", nn.BatchNorm2d(cout))]))

    def forward(self, x):
        h = torch.relu(self.bn1(self.conv1(x)))
        h = self.bn2(self.conv2(h))
        return torch.relu(h + (x if self.shortcut is None else self.shortcut(x)))


def resnet(in_ch, classes, stem, stages, dropout=0.0):
    layers = [("stem", nn.Conv2d(in_ch, stem, 3, 1, 1, bias=False)), ("stem_bn", nn.BatchNorm2d(stem)),
              ("stem_relu", nn.ReLU())]
    c = stem
    for si, (co, blocks, stride) in enumerate(stages, start=1):
        for bi in range(1, blocks + 1):
            layers.append((f"stage{si}_block{bi}", Block(c, co, stride if bi == 1 else 1)))
            c = co
    layers += [("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten())]
    if dropout > 0:
        layers.append(("dropout", nn.Dropout(dropout)))
    layers.append(("fc", nn.Linear(c, classes)))
    return nn.Sequential(OrderedDict(layers))


def uniform(n, channels, p=("max", 2, 2, 0)):
    return ([(channels, 3, 1, 1)] * n, p)


def counts(model):
    per_layer = {name: sum(p.numel() for p in m.parameters()) for name, m in model.named_children()}
    return {"layers": per_layer, "total": sum(p.numel() for p in model.parameters())}


def write_counts():
    presets = {
        "lenet5_1x28x28_10": lenet5(1, 10, 16 * 5 * 5),
        "lenet5_3x32x32_7": lenet5(3, 7, 16 * 6 * 6),
        "vgg_1x28x28_10": vgg(1, 10, [uniform(2, 32), uniform(2, 64)], [128], 64 * 7 * 7),
        "vggbn_1x28x28_10": vgg(1, 10, [uniform(2, 32), uniform(2, 64), uniform(2, 128, ("max", 3, 2, 0))],
                                [256], 128 * 3 * 3, batch_norm=True, dropout=0.4),
        "resnet_1x28x28_10": resnet(1, 10, 16, [(16, 2, 1), (32, 2, 2), (64, 2, 2)]),
    }
    with open(os.path.join(HERE, "parameter_counts.json"), "w") as f:
        json.dump({k: counts(m) for k, m in presets.items()}, f, indent=1)


def randomise_batch_norm(model, gen):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.uniform_(0.5, 1.5, generator=gen)
                m.bias.uniform_(-0.5, 0.5, generator=gen)
                m.running_mean.uniform_(-0.5, 0.5, generator=gen)
                m.running_var.uniform_(0.5, 2.0, generator=gen)


def write_case(name, model, input_shape):
    gen = torch.Generator().manual_seed(1234)
    randomise_batch_norm(model, gen)
    model.eval()
    x = torch.rand(input_shape, generator=gen) * 2 - 1
    logits = model(x)
    labels = torch.arange(x.shape[0]) % logits.shape[1]
    torch.nn.functional.cross_entropy(logits, labels).backward()
    tensors = OrderedDict((k, v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked"))
    tensors["input"] = x
    tensors["logits"] = logits
    for k, p in model.named_parameters():
        tensors["grad." + k] = p.grad
    manifest, offset = {}, 0
    with open(os.path.join(HERE, name + ".bin"), "wb") as f:
        for k, v in tensors.items():
            data = v.detach().contiguous().to(torch.float32).numpy().astype("<f4").tobytes()
            manifest[k] = {"shape": list(v.shape), "offset": offset}
            f.write(data)
            offset += v.numel()
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(manifest, f, indent=1)


def main():
    torch.manual_seed(7)
    write_counts()
    write_case("lenet5_parity", lenet5(1, 10, 400), (2, 1, 28, 28))
    small_blocks = [
        ([(4, 3, 1, 1)], ("max", 2, 2, 0)),                 # 16 -> 16 -> 8
        ([(6, 3, 0, 1), (8, 3, 1, 1)], ("average", 2, 2, 0)),  # 8 -> 6 -> 6 -> 3
        ([(8, 3, 1, 2)], ("l2", 2, 1, 0)),                  # 3 -> 2 -> 1
    ]
    write_case("vgg_parity", vgg(3, 5, small_blocks, [12, 10], 8), (3, 3, 16, 16))
    write_case("vggbn_parity", vgg(3, 5, small_blocks, [12], 8, batch_norm=True, dropout=0.3), (3, 3, 16, 16))
    write_case("resnet_parity", resnet(1, 3, 4, [(4, 1, 1), (8, 1, 2)], dropout=0.2), (2, 1, 8, 8))


if __name__ == "__main__":
    main()
