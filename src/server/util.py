"""Small helpers shared by the server modules: time, JSON, errors, secrets."""
import datetime as _dt
import hashlib
import json
import os
import secrets as _secrets
import unicodedata

from .domain import SECRET_ALPHABET, SECRET_LENGTH
from .workdays import VN_TZ, OFFICE_CLOSE


class ApiError(Exception):
    """An error answered as {"errors":[{"code","description"}]}."""

    def __init__(self, status, code, description, headers=None):
        super().__init__(description)
        self.status = status
        self.code = code
        self.description = description
        self.headers = headers or {}


def now():
    return _dt.datetime.now(VN_TZ).replace(microsecond=0)


def iso(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def parse_time(text, *, end_of_day=True):
    """ISO 8601 date or date-time -> aware datetime in +07:00 (raises ValueError).
    A bare date means the end of office hours that day; a naive time is +07:00."""
    if not isinstance(text, str) or not (10 <= len(text) <= 40):
        raise ValueError("not an ISO 8601 date")
    if len(text) == 10:
        day = _dt.date.fromisoformat(text)
        return _dt.datetime.combine(day, OFFICE_CLOSE if end_of_day else _dt.time(0), VN_TZ)
    value = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ).replace(microsecond=0)


def json_bytes(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def error_body(code, description):
    return json_bytes({"errors": [{"code": code, "description": description}]})


def new_secret(length=SECRET_LENGTH):
    return "".join(_secrets.choice(SECRET_ALPHABET) for _ in range(length))


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def initials(full_name):
    """'Nguyễn Văn An' -> 'Nguyễn V. A.' (family name kept, other names as initials)."""
    parts = unicodedata.normalize("NFC", full_name or "").split()
    if not parts:
        return ""
    if len(parts) == 1:  # a one-word name would be published whole: only its initial
        return parts[0][0].upper() + "."
    return " ".join([parts[0]] + [p[0].upper() + "." for p in parts[1:]])


def fold(text):
    """Lower case without Vietnamese diacritics, for searching ('Đăng ký' -> 'dang ky')."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def is_digits(text):
    """ASCII digits only ("１" and "¹" are digits to str.isdigit, and int() takes them)."""
    return text.isascii() and text.isdigit()


def normalise_code(text):
    """Trim, drop inner whitespace, upper case."""
    return "".join((text or "").split()).upper()


def write_private_file(path, text):
    """Write `text` and a newline to `path`, readable by the owner only, atomically: a crash leaves
    no file or the whole one, never an empty one."""
    tmp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def weighted_values(header):
    """[(value, q)] of an Accept-style header ("br, gzip;q=0.5"), values lower-cased; a q that is
    not a number counts as 0."""
    out = []
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, val = p.strip().partition("=")
            if k.strip() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        out.append((name.strip().lower(), q))
    return out


class NotFound(Exception):
    """A store lookup found no such dossier, procedure, counter or request."""
