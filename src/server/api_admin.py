"""Back office endpoints (Authorization: Bearer <admin token>)."""
import hmac

from . import validate as v
from .api_dossiers import dossier_json, path_code
from .api_public import alert_item
from .api_requests import STATUS_NAMES as REQUEST_STATUSES
from .store import NotFound
from .util import ApiError, is_digits, iso, new_secret

UNIT_FIELDS = {"unit": v.text(200), "officer_role": v.text(200), "officer_name": v.text(200)}


def authorize_admin(app, req):
    auth = req.headers.get("Authorization") or ""
    scheme, _, token = auth.partition(" ")
    token = token.strip()
    # An empty token never matches: the server refuses to start with an admin token under 32 characters.
    if (scheme.lower() != "bearer" or len(token) < 32 or len(app.admin_token) < 32
            or not hmac.compare_digest(token.encode(), app.admin_token.encode())):
        raise ApiError(401, "unauthorized", "An admin token is required.", {"WWW-Authenticate": "Bearer"})


async def create_dossier(app, req):
    authorize_admin(app, req)
    body = v.fields(req.json(), {"procedure_code": v.text(40), "owner_name": v.text(200)},
                    {"received_at": v.time_value(), "channel": v.enum("counter", "online", "post"),
                     "status": v.integer(1, 2)})
    now = app.now()
    received = body.get("received_at") or now
    try:
        d = await app.store.create_dossier(body["procedure_code"], body["owner_name"], body.get("channel") or "counter",
                                     received, now, new_secret(), body.get("status"))
    except NotFound:
        raise ApiError(422, "unknown_procedure", "No procedure has this code.") from None
    return 201, d


EVENT_FIELDS = {
    "status": ({"status": v.integer(1, 10)},
               dict(UNIT_FIELDS, note=v.text(2000, nullable=True), action=v.text(300),
                    deadline=v.time_value(nullable=True))),
    "supplement": ({"content": v.text(2000)},
                   dict(UNIT_FIELDS, deadline=v.time_value(nullable=True), note=v.text(2000, nullable=True),
                        set_status=v.boolean)),
    "supplement_fulfilled": ({"id": v.integer(1, 2**53)},
                             dict(UNIT_FIELDS, new_due_at=v.time_value(nullable=True),
                                  note=v.text(2000, nullable=True))),
    "apology": ({"reason": v.text(2000), "new_due_at": v.time_value()}, {}),
    "fee": ({"name": v.text(300), "amount": v.integer(0, 10**12)}, {"paid": v.boolean}),
    "result": ({"name": v.text(300)}, {"collect_place": v.text(300, nullable=True),
                                       "collect_from": v.time_value(nullable=True)}),
}


async def add_event(app, req, code):
    authorize_admin(app, req)
    code = path_code(code)
    raw = req.json()
    if not isinstance(raw, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    etype = raw.get("type")
    if not isinstance(etype, str) or etype not in EVENT_FIELDS:
        raise ApiError(422, "invalid_field", "'type' must be one of " + ", ".join(EVENT_FIELDS))
    required, optional = EVENT_FIELDS[etype]
    data = v.fields(raw, required, dict(optional, type=v.text(40)))
    try:
        version = await app.store.add_event(code, etype, data, app.now())
    except NotFound as e:
        raise ApiError(404, "not_found", f"No such {e}.") from None
    except ValueError as e:
        raise ApiError(409, str(e), "The event does not apply to the dossier's current state.") from None
    return 201, b'{"type":"' + etype.encode() + b'","version":' + str(version).encode() + \
        b',"dossier":' + await dossier_json(app, code, "vi") + b"}"


async def answer_request(app, req, rid):
    authorize_admin(app, req)
    body = v.fields(req.json(), {"note": v.text(4000)},
                    {"unit": v.text(200, nullable=True), "status": v.enum(*REQUEST_STATUSES)})
    if not is_digits(rid) or len(rid) > 12:
        raise ApiError(404, "not_found", "No such request.")
    try:
        await app.store.answer_request(int(rid), body["note"], body.get("unit"), body.get("status") or "answered",
                                 app.now())
    except NotFound:
        raise ApiError(404, "not_found", "No such request.") from None
    return 201, {"id": int(rid), "status": body.get("status") or "answered"}


async def publish_alert(app, req):
    authorize_admin(app, req)
    body = v.fields(req.json(), {"title_vi": v.text(300), "body_vi": v.text(4000)},
                    {"severity": v.enum("info", "warning", "danger"), "title_en": v.text(300),
                     "body_en": v.text(4000), "area": v.text(200, nullable=True),
                     "starts_at": v.time_value(nullable=True), "ends_at": v.time_value(nullable=True),
                     **{f"{k}_{lang}": v.text(4000 if k == "body" else 300, nullable=True)
                        for lang in ("ko", "zh", "ja") for k in ("title", "body")}})
    now = app.now()
    starts = body.get("starts_at") or now
    ends = body.get("ends_at")
    if ends is not None and ends <= starts:
        raise ApiError(422, "invalid_field", "'ends_at' must be after 'starts_at'")
    # Optional texts for tourists: title_ko, body_ko, title_zh, … (missing ones fall back to English).
    i18n = {}
    for lang in ("ko", "zh", "ja"):
        t = {k: body[f"{k}_{lang}"] for k in ("title", "body") if body.get(f"{k}_{lang}")}
        if t:
            i18n[lang] = t
    aid = await app.store.add_alert(body.get("severity") or "info", body["title_vi"], body.get("title_en") or body["title_vi"],
                              body["body_vi"], body.get("body_en") or body["body_vi"], body.get("area"),
                              starts, ends, now, i18n)
    a = {"id": aid, "severity": body.get("severity") or "info", "title_vi": body["title_vi"],
         "title_en": body.get("title_en") or body["title_vi"], "body_vi": body["body_vi"],
         "body_en": body.get("body_en") or body["body_vi"], "area": body.get("area"),
         "starts_at": iso(starts), "ends_at": iso(ends), "i18n": i18n}
    return 201, alert_item(a, "vi")


async def end_alert(app, req, aid):
    authorize_admin(app, req)  # the body, if any, is ignored
    if not is_digits(aid) or len(aid) > 12 or not await app.store.end_alert(int(aid), app.now()):
        raise ApiError(404, "not_found", "No such alert.")
    return 200, {"id": int(aid), "ended": True}


ADMIN_BODY = 64 * 1024
ROUTES = [
    ("POST", r"/api/v1/admin/dossiers", create_dossier, ADMIN_BODY),
    ("POST", r"/api/v1/admin/dossiers/([^/]+)/events", add_event, ADMIN_BODY),
    ("POST", r"/api/v1/admin/requests/([^/]+)/notes", answer_request, ADMIN_BODY),
    ("POST", r"/api/v1/admin/alerts", publish_alert, ADMIN_BODY),
    ("POST", r"/api/v1/admin/alerts/([^/]+)/end", end_alert, ADMIN_BODY),
]
