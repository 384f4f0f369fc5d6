#!/usr/bin/env python3
"""Scores the Fashion-MNIST test split several times with PyTorch 1.13 (LeNet-5, batch 256, eval mode,
no_grad, softmax), as ScoringPasses does for our transformer; prints images/s per pass.

    /usr/bin/python3 bench/TrainingProfile/pytorch_scoring_passes.py [PASSES]
"""
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "FashionMnist"))
import architectures  # noqa: E402
import pytorch_reference as reference  # noqa: E402

torch.set_num_threads(2)
torch.manual_seed(1)
model = architectures.build(architectures.PRESETS["lenet"], shape=(1, 28, 28), classes=10)
images, _ = reference.load_split(reference.DEFAULT_DATA, "t10k")
for number in range(1, (int(sys.argv[1]) if len(sys.argv) > 1 else 10) + 1):
    start = time.perf_counter()
    reference.score(model, images, 256)
    print(f"pass {number}: {len(images) / (time.perf_counter() - start):.0f} images/s")
