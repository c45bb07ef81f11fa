"""Public endpoints: health, procedures, stats, places, alerts, frequent questions."""
from . import validate as v
from .util import ApiError, fold, iso, normalise_code

APP_VERSION = "0.1.0"


async def health(app, req):
    await app.store.ping()
    return 200, {"status": "ok", "version": APP_VERSION, "schema_version": app.store.schema_version,
                 "dossiers": app.store.dossier_count(), "time": iso(app.now())}


def procedure_item(p, lang):
    en = lang == "en"
    return {
        "code": p["code"],
        "name": p["name_en"] if en else p["name_vi"],
        "names": {"vi": p["name_vi"], "en": p["name_en"]},
        "field": p["field_en"] if en else p["field_vi"],
        "agency": {"code": p["agency_code"], "name": p["agency_name_en"] if en else p["agency_name_vi"]},
        "processing_days": p["processing_days"],
        "fees": p["fees"],
        "documents": p["documents"],
        "legal_basis": p["legal_basis"],
        "online": p["online"],
    }


async def catalogue(app):
    # the catalogue changes only with a new seed/migration: cache it
    if app.procedures_cache is None:
        rows = await app.store.list_procedures()
        for p in rows:
            p["_search"] = " ".join(fold(x) for x in (p["code"], p["name_vi"], p["name_en"], p["field_vi"],
                                                      p["field_en"]))
        app.procedures_cache = rows
    return app.procedures_cache


MAX_PAGE_SIZE = 500  # the app fetches the whole catalogue once for on-device search


async def procedures(app, req):
    lang = v.query_lang(req.query)
    page = v.query_int(req.query, "page", 1, 1, 10**6)
    size = v.query_int(req.query, "page_size", 20, 1, MAX_PAGE_SIZE)
    q = (req.query.get("q") or "").strip()
    if len(q) > 200:
        raise ApiError(400, "invalid_parameter", "'q' must be at most 200 characters")
    field = (req.query.get("field") or "").strip()
    agency = normalise_code(req.query.get("agency") or "")
    if len(field) > 200 or len(agency) > 64:
        raise ApiError(400, "invalid_parameter", "'field' or 'agency' is too long")
    rows = await catalogue(app)
    if field:
        # either language's field name, as /procedures/fields lists them, without diacritics or case
        want = fold(field)
        rows = [p for p in rows if want in (fold(p["field_vi"]), fold(p["field_en"]))]
    if agency:
        rows = [p for p in rows if p["agency_code"].upper() == agency]
    if q:
        words = fold(q).split()
        rows = [p for p in rows if all(w in p["_search"] for w in words)]
    start = (page - 1) * size
    return 200, {"items": [procedure_item(p, lang) for p in rows[start:start + size]], "total": len(rows),
                 "page": page, "page_size": size}


async def procedure_fields(app, req):
    lang = v.query_lang(req.query)
    fields = {}
    for p in await catalogue(app):
        f = fields.setdefault(p["field_vi"], {"field": p["field_en"] if lang == "en" else p["field_vi"],
                                              "names": {"vi": p["field_vi"], "en": p["field_en"]}, "count": 0})
        f["count"] += 1
    items = sorted(fields.values(), key=lambda f: (-f["count"], fold(f["field"])))
    return 200, {"items": items, "total": len(items)}


async def procedure(app, req, code):
    lang = v.query_lang(req.query)
    code = normalise_code(code)
    for p in await catalogue(app):
        if p["code"].upper() == code:
            return 200, procedure_item(p, lang)
    raise ApiError(404, "not_found", "No such procedure.")


def _rate(part, whole):
    return round(100.0 * part / whole, 1) if whole else None


async def stats(app, req):
    lang = v.query_lang(req.query)
    items = []
    for s in await app.store.stats():
        items.append({
            "agency": {"code": s["code"], "name": s["name_en"] if lang == "en" else s["name_vi"],
                       "names": {"vi": s["name_vi"], "en": s["name_en"]}},
            "received": s["received"], "finished": s["finished"], "open": s["open"],
            "finished_on_time": s["finished_on_time"],
            "on_time_rate": _rate(s["finished_on_time"], s["finished"]),
            "ratings": s["ratings"],
            "satisfaction_rate": _rate(s["satisfied"], s["ratings"]),
        })
    return 200, {"items": items, "total": len(items), "generated_at": iso(app.now())}


