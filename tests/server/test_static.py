"""Static serving: MIME, precompressed variants, caching, security headers, hostile requests."""
import http.client
import unittest

from test_support import INDEX, WASM, WASM_BR, WASM_GZ, ServerCase


class StaticTests(ServerCase):
    def get(self, path, **headers):
        return self.client.request("GET", path, headers=headers)

    def assertSecurityHeaders(self, headers):
        csp = headers["Content-Security-Policy"]
        for part in ("script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self' blob:", "img-src 'self' data: blob:",
                     "media-src 'self' blob: mediastream:", "connect-src 'self'",
                     "style-src 'self' 'unsafe-inline'",
                     "frame-ancestors 'none'", "form-action 'self'"):  # no framing (clickjacking), no form posts out
            self.assertIn(part, csp)
        self.assertEqual(headers["X-Frame-Options"], "DENY")
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(headers["Referrer-Policy"], "no-referrer")

    def test_index(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)
        self.assertTrue(headers["Content-Type"].startswith("text/html"))
        self.assertEqual(headers["Cache-Control"], "no-cache")
        self.assertSecurityHeaders(headers)

    def test_spa_routes_serve_index(self):
        for path in ("/d/000.00.12.H42-241124-0001", "/d/000.00.12.H42-241124-0001?x=1", "/index.html"):
            status, headers, body = self.get(path)
            self.assertEqual((status, body), (200, INDEX), path)
            self.assertEqual(headers["Cache-Control"], "no-cache")
        # not a screen's address: the app's own "not found" screen, with a 404
        for path in ("/d/anything/else?x=1", "/d/"):
            status, headers, body = self.get(path)
            self.assertEqual((status, body), (404, INDEX), path)

    def test_wasm_mime_and_immutable_cache(self):
        status, headers, body = self.get("/app.3f9a1c2b.wasm")
        self.assertEqual(status, 200)
        self.assertEqual(body, WASM)
        self.assertEqual(headers["Content-Type"], "application/wasm")
        self.assertEqual(headers["Cache-Control"], "public, max-age=31536000, immutable")
        self.assertIn("Accept-Encoding", headers["Vary"])
        self.assertIsNone(headers["Content-Encoding"])
        self.assertSecurityHeaders(headers)

    def test_other_mime_types(self):
        for path, ctype, cache in (("/app.3f9a1c2b.js", "text/javascript", "immutable"),
                                   ("/style.css", "text/css", "no-cache"),
                                   ("/manifest.webmanifest", "application/manifest+json", "no-cache"),
                                   ("/assets/font-0123abcd.woff2", "font/woff2", "immutable")):
            status, headers, _ = self.get(path)
            self.assertEqual(status, 200, path)
            self.assertTrue(headers["Content-Type"].startswith(ctype), (path, headers["Content-Type"]))
            self.assertIn(cache, headers["Cache-Control"], path)

    def test_service_worker_is_revalidated_every_time(self):
        # /sw.js keeps its name across deployments: browsers must always see the newest bytes.
        status, headers, body = self.get("/sw.js")
        self.assertEqual(status, 200)
        self.assertTrue(body.startswith(b"self.addEventListener"))
        self.assertTrue(headers["Content-Type"].startswith("text/javascript"))
        self.assertEqual(headers["Cache-Control"], "no-cache")
        self.assertSecurityHeaders(headers)

    def test_precompressed_negotiation(self):
        cases = [("br, gzip", WASM_BR, "br"), ("gzip, deflate, br;q=0", WASM_GZ, "gzip"),
                 ("gzip", WASM_GZ, "gzip"), ("identity", WASM, None), ("*", WASM_BR, "br"),
                 ("br;q=0, gzip;q=0", WASM, None)]
        for accept, expected, encoding in cases:
            status, headers, body = self.get("/app.3f9a1c2b.wasm", **{"Accept-Encoding": accept})
            self.assertEqual(status, 200)
            self.assertEqual(body, expected, accept)
            self.assertEqual(headers["Content-Encoding"], encoding, accept)
            self.assertEqual(headers["Content-Type"], "application/wasm")
            self.assertEqual(headers["Vary"], "Accept-Encoding")
            self.assertEqual(int(headers["Content-Length"]), len(expected))

    def test_etag_revalidation(self):
        _, headers, _ = self.get("/style.css")
        status, _, body = self.get("/style.css", **{"If-None-Match": headers["ETag"]})
        self.assertEqual((status, body), (304, b""))

    def test_head(self):
        status, headers, body = self.client.request("HEAD", "/app.3f9a1c2b.wasm")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(int(headers["Content-Length"]), len(WASM))

    def test_missing_file_is_404(self):
        for path in ("/nope.js", "/assets/", "/assets", "/.hidden", "/api"):
            status, headers, body = self.get(path)
            self.assertEqual(status, 404, path)
            self.assertIn(b'"errors"', body)

    def test_path_traversal(self):
        paths = ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/assets/..%2f..%2f..%2fetc/passwd", "/..%5c..%5cetc%5cpasswd", "/assets/%2e%2e/%2e%2e/serve.py",
                 "/%252e%252e/%252e%252e/etc/passwd", "/.%2e/.%2e/etc/passwd", "/assets/../../data/x",
                 "/%00index.html", "//etc/passwd"]
        for path in paths:
            raw = self.client.raw(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            status = int(raw.split(b" ", 2)[1])
            self.assertIn(status, (400, 404), path)
            self.assertNotIn(b"root:", raw)

    def test_request_line_too_long(self):
        raw = self.client.raw(b"GET /" + b"a" * 10000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 414 "), raw[:80])
        self.assertIn(b'"uri_too_long"', raw)

    def test_headers_too_large(self):
        raw = self.client.raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 70000 + b"\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 431 "), raw[:80])
        many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 200) for i in range(90))
        raw = self.client.raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 431 "), raw[:80])
        many = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
        raw = self.client.raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 431 "), raw[:80])

    def test_methods(self):
        for method in ("DELETE", "PUT", "PATCH", "OPTIONS"):
            status, headers, body = self.client.request(method, "/")
            self.assertEqual(status, 405, method)
            self.assertTrue(headers["Allow"])
        status, _, _ = self.client.request("POST", "/", body=b"x")
        self.assertEqual(status, 405)
        raw = self.client.raw(b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n")  # a client's mistake: 4xx, never 5xx
        self.assertTrue(raw.startswith(b"HTTP/1.1 400 "), raw[:80])
        raw = self.client.raw(b"garbage\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 400 "), raw[:80])
        raw = self.client.raw(b"GET / HTTP/9.0\r\n\r\n")
        self.assertRegex(raw[:20], rb"HTTP/1.1 (400|505) ")

    def test_keep_alive_connection_reused(self):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=5)
        for path in ("/", "/api/v1/health", "/style.css", "/nope", "/api/v1/procedures"):
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            self.assertFalse(r.will_close, path)
        c.close()

    def test_no_stack_traces(self):
        self.assertNotIn("Traceback", self.server.output())


if __name__ == "__main__":
    unittest.main()
