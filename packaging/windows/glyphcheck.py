"""Tells a screenshot with real glyphs from one of tofu (the boxes Qt draws when no font has a glyph).

Used by winsmoke.py on the `--screenshot` PNGs and on an `xwd -root` dump of the real window.
Pure Python (zlib only): PNG (8-bit grey/RGB/RGBA, non-interlaced, as Qt writes it) and XWD
(ZPixmap, 24/32 bits) are read as luminance rows; the dark pixels are split into connected
shapes; glyph-sized shapes are compared.  Real Japanese text gives hundreds of distinct shapes,
tofu a few repeated hollow rectangles.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

# Thresholds of the tofu check (see tofu_report).  Measured under Wine: the wizard's first page
# 212 distinct shapes / 0 % boxes, the result page 493 / 0 %, the real window 216 / 0 %; the same
# first page drawn with no font (tofu) 4 distinct shapes, 99 % boxes.
MIN_DISTINCT_GLYPHS = 60
MAX_BOX_RATIO = 0.30


# -- PNG → grey pixels (8-bit RGB/RGBA/grey, non-interlaced: what Qt writes) ------------------
def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_grey(data: bytes) -> tuple[int, int, list[bytearray]]:
    """Width, height and rows of luminance (0 = black … 255 = white)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, bytearray()
    width = height = depth = ctype = interlace = 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            depth, ctype, interlace = body[8], body[9], body[12]
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    prev = bytearray(stride)
    rows: list[bytearray] = []
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = prev[i - channels] if i >= channels else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 0xFF
        elif ftype != 0:
            raise ValueError(f"bad PNG filter {ftype} in row {y}")
        prev = line
        if channels >= 3:
            grey = bytearray((299 * line[i] + 587 * line[i + 1] + 114 * line[i + 2]) // 1000
                             for i in range(0, stride, channels))
        else:
            grey = bytearray(line[0:stride:channels])
        rows.append(grey)
    return width, height, rows


def xwd_grey(data: bytes) -> tuple[int, int, list[bytearray]]:
    """Width, height and luminance rows of an `xwd -root` dump (ZPixmap, 24/32 bits per pixel)."""
    fields = [int.from_bytes(data[i:i + 4], "big") for i in range(0, 100, 4)]
    header_size, _version, fmt, _depth, width, height = fields[:6]
    byte_order, bpp, bytes_per_line = fields[7], fields[11], fields[12]
    red_mask, green_mask, blue_mask, ncolors = fields[14], fields[15], fields[16], fields[19]
    if fmt != 2 or bpp not in (24, 32):
        raise ValueError(f"unsupported xwd (format {fmt}, {bpp} bits per pixel)")
    start = header_size + 12 * ncolors
    step = bpp // 8
    order = "little" if byte_order == 0 else "big"

    def shift(mask: int) -> int:
        return (mask & -mask).bit_length() - 1

    rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
    rows = []
    for y in range(height):
        line = data[start + y * bytes_per_line:start + y * bytes_per_line + width * step]
        grey = bytearray(width)
        for x in range(width):
            v = int.from_bytes(line[x * step:x * step + step], order)
            grey[x] = (299 * ((v & red_mask) >> rs) + 587 * ((v & green_mask) >> gs)
                       + 114 * ((v & blue_mask) >> bs)) // 1000
        rows.append(grey)
    return width, height, rows


def grey_png(width: int, height: int, rows: list[bytearray]) -> bytes:
    """An 8-bit grey PNG of `rows` (to keep the real window's picture for a person to look at)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


# -- tofu detection ----------------------------------------------------------------------------
def glyph_shapes(width: int, height: int, rows: list[bytearray], ink: int = 110) -> list[tuple[int, int, bytes]]:
    """Connected shapes (8-neighbourhood) of dark pixels that are glyph-sized: 2–48 px each way."""
    mask = bytearray(width * height)
    for y, row in enumerate(rows):
        base_i = y * width
        for x, v in enumerate(row):
            if v < ink:
                mask[base_i + x] = 1
    shapes: list[tuple[int, int, bytes]] = []
    for start in range(width * height):
        if mask[start] != 1:
            continue
        mask[start] = 2
        stack, pixels = [start], []
        while stack:
            i = stack.pop()
            pixels.append(i)
            y, x = divmod(i, width)
            for dy in (-1, 0, 1):
                yy = y + dy
                if 0 <= yy < height:
                    for dx in (-1, 0, 1):
                        xx = x + dx
                        if 0 <= xx < width:
                            j = yy * width + xx
                            if mask[j] == 1:
                                mask[j] = 2
                                stack.append(j)
            if len(pixels) > 5000:  # a frame or a filled area, not a glyph
                break
        xs = [i % width for i in pixels]
        ys = [i // width for i in pixels]
        x0, y0 = min(xs), min(ys)
        w, h = max(xs) - x0 + 1, max(ys) - y0 + 1
        if not (2 <= w <= 48 and 2 <= h <= 48) or len(pixels) > 5000:
            continue
        bitmap = bytearray(w * h)
        for x, y in zip(xs, ys, strict=True):
            bitmap[(y - y0) * w + (x - x0)] = 1
        shapes.append((w, h, bytes(bitmap)))
    return shapes


def is_box(shape: tuple[int, int, bytes]) -> bool:
    """A hollow rectangle (the "missing glyph" box): ink only on the border, the border ≥ 90 % inked."""
    w, h, bitmap = shape
    if w < 4 or h < 6:
        return False
    border = inner = border_ink = 0
    for y in range(h):
        for x in range(w):
            on = bitmap[y * w + x]
            if y in (0, h - 1) or x in (0, w - 1):
                border += 1
                border_ink += on
            else:
                inner += on
    return border_ink >= 0.9 * border and inner <= 0.05 * (w - 2) * (h - 2)


def tofu_report(png: Path) -> dict[str, float]:
    return tofu_report_rows(*png_grey(png.read_bytes()))


def tofu_report_rows(width: int, height: int, rows: list[bytearray]) -> dict[str, float]:
    shapes = glyph_shapes(width, height, rows)
    boxes = sum(1 for s in shapes if is_box(s))
    distinct = len(set(shapes))
    return {"shapes": len(shapes), "distinct": distinct, "boxes": boxes,
            "box_ratio": boxes / len(shapes) if shapes else 1.0}


def has_real_glyphs(report: dict[str, float]) -> bool:
    return report["distinct"] >= MIN_DISTINCT_GLYPHS and report["box_ratio"] <= MAX_BOX_RATIO
