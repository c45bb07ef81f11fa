"""HTTP on aiohttp: one event loop carries every connection. Bounds (connection cap, a deadline for
the request head, per-route body limits, idle timeouts), JSON errors for everything the parser
refuses, routing to the api_* handlers, static files, graceful shutdown."""
import asyncio
import concurrent.futures
import json
import re
import signal
import sys
import threading
import time
import traceback
import urllib.parse

from aiohttp import http_exceptions, web, web_protocol, web_server
from aiohttp.http import HttpVersion11

from . import pages, static_files
from .api_public import APP_VERSION
from .limits import client_address, client_key
from .util import ApiError, error_body, json_bytes

HEAD_DEADLINE = 10.0  # seconds for the whole request head, from its first byte
KEEPALIVE_TIMEOUT = 75.0  # idle keep-alive connections (longer than a 25 s long poll)
SHUTDOWN_GRACE = 10.0
MAX_LINE = 8190
MAX_FIELD = 8190
MAX_HEADERS = 100
MAX_HEAD = 16384  # all header lines together
TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
BAD_VALUE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
HOST = re.compile(r"(?:[A-Za-z0-9.\-_~%!$&'()*+,;=]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?\Z")
JSON_TYPE = "application/json; charset=utf-8"

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
       "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; "
       "style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                    "Server": "MotCua/" + APP_VERSION}


def default_max_connections():
    """What the file limit allows, with room for the database, static files and the listener."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        soft = 65536
    return max(16, soft - 128)


def _raw_error(status, reason, code, description, extra=""):
    """A complete response for connections refused before aiohttp reads a request."""
    body = error_body(code, description)
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {JSON_TYPE}\r\nContent-Length: {len(body)}\r\n"
            f"{extra}Connection: close\r\n\r\n").encode("ascii") + body


FULL = _raw_error(503, "Service Unavailable", "busy", "The server is at its connection limit; try again shortly.",
                  "Retry-After: 5\r\n")
HEAD_TIMEOUT = _raw_error(408, "Request Timeout", "timeout", "The request head did not arrive in time.")


class Connection(web_protocol.RequestHandler):
    """aiohttp's connection protocol with a cap on connections and a deadline for each request head."""

    def __init__(self, manager, **kwargs):
        super().__init__(manager, **kwargs)
        self._head_timer = None

    def connection_made(self, transport):
        super().connection_made(transport)
        if len(self._manager.connections) > self._manager.max_connections:
            transport.write(FULL)
            self.force_close()
            return
        self._arm()

    def _arm(self):
        if self._head_timer is None:
            self._head_timer = self._loop.call_later(self._manager.head_timeout, self._head_expired)

    def disarm(self):
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_expired(self):
        self._head_timer = None
        if self.transport is not None and self._current_request is None:
            self.transport.write(HEAD_TIMEOUT)
        self.force_close()

    def data_received(self, data):
        super().data_received(data)
        if self._messages:
            self.disarm()
        elif self._waiter is not None and self._payload_parser is None:
            self._arm()  # part of a new request head: from now on it has HEAD_DEADLINE to complete

    def connection_lost(self, exc):
        self.disarm()
        super().connection_lost(exc)

    def handle_error(self, request, status=500, exc=None, message=None):
        """Errors of the HTTP parser (and our own last resort): a JSON body, never a traceback."""
        if status >= 500:
            self.log_exception("Error handling request", exc_info=exc)
            resp = json_response(500, error_body("internal_error", "Internal server error."))
        else:
            resp = json_response(*_parse_error(exc))
        _answer_as_http11(request)
        resp.force_close()
        return resp


def _answer_as_http11(request):
    """aiohttp answers in the request's version: a refused request (no version, or HTTP/9.0) gets
    an HTTP/1.1 answer that any client can read."""
    request._version = HttpVersion11
    request._cache["version"] = HttpVersion11  # `version` is a cached property


def _parse_error(exc):
    """(status, body) for what the HTTP parser refused."""
    text = str(exc) if exc is not None else ""
    if isinstance(exc, http_exceptions.LineTooLong):
        line = bytes(exc.args[0][:8]) if isinstance(exc.args[0], (bytes, bytearray)) else str(exc.args[0])[:8].encode()
        if line.startswith((b"/", b"http:", b"https:", b"*")):
            return 414, error_body("uri_too_long", "The request line is too long.")
        return 431, error_body("headers_too_large", "A request header is too long.")
    if "Too many headers" in text:
        return 431, error_body("headers_too_large", "There are too many request headers.")
    if "Content-Length" in text:
        return 400, error_body("invalid_content_length", "Content-Length is missing, repeated or not a number.")
    return 400, error_body("bad_request", "The request could not be parsed as HTTP/1.1.")


class Server(web_server.Server):
    def __init__(self, handler, max_connections, head_timeout, **kwargs):
        super().__init__(handler, **kwargs)
        self.max_connections = max_connections
        self.head_timeout = head_timeout

    def __call__(self):
        return Connection(self, loop=self._loop, **self._kwargs)


