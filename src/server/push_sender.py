"""The sender: an asyncio task that empties the outbox without ever holding up a request. It
claims due rows, posts each (Web Push: encrypted, VAPID-signed; webhook: HMAC-signed), deletes it
once accepted, and on 429, 5xx, timeouts or refused connections tries again later with
exponential backoff. A push service's 404/410 ends the subscription."""
import asyncio
import concurrent.futures
import hashlib
import hmac
import os
import random
import secrets
import sys
import time

from . import push_crypto, push_targets
from .app import AsyncStore

PUSH_TTL = 24 * 3600  # how long a push service keeps a message for a phone that is off
PUSH_MAX_AGE = PUSH_TTL  # after that the news is stale: stop trying
WEBHOOK_MAX_AGE = 3 * 24 * 3600  # receivers get three days to come back
LEASE = 120.0  # a claimed row returns to the queue if its sender vanished
POLL = 1.0  # other instances' rows and due retries are looked for at least this often
MAX_IN_FLIGHT = 64


def backoff_setting(text=None):
    """(base, cap) seconds from MOTCUA_PUSH_BACKOFF="base[,cap]" (default 5 s, one hour)."""
    text = os.environ.get("MOTCUA_PUSH_BACKOFF", "") if text is None else text
    try:
        parts = [float(x) for x in text.split(",")] if text.strip() else []
    except ValueError:
        parts = []
    base = parts[0] if parts and parts[0] > 0 else 5.0
    cap = parts[1] if len(parts) > 1 and parts[1] >= base else max(base, 3600.0)
    return base, cap


