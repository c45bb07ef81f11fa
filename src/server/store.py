"""All database access, the same for SQLite and PostgreSQL (db.py hides the difference).

Nothing outside this module and its store_* mixins runs SQL. The public methods take and return
plain Python values
(dicts, lists, datetimes or ISO strings). Every write runs in one transaction; rows a write reads
and then changes are locked (FOR UPDATE) on PostgreSQL, where several instances write at once.
"""
import contextlib
import hmac
import threading

from . import workdays
from .db import open_db
from .store_catalog import CatalogStore
from .store_counters import CounterStore
from .store_datasets import DatasetStore
from .store_payments import PaymentStore
from .store_requests import RequestStore
from .domain import STATUS_RATING_ALLOWED
from .util import NotFound, iso

STATUS_OPEN_STEP = {4, 5, 6, 9}  # statuses whose step stays with a holder
DEFAULT_ACTIONS = {
    1: "Đăng ký hồ sơ", 2: "Tiếp nhận hồ sơ", 3: "Từ chối tiếp nhận hồ sơ",
    4: "Xử lý hồ sơ", 5: "Yêu cầu bổ sung giấy tờ", 6: "Thông báo nghĩa vụ tài chính",
    7: "Rút hồ sơ theo yêu cầu của công dân", 8: "Dừng xử lý hồ sơ",
    9: "Trả kết quả", 10: "Đã trả kết quả cho công dân",
}


