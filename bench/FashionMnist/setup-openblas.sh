#!/bin/sh
# Points Debian's PyTorch (python3-torch) at the OpenMP build of OpenBLAS, so that the reference
# timings are fair: Debian's torch sends matrix products through the system libblas.so.3, which
# is otherwise the slow reference BLAS (about 4 GFLOP/s here against about 190 with OpenBLAS),
# and the pthread OpenBLAS competes with torch's own threads on a 2-core machine.
# Needs root. Safe to run again.
set -eu

dir=/usr/lib/x86_64-linux-gnu/openblas-openmp
if [ ! -e "$dir/libblas.so.3" ]; then
    apt-get install -y libopenblas0-openmp
fi

for name in libblas.so.3 liblapack.so.3 libopenblas.so.0; do
    update-alternatives --set "$name-x86_64-linux-gnu" "$dir/$name"
done

for name in libblas.so.3 liblapack.so.3 libopenblas.so.0; do
    printf '%s -> %s\n' "$name" "$(readlink -f "/usr/lib/x86_64-linux-gnu/$name")"
done
