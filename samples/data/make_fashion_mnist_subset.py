#!/usr/bin/env python3
"""Writes the stratified Fashion-MNIST subset shipped in fashion-mnist/.

Picks, with a fixed seed, the same number of images of every class from each split of the
full data set and writes them in the original idx format and file names (gzip, mtime 0, so
the output is byte-for-byte reproducible). Images keep their original relative order.

    python3 make_fashion_mnist_subset.py [--source DIR] [--out DIR] [--train N] [--test N]
"""
import argparse
import gzip
import os
import random
import struct

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
SEED = 20171025  # the day Fashion-MNIST's paper appeared on arXiv (1708.07747 v2)


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    found, = struct.unpack(">i", data[:4])
    if found != magic:
        raise ValueError(f"{path}: magic 0x{found:08X}, expected 0x{magic:08X}")
    rank = magic & 0xFF
    dims = struct.unpack(">" + "i" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]


def write_idx(path, magic, dims, body):
    header = struct.pack(">i", magic) + struct.pack(">" + "i" * len(dims), *dims)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(header + body)


def choose(labels, per_class, rng):
    by_class = {}
    for index, label in enumerate(labels):
        by_class.setdefault(label, []).append(index)
    chosen = []
    for label in sorted(by_class):
        chosen.extend(rng.sample(by_class[label], per_class))
    return sorted(chosen)


def write_split(source, out, prefix, per_class, rng):
    (count, rows, cols), images = read_idx(os.path.join(source, f"{prefix}-images-idx3-ubyte.gz"), IMAGES_MAGIC)
    (label_count,), labels = read_idx(os.path.join(source, f"{prefix}-labels-idx1-ubyte.gz"), LABELS_MAGIC)
    assert count == label_count, (count, label_count)
    chosen = choose(labels, per_class, rng)
    size = rows * cols
    body = b"".join(images[i * size:(i + 1) * size] for i in chosen)
    write_idx(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"), IMAGES_MAGIC, (len(chosen), rows, cols), body)
    write_idx(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"), LABELS_MAGIC, (len(chosen),),
              bytes(labels[i] for i in chosen))
    print(f"{prefix}: {len(chosen)} of {count} images ({per_class} per class)")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--out", default=os.path.join(here, "fashion-mnist"))
    parser.add_argument("--train", type=int, default=600, help="training images per class")
    parser.add_argument("--test", type=int, default=100, help="test images per class")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(SEED)
    write_split(args.source, args.out, "train", args.train, rng)
    write_split(args.source, args.out, "t10k", args.test, rng)


if __name__ == "__main__":
    main()
