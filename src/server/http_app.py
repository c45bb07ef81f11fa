"""HTTP layer: routing, static files, headers, errors, logging.

Every response is written with ONE write (status line + headers + body), so
Nagle/delayed-ACK never adds latency; HTTP/1.1 keep-alive; one thread per
connection (daemon threads).
"""
import collections
import email.utils
import http.server
import json
import math
import mimetypes
import os
import re
import socket
import sys
import threading
import time
import traceback
import urllib.parse

from . import api_admin, api_counters, api_dossiers, api_public, api_requests
from .util import ApiError, error_body, json_bytes, now as _now

MAX_REQUEST_LINE = 8192
MAX_HEADER_BYTES = 16384
MAX_BODY = 64 * 1024

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
       "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; "
       "style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self'")
SECURITY_HEADERS = ("Content-Security-Policy: " + CSP + "\r\n"
                    "X-Content-Type-Options: nosniff\r\n"
                    "Referrer-Policy: no-referrer\r\n")

MIME = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8", ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon", ".avif": "image/avif",
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
    ".txt": "text/plain; charset=utf-8", ".xml": "application/xml", ".pdf": "application/pdf",
    ".data": "application/octet-stream", ".bin": "application/octet-stream",
}
HASHED_NAME = re.compile(r"(?:^|[.\-_])[0-9a-fA-F]{8,}(?=[.\-_])")
IMMUTABLE = "public, max-age=31536000, immutable"
REASONS = {s.value: s.phrase for s in http.HTTPStatus}


class FailureLimiter:
    """At most `limit` failures per client address in a sliding `window` (seconds)."""

    def __init__(self, limit=10, window=60.0):
        self.limit, self.window = limit, window
        self.failures = {}
        self.lock = threading.Lock()

    def _recent(self, client, t):
        q = self.failures.get(client)
        if q is None:
            return None
        while q and q[0] <= t - self.window:
            q.popleft()
        if not q:
            del self.failures[client]
            return None
        return q

    def check(self, client):
        t = time.monotonic()
        with self.lock:
            q = self._recent(client, t)
            if q is not None and len(q) >= self.limit:
                retry = max(1, math.ceil(q[0] + self.window - t))
                raise ApiError(429, "too_many_attempts",
                               f"Too many failed attempts; try again in {retry} seconds.",
                               {"Retry-After": str(retry)})

    def fail(self, client):
        t = time.monotonic()
        with self.lock:
            if len(self.failures) > 100000:
                for c in list(self.failures):
                    self._recent(c, t)
            self.failures.setdefault(client, collections.deque()).append(t)


class App:
    def __init__(self, store, app_dir, admin_token, quiet=False):
        self.store = store
        self.app_dir = os.path.realpath(app_dir)
        self.admin_token = admin_token
        self.quiet = quiet
        self.tokens = {}
        self.dossier_cache = {}
        self.procedures_cache = None
        self.lookup_limiter = FailureLimiter()
        # counter tablet ratings: every attempt counts, per address and counter
        self.counter_limiter = FailureLimiter(limit=10, window=60.0)
        self.counter_key = api_counters.load_key(store)
        self.changed = threading.Condition()
        self.stopping = False
        self.static_cache = {}
        self.log_lock = threading.Lock()
        store.on_change = self._on_change
        store.on_counter_change = self._on_change
        routes = (api_public.ROUTES + api_requests.ROUTES + api_dossiers.ROUTES + api_admin.ROUTES
                  + api_counters.ROUTES)
        self.routes = [(m, re.compile(p + r"/?\Z"), f) for m, p, f in routes]

    def now(self):
        return _now()

    def _on_change(self, code, version):
        with self.changed:
            self.changed.notify_all()

    def stop(self):
        self.stopping = True
        with self.changed:
            self.changed.notify_all()

    def log(self, line):
        if not self.quiet:
            with self.log_lock:
                sys.stderr.write(line + "\n")
                sys.stderr.flush()

    # ------------------------------------------------------------ static files
    def static_entry(self, full):
        """(data, {encoding: data}, etag) for a file, cached and revalidated every second."""
        t = time.monotonic()
        e = self.static_cache.get(full)
        if e is not None and t - e[0] < 1.0:
            return e[1]
        try:
            st = os.stat(full)
        except OSError:
            self.static_cache.pop(full, None)
            return None
        if not os.path.isfile(full):
            return None
        if e is not None and e[2] == (st.st_mtime_ns, st.st_size) and t - e[0] < 5.0:
            self.static_cache[full] = (t, e[1], e[2])
            return e[1]
        try:
            with open(full, "rb") as f:
                data = f.read()
            variants = {}
            for enc, ext in (("br", ".br"), ("gzip", ".gz")):
                if os.path.isfile(full + ext):
                    with open(full + ext, "rb") as f:
                        variants[enc] = f.read()
        except OSError:
            return None
        value = (data, variants, '"%x-%x"' % (st.st_mtime_ns, st.st_size))
        if len(self.static_cache) > 2000:
            self.static_cache.clear()
        self.static_cache[full] = (t, value, (st.st_mtime_ns, st.st_size))
        return value


