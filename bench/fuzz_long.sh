#!/usr/bin/env bash
# Longer libFuzzer runs of the core parsers (the ctest runs are only a smoke test).
# Usage: bench/fuzz_long.sh [seconds per target, default 600] [build dir, default build/native]
# Builds the fuzz targets with clang++ if needed; findings land in bench/out/fuzz/.
set -euo pipefail

seconds="${1:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${2:-$root/build/native}"
out="$root/bench/out/fuzz"
mkdir -p "$out"

targets=(dossier receipt line_break vietqr)
missing=0
for name in "${targets[@]}"; do [ -x "$build/tests/fuzz/fuzz_$name" ] || missing=1; done
if [ "$missing" = 1 ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$build" --target "${targets[@]/#/fuzz_}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
status=0
for name in "${targets[@]}"; do
    corpus="$out/corpus_$name"
    mkdir -p "$corpus"
    echo "== fuzz_$name for ${seconds}s (corpus $corpus)"
    if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -fork="$jobs" -ignore_crashes=0 -artifact_prefix="$out/${name}_" \
        "$corpus" "$root/tests/fuzz/corpus/$name" >"$out/fuzz_$name.log" 2>&1; then
        echo "fuzz_$name FOUND A PROBLEM: see $out/fuzz_$name.log and $out/${name}_*"
        status=1
    else
        grep -E "DONE|cov:" "$out/fuzz_$name.log" | tail -n 1 || true
    fi
done
exit $status
