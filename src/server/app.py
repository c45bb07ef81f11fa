"""The server's state shared by all endpoints: the store, caches, limiters, signing keys and the
long-poll waiters. No HTTP here (http_server.py carries it), so tools can build payloads too."""
import asyncio
import functools
import secrets
import threading

from . import (api_admin, api_counters, api_datasets, api_dossiers, api_payments, api_public, api_push,
               api_requests)
from .limits import DbLimiter, WindowLimiter
from .util import now as _now

# Failed lookups: per client (IPv4 address or IPv6 /64) a minute, and per dossier code an hour.
LOOKUP_FAILURES_PER_CLIENT = (10, 60.0)
LOOKUP_FAILURES_PER_CODE = (10, 3600.0)
# Successful lookups cost a signature and a counter update: generous for a family or a kiosk.
LOOKUPS_PER_CLIENT = (60, 60.0)


class AsyncStore:
    """The store as endpoints use it: every method that may run SQL is awaited. On SQLite it runs
    at once on the event loop (short transactions on a local file); on PostgreSQL in a small pool
    of threads, so a round trip to the database never stalls the loop. What the store keeps in
    memory (versions, token counts, tablet credentials) is read directly."""
    IN_MEMORY = {"dossier_version", "dossier_count", "tokens_issued", "counter_version", "counter_device"}

    def __init__(self, store):
        self._store = store
        self._executor = None
        self._methods = {}

    def use_threads(self, executor):
        self._executor = executor
        self._methods.clear()

    def __getattr__(self, name):
        method = self._methods.get(name)
        if method is not None:
            return method
        attr = getattr(self._store, name)
        if name in self.IN_MEMORY or not callable(attr):
            return attr
        executor = self._executor
        if executor is None:
            async def method(*args):
                return attr(*args)
        else:
            async def method(*args):
                return await asyncio.get_running_loop().run_in_executor(executor, functools.partial(attr, *args))
        self._methods[name] = method
        return method


class App:
    def __init__(self, store, app_dir, admin_token, quiet=False, trusted_proxies=(), data_dir=None,
                 public_url=None):
        self.sync_store = store
        self.store = AsyncStore(store)
        self.loop = None  # set by the server once its event loop runs
        self.app_dir = app_dir
        self.admin_token = admin_token
        self.quiet = quiet
        self.trusted_proxies = list(trusted_proxies)
        self.public_url = public_url  # for absolute links in pages and the sitemap (else the Host)
        self.dossier_cache = {}
        self.procedures_cache = None
        if store.dialect == "postgresql":  # several instances: the counts live in the database
            limiter = functools.partial(DbLimiter, self.store)
        else:
            limiter = lambda name, *a, **k: WindowLimiter(*a, **k)  # noqa: E731
        self.lookup_limiter = limiter("lookup", *LOOKUP_FAILURES_PER_CLIENT)
        self.code_limiter = limiter("code", *LOOKUP_FAILURES_PER_CODE, code="locked",
                                    what="failed attempts for this code")
        self.lookup_rate = limiter("lookups", *LOOKUPS_PER_CLIENT, code="too_many_requests", what="lookups")
        self.dataset_rate = limiter("datasets", *LOOKUPS_PER_CLIENT, code="too_many_requests", what="look-ups")
        # counter tablet ratings: every attempt counts, per address and counter
        self.counter_limiter = limiter("counter", 10, 60.0)
        self.counter_key = api_counters.load_key(store)
        self.token_key = store.get_or_create_meta("lookup_token_key", secrets.token_hex(32)).encode()
        self.waiters = {}  # key -> set of futures of held long polls
        self.stopping = False
        self.notifier = None
        if data_dir is not None:  # Web Push and the event feed (needs python3-cryptography)
            from .notifications import Notifier
            self.notifier = Notifier(store, data_dir)
        store.on_change = self._dossier_changed
        store.on_counter_change = lambda number, version: self.wake_soon(("counter", number))
        routes = (api_public.ROUTES + api_requests.ROUTES + api_dossiers.ROUTES + api_admin.ROUTES
                  + api_counters.ROUTES + api_push.ROUTES + api_payments.ROUTES + api_datasets.ROUTES)
        self.routes = routes

    def now(self):
        return _now()

    def _dossier_changed(self, code, version):
        self.wake_soon(("dossier", code))
        if self.notifier is not None:  # the change may have written notifications to send
            self.notifier.kick()

    # ------------------------------------------------------------- long polls
    def wake_soon(self, key):
        """Wake long polls on `key` from any thread (PostgreSQL writes and its change feed run in
        threads of their own)."""
        loop = self.loop
        if loop is None:
            return
        if threading.get_ident() == self._loop_thread:
            self.wake(key)
        else:
            loop.call_soon_threadsafe(self.wake, key)

    def attach(self, loop):
        self.loop = loop
        self._loop_thread = threading.get_ident()

    def wake(self, key):
        for fut in self.waiters.pop(key, ()):
            if not fut.done():
                fut.set_result(True)

    async def wait_change(self, key, unchanged, timeout):
        """Wait until `unchanged()` is false, `timeout` seconds pass or the server stops."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while unchanged() and not self.stopping:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return
            fut = loop.create_future()
            self.waiters.setdefault(key, set()).add(fut)
            timer = loop.call_later(remaining, _resolve, fut)
            try:
                await fut
            finally:
                timer.cancel()
                held = self.waiters.get(key)
                if held is not None:
                    held.discard(fut)
                    if not held:
                        del self.waiters[key]

    def held_polls(self):
        return sum(len(s) for s in self.waiters.values())

    def stop(self):
        """Answer every held long poll now (graceful shutdown)."""
        self.stopping = True
        for key in list(self.waiters):
            self.wake(key)


def _resolve(fut):
    if not fut.done():
        fut.set_result(False)
