"""Look-up datasets: the back office defines a dataset and loads its rows (CSV or JSON); citizens
list the datasets and query one with its key fields. A keyed dataset answers only a query that
gives every key and the second factor, and never lists its rows."""
from . import datasets as ds
from .api_admin import authorize_admin
from .store_datasets import MAX_MATCHES
from .util import ApiError, hash_token

NOT_FOUND = ApiError(404, "not_found", "No such dataset.")


def _langs(query):
    lang = query.get("lang") or "vi"
    if lang not in ds.LANGS:
        raise ApiError(400, "invalid_parameter", "'lang' must be one of " + ", ".join(ds.LANGS))
    return lang


def _in(texts, lang):
    """The text in `lang`, else English (the tourists' languages), else Vietnamese."""
    return texts.get(lang) or texts.get("en") or texts.get("vi")


def _field_item(f, lang):
    item = {"name": f["name"], "type": f["type"], "label": _in(f["labels"], lang), "labels": f["labels"]}
    if f.get("compact"):
        item["compact"] = True
    return item


def dataset_item(d, lang):
    fields = {f["name"]: f for f in d["fields"]}
    second = d.get("second_factor")
    return {"id": d["id"], "name": _in(d["names"], lang), "names": d["names"],
            "description": _in(d["descriptions"], lang) if d["descriptions"] else None,
            "access": d["access"],
            "keys": [_field_item(fields[k], lang) for k in d["keys"]],
            "second_factor": _field_item(fields[second], lang) if second else None,
            "shown": [_field_item(fields[s], lang) for s in d["shown"]],
            "rows": d["row_count"], "loaded_at": d["loaded_at"]}


async def _dataset(app, slug):
    if not ds.SLUG.match(slug or ""):
        raise NOT_FOUND
    d = await app.store.get_dataset(slug)
    if d is None:
        raise NOT_FOUND
    return d


# ------------------------------------------------------------------ back office
async def create_dataset(app, req):
    authorize_admin(app, req)
    definition = ds.definition_from(req.json())
    if not await app.store.create_dataset(definition, app.now()):
        raise ApiError(409, "already_exists", "A dataset with this id exists.")
    return 201, dataset_item(await app.store.get_dataset(definition["id"]), "vi")


async def load_rows(app, req, slug):
    authorize_admin(app, req)
    d = await _dataset(app, slug)
    if not req.body:
        raise ApiError(400, "invalid_body", "The body must hold the rows, as CSV or JSON.")
    if req.content_type == "text/csv":
        rows = ds.rows_from_csv(req.body)
    elif req.content_type == "application/json":
        rows = ds.rows_from_json(req.json())
    else:
        raise ApiError(415, "unsupported_media_type", "Send the rows as text/csv or application/json.")
    checked = ds.check_rows(d, rows)  # every row is valid before any is replaced
    count = await app.store.replace_dataset_rows(d["id"], checked, app.now())
    if count is None:
        raise NOT_FOUND
    return 200, {"id": d["id"], "rows": count}


# ------------------------------------------------------------------ public
async def list_datasets(app, req):
    lang = _langs(req.query)
    items = [dataset_item(d, lang) for d in await app.store.list_datasets()]
    return 200, {"items": items, "total": len(items)}


async def query(app, req, slug):
    client = req.client_key
    lang = _langs(req.query)
    d = await _dataset(app, slug)
    keyed = d["access"] == "keyed"
    # Guesses at a second factor count like wrong receipt secrets: per client, and per key for
    # everyone, so many addresses get no further than one.
    if keyed:
        await app.lookup_limiter.check(client)
    await app.dataset_rate.check(client)
    keys = ds.query_keys(d, req.json())
    key = ds.match_key(d, keys) if len(keys) == len(ds.match_fields(d)) else None
    if keyed:
        # the record asked for, whatever second factor is tried (hashed: rate events may be stored)
        record = "dataset:" + hash_token(d["id"] + "\x1f" + "\x1f".join(keys[k] for k in d["keys"]))
        await app.code_limiter.check(record)
    await app.dataset_rate.hit(client)
    if key is not None:
        rows = await app.store.match_dataset_rows(d["db_id"], key)
    else:
        rows = await app.store.filter_dataset_rows(d["db_id"], keys)
    if keyed and not rows:
        await app.lookup_limiter.hit(client)
        await app.code_limiter.hit(record)
    fields = {f["name"]: f for f in d["fields"]}
    items = [{name: row.get(name) for name in d["shown"]} for row in rows[:MAX_MATCHES]]
    return 200, {"id": d["id"], "name": _in(d["names"], lang),
                 "fields": [_field_item(fields[s], lang) for s in d["shown"]],
                 "items": items, "total": len(items), "truncated": len(rows) > MAX_MATCHES}


DATASET_ROWS_BODY = 8 * 1024 * 1024
ROUTES = [
    ("POST", r"/api/v1/admin/datasets", create_dataset, 64 * 1024),
    ("PUT", r"/api/v1/admin/datasets/([^/]+)/rows", load_rows, DATASET_ROWS_BODY),
    ("GET", r"/api/v1/datasets", list_datasets),
    ("POST", r"/api/v1/datasets/([^/]+)/query", query, 8192),
]
