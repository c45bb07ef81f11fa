"""A stand-in for a push service or a province's webhook receiver, inside the tests: a loopback
HTTP server that records every POST and answers with the statuses a test scripts per path."""
import http.server
import os
import shutil
import tempfile
import threading
import unittest

from test_support import Client, Server, make_app_dir


class Peer:
    def __init__(self):
        self.cond = threading.Condition()
        self.received = []  # (path, headers dict (lower-case names), body)
        self.script = {}  # path -> list of statuses to answer in turn (then 201)
        peer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with peer.cond:
                    statuses = peer.script.get(self.path) or []
                    status = statuses.pop(0) if statuses else 201
                    peer.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                    peer.cond.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path, *statuses):
        with self.cond:
            self.script[path] = list(statuses)

    def posts(self, path):
        with self.cond:
            return [r for r in self.received if r[0] == path]

    def wait_posts(self, path, count, timeout=20.0):
        """The first `count` POSTs to `path`, waiting for them at most `timeout` seconds."""
        with self.cond:
            ok = self.cond.wait_for(lambda: len([r for r in self.received if r[0] == path]) >= count, timeout)
            got = [r for r in self.received if r[0] == path]
        if not ok:
            raise AssertionError(f"{len(got)} of {count} POSTs to {path} arrived in {timeout} s")
        return got[:count]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class PeerCase(unittest.TestCase):
    """One serve.py per test class that may send notifications to a Peer (plain http to it is
    allowed, retries are fast)."""
    ENV = {"MOTCUA_PUSH_BACKOFF": "0.05,0.2"}

    @classmethod
    def setUpClass(cls):
        cls.peer = Peer()
        cls.tmp = tempfile.mkdtemp(prefix="motcua-notify-")
        cls.app_dir = make_app_dir(os.path.join(cls.tmp, "app"))
        cls.data_dir = os.path.join(cls.tmp, "data")
        cls.env = dict(cls.ENV, MOTCUA_PUSH_ALLOW=f"127.0.0.1:{cls.peer.port}")
        cls.server = Server(cls.data_dir, cls.app_dir, env=cls.env).start()
        cls.client = Client(cls.server.port)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.peer.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)
