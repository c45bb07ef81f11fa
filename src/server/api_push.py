"""Notification endpoints: the server's VAPID public key, a dossier's Web Push subscriptions
(with the dossier's lookup token) and, for the back office, the receivers of the event feed."""

from . import push_crypto, push_targets
from . import validate as v
from .api_admin import authorize_admin
from .api_dossiers import authorize, path_code
from .notify_text import EVENT_TYPES, LANGS
from .store_push import MAX_SUBSCRIPTIONS
from .util import ApiError, is_digits, iso

NOT_FOUND = ApiError(404, "not_found", "No such dossier.")


def _notifier(app):
    if getattr(app, "notifier", None) is None:
        raise ApiError(503, "notifications_unavailable", "Notifications are not enabled on this server.")
    return app.notifier


def _endpoint(field, value, allow):
    try:
        push_targets.check_url(value, allow)
    except ValueError as e:
        raise v.invalid(field, str(e)) from None
    return value


def _key(field, value, length):
    try:
        raw = push_crypto.unb64url(value)
        if len(raw) != length:
            raise ValueError
        if length == 65:
            push_crypto.load_public(raw)
    except (ValueError, TypeError):
        what = "an uncompressed P-256 public key" if length == 65 else f"{length} bytes"
        raise v.invalid(field, f"must be {what} in base64url") from None
    return push_crypto.b64url(raw)


async def public_key(app, req):
    return 200, {"public_key": _notifier(app).vapid.public_key}


def _subscription_body(req, notifier):
    raw = req.json()
    if not isinstance(raw, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    return _endpoint("endpoint", raw.get("endpoint"), notifier.sender.allow), raw


async def subscribe(app, req, code):
    notifier = _notifier(app)
    code = path_code(code)
    endpoint, raw = _subscription_body(req, notifier)
    keys = raw.get("keys")
    if not isinstance(keys, dict):
        raise v.invalid("keys", "must be an object with p256dh and auth")
    p256dh = _key("keys.p256dh", keys.get("p256dh"), 65)
    auth = _key("keys.auth", keys.get("auth"), 16)
    lang = raw.get("lang", req.query.get("lang", "vi"))
    if lang not in LANGS:
        raise v.invalid("lang", "must be one of " + ", ".join(LANGS))
    await authorize(app, req, code)
    outcome = await notifier.store.subscribe(code, endpoint, p256dh, auth, lang, app.now())
    if outcome == "not_found":
        raise NOT_FOUND
    if outcome == "full":
        raise ApiError(409, "too_many_subscriptions",
                       f"A dossier can notify at most {MAX_SUBSCRIPTIONS} devices; turn one off first.")
    return (201 if outcome == "created" else 200), {"endpoint": endpoint, "lang": lang, "subscribed": True}


async def unsubscribe(app, req, code):
    notifier = _notifier(app)
    code = path_code(code)
    raw = req.json()
    if not isinstance(raw, dict) or not isinstance(raw.get("endpoint"), str) or not raw["endpoint"]:
        raise v.invalid("endpoint", "must be the subscription's endpoint URL")
    if len(raw["endpoint"]) > push_targets.MAX_URL:
        raise v.invalid("endpoint", f"must be at most {push_targets.MAX_URL} characters")
    await authorize(app, req, code)
    await notifier.store.unsubscribe(code, raw["endpoint"])
    return 204, b""  # gone either way: a kiosk wipe may repeat it


async def subscription_state(app, req, code):
    """Whether this device's endpoint still gets the dossier's news (a push service may have ended it)."""
    notifier = _notifier(app)
    code = path_code(code)
    endpoint = req.query.get("endpoint") or ""
    await authorize(app, req, code)
    count, subscribed = await notifier.store.subscription_state(code, endpoint)
    return 200, {"subscribed": subscribed, "count": count, "max": MAX_SUBSCRIPTIONS}


def _secret(field, value):
    value = v.text(200)(field, value)
    if len(value) < 16:
        raise v.invalid(field, "must be at least 16 characters")
    return value


def _events(field, value):
    if not isinstance(value, list) or not value or len(value) > len(EVENT_TYPES):
        raise v.invalid(field, "must be a non-empty list of: " + ", ".join(EVENT_TYPES))
    if value == ["*"]:
        return list(EVENT_TYPES)
    if not all(isinstance(e, str) and e in EVENT_TYPES for e in value):
        raise v.invalid(field, "must list only: " + ", ".join(EVENT_TYPES) + ' (or ["*"])')
    return sorted(set(value))


async def add_webhook(app, req):
    authorize_admin(app, req)
    notifier = _notifier(app)
    raw = req.json()
    body = v.fields(raw, {"url": lambda f, x: _endpoint(f, x, notifier.sender.allow), "secret": _secret,
                          "events": _events}, {})
    now = app.now()
    wid = await notifier.store.add_webhook(body["url"], body["secret"], body["events"], now)
    return 201, {"id": wid, "url": body["url"], "events": body["events"], "created_at": iso(now)}


async def list_webhooks(app, req):
    authorize_admin(app, req)
    return 200, {"webhooks": await _notifier(app).store.list_webhooks()}


async def delete_webhook(app, req, wid):
    authorize_admin(app, req)
    if not is_digits(wid) or len(wid) > 12 or not await _notifier(app).store.delete_webhook(int(wid)):
        raise ApiError(404, "not_found", "No such webhook.")
    return 204, b""


ROUTES = [
    ("GET", r"/api/v1/push/key", public_key, 0),
    ("POST", r"/api/v1/dossiers/([^/]+)/subscriptions", subscribe, 8192),
    ("DELETE", r"/api/v1/dossiers/([^/]+)/subscriptions", unsubscribe, 8192),
    ("GET", r"/api/v1/dossiers/([^/]+)/subscriptions", subscription_state, 0),
    ("POST", r"/api/v1/admin/webhooks", add_webhook, 8192),
    ("GET", r"/api/v1/admin/webhooks", list_webhooks, 0),
    ("DELETE", r"/api/v1/admin/webhooks/([^/]+)", delete_webhook, 8192),
]
