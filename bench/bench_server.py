"""What the Python benches share (api_bench.py, longpoll_bench.py): serve.py on a free loopback port
with a temporary data dir and a fake app dir, waited for until /api/v1/health answers; a dossier
with a history made through the back office and looked up; wrk run and read; percentiles.

Runs under Debian's python3 and older ones alike (standard library only)."""
import json
import math
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "bench", "out")
HOST = "127.0.0.1"
INDEX_HTML = b"<!doctype html><title>bench</title>\n"


def free_port():
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def percentile(values, p):
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(p / 100 * len(v)) - 1))]


# ---------------------------------------------------------------------------- server process --
class BenchServer:
    """serve.py --no-build --quiet from `repo_dir` under `python`, on a free port, with a fresh data
    dir and an app dir holding index.html and `app_files` ({name: bytes}); the back-office token is
    random (>= 32 characters). `nofile_soft`: the server's soft file limit. Output goes to `log_path`
    (default: a file in the temporary dir)."""

    def __init__(self, name="bench", repo_dir=REPO, python=None, app_files=None, nofile_soft=None, log_path=None):
        self.name, self.repo_dir = name, repo_dir
        self.python = python or sys.executable
        self.app_files = dict(app_files or {})
        self.nofile_soft = nofile_soft
        self.tmp = tempfile.mkdtemp(prefix=f"motcua-{name}-")
        self.app_dir = os.path.join(self.tmp, "app")
        self.log_path = log_path or os.path.join(self.tmp, "server.log")
        self.admin = "bench-admin-" + secrets.token_urlsafe(32)
        self.proc = None
        self.port = None
        self.log = None

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def start(self, timeout=90.0):
        os.makedirs(self.app_dir)
        files = {"index.html": INDEX_HTML}
        files.update(self.app_files)
        for fname, data in files.items():
            with open(os.path.join(self.app_dir, fname), "wb") as f:
                f.write(data)
        self.port = free_port()
        soft = self.nofile_soft

        def child_limits():  # e.g. the file limit the bench itself was started with
            hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, hard), hard))

        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [self.python, os.path.join(self.repo_dir, "serve.py"), "--host", HOST, "--port", str(self.port),
             "--data-dir", os.path.join(self.tmp, "data"), "--app-dir", self.app_dir, "--no-build", "--quiet"],
            cwd=self.repo_dir, env=dict(os.environ, MOTCUA_ADMIN_TOKEN=self.admin), stdout=self.log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            preexec_fn=child_limits if soft is not None else None)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve.py exited with code {self.proc.returncode} before answering; "
                                   f"log: {self.log_path}\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/api/v1/health", timeout=5) as r:
                    if r.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"serve.py did not answer /api/v1/health within {timeout:.0f} s")

    def log_tail(self, n=15):
        try:
            with open(self.log_path, "rb") as f:
                return b"\n".join(f.read().splitlines()[-n:]).decode("utf-8", "replace")
        except OSError:
            return ""

    def status(self):
        """VmRSS, VmHWM (MB) and Threads of the server process (same pid after an os.execv)."""
        out = {}
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    k, _, v = line.partition(":")
                    if k in ("VmRSS", "VmHWM"):
                        out[k] = int(v.split()[0]) / 1024
                    elif k == "Threads":
                        out[k] = int(v)
        except OSError:
            pass
        return out

    def cpu(self):
        """CPU seconds (user + system) the server process has used so far."""
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    def fds(self):
        try:
            return len(os.listdir(f"/proc/{self.proc.pid}/fd"))
        except OSError:
            return -1

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(15)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(5)
        if self.log is not None:
            self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# ------------------------------------------------------------------------------------- API --
def call(base, method, path, body=None, token=None, timeout=30):
    """One request: (status, body bytes); an HTTP error status is returned, not raised."""
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body, ensure_ascii=False).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def create_dossier(server, procedure_code, owner_name, events=()):
    """A dossier made through the back office, then `events` added to it: (the created dossier
    with code and secret, [messages for the events the server refused])."""
    st, body = call(server.base, "POST", "/api/v1/admin/dossiers",
                    {"procedure_code": procedure_code, "owner_name": owner_name}, server.admin)
    if st not in (200, 201):
        raise RuntimeError(f"create dossier: HTTP {st} {body[:200]!r}")
    d = json.loads(body)
    refused = []
    for ev in events:
        st, body = call(server.base, "POST", f"/api/v1/admin/dossiers/{d['code']}/events", ev, server.admin)
        if st not in (200, 201):
            refused.append(f"setup event {ev['type']}: HTTP {st} {body[:120]!r}")
    return d, refused


def lookup(server, code, secret):
    """The citizen's lookup: {"token", "dossier", ...}."""
    st, body = call(server.base, "POST", "/api/v1/dossiers/lookup", {"code": code, "secret": secret})
    if st != 200:
        raise RuntimeError(f"lookup: HTTP {st} {body[:200]!r}")
    return json.loads(body)


# ------------------------------------------------------------------------------------- wrk --
def have_wrk():
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return False
    return True


def run_wrk(args, seconds):
    """wrk's output (stdout and stderr), or None when it ran over `seconds` + 30."""
    try:
        return subprocess.run(["wrk", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=seconds + 30).stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None


def wrk_text(text):
    """wrk --latency's figures as it wrote them: {"rps": "9291.40", "p50": "2.11ms", "p99": "3.72ms"}
    (None where it said nothing)."""
    m = re.search(r"Requests/sec:\s*([\d.]+)", text)
    out = {"rps": m.group(1) if m else None}
    for p in ("50", "99"):
        m = re.search(rf"^\s*{p}%\s+([\d.]+(?:us|ms|s|m))\s*$", text, re.M)
        out["p" + p] = m.group(1) if m else None
    return out


def parse_wrk(text):
    """{"raw", "rps", "p50_ms", "p99_ms", "errors"} from wrk's output (None where it said nothing)."""
    if text is None:
        return {"error": "wrk timed out"}
    res = {"raw": text}
    figures = wrk_text(text)
    res["rps"] = float(figures["rps"]) if figures["rps"] else None
    for p in ("50", "99"):
        m = re.match(r"([\d.]+)(us|ms|s|m)$", figures["p" + p] or "")
        res[f"p{p}_ms"] = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)] if m else None
    res["errors"] = "; ".join(re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: [^\n]+)", text)) or None
    return res


async def read_response(reader):
    """One HTTP/1.1 response: (status, body, server_closes)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(None, 2)[1])
    length, chunked, close = None, False, False
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        k = k.strip().lower()
        if k == b"content-length":
            length = int(v)
        elif k == b"transfer-encoding" and b"chunked" in v.lower():
            chunked = True
        elif k == b"connection" and b"close" in v.lower():
            close = True
    if chunked:
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await _skip_trailers(reader)
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    elif length is not None:
        body = await reader.readexactly(length)
    else:
        body, close = await reader.read(), True
    return status, body, close


async def _skip_trailers(reader):
    while (await reader.readuntil(b"\r\n")) != b"\r\n":
        pass
