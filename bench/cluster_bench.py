"""Throughput through nginx with 1 and with 3 serve.py instances, and the time for a change written
through one instance to reach a long poll held on another, on tools/cluster.sh.

    /usr/bin/python3 bench/cluster_bench.py [--seconds S] [--connections C] [--changes N] [--json OUT]

One run, as root (cluster.sh runs PostgreSQL through runuser):
  1. `tools/cluster.sh --dir TMP --port P --app-dir TMP/app up`: PostgreSQL primary + synchronous
     standby, serve.py x3 (--trusted-proxy 127.0.0.1), nginx on P balancing /api/ round robin.
  2. Setup through nginx: dossiers made through the back office (a few history events each, ~2.1 KB
     payloads), READ_DOSSIERS of them looked up once for the read tokens; LOOKUP_DOSSIERS others are
     the lookup phase's targets (lookups issue tokens, and a dossier keeps only its last few tokens
     live, so the read tokens are never on a dossier the lookups hit).
  3. Propagation: N changes (fee events), each written straight to one instance's port (in turn
     1, 2, 3) while a long poll (`/changes?since=V&timeout=25`) is held straight on each of the two
     other instances; time from sending the write (and from its 201) until each poll answered
     `changed:true` with the new version. p50/p99/max; target p99 <= 1 s.
  4. With 3 instances, through nginx: dossier reads (wrk -t2 -cC, a Lua script rotating the read
     dossiers and their tokens), then lookups (see below), S seconds each.
  5. `cluster.sh kill-instance 2` and `kill-instance 3` (SIGKILL: nginx's max_fails=1
     fail_timeout=3s takes them out; every 3 s it tries one again, the connection is refused and
     the request goes to instance 1), 2 s of warm-up reads, then the same two measurements.
  6. `cluster.sh down`.

Lookups are limited per client address (60 successful a minute, 10 failed); nginx sets
X-Forwarded-For to $remote_addr (it replaces whatever the client sent) and the instances trust
127.0.0.1 as the proxy, so the client key is the TCP source address nginx saw. wrk cannot choose a
source address, so the lookup load comes from this process: C keep-alive connections, each bound
to its own loopback address 127.1.x.y (all of 127.0.0.0/8 is local on Linux), each address used for
LOOKUPS_PER_ADDRESS (50) lookups and then replaced by a fresh one. Every lookup is a correct
code + secret, so every one must answer 200; any other status is counted and printed.

Everything runs on the same cores: PostgreSQL x2, nginx, the instances, wrk or this client. On a
2-core machine the 3/1 ratio is therefore bounded by the cores, not by the instances.
Stdlib only (runs under Debian's python3). Bounded: about 2 minutes with the defaults.
"""
import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_server import (OUT_DIR, REPO, free_port, have_wrk, parse_wrk, percentile, read_response,  # noqa: E402
                          run_wrk)

CLUSTER = os.path.join(REPO, "tools", "cluster.sh")
PROCEDURE = "1.004873"
READ_DOSSIERS = 20
LOOKUP_DOSSIERS = 50
LOOKUPS_PER_ADDRESS = 50  # < 60 a minute per client address
POLL_TIMEOUT = 25
SETUP_EVENTS = (
    {"type": "supplement", "content": "Bản sao có chứng thực CCCD của người đề nghị", "deadline": "2030-01-10"},
    {"type": "fee", "name": "Lệ phí cấp Giấy xác nhận", "amount": 100000, "paid": False},
    {"type": "fee", "name": "Phí thẩm định hồ sơ", "amount": 250000, "paid": True},
    {"type": "apology", "new_due_at": "2030-01-24T17:00:00+07:00",
     "reason": "Hồ sơ cần xác minh thêm tại địa phương nơi cư trú trước đây của người đề nghị; "
               "cơ quan xin lỗi ông/bà vì sự chậm trễ này."},
)
VERSION_RE = re.compile(rb'"version"\s*:\s*(\d+)')
CHANGED_RE = re.compile(rb'"changed"\s*:\s*(true|false)')


# ---------------------------------------------------------------------------------------- HTTP --
def request_bytes(method, path, port, body=None, token=None, close=False):
    data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    if close:
        head += "Connection: close\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    return head.encode("latin-1") + b"\r\n" + data


