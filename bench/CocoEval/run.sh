#!/usr/bin/env bash
# COCO evaluation benchmark: ours against pycocotools on the same synthetic sets, in the same run.
# Needs pycocotools built outside the repository (docs/evaluators.md); PYCOCOTOOLS_DIR points at it.
# Usage: bench/CocoEval/run.sh [WORK_DIR]   (PYCOCO_SIZES="5000" by default; add 50000 if you can wait)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/coco-bench}"
sizes="${SIZES:-500 5000 50000}"
pycoco_sizes="${PYCOCO_SIZES:-5000}"
dotnet build -c Release "$here/CocoEvalBench.csproj" -v q -nologo >&2
bench="dotnet $here/bin/Release/net10.0/CocoEvalBench.dll"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for n in $sizes; do
  [ -f "$work/$n/dt.json" ] || $bench generate "$work/$n" "$n"
  $bench time "$work/$n/gt.json" "$work/$n/dt.json" 2>/dev/null
  if [[ " $pycoco_sizes " == *" $n "* ]]; then
    /usr/bin/python3 "$here/time_pycocotools.py" "$work/$n/gt.json" "$work/$n/dt.json" 2>/dev/null
  fi
done