def json_response(status, body, headers=None):
    resp = web.Response(status=status, body=body, headers=SECURITY_HEADERS)
    resp.headers["Content-Type"] = JSON_TYPE
    resp.headers["Cache-Control"] = "no-store"
    if headers:
        resp.headers.update(headers)
    return resp


def api_error(e):
    resp = json_response(e.status, error_body(e.code, e.description), e.headers)
    if getattr(e, "close", False):
        resp.force_close()
    return resp


class Request:
    """What an endpoint sees: method, path, query, headers, the client's address and key, the body."""
    __slots__ = ("method", "path", "query", "headers", "client", "client_key", "body", "content_type")

    def __init__(self, method, path, query, headers, client, body, content_type):
        self.method, self.path, self.query, self.headers = method, path, query, headers
        self.client, self.client_key = client, client_key(client)
        self.body, self.content_type = body, content_type

    def json(self):
        if not self.body:
            raise ApiError(400, "malformed_json", "A JSON object body is required.")
        if self.content_type != "application/json":
            # A JSON API that took text/plain would let any web page post to it without CORS.
            raise ApiError(415, "unsupported_media_type", "Send the body as Content-Type: application/json.")
        try:
            text = self.body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "invalid_utf8", "The body is not valid UTF-8.") from None
        try:
            value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
            # A lone surrogate (\ud800) decodes to a str that cannot be encoded again: refuse it here.
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except DuplicateKey as e:
            raise ApiError(400, "duplicate_key", f"The key '{e}' appears more than once.") from None
        except UnicodeEncodeError:  # a ValueError too: before the general case
            raise ApiError(400, "invalid_unicode", "The body holds text that is not valid Unicode.") from None
        except (ValueError, RecursionError):
            raise ApiError(400, "malformed_json", "The body is not valid JSON.") from None
        return value


def _reject_constant(name):
    raise ValueError(name)


class DuplicateKey(ValueError):
    pass


