#!/bin/sh
# Trains and scores the same architecture with samples/FashionMnist (ours) and with the PyTorch 1.13
# reference, one after the other in the same run, and prints both result lines and the ratios.
#
#   bench/FashionMnist/run.sh [--arch lenet|vgg|resnet] [--epochs N] [--threads N] [--data DIR] [--repeat N]
#
# Defaults: LeNet-5, 5 epochs, 2 threads, the full set when installed (else the shipped subset), one
# pair of runs. With --repeat N the two sides alternate N times (ours, PyTorch, ours, ...) and the
# summary gives each pair's ratios and their median: on a shared or virtual machine the speed of
# either side drifts by tens of per cent over minutes, and only adjacent runs see the same machine.
# Run setup-openblas.sh once first (as root) so that PyTorch uses OpenBLAS.
set -eu

arch=lenet epochs=5 threads=2 data= repeat=1
while [ $# -gt 0 ]; do
    case "$1" in
        --arch) arch=$2; shift 2 ;;
        --epochs) epochs=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)
case "$blas" in
    *openblas*) ;;
    *) echo "warning: libblas.so.3 is $blas, not OpenBLAS; run $here/setup-openblas.sh" >&2 ;;
esac

data_arg=
if [ -n "$data" ]; then
    data=$(cd "$data" && pwd)
    data_arg="--data $data"
fi

dotnet build -c Release "$root/samples/FashionMnist" -v q -nologo >/dev/null
: > "$out/pairs"
pair=1
while [ "$pair" -le "$repeat" ]; do
    echo "== MLNetExtensions (samples/FashionMnist), $arch, $epochs epochs, $threads threads, run $pair of $repeat"
    # shellcheck disable=SC2086
    (cd "$out" && dotnet run -c Release --no-build --project "$root/samples/FashionMnist" -- \
        --arch "$arch" --epochs "$epochs" --threads "$threads" --json $data_arg) > "$out/ours.log" 2>&1 \
        || { cat "$out/ours.log"; echo "samples/FashionMnist failed" >&2; exit 1; }
    cat "$out/ours.log"
    ours=$(tail -n 1 "$out/ours.log")

    echo "== PyTorch reference, run $pair of $repeat"
    arch_json=$(printf '%s' "$ours" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin).get("architectureJson", ""))')
    set -- --arch "$arch" --epochs "$epochs" --threads "$threads"
    if [ -n "$data" ]; then set -- "$@" --data "$data"; fi
    if [ -n "$arch_json" ]; then set -- "$@" --architecture-json "$arch_json"; fi
    /usr/bin/python3 "$here/pytorch_reference.py" "$@" > "$out/torch.log" 2>&1 \
        || { cat "$out/torch.log"; echo "pytorch_reference.py failed" >&2; exit 1; }
    cat "$out/torch.log"
    printf '%s\n%s\n' "$ours" "$(tail -n 1 "$out/torch.log")" >> "$out/pairs"
    pair=$((pair + 1))
done

echo "== Summary"
/usr/bin/python3 - "$out/pairs" <<'PY'
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pairs = list(zip(lines[0::2], lines[1::2]))
speed = ("trainImagesPerSecond", "scoreImagesPerSecond")
for i, (ours, ref) in enumerate(pairs, 1):
    print(f"run {i}: " + ", ".join(f"{k} {ours[k]} / {ref[k]} = {ours[k] / ref[k]:.3f}" for k in speed))
ours, ref = pairs[-1]
print(f"{'last pair' if len(pairs) > 1 else '':26}{'ours':>12}{'pytorch':>12}{'ratio':>8}")
for key in ("parameters", "trainImagesPerSecond", "scoreImagesPerSecond", "accuracy", "logLoss"):
    a, b = ours.get(key), ref.get(key)
    ratio = f"{a / b:8.3f}" if a and b else ""
    print(f"{key:26}{a:>12}{b:>12}{ratio}")
if len(pairs) > 1:
    for key in speed:
        ratios = [o[key] / r[key] for o, r in pairs]
        print(f"median {key} ratio over {len(pairs)} pairs: {statistics.median(ratios):.3f} "
              f"(min {min(ratios):.3f}, max {max(ratios):.3f})")
print("ours:   ", json.dumps(ours))
print("pytorch:", json.dumps(ref))
PY
