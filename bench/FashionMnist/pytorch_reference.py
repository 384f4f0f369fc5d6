#!/usr/bin/env python3
"""PyTorch reference for the Fashion-MNIST benchmark.

Trains the same architecture as samples/FashionMnist with the same batch size, optimizer,
learning rate and thread count, and times it end to end: from the uint8 image arrays to the
optimizer step (batching, conversion to float, scaling to [0, 1] and standardising with the
training split's mean and standard deviation, forward, backward, step, schedule step). Defaults
follow the sample: AdamW, weight decay 0.01, one-cycle schedule peaking at 3e-3 (cosine, no
momentum cycling, as ours), mean 0.2860 and standard deviation 0.3530.
Then times batched inference (batch 256, eval mode, no_grad, softmax) over the test split.
The last line printed is one JSON object with the figures.

Run bench/FashionMnist/setup-openblas.sh once first (see its header for why).

    /usr/bin/python3 pytorch_reference.py [--data DIR] [--arch lenet] [--epochs 5] [--threads 2]
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch
from torch import nn

import architectures

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
SUBSET_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples", "data",
                           "fashion-mnist")


def read_idx(path, magic):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    if int.from_bytes(data[:4], "big") != magic:
        raise ValueError(f"{path} is not an idx file with magic 0x{magic:08X}")
    rank = magic & 0xFF
    dims = [int.from_bytes(data[4 + 4 * d:8 + 4 * d], "big") for d in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims).copy()


def load_split(directory, prefix):
    images = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"), 0x803)
    labels = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz"), 0x801)
    return images, labels.astype(np.int64)


PIXEL_MEAN, PIXEL_STD = 0.2860, 0.3530


def to_input(images_uint8, standardise=True):
    """uint8 [N, H, W] -> float [N, 1, H, W], scaled to [0, 1] and, by default, standardised."""
    x = torch.from_numpy(images_uint8).to(torch.float32).div_(255.0).unsqueeze_(1)
    return x.sub_(PIXEL_MEAN).div_(PIXEL_STD) if standardise else x


def train_epoch(model, optimizer, schedule, images, labels, batch_size, rng):
    model.train()
    order = rng.permutation(len(labels))
    total_loss, batches = 0.0, 0
    loss_fn = nn.CrossEntropyLoss()
    for start in range(0, len(order), batch_size):
        index = order[start:start + batch_size]
        x = to_input(images[index])
        y = torch.from_numpy(labels[index])
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        if schedule is not None:
            schedule.step()
        total_loss += loss.item()
        batches += 1
    return total_loss / batches


@torch.no_grad()
def score(model, images, batch_size):
    model.eval()
    out = [torch.softmax(model(to_input(images[s:s + batch_size])), dim=1)
           for s in range(0, len(images), batch_size)]
    return torch.cat(out)


def evaluate(probabilities, labels):
    y = torch.from_numpy(labels)
    accuracy = (probabilities.argmax(dim=1) == y).double().mean().item()
    picked = probabilities[torch.arange(len(y)), y].clamp_min(1e-15)
    return accuracy, (-picked.log()).double().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA if os.path.isdir(DEFAULT_DATA) else SUBSET_DATA)
    parser.add_argument("--arch", default="lenet", choices=sorted(architectures.PRESETS))
    parser.add_argument("--architecture-json", help="architecture JSON as CnnArchitecture.ToJson() writes it; "
                        "overrides --arch")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--score-batch-size", type=int, default=256)
    parser.add_argument("--lr", type=float, default=3e-3, help="peak learning rate of the one-cycle schedule, "
                        "or the constant one")
    parser.add_argument("--schedule", default="onecycle", choices=["onecycle", "constant"])
    parser.add_argument("--weight-decay", type=float, default=0.01, help="AdamW decoupled weight decay")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    train_x, train_y = load_split(args.data, "train")
    test_x, test_y = load_split(args.data, "t10k")
    spec = json.loads(args.architecture_json) if args.architecture_json else architectures.PRESETS[args.arch]
    model = architectures.build(spec, shape=(1, *train_x.shape[1:]), classes=10)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    steps = args.epochs * ((len(train_y) + args.batch_size - 1) // args.batch_size)
    schedule = (torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=steps, pct_start=0.3,
                                                    cycle_momentum=False)
                if args.schedule == "onecycle" else None)

    epoch_seconds = []
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        loss = train_epoch(model, optimizer, schedule, train_x, train_y, args.batch_size, rng)
        epoch_seconds.append(time.perf_counter() - start)
        print(f"epoch {epoch}: loss {loss:.4f}, {len(train_y) / epoch_seconds[-1]:.0f} images/s", flush=True)

    score(model, test_x[:args.score_batch_size], args.score_batch_size)  # warm-up
    start = time.perf_counter()
    probabilities = score(model, test_x, args.score_batch_size)
    score_seconds = time.perf_counter() - start
    accuracy, log_loss = evaluate(probabilities, test_y)

    print(json.dumps({
        "framework": f"pytorch {torch.__version__}",
        "arch": args.arch,
        "architecture": spec["type"],
        "epochs": args.epochs,
        "threads": args.threads,
        "batchSize": args.batch_size,
        "parameters": sum(p.numel() for p in model.parameters()),
        "trainImages": int(len(train_y)),
        "testImages": int(len(test_y)),
        "accuracy": round(accuracy, 5),
        "logLoss": round(log_loss, 5),
        "trainImagesPerSecond": round(args.epochs * len(train_y) / sum(epoch_seconds), 1),
        "scoreImagesPerSecond": round(len(test_y) / score_seconds, 1),
        "epochSeconds": [round(s, 3) for s in epoch_seconds],
    }))


if __name__ == "__main__":
    main()
