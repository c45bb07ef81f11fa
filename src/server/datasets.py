"""Generic look-up datasets (exam results, land prices, camera fines, cut schedules): a dataset's
definition, the Vietnamese-aware normalisation its keys are matched with, and the validation of
rows loaded from CSV or JSON. No database and no HTTP here."""
import csv
import datetime as dt
import decimal
import io
import re
import unicodedata

from . import validate as v
from .util import ApiError, fold

LANGS = ("vi", "en", "ko", "zh", "ja")
TYPES = ("text", "number", "date")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{1,39}\Z")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")
MAX_FIELDS, MAX_KEYS = 30, 5
MAX_ROWS = 20_000
MAX_CELL = 500
DATE_FORMS = (re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})\Z"),
              re.compile(r"(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4})\Z"))
NUMBER = re.compile(r"-?[0-9]{1,15}(?:[.,][0-9]{1,6})?\Z")


# ------------------------------------------------------------------ normalisation
def normalise_text(value, compact=False):
    """NFC, case-folded, without diacritics (đ -> d), inner blanks collapsed: 'Phường  Tân Thạnh' and
    'phuong tan thanh' match. compact also drops everything but letters and digits ('43A-123.45'
    and '43a12345' match), for plates and numbers people write with separators."""
    text = " ".join(fold(unicodedata.normalize("NFC", value)).casefold().split())
    if compact:
        text = "".join(ch for ch in text if ch.isalnum())
    return text


def parse_date(value):
    """'2007-03-15', '15/03/2007', '15-3-2007' or '15.03.2007' -> date; None when it is none of these."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    for form in DATE_FORMS:
        m = form.match(value)
        if m:
            try:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None


def parse_number(value):
    """A JSON number, or text like '12500000', '7,5' or '7.5' -> int or float; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**15 else None
    if isinstance(value, float):
        if value != value or abs(value) >= 10**15:
            return None
        return int(value) if value.is_integer() else value
    if not isinstance(value, str) or not NUMBER.match(value.strip()):
        return None
    d = decimal.Decimal(value.strip().replace(",", "."))
    return int(d) if d == d.to_integral_value() else float(d)


def typed_value(field, value):
    """A cell or a query value as the field's type (int/float, ISO date text, or trimmed text);
    None when empty; raises ValueError saying what is wrong."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = field["type"]
    if kind == "number":
        n = parse_number(value)
        if n is None:
            raise ValueError("is not a number")
        return n
    if kind == "date":
        d = parse_date(value)
        if d is None:
            raise ValueError("is not a date (YYYY-MM-DD or DD/MM/YYYY)")
        return d.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("must be text")
    value = unicodedata.normalize("NFC", value.strip())
    if len(value) > MAX_CELL:
        raise ValueError(f"is longer than {MAX_CELL} characters")
    if any(ord(ch) < 32 and ch not in "\t" for ch in value):
        raise ValueError("holds control characters")
    return value


def key_form(field, typed):
    """What a key is compared as: numbers and dates in one canonical spelling, text normalised."""
    if field["type"] == "number":
        return repr(float(typed)) if isinstance(typed, float) else str(typed)
    if field["type"] == "date":
        return typed
    return normalise_text(typed, field.get("compact", False))


def match_fields(definition):
    """The fields a query must give, in order: the keys, then the second factor of a keyed dataset."""
    names = list(definition["keys"])
    if definition["access"] == "keyed":
        names.append(definition["second_factor"])
    return names


def match_key(definition, keys):
    return "\x1f".join(keys[name] for name in match_fields(definition))


# ------------------------------------------------------------------ definitions
def _texts(field, value, required=("vi", "en")):
    if not isinstance(value, dict):
        raise v.invalid(field, "must be an object of texts by language (vi, en, ko, zh, ja)")
    out = {}
    for lang, text in value.items():
        if lang not in LANGS:
            raise v.invalid(f"{field}.{lang}", "is not one of " + ", ".join(LANGS))
        if text is not None:
            out[lang] = v.text(300)(f"{field}.{lang}", text)
    for lang in required:
        if lang not in out:
            raise ApiError(422, "missing_field", f"'{field}.{lang}' is required")
    return out


def _field(index, value):
    where = f"fields[{index}]"
    if not isinstance(value, dict):
        raise v.invalid(where, "must be an object")
    f = v.fields(value, {"name": v.text(40), "type": v.enum(*TYPES), "labels": lambda k, x: _texts(k, x)},
                 {"compact": v.boolean}, prefix=where + ".")
    if not FIELD_NAME.match(f["name"]):
        raise v.invalid(where + ".name", "must be lower case letters, digits and _ (starting with a letter)")
    if f.get("compact") and f["type"] != "text":
        raise v.invalid(where + ".compact", "applies to text fields only")
    return f


def _names(field, value, known, lo, hi):
    if not isinstance(value, list) or not lo <= len(value) <= hi or not all(isinstance(x, str) for x in value):
        raise v.invalid(field, f"must be a list of {lo} to {hi} field names")
    for name in value:
        if name not in known:
            raise v.invalid(field, f"names '{name[:40]}', which is not a field")
    if len(set(value)) != len(value):
        raise v.invalid(field, "names a field twice")
    return value


def definition_from(body):
    """A dataset definition from the back office's JSON (raises ApiError 4xx)."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    d = v.fields(body, {"id": v.text(40), "names": lambda k, x: _texts(k, x), "fields": lambda k, x: x,
                        "keys": lambda k, x: x, "shown": lambda k, x: x, "access": v.enum("public", "keyed")},
                 {"descriptions": lambda k, x: _texts(k, x, required=("vi",)), "second_factor": v.text(40)})
    if not SLUG.match(d["id"]):
        raise v.invalid("id", "must be 2 to 40 lower case letters, digits and dashes")
    if not isinstance(d["fields"], list) or not 1 <= len(d["fields"]) <= MAX_FIELDS:
        raise v.invalid("fields", f"must be a list of 1 to {MAX_FIELDS} fields")
    d["fields"] = [_field(i, f) for i, f in enumerate(d["fields"])]
    names = [f["name"] for f in d["fields"]]
    if len(set(names)) != len(names):
        raise v.invalid("fields", "has two fields with the same name")
    d["keys"] = _names("keys", d["keys"], names, 1, MAX_KEYS)
    d["shown"] = _names("shown", d["shown"], names, 1, MAX_FIELDS)
    second = d.get("second_factor")
    if d["access"] == "keyed":
        if second is None:
            raise ApiError(422, "missing_field", "'second_factor' is required for a keyed dataset")
        if second not in names or second in d["keys"]:
            raise v.invalid("second_factor", "must be a field that is not one of the keys")
    elif second is not None:
        raise v.invalid("second_factor", "applies to keyed datasets only")
    else:
        d.pop("second_factor", None)
    d.setdefault("descriptions", {})
    return d