def _unique_keys(pairs):
    """Objects whose keys appear twice are refused: which one counts differs between parsers."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                raise DuplicateKey(k.encode("utf-8", "replace").decode()[:40])
            seen.add(k)
    return value


class HttpFront:
    """Routes requests to the endpoints (api_*.py) and to the static app files."""

    def __init__(self, app):
        self.app = app
        # (method, pattern, handler[, largest body]): GET routes take no body
        self.routes = [(r[0], re.compile(r[1] + r"/?\Z"), r[2], r[3] if len(r) > 3 else 0, r[0] in ("POST", "PUT", "DELETE"))
                       for r in app.routes]
        self.static = static_files.StaticFiles(app.app_dir)
        self.pages = pages.Pages(app, self.static, SECURITY_HEADERS)
        self.db_unavailable = app.sync_store.db.unavailable
        self.inflight = 0

    def log(self, line):
        if not self.app.quiet:
            sys.stderr.write(line + "\n")

    async def handle(self, request):
        proto = request.protocol
        if isinstance(proto, Connection):
            proto.disarm()
        t0 = time.monotonic()
        self.inflight += 1
        try:
            resp = await self._handle(request)
        except ApiError as e:
            resp = api_error(e)
        except (asyncio.CancelledError, ConnectionError):
            raise
        except self.db_unavailable:
            # the database restarts or fails over: a moment, not a fault of the server or client;
            # a proxy passes an idempotent request on to another instance
            resp = json_response(503, error_body("unavailable", "The database is not reachable; try again shortly."),
                                 {"Retry-After": "1"})
        except Exception:  # never a stack trace to the client
            self.log("internal error:\n" + traceback.format_exc())
            resp = json_response(500, error_body("internal_error", "Internal server error."))
            resp.force_close()
        finally:
            self.inflight -= 1
        if not self.app.quiet:
            path = request.raw_path.split("?", 1)[0][:200]
            self.log('%s "%s %s" %d %d %.1fms' % (self._client(request), request.method,
                                                   path.encode("ascii", "backslashreplace").decode(),
                                                   resp.status, resp.content_length or 0,
                                                   (time.monotonic() - t0) * 1000))
        return resp

    def _client(self, request):
        peer = request.transport.get_extra_info("peername") if request.transport else None
        return client_address(peer[0] if peer else None, request.headers.get("X-Forwarded-For"),
                              self.app.trusted_proxies)

    async def _handle(self, request):
        method = request.method
        if request.version != (1, 1) and request.version != (1, 0):
            _answer_as_http11(request)
            raise _closing(ApiError(400, "bad_request", "Only HTTP/1.0 and HTTP/1.1 are supported."))
        for name in ("Content-Length", "Host", "Authorization", "Content-Type", "Transfer-Encoding"):
            if len(request.headers.getall(name, ())) > 1:
                raise _closing(ApiError(400, "duplicate_header", f"{name} appears more than once."))
        if sum(len(k) + len(v) + 4 for k, v in request.raw_headers) > MAX_HEAD:
            raise _closing(ApiError(431, "headers_too_large", "The request headers are too large."))
        for k, v in request.raw_headers:
            if not TOKEN.match(k) or BAD_VALUE.search(v):
                raise _closing(ApiError(400, "bad_header", "A request header is malformed."))
        if request.version == (1, 1) and not HOST.match(request.headers.get("Host", "")):
            raise _closing(ApiError(400, "bad_host", "HTTP/1.1 requests need one valid Host header."))
        raw_path, _, qs = request.raw_path.partition("?")
        if not raw_path.startswith("/") or not request.raw_path.isascii():  # raw bytes >= 0x80 arrive as surrogates
            raise _closing(ApiError(400, "bad_request", "The request target must be a path."))
        if raw_path.startswith("/api/"):
            return await self._api(request, method, raw_path, qs)
        if method not in ("GET", "HEAD"):
            raise _closing(ApiError(405, "method_not_allowed", f"{method} is not allowed here.",
                                    {"Allow": "GET, HEAD"}))
        page = await self.pages.respond(request, raw_path, qs)
        if page is not None:
            return page
        try:
            return self.static.respond(request, raw_path, SECURITY_HEADERS)
        except ApiError as e:
            page = self.pages.not_found_page(request, raw_path) if e.status == 404 else None
            if page is None:
                raise
            return page

    async def _api(self, request, method, path, qs):
        want = "GET" if method == "HEAD" else method
        allowed = []
        for m, rx, fn, limit, takes_body in self.routes:
            match = rx.match(path)
            if match is None:
                continue
            if m != want:
                allowed.append(m)
                continue
            body = await self._read_body(request, limit) if takes_body else b""
            try:
                query = {k: v[0] for k, v in urllib.parse.parse_qs(qs, keep_blank_values=True, errors="strict",
                                                                   max_num_fields=50).items()}
            except ValueError:  # too many fields, or not UTF-8 (UnicodeDecodeError)
                raise ApiError(400, "invalid_parameter", "The query string is invalid.") from None
            args = [urllib.parse.unquote(g) for g in match.groups()]
            req = Request(want, path, query, request.headers, self._client(request), body,
                          request.content_type if request.body_exists else "")
            out = fn(self.app, req, *args)
            if asyncio.iscoroutine(out):
                out = await out
            status, payload = out
            return json_response(status, payload if isinstance(payload, bytes) else json_bytes(payload))
        if allowed:
            allow = sorted(set(allowed + (["HEAD"] if "GET" in allowed else [])))
            raise _closing(ApiError(405, "method_not_allowed", f"{method} is not allowed here.",
                                    {"Allow": ", ".join(allow)}))
        raise ApiError(404, "not_found", "No such API endpoint.")

    @staticmethod
    async def _read_body(request, limit):
        length = request.content_length
        if length is not None and length > limit:
            raise _closing(ApiError(413, "body_too_large", f"The body exceeds {limit} bytes."))
        body = bytearray()
        while True:
            chunk = await request.content.readany()
            if not chunk:
                return bytes(body)
            body += chunk
            if len(body) > limit:
                raise _closing(ApiError(413, "body_too_large", f"The body exceeds {limit} bytes."))


def _closing(e):
    """An error after which the connection is closed (a body may follow that we do not read)."""
    e.close = True
    return e


async def serve(app, host, port, max_connections=None, on_ready=None, head_timeout=HEAD_DEADLINE):
    """Serve until SIGTERM/SIGINT, then answer held long polls, finish in-flight requests, return."""
    loop = asyncio.get_running_loop()
    app.attach(loop)
    feed_stop = threading.Event()
    executor = None
    if app.sync_store.dialect == "postgresql":
        # Database round trips run in threads; the change feed (LISTEN) keeps this instance's
        # memory and long polls in step with writes made through other instances.
        executor = concurrent.futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="db")
        app.store.use_threads(executor)
        threading.Thread(target=app.sync_store.db.listen, args=(app.sync_store.apply_remote, feed_stop),
                         name="db-feed", daemon=True).start()
    if app.notifier is not None:
        await app.notifier.start(executor)
    front = HttpFront(app)
    server = Server(front.handle, max_connections or default_max_connections(), head_timeout,
                    keepalive_timeout=KEEPALIVE_TIMEOUT, max_line_size=MAX_LINE, max_field_size=MAX_FIELD, max_headers=MAX_HEADERS,
                    lingering_time=2.0, access_log=None)
    runner = web.ServerRunner(server, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, shutdown_timeout=SHUTDOWN_GRACE, backlog=1024,
                       reuse_address=True)
    await site.start()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if on_ready:
        on_ready(site._server.sockets[0].getsockname()[1])
    try:
        await stop.wait()
    finally:
        app.stop()  # held long polls answer "unchanged" now; clients poll again elsewhere
        await runner.cleanup()  # stops listening, waits for in-flight requests (up to the grace)
        if app.notifier is not None:
            await app.notifier.stop()  # what it was sending goes back to the outbox
        feed_stop.set()
        if executor is not None:
            executor.shutdown(wait=True)
