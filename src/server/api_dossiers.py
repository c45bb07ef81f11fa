"""Citizen dossier endpoints: lookup, read, long-poll changes, rating."""
import base64
import hashlib
import hmac
import time

from . import validate as v
from .domain import CODE_RE, SECRET_RE, STATUS_RATING_ALLOWED, STATUS_WORDS
from .payments import account_public, payment_reference
from .util import ApiError, initials, is_digits, json_bytes, normalise_code

TOKEN_TTL = 3600
LONG_POLL_MAX = 25.0
NOT_FOUND = ApiError(404, "not_found", "No dossier matches this code and secret.")


def status_name(status, lang):
    return STATUS_WORDS[status]["vi" if lang == "vi" else "en"]


def _names(vi, en, lang):
    return {"name": vi if lang == "vi" else en, "names": {"vi": vi, "en": en}}


def rating_public(r):
    if r is None:
        return None
    return {"overall": r["overall"],
            "criteria": {"attitude": r["attitude"], "on_time": r["on_time"], "ease": r["ease"]},
            "visits": r["visits"], "comment": r["comment"], "created_at": r["created_at"]}


def build_payload(b, lang):
    """The public dossier object of docs/dossier_payload.md (no secret, initials only)."""
    steps = [{"seq": s["seq"], "unit": s["unit"], "role": s["officer_role"], "action": s["action"],
              "status": s["status"], "started_at": s["started_at"], "handled_at": s["handled_at"],
              "deadline": s["deadline"]} for s in b["steps"]]
    holder = None
    for s in reversed(b["steps"]):
        if s["handled_at"] is None:
            holder = {"unit": s["unit"], "role": s["officer_role"]}
            break
    return {
        "code": b["code"],
        "version": b["version"],
        "procedure": dict({"code": b["procedure_code"]},
                          **_names(b["procedure_name_vi"], b["procedure_name_en"], lang)),
        "agency": dict({"code": b["agency_code"]}, **_names(b["agency_name_vi"], b["agency_name_en"], lang)),
        "owner": initials(b["owner_name"]),
        "channel": b["channel"],
        "received_at": b["received_at"],
        "due_at": b["due_at"],
        "original_due_at": b["original_due_at"],
        "due_history": [{"previous_due_at": c["previous_due_at"], "due_at": c["due_at"],
                         "apology": bool(c["apology"]), "reason": c["reason"], "issued_at": c["issued_at"]}
                        for c in b["due_changes"]],
        "status": b["status"],
        "status_name": status_name(b["status"], lang),
        "status_note": b["status_note"],
        "holder": holder,
        "completed_at": b["completed_at"],
        "returned_at": b["returned_at"],
        "steps": steps,
        "supplements": [{"id": s["id"], "content": s["content"], "requested_at": s["requested_at"],
                         "deadline": s["deadline"], "state": s["state"], "old_due_at": s["old_due_at"],
                         "new_due_at": s["new_due_at"]} for s in b["supplements"]],
        "fees": [{"name": f["name"], "amount": f["amount"], "paid": bool(f["paid"]),
                  "payment_reference": payment_reference(b["code"], n, b["id"])}
                 for n, f in enumerate(b["fees"], start=1)],
        "payment_account": account_public(b.get("payment_account")),
        "results": [{"name": r["name"], "collect_place": r["collect_place"], "collect_from": r["collect_from"]}
                    for r in b["results"]],
        "rating_eligible": b["status"] in STATUS_RATING_ALLOWED and b["rating"] is None,
        "rating": rating_public(b["rating"]),
        "updated_at": b["updated_at"],
    }


async def dossier_json(app, code, lang):
    """Serialized payload, cached per (code, version, lang)."""
    version = app.store.dossier_version(code)
    if version is None:  # new to this instance (written through another): ask the database
        version = await app.store.refresh_dossier(code)
    if version is None:
        return None
    key = (code, lang)
    hit = app.dossier_cache.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    bundle = await app.store.dossier_bundle(code)
    if bundle is None:
        return None
    data = json_bytes(build_payload(bundle, lang))
    if len(app.dossier_cache) > 20000:
        app.dossier_cache.clear()
    app.dossier_cache[key] = (bundle["version"], data)
    return data


def path_code(raw):
    code = normalise_code(raw)
    if not CODE_RE.match(code):
        raise ApiError(400, "invalid_code", "The dossier code is not in the format AGENCY-yyMMdd-NNNN.")
    return code


LIVE_TOKENS = 10  # lookups of one dossier whose tokens stay valid (the newest ones)
BAD_TOKEN = ApiError(401, "unauthorized", "The token is unknown, expired or not for this dossier.",
                     {"WWW-Authenticate": 'Bearer error="invalid_token"'})


def _mac(key, message):
    return hmac.new(key, message, hashlib.sha256).digest()[:18]


def make_token(app, code, serial):
    """A signed lookup token: any instance with the key checks it, nothing is stored per lookup."""
    message = f"{code}|{serial}|{int(time.time()) + TOKEN_TTL}".encode()
    return base64.urlsafe_b64encode(message + _mac(app.token_key, message)).rstrip(b"=").decode()


