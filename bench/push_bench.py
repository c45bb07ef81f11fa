#!/usr/bin/env python3
"""Web Push delivery: time from a back-office event to the push POST leaving the server, and the
sender's throughput, with 1,000 subscriptions; the base commit's server measured in the same run.

    /usr/bin/python3 bench/push_bench.py                      # 1,000 subscriptions, baseline ff9b2eb
    /usr/bin/python3 bench/push_bench.py --subscriptions 200 --json bench/out/push.json

A push service stand-in (aiohttp, in this process, loopback) answers 201 to every POST and notes
when it arrived. For each server (the baseline's serve.py and src/ are unpacked from `git archive`
into a temporary dir): N/5 dossiers (5 devices each, the most a dossier allows) made through the
back office, looked up, subscribed (the baseline has no subscriptions: its figures are the event
write without an outbox), then
  1. latency: one status event at a time; from sending the event until each of its 5 pushes has
     arrived (p50/p99 over all N pushes), and the event request's own round trip;
  2. throughput: an event for every dossier, 8 at a time; pushes arrived per second from the first
     event to the last push, events written per second, and the server's CPU time per event (with
     its 5 pushes): the figure that does not depend on what else the machine is doing.
Also, as the transport's ceiling: this process posting N bodies of the same size to the same
stand-in, 64 at a time (the sender's concurrency). Prints a table; --json OUT writes the figures."""
import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

from bench_server import OUT_DIR, REPO, BenchServer, percentile

sys.path.insert(0, os.path.join(REPO, "src"))

PER_DOSSIER = 5


class Peer:
    def __init__(self):
        self.arrivals = {}  # dossier index -> [monotonic arrival times]
        self.waiters = {}  # dossier index -> (count, future)
        self.total = 0
        self.all_done = None

    async def start(self):
        from aiohttp import web
        app = web.Application()
        app.router.add_post("/p/{i}/{j}", self.handle)
        app.router.add_post("/raw", self.raw)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def handle(self, request):
        from aiohttp import web
        await request.read()
        at = time.monotonic()
        i = int(request.match_info["i"])
        got = self.arrivals.setdefault(i, [])
        got.append(at)
        self.total += 1
        waiter = self.waiters.get(i)
        if waiter and len(got) >= waiter[0] and not waiter[1].done():
            waiter[1].set_result(None)
        if self.all_done and self.total >= self.all_done[0] and not self.all_done[1].done():
            self.all_done[1].set_result(at)
        return web.Response(status=201)

    async def raw(self, request):
        from aiohttp import web
        await request.read()
        return web.Response(status=201)

    async def wait(self, i, count, timeout=60):
        fut = asyncio.get_running_loop().create_future()
        self.waiters[i] = (count, fut)
        if len(self.arrivals.get(i, ())) >= count:
            fut.set_result(None)
        await asyncio.wait_for(fut, timeout)


async def bench(server, peer, n, with_push):
    import aiohttp
    from server import push_crypto
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1())
    keys = {"p256dh": push_crypto.b64url(push_crypto.public_bytes(key)), "auth": push_crypto.b64url(os.urandom(16))}
    admin = {"Authorization": "Bearer " + server.admin}
    out = {}
    async with aiohttp.ClientSession(base_url=server.base) as s:
        async def post(path, body, headers):
            async with s.post(path, json=body, headers=headers) as r:
                data = await r.read()
                if r.status >= 300:
                    raise RuntimeError(f"{path}: HTTP {r.status} {data[:200]!r}")
                return json.loads(data) if data else None

        codes, lookup_sessions = [], {}
        for i in range(n // PER_DOSSIER):
            d = await post("/api/v1/admin/dossiers", {"procedure_code": "1.004873", "owner_name": "Nguyễn Văn An"}, admin)
            codes.append(d["code"])
            if with_push:
                # lookups are limited per client address (60 a minute): each 50 from another loopback address
                if i // 50 not in lookup_sessions:
                    lookup_sessions[i // 50] = aiohttp.ClientSession(
                        base_url=server.base, connector=aiohttp.TCPConnector(local_addr=(f"127.0.9.{i // 50 + 1}", 0)))
                source = lookup_sessions[i // 50]
                async with source.post("/api/v1/dossiers/lookup", json={"code": d["code"], "secret": d["secret"]}) as r:
                    look = await r.json()
                    if r.status != 200:
                        raise RuntimeError(f"lookup: HTTP {r.status} {look}")
                for j in range(PER_DOSSIER):
                    await post(f"/api/v1/dossiers/{d['code']}/subscriptions",
                               {"endpoint": f"http://127.0.0.1:{peer.port}/p/{i}/{j}", "keys": keys},
                               {"Authorization": "Bearer " + look["token"]})
        for session in lookup_sessions.values():
            await session.close()
        # 1. latency, one event at a time
        push_lat, event_rtt, last_of_five = [], [], []
        for i, code in enumerate(codes):
            t0 = time.monotonic()
            await post(f"/api/v1/admin/dossiers/{code}/events", {"type": "status", "status": 4}, admin)
            event_rtt.append(time.monotonic() - t0)
            if with_push:
                await peer.wait(i, PER_DOSSIER)
                got = peer.arrivals[i][:PER_DOSSIER]
                push_lat += [t - t0 for t in got]
                last_of_five.append(max(got) - t0)
        out["event_rtt_ms"] = (percentile(event_rtt, 50) * 1e3, percentile(event_rtt, 99) * 1e3)
        if with_push:
            out["push_ms"] = (percentile(push_lat, 50) * 1e3, percentile(push_lat, 99) * 1e3)
            out["last_of_5_ms"] = (percentile(last_of_five, 50) * 1e3, percentile(last_of_five, 99) * 1e3)
        # 2. throughput: an event for every dossier, 8 in flight
        expected = peer.total + len(codes) * PER_DOSSIER
        done = asyncio.get_running_loop().create_future()
        peer.all_done = (expected, done)
        sem = asyncio.Semaphore(8)
        cpu0 = server.cpu()
        t0 = time.monotonic()

        async def one(code):
            async with sem:
                await post(f"/api/v1/admin/dossiers/{code}/events", {"type": "status", "status": 9}, admin)

        await asyncio.gather(*(one(c) for c in codes))
        written = time.monotonic() - t0
        out["events_per_s"] = len(codes) / written
        if with_push:
            last = await asyncio.wait_for(done, 120)
            out["pushes_per_s"] = len(codes) * PER_DOSSIER / (last - t0)
        # the server's CPU for the burst (its events and, on the new server, their pushes)
        out["burst_cpu_ms_per_event"] = (server.cpu() - cpu0) * 1e3 / len(codes)
        peer.all_done = None
    return out


async def transport_ceiling(peer, n):
    """This process posting n push-sized bodies to the stand-in, 64 at a time."""
    import aiohttp
    body = os.urandom(330)
    sem = asyncio.Semaphore(64)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64)) as s:
        async def one():
            async with sem:
                async with s.post(f"http://127.0.0.1:{peer.port}/raw", data=body,
                                  headers={"Content-Encoding": "aes128gcm", "TTL": "86400"}) as r:
                    await r.read()
        t0 = time.monotonic()
        await asyncio.gather(*(one() for _ in range(n)))
        return n / (time.monotonic() - t0)