async def http(port, method, path, body=None, token=None, timeout=15.0, source=None):
    """One request on its own connection: (status, body bytes)."""
    async def go():
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, local_addr=(source, 0) if source else None)
        try:
            writer.write(request_bytes(method, path, port, body, token, close=True))
            return (await read_response(reader))[:2]
        finally:
            writer.close()
    return await asyncio.wait_for(go(), timeout)


async def must(port, method, path, body=None, token=None, source=None):
    st, resp = await http(port, method, path, body, token, source=source)
    if st not in (200, 201):
        raise RuntimeError(f"{method} {path}: HTTP {st} {resp[:200]!r}")
    return json.loads(resp)


# ------------------------------------------------------------------------------------ cluster --
class Cluster:
    def __init__(self, nginx_port):
        self.dir = tempfile.mkdtemp(prefix="motcua-clusterbench-")
        os.rmdir(self.dir)  # cluster.sh wants to create its state dir itself (or find it empty)
        self.tmp = tempfile.mkdtemp(prefix="motcua-clusterbench-app-")
        os.chmod(self.tmp, 0o755)
        with open(os.path.join(self.tmp, "index.html"), "w") as f:
            f.write("<!doctype html><title>bench</title>\n")
        os.chmod(os.path.join(self.tmp, "index.html"), 0o644)
        self.port = nginx_port
        self.admin = "bench-admin-" + secrets.token_urlsafe(32)
        self.env = dict(os.environ, MOTCUA_ADMIN_TOKEN=self.admin)

    def sh(self, *args, timeout=120, check=True):
        r = subprocess.run(["bash", CLUSTER, "--dir", self.dir, "--port", str(self.port), "--app-dir", self.tmp,
                            *args], capture_output=True, text=True, timeout=timeout, env=self.env)
        if check and r.returncode != 0:
            raise RuntimeError(f"cluster.sh {' '.join(args)} failed ({r.returncode}): {r.stdout}{r.stderr}")
        return r.stdout + r.stderr

    def api_ports(self):
        with open(os.path.join(self.dir, "api_ports")) as f:
            return [int(x) for x in f.read().split()]

    def pids(self):
        out = {}
        for n in (1, 2, 3):
            try:
                with open(os.path.join(self.dir, f"api{n}.pid")) as f:
                    out[f"api{n}"] = int(f.read().strip())
            except (OSError, ValueError):
                pass
        return out

    def cleanup(self):
        try:
            self.sh("down", timeout=60, check=False)
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def cpu_snapshot(cluster):
    """CPU seconds so far: each instance, and all postgres and nginx processes together (wrk has exited by then: not counted), and
    the machine's busy and total jiffies (/proc/stat) for its busy share."""
    out = {k: cpu_seconds(p) for k, p in cluster.pids().items()}
    groups = {"postgres": 0.0, "nginx": 0.0}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        comm = text[text.index("(") + 1:text.rindex(")")]
        if comm in groups:
            fields = text.rsplit(")", 1)[1].split()
            groups[comm] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    out.update(groups)
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    out["_busy"], out["_total"] = sum(cpu) - cpu[3] - cpu[4], sum(cpu)
    return out


def cpu_delta(before, after):
    out = {k: round(after[k] - before[k], 2) for k in after
           if not k.startswith("_") and before.get(k) is not None and after.get(k) is not None}
    total = after["_total"] - before["_total"]
    out["machine_busy_pct"] = round(100 * (after["_busy"] - before["_busy"]) / total, 1) if total else None
    return out


# -------------------------------------------------------------------------------------- setup --
async def make_dossiers(port, admin, n, name):
    out = []
    for i in range(n):
        d = await must(port, "POST", "/api/v1/admin/dossiers",
                       {"procedure_code": PROCEDURE, "owner_name": f"{name} {i}"}, admin)
        for ev in SETUP_EVENTS:
            await must(port, "POST", f"/api/v1/admin/dossiers/{d['code']}/events", ev, admin)
        out.append(d)
    return out


def address(k):
    """The k-th loopback client address, 127.1.0.1 onwards (127.0.0.1 is the trusted proxy)."""
    k += 1
    return f"127.{1 + (k >> 16)}.{(k >> 8) & 255}.{k & 255}"


