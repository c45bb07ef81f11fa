#!/usr/bin/env python3
"""Long polls at scale: the server at a baseline commit beside the tree's serve.py, from one run.

    /usr/bin/python3 bench/longpoll_bench.py                     # baseline 10ac82e, then the tree
    /usr/bin/python3 bench/longpoll_bench.py --connections 500   # smaller
    /usr/bin/python3 bench/longpoll_bench.py --only new --json bench/out/longpoll.json

For each server (the baseline is checked out into a temporary `git worktree`, removed afterwards):
start serve.py (--no-build --quiet, fresh temporary --data-dir, an --app-dir with a fake app:
index.html and a 2.5 KB static JSON file, MOTCUA_ADMIN_TOKEN), create a dossier through the back
office, look it up ONCE (every connection shares the token), then
  0. wrk (50 connections, 2 threads, 10 s each) on the fresh server: the dossier read
     (GET /api/v1/dossiers/{code}, Bearer token) vs. the static file, req/s and p99;
  1. hold N long polls  GET /api/v1/dossiers/{code}/changes?since=V&timeout=25  on N keep-alive
     connections opened in batches (after each batch, wait until the server's listen queue has
     drained, read with `ss`, so the accept backlog is never overrun); a poll that times out is sent
     again, as the app does;
  2. while they are held: 200 sequential GET /api/v1/health on another connection (p50/p99/max);
  3. fan-out: one status event through the back office; time from the POST until every held
     poll has its complete `changed:true` answer;
  4. close-all: the polls are sent again (since = the new version; a batch at a time, each batch
     followed by a health round trip), then every socket is closed at once while a steady stream of
     health requests runs: the worst health latency in the 5 s after, and how long the server takes
     to let go of the sockets (its /proc/<pid>/fd count);
  server RSS (VmRSS while held; VmHWM = the peak) from /proc/<pid>/status all along.
Health requests come from a separate process (this script with --probe), so the client's own
event loop never delays them. Every wait is bounded: a server that stalls is recorded, not waited
for. Prints `metric | target | baseline | new | ratio`; --json OUT writes every figure.
"""
import argparse
import asyncio
import gc
import json
import math
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from bench_server import (HOST, read_response, OUT_DIR, REPO, BenchServer, create_dossier, have_wrk, lookup, parse_wrk, percentile,
                          run_wrk)

POLL_TIMEOUT = 25  # seconds, the API's maximum
STATIC_NAME = "bench-static.json"
STATIC_SIZE = 2500
TARGET_N = 10000
# the dossier's history: its payload comes to about the static file's size
SETUP_EVENTS = (
    {"type": "supplement", "content": "Bản sao có chứng thực CCCD của người đề nghị", "deadline": "2030-01-10"},
    {"type": "supplement", "content": "Bản sao sổ hộ khẩu hoặc giấy xác nhận thông tin về cư trú",
     "deadline": "2030-01-10"},
    {"type": "fee", "name": "Lệ phí cấp Giấy xác nhận", "amount": 100000, "paid": False},
    {"type": "fee", "name": "Phí thẩm định hồ sơ", "amount": 250000, "paid": True},
    {"type": "apology", "new_due_at": "2030-01-24T17:00:00+07:00",
     "reason": "Hồ sơ cần xác minh thêm tại địa phương nơi cư trú trước đây của người đề nghị; "
               "cơ quan xin lỗi ông/bà vì sự chậm trễ này."},
)

CONNECTING, HELD, ANSWERED, FAILED, CLOSED = "connecting", "held", "answered", "failed", "closed"
CHANGED_RE = re.compile(rb'"changed"\s*:\s*(true|false)')
VERSION_RE = re.compile(rb'"version"\s*:\s*(\d+)')


# ---------------------------------------------------------------------------------------- HTTP --
async def http(port, method, path, body=None, token=None, timeout=10.0):
    """One request on its own connection: (status, body bytes)."""
    async def go():
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
            head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n"
            if body is not None:
                head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
            if token:
                head += f"Authorization: Bearer {token}\r\n"
            writer.write(head.encode("latin-1") + b"\r\n" + data)
            status, resp, _ = await read_response(reader)
            return status, resp
        finally:
            writer.close()
    return await asyncio.wait_for(go(), timeout)


async def listen_queue(port):
    """(connections waiting in the listen queue, backlog) of the server's listening socket, from ss."""
    try:
        proc = await asyncio.create_subprocess_exec("ss", "-Hltn", f"sport = :{port}", stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.DEVNULL)
        out, _ = await asyncio.wait_for(proc.communicate(), 5)
    except (OSError, asyncio.TimeoutError):
        return None, None
    for line in out.decode().splitlines():
        f = line.split()
        if len(f) >= 3 and f[1].isdigit():
            return int(f[1]), int(f[2])
    return None, None


