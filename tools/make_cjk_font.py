#!/usr/bin/python3
"""Subsets one face of Debian's Noto Sans CJK collection (.ttc) to the Korean, Chinese and Japanese
characters the app can show (run with Debian's python3, like make_font.py):

    make_cjk_font.py SOURCE.ttc "FACE NAME" OUT.otf --text FILE... [--whole-blocks]
    make_cjk_font.py SOURCE.ttc "FACE NAME" OUT.otf --chars TEXT

--text keeps every character of the files that lies in CJK_RANGES (the strings in assets/i18n, the
status words in assets/domain, the seed data's place names); --whole-blocks adds the small blocks
listed in WHOLE_BLOCKS (kana, CJK punctuation, compatibility jamo, fullwidth forms) so a server
text with an unexpected kana or punctuation mark still renders. --chars keeps exactly those
characters (the language choice labels that are embedded in the app). Everything else (Latin,
digits, Vietnamese) comes from Noto Sans, which the app merges first. Fails if the face lacks a
requested character."""
import argparse
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

# Characters taken from the text files; tools/check_i18n.py parses this list.
CJK_RANGES = (
    "U+1100-11FF,U+3000-303F,U+3040-30FF,U+3130-318F,U+3400-4DBF,U+4E00-9FFF,U+AC00-D7AF,U+FF00-FFEF"
)
WHOLE_BLOCKS = "U+3000-303F,U+3041-3096,U+309B-309E,U+30A0-30FF,U+3131-318E,U+FF01-FF5E"


def ranges(spec):
    out = []
    for part in spec.split(","):
        a, _, b = part.strip().replace("U+", "").partition("-")
        out.append((int(a, 16), int(b or a, 16)))
    return out


def face_index(path, name):
    collection = TTCollection(path, lazy=True)
    for i, font in enumerate(collection.fonts):
        if font["name"].getDebugName(4) == name or font["name"].getDebugName(1) == name:
            return i
    raise SystemExit(f"make_cjk_font: no face named {name!r} in {path}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("face")
    parser.add_argument("out")
    parser.add_argument("--text", nargs="*", default=[])
    parser.add_argument("--chars", default="")
    parser.add_argument("--whole-blocks", action="store_true")
    args = parser.parse_args()

    wanted = set(ord(c) for c in args.chars)
    cjk = ranges(CJK_RANGES)
    for path in args.text:
        text = open(path, encoding="utf-8").read()
        wanted.update(ord(c) for c in text if any(lo <= ord(c) <= hi for lo, hi in cjk))
    index = face_index(args.source, args.face)
    options = subset.Options()
    options.font_number = index
    options.layout_features = ["ccmp", "locl", "vert", "kern", "palt"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2]
    options.notdef_outline = False
    font = subset.load_font(args.source, options)
    cmap = font.getBestCmap()
    missing = sorted(u for u in wanted if u not in cmap)
    if missing:
        print("make_cjk_font: the face lacks " + " ".join(f"U+{u:04X}" for u in missing), file=sys.stderr)
        return 1
    if args.whole_blocks:
        wanted.update(u for lo, hi in ranges(WHOLE_BLOCKS) for u in range(lo, hi + 1) if u in cmap)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    subset.save_font(font, args.out, options)
    print(f"make_cjk_font: {len(wanted)} characters from {args.face} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