# --------------------------------------------------------------------------------------- reads --
def wrk_reads(port, items, seconds, connections, out_dir):
    lua = os.path.join(out_dir, "cluster_reads.lua")
    with open(lua, "w") as f:
        f.write("local items = {\n")
        for path, token in items:
            f.write(f'  {{"{path}", "Bearer {token}"}},\n')
        f.write("}\nlocal i = math.random(#items)\n"
                "request = function()\n  i = i % #items + 1\n"
                "  return wrk.format(\"GET\", items[i][1], {[\"Authorization\"] = items[i][2]})\nend\n")
    text = run_wrk(["-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua,
                    f"http://127.0.0.1:{port}/"], seconds)
    res = parse_wrk(text)
    res.pop("raw", None)
    return res


# ------------------------------------------------------------------------------------- lookups --
class LookupLoad:
    def __init__(self, port, targets, first_address):
        self.port, self.targets = port, targets
        self.next_address = first_address
        self.lat, self.statuses, self.errors = [], {}, 0

    async def worker(self, deadline):
        while time.monotonic() < deadline:
            src = address(self.next_address)
            self.next_address += 1
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(src, 0))
            except OSError:
                self.errors += 1
                await asyncio.sleep(0.01)
                continue
            try:
                for _ in range(LOOKUPS_PER_ADDRESS):
                    if time.monotonic() >= deadline:
                        break
                    d = self.targets[secrets.randbelow(len(self.targets))]
                    t0 = time.monotonic()
                    writer.write(request_bytes("POST", "/api/v1/dossiers/lookup", self.port,
                                               {"code": d["code"], "secret": d["secret"]}))
                    st, _, _ = await asyncio.wait_for(read_response(reader), 30)
                    self.lat.append(time.monotonic() - t0)
                    self.statuses[st] = self.statuses.get(st, 0) + 1
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
                self.errors += 1
            finally:
                writer.close()

    async def run(self, seconds, connections):
        t0 = time.monotonic()
        c0 = time.process_time()
        await asyncio.gather(*(self.worker(t0 + seconds) for _ in range(connections)))
        wall = time.monotonic() - t0
        ok = self.statuses.get(200, 0)
        lat_ms = sorted(x * 1000 for x in self.lat)
        return {"rps": round(ok / wall, 1), "requests": len(self.lat), "ok": ok,
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())}, "errors": self.errors,
                "p50_ms": round(percentile(lat_ms, 50), 2) if lat_ms else None,
                "p99_ms": round(percentile(lat_ms, 99), 2) if lat_ms else None,
                "addresses_used": self.next_address, "client_cpu_s": round(time.process_time() - c0, 2)}


# ---------------------------------------------------------------------------------- propagation --
async def propagation(ports, admin, code, token, changes):
    """Each change written straight to instance w (in turn), long polls held straight on the other
    two: seconds from sending the write, and from its 201, to each poll's changed:true."""
    st, body = await http(ports[0], "GET", f"/api/v1/dossiers/{code}", token=token)
    version = int(VERSION_RE.search(body).group(1))
    conns = {}
    for i, p in enumerate(ports):
        conns[i] = await asyncio.open_connection("127.0.0.1", p)
    from_send, from_ack, failures = [], [], []
    try:
        for n in range(changes):
            w = n % len(ports)
            pollers = [i for i in range(len(ports)) if i != w]
            tasks = {}
            for i in pollers:
                reader, writer = conns[i]
                writer.write(request_bytes("GET", f"/api/v1/dossiers/{code}/changes?since={version}"
                                           f"&timeout={POLL_TIMEOUT}", ports[i], token=token))

                async def answer(reader=reader):
                    st, body, _ = await read_response(reader)
                    return time.monotonic(), st, body
                tasks[i] = asyncio.ensure_future(asyncio.wait_for(answer(), POLL_TIMEOUT + 5))
            await asyncio.sleep(0.15)  # the polls are held by now
            early = [i for i in pollers if tasks[i].done()]
            t_send = time.monotonic()
            st, body = await http(ports[w], "POST", f"/api/v1/admin/dossiers/{code}/events",
                                  {"type": "fee", "name": "Phí bench", "amount": 1000 + n, "paid": False}, admin)
            t_ack = time.monotonic()
            if st != 201:
                failures.append(f"change {n}: write HTTP {st} {body[:100]!r}")
                for t in tasks.values():
                    t.cancel()
                break
            new_version = json.loads(body)["version"]
            for i in pollers:
                try:
                    t_ans, pst, pbody = await tasks[i]
                except (asyncio.TimeoutError, OSError, asyncio.IncompleteReadError) as e:
                    failures.append(f"change {n}: poll on instance {i + 1}: {e!r}")
                    continue
                m = CHANGED_RE.search(pbody)
                v = VERSION_RE.search(pbody)
                if i in early or pst != 200 or not m or m.group(1) != b"true" or not v or int(v.group(1)) < new_version:
                    failures.append(f"change {n}: poll on instance {i + 1}: HTTP {pst} {pbody[:80]!r}"
                                    + (" (answered before the write)" if i in early else ""))
                    continue
                from_send.append(t_ans - t_send)
                from_ack.append(t_ans - t_ack)
            version = new_version
    finally:
        for reader, writer in conns.values():
            writer.close()

    def stats(xs):
        ms = sorted(x * 1000 for x in xs)
        return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 1) if ms else None,
                "p99_ms": round(percentile(ms, 99), 1) if ms else None, "max_ms": round(ms[-1], 1) if ms else None}
    return {"changes": changes, "polls_answered": len(from_send), "from_write_sent": stats(from_send),
            "from_write_acknowledged": stats(from_ack), "failures": failures}


