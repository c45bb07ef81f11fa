"""Counter terminals: the tablet at service counter n shows the dossier just
handled there (set by the back office) and takes one rating for it.

Only that tablet may read the counter or rate through it: the back office issues it a device
credential (shown once, kept as a hash), sent as `Authorization: Bearer`.

Strangers can read a counter screen, so the public state holds only the code's last
segment, the procedure and the agency: no owner, no secret, no dates, no status.  The
tablet proves it is rating the dossier it was shown with a counter token: an HMAC over
(counter, assignment, expiry), so nothing is stored per poll and a restart keeps them valid.
"""
import base64
import hashlib
import hmac
import secrets
import time

from . import validate as v
from .api_admin import authorize_admin
from .api_dossiers import rating_public
from .domain import CODE_RE
from .store import NotFound
from .util import ApiError, hash_token, is_digits, normalise_code

COUNTER_MAX = 99
TOKEN_TTL = 15 * 60  # the tablet gets a fresh token with every poll
LONG_POLL_MAX = 25.0
NO_COUNTER = ApiError(404, "not_found", "No such counter (1-99).")
BAD_TOKEN = ApiError(401, "unauthorized", "The counter token is invalid or expired; poll the counter again.")
META_KEY = "counter_token_key"
NO_DEVICE = ApiError(401, "device_unauthorized",
                     "This tablet has no valid device credential for the counter; open the setup link from the back office.",
                     {"WWW-Authenticate": "Bearer"})


async def authorize_device(app, req, number):
    auth = req.headers.get("Authorization") or ""
    scheme, _, secret = auth.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret or len(secret) > 200:
        raise NO_DEVICE
    given = hash_token(secret)
    expected = app.store.counter_device(number)
    if expected is None or not hmac.compare_digest(given, expected):
        # maybe issued through another instance a moment ago: the database decides
        expected = await app.store.refresh_device(number)
        if expected is None or not hmac.compare_digest(given, expected):
            raise NO_DEVICE


def load_key(store):
    """The HMAC key for counter tokens, created once and kept in the database."""
    return store.get_or_create_meta(META_KEY, secrets.token_hex(32)).encode()


def counter_number(raw):
    if not is_digits(raw) or len(raw) > 2 or not 1 <= int(raw) <= COUNTER_MAX:
        raise NO_COUNTER
    return int(raw)


def _mac(key, message):
    return hmac.new(key, message, hashlib.sha256).digest()[:16]


def make_token(app, number, assignment_id):
    message = f"{number}.{assignment_id}.{int(time.time()) + TOKEN_TTL}".encode()
    return base64.urlsafe_b64encode(message + _mac(app.counter_key, message)).rstrip(b"=").decode()


def check_token(app, token, number):
    """The assignment id the token was issued for (401 when forged, expired or for another counter)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        raise BAD_TOKEN from None
    if len(raw) <= 16:
        raise BAD_TOKEN
    message, mac = raw[:-16], raw[-16:]
    if not hmac.compare_digest(mac, _mac(app.counter_key, message)):
        raise BAD_TOKEN
    parts = message.decode("ascii", "replace").split(".")
    if len(parts) != 3 or not all(is_digits(p) for p in parts):
        raise BAD_TOKEN
    if int(parts[0]) != number or int(parts[2]) < time.time():
        raise BAD_TOKEN
    return int(parts[1])


def _names(vi, en, lang):
    return {"name": vi if lang == "vi" else en, "names": {"vi": vi, "en": en}}


async def public_state(app, number, lang):
    state = await app.store.counter_state(number)
    if state is None or state["dossier"] is None:
        return {"counter": number, "version": state["version"] if state else 0, "dossier": None,
                "counter_token": None, "expires_in": None}
    d = state["dossier"]
    return {
        "counter": number,
        "version": state["version"],
        "dossier": {
            # the serial only: enough for the citizen to recognise their receipt
            "code_masked": "…-" + d["code"].rsplit("-", 1)[1],
            "procedure": _names(d["procedure_name_vi"], d["procedure_name_en"], lang),
            # no agency code: with it, the serial and today's date the full code is one guess away
            "agency": _names(d["agency_name_vi"], d["agency_name_en"], lang),
            "rating_eligible": not d["rated"],
            "rated": d["rated"],
        },
        "counter_token": make_token(app, number, state["assignment_id"]),
        "expires_in": TOKEN_TTL,
    }


async def get_counter(app, req, raw):
    number = counter_number(raw)
    lang = v.query_lang(req.query)
    await authorize_device(app, req, number)
    if req.query.get("since") not in (None, ""):
        since = v.query_int(req.query, "since", 0, 0, 2**53)
        timeout = v.query_float(req.query, "timeout", LONG_POLL_MAX, 0, LONG_POLL_MAX)
        store = app.store
        await app.wait_change(("counter", number), lambda: store.counter_version(number) == since, timeout)
    return 200, await public_state(app, number, lang)


async def rate(app, req, raw):
    number = counter_number(raw)
    # Every attempt counts (not just failures): one tablet per counter.
    limiter_key = f"{req.client_key}|{number}"
    await app.counter_limiter.check(limiter_key)
    await app.counter_limiter.hit(limiter_key)
    await authorize_device(app, req, number)
    body = v.fields(req.json(),
                    {"counter_token": v.text(300), "idempotency_key": v.text(128), "overall": v.enum(*v.LEVELS)},
                    {"criteria": v.criteria, "visits": v.visits, "comment": v.text(1000, min_len=0, nullable=True)})
    assignment_id = check_token(app, body["counter_token"], number)
    outcome, row = await app.store.add_counter_rating(number, assignment_id, body["idempotency_key"], body["overall"],
                                                body.get("criteria") or {}, body.get("visits"),
                                                body.get("comment") or None, app.now())
    if outcome == "invalid":
        raise BAD_TOKEN
    if outcome == "stale":
        raise ApiError(409, "stale", "The counter has moved on to another dossier; poll the counter again.")
    if outcome == "conflict":
        raise ApiError(409, "already_rated", "This dossier has already been rated.")
    return (201 if outcome == "created" else 200), {"counter": number, "rating": rating_public(row)}


async def set_current(app, req, raw):
    authorize_admin(app, req)
    number = counter_number(raw)
    body = v.fields(req.json(), {}, {"code": v.text(60, nullable=True)})
    if "code" not in body:
        raise ApiError(422, "missing_field", "'code' is required (null clears the counter)")
    code = body["code"]
    if code is not None:
        code = normalise_code(code)
        if not CODE_RE.match(code):
            raise ApiError(422, "invalid_field", "'code' is not in the format AGENCY-yyMMdd-NNNN")
    try:
        version = await app.store.set_counter_dossier(number, code, app.now())
    except NotFound:
        raise ApiError(404, "not_found", "No such dossier.") from None
    return 200, {"counter": number, "code": code, "version": version}


async def issue_device(app, req, raw):
    authorize_admin(app, req)  # the body, if any, is ignored
    number = counter_number(raw)
    secret = secrets.token_urlsafe(32)
    await app.store.set_counter_device(number, hash_token(secret), app.now())
    return 201, {"counter": number, "device_secret": secret,
                 "setup_url": f"/?mode=counter&counter={number}#device={secret}"}


ROUTES = [
    ("GET", r"/api/v1/counters/([^/]+)", get_counter),
    ("POST", r"/api/v1/counters/([^/]+)/rating", rate, 8192),
    ("POST", r"/api/v1/admin/counters/([^/]+)/current", set_current, 4096),
    ("POST", r"/api/v1/admin/counters/([^/]+)/device", issue_device, 4096),
]
