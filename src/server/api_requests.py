"""Questions and complaints (Open311-style service requests)."""
import hashlib
import hmac
import secrets as _secrets

from . import validate as v
from .domain import CATEGORIES, CODE_RE
from .util import ApiError, SECRET_ALPHABET, hash_token, is_digits, new_secret, normalise_code

STATUS_NAMES = {"open": ("Đã tiếp nhận", "Received"), "in_progress": ("Đang xử lý", "In progress"),
                "answered": ("Đã trả lời", "Answered"), "closed": ("Đã đóng", "Closed")}
REQUEST_NOT_FOUND = ApiError(404, "not_found", "No request matches this id and secret.")


def categories(app, req):
    lang = v.query_lang(req.query)
    i = 0 if lang == "vi" else 1
    items = [{"code": k, "name": names[i], "names": {"vi": names[0], "en": names[1]}}
             for k, names in CATEGORIES.items()]
    return 200, {"items": items, "total": len(items)}


async def create(app, req):
    body = v.fields(req.json(), {"category": v.enum(*CATEGORIES), "description": v.text(4000)},
                    {"dossier_code": v.text(60, nullable=True), "contact": v.text(200, nullable=True),
                     "anonymous": v.boolean, "idempotency_key": v.text(128, nullable=True)})
    code = body.get("dossier_code")
    if code is not None:
        code = normalise_code(code)
        if not CODE_RE.match(code):
            raise ApiError(422, "invalid_field", "'dossier_code' is not in the format AGENCY-yyMMdd-NNNN")
    anonymous = bool(body.get("anonymous", False))
    contact = None if anonymous else body.get("contact")
    key = body.get("idempotency_key") or None
    # With a key the secret is derived from it (HMAC with the server's own key): a replay after a
    # lost answer gets the same id and secret back, and no secret is stored in clear.
    secret = await _secret_for_key(app, key) if key else new_secret(10)
    now = app.now()
    rid, created_at, created = await app.store.create_request(hash_token(secret), body["category"], body["description"],
                                                        code, contact, anonymous, now, key)
    return (201 if created else 200), {"id": rid, "secret": secret, "status": "open", "created_at": created_at}


async def _secret_for_key(app, key):
    server_key = (await app.store.get_or_create_meta("request_secret_key", _secrets.token_hex(32))).encode()
    digest = hmac.new(server_key, b"request:" + key.encode("utf-8"), hashlib.sha256).digest()
    return "".join(SECRET_ALPHABET[b % len(SECRET_ALPHABET)] for b in digest[:10])


async def get(app, req, rid):
    lang = v.query_lang(req.query)
    client = req.client_key
    await app.lookup_limiter.check(client)
    # The secret travels only in the Authorization header: a URL ends up in logs and caches.
    auth = req.headers.get("Authorization") or ""
    scheme, _, secret = auth.partition(" ")
    secret = normalise_code(secret) if scheme.lower() == "bearer" else ""
    valid_id = is_digits(rid) and len(rid) < 12
    if valid_id:
        await app.code_limiter.check("request:" + rid)
    row = await app.store.get_request(int(rid)) if valid_id else None
    if row is None or not secret or not hmac.compare_digest(row["secret_hash"], hash_token(secret)):
        await app.lookup_limiter.hit(client)
        if valid_id:
            await app.code_limiter.hit("request:" + rid)
        raise REQUEST_NOT_FOUND
    i = 0 if lang == "vi" else 1
    return 200, {"id": row["id"], "category": row["category"], "category_name": CATEGORIES[row["category"]][i],
                 "description": row["description"], "dossier_code": row["dossier_code"],
                 "anonymous": bool(row["anonymous"]), "status": row["status"],
                 "status_name": STATUS_NAMES[row["status"]][i], "created_at": row["created_at"],
                 "updated_at": row["updated_at"], "notes": row["notes"]}


ROUTES = [
    ("GET", r"/api/v1/requests/categories", categories),
    ("POST", r"/api/v1/requests", create, 16384),
    ("GET", r"/api/v1/requests/([^/]+)", get),
]