PLACE_KINDS = ("sight", "specialty", "bus", "power_cut", "health", "service_centre")
PLACE_LANGS = ("vi", "en", "ko", "zh", "ja")
# facts that only some kinds have (stored in places.details_json), always present for their kind
PLACE_DETAILS = {"specialty": ("shop",), "bus": ("route", "timetable"), "power_cut": ("area", "from", "to")}


def translated(row, lang, fields):
    """A row's texts in `lang`: its <field>_vi / <field>_en columns, or for ko, zh and ja its
    "i18n" entry ({"ko": {field: text}, ...}) with English for each text that is missing."""
    if lang in ("vi", "en"):
        return [row[f + "_" + lang] for f in fields]
    t = (row.get("i18n") or {}).get(lang) or {}
    return [t.get(f) or row[f + "_en"] for f in fields]


def every_language(row, field):
    """{"vi": ..., "en": ..., and each tourist language the field exists in}."""
    out = {"vi": row[field + "_vi"], "en": row[field + "_en"]}
    out.update({code: t[field] for code, t in sorted((row.get("i18n") or {}).items()) if t.get(field)})
    return out


def place_item(p, lang):
    name, description = translated(p, lang, ("name", "description"))
    names = every_language(p, "name")
    item = {"id": p["id"], "kind": p["kind"], "name": name, "names": names, "description": description,
            "address": p["address"], "phone": p["phone"], "hours": p["hours"], "lat": p["lat"], "lon": p["lon"]}
    for key in PLACE_DETAILS.get(p["kind"], ()):
        item[key] = p["details"].get(key)
    return item


async def places(app, req):
    lang = req.query.get("lang") or "vi"
    if lang not in PLACE_LANGS:
        raise ApiError(400, "invalid_parameter", "'lang' must be one of " + ", ".join(PLACE_LANGS))
    kind = req.query.get("kind") or None
    if kind is not None and kind not in PLACE_KINDS:
        raise ApiError(400, "invalid_parameter", "'kind' must be one of " + ", ".join(PLACE_KINDS))
    items = [place_item(p, lang) for p in await app.store.list_places(kind)]
    return 200, {"items": items, "total": len(items)}


async def faqs(app, req):
    lang = v.query_lang(req.query)
    en = lang == "en"
    items = [{"id": f["id"], "question": f["question_en"] if en else f["question_vi"],
              "answer": f["answer_en"] if en else f["answer_vi"], "keywords": f["keywords"],
              "procedure_code": f["procedure_code"]} for f in await app.store.list_faqs()]
    return 200, {"items": items, "total": len(items)}


def alert_item(a, lang):
    title, body = translated(a, lang, ("title", "body"))
    titles = every_language(a, "title")
    return {"id": a["id"], "severity": a["severity"], "title": title, "titles": titles, "body": body,
            "area": a["area"], "starts_at": a["starts_at"], "ends_at": a["ends_at"]}


async def alerts(app, req):
    lang = req.query.get("lang") or "vi"
    if lang not in PLACE_LANGS:
        raise ApiError(400, "invalid_parameter", "'lang' must be one of " + ", ".join(PLACE_LANGS))
    items = [alert_item(a, lang) for a in await app.store.list_active_alerts(app.now())]
    return 200, {"items": items, "total": len(items)}


ROUTES = [
    ("GET", r"/api/v1/health", health),
    ("GET", r"/api/v1/procedures", procedures),
    ("GET", r"/api/v1/procedures/fields", procedure_fields),  # before the {code} route
    ("GET", r"/api/v1/procedures/([^/]+)", procedure),
    ("GET", r"/api/v1/stats", stats),
    ("GET", r"/api/v1/places", places),
    ("GET", r"/api/v1/alerts", alerts),
    ("GET", r"/api/v1/faqs", faqs),
]
