#!/usr/bin/python3
"""Generate random COCO bbox cases that stress the evaluation rules and record pycocotools' answers.

The output (gt.json, dt.json, expected.json per case) is committed under TestData/Coco/random and compared
by CocoEvaluatorRandomCaseTests. pycocotools itself is not part of the repository: build it outside (see
docs/evaluators.md) and point PYCOCOTOOLS_DIR at the folder holding the `pycocotools` package.

Usage: /usr/bin/python3 make_coco_oracle_cases.py OUT_DIR [--count 30] [--seed 20261203]
"""
import argparse
import contextlib
import json
import os
import random
import sys

sys.path.insert(0, os.environ.get("PYCOCOTOOLS_DIR", "/tmp/oracle/fork/PythonAPI"))

import numpy as np  # noqa: E402
from pycocotools.coco import COCO  # noqa: E402
from pycocotools.cocoeval import COCOeval  # noqa: E402

NAMES = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
# (average precision?, IoU or None, area label, index into maxDets), in COCOeval.stats order
SPECS = [(True, None, "all", 2), (True, .5, "all", 2), (True, .75, "all", 2), (True, None, "small", 2),
         (True, None, "medium", 2), (True, None, "large", 2), (False, None, "all", 0), (False, None, "all", 1),
         (False, None, "all", 2), (False, None, "small", 2), (False, None, "medium", 2), (False, None, "large", 2)]
# Areas on and around the small/medium/large bounds (both inclusive in COCO).
EDGE_AREAS = [32 * 32, 32 * 32 - 1e-9, 32 * 32 + 1e-9, 96 * 96, 96 * 96 + 1, 96 * 96 - 1, 0.0]


def random_box(rng):
    w = rng.choice([rng.randint(1, 40), rng.randint(20, 130), rng.uniform(1, 200)])
    h = rng.choice([rng.randint(1, 40), rng.randint(20, 130), rng.uniform(1, 200)])
    return [float(rng.randint(0, 400)), float(rng.randint(0, 300)), float(w), float(h)]


def jitter(rng, box):
    """A detection derived from a ground-truth box: exact copies, IoU exactly 0.5 or 0.75, or noisy."""
    x, y, w, h = box
    kind = rng.random()
    if kind < 0.15:
        return [x, y, w, h]
    if kind < 0.25:
        return [x, y, w, h / 2]  # IoU exactly 0.5
    if kind < 0.35:
        return [x, y, w * 0.75, h]  # IoU exactly 0.75 when w * 0.75 is exact
    s = rng.uniform(0.05, 0.4)
    return [x + rng.uniform(-s, s) * w, y + rng.uniform(-s, s) * h, w * rng.uniform(1 - s, 1 + s),
            h * rng.uniform(1 - s, 1 + s)]


def make_case(rng, zero_id):
    n_images = rng.randint(2, 12)
    image_ids = rng.sample(range(1, 1000), n_images)
    cat_ids = sorted(rng.sample(range(1, 30), rng.randint(1, 5)))
    gt_cats = [c for c in cat_ids if rng.random() > 0.15] or cat_ids[:1]  # some categories get no ground truth
    anns, next_id = [], 0 if zero_id else 1
    for img in image_ids:
        for _ in range(rng.choice([0, 1, 2, 3, 5, 8])):
            box = random_box(rng)
            if rng.random() < 0.3 and anns and anns[-1]["image_id"] == img:
                box = list(anns[-1]["bbox"])  # duplicate ground truth: equally good matches
            area = rng.choice(EDGE_AREAS) if rng.random() < 0.2 else box[2] * box[3]
            anns.append({"id": next_id, "image_id": img, "category_id": rng.choice(gt_cats), "bbox": box,
                         "area": area, "iscrowd": int(rng.random() < 0.12),
                         "ignore": int(rng.random() < 0.2), "segmentation": []})
            next_id += 1
    dets = []
    score_levels = rng.choice([None, 5, 10])  # quantised scores give ties
    for img in image_ids:
        img_anns = [a for a in anns if a["image_id"] == img]
        n_dets = rng.choice([0, 2, 5, 12, 30] + ([130] if rng.random() < 0.15 else []))
        for _ in range(n_dets):
            if img_anns and rng.random() < 0.6:
                a = rng.choice(img_anns)
                box, cat = jitter(rng, a["bbox"]), a["category_id"]
            else:
                box, cat = random_box(rng), rng.choice(cat_ids)
            score = rng.random() if score_levels is None else rng.randint(0, score_levels) / score_levels
            dets.append({"image_id": img, "category_id": cat, "bbox": box, "score": score})
    images = [{"id": i, "width": 640, "height": 480} for i in image_ids]  # deliberately unsorted
    gt = {"images": images, "categories": [{"id": c, "name": f"c{c}"} for c in cat_ids], "annotations": anns}
    return gt, dets


def evaluate(gt_path, dt_path, dets):
    with contextlib.redirect_stdout(sys.stderr):
        coco_gt = COCO(gt_path)
        coco_dt = coco_gt.loadRes(dt_path) if dets else empty_results(coco_gt)
        e = COCOeval(coco_gt, coco_dt, "bbox")
        e.evaluate()
        e.accumulate()
        e.summarize()
    return e


def empty_results(coco_gt):
    res = COCO()
    res.dataset = {"images": list(coco_gt.dataset["images"]), "categories": coco_gt.dataset["categories"],
                   "annotations": []}
    res.createIndex()
    return res


def category_stat(e, spec, k):
    is_ap, iou, area, m = spec
    p = e.params
    a = p.areaRngLbl.index(area)
    if is_ap:
        s = e.eval["precision"][:, :, k, a, m]
    else:
        s = e.eval["recall"][:, k, a, m]
    if iou is not None:
        s = s[np.where(p.iouThrs == iou)[0]]
    s = s[s > -1]
    return -1.0 if s.size == 0 else float(np.mean(s))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed", type=int, default=20261203)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for n in range(1, args.count + 1):
        zero_id = n % 6 == 0
        gt, dets = make_case(rng, zero_id)
        folder = os.path.join(args.out, f"r{n:02d}")
        os.makedirs(folder, exist_ok=True)
        gt_path, dt_path = os.path.join(folder, "gt.json"), os.path.join(folder, "dt.json")
        with open(gt_path, "w") as f:
            json.dump(gt, f)
        with open(dt_path, "w") as f:
            json.dump(dets, f)
        e = evaluate(gt_path, dt_path, dets)
        expected = {
            "stats_names": NAMES,
            "stats": [float(x) for x in e.stats],
            "per_category": [dict({"category_id": int(c)}, **{nm: category_stat(e, sp, k)
                                                               for nm, sp in zip(NAMES, SPECS)})
                             for k, c in enumerate(e.params.catIds)],
            "reproduce_zero_id_defect": zero_id,
            "recall": e.eval["recall"].tolist(),
            "oracle": "pycocotools COCOeval bbox (ppwwyyxx/cocoapi), numpy " + np.__version__,
            "seed": args.seed,
        }
        if n <= 3:
            expected["precision"] = e.eval["precision"].tolist()
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump(expected, f)
        print(folder, len(gt["annotations"]), len(dets), expected["stats"][0], file=sys.stderr)


if __name__ == "__main__":
    main()
