"""docs/nginx/motcua.conf in front of a real serve.py, over TLS with a throwaway certificate.

Runs its own nginx (-p/-c in a temporary directory, loopback ports), never the system's, and
removes everything afterwards. Skipped only when there is no nginx binary.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import unittest

from test_support import ADMIN, INDEX, REPO, WASM, WASM_GZ, Client, Server, free_port, make_app_dir

SITE_CONF = os.path.join(REPO, "docs", "nginx", "motcua.conf")
NGINX = shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin")
# headers of this kind that serve.py sends must arrive exactly once and unchanged through nginx
# (nginx adds them itself for the files it serves); ones serve.py does not send must not appear
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
            "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
            "Cross-Origin-Embedder-Policy")
CODE = "000.00.12.H42-241125-0001"

OPENSSL_CNF = """[req]
distinguished_name = dn
x509_extensions = v3
prompt = no
[dn]
CN = 127.0.0.1
[v3]
subjectAltName = IP:127.0.0.1, DNS:localhost
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""

# What Debian's /etc/nginx/nginx.conf sets around the sites, with every path in the temporary dir.
MAIN_CONF = """worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log notice;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {tmp}/temp/body;
    proxy_temp_path {tmp}/temp/proxy;
    fastcgi_temp_path {tmp}/temp/fastcgi;
    uwsgi_temp_path {tmp}/temp/uwsgi;
    scgi_temp_path {tmp}/temp/scgi;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    access_log off;
    gzip on;
    include {tmp}/motcua.conf;
}}
"""