# ------------------------------------------------------------------ rows
def rows_from_csv(body):
    """The rows of a CSV body (a header line of field names, then one line per row)."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_utf8", "The body is not valid UTF-8.") from None
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        raise ApiError(422, "invalid_csv", f"The CSV cannot be read: {e}.") from None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        raise ApiError(422, "invalid_csv", "The CSV has no header line.")
    header = [h.strip() for h in lines[0]]
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if len(line) != len(header):
            raise ApiError(422, "invalid_row", f"line {n}: {len(line)} cells for {len(header)} columns")
        rows.append(dict(zip(header, line)))
    return rows


def rows_from_json(value):
    if isinstance(value, dict) and set(value) == {"rows"}:
        value = value["rows"]
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise ApiError(422, "invalid_field", "'rows' must be a list of objects")
    return value


def check_rows(definition, rows):
    """[(match_key, keys, row)] for rows as loaded; raises ApiError 422 naming the first bad row."""
    if len(rows) > MAX_ROWS:
        raise ApiError(422, "too_many_rows", f"A dataset holds at most {MAX_ROWS} rows.")
    fields = {f["name"]: f for f in definition["fields"]}
    needed = match_fields(definition)
    out = []
    for n, raw in enumerate(rows, start=1):
        row = {}
        for name, value in raw.items():
            if name not in fields:
                raise ApiError(422, "invalid_row", f"row {n}: unknown field '{str(name)[:40]}'")
            try:
                row[name] = typed_value(fields[name], value)
            except ValueError as e:
                raise ApiError(422, "invalid_row", f"row {n}: '{name}' {e}") from None
        keys = {}
        for name in needed:
            if row.get(name) is None:
                raise ApiError(422, "invalid_row", f"row {n}: key field '{name}' is empty")
            keys[name] = key_form(fields[name], row[name])
        out.append((match_key(definition, keys), keys, row))
    return out


def query_keys(definition, body):
    """The normalised keys of a citizen's query {field: value}; a keyed dataset needs every key and
    its second factor, a public one at least one key. Raises ApiError 4xx."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    fields = {f["name"]: f for f in definition["fields"]}
    allowed = match_fields(definition)
    keys = {}
    for name, value in body.items():
        if name not in allowed:
            raise ApiError(422, "unknown_field", f"unknown field '{str(name)[:40]}'")
        if value is not None and not isinstance(value, (str, int, float)):
            raise v.invalid(name, "must be text or a number")
        try:
            typed = typed_value(fields[name], value)
        except ValueError as e:
            raise v.invalid(name, str(e)) from None
        if typed is not None:
            keys[name] = key_form(fields[name], typed)
    missing = [name for name in allowed if name not in keys]
    if definition["access"] == "keyed" and missing:
        raise ApiError(422, "missing_field", f"'{missing[0]}' is required")
    if not keys:
        raise ApiError(422, "missing_field", "give at least one of: " + ", ".join(allowed))
    return keys
