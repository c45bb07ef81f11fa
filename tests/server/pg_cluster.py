"""A throw-away PostgreSQL cluster for the server tests: Debian's initdb and pg_ctl run as the
`postgres` user in a temp dir, listening on a unix socket only; removed when the tests end.

MOTCUA_TEST_BACKEND=postgresql makes every serve.py of the suite use a fresh database in it
(test_support.Server), so the whole suite runs against PostgreSQL as it does against SQLite.
"""
import atexit
import glob
import os
import shutil
import subprocess
import tempfile

_cluster = None


def backend():
    return os.environ.get("MOTCUA_TEST_BACKEND", "sqlite")


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def unavailable():
    """Why PostgreSQL cannot run here, or None."""
    if pg_bin() is None:
        return "PostgreSQL is not installed (tools/setup.sh installs postgresql)"
    if shutil.which("runuser") is None or subprocess.run(["id", "postgres"], capture_output=True).returncode:
        return "no postgres user to run the cluster as"
    return None


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="motcua-pg-")
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.bin = pg_bin()
        self.count = 0
        shutil.chown(self.dir, "postgres", "postgres")
        self._as_postgres([os.path.join(self.bin, "initdb"), "-D", self.data, "-A", "trust", "-U", "postgres",
                           "-E", "UTF8", "--locale=C.UTF-8"])
        self._as_postgres([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", os.path.join(self.dir, "log"),
                           "-o", f"-k {self.dir} -c listen_addresses='' -c max_connections=300 -c fsync=off",
                           "-w", "start"])

    def _as_postgres(self, argv):
        r = subprocess.run(["runuser", "-u", "postgres", "--"] + argv, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(argv[:2])} failed: {r.stdout}{r.stderr}")
        return r.stdout

    def psql(self, sql, db="postgres"):
        return self._as_postgres(["psql", "-h", self.dir, "-d", db, "-X", "-q", "-t", "-A", "-c", sql])

    def new_database(self):
        """A fresh, empty database; its URL."""
        self.count += 1
        name = f"motcua_{os.getpid()}_{self.count}"
        self.psql(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@/{name}?host={self.dir}"

    def stop(self):
        try:
            self._as_postgres([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "immediate", "stop"])
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def cluster():
    """The process's cluster, started on first use and removed at exit."""
    global _cluster
    if _cluster is None:
        _cluster = Cluster()
        atexit.register(_cluster.stop)
    return _cluster