def _accepted(header):
    """Set of content codings the client accepts (q > 0)."""
    out = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        q = 1.0
        for p in params.split(";"):
            k, _, val = p.strip().partition("=")
            if k.strip() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            out.add(name)
    if "*" in out:
        out |= {"br", "gzip"}
    return out


class Request:
    __slots__ = ("method", "path", "query", "headers", "client", "body")

    def __init__(self, method, path, query, headers, client, body):
        self.method, self.path, self.query = method, path, query
        self.headers, self.client, self.body = headers, client, body

    def json(self):
        if not self.body:
            raise ApiError(400, "malformed_json", "A JSON object body is required.")
        try:
            text = self.body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "invalid_utf8", "The body is not valid UTF-8.") from None
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            raise ApiError(400, "malformed_json", "The body is not valid JSON.") from None


def _reject_constant(name):
    raise ValueError(name)


_date_cache = [0, ""]


def _http_date():
    t = int(time.time())
    if _date_cache[0] != t:
        _date_cache[1] = email.utils.formatdate(t, usegmt=True)
        _date_cache[0] = t
    return _date_cache[1]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MotCua/" + api_public.APP_VERSION
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 90  # idle keep-alive connections are closed (longer than a long poll)
    app = None  # set by make_server

    # -- protocol ----------------------------------------------------------
    def handle_one_request(self):
        self.command, self.request_version, self.requestline = None, "HTTP/1.1", ""
        self._t0 = time.monotonic()
        try:
            self.raw_requestline = self.rfile.readline(MAX_REQUEST_LINE + 1)
            if len(self.raw_requestline) > MAX_REQUEST_LINE:
                self.send_error(414)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            size = sum(len(k) + len(v) + 4 for k, v in self.headers.items())
            if size > MAX_HEADER_BYTES:
                self.send_error(431)
                return
            method = getattr(self, "do_" + self.command, None)
            if method is None:
                self.send_error(501)
                return
            method()
        except (TimeoutError, socket.timeout, ConnectionError):
            self.close_connection = True
        except Exception:  # never a stack trace to the client
            self.close_connection = True
            self.app.log("internal error:\n" + traceback.format_exc())
            try:
                self.send_json(500, error_body("internal_error", "Internal server error."))
            except OSError:
                pass

    ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 408: "timeout",
                   411: "length_required", 413: "body_too_large", 414: "uri_too_long",
                   431: "headers_too_large", 501: "not_implemented", 505: "http_version_not_supported"}

    def send_error(self, code, message=None, explain=None):
        """Protocol-level errors from http.server: JSON body, connection closed."""
        self.close_connection = True
        if self.command is None:
            self.command = ""
        desc = {414: "The request line is too long.", 431: "The request headers are too large.",
                501: "Unsupported method."}.get(code) or REASONS.get(code, "Error")
        self.send_json(code, error_body(self.ERROR_CODES.get(code, "error"), desc))

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass  # our own log line is written by `respond`; stdlib messages may contain query strings

    # -- responses ---------------------------------------------------------
    def respond(self, status, body, ctype, headers=None, cache="no-store"):
        parts = ["HTTP/1.1 %d %s\r\nDate: %s\r\nServer: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s"
                 % (status, REASONS.get(status, ""), _http_date(), self.server_version, ctype, len(body),
                    SECURITY_HEADERS)]
        if cache:
            parts.append("Cache-Control: " + cache + "\r\n")
        if headers:
            for k, v in headers.items():
                parts.append(f"{k}: {v}\r\n")
        if self.close_connection:
            parts.append("Connection: close\r\n")
        elif self.request_version == "HTTP/1.0":
            parts.append("Connection: keep-alive\r\n")
        parts.append("\r\n")
        head = "".join(parts).encode("latin-1")
        self.wfile.write(head if self.command == "HEAD" or status == 304 else head + body)
        if not self.app.quiet:
            path = (getattr(self, "path", "") or "").split("?", 1)[0][:200]
            self.app.log('%s "%s %s" %d %d %.1fms' % (self.client_address[0], self.command or "-",
                                                      path.encode("ascii", "backslashreplace").decode() or "-",
                                                      status, len(body), (time.monotonic() - self._t0) * 1000))

    def send_json(self, status, body, headers=None):
        if not isinstance(body, bytes):
            body = json_bytes(body)
        self.respond(status, body, "application/json; charset=utf-8", headers)

    def send_api_error(self, e):
        self.send_json(e.status, error_body(e.code, e.description), e.headers)

    # -- methods -------------------------------------------------------------
    def do_GET(self):
        self.dispatch(b"")

    def do_HEAD(self):
        self.dispatch(b"")

    def do_POST(self):
        te = self.headers.get("Transfer-Encoding")
        if te:
            self.close_connection = True
            return self.send_api_error(ApiError(411, "length_required",
                                                "Send the body with Content-Length (no chunked encoding)."))
        raw = self.headers.get("Content-Length")
        if raw is None:
            length = 0
        elif not raw.strip().isdigit():
            self.close_connection = True
            return self.send_api_error(ApiError(400, "invalid_content_length", "Content-Length is not a number."))
        else:
            length = int(raw)
        if length > MAX_BODY:
            self.close_connection = True
            return self.send_api_error(ApiError(413, "body_too_large", f"The body exceeds {MAX_BODY} bytes."))
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            self.close_connection = True
            return
        self.dispatch(body)

    def _not_allowed(self):
        self.close_connection = True  # a body may follow that we do not read
        self.send_api_error(ApiError(405, "method_not_allowed", f"{self.command} is not allowed here.",
                                     {"Allow": "GET, HEAD, POST"}))

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def dispatch(self, body):
        raw_path, _, qs = self.path.partition("?")
        raw_path = raw_path.split("#", 1)[0]
        if not raw_path.startswith("/"):
            self.close_connection = True
            return self.send_api_error(ApiError(400, "bad_request", "The request target must be a path."))
        if self.command != "POST":
            n = self.headers.get("Content-Length")
            if n and n.strip() != "0":  # a body on GET/HEAD: do not keep the connection in an unknown state
                self.close_connection = True
        if raw_path.startswith("/api/"):
            return self.dispatch_api(raw_path, qs, body)
        if self.command == "POST":
            return self.send_api_error(ApiError(405, "method_not_allowed", "POST is allowed only on the API.",
                                                {"Allow": "GET, HEAD"}))
        self.serve_static(raw_path)

    def dispatch_api(self, path, qs, body):
        app = self.app
        method = "GET" if self.command == "HEAD" else self.command
        allowed = []
        for m, rx, fn in app.routes:
            match = rx.match(path)
            if match is None:
                continue
            if m != method:
                allowed.append(m)
                continue
            try:
                query = {k: v[0] for k, v in urllib.parse.parse_qs(qs, keep_blank_values=True,
                                                                   max_num_fields=50).items()}
                args = [urllib.parse.unquote(g) for g in match.groups()]
                req = Request(method, path, query, self.headers, self.client_address[0], body)
                status, out = fn(app, req, *args)
            except ApiError as e:
                return self.send_api_error(e)
            except ValueError:  # e.g. too many query fields
                return self.send_api_error(ApiError(400, "invalid_parameter", "The query string is invalid."))
            return self.send_json(status, out)
        if allowed:
            allow = sorted(set(allowed + (["HEAD"] if "GET" in allowed else [])))
            return self.send_api_error(ApiError(405, "method_not_allowed", f"{self.command} is not allowed here.",
                                                {"Allow": ", ".join(allow)}))
        return self.send_api_error(ApiError(404, "not_found", "No such API endpoint."))

    # -- static ----------------------------------------------------------------
    def serve_static(self, raw_path):
        app = self.app
        if raw_path == "/" or raw_path == "/index.html" or raw_path == "/d" or raw_path.startswith("/d/"):
            rel = "index.html"
        else:
            decoded = urllib.parse.unquote(raw_path)
            if "\0" in decoded or "\\" in decoded:
                return self.send_api_error(ApiError(400, "bad_path", "Invalid path."))
            segments = decoded.split("/")[1:]
            if any(s in (".", "..") for s in segments):
                return self.send_api_error(ApiError(400, "bad_path", "Invalid path."))
            if any(s.startswith(".") for s in segments) or not segments or segments[-1] == "":
                return self.send_api_error(ApiError(404, "not_found", "Not found."))
            rel = "/".join(segments)
        full = os.path.realpath(os.path.join(app.app_dir, rel))
        if not full.startswith(app.app_dir + os.sep):
            return self.send_api_error(ApiError(404, "not_found", "Not found."))
        entry = app.static_entry(full)
        if entry is None:
            if rel == "index.html":
                return self.send_api_error(ApiError(503, "app_not_built",
                                                    "The web app is not built (index.html missing)."))
            return self.send_api_error(ApiError(404, "not_found", "Not found."))
        data, variants, etag = entry
        name = os.path.basename(full)
        ext = os.path.splitext(name)[1].lower()
        ctype = MIME.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name == "index.html" or ext == ".html":
            cache = "no-cache"
        elif HASHED_NAME.search(name):
            cache = IMMUTABLE
        else:
            cache = "no-cache"
        headers = {"Vary": "Accept-Encoding"}
        if variants:
            accepted = _accepted(self.headers.get("Accept-Encoding"))
            for enc in ("br", "gzip"):
                if enc in variants and enc in accepted:
                    data = variants[enc]
                    headers["Content-Encoding"] = enc
                    etag = etag[:-1] + "-" + enc + '"'
                    break
        headers["ETag"] = etag
        inm = self.headers.get("If-None-Match")
        if inm and etag in [t.strip() for t in inm.split(",")]:
            return self.respond(304, b"", ctype, headers, cache)
        self.respond(200, data, ctype, headers, cache)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256


def make_server(host, port, app):
    handler = type("BoundHandler", (Handler,), {"app": app})
    server_cls = Server
    if ":" in host:
        server_cls = type("Server6", (Server,), {"address_family": socket.AF_INET6})
    return server_cls((host, port), handler)
