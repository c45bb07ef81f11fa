"""Shared harness for the server tests: runs a real serve.py process.

(Named test_*.py so it lives with the tests; it defines no tests itself.)
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import pg_cluster

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVE = os.path.join(REPO, "serve.py")
ADMIN = "test-admin-token-0123456789-abcdefghijklm"
sys.path.insert(0, os.path.join(REPO, "src"))

WASM = bytes(range(256)) * 8
WASM_BR = b"BROTLI-VARIANT"
WASM_GZ = b"GZIP-VARIANT"
INDEX = b"<!doctype html><title>Mot Cua</title><script src=app.3f9a1c2b.js></script>"


_databases = {}  # data dir -> PostgreSQL URL (MOTCUA_TEST_BACKEND=postgresql)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_app_dir(root):
    os.makedirs(os.path.join(root, "assets"), exist_ok=True)
    files = {"index.html": INDEX, "app.3f9a1c2b.wasm": WASM, "app.3f9a1c2b.wasm.br": WASM_BR,
             "app.3f9a1c2b.wasm.gz": WASM_GZ, "app.3f9a1c2b.js": b"console.log(1)", "style.css": b"body{}",
             "manifest.webmanifest": b"{}", "sw.js": b"self.addEventListener('fetch', () => {});", "assets/font-0123abcd.woff2": b"wOF2"}
    for name, data in files.items():
        with open(os.path.join(root, name), "wb") as f:
            f.write(data)
    return root


class Server:
    """A serve.py subprocess on a free port."""

    def __init__(self, data_dir, app_dir, extra_args=(), env=None, port=None):
        self.data_dir, self.app_dir = data_dir, app_dir
        self.port = port or free_port()
        self.log_path = os.path.join(data_dir + "-log.txt")
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, MOTCUA_ADMIN_TOKEN=ADMIN, PYTHONUNBUFFERED="1")
        for k, v in (env or {}).items():  # None removes a variable
            if v is None:
                self.env.pop(k, None)
            else:
                self.env[k] = v
        self.proc = None
        self.database = None
        if pg_cluster.backend() == "postgresql" and "--database" not in self.extra_args:
            # one database per data dir, so a restart with the same data dir finds its data
            self.database = _databases.get(data_dir) or _databases.setdefault(data_dir, pg_cluster.cluster().new_database())
            self.extra_args += ["--database", self.database]

    def start(self, timeout=60.0):
        # The first start seeds the database: a few seconds on SQLite, over 20 on a fresh
        # PostgreSQL database when the machine is busy (measured under a load of 15 on 2 cores).
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, SERVE, "--no-build", "--port", str(self.port), "--data-dir", self.data_dir,
             "--app-dir", self.app_dir] + self.extra_args,
            stdout=self.log, stderr=subprocess.STDOUT, env=self.env, cwd=REPO,
            preexec_fn=getattr(self, "preexec", None))
        deadline = time.monotonic() + timeout
        delay = 0.02
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("serve.py exited early:\n" + self.output())
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/api/v1/health")
                if c.getresponse().status == 200:
                    c.close()
                    return self
            except OSError:
                pass
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        self.stop()
        raise RuntimeError("serve.py did not become healthy:\n" + self.output())

    def stop(self, sig=signal.SIGTERM):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()
        return self.proc.returncode if self.proc else None

    def output(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""


class Client:
    def __init__(self, port, source=None):
        """source: a loopback address to send from (127.x.y.z), so limits per client can be tried."""
        self.port = port
        self.source = (source, 0) if source else None

    def request(self, method, path, body=None, headers=None, token=None, timeout=30):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=self.source)
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            return r.status, r.headers, data
        finally:
            c.close()

    def json(self, method, path, body=None, token=None, headers=None, timeout=30):
        status, headers, data = self.request(method, path, body, headers, token, timeout)
        try:
            obj = json.loads(data) if data else None
        except ValueError:
            obj = {"_raw": data}
        return status, obj, headers

    def raw(self, data, timeout=5):
        """Send raw bytes, return the raw response (until the server closes or times out)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            out = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    out += chunk
                    if b"\r\n\r\n" in out:
                        head, _, rest = out.partition(b"\r\n\r\n")
                        for line in head.split(b"\r\n"):
                            if line.lower().startswith(b"content-length:"):
                                if len(rest) >= int(line.split(b":")[1]):
                                    return out
            except (socket.timeout, ConnectionResetError):
                pass
            return out

    # -- domain helpers --------------------------------------------------------
    def admin(self, method, path, body=None):
        return self.json(method, path, body, token=ADMIN)

    def new_dossier(self, procedure="1.004873", **extra):
        status, obj, _ = self.admin("POST", "/api/v1/admin/dossiers",
                                    dict({"procedure_code": procedure, "owner_name": "Nguyễn Văn An"}, **extra))
        assert status == 201, (status, obj)
        return obj

    def event(self, code, **body):
        status, obj, _ = self.admin("POST", f"/api/v1/admin/dossiers/{code}/events", body)
        assert status == 201, (status, obj)
        return obj

    def counter_device(self, n):
        """The device secret of counter n's tablet (issued once per client, as the back office would)."""
        devices = self.__dict__.setdefault("devices", {})
        if n not in devices:
            status, obj, _ = self.admin("POST", f"/api/v1/admin/counters/{n}/device")
            assert status == 201, (status, obj)
            devices[n] = obj["device_secret"]
        return devices[n]

    def tablet_json(self, method, path, body=None, **kw):
        """A request from counter n's tablet (path /api/v1/counters/<n>...), with its credential."""
        n = int(path.split("/")[4].split("?")[0])
        return self.json(method, path, body, token=self.counter_device(n), **kw)

    def lookup(self, code, secret):
        status, obj, _ = self.json("POST", "/api/v1/dossiers/lookup", {"code": code, "secret": secret})
        assert status == 200, (status, obj)
        return obj["token"], obj["dossier"]


class ServerCase(unittest.TestCase):
    """Starts one serve.py per test class on a temporary data dir."""

    server_args = ()

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="motcua-test-")
        cls.app_dir = make_app_dir(os.path.join(cls.tmp, "app"))
        cls.data_dir = os.path.join(cls.tmp, "data")
        cls.server = Server(cls.data_dir, cls.app_dir, cls.server_args).start()
        cls.client = Client(cls.server.port)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assertError(self, status, obj, expected_status, code=None):
        self.assertEqual(status, expected_status, obj)
        self.assertIsInstance(obj, dict, obj)
        self.assertIn("errors", obj, obj)
        err = obj["errors"][0]
        self.assertEqual(set(err), {"code", "description"})
        if code is not None:
            self.assertEqual(err["code"], code, obj)

    def ready_dossier(self, procedure="1.004873"):
        """A new dossier moved to status 9 (result ready); returns (code, secret, token)."""
        d = self.client.new_dossier(procedure)
        self.client.event(d["code"], type="status", status=4, note="Đang xử lý", unit="Phòng Tư pháp",
                          officer_role="Chuyên viên", officer_name="Trần Thị Bí Mật")
        self.client.event(d["code"], type="status", status=9, note="Đã có kết quả")
        token, _ = self.client.lookup(d["code"], d["secret"])
        return d["code"], d["secret"], token