async def authorize(app, req, code):
    auth = req.headers.get("Authorization") or ""
    scheme, _, token = auth.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise ApiError(401, "unauthorized", "A lookup token is required (Authorization: Bearer <token>).",
                       {"WWW-Authenticate": "Bearer"})
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        raise BAD_TOKEN from None
    message, mac = raw[:-18], raw[-18:]
    if len(raw) <= 18 or not hmac.compare_digest(mac, _mac(app.token_key, message)):
        raise BAD_TOKEN
    parts = message.decode("ascii", "replace").split("|")
    if len(parts) != 3 or parts[0] != code or not is_digits(parts[1]) or not is_digits(parts[2]):
        raise BAD_TOKEN
    issued = app.store.tokens_issued(code)
    if issued is None:  # a dossier this instance has not seen yet
        await app.store.refresh_dossier(code)
        issued = app.store.tokens_issued(code)
    if issued is None or int(parts[2]) < time.time() or int(parts[1]) <= issued - LIVE_TOKENS:
        raise BAD_TOKEN


async def lookup(app, req):
    client = req.client_key
    await app.lookup_limiter.check(client)
    body = v.fields(req.json(), {"code": v.text(200), "secret": v.text(50)}, {})
    code = normalise_code(body["code"])
    secret = normalise_code(body["secret"])
    if not CODE_RE.match(code):
        await app.lookup_limiter.hit(client)
        raise ApiError(400, "invalid_code", "The dossier code is not in the format AGENCY-yyMMdd-NNNN.")
    # A code that has drawn too many wrong secrets is locked for everyone for a while: guessing
    # from many addresses gets no further than guessing from one.
    await app.code_limiter.check(code)
    await app.lookup_rate.check(client)
    if not SECRET_RE.match(secret) or not await app.store.check_secret(code, secret):
        await app.lookup_limiter.hit(client)
        await app.code_limiter.hit(code)
        raise NOT_FOUND
    await app.lookup_rate.hit(client)
    lang = v.query_lang(req.query)
    token = make_token(app, code, await app.store.issue_token(code))
    data = await dossier_json(app, code, lang)
    return 200, b'{"token":"' + token.encode() + b'","expires_in":' + str(TOKEN_TTL).encode() + \
        b',"dossier":' + data + b"}"


async def get_dossier(app, req, code):
    code = path_code(code)
    lang = v.query_lang(req.query)
    await authorize(app, req, code)
    data = await dossier_json(app, code, lang)
    if data is None:
        raise ApiError(404, "not_found", "No such dossier.")
    return 200, data


async def changes(app, req, code):
    code = path_code(code)
    lang = v.query_lang(req.query)
    since = v.query_int(req.query, "since", 0, 0, 2**53)
    timeout = v.query_float(req.query, "timeout", LONG_POLL_MAX, 0, LONG_POLL_MAX)
    await authorize(app, req, code)
    store = app.store
    await app.wait_change(("dossier", code), lambda: store.dossier_version(code) == since, timeout)
    version = store.dossier_version(code)
    if version is None:
        raise ApiError(404, "not_found", "No such dossier.")
    if version == since:
        return 200, {"changed": False, "version": since}
    try:
        data = await dossier_json(app, code, lang)
    except app.sync_store.db.unavailable:
        # woken while the database is away: the change is told on the next poll
        return 200, {"changed": False, "version": since}
    return 200, b'{"changed":true,"version":' + str(version).encode() + b',"dossier":' + data + b"}"


async def rate(app, req, code):
    code = path_code(code)
    body = v.fields(req.json(),
                    {"idempotency_key": v.text(128), "overall": v.enum(*v.LEVELS), "visits": v.visits},
                    {"criteria": v.criteria, "comment": v.text(1000, min_len=0, nullable=True)})
    await authorize(app, req, code)
    comment = body.get("comment") or None
    outcome, row, version = await app.store.add_rating(code, body["idempotency_key"], body["overall"],
                                                 body.get("criteria") or {}, body["visits"], comment, app.now())
    if outcome == "not_found":
        raise ApiError(404, "not_found", "No such dossier.")
    if outcome == "not_eligible":
        raise ApiError(409, "not_eligible", "A dossier can be rated only when its result is ready or returned.")
    if outcome == "conflict":
        raise ApiError(409, "already_rated", "This dossier has already been rated.")
    return (201 if outcome == "created" else 200), {"rating": rating_public(row), "version": version}


# (method, path pattern, handler, largest body in bytes)
ROUTES = [
    ("POST", r"/api/v1/dossiers/lookup", lookup, 8192),
    ("GET", r"/api/v1/dossiers/([^/]+)", get_dossier, 0),
    ("GET", r"/api/v1/dossiers/([^/]+)/changes", changes, 0),
    ("POST", r"/api/v1/dossiers/([^/]+)/rating", rate, 8192),
]
