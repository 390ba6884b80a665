#!/usr/bin/python3
"""Golden fixtures for the rarer formats Pillow opens: PCX, DCX, ICO, SGI, SUN raster, XBM and IM.

    /usr/bin/python3 scripts/golden/formats_rare.py

Writes __tests__/fixtures/golden/formats-rare/: small files in several modes,
bit depths and layouts each (raw and RLE, odd widths, palettes, icons with
several frames, PNG and DIB frames with AND masks), including quirky and
corrupt ones, and rare.json in the schema of formats/formats.json. Every
expectation is what Debian's Pillow (9.4) makes of the file: the hashes of
convert("RGB") and its 512x512 LANCZOS, or the exception it raises. Where
Pillow 10.4 (the validators') would differ, the expectation emulates 10.4 and
says so in "pillow_10_4"; the plugins these formats use changed no pixels
between 9.4 and 10.4 (compare their git history), except what a "P" image
without a palette shows: 9.4's default palette is a grey ramp, 10.4's is black.

Nothing here calls the code under test. Each file is put into "images" or
"refused" by what Pillow does with it; `expect` says what each case is meant
to show, and the script stops if Pillow disagrees.
"""

import io
import os
import struct
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the helpers and paths of the main generator)

RARE = os.path.join(generate.OUT, "formats-rare")


# --- writers for what Pillow cannot save -------------------------------------------


def pcx_rle(line):
    """PCX run-length encoding of one line: runs of up to 63, and bytes >= 0xC0 always as runs."""
    out = bytearray()
    i = 0
    while i < len(line):
        n = 1
        while i + n < len(line) and n < 63 and line[i + n] == line[i]:
            n += 1
        if n > 1 or line[i] >= 0xC0:
            out += bytes([0xC0 | n, line[i]])
        else:
            out.append(line[i])
        i += n
    return bytes(out)


