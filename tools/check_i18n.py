#!/usr/bin/env python3
"""Checks that every UI string key used in src/ exists in the complete languages (vi, en), that
those hold the same keys, and that the tourists' languages (ko, zh, ja: missing keys fall back to
English at runtime) hold only keys English has; that every character is in a font subset (the
Vietnamese one, or for ko/zh/ja the CJK one); prints the problems and exits 1 if there are any."""
import json
import pathlib
import re
import sys

COMPLETE = ("vi", "en")
FALLBACK_TO_EN = ("ko", "zh", "ja")
KEY_USE = re.compile(r'\btr\(\s*"([a-z0-9_.]+)"\s*\)|"((?:[a-z0-9_]+\.)+[a-z0-9_]+)"')


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
    known = set().union(*(set(d) for d in langs.values()))
    used = set()
    for src in list((root / "src/ui").rglob("*.cpp")) + list((root / "src/app").rglob("*.cpp")) + list((root / "src/core").rglob("*.cpp")):
        for m in KEY_USE.finditer(src.read_text(encoding="utf-8")):
            key = m.group(1) or m.group(2)
            # Only strings shaped like our keys whose first part is a known namespace count as keys.
            if m.group(1) or key.split(".")[0] in {k.split(".")[0] for k in known}:
                used.add(key)
    problems = []
    for lang in COMPLETE + FALLBACK_TO_EN:
        if lang not in langs:
            problems.append(f"{lang}.json: missing")
    for lang, table in langs.items():
        if lang not in COMPLETE:
            if lang not in FALLBACK_TO_EN:
                problems.append(f"{lang}.json: unknown language (not in {COMPLETE + FALLBACK_TO_EN})")
            for key in sorted(set(table) - set(langs.get("en", {}))):
                problems.append(f"{lang}.json: key {key} is not in en.json")
            for key, value in table.items():
                if not isinstance(value, str) or not value.strip():
                    problems.append(f"{lang}.json: empty or non-string value for {key}")
            continue
        for key in sorted(used - set(table)):
            problems.append(f"{lang}.json: missing key used in code: {key}")
        for key in sorted(known - set(table)):
            if key not in used:
                problems.append(f"{lang}.json: missing key present in another language: {key}")
        for key, value in table.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{lang}.json: empty or non-string value for {key}")
    # Every character of every string must be in the font subset, or it is drawn as "?".
    # The CJK subset (tools/make_cjk_font.py) takes every character of ko/zh/ja.json inside its
    # CJK_RANGES, and the build fails if the face lacks one; the rest must be Vietnamese-subset.
    ranges = parse_ranges(root / "tools/make_font.py", "UNICODES")
    cjk_ranges = parse_ranges(root / "tools/make_cjk_font.py", "CJK_RANGES")
    for lang, table in langs.items():
        allowed = ranges + (cjk_ranges if lang in FALLBACK_TO_EN else [])
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