# ---------------------------------------------------------------------------- server process --
def make_server(name, repo_dir, python, nofile_soft):
    """serve.py with a fake app: index.html and a 2.5 KB static JSON file; its log in bench/out/."""
    return BenchServer(name, repo_dir, python, app_files={STATIC_NAME: static_payload(STATIC_SIZE)},
                       nofile_soft=nofile_soft, log_path=os.path.join(OUT_DIR, f"longpoll_{name}_server.log"))


def static_payload(size):
    """A dossier-like JSON document of exactly `size` bytes (the static file to compare with)."""
    step = {"seq": 1, "unit": "Bộ phận Một cửa", "role": "Cán bộ tiếp nhận", "action": "Tiếp nhận hồ sơ",
            "status": 2, "started_at": "2026-11-25T08:30:00+07:00", "handled_at": "2026-11-25T08:30:00+07:00",
            "deadline": "2026-11-25T17:00:00+07:00"}
    doc = {"code": "000.00.12.H42-261125-0001", "version": 4,
           "procedure": {"code": "1.004873", "name": "Cấp Giấy xác nhận tình trạng hôn nhân"},
           "owner": "Nguyễn V. A.", "status": 4, "status_name": "Đang xử lý", "steps": [step] * 5, "pad": ""}
    raw = json.dumps(doc, ensure_ascii=False).encode()
    while len(raw) > size:
        doc["steps"].pop()
        raw = json.dumps(doc, ensure_ascii=False).encode()
    doc["pad"] = "x" * (size - len(raw))
    raw = json.dumps(doc, ensure_ascii=False).encode()
    assert len(raw) == size, len(raw)
    return raw


# ----------------------------------------------------------------------------- health probe --
def probe_main(a):
    """Runs in its own process: sequential GET /api/v1/health on one keep-alive connection.
    Prints 'ready', then one JSON line: [[start_monotonic, latency_ms, ok], ...]."""
    req = f"GET /api/v1/health HTTP/1.1\r\nHost: {HOST}:{a.probe}\r\n\r\n".encode()
    sock, buf, samples, fails = None, b"", [], 0
    print("ready", flush=True)
    t_stop = time.monotonic() + a.probe_duration
    while time.monotonic() < t_stop and (not a.probe_count or len(samples) < a.probe_count):
        t0 = time.monotonic()
        ok = False
        try:
            if sock is None:
                sock = socket.create_connection((HOST, a.probe), timeout=a.probe_timeout)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                buf = b""
            sock.settimeout(a.probe_timeout)
            sock.sendall(req)
            while b"\r\n\r\n" not in buf:
                chunk = sock.recv(65536)
                if not chunk:
                    raise ConnectionError("eof")
                buf += chunk
            head, _, buf = buf.partition(b"\r\n\r\n")
            m = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            n = int(m.group(1)) if m else 0
            while len(buf) < n:
                chunk = sock.recv(65536)
                if not chunk:
                    raise ConnectionError("eof")
                buf += chunk
            buf = buf[n:]
            ok = head.startswith(b"HTTP/1.1 200")
            if re.search(rb"(?i)\r\nconnection:\s*close", head):
                sock.close()
                sock = None
        except OSError:
            if sock is not None:
                sock.close()
            sock = None
        samples.append((t0, (time.monotonic() - t0) * 1000, ok))
        fails = 0 if ok else fails + 1
        if fails >= a.probe_max_fails:
            break
        if a.probe_gap:
            time.sleep(a.probe_gap)
    print(json.dumps(samples), flush=True)
    return 0