class Store(CatalogStore, CounterStore, RequestStore, DatasetStore, PaymentStore):
    def __init__(self, target):
        """target: an SQLite file path, or a postgresql:// URL (db.py)."""
        self.db = open_db(str(target))
        self.path = self.db.path
        self.dialect = self.db.dialect
        self.schema_version = self.db.schema_version
        self._cache_lock = threading.Lock()
        self._local = threading.local()  # the transaction of this thread (PostgreSQL: one per worker)
        self._versions, self._tokens_issued, self._devices, self._counter_versions = {}, {}, {}, {}
        self._load_caches()
        self.on_change = None  # callable(code, version), called after commit
        self.on_counter_change = None  # callable(number, version), called after commit
        self.on_event = None  # callable(c, type, data, status before, dossier id, now), inside the transaction

    def _load_caches(self):
        """What every request needs without a query: dossier and counter versions, token counts,
        tablet credentials. Reloaded when the change feed may have missed something."""
        with self._read() as c:
            dossiers = c.execute("SELECT code, version, tokens_issued FROM dossiers").fetchall()
            devices = c.execute("SELECT number, secret_hash FROM counter_devices").fetchall()
            counters = c.execute("SELECT number, version FROM counters").fetchall()
        with self._cache_lock:
            for r in dossiers:
                self._versions[r["code"]] = max(r["version"], self._versions.get(r["code"], 0))
                self._tokens_issued[r["code"]] = max(r["tokens_issued"], self._tokens_issued.get(r["code"], 0))
            self._devices = {r["number"]: r["secret_hash"] for r in devices}
            for r in counters:
                self._counter_versions[r["number"]] = max(r["version"], self._counter_versions.get(r["number"], 0))

    # ------------------------------------------------------------------ basics
    def close(self):
        self.db.close()

    @contextlib.contextmanager
    def _tx(self):
        """One write transaction; nested uses join the outer one (seeding is one transaction).
        What it changed reaches memory and listeners only after COMMIT; versions only grow, so
        two writers finishing in either order leave the newest."""
        local = self._local
        if getattr(local, "depth", 0):
            local.depth += 1
            try:
                yield local.conn
            finally:
                local.depth -= 1
            return
        local.pending = []
        try:
            with self.db.tx() as c:
                local.depth, local.conn = 1, c
                yield c
                for kind, key, value in local.pending:
                    self.db.notify(c, f"{kind}|{key}|{value}")
        except BaseException:
            local.pending = []
            raise
        finally:
            local.depth, local.conn = 0, None
        pending, local.pending = local.pending, []
        for kind, key, value in pending:
            self._apply(kind, key, value)

    transaction = _tx  # for callers that group many writes (seeding)

    @contextlib.contextmanager
    def _read(self):
        """Reads see this thread's open transaction (seeding reads what it just wrote)."""
        if getattr(self._local, "depth", 0):
            yield self._local.conn
        else:
            with self.db.read() as c:
                yield c

    def _all(self, sql, args=()):
        with self._read() as c:
            return [dict(r) for r in c.execute(sql, args).fetchall()]

    def _one(self, sql, args=()):
        with self._read() as c:
            r = c.execute(sql, args).fetchone()
            return dict(r) if r is not None else None

    def _note(self, kind, key, value):
        """Record a change of the current transaction: d(ossier version), c(ounter version),
        t(okens issued), v (a counter's device credential)."""
        self._local.pending.append((kind, key, value))

    def _apply(self, kind, key, value):
        with self._cache_lock:
            if kind == "d":
                newer = value > self._versions.get(key, 0)
                if newer:
                    self._versions[key] = value
                self._tokens_issued.setdefault(key, 0)
            elif kind == "c":
                newer = value > self._counter_versions.get(key, 0)
                if newer:
                    self._counter_versions[key] = value
            elif kind == "t":
                self._tokens_issued[key] = max(value, self._tokens_issued.get(key, 0))
                return
            elif kind == "v":
                self._devices[key] = value
                return
        if kind == "d" and newer and self.on_change:
            self.on_change(key, value)
        elif kind == "c" and newer and self.on_counter_change:
            self.on_counter_change(key, value)

    def apply_remote(self, payload):
        """A change another instance committed (db.PgDb.listen); None: reload everything."""
        if payload is None:
            self._load_caches()
            if self.on_change:
                for code, version in list(self._versions.items()):
                    self.on_change(code, version)
            return
        kind, key, value = payload.split("|", 2)
        if kind in ("c",):
            key = int(key)
        if kind == "v":
            self._apply(kind, int(key), value)
        else:
            self._apply(kind, key, int(value))

    def _changed(self, changes):
        for code, version in changes:
            self._note("d", code, version)

    def _counters_changed(self, changes):
        for number, version in changes:
            self._note("c", number, version)

    @staticmethod
    def _bump_counters_showing(c, dossier_id):
        """Counters whose current dossier is `dossier_id` get a new version (their tablet
        shows "rated" now); returns [(number, version)].  Runs inside the caller's transaction."""
        rows = c.execute("SELECT c.number FROM counters c JOIN counter_assignments a ON a.id=c.assignment_id"
                         " WHERE a.dossier_id=?", (dossier_id,)).fetchall()
        out = []
        for r in rows:
            c.execute("UPDATE counters SET version=version+1 WHERE number=?", (r["number"],))
            out.append((r["number"], c.execute("SELECT version FROM counters WHERE number=?",
                                               (r["number"],)).fetchone()[0]))
        return out

    def get_meta(self, key):
        r = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return r["value"] if r else None

    def set_meta(self, key, value):
        with self._tx() as c:
            c.execute("INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                      (key, value))

    def get_or_create_meta(self, key, value):
        """The stored value, or `value` stored now if there was none (atomic)."""
        with self._tx() as c:
            c.execute("INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO NOTHING", (key, value))
            return c.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()[0]

    def ping(self):
        return self._one("SELECT 1 AS ok")["ok"] == 1

    # ---------------------------------------------------------------- dossiers
    def dossier_version(self, code):
        return self._versions.get(code)

    def dossier_count(self):
        return len(self._versions)

    def create_dossier(self, procedure_code, owner_name, channel, received_at, now, secret, status=None):
        """Register a dossier; returns {"code","secret","due_at","received_at","status","version"}."""
        with self._tx() as c:
            proc = c.execute("SELECT * FROM procedures WHERE code=?", (procedure_code,)).fetchone()
            if proc is None:
                raise NotFound("procedure")
            day = received_at.strftime("%y%m%d")
            agency = proc["agency_code"]
            n = c.execute("INSERT INTO dossier_counters AS dc VALUES(?,?,1) ON CONFLICT(agency_code,day)"
                          " DO UPDATE SET last=dc.last+1 RETURNING last", (agency, day)).fetchone()["last"]
            code = f"{agency}-{day}-{n:04d}"
            due = workdays.due_at(received_at, proc["processing_days"])
            if status is None:
                status = 1 if channel == "online" else 2
            cur = c.execute(
                "INSERT INTO dossiers(code,secret,procedure_code,agency_code,owner_name,channel,received_at,"
                "original_due_at,due_at,status,status_note,version,updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,1,?) RETURNING id",
                (code, secret, procedure_code, agency, owner_name, channel, iso(received_at), iso(due), iso(due),
                 status, None, iso(max(now, received_at))))
            if status == 1:
                step = ("Cổng dịch vụ công", "Hệ thống", "Nộp hồ sơ trực tuyến")
            else:
                step = ("Bộ phận Một cửa", "Cán bộ tiếp nhận", "Tiếp nhận hồ sơ")
            c.execute("INSERT INTO steps(dossier_id,seq,unit,officer_role,officer_name,action,status,started_at,"
                      "handled_at,deadline) VALUES(?,?,?,?,?,?,?,?,?,?)",
                      (did := cur.fetchone()["id"], 1, step[0], step[1], None, step[2], status, iso(received_at),
                       iso(received_at), iso(workdays.due_at(received_at, 0))))
            if self.on_event:
                self.on_event(c, "created", {"channel": channel, "received_at": received_at}, None, did, now)
            self._changed([(code, 1)])
        return {"code": code, "secret": secret, "received_at": iso(received_at), "due_at": iso(due),
                "status": status, "version": 1, "procedure_code": procedure_code, "agency_code": agency}

    def add_event(self, code, etype, data, now):
        """Apply a back-office event to a dossier; returns the new version.
        Raises NotFound (unknown dossier / supplement) or ValueError (conflict)."""
        with self._tx() as c:
            d = c.execute("SELECT * FROM dossiers WHERE code=?" + self.db.for_update, (code,)).fetchone()
            if d is None:
                raise NotFound("dossier")
            did = d["id"]
            if etype == "status":
                self._status_step(c, d, data["status"], data.get("note"), data.get("unit"),
                                  data.get("officer_role"), data.get("officer_name"), data.get("action"),
                                  data.get("deadline"), now)
            elif etype == "supplement":
                c.execute("INSERT INTO supplements(dossier_id,content,requested_at,deadline,state,old_due_at)"
                          " VALUES(?,?,?,?,'open',?)",
                          (did, data["content"], iso(now), iso(data.get("deadline")), d["due_at"]))
                if data.get("set_status", True):
                    self._status_step(c, d, 5, data.get("note") or data["content"], data.get("unit"),
                                      data.get("officer_role"), data.get("officer_name"), None, data.get("deadline"), now)
            elif etype == "supplement_fulfilled":
                s = c.execute("SELECT * FROM supplements WHERE id=? AND dossier_id=?", (data["id"], did)).fetchone()
                if s is None:
                    raise NotFound("supplement")
                if s["state"] != "open":
                    raise ValueError("supplement_not_open")
                new_due = data.get("new_due_at")
                c.execute("UPDATE supplements SET state='fulfilled', fulfilled_at=?, new_due_at=? WHERE id=?",
                          (iso(now), iso(new_due), s["id"]))
                if new_due is not None:
                    c.execute("INSERT INTO due_changes(dossier_id,previous_due_at,due_at,apology,reason,issued_at)"
                              " VALUES(?,?,?,0,?,?)", (did, d["due_at"], iso(new_due), "Hồ sơ đã được bổ sung", iso(now)))
                    c.execute("UPDATE dossiers SET due_at=? WHERE id=?", (iso(new_due), did))
                left = c.execute("SELECT COUNT(*) FROM supplements WHERE dossier_id=? AND state='open'", (did,)).fetchone()[0]
                if d["status"] == 5 and left == 0:
                    d = c.execute("SELECT * FROM dossiers WHERE id=?", (did,)).fetchone()
                    self._status_step(c, d, 4, data.get("note") or "Đã nhận hồ sơ bổ sung", data.get("unit"),
                                      data.get("officer_role"), data.get("officer_name"),
                                      "Tiếp nhận hồ sơ bổ sung, tiếp tục xử lý", None, now)
            elif etype == "apology":
                c.execute("INSERT INTO due_changes(dossier_id,previous_due_at,due_at,apology,reason,issued_at)"
                          " VALUES(?,?,?,1,?,?)", (did, d["due_at"], iso(data["new_due_at"]), data["reason"], iso(now)))
                c.execute("UPDATE dossiers SET due_at=? WHERE id=?", (iso(data["new_due_at"]), did))
            elif etype == "fee":
                paid = bool(data.get("paid", False))
                f = c.execute("SELECT id FROM fees WHERE dossier_id=? AND name=? AND paid=0", (did, data["name"])).fetchone()
                if f is not None:
                    c.execute("UPDATE fees SET amount=?, paid=?, paid_at=? WHERE id=?",
                              (data["amount"], int(paid), iso(now) if paid else None, f["id"]))
                else:
                    c.execute("INSERT INTO fees(dossier_id,name,amount,paid,paid_at) VALUES(?,?,?,?,?)",
                              (did, data["name"], data["amount"], int(paid), iso(now) if paid else None))
            elif etype == "result":
                c.execute("INSERT INTO results(dossier_id,name,collect_place,collect_from) VALUES(?,?,?,?)",
                          (did, data["name"], data.get("collect_place"), iso(data.get("collect_from"))))
            else:
                raise ValueError("unknown_event")
            version = d["version"] + 1
            c.execute("UPDATE dossiers SET version=?, updated_at=? WHERE id=?", (version, iso(now), did))
            if self.on_event:
                self.on_event(c, etype, data, d["status"], did, now)
            self._changed([(code, version)])
        return version

    def _status_step(self, c, d, status, note, unit, role, officer, action, deadline, now):
        did = d["id"]
        if unit is None or role is None:  # default to the current holder's unit and role
            cur = c.execute("SELECT unit, officer_role FROM steps WHERE dossier_id=? AND handled_at IS NULL"
                            " ORDER BY seq DESC LIMIT 1", (did,)).fetchone()
            if cur is not None and unit is None:
                unit, role = cur["unit"], role or cur["officer_role"]
        c.execute("UPDATE steps SET handled_at=? WHERE dossier_id=? AND handled_at IS NULL", (iso(now), did))
        seq = c.execute("SELECT COALESCE(MAX(seq),0)+1 FROM steps WHERE dossier_id=?", (did,)).fetchone()[0]
        in_progress = status in STATUS_OPEN_STEP
        if deadline is None and in_progress:
            deadline = d["due_at"]
        c.execute("INSERT INTO steps(dossier_id,seq,unit,officer_role,officer_name,action,status,started_at,"
                  "handled_at,deadline) VALUES(?,?,?,?,?,?,?,?,?,?)",
                  (did, seq, unit or "Bộ phận Một cửa", role or "Chuyên viên", officer,
                   action or DEFAULT_ACTIONS[status], status, iso(now), None if in_progress else iso(now),
                   iso(deadline)))
        completed = d["completed_at"]
        returned = d["returned_at"]
        if status in (9, 10) and completed is None:
            completed = iso(now)
        if status == 10 and returned is None:
            returned = iso(now)
        c.execute("UPDATE dossiers SET status=?, status_note=?, completed_at=?, returned_at=? WHERE id=?",
                  (status, note, completed, returned, did))

    def dossier_bundle(self, code):
        """Everything needed to build a dossier's public payload, or None."""
        with self._read() as c:
            d = c.execute(
                "SELECT d.*, p.name_vi AS procedure_name_vi, p.name_en AS procedure_name_en,"
                " a.name_vi AS agency_name_vi, a.name_en AS agency_name_en"
                " FROM dossiers d JOIN procedures p ON p.code=d.procedure_code"
                " JOIN agencies a ON a.code=d.agency_code WHERE d.code=?", (code,)).fetchone()
            if d is None:
                return None
            did = d["id"]
            out = dict(d)
            q = lambda sql: [dict(r) for r in c.execute(sql, (did,)).fetchall()]  # noqa: E731
            out["due_changes"] = q("SELECT * FROM due_changes WHERE dossier_id=? ORDER BY id")
            out["steps"] = q("SELECT * FROM steps WHERE dossier_id=? ORDER BY seq")
            out["supplements"] = q("SELECT * FROM supplements WHERE dossier_id=? ORDER BY id")
            out["fees"] = q("SELECT * FROM fees WHERE dossier_id=? ORDER BY id")
            out["results"] = q("SELECT * FROM results WHERE dossier_id=? ORDER BY id")
            out["payment_account"] = self._account_on(c, d["agency_code"])
            r = c.execute("SELECT * FROM ratings WHERE dossier_id=?", (did,)).fetchone()
            out["rating"] = dict(r) if r is not None else None
            return out

    def check_secret(self, code, secret):
        """True when the dossier exists and the secret matches (constant-time compare)."""
        row = self._one("SELECT secret FROM dossiers WHERE code=?", (code,))
        expected = row["secret"] if row else "\0" * 6
        return hmac.compare_digest(expected.encode(), secret.encode()) and row is not None

    def list_dossiers_brief(self):
        return self._all("SELECT d.code, d.secret, d.status, d.owner_name, d.received_at, d.due_at, d.channel,"
                         " p.name_vi AS procedure_name_vi, a.name_vi AS agency_name_vi, a.address AS agency_address"
                         " FROM dossiers d JOIN procedures p ON p.code=d.procedure_code"
                         " JOIN agencies a ON a.code=d.agency_code ORDER BY d.id")

    # ------------------------------------------------------------------ tokens
    def tokens_issued(self, code):
        """How many lookup tokens the dossier has had (None for an unknown dossier)."""
        return self._tokens_issued.get(code)

    def issue_token(self, code):
        """Count one more lookup token for the dossier; returns its serial number. Tokens are
        signed, not stored: the serial lets a dossier keep only its newest few alive."""
        with self._tx() as c:
            n = c.execute("UPDATE dossiers SET tokens_issued=tokens_issued+1 WHERE code=? RETURNING tokens_issued",
                          (code,)).fetchone()["tokens_issued"]
            self._note("t", code, n)
        return n

    # ----------------------------------------------------------------- ratings
    def add_rating(self, code, key, overall, criteria, visits, comment, now):
        """Returns (outcome, rating_row, version); outcome is created, replayed,
        conflict, not_eligible or not_found.  One rating per dossier, atomically."""
        with self._tx() as c:
            d = c.execute("SELECT id, status, version FROM dossiers WHERE code=?" + self.db.for_update,
                          (code,)).fetchone()
            if d is None:
                return "not_found", None, None
            r = c.execute("SELECT * FROM ratings WHERE dossier_id=?", (d["id"],)).fetchone()
            if r is not None:
                if hmac.compare_digest(r["idempotency_key"].encode(), key.encode()):
                    return "replayed", dict(r), d["version"]
                return "conflict", dict(r), d["version"]
            if d["status"] not in STATUS_RATING_ALLOWED:
                return "not_eligible", None, d["version"]
            row, version, counters = self._insert_rating(c, d, key, overall, criteria, visits, comment, now,
                                                         "app", None)
            self._changed([(code, version)])
            self._counters_changed(counters)
        return "created", row, version

    @classmethod
    def _insert_rating(cls, c, d, key, overall, criteria, visits, comment, now, channel, counter):
        c.execute("INSERT INTO ratings(dossier_id,idempotency_key,overall,attitude,on_time,ease,visits,comment,"
                  "created_at,channel,counter) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                  (d["id"], key, overall, criteria.get("attitude"), criteria.get("on_time"), criteria.get("ease"),
                   visits, comment, iso(now), channel, counter))
        version = d["version"] + 1
        c.execute("UPDATE dossiers SET version=?, updated_at=? WHERE id=?", (version, iso(now), d["id"]))
        row = dict(c.execute("SELECT * FROM ratings WHERE dossier_id=?", (d["id"],)).fetchone())
        return row, version, cls._bump_counters_showing(c, d["id"])

    # ------------------------------------------------------------- rate limits
    def rate_count(self, key, since):
        """(events of `key` after `since`, the time of the oldest of them)."""
        r = self._one("SELECT COUNT(*) AS n, MIN(at) AS first FROM rate_events WHERE key=? AND at>?", (key, since))
        return r["n"], r["first"]

    def rate_hit(self, key, at, window):
        with self._tx() as c:
            c.execute("INSERT INTO rate_events(key, at) VALUES(?,?)", (key, at))
            # this key's events that no window can count any more go with it
            c.execute("DELETE FROM rate_events WHERE key=? AND at<?", (key, at - window))

    # ------------------------------------------------------------------- stats
    def stats(self):
        return self._all(
            "SELECT a.code, a.name_vi, a.name_en,"
            " (SELECT COUNT(*) FROM dossiers d WHERE d.agency_code=a.code) AS received,"
            " (SELECT COUNT(*) FROM dossiers d WHERE d.agency_code=a.code AND d.completed_at IS NOT NULL) AS finished,"
            " (SELECT COUNT(*) FROM dossiers d WHERE d.agency_code=a.code AND d.completed_at IS NOT NULL"
            "   AND d.completed_at<=d.original_due_at) AS finished_on_time,"
            " (SELECT COUNT(*) FROM dossiers d WHERE d.agency_code=a.code AND d.status IN (1,2,4,5,6)) AS open,"
            " (SELECT COUNT(*) FROM ratings r JOIN dossiers d ON d.id=r.dossier_id WHERE d.agency_code=a.code) AS ratings,"
            " (SELECT COUNT(*) FROM ratings r JOIN dossiers d ON d.id=r.dossier_id WHERE d.agency_code=a.code"
            "   AND r.overall IN ('very_satisfied','satisfied')) AS satisfied"
            " FROM agencies a ORDER BY a.code")
