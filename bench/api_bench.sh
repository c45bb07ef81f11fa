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
# The work is done by bench/api_bench.py (with bench/bench_server.py) under $PYTHON (python3).
set -euo pipefail
exec "${PYTHON:-python3}" "$(dirname "$0")/api_bench.py" "$@"