class Probe:
    def __init__(self, port, count=0, duration=30.0, gap=0.0, timeout=5.0, max_fails=3):
        self.duration = duration
        self.proc = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--probe", str(port), "--probe-count", str(count),
             "--probe-duration", str(duration), "--probe-gap", str(gap), "--probe-timeout", str(timeout),
             "--probe-max-fails", str(max_fails)],
            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, close_fds=True)

    async def ready(self):
        line = await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, self.proc.stdout.readline), 10)
        assert line.strip() == b"ready", line

    async def result(self):
        def wait():
            try:
                out, _ = self.proc.communicate(timeout=self.duration + 30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                out, _ = self.proc.communicate()
            lines = out.strip().splitlines()
            return json.loads(lines[-1]) if lines else []
        return await asyncio.get_running_loop().run_in_executor(None, wait)


def summarize_health(samples):
    lat = [s[1] for s in samples if s[2]]
    return {"requests": len(samples), "ok": len(lat), "p50_ms": percentile(lat, 50), "p99_ms": percentile(lat, 99),
            "max_ms": max((s[1] for s in samples), default=None)}


# ------------------------------------------------------------------------------- long polls --
class Poll:
    __slots__ = ("state", "since", "t_answer", "version", "repolls", "error", "writer", "next", "task")

    def __init__(self):
        self.state, self.since, self.t_answer, self.version = CONNECTING, None, None, None
        self.repolls, self.error, self.writer, self.task = 0, None, None, None
        self.next = asyncio.Event()


class LongPolls:
    def __init__(self, port, code, token, since, connect_timeout=10.0):
        self.port, self.code, self.token, self.since = port, code, token, since
        self.connect_timeout = connect_timeout
        self.polls = []
        self.waiting_for = None  # (set of Poll still to answer, Event set when it is empty)

    def request(self, since):
        return (f"GET /api/v1/dossiers/{self.code}/changes?since={since}&timeout={POLL_TIMEOUT} HTTP/1.1\r\n"
                f"Host: {HOST}:{self.port}\r\nAuthorization: Bearer {self.token}\r\n\r\n").encode("latin-1")

    def count(self, state):
        return sum(1 for p in self.polls if p.state == state)

    def open(self):
        p = Poll()
        p.task = asyncio.create_task(self._run(p))
        self.polls.append(p)
        return p

    async def _run(self, p):
        try:
            reader, p.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), self.connect_timeout)
        except (OSError, asyncio.TimeoutError) as e:
            p.state, p.error = FAILED, "connect: " + (type(e).__name__ if not str(e) else str(e))
            return
        while True:
            p.since = self.since
            p.writer.write(self.request(p.since))
            p.state = HELD
            try:
                status, body, close = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as e:
                if p.state != CLOSED:
                    p.state, p.error = FAILED, "read: " + type(e).__name__
                return
            if status != 200:
                p.state, p.error = FAILED, f"HTTP {status}"
                p.writer.close()
                return
            m = CHANGED_RE.search(body)
            if m is None:
                p.state, p.error = FAILED, "unexpected body"
                p.writer.close()
                return
            if m.group(1) == b"true":
                p.t_answer = time.monotonic()
                p.version = int(VERSION_RE.search(body).group(1))
                p.state = ANSWERED
                w = self.waiting_for
                if w is not None and p in w[0]:
                    w[0].discard(p)
                    if not w[0]:
                        w[1].set()
                if close:
                    p.writer.close()
                    return
                await p.next.wait()
                p.next.clear()
            else:  # the poll timed out: ask again, as the app does
                p.repolls += 1
                if close:
                    p.state, p.error = FAILED, "closed after a timeout"
                    p.writer.close()
                    return

    async def ramp(self, n, server, batch, budget):
        """Open n more connections in batches; after each batch wait (bounded) until the server has
        taken it off its listen queue, so the accept backlog is never overrun. Stops when the server
        stops accepting, when a whole batch fails, or when the time budget is spent."""
        t0 = time.monotonic()
        stuck, stop_reason, opened, backlog = 0, None, 0, None
        while opened < n:
            if time.monotonic() - t0 > budget:
                stop_reason = f"ramp budget of {budget:.0f} s spent"
                break
            k = min(batch, n - opened)
            new = [self.open() for _ in range(k)]
            opened += k
            t_batch = time.monotonic() + self.connect_timeout + 1
            while any(p.state == CONNECTING for p in new) and time.monotonic() < t_batch:
                await asyncio.sleep(0.005)
            q0, backlog = await listen_queue(self.port)
            q, t_acc = q0, time.monotonic() + 3.0
            while q is not None and q > batch // 4 and time.monotonic() < t_acc:
                await asyncio.sleep(0.01)
                q, backlog = await listen_queue(self.port)
            if q is not None and q > batch // 4:
                stuck = stuck + 1 if q >= q0 else 0
                if stuck >= 3:
                    stop_reason = f"the server stopped accepting ({q} connections waiting in its listen queue)"
                    break
            if server.proc.poll() is not None:
                stop_reason = "the server exited"
                break
            failed = sum(1 for p in new if p.state == FAILED)
            if failed == k and k >= 10:
                stop_reason = "a whole batch failed: " + (new[0].error or "?")
                break
        seconds = time.monotonic() - t0
        await asyncio.sleep(1.0)  # let immediate answers and errors arrive
        return {"seconds": round(seconds, 2), "opened": opened, "stopped": stop_reason, "listen_backlog": backlog}

    def errors(self):
        out = {}
        for p in self.polls:
            if p.state == FAILED:
                out[p.error] = out.get(p.error, 0) + 1
        return out


