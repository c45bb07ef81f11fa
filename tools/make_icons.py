#!/usr/bin/env python3
"""Draws the app's icons at build time (standard library only: the PNGs are written with zlib).

The emblem: a blue rounded square (#0b57a4) with a white door (a rounded rectangle) and a small
blue knob. Writes icon-192.png, icon-512.png (transparent corners), icon-maskable-512.png (full
bleed, the door inside the maskable safe zone) and apple-touch-icon.png (180 px, opaque: iOS
rounds the corners itself)."""
import math
import pathlib
import struct
import sys
import zlib

BLUE = (0x0B, 0x57, 0xA4)
WHITE = (0xFF, 0xFF, 0xFF)


def rounded_rect(cx, cy, hw, hh, r):
    """Signed distance (pixels) to a rounded rectangle centred at (cx, cy)."""
    def sd(x, y):
        qx = abs(x - cx) - (hw - r)
        qy = abs(y - cy) - (hh - r)
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r
    return sd


def circle(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) - r


def draw(size, *, rounded, door_scale):
    """RGBA rows: the background, then the door, then the knob, each antialiased by coverage."""
    s = float(size)
    c = s / 2
    layers = []
    if rounded:
        layers.append((rounded_rect(c, c, c, c, s * 0.22), BLUE))
    else:
        layers.append((lambda x, y: -1.0, BLUE))
    hw, hh = s * 0.17 * door_scale, s * 0.27 * door_scale
    cy = c + s * 0.02 * door_scale
    layers.append((rounded_rect(c, cy, hw, hh, s * 0.045 * door_scale), WHITE))
    layers.append((circle(c + hw * 0.55, cy + hh * 0.08, s * 0.028 * door_scale), BLUE))
    rows = []
    for j in range(size):
        row = bytearray()
        y = j + 0.5
        for i in range(size):
            x = i + 0.5
            r = g = b = 0.0
            a = 0.0
            for sd, colour in layers:
                cov = min(1.0, max(0.0, 0.5 - sd(x, y)))
                if cov <= 0.0:
                    continue
                # "over" with premultiplied colour
                r = colour[0] * cov + r * (1 - cov)
                g = colour[1] * cov + g * (1 - cov)
                b = colour[2] * cov + b * (1 - cov)
                a = cov + a * (1 - cov)
            if a > 0:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + row for row in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


ICONS = {
    "icon-192.png": (192, True, 1.0),
    "icon-512.png": (512, True, 1.0),
    "icon-maskable-512.png": (512, False, 0.8),  # the door within the central 80 % safe circle
    "apple-touch-icon.png": (180, False, 0.9),
}


def write_all(out: pathlib.Path) -> list:
    for name, (size, rounded, scale) in ICONS.items():
        (out / name).write_bytes(png(size, draw(size, rounded=rounded, door_scale=scale)))
    return list(ICONS)


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    print("wrote", ", ".join(write_all(target)))
