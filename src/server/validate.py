"""Validation of JSON request bodies and query parameters (errors are ApiError)."""
import math
import re

from .domain import RATING_LEVELS as LEVELS
from .util import ApiError, parse_time

INTEGER = re.compile(r"-?[0-9]{1,20}\Z")
NUMBER = re.compile(r"-?[0-9]{1,20}(?:\.[0-9]{1,20})?\Z")



def invalid(field, why):
    return ApiError(422, "invalid_field", f"'{field}' {why}")


def text(max_len, min_len=1, nullable=False):
    def check(field, value):
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise invalid(field, "must be a string")
        value = value.strip()
        if len(value) < min_len:
            raise invalid(field, "must not be empty")
        if len(value) > max_len:
            raise invalid(field, f"must be at most {max_len} characters")
        if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value):
            raise invalid(field, "must not contain control characters")
        return value
    return check


def enum(*values):
    def check(field, value):
        if not isinstance(value, str) or value not in values:
            raise invalid(field, "must be one of " + ", ".join(values))
        return value
    return check


def integer(lo, hi):
    def check(field, value):
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise invalid(field, f"must be an integer from {lo} to {hi}")
        return value
    return check


def boolean(field, value):
    if not isinstance(value, bool):
        raise invalid(field, "must be true or false")
    return value


YEARS = (2000, 2100)  # dossiers, alerts and deadlines of this service; also keeps date arithmetic in range


def time_value(nullable=False):
    def check(field, value):
        if value is None and nullable:
            return None
        try:
            t = parse_time(value)
        except (ValueError, TypeError, OverflowError):
            raise invalid(field, "must be an ISO 8601 date or date-time") from None
        if not YEARS[0] <= t.year <= YEARS[1]:
            raise invalid(field, f"must be a date between {YEARS[0]} and {YEARS[1]}")
        return t
    return check


def visits(field, value):
    if type(value) is int and value in (0, 1):
        return str(value)
    if isinstance(value, str) and value in ("0", "1", "more"):
        return value
    raise invalid(field, "must be \"0\", \"1\" or \"more\"")


def criteria(field, value):
    if not isinstance(value, dict):
        raise invalid(field, "must be an object")
    return fields(value, {}, {"attitude": enum(*LEVELS), "on_time": enum(*LEVELS), "ease": enum(*LEVELS)},
                  prefix=field + ".")


def fields(body, required, optional, prefix=""):
    """Check a JSON object against validators; returns the cleaned dict."""
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    for key in body:
        if key not in required and key not in optional:
            raise ApiError(422, "unknown_field", f"unknown field '{prefix}{key}'")
    out = {}
    for key, check in required.items():
        if key not in body or body[key] is None:
            raise ApiError(422, "missing_field", f"'{prefix}{key}' is required")
        out[key] = check(prefix + key, body[key])
    for key, check in optional.items():
        if key in body:
            out[key] = check(prefix + key, body[key]) if body[key] is not None else None
    return out


def query_int(query, name, default, lo, hi):
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not INTEGER.match(raw):  # int() would take "1_0", " 1" and other scripts' digits
        raise ApiError(400, "invalid_parameter", f"'{name}' must be an integer")
    value = int(raw)
    if not lo <= value <= hi:
        raise ApiError(400, "invalid_parameter", f"'{name}' must be from {lo} to {hi}")
    return value


def query_float(query, name, default, lo, hi):
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not NUMBER.match(raw):
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a number")
    value = float(raw)
    if math.isnan(value) or not lo <= value <= hi:
        raise ApiError(400, "invalid_parameter", f"'{name}' must be from {lo} to {hi}")
    return value


# The tourists' languages: only places are translated into them; every other text is
# served in English for them rather than refused.
ENGLISH_FALLBACK_LANGS = ("ko", "zh", "ja")


def query_lang(query):
    lang = query.get("lang") or "vi"
    if lang in ENGLISH_FALLBACK_LANGS:
        return "en"
    if lang not in ("vi", "en"):
        raise ApiError(400, "invalid_parameter", "'lang' must be one of vi, en, ko, zh, ja")
    return lang