def _kill_group(proc):
    """Stop nginx (master and workers: one process group, started by us)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # workers left behind, if any
    except (ProcessLookupError, PermissionError):
        pass
    if proc.poll() is None:
        proc.wait(5)


@unittest.skipIf(NGINX is None, "nginx is not installed (tools/setup.sh installs nginx-light)")
class NginxProxyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="motcua-nginx-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)
        os.chmod(cls.tmp, 0o755)  # nginx workers run as nobody when the test runs as root
        cls.app_dir = make_app_dir(os.path.join(cls.tmp, "dist"))
        with open(os.path.join(cls.app_dir, ".hidden"), "wb") as f:
            f.write(b"secret")
        acme = os.path.join(cls.tmp, "acme")
        os.makedirs(os.path.join(acme, ".well-known", "acme-challenge"))
        with open(os.path.join(acme, ".well-known", "acme-challenge", "tok"), "wb") as f:
            f.write(b"tok.thumbprint")

        # a self-signed certificate for 127.0.0.1
        cls.cert, key = os.path.join(cls.tmp, "cert.pem"), os.path.join(cls.tmp, "key.pem")
        cnf = os.path.join(cls.tmp, "openssl.cnf")
        with open(cnf, "w") as f:
            f.write(OPENSSL_CNF)
        subprocess.run(["openssl", "req", "-x509", "-config", cnf, "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-keyout", key, "-out", cls.cert],
                       check=True, capture_output=True, timeout=20)
        cls.ctx = ssl.create_default_context(cafile=cls.cert)

        # serve.py, trusting the proxy on loopback
        cls.server = Server(os.path.join(cls.tmp, "data"), cls.app_dir, ["--trusted-proxy", "127.0.0.1"])
        cls.addClassCleanup(cls.server.stop)
        cls.server.start()
        cls.direct = Client(cls.server.port)

        # the site config as the docs show it, with this test's ports and paths
        cls.https_port, cls.http_port = free_port(), free_port()
        cls.access_log = os.path.join(cls.tmp, "motcua.access.log")
        with open(SITE_CONF, encoding="utf-8") as f:
            site = f.read()
        for old, new in (("listen 80;", f"listen 127.0.0.1:{cls.http_port};"),
                         ("listen 443 ssl http2;", f"listen 127.0.0.1:{cls.https_port} ssl http2;"),
                         ("/etc/letsencrypt/live/motcua.example.org/fullchain.pem", cls.cert),
                         ("/etc/letsencrypt/live/motcua.example.org/privkey.pem", key),
                         ("server 127.0.0.1:8000;", f"server 127.0.0.1:{cls.server.port};"),
                         ("/srv/motcua/build/web/dist", cls.app_dir),
                         ("/var/www/html", acme),
                         ("/var/log/nginx/motcua.access.log", cls.access_log)):
            if old not in site:
                raise AssertionError(f"docs/nginx/motcua.conf no longer contains {old!r}; update test_nginx.py")
            site = site.replace(old, new)
        site = re.sub(r"(?m)^\s*listen \[::\]:.*\n", "", site)  # loopback IPv4 only
        with open(os.path.join(cls.tmp, "motcua.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        os.makedirs(os.path.join(cls.tmp, "temp"))
        cls.conf = os.path.join(cls.tmp, "nginx.conf")
        with open(cls.conf, "w", encoding="utf-8") as f:
            f.write(MAIN_CONF.format(tmp=cls.tmp))
        cls.nginx_cmd = [NGINX, "-p", cls.tmp + "/", "-c", cls.conf, "-e", os.path.join(cls.tmp, "error.log")]

        check = cls.nginx_test()
        if check.returncode != 0:
            raise AssertionError("nginx -t rejects the config:\n" + check.stderr)
        cls.nginx_out = open(os.path.join(cls.tmp, "nginx.out"), "wb")
        cls.addClassCleanup(cls.nginx_out.close)
        cls.nginx = subprocess.Popen(cls.nginx_cmd + ["-g", "daemon off;"], stdout=cls.nginx_out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        cls.addClassCleanup(_kill_group, cls.nginx)
        deadline = time.monotonic() + 10
        while True:
            if cls.nginx.poll() is not None:
                raise AssertionError("nginx exited:\n" + cls.read(os.path.join(cls.tmp, "nginx.out"))
                                     + cls.read(os.path.join(cls.tmp, "error.log")))
            try:
                for port in (cls.https_port, cls.http_port):
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @classmethod
    def nginx_test(cls):
        return subprocess.run(cls.nginx_cmd + ["-t"], capture_output=True, text=True, timeout=20)

    @staticmethod
    def read(path):
        try:
            with open(path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    # -- helpers -------------------------------------------------------------------
    def https(self, method, path, body=None, headers=None, token=None, source="127.0.0.1", timeout=20):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        c = http.client.HTTPSConnection("127.0.0.1", self.https_port, context=self.ctx, timeout=timeout,
                                        source_address=(source, 0))
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            return r.status, r.headers, r.read()
        finally:
            c.close()

    def https_json(self, method, path, body=None, token=None):
        status, headers, data = self.https(method, path, body, token=token)
        return status, json.loads(data), headers

    def wait_for(self, path, pattern, timeout=3.0):
        deadline = time.monotonic() + timeout
        while True:
            text = path() if callable(path) else self.read(path)
            if re.search(pattern, text, re.M):
                return text
            if time.monotonic() > deadline:
                self.fail(f"no line matching {pattern!r} in:\n{text[-3000:]}")
            time.sleep(0.05)

    # -- tests ----------------------------------------------------------------------
    def test_nginx_accepts_the_config(self):
        check = self.nginx_test()
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("test is successful", check.stderr)

    def test_health_through_the_proxy(self):
        status, obj, headers = self.https_json("GET", "/api/v1/health")
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj["status"], "ok")
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")

    def test_security_headers_match_serve_py_once_each(self):
        _, direct, _ = self.direct.request("GET", "/api/v1/health")
        expected = {name: direct.get_all(name) or [] for name in SECURITY}
        for name in SECURITY[:3]:
            self.assertEqual(len(expected[name]), 1, name)
        for method, path, status in (("GET", "/api/v1/health", 200), ("GET", "/api/v1/nope", 404),
                                     ("GET", "/", 200), ("GET", f"/d/{CODE}", 200),
                                     ("GET", "/app.3f9a1c2b.wasm", 200), ("GET", "/sw.js", 200),
                                     ("GET", "/missing.js", 404), ("GET", "/.hidden", 404)):
            with self.subTest(path=path):
                got, headers, _ = self.https(method, path)
                self.assertEqual(got, status)
                for name, values in expected.items():
                    self.assertEqual(headers.get_all(name) or [], values, name)
                self.assertEqual(headers.get_all("Strict-Transport-Security"), ["max-age=31536000"])

    def test_static_files_as_serve_py_sends_them(self):
        # rendered pages, robots.txt and sitemap.xml hold absolute links: https and nginx's host
        rendered = ("/procedures/1.004873?lang=en", "/places/sight", "/robots.txt", "/sitemap.xml")
        for path in ("/", "/index.html", f"/d/{CODE}", "/app.3f9a1c2b.wasm", "/app.3f9a1c2b.js",
                     "/style.css", "/manifest.webmanifest", "/sw.js", "/assets/font-0123abcd.woff2") + rendered:
            with self.subTest(path=path):
                _, want, want_body = self.direct.request("GET", path)
                status, headers, body = self.https("GET", path)
                self.assertEqual(status, 200)
                if path in rendered:
                    self.assertIn(b"https://", body)
                    self.assertNotIn(b"http://", body.replace(b"http://www.", b""))
                else:
                    self.assertEqual(body, want_body)
                for name in ("Content-Type", "Cache-Control"):
                    self.assertEqual(headers[name], want[name], name)
        status, headers, body = self.https("GET", f"/d/{CODE}")
        self.assertEqual((body, headers["Cache-Control"]), (INDEX, "no-cache"))
        for path in ("/d", "/nope", "/places/castle"):  # not a screen's address: the app, with a 404
            status, headers, body = self.https("GET", path)
            self.assertEqual((status, body, headers.get_all("Cache-Control")), (404, INDEX, ["no-store"]), path)
        status, headers, body = self.https("GET", "/app.3f9a1c2b.wasm")
        self.assertEqual(body, WASM)
        self.assertIn("immutable", headers["Cache-Control"])
        status, headers, body = self.https("GET", "/app.3f9a1c2b.wasm", headers={"Accept-Encoding": "gzip"})
        self.assertEqual((status, body, headers["Content-Encoding"]), (200, WASM_GZ, "gzip"))
        self.assertIn("Accept-Encoding", headers["Vary"])
        self.assertEqual(self.https("GET", "/.hidden")[0], 404)

    def test_long_poll_through_the_proxy(self):
        status, created, _ = self.https_json("POST", "/api/v1/admin/dossiers",
                                             {"procedure_code": "1.004873", "owner_name": "Nguyễn Văn An"}, ADMIN)
        self.assertEqual(status, 201, created)
        status, found, _ = self.https_json("POST", "/api/v1/dossiers/lookup",
                                           {"code": created["code"], "secret": created["secret"]})
        self.assertEqual(status, 200, found)
        token, version = found["token"], found["dossier"]["version"]
        path = f"/api/v1/dossiers/{created['code']}/changes?since={version}"

        t0 = time.monotonic()
        status, obj, _ = self.https_json("GET", path + "&timeout=2", token=token)
        elapsed = time.monotonic() - t0
        self.assertEqual(status, 200, obj)
        self.assertEqual(obj, {"changed": False, "version": version})
        self.assertGreater(elapsed, 1.8)
        self.assertLess(elapsed, 6)

        # a back-office event wakes a waiting poll at once, through the proxy
        result = {}

        def poll():
            t = time.monotonic()
            result["answer"] = self.https_json("GET", path + "&timeout=20", token=token)
            result["elapsed"] = time.monotonic() - t

        waiter = threading.Thread(target=poll)
        waiter.start()
        time.sleep(0.3)
        status, obj, _ = self.https_json("POST", f"/api/v1/admin/dossiers/{created['code']}/events",
                                         {"type": "status", "status": 4, "note": "Đang xử lý"}, ADMIN)
        self.assertEqual(status, 201, obj)
        waiter.join(25)
        self.assertFalse(waiter.is_alive())
        status, obj, _ = result["answer"]
        self.assertEqual(status, 200, obj)
        self.assertTrue(obj["changed"])
        self.assertGreater(obj["version"], version)
        self.assertLess(result["elapsed"], 5)

    def test_plain_http_redirects_to_https(self):
        c = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        try:
            c.request("GET", f"/d/{CODE}?lang=en")
            r = c.getresponse()
            r.read()
            self.assertEqual(r.status, 301)
            self.assertEqual(r.headers["Location"], f"https://127.0.0.1/d/{CODE}?lang=en")
            # ACME http-01 challenges are answered on plain http
            c.request("GET", "/.well-known/acme-challenge/tok")
            r = c.getresponse()
            self.assertEqual((r.status, r.read()), (200, b"tok.thumbprint"))
        finally:
            c.close()

    def test_client_address_reaches_serve_py_and_logs_have_no_query(self):
        # the client is 127.0.0.2 (nginx talks to serve.py from 127.0.0.1); its own X-Forwarded-For
        # is replaced by nginx, so it cannot pose as another address
        status, _, _ = self.https("GET", "/api/v1/procedures/9.999999?secret=SHOULD-NOT-BE-LOGGED",
                                  headers={"X-Forwarded-For": "198.51.100.7"}, source="127.0.0.2")
        self.assertEqual(status, 404)
        log = self.wait_for(self.server.output, r'^127\.0\.0\.2 "GET /api/v1/procedures/9\.999999" 404 ')
        self.assertNotIn("198.51.100.7", log)
        self.assertNotIn("SHOULD-NOT-BE-LOGGED", log)
        # nginx's own log: the path as requested (not the file it became), no query string
        self.assertEqual(self.https("GET", f"/d/{CODE}?k=SHOULD-NOT-BE-LOGGED", source="127.0.0.2")[0], 200)
        self.wait_for(self.access_log, r'^127\.0\.0\.2 \[.*\] "GET /api/v1/procedures/9\.999999" 404 ')
        access = self.wait_for(self.access_log, r'^127\.0\.0\.2 \[.*\] "GET /d/' + re.escape(CODE) + '" 200 ')
        self.assertNotIn("SHOULD-NOT-BE-LOGGED", access)

    def test_bodies_over_64_kb_are_refused_with_the_api_error(self):
        status, headers, data = self.https("POST", "/api/v1/dossiers/lookup", body=b"x" * 70000,
                                           headers={"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        self.assertEqual(headers["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(json.loads(data)["errors"][0]["code"], "body_too_large")
        for name in SECURITY[:3]:
            self.assertEqual(len(headers.get_all(name) or []), 1, name)


if __name__ == "__main__":
    unittest.main()
