"""Back office: each agency's collection account, which the dossier payload shows beside every fee's
payment reference so the app can draw a VietQR for it."""
from .api_admin import authorize_admin
from .payments import account_fields, account_public
from .util import ApiError

MAX_AGENCY_CODE = 64


def _agency(code):
    code = "".join((code or "").split()).upper()
    if not code or len(code) > MAX_AGENCY_CODE:
        raise ApiError(404, "not_found", "No such agency.")
    return code


async def put_account(app, req, code):
    authorize_admin(app, req)
    code = _agency(code)
    body = account_fields(req.json())
    body.setdefault("bank_name", None)
    if not await app.store.set_collection_account(code, body, app.now()):
        raise ApiError(404, "not_found", "No such agency.")
    return 200, dict({"agency": code}, **account_public(body))


async def get_account(app, req, code):
    authorize_admin(app, req)
    code = _agency(code)
    row = await app.store.collection_account(code)
    if row is None:
        raise ApiError(404, "not_found", "This agency has no collection account.")
    return 200, dict({"agency": code, "updated_at": row["updated_at"]}, **account_public(row))


ROUTES = [
    ("PUT", r"/api/v1/admin/agencies/([^/]+)/collection-account", put_account, 8192),
    ("GET", r"/api/v1/admin/agencies/([^/]+)/collection-account", get_account),
]