def unpack(ref, into):
    """serve.py, src/ and assets/ of `ref` (no git worktree: the repository's metadata is untouched)."""
    os.makedirs(into, exist_ok=True)
    archive = os.path.join(into, "src.tar")
    with open(archive, "wb") as f:
        subprocess.run(["git", "archive", ref, "serve.py", "src/server", "assets/domain"], cwd=REPO, stdout=f, check=True)
    with tarfile.open(archive) as t:
        t.extractall(into)
    return into


async def main_async(a):
    peer = Peer()
    await peer.start()
    os.environ["MOTCUA_PUSH_ALLOW"] = f"127.0.0.1:{peer.port}"
    results = {}
    tmp = tempfile.mkdtemp(prefix="motcua-pushbench-")
    try:
        for name in ("baseline", "new"):
            repo_dir = unpack(a.baseline_ref, os.path.join(tmp, "base")) if name == "baseline" else REPO
            server = BenchServer(f"push-{name}", repo_dir=repo_dir)
            server.start()
            try:
                results[name] = await bench(server, peer, a.subscriptions, with_push=name == "new")
                results[name]["server_cpu_s"] = server.cpu()
            finally:
                server.stop()
        results["transport_posts_per_s"] = await transport_ceiling(peer, a.subscriptions)
    finally:
        await peer.runner.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--subscriptions", type=int, default=1000)
    p.add_argument("--baseline-ref", default="ff9b2eb")
    p.add_argument("--json", metavar="OUT")
    a = p.parse_args()
    r = asyncio.run(main_async(a))
    b, n = r["baseline"], r["new"]
    f = lambda pair: f"{pair[0]:.1f} / {pair[1]:.1f}"  # noqa: E731
    print(f"\n{a.subscriptions} subscriptions on {a.subscriptions // PER_DOSSIER} dossiers; baseline = {a.baseline_ref}"
          " (no notifications), new = this tree")
    print("metric | baseline | new")
    print(f"back-office event round trip p50 / p99 (ms) | {f(b['event_rtt_ms'])} | {f(n['event_rtt_ms'])}")
    print(f"event sent → push arrived p50 / p99 (ms, {a.subscriptions} pushes) | — | {f(n['push_ms'])}")
    print(f"event sent → last of its 5 pushes p50 / p99 (ms) | — | {f(n['last_of_5_ms'])}")
    print(f"events written per second (8 in flight) | {b['events_per_s']:.0f} | {n['events_per_s']:.0f}")
    print(f"pushes delivered per second (burst of {a.subscriptions}) | — | {n['pushes_per_s']:.0f}")
    print(f"server CPU per event in the burst (ms; new: with its 5 pushes) | {b['burst_cpu_ms_per_event']:.1f} | "
          f"{n['burst_cpu_ms_per_event']:.1f}")
    print(f"transport ceiling: this process posting to the stand-in (posts/s) | {r['transport_posts_per_s']:.0f} |")
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)) or OUT_DIR, exist_ok=True)
        with open(a.json, "w") as out:
            json.dump(dict(r, subscriptions=a.subscriptions, baseline_ref=a.baseline_ref), out, indent=1)


if __name__ == "__main__":
    main()