def pcx(width, height, bits, planes, lines, version=5, stride=None, palette16=b"", trailer=b"", encoded=None):
    """A PCX from its raw lines (each planes * stride bytes), or from `encoded` data as it is."""
    stride = stride if stride is not None else ((width * bits + 7) // 8 + 1) // 2 * 2
    head = struct.pack("<BBBBHHHHHH", 10, version, 1, bits, 0, 0, width - 1, height - 1, 72, 72)
    head += palette16.ljust(48, b"\0") + bytes([0, planes]) + struct.pack("<HH", stride, 1)
    head = head.ljust(128, b"\0")
    data = encoded if encoded is not None else b"".join(pcx_rle(line) for line in lines)
    return head + data + trailer


def bit_planes(indices, planes, stride):
    """Lines of 1-bit planes (plane p holds bit p of each index), each plane `stride` bytes."""
    lines = []
    for row in indices:
        line = b""
        for p in range(planes):
            bits = [(int(v) >> p) & 1 for v in row]
            packed = bytes(sum(bits[i + k] << (7 - k) for k in range(8) if i + k < len(bits)) for i in range(0, len(bits), 8))
            line += packed.ljust(stride, b"\0")
        lines.append(line)
    return lines


def sgi(width, height, zsize, planes, bpc=1, dimension=3, rle=None):
    """An SGI file: `planes` (z, h, w) samples, stored bottom-up; `rle` = (tables, data) to store RLE instead."""
    head = struct.pack(">HBBHHHHIII", 474, 1 if rle else 0, bpc, dimension, width, height, zsize, 0, 255 if bpc == 1 else 65535, 0)
    head = (head + b"rare".ljust(80, b"\0") + struct.pack(">I", 0)).ljust(512, b"\0")
    if rle:
        return head + rle
    dtype = ">u1" if bpc == 1 else ">u2"
    return head + b"".join(np.ascontiguousarray(planes[c][::-1]).astype(dtype).tobytes() for c in range(zsize))


def sgi_rle_row(samples, bpc=1):
    """SGI RLE of one row: copies (0x80 | n) and runs (n), up to 127, then a 0 terminator; atoms of bpc bytes."""
    atom = (lambda v: bytes([v])) if bpc == 1 else (lambda v: struct.pack(">H", v))
    out = bytearray()
    i = 0
    n_all = len(samples)
    while i < n_all:
        run = 1
        while i + run < n_all and run < 127 and samples[i + run] == samples[i]:
            run += 1
        if run >= 3:
            out += atom(run) + atom(int(samples[i]))
            i += run
            continue
        j = i
        while j < n_all and j - i < 127 and not (j + 2 < n_all and samples[j] == samples[j + 1] == samples[j + 2]):
            j += 1
        out += atom(0x80 | (j - i)) + b"".join(atom(int(v)) for v in samples[i:j])
        i = j
    return bytes(out + atom(0))


def sgi_rle(planes, bpc=1, row_lengths=None, rows=None):
    """Tables and data for RLE planes (z, h, w), rows bottom-up; `rows` may replace encoded rows by (z, file row) -> bytes."""
    z, h, _ = planes.shape
    starts, lengths, data = [], [], b""
    base = 512 + 8 * z * h
    for c in range(z):
        for r in range(h):
            enc = (rows or {}).get((c, r)) or sgi_rle_row(planes[c][h - 1 - r], bpc)
            starts.append(base + len(data))
            lengths.append((row_lengths or {}).get((c, r), len(enc)))
            data += enc
    return b"".join(struct.pack(">I", v) for v in starts) + b"".join(struct.pack(">I", v) for v in lengths) + data


def sun(width, height, depth, body, file_type=1, palette=b"", palette_type=1):
    return struct.pack(">8I", 0x59A66A95, width, height, depth, len(body), file_type, palette_type if palette else 0, len(palette)) + palette + body


def sun_rows(rows, stride):
    return b"".join(bytes(r).ljust(stride, b"\0") for r in rows)


def sun_rle(data):
    """Sun's byte encoding: 0x80 n v for n + 1 copies, 0x80 0 for a literal 0x80."""
    out = bytearray()
    i = 0
    while i < len(data):
        n = 1
        while i + n < len(data) and n < 256 and data[i + n] == data[i]:
            n += 1
        if n >= 3 or data[i] == 0x80:
            if n == 1:
                out += b"\x80\x00"
            else:
                out += bytes([0x80, n - 1, data[i]])
        else:
            out += bytes(data[i : i + n])
        i += n
    return bytes(out)


def dib(width, height, bits, xor_rows, palette=b"", and_rows=None, colors=0):
    """A DIB as ICO frames hold it: the header's height doubled, XOR rows then AND rows, bottom-up, padded to 4 bytes."""
    stride = ((width * bits + 31) >> 3) & ~3
    xor = b"".join(bytes(r).ljust(stride, b"\0") for r in xor_rows[::-1])
    mask_stride = ((width + 31) >> 5) * 4
    if and_rows is None:
        and_rows = [b"\0" * ((width + 7) // 8)] * height
    mask = b"".join(bytes(r).ljust(mask_stride, b"\0") for r in and_rows[::-1])
    head = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, bits, 0, len(xor) + len(mask), 0, 0, colors, 0)
    return head + palette + xor + mask


def ico(frames):
    """An ICO of (width, height, colours, bpp, data) frames, in the order given; width/height 256 are written as 0."""
    out = struct.pack("<HHH", 0, 1, len(frames))
    offset = 6 + 16 * len(frames)
    body = b""
    for w, h, colours, bpp, data in frames:
        out += struct.pack("<BBBBHHII", w % 256, h % 256, colours, 0, 1, bpp, len(data), offset + len(body))
        body += data
    return out + body


def bgrx(palette_rgb):
    return b"".join(bytes([b, g, r, 0]) for r, g, b in palette_rgb)


def pack_bits(row, bits):
    """MSB-first packing of small values, `bits` each."""
    per = 8 // bits
    return bytes(sum(int(row[i + k]) << (8 - bits * (k + 1)) for k in range(per) if i + k < len(row)) for i in range(0, len(row), per))


def png_bytes(im):
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


# --- the cases -----------------------------------------------------------------------


def make_rare_format_goldens():
    generate.fresh_dir(RARE)
    big = Image.open(generate.BIG)
    big.load()
    rgb = big.crop((780, 340, 813, 361))  # 33x21: odd, so every padding rule matters
    arr = np.asarray(rgb)
    h, w = arr.shape[:2]
    gray = rgb.convert("L")
    garr = np.asarray(gray)
    rgba = rgb.convert("RGBA")
    rgba.putalpha(Image.linear_gradient("L").resize(rgb.size))
    aarr = np.asarray(rgba)
    pal = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=200)
    parr = np.asarray(pal)
    pal_rgb = np.asarray(pal.getpalette()[:600]).reshape(200, 3)
    p16 = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    p16arr = np.asarray(p16)
    p16_rgb = np.asarray(p16.getpalette()[:48]).reshape(16, 3)
    p4 = rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    p4arr = np.asarray(p4)
    bw = rgb.convert("1")
    bwarr = np.asarray(bw).astype(np.uint8)  # 0/1

    cases = []  # (file, expect "image"/"refused"/"unreproducible", note-or-None, expected-override-or-None)

    def write(name, data, expect="image", note=None, expected=None):
        with open(os.path.join(RARE, name), "wb") as f:
            f.write(data)
        cases.append((name, expect, note, expected))

    def save(name, im, expect="image", **opts):
        im.save(os.path.join(RARE, name), **opts)
        cases.append((name, expect, None, None))

    # PCX: Pillow's writer (RLE, stride rounded to even), then hand-made planes and quirks.
    save("pcx-rgb.pcx", rgb)
    save("pcx-l.pcx", gray)
    save("pcx-p.pcx", pal)
    save("pcx-1.pcx", bw)
    save("pcx-rgb-3-wide.pcx", rgb.crop((0, 0, 3, 9)))  # 12-byte lines: Pillow skips its memmove, the planes land askew
    save("pcx-rgb-1-wide.pcx", rgb.crop((0, 0, 1, 5)), "refused")  # Pillow writes 3 bytes a line and reads 6
    save("pcx-1-3-wide.pcx", bw.crop((0, 0, 3, 6)))
    s16 = (w + 7) // 8
    write("pcx-p4-planes.pcx", pcx(w, h, 1, 4, bit_planes(p16arr, 4, s16), version=5, stride=s16, palette16=bytes(p16.getpalette()[:48])))
    write("pcx-p4-planes-even-stride.pcx", pcx(w, h, 1, 4, bit_planes(p16arr, 4, s16 + 1), version=5, stride=s16 + 1, palette16=bytes(p16.getpalette()[:48])))
    write("pcx-p4-planes-narrow.pcx", pcx(3, 5, 1, 4, bit_planes(p16arr[:5, :3], 4, 2), version=2, stride=2, palette16=bytes(p16.getpalette()[:48])))
    write("pcx-p2-planes.pcx", pcx(w, h, 1, 2, bit_planes(p4arr, 2, s16), version=3, stride=s16, palette16=bytes(p4.getpalette()[:12])))
    grey_trailer = b"\x0c" + bytes(v for i in range(256) for v in (i, i, i))
    write("pcx-8-grey-trailer.pcx", pcx(w, h, 8, 1, [bytes(r) for r in garr], trailer=grey_trailer))
    write("pcx-8-no-trailer-marker.pcx", pcx(w, h, 8, 1, [bytes(r) for r in garr], trailer=b"\x0b" + bytes(768)))
    write("pcx-rgb-header-stride-odd.pcx", pcx(w, h, 8, 3, [b"".join(bytes(arr[y, :, c]) for c in range(3)) for y in range(h)], stride=w))
    # Data that stops with the last line does not need the trailer's bytes; data that is short reads into them.
    lines = [bytes(r) for r in garr[:4, :8]]
    write("pcx-8-data-runs-into-trailer.pcx", pcx(8, 4, 8, 1, lines, encoded=b"".join(pcx_rle(x) for x in lines[:3]), trailer=b"\x0c" + bytes(range(256)) * 3))
    write("pcx-run-across-lines.pcx", pcx(8, 2, 8, 1, [], encoded=bytes([0xC0 | 12, 7, 0xC0 | 4, 9]), trailer=grey_trailer), "refused")
    with open(os.path.join(RARE, "pcx-rgb.pcx"), "rb") as f:
        pcx_rgb = f.read()
    write("pcx-truncated.pcx", pcx_rgb[: len(pcx_rgb) // 2], "refused")
    write("pcx-8-short-file.pcx", pcx(4, 4, 8, 1, [bytes(4)] * 4), "refused")  # seek(-769, SEEK_END) fails
    write("pcx-4-bit-1-plane.pcx", pcx(4, 4, 4, 1, [bytes(2)] * 4), "refused")
    bad = pcx(4, 4, 8, 3, [bytes(12)] * 4)
    write("pcx-bad-size.pcx", bad[:4] + struct.pack("<H", 10) + bad[6:], "refused")  # xmin past xmax: SyntaxError, and TGA rejects it too

    # DCX: page 0 of a directory of PCX pages.
    page1 = pcx_rgb
    with open(os.path.join(RARE, "pcx-p.pcx"), "rb") as f:
        page2 = f.read()
    table = struct.pack("<IIII", 0x3ADE68B1, 16, 16 + len(page1), 0)
    write("dcx-two-pages.dcx", table + page1 + page2)
    with open(os.path.join(RARE, "pcx-1.pcx"), "rb") as f:
        page_1bit = f.read()
    write("dcx-1-bit.dcx", struct.pack("<III", 0x3ADE68B1, 12, 0) + page_1bit)
    # An 8-bit page: PcxImageFile seeks back to byte 128 of the file, not of the page, and decodes from there.
    with open(os.path.join(RARE, "pcx-l.pcx"), "rb") as f:
        page_l = f.read()
    write("dcx-8-bit-reads-from-128.dcx", struct.pack("<III", 0x3ADE68B1, 12, 0) + page_l, "refused")
    literal = [bytes((x * 7 + y * 3) % 190 for x in range(10)) for y in range(6)]
    write("dcx-8-bit-shifted.dcx", struct.pack("<III", 0x3ADE68B1, 12, 0) + pcx(10, 6, 8, 1, literal, trailer=b"\x0c" + bytes(range(256)) * 3))
    write("dcx-no-pages.dcx", struct.pack("<II", 0x3ADE68B1, 0) + page1, "refused")
    write("dcx-directory-truncated.dcx", struct.pack("<II", 0x3ADE68B1, 12), "refused")

    # ICO: Pillow's writer (PNG frames; BMP frames on request), then hand-made DIB frames with AND masks.
    icon = rgba.crop((0, 0, 21, 21))
    save("ico-png-sizes.ico", icon.resize((32, 32)), sizes=[(16, 16), (32, 32), (24, 24)])
    save("ico-bmp-32.ico", icon.resize((24, 24)), bitmap_format="bmp", sizes=[(24, 24), (16, 16)])
    mask = [pack_bits([1 if (x + y) % 3 == 0 else 0 for x in range(w)], 1) for y in range(h)]
    write("ico-dib-24.ico", ico([(w, h, 0, 24, dib(w, h, 24, [bytes(r[:, ::-1].tobytes()) for r in arr], and_rows=mask))]))
    write("ico-dib-8.ico", ico([(w, h, 0, 8, dib(w, h, 8, [bytes(r) for r in parr], bgrx(pal_rgb), mask, colors=200))]))
    write("ico-dib-4.ico", ico([(w, h, 16, 4, dib(w, h, 4, [pack_bits(r, 4) for r in p16arr], bgrx(p16_rgb), mask, colors=16))]))
    write("ico-dib-1-colour.ico", ico([(w, h, 2, 1, dib(w, h, 1, [pack_bits(r, 1) for r in bwarr], bgrx([(200, 30, 40), (10, 220, 90)]), mask, colors=2))]))
    write("ico-dib-1-black-white.ico", ico([(w, h, 2, 1, dib(w, h, 1, [pack_bits(r, 1) for r in bwarr], bgrx([(0, 0, 0), (255, 255, 255)]), mask, colors=2))]))
    write("ico-dib-32-alpha.ico", ico([(w, h, 0, 32, dib(w, h, 32, [bytes(r[:, [2, 1, 0, 3]].tobytes()) for r in aarr]))]))
    # Several frames: the largest wins; among equal sizes the lowest colour depth; 0 in the directory means 256.
    small24 = dib(8, 8, 24, [bytes(r[:8, ::-1].tobytes()) for r in arr[:8]])
    big8 = dib(w, h, 8, [bytes(r) for r in parr], bgrx(pal_rgb), mask, colors=200)
    big32 = dib(w, h, 32, [bytes(r[:, [2, 1, 0, 3]].tobytes()) for r in aarr])
    # 10.4 sorts by depth, then stably by area, largest first: the lowest depth of the largest frames, the first of equals.
    # 9.4 sorted by area ascending and reversed the list, taking the highest depth, the last of equals. So the
    # expectation is what Pillow makes of a file holding only the frame 10.4 picks (the same bytes).
    def only(name):
        return np.asarray(Image.open(os.path.join(RARE, name)).convert("RGB"))

    note = "10.4 takes the lowest colour depth (and the first) of the largest frames; 9.4 the highest (and the last)"
    write("ico-several-frames.ico", ico([(8, 8, 0, 24, small24), (w, h, 0, 32, big32), (w, h, 0, 8, big8)]), "image", note, only("ico-dib-8.ico"))
    dib4 = dib(w, h, 4, [pack_bits(r, 4) for r in p16arr], bgrx(p16_rgb), mask, colors=16)
    write("ico-depth-from-colours.ico", ico([(w, h, 0, 0, big32), (w, h, 16, 0, dib4)]), "image", note, only("ico-dib-4.ico"))
    flipped = dib(w, h, 24, [bytes(r[::-1, ::-1].tobytes()) for r in arr], and_rows=mask)
    write("ico-same-size-twice.ico", ico([(w, h, 0, 24, dib(w, h, 24, [bytes(r[:, ::-1].tobytes()) for r in arr], and_rows=mask)), (w, h, 0, 24, flipped)]), "image", note, only("ico-dib-24.ico"))
    write("ico-256-entry-smaller-frame.ico", ico([(w, h, 0, 24, dib(w, h, 24, [bytes(r[:, ::-1].tobytes()) for r in arr], and_rows=mask)), (256, 256, 0, 24, small24)]))
    write("ico-png-palette-frame.ico", ico([(8, 8, 0, 24, small24), (w, h, 0, 8, png_bytes(pal))]))
    write("ico-png-gray-frame.ico", ico([(w, h, 0, 8, png_bytes(gray))]))
    whole = dib(w, h, 24, [bytes(r[:, ::-1].tobytes()) for r in arr], and_rows=mask)
    write("ico-xor-truncated.ico", ico([(w, h, 0, 24, whole)])[: 6 + 16 + 40 + 200], "refused")
    stride24 = ((w * 24 + 31) >> 3) & ~3
    write("ico-mask-truncated.ico", ico([(w, h, 0, 24, whole)])[: 6 + 16 + 40 + stride24 * h + 8], "refused")
    write("ico-directory-truncated.ico", ico([(w, h, 0, 24, whole)])[:14], "refused")
    write("ico-32-truncated.ico", ico([(w, h, 0, 32, big32)])[: 6 + 16 + 40 + 4 * w * h - 4], "refused")

    # SGI: Pillow's writer (verbatim, 8-bit), then 16-bit and RLE by hand.
    save("sgi-rgb.sgi", rgb)
    save("sgi-rgba.sgi", rgba)
    save("sgi-l.sgi", gray)
    planes_rgb = np.stack([arr[:, :, c] for c in range(3)])
    planes_rgba = np.stack([aarr[:, :, c] for c in range(4)])
    write("sgi-rgb-16.sgi", sgi(w, h, 3, planes_rgb.astype(np.uint16) * 257 + 3, bpc=2))
    write("sgi-l-16.sgi", sgi(w, h, 1, (garr.astype(np.uint16) * 129)[None], bpc=2, dimension=2))
    write("sgi-rle-rgb.sgi", sgi(w, h, 3, None, rle=sgi_rle(planes_rgb)))
    write("sgi-rle-rgba.sgi", sgi(w, h, 4, None, rle=sgi_rle(planes_rgba)))
    posterized = (garr // 64 * 64).astype(np.uint8)[None]
    write("sgi-rle-l-runs.sgi", sgi(w, h, 1, None, dimension=2, rle=sgi_rle(posterized)))
    write("sgi-rle-rgb-16.sgi", sgi(w, h, 3, None, bpc=2, rle=sgi_rle((planes_rgb.astype(np.uint16) * 257) // 3 * 3, bpc=2)))
    # A row whose RLE ends early keeps the previous row's tail (the line buffer is never cleared).
    write("sgi-rle-short-row.sgi", sgi(w, h, 1, None, dimension=2, rle=sgi_rle(posterized, rows={(0, 5): bytes([0x83, 1, 2, 3, 0])})))
    # A row whose chunk count runs out on a non-zero chunk ends the image there, quietly; the rows after it stay black.
    write("sgi-rle-length-ends-early.sgi", sgi(w, h, 1, None, dimension=2, rle=sgi_rle(posterized, row_lengths={(0, 7): 1})))
    write("sgi-rle-run-too-long.sgi", sgi(w, h, 1, None, dimension=2, rle=sgi_rle(posterized, rows={(0, 3): bytes([w + 1, 9, 0])})), "refused")
    write("sgi-rle-tables-truncated.sgi", sgi(w, h, 3, None, rle=sgi_rle(planes_rgb))[: 512 + 8 * 3 * h - 4], "refused")
    with open(os.path.join(RARE, "sgi-rgb.sgi"), "rb") as f:
        sgi_rgb = f.read()
    write("sgi-truncated.sgi", sgi_rgb[:-40], "refused")
    write("sgi-16-truncated.sgi", sgi(w, h, 3, planes_rgb.astype(np.uint16) * 257, bpc=2)[:-2], "refused")
    write("sgi-bad-mode.sgi", sgi(w, h, 2, np.stack([garr, garr])), "refused")
    write("sgi-compression-2.sgi", b"\x01\xda\x02" + sgi_rgb[3:], "refused")
    # A copy that ends on the file's last byte is an overrun to Pillow (its bound is off by one).
    last = sgi(4, 1, 1, None, dimension=2, rle=struct.pack(">II", 520, 5) + bytes([0x84, 1, 2, 3, 4]))
    write("sgi-rle-copy-to-last-byte.sgi", last, "refused")
    write("sgi-rle-copy-then-zero.sgi", last + b"\0")

    # SUN raster: all by hand (Pillow has no writer).
    def rows_of(a, fn):
        return [fn(r) for r in a]

    write("sun-24-bgr.ras", sun(w, h, 24, sun_rows(rows_of(arr, lambda r: r[:, ::-1].tobytes()), (w * 24 + 15) // 16 * 2)))
    write("sun-24-rgb-type3.ras", sun(w, h, 24, sun_rows(rows_of(arr, lambda r: r.tobytes()), (w * 24 + 15) // 16 * 2), file_type=3))
    write("sun-32-bgrx.ras", sun(w, h, 32, sun_rows(rows_of(aarr, lambda r: r[:, [3, 2, 1, 0]].tobytes()), w * 4)))
    write("sun-32-rgbx-type3.ras", sun(w, h, 32, sun_rows(rows_of(aarr, lambda r: r.tobytes()), w * 4), file_type=3))
    write("sun-8-grey.ras", sun(w, h, 8, sun_rows(garr, (w * 8 + 15) // 16 * 2)))
    planar = lambda p: bytes(p[:, 0].tolist() + p[:, 1].tolist() + p[:, 2].tolist())  # noqa: E731
    write("sun-8-palette.ras", sun(w, h, 8, sun_rows(parr, (w * 8 + 15) // 16 * 2), palette=planar(pal_rgb)))
    write("sun-4-grey.ras", sun(w, h, 4, sun_rows(rows_of(p16arr, lambda r: pack_bits(r, 4)), (w * 4 + 15) // 16 * 2)))
    write("sun-4-palette.ras", sun(w, h, 4, sun_rows(rows_of(p16arr, lambda r: pack_bits(r, 4)), (w * 4 + 15) // 16 * 2), palette=planar(p16_rgb)))
    write("sun-1.ras", sun(w, h, 1, sun_rows(rows_of(bwarr, lambda r: pack_bits(r, 1)), (w + 15) // 16 * 2)))
    write("sun-rle-8-grey.ras", sun(w, h, 8, sun_rle((garr // 32 * 32).astype(np.uint8).tobytes()), file_type=2))
    write("sun-rle-24.ras", sun(w, h, 24, sun_rle((arr // 64 * 64).astype(np.uint8)[:, :, ::-1].tobytes()), file_type=2))
    write("sun-rle-run-across-lines.ras", sun(5, 3, 8, bytes([0x80, 6, 50, 0x80, 0, 1, 2, 0x80, 5, 200]), file_type=2))
    write("sun-rle-1.ras", sun(w, h, 1, sun_rle(b"".join(pack_bits(r, 1) for r in bwarr)), file_type=2))
    write("sun-palette-on-24.ras", sun(4, 4, 24, bytes(48), palette=bytes(6)), "refused")
    write("sun-palette-on-1.ras", sun(16, 2, 1, bytes(4), palette=bytes(6)), "refused")
    write("sun-palette-type-2.ras", sun(4, 4, 8, bytes(16), palette=bytes(6), palette_type=2), "refused")
    write("sun-palette-300-entries.ras", sun(4, 4, 8, bytes(16), palette=bytes(900)), "refused")
    write("sun-truncated.ras", sun(w, h, 24, bytes(100)), "refused")
    write("sun-rle-truncated.ras", sun(w, h, 8, bytes([0x80, 100, 7]), file_type=2), "refused")
    write("sun-depth-16.ras", sun(4, 4, 16, bytes(32)), "refused")
    write("sun-type-6.ras", sun(4, 4, 8, bytes(16), file_type=6), "refused")

    # XBM: Pillow's writer, then the header expression's and the hex decoder's corners.
    save("xbm.xbm", bw)

    def xbm_text(width, height, rows_bytes, hot=None, fmt="0x%02x", lead=b"", sep=b", "):
        head = lead + b"#define im_width %d\n#define im_height %d\n" % (width, height)
        if hot:
            head += b"#define im_x_hot %d\n#define im_y_hot %d\n" % hot
        return head + b"static char im_bits[] = {\n" + sep.join((fmt % b).encode() for b in rows_bytes) + b"\n};\n"

    lsb = [int(f"{v:08b}"[::-1], 2) for r in bwarr for v in pack_bits(r, 1)]
    write("xbm-hotspot-upper.xbm", xbm_text(w, h, lsb, hot=(3, 4), fmt="0x%02X", lead=b"  \n"))
    write("xbm-one-digit.xbm", xbm_text(w, h, [v >> 4 for v in lsb], fmt="0x%x"))
    write("xbm-crlf-bits-twice.xbm", b"#define a_width 9\r\n#define a_height 2\r\n/* x_bits[] */ static char x_bits[] = {0xff,0x01,0x0g,0xz7};")
    write("xbm-truncated.xbm", xbm_text(w, h, lsb[:-5]), "refused")
    write("xbm-zero-width.xbm", b"#define a_width 0\n#define a_height 2\nstatic char a_bits[] = {0x00};\n", "refused")
    write("xbm-no-bits.xbm", b"#define a_width 8\n#define a_height 2\nstatic char a_pixels[] = {0x00, 0x00};\n", "refused")

    # IM: Pillow's writer for its modes, then hand-made headers.
    for name, im in [
        ("im-rgb.im", rgb),
        ("im-l.im", gray),
        ("im-1.im", bw),
        ("im-p.im", pal),
        ("im-la.im", rgb.convert("LA")),
        ("im-rgba.im", rgba),
        ("im-rgbx.im", rgb.convert("RGBX")),
        ("im-cmyk.im", rgb.convert("CMYK")),
        ("im-i16.im", Image.fromarray((garr.astype(np.uint16) * 2).astype(np.uint16), "I;16")),
        ("im-i32.im", Image.fromarray(garr.astype(np.int32) * 3 - 200, "I")),
    ]:
        save(name, im)

    def im_file(lines, data, lut=b""):
        head = b"".join(x + b"\r\n" for x in lines)
        return head + b"\0" * (511 - len(head)) + b"\x1a" + lut + data

    flip = lambda a: np.ascontiguousarray(a[::-1])  # noqa: E731  (IM lines are stored bottom-up)
    grey_lut = bytes(range(256)) * 3
    odd_lut = bytes(255 - i for i in range(256)) * 3
    colour_lut = bytes((i * 37) % 256 for i in range(256)) + bytes((i * 91) % 256 for i in range(256)) + bytes((i * 53) % 256 for i in range(256))
    size = b"Image size (x*y): %d*%d" % (w, h)
    write("im-l-grey-lut-ignored.im", im_file([b"Image type: Greyscale image", size, b"Lut: 1"], flip(garr).tobytes(), odd_lut))
    write("im-l-colour-lut.im", im_file([b"Image type: Greyscale image", size, b"Lut: 1"], flip(parr).tobytes(), colour_lut))
    write("im-b4-colour-lut-8-bit.im", im_file([b"Image type: B4 image", size, b"Lut: 1"], flip(parr).tobytes(), colour_lut))
    write("im-b4-grey-lut.im", im_file([b"Image type: B4 image", size, b"Lut: 1"], b"".join(pack_bits(r, 4) for r in flip(p16arr)), grey_lut), "image", "10.4: a P image without a palette is black (9.4: a grey ramp)", np.zeros((h, w, 3), np.uint8))
    write("im-b2-no-lut.im", im_file([b"Image type: B2 image", size], b"".join(pack_bits(r, 2) for r in flip(p4arr))), "image", "10.4: a P image without a palette is black (9.4: a grey ramp)", np.zeros((h, w, 3), np.uint8))
    write("im-x24.im", im_file([b"Image type: X 24 image", size, b"Name: x24"], flip(arr).tobytes()))
    write("im-i16b.im", im_file([b"Image type: L 16B image", size], (flip(garr).astype(">u2") * 2).tobytes()))
    write("im-nul-then-junk.im", b"Image type: RGB image\n\rImage size (x*y): 4*2\r\n\0junk\x1a" + bytes(range(24)))
    write("im-comments-spaces.im", b"Comment: one\nImage type:\tGreyscale image\nComment: two\nImage size (x*y):  4 * 2\n\x1a" + bytes(range(0, 80, 10)))
    write("im-truncated.im", im_file([b"Image type: RGB image", size], flip(arr).tobytes()[:-10]), "refused")
    write("im-bad-line.im", b"Image type: RGB image\n*** not a header line\n\x1a" + bytes(24), "refused")
    write("im-pa-without-lut.im", im_file([b"Image type: PA image", b"Image size (x*y): 4*2"], bytes(16)), "refused")
    write("im-size-one-number.im", im_file([b"Image type: Greyscale image", b"Image size (x*y): 4"], bytes(16)), "refused")
    write("im-unknown-type.im", im_file([b"Image type: Purple image", b"Image size (x*y): 4*2"], bytes(16)), "refused")
    write("im-no-terminator.im", b"Image type: Greyscale image\nImage size (x*y): 4*2\n", "refused")
    write("im-lut-truncated.im", im_file([b"Image type: Greyscale image", b"Image size (x*y): 4*2", b"Lut: 1"], b"", b"\0" * 100), "refused")
    save("im-float.im", gray.convert("F"), "unreproducible")
    save("im-ycc.im", rgb.convert("YCbCr"), "unreproducible")

    # --- what Pillow makes of each -------------------------------------------------------
    images, refused, unreproducible = [], [], []
    for name, expect, note, expected in cases:
        path = os.path.join(RARE, name)
        try:
            src = Image.open(path)
            out = src.convert("RGB")
        except Exception as e:  # noqa: BLE001 - any failure is a skip on validators
            if expect != "refused":
                raise AssertionError(f"Pillow refuses {name}, meant as {expect}: {e!r}") from e
            message = f"{type(e).__name__}: {e}".replace(os.path.join(RARE, ""), "")
            refused.append({"file": "formats-rare/" + name, "pillow_9_4": message[:160]})
            continue
        if expect == "refused":
            raise AssertionError(f"Pillow opened {name}, which is meant to be refused")
        if expect == "unreproducible":
            unreproducible.append(name)
            continue
        entry = {"file": "formats-rare/" + name, "format": src.format, "mode": src.mode}
        if expected is not None:
            out = Image.fromarray(np.ascontiguousarray(expected), "RGB")
            entry["pillow_10_4"] = note
        entry["width"], entry["height"] = out.size
        entry["rgb_sha256"] = generate.sha256(out.tobytes())
        entry["resized_sha256"] = generate.sha256(out.resize((512, 512), generate.LANCZOS).tobytes())
        images.append(entry)
    generate.write_format_json(
        "formats-rare", "rare.json", "scripts/golden/formats_rare.py make_rare_format_goldens", images, unreproducible, refused
    )
    total = sum(os.path.getsize(os.path.join(RARE, n)) for n in os.listdir(RARE))
    print(f"{generate.rel(RARE)} holds {total} bytes")


if __name__ == "__main__":
    make_rare_format_goldens()
