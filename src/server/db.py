"""The two databases the store runs on: SQLite (embedded, the default) and PostgreSQL (several
instances on one replicated database). Both offer the same small surface to store.py: a write
transaction, a read, `?` placeholders, rows readable by name and by position."""
import contextlib
import select
import sqlite3
import threading

from . import schema


def open_db(target):
    """A database from a path (SQLite) or a postgresql:// URL."""
    if target.startswith(("postgresql://", "postgres://")):
        return PgDb(target)
    return SqliteDb(target)


class SqliteDb:
    """One connection (WAL) behind a lock: SQLite allows one writer, and one shared connection
    measured faster than one per thread."""
    dialect = "sqlite"
    unavailable = ()  # one local file: an error of SQLite is a fault to see (500), not a moment to wait out
    for_update = ""  # the write transaction already holds the database's one write lock

    def __init__(self, path):
        self.path = str(path)
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        c = self.conn
        c.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a committed transaction survives the process being killed at any
        # point (only an OS crash or power cut may lose the last ones).
        c.execute("PRAGMA synchronous=NORMAL")
        c.execute("PRAGMA foreign_keys=ON")
        c.execute("PRAGMA busy_timeout=5000")
        self.schema_version = schema.migrate(c)

    @contextlib.contextmanager
    def tx(self):
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def read(self):
        with self.lock:
            yield self.conn

    def notify(self, c, payload):
        pass  # one process: the store's own callbacks are all there is to tell

    def close(self):
        with self.lock:
            if self.conn is not None:
                try:
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass
                self.conn.close()
                self.conn = None


class Row(dict):
    """A row by column name, and by position like sqlite3.Row."""

    def __getitem__(self, key):
        if isinstance(key, int):
            return list(self.values())[key]
        return dict.__getitem__(self, key)


def _row_factory(cursor):
    desc = cursor.description
    if desc is None:
        return lambda values: None
    names = [c.name for c in desc]
    return lambda values: Row(zip(names, values))


class _PgConn:
    """sqlite3-style `execute(sql, args)` with `?` placeholders on a psycopg connection."""

    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql, args=()):
        return self.conn.execute(sql.replace("?", "%s"), args)


class PgDb:
    """A pool of connections to PostgreSQL. Writers lock the rows they change (FOR UPDATE); every
    write transaction announces what changed with NOTIFY, so other instances wake their long polls
    and refresh what they keep in memory."""
    dialect = "postgresql"
    for_update = " FOR UPDATE"
    CHANNEL = "motcua_changes"

    def __init__(self, url):
        import psycopg
        from psycopg_pool import ConnectionPool, PoolTimeout
        self.path = _redact(url)
        self.url = url
        self._psycopg = psycopg
        # the database is away (restart, failover) or every connection is busy: worth a retry
        self.unavailable = (psycopg.OperationalError, PoolTimeout)
        self.pool = ConnectionPool(url, min_size=1, max_size=10, open=True, timeout=10,
                                   kwargs={"autocommit": True, "row_factory": _row_factory})
        with self.pool.connection() as conn:
            self.schema_version = schema.migrate_pg(conn)

    @contextlib.contextmanager
    def tx(self):
        with self.pool.connection() as conn:
            with conn.transaction():
                yield _PgConn(conn)

    @contextlib.contextmanager
    def read(self):
        with self.pool.connection() as conn:
            yield _PgConn(conn)

    def notify(self, c, payload):
        """Delivered to every listener when the transaction commits (never before, never twice)."""
        c.execute("SELECT pg_notify(?, ?)", (self.CHANNEL, payload))

    def listen(self, on_payload, stop):
        """Runs until `stop` is set (a thread): calls on_payload(text) for each change, and
        on_payload(None) after every (re)connection, when changes may have been missed."""
        psycopg = self._psycopg
        delay = 0.1
        while not stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {self.CHANNEL}")
                    # The database came back (or we did): the pool's idle connections may be
                    # broken; find out now rather than on the next requests.
                    self.pool.check()
                    on_payload(None)
                    delay = 0.1
                    pg = conn.pgconn
                    while not stop.is_set():
                        # psycopg 3.1's notifies() cannot time out: wait on the socket ourselves
                        ready, _, _ = select.select([pg.socket], [], [], 0.5)
                        if not ready:
                            continue
                        pg.consume_input()
                        if pg.status != psycopg.pq.ConnStatus.OK:
                            raise psycopg.OperationalError("connection lost")
                        while (n := pg.notifies()) is not None:
                            on_payload(n.extra.decode())
            except (psycopg.Error, OSError):
                stop.wait(delay)
                delay = min(delay * 2, 2.0)

    def close(self):
        self.pool.close()


def _redact(url):
    """The URL without a password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url
