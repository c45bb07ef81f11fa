#!/usr/bin/python3
"""Subsets a Noto Sans TTF to the glyphs Vietnamese and English UI text needs (run with Debian's python3)."""
import sys

from fontTools import subset

# Latin, Latin-1, the Vietnamese letters, combining tone marks, punctuation, đồng and euro signs,
# plus arrows and a few symbols the UI draws as text.
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,"
    "U+01AF-01B0,U+0300-0303,U+0309,U+0323,U+1EA0-1EF9,U+2013-2014,U+2018-201D,U+2022,U+2026,"
    "U+2039-203A,U+20AB,U+20AC"
)


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: make_font.py SOURCE.ttf OUT.ttf", file=sys.stderr)
        return 2
    options = subset.Options()
    options.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2]
    font = subset.load_font(sys.argv[1], options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    subset.save_font(font, sys.argv[2], options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
