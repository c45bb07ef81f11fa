#!/usr/bin/env python3
"""Checks that every UI string key used in src/ exists in every language (vi, en, and the tourists'
ko, zh, ja), that they all hold the same keys (en.json is the reference), that every string keeps
the printf format specifiers of its en.json string (the same %-conversions in the same order: the
code passes the arguments in English order and printf cannot reorder them), and that every
character is in a font subset (the Vietnamese one, or for ko/zh/ja the CJK one); prints the
problems and exits 1 if there are any. Status words are domain facts: they live in
assets/domain/statuses.json (the app adds them to each table as "status.N"), are checked here like
the strings, and must not reappear in the string files. (A key ko/zh/ja lack would still fall back to English at
runtime; that stays a safety net, not a way to ship half a table.)"""
import json
import pathlib
import re
import sys

CJK = ("ko", "zh", "ja")
COMPLETE = ("vi", "en") + CJK
KEY_USE = re.compile(r'\btr\(\s*"([a-z0-9_.]+)"\s*\)|"((?:[a-z0-9_]+\.)+[a-z0-9_]+)"')
# A printf conversion: flags, width, precision, length modifier (%lld), conversion; "%%" too.
STATUS_KEY = re.compile(r"status\.[0-9]+")
SPECIFIER = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|j|z|t|L)?[sdifuxXc%]")


def parse_ranges(script, name):
    spec = re.search(name + r' = \(\s*(.*?)\)', script.read_text(encoding="utf-8"), re.S).group(1)
    ranges = []
    for part in "".join(re.findall(r'"([^"]*)"', spec)).split(","):
        a, _, b = part.strip().replace("U+", "").partition("-")
        ranges.append((int(a, 16), int(b or a, 16)))
    return ranges


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    langs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((root / "assets/i18n").glob("*.json"))}
    problems = []
    for lang, table in langs.items():
        for key in sorted(k for k in table if STATUS_KEY.fullmatch(k)):
            problems.append(f"{lang}.json: {key} belongs in assets/domain/statuses.json only")
    statuses = json.loads((root / "assets/domain/statuses.json").read_text(encoding="utf-8"))["statuses"]
    for lang in COMPLETE:
        for status in statuses:
            word = status.get("words", {}).get(lang)
            if isinstance(word, str) and word.strip():
                if lang in langs:
                    langs[lang][f"status.{status['code']}"] = word
            else:
                problems.append(f"statuses.json: status {status.get('code')} has no {lang} words")
    known = set().union(*(set(d) for d in langs.values()))
    used = set()
    for src in list((root / "src/ui").rglob("*.cpp")) + list((root / "src/app").rglob("*.cpp")) + list((root / "src/core").rglob("*.cpp")):
        for m in KEY_USE.finditer(src.read_text(encoding="utf-8")):
            key = m.group(1) or m.group(2)
            # Only strings shaped like our keys whose first part is a known namespace count as keys.
            if m.group(1) or key.split(".")[0] in {k.split(".")[0] for k in known}:
                used.add(key)
    for lang in COMPLETE:
        if lang not in langs:
            problems.append(f"{lang}.json: missing")
    english = langs.get("en", {})
    for lang, table in langs.items():
        if lang not in COMPLETE:
            problems.append(f"{lang}.json: unknown language (not in {COMPLETE})")
        for key in sorted(used - set(table)):
            problems.append(f"{lang}.json: missing key used in code: {key}")
        for key in sorted(known - set(table)):
            if key not in used:
                problems.append(f"{lang}.json: missing key present in another language: {key}")
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{lang}.json: empty or non-string value for {key}")
            elif lang != "en" and isinstance(english.get(key), str):
                # The code passes the arguments in English order; printf cannot reorder them.
                want = SPECIFIER.findall(english[key])
                got = SPECIFIER.findall(value)
                if got != want:
                    problems.append(f"{lang}.json: {key} has format specifiers {got}, en.json has {want}")
    # Every character of every string must be in the font subset, or it is drawn as "?".
    # The CJK subset (tools/make_cjk_font.py) takes every character of ko/zh/ja.json inside its
    # CJK_RANGES, and the build fails if the face lacks one; the rest must be Vietnamese-subset.
    ranges = parse_ranges(root / "tools/make_font.py", "UNICODES")
    cjk_ranges = parse_ranges(root / "tools/make_cjk_font.py", "CJK_RANGES")
    for lang, table in langs.items():
        allowed = ranges + (cjk_ranges if lang in CJK else [])
        for key, value in table.items():
            for ch in str(value):
                if ch != "\n" and not any(lo <= ord(ch) <= hi for lo, hi in allowed):
                    problems.append(f"{lang}.json: {key} uses U+{ord(ch):04X} ({ch}) which the font subset lacks")
    for p in problems:
        print(p)
    print(f"{len(used)} keys used, {len(langs)} languages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