# ---------------------------------------------------------------------------- one server run --
async def bench_server(server, a):
    holder = {"r": {"name": server.name, "errors": []}}
    try:
        return await _bench(server, a, holder)
    except Exception as e:  # noqa: BLE001 - keep the figures measured so far
        holder["r"]["error"] = f"{type(e).__name__}: {e}"
        print(f"  [{server.name}] FAILED: {holder['r']['error']}", flush=True)
        return holder["r"]
    finally:
        gc.enable()
        lp = holder.get("lp")
        if lp is not None and lp.polls:  # a phase failed: drop every connection before the next server
            for p in lp.polls:
                if p.writer is not None:
                    p.state = CLOSED
                    p.writer.transport.abort()
                if p.task is not None:
                    p.task.cancel()
            await asyncio.gather(*(p.task for p in lp.polls if p.task is not None), return_exceptions=True)


async def wait_quiet(port, budget, limit_ms=20.0, needed=5):
    """Seconds until `needed` health requests in a row answer within `limit_ms`, or None after `budget`."""
    t0 = time.monotonic()
    good = 0
    while time.monotonic() - t0 < budget:
        t = time.monotonic()
        try:
            st, _ = await http(port, "GET", "/api/v1/health", timeout=5)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            st = None
        good = good + 1 if st == 200 and (time.monotonic() - t) * 1000 <= limit_ms else 0
        if good >= needed:
            return round(time.monotonic() - t0, 2)
        await asyncio.sleep(0.05)
    return None


