"""Domain facts shared with the app, read from assets/domain/*.json: statuses and their words, the
holiday calendar, the dossier code pattern, the receipt secret, the rating scale, request
categories. Standard library only, so workdays.py stays importable without aiohttp."""
import json
import pathlib
import re

ASSETS_DIR = pathlib.Path(__file__).resolve().parents[2] / "assets"
DOMAIN_DIR = ASSETS_DIR / "domain"


def load(name, folder=DOMAIN_DIR):
    with open(folder / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


_statuses = load("statuses")["statuses"]
_codes = load("codes")
_categories = load("request_categories")["categories"]

# code -> {"vi": ..., "en": ..., "ko": ..., "zh": ..., "ja": ...}
STATUS_WORDS = {s["code"]: s["words"] for s in _statuses}
STATUS_RATING_ALLOWED = frozenset(s["code"] for s in _statuses if s["rating_allowed"])

# Anchored with ^…$: match normalised text only (no whitespace), as Python's "$" also matches
# before a final newline.
CODE_RE = re.compile(_codes["dossier_code"]["pattern"])
SECRET_ALPHABET = _codes["receipt_secret"]["alphabet"]
SECRET_LENGTH = _codes["receipt_secret"]["length"]
SECRET_RE = re.compile(f"^[{re.escape(SECRET_ALPHABET)}]{{{SECRET_LENGTH}}}$")

RATING_LEVELS = tuple(load("rating")["levels"])

# code -> (vi name, en name), in the order the file lists them
CATEGORIES = {c["code"]: (c["names"]["vi"], c["names"]["en"]) for c in _categories}