# ---------------------------------------------------------------------------------------- main --
async def measure(cluster, read_items, lookup_targets, seconds, connections, first_address, out_dir):
    c0 = cpu_snapshot(cluster)
    reads = await asyncio.get_running_loop().run_in_executor(
        None, wrk_reads, cluster.port, read_items, seconds, connections, out_dir)
    c1 = cpu_snapshot(cluster)
    load = LookupLoad(cluster.port, lookup_targets, first_address)
    lookups = await load.run(seconds, connections)
    c2 = cpu_snapshot(cluster)
    reads["cpu_s"] = cpu_delta(c0, c1)
    lookups["cpu_s"] = cpu_delta(c1, c2)
    reads["requests"] = round(reads["rps"] * seconds) if reads.get("rps") else None
    for x in (reads, lookups):  # CPU per request: steadier than req/s on a shared machine
        n = x["ok"] if "ok" in x else x["requests"]
        if n:
            cpu = x["cpu_s"]
            x["cpu_ms_per_request"] = {
                "instances": round(1000 * sum(v for k, v in cpu.items() if k.startswith("api")) / n, 3),
                "postgres": round(1000 * cpu["postgres"] / n, 3), "nginx": round(1000 * cpu["nginx"] / n, 3)}
    return {"reads": reads, "lookups": lookups}, load.next_address


async def main_async(a, cluster, result):
    t_start = time.monotonic()
    print(cluster.sh("up", timeout=180).strip().splitlines()[-1], flush=True)
    result["cluster_up_s"] = round(time.monotonic() - t_start, 1)
    ports = cluster.api_ports()
    port = cluster.port
    print("setting up dossiers ...", flush=True)
    reads = await make_dossiers(port, cluster.admin, READ_DOSSIERS, "Người đọc")
    targets = await make_dossiers(port, cluster.admin, LOOKUP_DOSSIERS, "Người tra cứu")
    polled = (await make_dossiers(port, cluster.admin, 1, "Người chờ"))[0]
    read_items = []
    for i, d in enumerate(reads):
        lk = await must(port, "POST", "/api/v1/dossiers/lookup", {"code": d["code"], "secret": d["secret"]},
                        source=address(60000 + i))
        read_items.append((f"/api/v1/dossiers/{d['code']}", lk["token"]))
    lk = await must(port, "POST", "/api/v1/dossiers/lookup", {"code": polled["code"], "secret": polled["secret"]},
                    source=address(60100))
    result["payload_bytes"] = len((await http(port, "GET", read_items[0][0], token=read_items[0][1]))[1])

    print(f"propagation: {a.changes} changes, written to one instance, long polls held on the other two ...",
          flush=True)
    result["propagation"] = await propagation(ports, cluster.admin, polled["code"], lk["token"], a.changes)

    print(f"3 instances: reads {a.seconds} s, lookups {a.seconds} s ...", flush=True)
    result["three"], next_addr = await measure(cluster, read_items, targets, a.seconds, a.connections, 0, a.out_dir)

    print("killing instances 2 and 3 (cluster.sh kill-instance) ...", flush=True)
    cluster.sh("kill-instance", "2")
    cluster.sh("kill-instance", "3")
    await asyncio.get_running_loop().run_in_executor(None, wrk_reads, port, read_items, 2, a.connections, a.out_dir)
    print(f"1 instance: reads {a.seconds} s, lookups {a.seconds} s ...", flush=True)
    result["one"], _ = await measure(cluster, read_items, targets, a.seconds, a.connections, next_addr, a.out_dir)
    result["status_after"] = cluster.sh("status", check=False)


