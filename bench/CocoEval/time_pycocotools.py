#!/usr/bin/python3
"""Time pycocotools end to end (load + evaluate + accumulate + summarize) and report peak memory.

pycocotools is not part of the repository; PYCOCOTOOLS_DIR names the folder holding its package
(see docs/evaluators.md for the build). Usage: time_pycocotools.py GT.json DT.json
"""
import contextlib
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.environ.get("PYCOCOTOOLS_DIR", "/tmp/oracle/fork/PythonAPI"))
from pycocotools.coco import COCO  # noqa: E402
from pycocotools.cocoeval import COCOeval  # noqa: E402

start = time.perf_counter()
with contextlib.redirect_stdout(sys.stderr):
    gt = COCO(sys.argv[1])
    dt = gt.loadRes(sys.argv[2])
    loaded = time.perf_counter()
    e = COCOeval(gt, dt, "bbox")
    e.evaluate()
    e.accumulate()
    e.summarize()
end = time.perf_counter()
print(json.dumps({
    "tool": "pycocotools", "images": len(e.params.imgIds), "detections": len(dt.anns),
    "load_s": round(loaded - start, 3), "evaluate_s": round(end - loaded, 3), "total_s": round(end - start, 3),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "AP": float(e.stats[0]),
}))
