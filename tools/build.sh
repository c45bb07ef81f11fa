#!/usr/bin/env bash
# Builds the app: `tools/build.sh native` (core, tests, UI smoke test), `tools/build.sh web`
# (WebAssembly into build/web/dist), or both when called without arguments.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
JOBS="${MOTCUA_JOBS:-$(nproc)}"

build_native() {
    cmake --preset native >/dev/null
    cmake --build --preset native -j "$JOBS"
}

build_web() {
    cmake --preset web >/dev/null
    cmake --build --preset web -j "$JOBS"
}

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(native web)
for t in "${targets[@]}"; do
    case "$t" in
    native) build_native ;;
    web) build_web ;;
    *) echo "usage: tools/build.sh [native] [web]" >&2; exit 2 ;;
    esac
done