def fmt(x, unit=""):
    return "—" if x is None else f"{x:,.1f}{unit}" if isinstance(x, float) else f"{x}{unit}"


def report(r):
    rows = []
    for what in ("reads", "lookups"):
        one, three = r["one"][what], r["three"][what]
        ratio = three["rps"] / one["rps"] if one.get("rps") and three.get("rps") else None
        rows.append((f"dossier {what}" if what == "reads" else "lookups", one, three, ratio))
    print()
    print("| through nginx | 1 instance req/s | p99 | 3 instances req/s | p99 | ratio 3/1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, one, three, ratio in rows:
        print(f"| {name} | {fmt(one.get('rps'))} | {fmt(one.get('p99_ms'), ' ms')} | {fmt(three.get('rps'))} | "
              f"{fmt(three.get('p99_ms'), ' ms')} | {'—' if ratio is None else f'{ratio:.2f}'} |")
    for n in ("three", "one"):
        for what in ("reads", "lookups"):
            x = r[n][what]
            extra = x.get("errors")
            if what == "lookups":
                extra = f"statuses {x['statuses']}, connection errors {x['errors']}, client CPU {x['client_cpu_s']} s"
            print(f"  {n:5} {what:7} p50 {fmt(x.get('p50_ms'), ' ms')}  CPU ms/request {x.get('cpu_ms_per_request')}"
                  f"  machine busy {x['cpu_s'].get('machine_busy_pct')} %"
                  f"  {extra or ''}")
    p = r["propagation"]
    s, k = p["from_write_sent"], p["from_write_acknowledged"]
    print()
    print(f"change written to instance A -> long poll held on instance B: {p['polls_answered']} polls "
          f"({p['changes']} changes x 2 other instances)")
    print(f"  from the write sent:         p50 {fmt(s['p50_ms'], ' ms')}  p99 {fmt(s['p99_ms'], ' ms')}  "
          f"max {fmt(s['max_ms'], ' ms')}   target p99 <= 1000 ms: "
          f"{'pass' if s['p99_ms'] is not None and s['p99_ms'] <= 1000 and not p['failures'] else 'FAIL'}")
    print(f"  from the write acknowledged: p50 {fmt(k['p50_ms'], ' ms')}  p99 {fmt(k['p99_ms'], ' ms')}  "
          f"max {fmt(k['max_ms'], ' ms')}")
    for f in p["failures"][:10]:
        print("  failure:", f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=int, default=10, help="per measurement (default 10)")
    ap.add_argument("--connections", type=int, default=50, help="wrk connections / lookup clients (default 50)")
    ap.add_argument("--changes", type=int, default=100, help="changes for the propagation figure (default 100)")
    ap.add_argument("--json", default=os.path.join(OUT_DIR, "cluster.json"))
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("cluster_bench: run as root (tools/cluster.sh starts PostgreSQL through runuser)")
    if not have_wrk():
        sys.exit(1)
    os.makedirs(OUT_DIR, exist_ok=True)
    a.out_dir = OUT_DIR
    cluster = Cluster(free_port())
    result = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
              "seconds": a.seconds, "connections": a.connections,
              "commit": subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                                       text=True).stdout.strip(),
              "loadavg_start": open("/proc/loadavg").read().split()[:3]}
    t0 = time.monotonic()
    try:
        asyncio.run(main_async(a, cluster, result))
    finally:
        cluster.cleanup()
    result["total_s"] = round(time.monotonic() - t0, 1)
    for n in ("one", "three"):
        for what in ("reads", "lookups"):
            if n in result:
                result[n][what].setdefault("rps", None)
    if "one" in result:
        for what in ("reads", "lookups"):
            one, three = result["one"][what]["rps"], result["three"][what]["rps"]
            result[f"{what}_ratio_3_to_1"] = round(three / one, 2) if one and three else None
        report(result)
    with open(a.json, "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    print(f"\n{a.json} (total {result['total_s']} s; load average at the start {' '.join(result['loadavg_start'])})")


if __name__ == "__main__":
    main()
