"""Store methods for the catalogue (agencies, procedures, places, frequent questions) and alerts
(mixed into store.Store; the same transactions)."""
import json

from .util import iso


class CatalogStore:
    # ------------------------------------------------------- catalogue (seed)
    def add_agency(self, code, name_vi, name_en, address=None, phone=None):
        with self._tx() as c:
            c.execute("INSERT INTO agencies VALUES(?,?,?,?,?)", (code, name_vi, name_en, address, phone))

    def add_procedure(self, p):
        with self._tx() as c:
            c.execute("INSERT INTO procedures VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                      (p["code"], p["name_vi"], p["name_en"], p["field_vi"], p["field_en"], p["agency_code"],
                       p["processing_days"], json.dumps(p["fees"], ensure_ascii=False),
                       json.dumps(p["documents"], ensure_ascii=False), p["legal_basis"], int(p["online"])))

    def add_place(self, p):
        with self._tx() as c:
            c.execute("INSERT INTO places(kind,name_vi,name_en,description_vi,description_en,address,phone,lat,lon,hours,"
                      "i18n_json,details_json) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                      (p["kind"], p["name_vi"], p["name_en"], p.get("description_vi"), p.get("description_en"),
                       p.get("address"), p.get("phone"), p.get("lat"), p.get("lon"), p.get("hours"),
                       json.dumps(p.get("i18n") or {}, ensure_ascii=False),
                       json.dumps(p.get("details") or {}, ensure_ascii=False)))

    def add_faq(self, question_vi, question_en, answer_vi, answer_en, keywords, procedure_code=None):
        with self._tx() as c:
            return c.execute("INSERT INTO faqs(question_vi,question_en,answer_vi,answer_en,keywords_json,procedure_code)"
                             " VALUES(?,?,?,?,?,?) RETURNING id",
                             (question_vi, question_en, answer_vi, answer_en,
                              json.dumps(list(keywords), ensure_ascii=False), procedure_code)).fetchone()["id"]

    def list_faqs(self):
        rows = self._all("SELECT * FROM faqs ORDER BY id")
        for r in rows:
            r["keywords"] = json.loads(r.pop("keywords_json"))
        return rows

    def faq_count(self):
        return self._one("SELECT COUNT(*) AS n FROM faqs")["n"]

    def list_agencies(self):
        return self._all("SELECT * FROM agencies ORDER BY code")

    def list_procedures(self):
        rows = self._all("SELECT p.*, a.name_vi AS agency_name_vi, a.name_en AS agency_name_en"
                         " FROM procedures p JOIN agencies a ON a.code=p.agency_code ORDER BY p.code")
        for r in rows:
            r["fees"] = json.loads(r.pop("fees_json"))
            r["documents"] = json.loads(r.pop("documents_json"))
            r["online"] = bool(r["online"])
        return rows

    def list_places(self, kind=None):
        if kind:
            rows = self._all("SELECT * FROM places WHERE kind=? ORDER BY id", (kind,))
        else:
            rows = self._all("SELECT * FROM places ORDER BY id")
        for r in rows:
            r["i18n"] = json.loads(r.pop("i18n_json") or "{}")
            r["details"] = json.loads(r.pop("details_json") or "{}")
        return rows

    # ------------------------------------------------------------------ alerts
    def add_alert(self, severity, title_vi, title_en, body_vi, body_en, area, starts_at, ends_at, now, i18n=None):
        """i18n: {"ko": {"title", "body"}, ...} for the tourists' languages (each may be missing)."""
        with self._tx() as c:
            cur = c.execute("INSERT INTO alerts(severity,title_vi,title_en,body_vi,body_en,area,starts_at,ends_at,created_at,"
                            "i18n_json) VALUES(?,?,?,?,?,?,?,?,?,?) RETURNING id",
                            (severity, title_vi, title_en, body_vi, body_en, area, iso(starts_at), iso(ends_at), iso(now),
                             json.dumps(i18n or {}, ensure_ascii=False)))
            return cur.fetchone()["id"]

    def end_alert(self, alert_id, now):
        with self._tx() as c:
            return c.execute("UPDATE alerts SET ends_at=? WHERE id=?", (iso(now), alert_id)).rowcount == 1

    def list_active_alerts(self, now):
        t = iso(now)
        rows = self._all("SELECT * FROM alerts WHERE starts_at<=? AND (ends_at IS NULL OR ends_at>?)"
                         " ORDER BY CASE severity WHEN 'danger' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, starts_at DESC",
                         (t, t))
        for r in rows:
            r["i18n"] = json.loads(r.pop("i18n_json") or "{}")
        return rows
