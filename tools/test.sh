#!/usr/bin/env bash
# Runs every test suite: sets up what is missing, builds native and WebAssembly, then Catch2 (ctest,
# including the headless UI smoke test and short fuzz runs), serve.py's unittest suite and the
# browser tests. Ends with one line "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

PASSED=0
FAILED=0
LOG_DIR="$ROOT/build/test-logs"

add() { PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); }
section() { printf '\n=== %s ===\n' "$*"; }
finish() {
    echo
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
    exit $?
}

section "setup"
if ! bash tools/setup.sh; then
    echo "setup failed"
    add 0 1
    finish
fi
mkdir -p "$LOG_DIR"

section "build (native)"
if ! bash tools/build.sh native >"$LOG_DIR/build-native.log" 2>&1; then
    tail -40 "$LOG_DIR/build-native.log"
    echo "native build failed"
    add 0 1
    NATIVE_OK=0
else
    echo "ok"
    NATIVE_OK=1
fi

section "build (web)"
if ! bash tools/build.sh web >"$LOG_DIR/build-web.log" 2>&1; then
    tail -40 "$LOG_DIR/build-web.log"
    echo "web build failed"
    add 0 1
    WEB_OK=0
else
    grep packaged "$LOG_DIR/build-web.log" || true
    WEB_OK=1
fi

if [ "$NATIVE_OK" -eq 1 ]; then
    section "Catch2, UI smoke test, fuzzers (ctest)"
    ctest --test-dir build/native -j "$(nproc)" --timeout 300 --output-on-failure >"$LOG_DIR/ctest.log" 2>&1
    grep -E "Failed|\*\*\*|tests passed" "$LOG_DIR/ctest.log" | tail -30
    summary="$(grep -E '[0-9]+% tests passed' "$LOG_DIR/ctest.log" | tail -1)"
    total="$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")"
    bad="$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$summary")"
    if [[ "$total" =~ ^[0-9]+$ && "$bad" =~ ^[0-9]+$ ]]; then
        add $((total - bad)) "$bad"
    else
        echo "ctest did not report a summary"
        add 0 1
    fi
fi

# The whole server suite runs on each database backend (PostgreSQL: a throw-away cluster the
# tests start and remove themselves).
for backend in sqlite postgresql; do
    section "serve.py (unittest, $backend)"
    log="$LOG_DIR/server-$backend.log"
    MOTCUA_TEST_BACKEND="$backend" python3 -m unittest discover -s tests/server >"$log" 2>&1
    tail -5 "$log"
    ran="$(grep -E '^Ran [0-9]+ test' "$log" | sed -E 's/^Ran ([0-9]+).*/\1/')"
    fails=0
    for n in $(grep -E '^FAILED' "$log" | grep -oE '(failures|errors)=[0-9]+' | cut -d= -f2); do
        fails=$((fails + n))
    done
    if [[ "$ran" =~ ^[0-9]+$ ]]; then
        add $((ran - fails)) "$fails"
    else
        grep -E "Error|error" "$log" | tail -5
        add 0 1
    fi
done

if [ "$WEB_OK" -eq 1 ]; then
    section "browser (playwright-core + Debian chromium)"
    node tests/browser/run.mjs 2>&1 | tee "$LOG_DIR/browser.log" | grep -vE '^ok '
    line="$(grep -E '^browser tests: [0-9]+ passed, [0-9]+ failed' "$LOG_DIR/browser.log" | tail -1)"
    if [ -n "$line" ]; then
        p="$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")"
        f="$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")"
        add "$p" "$f"
    else
        echo "browser tests did not finish"
        add 0 1
    fi
fi

finish
