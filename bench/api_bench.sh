#!/usr/bin/env bash
# Throughput and latency of the status API vs. a static file of the same size.
#
#   bash bench/api_bench.sh [DURATION_SECONDS] [CONNECTIONS]
#
# Starts serve.py (--quiet --no-build) on a temporary data dir and free port, creates a
# dossier through the back office, then runs wrk with keep-alive connections against:
#   1. GET /api/v1/dossiers/{code}   (Bearer token)         - dossier read
#   2. POST /api/v1/dossiers/lookup  (code + secret)        - lookup (signs a token; one client
#                                                              gets 60 a minute, then 429s)
#   3. GET /bench-static.json        (same bytes, app dir)  - the ceiling
# Prints requests/s and p50/p99 latency for each and the read/static ratio; writes the raw
# wrk output to bench/out/. Target: dossier read >= 50% of the static rate, p99 <= 50 ms.
set -euo pipefail
DUR="${1:-10}"
CONN="${2:-50}"
THREADS=2
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
TMP="$(mktemp -d)"
OUT="$REPO/bench/out"
mkdir -p "$OUT" "$TMP/app"
echo '<!doctype html><title>bench</title>' > "$TMP/app/index.html"
PORT="$($PY -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
ADMIN="bench-admin-$($PY -c 'import secrets; print(secrets.token_urlsafe(32))')"  # >= 32 characters
MOTCUA_ADMIN_TOKEN="$ADMIN" $PY "$REPO/serve.py" --quiet --no-build --port "$PORT" \
  --data-dir "$TMP/data" --app-dir "$TMP/app" >"$TMP/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -sf "$BASE/api/v1/health" >/dev/null && break; sleep 0.1; done

# a dossier with a realistic history, its token, and a static copy of its payload
eval "$($PY "$REPO/bench/bench_setup.py" "$BASE" "$ADMIN" "$TMP/app/bench-static.json" "$TMP/lookup.lua")"
SIZE=$(stat -c %s "$TMP/app/bench-static.json")
echo "server: serve.py on $BASE, payload $SIZE bytes, $CONN connections, $THREADS wrk threads, ${DUR}s each"

run() {  # name, wrk args...
  local name="$1"; shift
  wrk -t"$THREADS" -c"$CONN" -d"${DUR}s" --latency "$@" >"$OUT/$name.txt" 2>&1
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$name.txt")
  errs=$(grep -E 'Non-2xx|Socket errors' "$OUT/$name.txt" | tr '\n' ' ' || true)
  printf '%-14s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errs"
  echo "$rps" >"$TMP/$name.rps"
}
wrk -t1 -c4 -d1s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/dossiers/$CODE" >/dev/null 2>&1  # warm-up
run static         "$BASE/bench-static.json"
run dossier_read   -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/dossiers/$CODE"
run lookup         -s "$TMP/lookup.lua" "$BASE/api/v1/dossiers/lookup"
$PY - "$TMP" <<'PYEOF'
import sys
t = sys.argv[1]
read = float(open(f"{t}/dossier_read.rps").read())
static = float(open(f"{t}/static.rps").read())
print(f"dossier read / static file = {100 * read / static:.0f}% (target >= 50%)")
PYEOF
echo "raw wrk output: $OUT/"
