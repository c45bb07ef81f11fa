"""The app's addresses (assets/domain/routes.json, which the app's core reads too: src/core/route.*):
which screen a path and query name, and a screen's URL. Read alike on both sides (ctest
routes_match_server). Standard library only. A route never holds a secret."""
import datetime as dt
import unicodedata
import urllib.parse
from typing import NamedTuple, Optional

from . import domain
from .util import normalise_code

_table = domain.load("routes")
PLACE_KINDS = tuple(_table["place_kinds"])
LANGUAGES = tuple(_table["languages"])
PRIVATE_PREFIXES = tuple(_table["private_prefixes"])
_PROCEDURE_CHARS = frozenset(_table["procedure_code"]["characters"])
_PROCEDURE_MAX = _table["procedure_code"]["max_length"]
_DATASET_CHARS = frozenset(_table["dataset_id"]["characters"])
_DATASET_MAX = _table["dataset_id"]["max_length"]
_QUESTION_MAX = _table["ask_query_max_characters"]
# (screen, segments, takes ?q=)
PATTERNS = [(r["screen"], [s for s in r["path"].split("/")[1:] if s], "q" in r.get("query", ()))
            for r in _table["routes"]]
NOT_FOUND_PATH = "/not-found"


class Route(NamedTuple):
    screen: str
    code: str = ""       # dossier, rate: a valid dossier code, normalised
    procedure: str = ""  # procedure: upper case
    kind: str = ""       # places, place
    dataset: str = ""    # dataset
    id: int = 0          # request, place
    question: str = ""   # ask
    lang: Optional[str] = None


def is_dossier_code(text):
    code = normalise_code(text)
    if not domain.CODE_RE.match(code):
        return False
    day = code.rsplit("-", 2)[1]
    try:
        dt.date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return False
    return True


def is_procedure_code(text):
    return 0 < len(text) <= _PROCEDURE_MAX and all(c in _PROCEDURE_CHARS for c in _ascii_upper(text))


def _ascii_upper(text):
    return "".join(c.upper() if "a" <= c <= "z" else c for c in text)


def _decode(raw, plus_is_space):
    if plus_is_space:
        raw = raw.replace("+", " ")
    return urllib.parse.unquote(raw, errors="replace")


def _safe(text):
    return "".join(" " if c < " " or c == "\x7f" else c for c in text)


def _question(raw):
    text = unicodedata.normalize("NFC", _safe(_decode(raw, True)))
    return text[:_QUESTION_MAX].strip(" ")


def _id(text):
    if not text or not (text.isascii() and text.isdigit()) or len(text.lstrip("0")) > 19:
        return None  # (int() refuses over 4300 digits)
    value = int(text.lstrip("0") or "0")
    return value if 0 < value < 2 ** 63 else None


def _bind(name, value, params):
    if name == "{code}":
        if not is_dossier_code(value):
            return False
        params["code"] = normalise_code(value)
    elif name == "{procedure}":
        if not is_procedure_code(value):
            return False
        params["procedure"] = _ascii_upper(value)
    elif name == "{kind}":
        if value not in PLACE_KINDS:
            return False
        params["kind"] = value
    elif name == "{dataset}":
        if not 0 < len(value) <= _DATASET_MAX or not all(c in _DATASET_CHARS for c in value):
            return False
        params["dataset"] = value
    elif name == "{id}":
        number = _id(value)
        if number is None:
            return False
        params["id"] = number
    else:
        return False
    return True


def _read_query(query):
    lang, question, saw_lang = None, None, False
    for part in query.split("&") if query else ():
        key, eq, value = part.partition("=")
        key = _decode(key, True)
        if key == "lang" and not saw_lang:
            saw_lang = True
            value = _decode(value, True)
            lang = value if value in LANGUAGES else None
        elif key == "q" and question is None:
            question = value
    return lang, question


def parse(path, query=""):
    """The route of a raw (percent-encoded) path and query string."""
    lang, question = _read_query(query)
    not_found = Route("not_found", lang=lang)
    if not path.startswith("/"):
        return not_found
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    raw = path[1:].split("/") if path != "/" else []
    if any(s == "" for s in raw):
        return not_found
    segments = [_decode(s, False) for s in raw]
    for screen, pattern, takes_question in PATTERNS:
        if len(pattern) != len(segments):
            continue
        params = {}
        if all(_bind(want, got, params) if want.startswith("{") else want == got
               for want, got in zip(pattern, segments)):
            if takes_question and question is not None:
                params["question"] = _question(question)
            return Route(screen, lang=lang, **params)
    return not_found


def parse_url(url):
    url = url.split("#", 1)[0]
    path, _, query = url.partition("?")
    return parse(path, query)


def _encode(text):
    return urllib.parse.quote(text, safe="")


def format_route(route):
    """The canonical URL (path and query) of a route."""
    pattern = next((p for p in PATTERNS if p[0] == route.screen), None)
    if pattern is None:
        url = NOT_FOUND_PATH
    else:
        values = {"{code}": route.code, "{procedure}": route.procedure, "{kind}": route.kind, "{dataset}": route.dataset,
                  "{id}": str(route.id)}
        url = "/" + "/".join(_encode(values.get(s, s)) for s in pattern[1])
    query = []
    if pattern is not None and pattern[2] and route.question:
        query.append("q=" + _encode(route.question))
    if route.lang:
        query.append("lang=" + route.lang)
    return url + ("?" + "&".join(query) if query else "")


def url(screen, lang=None, **params):
    return format_route(Route(screen, lang=lang, **params))