class Sender:
    def __init__(self, push_store, vapid, allow=None, backoff=None, timeout=None, log=None):
        self.sync_store = push_store
        self.store = AsyncStore(push_store)
        self.vapid = vapid
        self.allow = push_targets.allowed_hosts() if allow is None else allow
        self.base, self.cap = backoff or backoff_setting()
        self.timeout = timeout or float(os.environ.get("MOTCUA_PUSH_TIMEOUT") or 10)
        self.owner = secrets.token_hex(8)
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.loop = None
        self._kick = None
        self._task = None
        self._in_flight = set()
        self._outcomes = []  # (row, outcome, next_at) not yet written
        self.sent = 0  # accepted deliveries, for tests and benches

    # ---------------------------------------------------------------- control
    def kick(self):
        """Rows may be waiting (called after every dossier change, from any thread)."""
        loop, event = self.loop, self._kick
        if loop is None or event is None:
            return
        try:
            if asyncio.get_running_loop() is loop:
                event.set()
                return
        except RuntimeError:
            pass
        loop.call_soon_threadsafe(event.set)

    async def start(self, executor=None):
        import aiohttp
        self.loop = asyncio.get_running_loop()
        self._kick = asyncio.Event()
        if executor is not None:
            self.store.use_threads(executor)
        if self.sync_store.dialect == "sqlite":  # the only instance: what an earlier run claimed is free again
            await self.store.release(None, time.time())
        connector = aiohttp.TCPConnector(limit=MAX_IN_FLIGHT, resolver=push_targets.make_resolver(self.allow),
                                         ttl_dns_cache=60)
        self.session = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=self.timeout),
                                             auto_decompress=False)
        self._crypto = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="push-crypto")
        self._task = asyncio.create_task(self._run())

    async def stop(self):
        if self._task is None:
            return
        self._task.cancel()
        for t in list(self._in_flight):
            t.cancel()
        await asyncio.gather(self._task, *self._in_flight, return_exceptions=True)
        self._task = None
        await self.session.close()
        self._crypto.shutdown(wait=True)
        await self._flush()
        try:
            await self.store.release(self.owner, time.time())
        except Exception as e:  # the database is away: the leases run out by themselves
            self.log(f"notifications: could not release claimed rows: {e}")

    # ------------------------------------------------------------------- loop
    async def _run(self):
        while True:
            self._kick.clear()
            await self._flush()
            room = MAX_IN_FLIGHT - len(self._in_flight)
            rows = []
            if room > 0:
                try:
                    rows = await self.store.claim(self.owner, time.time(), room, LEASE)
                except Exception as e:  # the database is away: try again shortly
                    self.log(f"notifications: cannot read the outbox: {e}")
                    await asyncio.sleep(POLL)
                    continue
            for row in rows:
                task = asyncio.create_task(self._deliver(row))
                self._in_flight.add(task)
                task.add_done_callback(self._done)
            if rows and len(rows) == room:
                continue
            wait = POLL
            if not rows:
                try:
                    due = await self.store.next_due()
                except Exception:
                    due = None
                if due is not None and due > time.time():
                    wait = min(POLL, due - time.time())
            try:
                await asyncio.wait_for(self._kick.wait(), wait)
            except asyncio.TimeoutError:
                pass

    def _done(self, task):
        self._in_flight.discard(task)
        self._kick.set()

    async def _deliver(self, row):
        try:
            if row["kind"] == "push":
                outcome, retry_after = await self._post_push(row)
            else:
                outcome, retry_after = await self._post_webhook(row)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # timeouts, refused connections, names resolving inward
            outcome, retry_after = "retry", None
            if row["attempts"] == 0:
                self.log(f"notifications: {row['kind']} {row['event_id']}: {type(e).__name__}: {e}")
        next_at = None
        if outcome == "done":
            self.sent += 1
        elif outcome == "retry":
            age = time.time() - row["created_at"]
            if age > (PUSH_MAX_AGE if row["kind"] == "push" else WEBHOOK_MAX_AGE):
                self.log(f"notifications: giving up on {row['kind']} {row['event_id']} after {row['attempts'] + 1} tries")
                outcome = "drop"
            else:
                delay = min(self.cap, self.base * 2 ** min(row["attempts"], 30)) * random.uniform(0.5, 1.0)
                if retry_after is not None:
                    delay = min(self.cap, max(delay, retry_after))
                next_at = time.time() + delay
        # written by the loop, many at once, before it claims again (a row's successor waits for it)
        self._outcomes.append((row, outcome, next_at))

    async def _flush(self):
        outcomes, self._outcomes = self._outcomes, []
        if outcomes:
            try:
                await self.store.finish(outcomes)
            except Exception as e:  # the database is away: the leases bring the rows back
                self.log(f"notifications: could not record {len(outcomes)} deliveries: {e}")

    # ---------------------------------------------------------------- posting
    async def _post(self, url, body, headers):
        push_targets.check_url(url, self.allow)  # the rule may have changed since it was stored
        async with self.session.post(url, data=body, headers=headers, allow_redirects=False) as resp:
            await resp.content.read(4096)
            retry_after = resp.headers.get("Retry-After", "")
            return resp.status, (float(retry_after) if retry_after.isdigit() else None)

    async def _post_push(self, row):
        if row["endpoint"] is None:  # unsubscribed meanwhile
            return "drop", None
        # ~1 ms of ECDH and HKDF per message: off the event loop, so requests never queue behind a burst
        body = await self.loop.run_in_executor(self._crypto, push_crypto.encrypt, row["body"].encode(),
                                               push_crypto.unb64url(row["p256dh"]), push_crypto.unb64url(row["auth"]))
        headers = {"Authorization": self.vapid.authorization(push_targets.origin(row["endpoint"])),
                   "Content-Encoding": "aes128gcm", "Content-Type": "application/octet-stream",
                   "TTL": str(PUSH_TTL), "Urgency": row["urgency"]}
        status, retry_after = await self._post(row["endpoint"], body, headers)
        if 200 <= status < 300:
            return "done", None
        if status in (404, 410):
            return "gone", None
        if status == 429 or status >= 500:
            return "retry", retry_after
        self.log(f"notifications: push service refused {row['event_id']} with {status}; dropped")
        return "drop", None

    async def _post_webhook(self, row):
        if row["url"] is None:  # receiver removed meanwhile
            return "drop", None
        body = row["body"].encode()
        headers = {"Content-Type": "application/json; charset=utf-8", "X-MotCua-Event-Id": row["event_id"],
                   "X-MotCua-Timestamp": str(int(time.time())),
                   "X-MotCua-Signature": "sha256=" + sign(row["secret"], body)}
        status, retry_after = await self._post(row["url"], body, headers)
        if 200 <= status < 300:
            return "done", None
        return "retry", retry_after


def sign(secret, body):
    """Hex HMAC-SHA256 of the body with the receiver's secret (docs/notifications.md)."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
