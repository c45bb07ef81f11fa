"""Store methods for counter terminals: the dossier just handled at a counter, its ratings and the
tablets' credentials (mixed into store.Store; the same transactions and caches)."""
import hmac

from .util import NotFound, iso


class CounterStore:
    # ---------------------------------------------------------------- counters
    def counter_version(self, number):
        """0 for a counter never set."""
        return self._counter_versions.get(number, 0)

    def set_counter_dossier(self, number, code, now):
        """Record the dossier just handled at counter `number` (None clears the counter).
        Every call is a new assignment, so tokens issued for the previous one go stale.
        Returns the counter's new version; raises NotFound for an unknown dossier."""
        with self._tx() as c:
            dossier_id = None
            if code is not None:
                d = c.execute("SELECT id FROM dossiers WHERE code=?", (code,)).fetchone()
                if d is None:
                    raise NotFound("dossier")
                dossier_id = d["id"]
            aid = c.execute("INSERT INTO counter_assignments(counter,dossier_id,set_at) VALUES(?,?,?) RETURNING id",
                            (number, dossier_id, iso(now))).fetchone()["id"]
            version = c.execute("INSERT INTO counters AS k (number,assignment_id,version) VALUES(?,?,1) ON CONFLICT(number)"
                                " DO UPDATE SET assignment_id=excluded.assignment_id, version=k.version+1"
                                " RETURNING version", (number, aid)).fetchone()["version"]
            self._counters_changed([(number, version)])
        return version

    def counter_state(self, number):
        """None for a counter never set, else {"version","assignment_id","dossier"} where dossier
        is None (cleared) or the few fields a counter screen may show, plus `rated`."""
        with self._read() as c:
            r = c.execute(
                "SELECT c.version, c.assignment_id, d.id AS dossier_id, d.code, d.status,"
                " p.name_vi AS procedure_name_vi, p.name_en AS procedure_name_en, ag.code AS agency_code,"
                " ag.name_vi AS agency_name_vi, ag.name_en AS agency_name_en,"
                " EXISTS(SELECT 1 FROM ratings r WHERE r.dossier_id=d.id) AS rated"
                " FROM counters c JOIN counter_assignments a ON a.id=c.assignment_id"
                " LEFT JOIN dossiers d ON d.id=a.dossier_id"
                " LEFT JOIN procedures p ON p.code=d.procedure_code"
                " LEFT JOIN agencies ag ON ag.code=d.agency_code WHERE c.number=?", (number,)).fetchone()
        if r is None:
            return None
        r = dict(r)
        out = {"version": r.pop("version"), "assignment_id": r.pop("assignment_id"), "dossier": None}
        if r["dossier_id"] is not None:
            r["rated"] = bool(r["rated"])
            out["dossier"] = r
        return out

    def add_counter_rating(self, number, assignment_id, key, overall, criteria, visits, comment, now):
        """Rating from the tablet of counter `number`, for the dossier of `assignment_id` (from
        the counter token).  Returns (outcome, rating_row); outcome is created, replayed,
        conflict (already rated), stale (the counter moved on) or invalid (no such assignment
        at this counter).  Any dossier status: see docs/api.md."""
        with self._tx() as c:
            a = c.execute("SELECT counter, dossier_id FROM counter_assignments WHERE id=?", (assignment_id,)).fetchone()
            if a is None or a["counter"] != number:
                return "invalid", None
            r = None
            if a["dossier_id"] is not None:
                # the same order of row locks as app ratings (dossier, then counter): no deadlock
                c.execute("SELECT id FROM dossiers WHERE id=?" + self.db.for_update, (a["dossier_id"],))
                r = c.execute("SELECT * FROM ratings WHERE dossier_id=?", (a["dossier_id"],)).fetchone()
                # A replay is answered even after the counter moved on: the first try arrived.
                if r is not None and hmac.compare_digest(r["idempotency_key"].encode(), key.encode()):
                    return "replayed", dict(r)
            current = c.execute("SELECT assignment_id FROM counters WHERE number=?", (number,)).fetchone()
            if a["dossier_id"] is None or current is None or current["assignment_id"] != assignment_id:
                return "stale", None
            if r is not None:
                return "conflict", dict(r)
            d = c.execute("SELECT id, code, version FROM dossiers WHERE id=?", (a["dossier_id"],)).fetchone()
            row, version, counters = self._insert_rating(c, d, key, overall, criteria, visits, comment, now,
                                                         "counter", number)
            self._changed([(d["code"], version)])
            self._counters_changed(counters)
        return "created", row

    def refresh_dossier(self, code):
        """Read a dossier's version and token count from the database into memory; its version
        (None for an unknown dossier)."""
        r = self._one("SELECT version, tokens_issued FROM dossiers WHERE code=?", (code,))
        if r is None:
            return None
        self._apply("t", code, r["tokens_issued"])
        self._apply("d", code, r["version"])
        return self.dossier_version(code)

    def refresh_device(self, number):
        """The counter's tablet credential as the database has it now."""
        r = self._one("SELECT secret_hash FROM counter_devices WHERE number=?", (number,))
        with self._cache_lock:
            if r is None:
                self._devices.pop(number, None)
            else:
                self._devices[number] = r["secret_hash"]
        return r["secret_hash"] if r else None

    def counter_device(self, number):
        """The hash of the device secret of counter `number`'s tablet, or None."""
        return self._devices.get(number)

    def set_counter_device(self, number, secret_hash, now):
        """A new tablet credential for the counter; the previous one stops working."""
        with self._tx() as c:
            c.execute("INSERT INTO counter_devices(number,secret_hash,issued_at) VALUES(?,?,?) ON CONFLICT(number)"
                      " DO UPDATE SET secret_hash=excluded.secret_hash, issued_at=excluded.issued_at",
                      (number, secret_hash, iso(now)))
            self._note("v", number, secret_hash)