async def health_gate(port, conn, timeout=5.0):
    """One GET /api/v1/health on a kept-alive connection (opened when conn is None): the server has
    worked through what was sent before it. Returns the connection, or None after an error or timeout."""
    try:
        if conn is None:
            conn = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
        conn[1].write(f"GET /api/v1/health HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode())
        _, _, close = await asyncio.wait_for(read_response(conn[0]), timeout)
        if close:
            conn[1].close()
            return None
        return conn
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
        if conn is not None:
            conn[1].close()
        return None


async def _bench(server, a, holder):
    r = holder["r"]
    port = server.port
    # setup: a dossier with some history (so its payload is about the static file's size), one lookup
    loop = asyncio.get_running_loop()
    d, refused = await loop.run_in_executor(None, create_dossier, server, "1.004873", "Nguyễn Văn An", SETUP_EVENTS)
    r["errors"] += refused  # only the payload's size depends on these
    code = d["code"]
    lk = await loop.run_in_executor(None, lookup, server, code, d["secret"])
    token, version = lk["token"], lk["dossier"]["version"]
    r["dossier"] = code

    # wrk first, on the fresh server: the dossier read vs the static file (the baseline needs tens of
    # seconds to let go of 10,000 threads after the long polls; that must not bleed into these figures)
    st, payload = await http(port, "GET", f"/api/v1/dossiers/{code}", token=token)
    if st != 200:
        raise RuntimeError(f"dossier read: HTTP {st} {payload[:200]!r}")
    r["payload_bytes"] = len(payload)
    r["static_bytes"] = STATIC_SIZE
    if a.wrk_seconds > 0:
        base_url = f"http://{HOST}:{port}"
        auth = ["-H", f"Authorization: Bearer {token}"]
        await wrk(["-t1", "-c4", "-d1s"] + auth + [f"{base_url}/api/v1/dossiers/{code}"], 1)  # warm-up
        r["wrk_static"] = await wrk(["-t2", "-c50", f"-d{a.wrk_seconds}s", "--latency",
                                     f"{base_url}/{STATIC_NAME}"], a.wrk_seconds)
        r["wrk_dossier"] = await wrk(["-t2", "-c50", f"-d{a.wrk_seconds}s", "--latency"] + auth +
                                     [f"{base_url}/api/v1/dossiers/{code}"], a.wrk_seconds)
        s, dd = r["wrk_static"], r["wrk_dossier"]
        if s.get("rps") and dd.get("rps"):
            r["read_vs_static_pct"] = round(100 * dd["rps"] / s["rps"], 1)
        print(f"  [{server.name}] wrk static {s.get('rps')} req/s p99 {fmt_ms(s.get('p99_ms'))}; dossier "
              f"{dd.get('rps')} req/s p99 {fmt_ms(dd.get('p99_ms'))} {dd.get('errors') or ''}", flush=True)
    r["server_after_wrk"] = server.status()

    lp = holder["lp"] = LongPolls(port, code, token, version)
    n = a.connections

    # 1. hold N long polls
    gc.disable()
    r["ramp"] = await lp.ramp(n, server, a.batch, a.ramp_budget)
    r["held"] = lp.count(HELD)
    r["poll_failures"] = lp.errors()
    r["server_after_ramp"] = server.status()
    print(f"  [{server.name}] held {r['held']}/{n} long polls after {r['ramp']['seconds']} s"
          f"{' — ' + r['ramp']['stopped'] if r['ramp']['stopped'] else ''}"
          f"{' failed: ' + json.dumps(r['poll_failures'], ensure_ascii=False) if r['poll_failures'] else ''}",
          flush=True)

    # 2. health while held (once the server has caught up with the ramp, bounded)
    r["quiet_after_ramp_s"] = await wait_quiet(port, 10.0)
    probe = Probe(port, count=200, duration=30.0, timeout=5.0, max_fails=3)
    await probe.ready()
    r["health_held"] = summarize_health(await probe.result())
    r["held_after_health"] = lp.count(HELD)
    r["server_held"] = server.status()
    h = r["health_held"]
    print(f"  [{server.name}] health while held: {h['ok']}/{h['requests']} ok, p50 {fmt_ms(h['p50_ms'])}, "
          f"p99 {fmt_ms(h['p99_ms'])}, max {fmt_ms(h['max_ms'])}", flush=True)

    # 3. fan-out
    targets = {p for p in lp.polls if p.state == HELD}
    expect = len(targets)
    done = asyncio.Event()
    lp.waiting_for = (set(targets), done)
    if not targets:
        done.set()
    cpu0, scpu0 = time.process_time(), server.cpu()
    t0 = time.monotonic()
    post = asyncio.create_task(http(port, "POST", f"/api/v1/admin/dossiers/{code}/events",
                                    {"type": "status", "status": 4, "note": "Đang thẩm định hồ sơ (bench)"},
                                    server.admin, timeout=a.fanout_timeout))
    try:
        await asyncio.wait_for(done.wait(), a.fanout_timeout)
    except asyncio.TimeoutError:
        pass
    t_wait = time.monotonic() - t0
    cpu = time.process_time() - cpu0
    scpu = server.cpu()
    try:
        st, body = await asyncio.wait_for(post, 5)
        new_version = json.loads(body)["version"] if st in (200, 201) else None
        if st not in (200, 201):
            r["errors"].append(f"status event: HTTP {st}")
    except Exception as e:  # noqa: BLE001 - recorded
        new_version = None
        r["errors"].append(f"status event: {type(e).__name__}")
    answers = sorted(p.t_answer - t0 for p in targets if p.state == ANSWERED and p.t_answer and p.t_answer >= t0)
    got = len(answers)
    r["fanout"] = {"held": expect, "got": got,
                   "time_to_all_s": round(answers[-1], 3) if got == expect and got else None,
                   "time_to_last_s": round(answers[-1], 3) if answers else None,
                   "median_s": round(answers[len(answers) // 2], 3) if answers else None,
                   "waited_s": round(t_wait, 2), "version": new_version, "client_cpu_s": round(cpu, 2),
                   "server_cpu_s": round(scpu - scpu0, 2) if scpu is not None and scpu0 is not None else None}
    lp.waiting_for = None
    r["server_fanout"] = server.status()
    f = r["fanout"]
    print(f"  [{server.name}] fan-out: {got}/{expect} answered, all in "
          f"{fmt_s(f['time_to_all_s'])} (last {fmt_s(f['time_to_last_s'])}, median {fmt_s(f['median_s'])}; "
          f"CPU meanwhile: server {f['server_cpu_s']} s, this client {f['client_cpu_s']} s)", flush=True)

    # 4. close-all: poll again with since = the new version, then close every socket at once
    if new_version is None:
        new_version = max((p.version for p in lp.polls if p.version), default=version)
    lp.since = new_version
    for p in lp.polls:
        if p.state == HELD:  # missed the fan-out: replace it
            p.state = CLOSED
            p.writer.transport.abort()
    lp.polls = [p for p in lp.polls if p.state not in (FAILED, CLOSED)]
    # the answered connections poll again, a batch at a time, each batch followed by one health round trip
    # (so the close below is measured on held polls, not on a burst of 10,000 requests still being parsed)
    t_re = time.monotonic()
    answered = [p for p in lp.polls if p.state == ANSWERED]
    gate = None
    try:
        for i in range(0, len(answered), a.batch):
            rest = time.monotonic() - t_re > a.ramp_budget  # budget spent: the rest at once
            for p in answered[i:] if rest else answered[i:i + a.batch]:
                p.next.set()
            if rest:
                r["errors"].append(f"re-poll budget of {a.ramp_budget:.0f} s spent; the rest sent at once")
                break
            t_w = time.monotonic() + 2.0  # until this batch has written its requests
            while any(p.state == ANSWERED for p in answered[i:i + a.batch]) and time.monotonic() < t_w:
                await asyncio.sleep(0.001)
            gate = await health_gate(port, gate)
    finally:
        if gate is not None:
            gate[1].close()
    r["repoll_s"] = round(time.monotonic() - t_re, 2)
    alive = sum(1 for p in lp.polls if p.state in (HELD, ANSWERED))
    r["reopen_ramp"] = await lp.ramp(max(0, n - alive), server, a.batch, a.ramp_budget) if alive < n else None
    r["quiet_before_close_s"] = await wait_quiet(port, 15.0)
    r["held_before_close"] = lp.count(HELD)
    r["server_before_close"] = server.status()
    fds_before_close = server.fds()
    probe = Probe(port, duration=1.0 + a.close_window + 0.5, gap=0.01, timeout=5.0, max_fails=1000)
    await probe.ready()
    await asyncio.sleep(1.0)
    t_close = time.monotonic()
    for p in lp.polls:
        if p.writer is not None:
            p.state = CLOSED
            p.writer.transport.abort()
    base = fds_before_close - r["held_before_close"]

    async def released_after():  # seconds until the server has let go of the sockets (bounded)
        await asyncio.sleep(0.05)
        while time.monotonic() - t_close < a.settle:
            if server.fds() <= base + 5:  # + the probe's connection and some slack
                return round(time.monotonic() - t_close, 2)
            await asyncio.sleep(0.25)
        return None
    watcher = asyncio.create_task(released_after())
    for p in lp.polls:
        if p.task is not None:
            p.task.cancel()
    await asyncio.gather(*(p.task for p in lp.polls if p.task is not None), return_exceptions=True)
    t_closed = time.monotonic()  # every socket closed on this side
    samples = await probe.result()
    after = [s for s in samples if s[0] + s[1] / 1000 >= t_close and s[0] <= t_close + a.close_window]
    before = [s for s in samples if s[0] + s[1] / 1000 < t_close]
    r["close_all"] = {"sockets": r["held_before_close"], "client_close_s": round(t_closed - t_close, 3),
                      "health_after": summarize_health(after), "health_before": summarize_health(before)}
    released = r["close_all"]["released_s"] = await watcher
    r["server_end"] = server.status()
    lp.polls.clear()
    gc.enable()
    gc.collect()
    c = r["close_all"]
    print(f"  [{server.name}] close-all of {c['sockets']}: health max {fmt_ms(c['health_after']['max_ms'])} in the "
          f"{a.close_window:.0f} s after ({c['health_after']['ok']}/{c['health_after']['requests']} ok); "
          f"sockets released {fmt_s(released) if released is not None else 'not within %d s' % a.settle}", flush=True)

    r["server_final"] = server.status()
    return r


async def wrk(args, seconds):
    """wrk in a thread (nothing else runs meanwhile): its figures, parse_wrk's."""
    return parse_wrk(await asyncio.get_running_loop().run_in_executor(None, run_wrk, args, seconds))


# ----------------------------------------------------------------------------------- report --
def fmt_ms(v):
    return "—" if v is None else (f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms")


def fmt_s(v):
    return "—" if v is None else f"{v:.2f} s"


def rows(results, n, settle):
    """(metric, target, getter -> (value, text), pass-test or None, lower_is_better)"""
    def g(*path):
        def get(r):
            for k in path:
                if r is None or not isinstance(r, dict):
                    return None
                r = r.get(k)
            return r
        return get

    def held(r):
        return r.get("held")

    def released(r):
        c = r.get("close_all")
        return None if not c else math.inf if c.get("released_s") is None else c["released_s"]
    return [
        ("long polls held", f"{n:,} (target 10,000)", held, lambda v, r: v == n, lambda v: f"{v:,}", False),
        ("ramp: time to open them", "", g("ramp", "seconds"), None, fmt_s, True),
        ("health p50 while held", "", g("health_held", "p50_ms"), None, fmt_ms, True),
        ("health p99 while held", "≤ 50 ms", g("health_held", "p99_ms"), lambda v, r: v <= 50, fmt_ms, True),
        ("health max while held", "", g("health_held", "max_ms"), None, fmt_ms, True),
        ("health answered while held", "200/200", g("health_held", "ok"),
         lambda v, r: v == 200, lambda v: f"{v}/200", False),
        ("fan-out: polls answered", "all held", g("fanout", "got"),
         lambda v, r: v == r["fanout"]["held"] and v > 0, lambda v: f"{v:,}", False),
        ("fan-out: time to all", "≤ 2 s", g("fanout", "time_to_all_s"), lambda v, r: v <= 2, fmt_s, True),
        ("fan-out: time to last answer", "", g("fanout", "time_to_last_s"), None, fmt_s, True),
        ("server RSS while held", "", g("server_held", "VmRSS"), None, lambda v: f"{v:,.0f} MB", True),
        ("server RSS peak (VmHWM)", "≤ 600 MB", g("server_end", "VmHWM"), lambda v, r: v <= 600,
         lambda v: f"{v:,.0f} MB", True),
        ("server threads while held", "", g("server_held", "Threads"), None, lambda v: f"{v:,}", True),
        ("close-all: sockets closed", "", g("close_all", "sockets"), None, lambda v: f"{v:,}", False),
        ("close-all: health max in 5 s", "≤ 1 s", g("close_all", "health_after", "max_ms"),
         lambda v, r: v <= 1000, fmt_ms, True),
        ("close-all: server released sockets", "", released, None,
         lambda v: f"> {settle:.0f} s" if v == math.inf else fmt_s(v), True),
        ("static file req/s (wrk -c50)", "", g("wrk_static", "rps"), None, lambda v: f"{v:,.0f}", False),
        ("dossier read req/s (wrk -c50)", "", g("wrk_dossier", "rps"), None, lambda v: f"{v:,.0f}", False),
        ("dossier read / static", "≥ 100 %", g("read_vs_static_pct"), lambda v, r: v >= 100,
         lambda v: f"{v:.0f} %", False),
        ("dossier read p99", "≤ 30 ms", g("wrk_dossier", "p99_ms"), lambda v, r: v <= 30, fmt_ms, True),
        ("static file p99", "", g("wrk_static", "p99_ms"), None, fmt_ms, True),
    ]


def print_table(results, order, n, settle):
    header = ["metric", "target"] + order + (["ratio new/baseline"] if len(order) == 2 else [])
    table = []
    for name, target, get, test, fmt, _ in rows(results, n, settle):
        line = [name, target]
        vals = []
        for s in order:
            r = results.get(s) or {}
            v = get(r)
            vals.append(v)
            if v is None:
                line.append("—")
            else:
                mark = ""
                if test is not None:
                    try:
                        mark = " ✓" if test(v, r) else " ✗"
                    except (TypeError, KeyError):
                        mark = ""
                line.append(fmt(v) + mark)
        if len(order) == 2:
            b, nw = vals
            if isinstance(b, (int, float)) and isinstance(nw, (int, float)) and b and math.isfinite(b + nw):
                x = nw / b
                line.append(f"{x:.2f}×" if x >= 0.1 else f"{x:.2g}×")
            else:
                line.append("—")
        table.append(line)
    widths = [max(len(str(row[i])) for row in [header] + table) for i in range(len(header))]
    out = [" | ".join(h.ljust(w) for h, w in zip(header, widths)),
           "-|-".join("-" * w for w in widths)]
    out += [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in table]
    print("\n".join(out))


# ------------------------------------------------------------------------------------- main --
def machine_busy(seconds=1.0):
    """Share of all CPUs busy over `seconds` (from /proc/stat), before a server starts."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[3] + v[4]  # total, idle + iowait
    t0, i0 = sample()
    time.sleep(seconds)
    t1, i1 = sample()
    return round(100 * (1 - (i1 - i0) / max(1, t1 - t0)), 1)


def git(*args, cwd=REPO):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline-ref", default="10ac82e", help="commit of the baseline server (default 10ac82e)")
    ap.add_argument("--only", choices=["baseline", "new"], help="run one server only")
    ap.add_argument("--connections", type=int, default=TARGET_N, help="long polls to hold (default 10000)")
    ap.add_argument("--batch", type=int, default=200, help="connections opened per ramp step (default 200)")
    ap.add_argument("--ramp-budget", type=float, default=60.0, help="seconds allowed for one ramp (default 60)")
    ap.add_argument("--fanout-timeout", type=float, default=30.0, help="seconds to wait for the fan-out (default 30)")
    ap.add_argument("--close-window", type=float, default=5.0, help="seconds watched after close-all (default 5)")
    ap.add_argument("--settle", type=float, default=30.0,
                    help="seconds to wait for the server to release closed sockets before wrk (default 30)")
    ap.add_argument("--wrk-seconds", type=int, default=10, help="duration of each wrk run (default 10; 0 = skip)")
    ap.add_argument("--server-python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3")
                    else sys.executable, help="interpreter for serve.py (default /usr/bin/python3)")
    ap.add_argument("--json", metavar="OUT", help="write every figure as JSON")
    for name, typ in (("--probe", int), ("--probe-count", int), ("--probe-duration", float),
                      ("--probe-gap", float), ("--probe-timeout", float), ("--probe-max-fails", int)):
        ap.add_argument(name, type=typ, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.probe:
        return probe_main(a)

    if a.wrk_seconds and not have_wrk():
        return 1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = a.connections + 256
    if hard != resource.RLIM_INFINITY and want > hard:
        print(f"error: {a.connections} connections need {want} file descriptors; the hard limit is {hard}",
              file=sys.stderr)
        return 1
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    head = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--", "serve.py", "src/server")
    meta = {"tree_commit": head, "tree_server_dirty": bool(dirty), "connections": a.connections,
            "nofile_soft_at_start": soft, "nofile_hard": hard,
            "cpu_busy_pct_at_start": machine_busy(1.0),
            "cores": os.cpu_count(), "server_python": a.server_python}
    order = []
    if a.only != "new":
        meta["baseline_ref"] = git("rev-parse", "--short", a.baseline_ref)
        order.append("baseline")
    if a.only != "baseline":
        order.append("new")
    print(f"long-poll bench: {a.connections:,} connections, baseline {meta.get('baseline_ref', '—')}, tree {head}"
          f"{' (server files modified, uncommitted)' if dirty else ''}; CPUs {meta['cpu_busy_pct_at_start']} % busy; "
          f"servers start with a file limit of {soft} (as this bench was started)", flush=True)
    os.makedirs(OUT_DIR, exist_ok=True)
    results = {}
    for name in order:
        wt = None
        server = None
        try:
            if name == "baseline":
                wt = tempfile.mkdtemp(prefix="motcua-baseline-")
                os.rmdir(wt)
                git("worktree", "add", "--detach", wt, a.baseline_ref)
                src = wt
            else:
                src = REPO
            server = make_server(name, src, a.server_python, soft)
            commit = git("rev-parse", "--short", "HEAD", cwd=src)
            load = f"{machine_busy(2.0)} % of the CPUs busy over the 2 s before"
            dirty_now = bool(git("status", "--porcelain", "--", "serve.py", "src/server", cwd=src))
            server.start()
            print(f"{name}: serve.py from {'a worktree at ' + meta['baseline_ref'] if wt else 'the tree at ' + commit}"
                  f"{' + uncommitted server changes' if dirty_now else ''}, pid {server.proc.pid}, port {server.port}",
                  flush=True)
            results[name] = asyncio.run(bench_server(server, a))
            results[name].update(commit=commit, server_files_modified=dirty_now, machine_before=load)
        except Exception as e:  # noqa: BLE001 - one server failing must not lose the other's figures
            msg = f"{type(e).__name__}: {e}"
            print(f"  [{name}] FAILED: {msg}", flush=True)
            results[name] = {"name": name, "error": msg, "errors": []}
        finally:
            if server is not None:
                status = server.status()
                server.stop()
                if name in results and server.proc is not None:
                    results[name]["server_exit"] = server.proc.returncode
                    if not status and "error" not in results[name]:
                        results[name]["errors"].append("server process gone before the end")
            if wt is not None:
                subprocess.run(["git", "worktree", "remove", "--force", wt], cwd=REPO, capture_output=True)
                subprocess.run(["git", "worktree", "prune"], cwd=REPO, capture_output=True)
                shutil.rmtree(wt, ignore_errors=True)
    print()
    print(f"N = {a.connections:,} long polls"
          + ("" if a.connections == TARGET_N else " (the targets are defined at 10,000)")
          + f"; baseline = {meta.get('baseline_ref', '—')}, new = tree at {head}"
          + (" + uncommitted server changes" if dirty else ""))
    print_table(results, order, a.connections, a.settle)
    for name in order:
        r = results[name]
        if r.get("error"):
            print(f"{name}: failed — {r['error']}")
        if r.get("payload_bytes"):
            print(f"{name}: dossier payload {r['payload_bytes']:,} bytes, static file {r['static_bytes']:,} bytes; "
                  f"poll failures: {json.dumps(r.get('poll_failures') or {}, ensure_ascii=False)}"
                  + (f"; ramp stopped: {r['ramp']['stopped']}" if r.get("ramp", {}).get("stopped") else "")
                  + (f"; errors: {r['errors']}" if r.get("errors") else ""))
        if "quiet_before_close_s" in r and r["quiet_before_close_s"] is None:
            print(f"{name}: WARNING: health was not back under 20 ms within 15 s of the polls being re-sent, so "
                  "its close-all figure includes that backlog, not only the close")
        if r.get("commit"):
            mod = " + uncommitted server changes" if r.get("server_files_modified") else ""
            print(f"{name}: serve.py at {r['commit']}{mod}; machine before its start: {r.get('machine_before')}")
    if a.json:
        for r in results.values():
            for k in ("wrk_static", "wrk_dossier"):
                if isinstance(r.get(k), dict):
                    r[k].pop("raw", None)
        with open(a.json, "w") as f:
            json.dump({"meta": meta, "results": results}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"figures: {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
