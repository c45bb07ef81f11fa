"""Store methods for citizens' questions and reports (requests) and their answers (mixed into
store.Store; the same transactions)."""
from .util import NotFound, iso


class RequestStore:
    # ---------------------------------------------------------------- requests
    def create_request(self, secret_hash, category, description, dossier_code, contact, anonymous, now,
                       idempotency_key=None):
        """Returns (id, created_at, created); an existing idempotency key returns its request."""
        with self._tx() as c:
            if idempotency_key is not None:
                r = c.execute("SELECT id, created_at FROM requests WHERE idempotency_key=?",
                              (idempotency_key,)).fetchone()
                if r is not None:
                    return r["id"], r["created_at"], False
            # Two instances may get the same retry at once: the second finds the first's row.
            r = c.execute("INSERT INTO requests(secret_hash,category,description,dossier_code,contact,anonymous,"
                          "status,created_at,updated_at,idempotency_key) VALUES(?,?,?,?,?,?,'open',?,?,?)"
                          " ON CONFLICT(idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id",
                          (secret_hash, category, description, dossier_code, contact, int(anonymous),
                           iso(now), iso(now), idempotency_key)).fetchone()
            if r is None:
                r = c.execute("SELECT id, created_at FROM requests WHERE idempotency_key=?", (idempotency_key,)).fetchone()
                return r["id"], r["created_at"], False
            return r["id"], iso(now), True

    def get_request(self, request_id):
        with self._read() as c:
            r = c.execute("SELECT * FROM requests WHERE id=?", (request_id,)).fetchone()
            if r is None:
                return None
            out = dict(r)
            out["notes"] = [dict(n) for n in c.execute(
                "SELECT unit, note, created_at FROM request_notes WHERE request_id=? ORDER BY id", (request_id,))]
            return out

    def answer_request(self, request_id, note, unit, status, now):
        with self._tx() as c:
            if c.execute("SELECT 1 FROM requests WHERE id=?", (request_id,)).fetchone() is None:
                raise NotFound("request")
            c.execute("INSERT INTO request_notes(request_id,unit,note,created_at) VALUES(?,?,?,?)",
                      (request_id, unit, note, iso(now)))
            c.execute("UPDATE requests SET status=?, updated_at=? WHERE id=?", (status, iso(now), request_id))
