"""Store methods for the look-up datasets (mixed into store.Store; same transactions)."""
import json

from .util import iso

MAX_MATCHES = 100  # rows one query answers at most


def _dataset(row):
    if row is None:
        return None
    out = json.loads(row["definition_json"])
    out.update(row_count=row["row_count"], loaded_at=row["loaded_at"], db_id=row["id"])
    return out


class DatasetStore:
    def create_dataset(self, definition, now):
        """Store a new definition; False when its id is taken."""
        with self._tx() as c:
            cur = c.execute("INSERT INTO datasets(slug,definition_json,created_at) VALUES(?,?,?)"
                            " ON CONFLICT(slug) DO NOTHING RETURNING id",
                            (definition["id"], json.dumps(definition, ensure_ascii=False), iso(now)))
            return cur.fetchone() is not None

    def list_datasets(self):
        return [_dataset(r) for r in self._all("SELECT * FROM datasets ORDER BY id")]

    def get_dataset(self, slug):
        return _dataset(self._one("SELECT * FROM datasets WHERE slug=?", (slug,)))

    def replace_dataset_rows(self, slug, rows, now):
        """Replace every row of the dataset with `rows` [(match_key, keys, row)] in one transaction:
        readers see the old rows or the new ones, never a mix; a failure leaves the old ones.
        Returns the new row count, or None when there is no such dataset."""
        with self._tx() as c:
            d = c.execute("SELECT id FROM datasets WHERE slug=?" + self.db.for_update, (slug,)).fetchone()
            if d is None:
                return None
            c.execute("DELETE FROM dataset_rows WHERE dataset_id=?", (d["id"],))
            for key, keys, row in rows:
                c.execute("INSERT INTO dataset_rows(dataset_id,match_key,keys_json,data_json) VALUES(?,?,?,?)",
                          (d["id"], key, json.dumps(keys, ensure_ascii=False), json.dumps(row, ensure_ascii=False)))
            c.execute("UPDATE datasets SET row_count=?, loaded_at=? WHERE id=?", (len(rows), iso(now), d["id"]))
        return len(rows)

    def match_dataset_rows(self, dataset_db_id, key):
        """Rows whose whole key is `key` (the index answers)."""
        rows = self._all("SELECT data_json FROM dataset_rows WHERE dataset_id=? AND match_key=? ORDER BY id LIMIT ?",
                         (dataset_db_id, key, MAX_MATCHES + 1))
        return [json.loads(r["data_json"]) for r in rows]

    def filter_dataset_rows(self, dataset_db_id, keys):
        """Rows of a public dataset whose keys include every {name: normalised value} given."""
        out = []
        for r in self._all("SELECT keys_json, data_json FROM dataset_rows WHERE dataset_id=? ORDER BY id",
                           (dataset_db_id,)):
            have = json.loads(r["keys_json"])
            if all(have.get(k) == value for k, value in keys.items()):
                out.append(json.loads(r["data_json"]))
                if len(out) > MAX_MATCHES:
                    break
        return out
