"""Process-level behaviour: restart persistence, kill -9, port taken, build step, CLI tools, shutdown."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from test_support import ADMIN, REPO, SERVE, Client, Server, free_port, make_app_dir


class ProcessTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="motcua-proc-")
        self.app_dir = make_app_dir(os.path.join(self.tmp, "app"))
        self.data_dir = os.path.join(self.tmp, "data")
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.stop(signal.SIGKILL)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, **kw):
        s = Server(self.data_dir, self.app_dir, **kw).start()
        self.servers.append(s)
        return s, Client(s.port)

    def test_restart_keeps_everything(self):
        s, c = self.start()
        d = c.new_dossier()
        c.event(d["code"], type="status", status=9)
        token, _ = c.lookup(d["code"], d["secret"])
        status, rating, _ = c.json("POST", f"/api/v1/dossiers/{d['code']}/rating",
                                   {"idempotency_key": "r1", "overall": "satisfied", "visits": "0"}, token=token)
        self.assertEqual(status, 201)
        _, before, _ = c.json("GET", f"/api/v1/dossiers/{d['code']}", token=token)
        self.assertEqual(s.stop(), 0)
        self.assertIn("Stopped.", s.output())
        s2, c2 = self.start()
        status, after, _ = c2.json("GET", f"/api/v1/dossiers/{d['code']}", token=token)  # token survives too
        self.assertEqual(status, 200, after)
        self.assertEqual(after, before)
        _, health, _ = c2.json("GET", "/api/v1/health")
        self.assertEqual(health["dossiers"], 65)  # 64 demo dossiers were not seeded twice
        status, _, _ = c2.json("POST", f"/api/v1/dossiers/{d['code']}/rating",
                               {"idempotency_key": "r1", "overall": "satisfied", "visits": "0"}, token=token)
        self.assertEqual(status, 200)

    def test_kill_9_loses_nothing_acknowledged(self):
        s, c = self.start(extra_args=["--quiet"])
        acked, lock, stop = [], threading.Lock(), threading.Event()

        def writer():
            while not stop.is_set():
                try:
                    status, obj, _ = c.admin("POST", "/api/v1/admin/dossiers",
                                             {"procedure_code": "1.001193", "owner_name": "Lê Thị Hoa"})
                except OSError:
                    return
                if status == 201:
                    with lock:
                        acked.append(obj["code"])

        threads = [threading.Thread(target=writer) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(0.8)
        s.proc.send_signal(signal.SIGKILL)
        s.proc.wait()
        stop.set()
        for t in threads:
            t.join(5)
        self.assertGreater(len(acked), 10)
        s2, c2 = self.start()
        for code in acked:
            status, obj, _ = c2.admin("POST", f"/api/v1/admin/dossiers/{code}/events", {"type": "status", "status": 4})
            self.assertEqual(status, 201, (code, obj))

    def test_sigterm_with_pending_long_poll_exits_cleanly(self):
        s, c = self.start()
        d = c.new_dossier()
        token, p = c.lookup(d["code"], d["secret"])
        t = threading.Thread(target=lambda: self._quiet_poll(c, d["code"], p["version"], token), daemon=True)
        t.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        self.assertEqual(s.stop(), 0)
        self.assertLess(time.monotonic() - t0, 5)
        self.assertIn("Stopped.", s.output())

    @staticmethod
    def _quiet_poll(c, code, version, token):
        try:
            c.json("GET", f"/api/v1/dossiers/{code}/changes?since={version}", token=token, timeout=30)
        except OSError:
            pass

    def test_port_taken(self):
        s, _ = self.start()
        r = subprocess.run([sys.executable, SERVE, "--no-build", "--port", str(s.port), "--data-dir", self.data_dir,
                            "--app-dir", self.app_dir], capture_output=True, text=True, timeout=20,
                           env=dict(os.environ, MOTCUA_ADMIN_TOKEN=ADMIN))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("already in use", r.stderr)
        self.assertNotIn("Traceback", r.stderr + r.stdout)

    def test_short_or_blank_admin_token_refuses_to_start(self):
        # A blank token once made "Authorization: Bearer" with no token an administrator.
        for value in ("", "   ", "short-token"):
            r = subprocess.run([sys.executable, SERVE, "--no-build", "--port", str(free_port()), "--data-dir",
                                self.data_dir, "--app-dir", self.app_dir], capture_output=True, text=True,
                               timeout=30, env=dict(os.environ, MOTCUA_ADMIN_TOKEN=value))
            self.assertEqual(r.returncode, 2, (value, r.stderr))
            self.assertIn("at least 32 characters", r.stderr)
            self.assertNotIn("Traceback", r.stderr)
        # an empty token file (a crash between create and write, before writes were atomic)
        os.makedirs(self.data_dir, exist_ok=True)
        with open(os.path.join(self.data_dir, "admin_token"), "w"):
            pass
        env = {k: v for k, v in os.environ.items() if k != "MOTCUA_ADMIN_TOKEN"}
        r = subprocess.run([sys.executable, SERVE, "--no-build", "--port", str(free_port()), "--data-dir",
                            self.data_dir, "--app-dir", self.app_dir], capture_output=True, text=True,
                           timeout=30, env=env)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("delete the file", r.stderr)

    def test_generated_admin_token_printed_once(self):
        env = {"MOTCUA_ADMIN_TOKEN": None}
        s, c = self.start(env=env)
        with open(os.path.join(self.data_dir, "admin_token")) as f:
            token = f.read().strip()
        self.assertIn(token, s.output())
        self.assertGreaterEqual(len(token), 32)
        self.assertEqual(oct(os.stat(os.path.join(self.data_dir, "admin_token")).st_mode & 0o777), "0o600")
        status, _, _ = c.json("POST", "/api/v1/admin/dossiers", {"procedure_code": "1.001193", "owner_name": "A B"},
                              token=token)
        self.assertEqual(status, 201)
        s.stop()
        s2, _ = self.start(env=env)
        self.assertEqual(s2.output().count(token), 1)  # same log file: printed only by the first start

    def fake_repo(self, setup_rc, build_creates_index):
        repo = os.path.join(self.tmp, "repo")
        os.makedirs(os.path.join(repo, "tools"))
        shutil.copy(SERVE, repo)
        os.symlink(os.path.join(REPO, "src"), os.path.join(repo, "src"))
        with open(os.path.join(repo, "tools", "setup.sh"), "w") as f:
            f.write(f"echo fake setup; exit {setup_rc}\n")
        with open(os.path.join(repo, "tools", "build.sh"), "w") as f:
            f.write('test "$1" = web || exit 9\nmkdir -p build/web/dist\n')
            if build_creates_index:
                f.write("echo '<html>built</html>' > build/web/dist/index.html\n")
        return repo

    def run_repo(self, repo, port, wait_for_health):
        p = subprocess.Popen([sys.executable, os.path.join(repo, "serve.py"), "--port", str(port), "--data-dir",
                              os.path.join(self.tmp, "d2")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, env=dict(os.environ, MOTCUA_ADMIN_TOKEN=ADMIN), cwd=repo)
        if not wait_for_health:
            out, _ = p.communicate(timeout=30)
            return p.returncode, out
        c = Client(port)
        for _ in range(100):
            try:
                status, _, body = c.request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(timeout=10)
        return (status, body, p.returncode), out

    def test_build_failure_is_reported(self):
        repo = self.fake_repo(setup_rc=3, build_creates_index=True)
        rc, out = self.run_repo(repo, free_port(), False)
        self.assertNotEqual(rc, 0)
        self.assertIn("setup.sh", out)
        self.assertIn("failed", out)
        self.assertNotIn("Traceback", out)

    def test_build_missing_index_is_reported(self):
        repo = self.fake_repo(setup_rc=0, build_creates_index=False)
        rc, out = self.run_repo(repo, free_port(), False)
        self.assertNotEqual(rc, 0)
        self.assertIn("index.html", out)

    def test_first_run_builds_and_serves(self):
        repo = self.fake_repo(setup_rc=0, build_creates_index=True)
        port = free_port()
        (status, body, rc), out = self.run_repo(repo, port, True)
        self.assertEqual((status, body), (200, b"<html>built</html>\n"), out)
        self.assertIn(f"http://127.0.0.1:{port}/", out)
        self.assertEqual(rc, 0, out)
        self.assertIn("Stopped.", out)

    def test_dump_demo_covers_every_status(self):
        out = os.path.join(self.tmp, "dump")
        r = subprocess.run([sys.executable, SERVE, "--dump-demo", out, "--seed-date", "2025-03-03"],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "index.json")) as f:
            index = json.load(f)
        items = index["items"]
        self.assertGreaterEqual(len(items), 60)
        self.assertEqual({i["status"] for i in items}, set(range(1, 11)))
        payloads = []
        for i in items:
            with open(os.path.join(out, i["file"]), encoding="utf-8") as f:
                payloads.append(json.load(f))
        self.assertTrue(any(h["apology"] for p in payloads for h in p["due_history"]))
        self.assertTrue(any(s["state"] == "open" for p in payloads for s in p["supplements"]))
        self.assertTrue(any(s["state"] == "fulfilled" for p in payloads for s in p["supplements"]))
        self.assertTrue(any(not f["paid"] for p in payloads for f in p["fees"]))
        self.assertTrue(any(f["paid"] for p in payloads for f in p["fees"]))
        self.assertTrue(any(p["rating"] for p in payloads if p["status"] in (9, 10)))
        self.assertTrue(any(p["rating_eligible"] for p in payloads))
        opened = [p for p in payloads if p["status"] in (1, 2, 4, 5, 6)]
        self.assertTrue(any(p["due_at"] < "2025-03-03" for p in opened))  # overdue
        self.assertTrue(any(p["due_at"] > "2025-03-03" for p in opened))  # on time
        # deterministic for a seed date
        out2 = os.path.join(self.tmp, "dump2")
        subprocess.run([sys.executable, SERVE, "--dump-demo", out2, "--seed-date", "2025-03-03"],
                       capture_output=True, timeout=60, check=True)
        for name in ("index.json", "1.json", "64.json"):
            with open(os.path.join(out, name), "rb") as a, open(os.path.join(out2, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    @unittest.skipUnless(shutil.which("qrencode"), "qrencode not installed")
    def test_print_receipts(self):
        out = os.path.join(self.tmp, "receipts")
        r = subprocess.run([sys.executable, SERVE, "--data-dir", self.data_dir, "--print-receipts", out],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        files = sorted(os.listdir(out))
        self.assertEqual(len(files), 64)
        with open(os.path.join(out, files[0]), encoding="utf-8") as f:
            svg = f.read()
        self.assertIn("GIẤY TIẾP NHẬN HỒ SƠ", svg)
        self.assertIn("data:image/svg+xml;base64,", svg)


if __name__ == "__main__":
    unittest.main()
