"""Database side of notifications: Web Push subscriptions, webhook receivers and the outbox their
deliveries wait in. Rows are written in the same transaction as the dossier event (Store calls
`enqueue` inside it), so an event is never told without being stored, nor stored without being
told. Senders claim rows with a lease; on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps two instances
from claiming the same row, on SQLite the one writer lock does."""
import json

from . import notify_text
from .util import iso

MAX_SUBSCRIPTIONS = 5
# A row waits until every earlier row for the same receiver and dossier is gone: in order per dossier.
_READY = ("FROM outbox o WHERE o.next_at<=? AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.kind=o.kind"
          " AND p.target_id=o.target_id AND p.dossier_code=o.dossier_code AND p.id<o.id)")


class PushStore:
    def __init__(self, store):
        self.store = store
        self.dialect = store.dialect
        self.skip_locked = " FOR UPDATE SKIP LOCKED" if store.dialect == "postgresql" else ""
        self.clock = None  # time.time, set by the sender (enqueue runs in the store's transaction)

    # ------------------------------------------------------------ subscriptions
    def subscribe(self, code, endpoint, p256dh, auth, lang, now):
        """created, updated (the same endpoint again), full or not_found."""
        with self.store._tx() as c:
            d = c.execute("SELECT id FROM dossiers WHERE code=?" + self.store.db.for_update, (code,)).fetchone()
            if d is None:
                return "not_found"
            r = c.execute("SELECT id FROM push_subscriptions WHERE dossier_id=? AND endpoint=?",
                          (d["id"], endpoint)).fetchone()
            if r is not None:
                c.execute("UPDATE push_subscriptions SET p256dh=?, auth=?, lang=? WHERE id=?",
                          (p256dh, auth, lang, r["id"]))
                return "updated"
            n = c.execute("SELECT COUNT(*) FROM push_subscriptions WHERE dossier_id=?", (d["id"],)).fetchone()[0]
            if n >= MAX_SUBSCRIPTIONS:
                return "full"
            c.execute("INSERT INTO push_subscriptions(dossier_id,endpoint,p256dh,auth,lang,created_at)"
                      " VALUES(?,?,?,?,?,?)", (d["id"], endpoint, p256dh, auth, lang, iso(now)))
            return "created"

    def unsubscribe(self, code, endpoint):
        with self.store._tx() as c:
            r = c.execute("SELECT s.id FROM push_subscriptions s JOIN dossiers d ON d.id=s.dossier_id"
                          " WHERE d.code=? AND s.endpoint=?", (code, endpoint)).fetchone()
            if r is not None:
                self._drop_subscription(c, r["id"])
            return r is not None

    @staticmethod
    def _drop_subscription(c, sid):
        c.execute("DELETE FROM outbox WHERE kind='push' AND target_id=?", (sid,))
        c.execute("DELETE FROM push_subscriptions WHERE id=?", (sid,))

    def subscription_state(self, code, endpoint):
        """(subscriptions of the dossier, whether `endpoint` is one of them)."""
        with self.store._read() as c:
            rows = c.execute("SELECT s.endpoint FROM push_subscriptions s JOIN dossiers d ON d.id=s.dossier_id"
                             " WHERE d.code=?", (code,)).fetchall()
        return len(rows), any(r["endpoint"] == endpoint for r in rows)

    # ----------------------------------------------------------------- webhooks
    def add_webhook(self, url, secret, events, now):
        with self.store._tx() as c:
            return c.execute("INSERT INTO webhooks(url,secret,events_json,created_at) VALUES(?,?,?,?) RETURNING id",
                             (url, secret, json.dumps(sorted(events)), iso(now))).fetchone()["id"]

    def list_webhooks(self):
        with self.store._read() as c:
            rows = [dict(r) for r in c.execute("SELECT id, url, events_json, created_at FROM webhooks ORDER BY id")]
            for r in rows:
                r["events"] = json.loads(r.pop("events_json"))
                r["pending"] = c.execute("SELECT COUNT(*) FROM outbox WHERE kind='webhook' AND target_id=?",
                                         (r["id"],)).fetchone()[0]
            return rows

    def delete_webhook(self, wid):
        with self.store._tx() as c:
            c.execute("DELETE FROM outbox WHERE kind='webhook' AND target_id=?", (wid,))
            return c.execute("DELETE FROM webhooks WHERE id=?", (wid,)).rowcount == 1

    # ------------------------------------------------------------------- outbox
    def enqueue(self, c, etype, data, status_before, dossier_id, now):
        """Inside the event's transaction: one row per subscription (when the event is worth a
        push) and one per webhook that asked for this event type."""
        d = c.execute("SELECT id, code, version, status, due_at, procedure_code, agency_code FROM dossiers"
                      " WHERE id=?", (dossier_id,)).fetchone()
        at = self.clock()
        rows = []
        kind = notify_text.push_kind(etype, data, status_before, d["status"])
        if kind is not None:
            messages = {}
            for s in c.execute("SELECT id, lang FROM push_subscriptions WHERE dossier_id=? ORDER BY id",
                               (dossier_id,)).fetchall():
                if s["lang"] not in messages:
                    messages[s["lang"]] = notify_text.push_message(kind, d["code"], d["status"], d["version"], s["lang"])
                body, urgency = messages[s["lang"]]
                rows.append(("push", s["id"], body, urgency))
        hooks = c.execute("SELECT id, events_json FROM webhooks ORDER BY id").fetchall()
        wanted = [h["id"] for h in hooks if etype in json.loads(h["events_json"])]
        if wanted:
            doc = notify_text.event_document(etype, data, d, now)
            rows += [("webhook", wid, doc, "normal") for wid in wanted]
        event_id = f"{d['code']}.{d['version']}"
        for kind_, target, body, urgency in rows:
            c.execute("INSERT INTO outbox(kind,target_id,dossier_code,event_id,body,urgency,next_at,created_at)"
                      " VALUES(?,?,?,?,?,?,?,?)", (kind_, target, d["code"], event_id, body, urgency, at, at))

    def claim(self, owner, now, limit, lease):
        """Rows due now, in order per receiver and dossier, leased to `owner` until now+lease."""
        with self.store._tx() as c:
            ids = [r["id"] for r in c.execute("SELECT o.id " + _READY + " ORDER BY o.id LIMIT ?" + self.skip_locked,
                                              (now, limit)).fetchall()]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            c.execute(f"UPDATE outbox SET claimed_by=?, next_at=? WHERE id IN ({marks})", [owner, now + lease] + ids)
            return [dict(r) for r in c.execute(
                "SELECT o.id, o.kind, o.target_id, o.dossier_code, o.event_id, o.body, o.urgency, o.attempts,"
                " o.created_at, s.endpoint, s.p256dh, s.auth, w.url, w.secret FROM outbox o"
                " LEFT JOIN push_subscriptions s ON o.kind='push' AND s.id=o.target_id"
                " LEFT JOIN webhooks w ON o.kind='webhook' AND w.id=o.target_id"
                f" WHERE o.id IN ({marks}) ORDER BY o.id", ids).fetchall()]

    def finish(self, outcomes):
        """Record what the sender learnt, in one transaction: [(row, outcome, next_at)] where
        outcome is done/drop (the row goes), gone (its subscription goes) or retry (at next_at)."""
        with self.store._tx() as c:
            for row, outcome, next_at in outcomes:
                if outcome == "gone":
                    self._drop_subscription(c, row["target_id"])
                elif outcome == "retry":
                    c.execute("UPDATE outbox SET attempts=attempts+1, next_at=?, claimed_by=NULL WHERE id=?",
                              (next_at, row["id"]))
                else:
                    c.execute("DELETE FROM outbox WHERE id=?", (row["id"],))

    def release(self, owner, now):
        """Give back what `owner` holds (None: every claim, for the one SQLite instance at start)."""
        with self.store._tx() as c:
            if owner is None:
                c.execute("UPDATE outbox SET claimed_by=NULL, next_at=? WHERE claimed_by IS NOT NULL", (now,))
            else:
                c.execute("UPDATE outbox SET claimed_by=NULL, next_at=? WHERE claimed_by=?", (now, owner))

    def next_due(self):
        """When the earliest waiting row falls due (None: the outbox is empty)."""
        with self.store._read() as c:
            return c.execute("SELECT MIN(next_at) FROM outbox").fetchone()[0]

    def pending(self):
        with self.store._read() as c:
            return c.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
