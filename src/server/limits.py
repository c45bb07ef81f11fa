"""Who is asking and how often: client addresses (trusted proxies, IPv6 grouped by /64) and the
sliding-window limiters that stop secret guessing and floods."""
import collections
import ipaddress
import math
import time

from .util import ApiError

MAX_KEYS = 100_000  # past this, expired entries are purged; past twice this, the oldest are dropped


class WindowLimiter:
    """At most `limit` events per key in a sliding `window` (seconds). `check` raises 429 with
    Retry-After once the key is spent; `hit` records one event. Kept in this process's memory:
    right for one instance (SQLite); several instances share DbLimiter's counts instead."""

    def __init__(self, limit, window, code="too_many_attempts", what="failed attempts"):
        self.limit, self.window = limit, window
        self.code, self.what = code, what
        self.events = {}

    def _recent(self, key, t):
        q = self.events.get(key)
        if q is None:
            return None
        while q and q[0] <= t - self.window:
            q.popleft()
        if not q:
            del self.events[key]
            return None
        return q

    def retry_after(self, key):
        """Seconds until `key` may try again, or 0 when it may now."""
        t = time.monotonic()
        q = self._recent(key, t)
        if q is None or len(q) < self.limit:
            return 0
        return max(1, math.ceil(q[0] + self.window - t))

    async def check(self, key):
        _refuse_after(self, self.retry_after(key))

    async def hit(self, key):
        t = time.monotonic()
        if len(self.events) > MAX_KEYS:
            for k in list(self.events):
                self._recent(k, t)
            if len(self.events) > 2 * MAX_KEYS:  # a flood of distinct keys: forget the oldest half
                for k in list(self.events)[:MAX_KEYS]:
                    del self.events[k]
        self.events.setdefault(key, collections.deque()).append(t)


def _refuse_after(limiter, retry):
    if retry:
        raise ApiError(429, limiter.code, f"Too many {limiter.what}; try again in {retry} seconds.",
                       {"Retry-After": str(retry)})


class DbLimiter:
    """The same sliding window with the events kept in the database, so every instance behind a
    load balancer counts the same guesses (PostgreSQL). `name` keeps the limiters' keys apart."""

    def __init__(self, store, name, limit, window, code="too_many_attempts", what="failed attempts"):
        self.store, self.name = store, name
        self.limit, self.window = limit, window
        self.code, self.what = code, what

    async def check(self, key):
        now = time.time()
        n, first = await self.store.rate_count(f"{self.name}:{key}", now - self.window)
        if n >= self.limit:
            _refuse_after(self, max(1, math.ceil(first + self.window - now)))

    async def hit(self, key):
        await self.store.rate_hit(f"{self.name}:{key}", time.time(), self.window)


def parse_networks(text):
    """'127.0.0.1, 10.0.0.0/8, ::1' -> [ip_network]; raises ValueError naming the bad entry."""
    out = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            out.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or network: {part!r}") from None
    return out


def _address(text):
    try:
        a = ipaddress.ip_address((text or "").strip().strip("[]"))
    except ValueError:
        return None
    if a.version == 6 and a.ipv4_mapped is not None:
        return a.ipv4_mapped
    return a


def is_trusted(peer, trusted):
    """Whether the TCP peer's address is one of the trusted proxies' networks."""
    addr = _address(peer)
    return addr is not None and any(addr in n for n in trusted)


def client_address(peer, forwarded_for, trusted):
    """The client's address: the TCP peer, unless the peer is a trusted proxy, in which case the
    rightmost X-Forwarded-For address that is not itself a trusted proxy."""
    addr = _address(peer)
    if addr is None or not trusted or not any(addr in n for n in trusted):
        return addr
    for hop in reversed((forwarded_for or "").split(",")):
        a = _address(hop)
        if a is None:
            return addr  # a malformed hop: trust nothing left of it, count the proxy itself
        if not any(a in n for n in trusted):
            return a
        addr = a
    return addr


def client_key(addr):
    """The unit a limit counts: an IPv4 address, or an IPv6 /64 (one subscriber's whole prefix)."""
    if addr is None:
        return "unknown"
    if addr.version == 6:
        return str(ipaddress.ip_network((int(addr) >> 64 << 64, 64)))
    return str(addr)
