"""Throughput and latency of the status API vs. a static file of the same size: the body of
bench/api_bench.sh (run that; its header says what is measured)."""
import json
import os
import sys

from bench_server import OUT_DIR, BenchServer, call, create_dossier, have_wrk, lookup, parse_wrk, run_wrk, wrk_text

THREADS = 2
# a realistic history, so the payload has a typical size
EVENTS = (
    {"type": "status", "status": 4, "note": "Đang thẩm định hồ sơ", "unit": "Phòng Đăng ký và Cấp Giấy chứng nhận",
     "officer_role": "Chuyên viên", "officer_name": "Trần Thị Hoa"},
    {"type": "supplement", "content": "Bản sao có chứng thực CCCD của người đề nghị", "deadline": "2030-01-10"},
    {"type": "fee", "name": "Lệ phí cấp Giấy chứng nhận", "amount": 100000, "paid": False},
    {"type": "fee", "name": "Phí thẩm định hồ sơ", "amount": 250000, "paid": True},
)


def main(argv):
    dur = int(argv[0]) if len(argv) > 0 else 10
    conn = int(argv[1]) if len(argv) > 1 else 50
    if not have_wrk():
        return 1
    os.makedirs(OUT_DIR, exist_ok=True)
    server = BenchServer("api")
    try:
        server.start()
        # a dossier with a history, its token, and a static copy of its payload
        d, refused = create_dossier(server, "1.004227", "Nguyễn Văn An", EVENTS)
        if refused:
            raise RuntimeError("; ".join(refused))
        token = lookup(server, d["code"], d["secret"])["token"]
        dossier_url = f"{server.base}/api/v1/dossiers/{d['code']}"
        st, payload = call(server.base, "GET", f"/api/v1/dossiers/{d['code']}", token=token)
        if st != 200:
            raise RuntimeError(f"dossier read: HTTP {st}")
        with open(os.path.join(server.app_dir, "bench-static.json"), "wb") as f:
            f.write(payload)
        lua = os.path.join(server.tmp, "lookup.lua")
        with open(lua, "w") as f:
            f.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n'
                    % json.dumps(json.dumps({"code": d["code"], "secret": d["secret"]})))
        print(f"server: serve.py on {server.base}, payload {len(payload)} bytes, {conn} connections, "
              f"{THREADS} wrk threads, {dur}s each", flush=True)

        auth = ["-H", f"Authorization: Bearer {token}"]
        run_wrk(["-t1", "-c4", "-d1s"] + auth + [dossier_url], 1)  # warm-up
        rps = {}
        for name, args in (("static", [f"{server.base}/bench-static.json"]),
                           ("dossier_read", auth + [dossier_url]),
                           ("lookup", ["-s", lua, f"{server.base}/api/v1/dossiers/lookup"])):
            text = run_wrk([f"-t{THREADS}", f"-c{conn}", f"-d{dur}s", "--latency"] + args, dur) or "wrk timed out\n"
            with open(os.path.join(OUT_DIR, f"{name}.txt"), "w") as f:
                f.write(text)
            r, t = parse_wrk(text), wrk_text(text)
            rps[name] = r.get("rps")
            print(f"{name:<14} {t['rps'] or '':>10} req/s   p50 {t['p50'] or '':<9} p99 {t['p99'] or '':<9} "
                  f"{r.get('errors') or ''}", flush=True)
        if rps["static"] and rps["dossier_read"]:
            print(f"dossier read / static file = {100 * rps['dossier_read'] / rps['static']:.0f}% (target >= 50%)")
        print(f"raw wrk output: {OUT_DIR}/")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
