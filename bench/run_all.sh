#!/usr/bin/env bash
# Runs the benchmarks in bench/.
#
#   bash bench/run_all.sh          # the browser benches: bench/web_bench.mjs, bench/scan_bench.mjs
#   bash bench/run_all.sh --all    # plus bench/api_bench.sh and bench/fuzz_long.sh, when present
#
# Each bench starts its own server on a free port and cleans up after itself, one at a time. Stops
# at the first bench that fails (non-zero exit; a missed target is reported, not a failure).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ALL=0
for a in "$@"; do
  case "$a" in
    --all) ALL=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a (use --all or nothing)" >&2; exit 2 ;;
  esac
done

echo "=== web: node bench/web_bench.mjs ==="
node "$HERE/web_bench.mjs"

echo; echo "=== scan: node bench/scan_bench.mjs ==="
node "$HERE/scan_bench.mjs"

if [ "$ALL" = 1 ]; then
  if [ -f "$HERE/api_bench.sh" ]; then
    echo; echo "=== api: bash bench/api_bench.sh ==="
    bash "$HERE/api_bench.sh"
  else
    echo; echo "(bench/api_bench.sh not present, skipped)"
  fi
  if [ -f "$HERE/fuzz_long.sh" ]; then
    echo; echo "=== fuzz: bash bench/fuzz_long.sh ==="
    bash "$HERE/fuzz_long.sh"
  else
    echo; echo "(bench/fuzz_long.sh not present, skipped)"
  fi
fi
