"""The built web app's files: cached in memory, revalidated every second, precompressed variants
(.br, .gz) chosen by Accept-Encoding, immutable caching for hashed names, ETag revalidation."""
import mimetypes
import os
import re
import time
import urllib.parse

from aiohttp import web

from .util import ApiError, weighted_values

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


def accepted_codings(header):
    """Set of content codings the client accepts (q > 0)."""
    out = {name for name, q in weighted_values(header) if name and q > 0}
    if "*" in out:
        out |= {"br", "gzip"}
    return out


class StaticFiles:
    def __init__(self, app_dir):
        self.app_dir = os.path.realpath(app_dir)
        self.cache = {}

    def entry(self, full):
        """(data, {encoding: data}, etag) for a file, cached and revalidated every second."""
        t = time.monotonic()
        e = self.cache.get(full)
        if e is not None and t - e[0] < 1.0:
            return e[1]
        try:
            st = os.stat(full)
        except OSError:
            self.cache.pop(full, None)
            return None
        if not os.path.isfile(full):
            return None
        if e is not None and e[2] == (st.st_mtime_ns, st.st_size) and t - e[0] < 5.0:
            self.cache[full] = (t, e[1], e[2])
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
        if len(self.cache) > 2000:
            self.cache.clear()
        self.cache[full] = (t, value, (st.st_mtime_ns, st.st_size))
        return value

    def resolve(self, raw_path):
        """The file a request path names inside the app dir (the app's routes are pages.py's)."""
        if raw_path in ("/", "/index.html"):
            rel = "index.html"
        else:
            decoded = urllib.parse.unquote(raw_path)
            if "\0" in decoded or "\\" in decoded:
                raise ApiError(400, "bad_path", "Invalid path.")
            segments = decoded.split("/")[1:]
            if any(s in (".", "..") for s in segments):
                raise ApiError(400, "bad_path", "Invalid path.")
            if any(s.startswith(".") for s in segments) or not segments or segments[-1] == "":
                raise ApiError(404, "not_found", "Not found.")
            rel = "/".join(segments)
        full = os.path.realpath(os.path.join(self.app_dir, rel))
        if not full.startswith(self.app_dir + os.sep):
            raise ApiError(404, "not_found", "Not found.")
        return rel, full

    def index(self):
        """index.html's bytes (cached like every file); 503 when the app is not built."""
        entry = self.entry(os.path.join(self.app_dir, "index.html"))
        if entry is None:
            raise ApiError(503, "app_not_built", "The web app is not built (index.html missing).")
        return entry[0]

    def respond(self, request, raw_path, security_headers):
        rel, full = self.resolve(raw_path)
        entry = self.entry(full)
        if entry is None:
            if rel == "index.html":
                raise ApiError(503, "app_not_built", "The web app is not built (index.html missing).")
            raise ApiError(404, "not_found", "Not found.")
        data, variants, etag = entry
        name = os.path.basename(full)
        ext = os.path.splitext(name)[1].lower()
        ctype = MIME.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"
        cache = IMMUTABLE if ext != ".html" and HASHED_NAME.search(name) else "no-cache"
        headers = dict(security_headers)
        headers.update({"Content-Type": ctype, "Cache-Control": cache, "Vary": "Accept-Encoding"})
        if variants:
            accepted = accepted_codings(request.headers.get("Accept-Encoding"))
            for enc in ("br", "gzip"):
                if enc in variants and enc in accepted:
                    data = variants[enc]
                    headers["Content-Encoding"] = enc
                    etag = etag[:-1] + "-" + enc + '"'
                    break
        headers["ETag"] = etag
        inm = request.headers.get("If-None-Match")
        if inm and etag in [t.strip() for t in inm.split(",")]:
            return web.Response(status=304, headers=headers)
        return web.Response(status=200, body=data, headers=headers)
