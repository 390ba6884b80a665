"""JPEG 2000 and the TIFF modes decoded from their strips: the hard cases.

    /usr/bin/python3 -c 'import sys; sys.path.insert(0, "scripts/golden"); import formats_jp2_tiff; formats_jp2_tiff.make_jp2_tiff_goldens()'

Writes __tests__/fixtures/golden/formats-jp2-tiff/ and jp2-tiff.json in the
schema of formats/formats.json. Expectations are Debian's Pillow (OpenJPEG
2.5.0, libtiff 4.5); where Pillow 10.4 differs, the expectation is computed
from the source samples and the entry says so in "pillow_10_4". Needs
opj_compress (Debian's libopenjp2-tools) for precisions Pillow cannot write,
and tiffcp (libtiff-tools) for LZW/Deflate/PackBits strips and predictors.
"""

import os
import subprocess

import numpy as np
from PIL import Image

from generate import BIG, OUT, _tiff, fresh_dir, pillow_outcomes, write_format_json

DIR = os.path.join(OUT, "formats-jp2-tiff")


def make_jp2_tiff_goldens():
    fresh_dir(DIR)
    big = Image.open(BIG).convert("RGB")
    rgb = big.crop((700, 300, 1001, 503))  # 301x203: odd, several code-blocks and tiles
    small = big.crop((760, 330, 857, 391))  # 97x61
    arr, sarr = np.asarray(rgb), np.asarray(small)
    sgray = np.asarray(small.convert("L"))
    h, w = sgray.shape
    cases, unreproducible, refused = [], [], []
    path = lambda name: os.path.join(DIR, name)  # noqa: E731

    def opj(name, samples, precision, extra=()):
        """opj_compress from a PGM/PPM whose maxval sets the precision (lossless unless extra says -I)."""
        colour = samples.ndim == 3
        inp = path("in.ppm" if colour else "in.pgm")
        hh, ww = samples.shape[:2]
        with open(inp, "wb") as f:
            f.write(b"P%d\n%d %d\n%d\n" % (6 if colour else 5, ww, hh, (1 << precision) - 1))
            f.write(samples.astype(">u2" if precision > 8 else np.uint8).tobytes())
        subprocess.run(["opj_compress", "-i", inp, "-o", path(name), *extra], check=True, capture_output=True)
        os.remove(inp)

    def tiffcp(src, name, *opts):
        subprocess.run(["tiffcp", *opts, path(src), path(name)], check=True, capture_output=True)

    # JPEG 2000 written by Pillow (OpenJPEG): lossless 5/3, lossy 9/7 (float wavelet), tiles, layers, codestreams.
    rgb.save(path("jp2-rgb-lossless.jp2"))
    rgb.save(path("jp2-rgb-lossy.jp2"), irreversible=True, quality_mode="rates", quality_layers=[25])
    rgb.save(path("jp2-rgb-tiles-layers.jp2"), irreversible=True, tile_size=(64, 64), quality_mode="rates", quality_layers=[60, 20, 8], progression="RPCL", num_resolutions=4)
    rgb.convert("L").save(path("j2k-gray-lossy.j2k"), irreversible=True, quality_mode="dB", quality_layers=[36], no_jp2=True)
    rgb.save(path("j2k-rgb-lossy-cblk16.j2k"), irreversible=True, codeblock_size=(16, 16), precinct_size=(32, 32), no_jp2=True)
    Image.fromarray((sgray.astype(np.uint16) * 257 - 3000).clip(0).astype(np.uint16), "I;16").save(path("jp2-gray16.jp2"))
    cases += ["jp2-rgb-lossless.jp2", "jp2-rgb-lossy.jp2", "jp2-rgb-tiles-layers.jp2", "j2k-gray-lossy.j2k", "j2k-rgb-lossy-cblk16.j2k", "jp2-gray16.jp2"]
    # Precisions Pillow shifts: 4 bits (left), 9 bits in JP2 (mode L: rounded right shift, 511 wraps to 0), 12 bits (I;16).
    opj("j2k-gray4.j2k", sgray >> 4, 4)
    opj("jp2-rgb4.jp2", sarr >> 4, 4)
    nine = sgray.astype(np.uint16) * 2 + 1
    opj("jp2-gray9.jp2", nine, 9)
    opj("j2k-gray12-lossy.j2k", sgray.astype(np.uint16) * 16, 12, ["-I", "-r", "8"])
    cases += ["j2k-gray4.j2k", "jp2-rgb4.jp2", "jp2-gray9.jp2", "j2k-gray12-lossy.j2k"]
    # A 9-bit codestream: 10.4 opens it as I;16 (sample << 7, clipped at 255), 9.4 as L; lossless, so from the samples.
    opj("j2k-gray9.j2k", nine, 9)
    nine_104 = np.minimum(255, (nine.astype(np.uint32) << 7) & 0xFFFF).astype(np.uint8)
    cases.append(("j2k-gray9.j2k", "10.4 reads a 9-bit codestream as I;16 (9.4: L)", np.stack([nine_104] * 3, -1)))
    # Not reproduced: 4 components, a YCC colour box (the wasm wrapper converts it, Pillow does not), 12-bit colour.
    small.convert("RGBA").save(path("jp2-rgba.jp2"))
    opj("jp2-rgb-sycc.jp2", sarr, 8, ["-mct", "0"])
    with open(path("jp2-rgb-sycc.jp2"), "rb") as f:
        sycc = f.read()
    with open(path("jp2-rgb-sycc.jp2"), "wb") as f:  # its colour box says sYCC (18); Pillow ignores colour boxes
        f.write(sycc.replace(b"colr\x01\x00\x00\x00\x00\x00\x10", b"colr\x01\x00\x00\x00\x00\x00\x12", 1))
    opj("jp2-rgb12.jp2", sarr.astype(np.uint16) * 16, 12)
    unreproducible += ["jp2-rgba.jp2", "jp2-rgb-sycc.jp2", "jp2-rgb12.jp2"]
    with open(path("jp2-rgb-lossy.jp2"), "rb") as f:
        lossy = f.read()
    with open(path("jp2-truncated.jp2"), "wb") as f:
        f.write(lossy[: len(lossy) // 2])
    refused.append("jp2-truncated.jp2")

    # TIFF with associated alpha: every codec Pillow's libtiff decodes here, a predictor, strips, byte orders, alpha 0 and 255.
    rgba = np.asarray(small.convert("RGBA")).copy()
    rgba[:, :, 3] = (np.arange(w)[None, :] * 255 // (w - 1)).astype(np.uint8)
    rgba[h // 2 :, :5, 3] = 0
    pre = (rgba.astype(np.uint16) * rgba[:, :, 3:4] // 255).astype(np.uint8)
    pre[h // 2 :, :5, :3] = 7  # colour under alpha 0: Pillow's unpacker makes it 0
    _tiff(path("tiff-rgba-assoc-raw.tif"), pre, 2, (8, 8, 8, 8), extra=(1,))
    _tiff(path("tiff-rgba-assoc-big-endian.tif"), pre, 2, (8, 8, 8, 8), extra=(1,), big_endian=True, orientation=6)
    tiffcp("tiff-rgba-assoc-raw.tif", "tiff-rgba-assoc-lzw.tif", "-c", "lzw", "-r", "7")
    tiffcp("tiff-rgba-assoc-raw.tif", "tiff-rgba-assoc-lzw-predictor.tif", "-c", "lzw:2")
    tiffcp("tiff-rgba-assoc-raw.tif", "tiff-rgba-assoc-deflate.tif", "-c", "zip:2", "-r", "16")
    tiffcp("tiff-rgba-assoc-raw.tif", "tiff-rgba-assoc-packbits.tif", "-c", "packbits")
    cases += [f"tiff-rgba-assoc-{k}.tif" for k in ("raw", "big-endian", "lzw", "lzw-predictor", "deflate", "packbits")]
    tiffcp("tiff-rgba-assoc-raw.tif", "tiff-rgba-assoc-tiled.tif", "-t", "-w", "16", "-l", "16")
    unreproducible.append("tiff-rgba-assoc-tiled.tif")

    # Float grey: below 0, above 255, fractions (truncated), NaN and infinities; both byte orders, Deflate.
    f = sgray.astype(np.float32) * 1.7 - 60.25
    f[0, :4] = [np.nan, np.inf, -np.inf, 254.999]
    _tiff(path("tiff-float-range.tif"), f[:, :, None], 1, (32,), sample_format=(3,))
    _tiff(path("tiff-float-big-endian.tif"), f[:, :, None], 1, (32,), sample_format=(3,), big_endian=True)
    tiffcp("tiff-float-range.tif", "tiff-float-deflate.tif", "-c", "zip")
    cases += ["tiff-float-range.tif", "tiff-float-big-endian.tif", "tiff-float-deflate.tif"]
    tiffcp("tiff-float-range.tif", "tiff-float-predictor3.tif", "-c", "zip:3")
    unreproducible.append("tiff-float-predictor3.tif")

    cases = [case if isinstance(case, tuple) else (case, None, None) for case in cases]
    images, pillow_refuses = pillow_outcomes("formats-jp2-tiff", cases, unreproducible, refused)
    write_format_json(
        "formats-jp2-tiff", "jp2-tiff.json", "scripts/golden/formats_jp2_tiff.py make_jp2_tiff_goldens", images, unreproducible, pillow_refuses
    )


if __name__ == "__main__":
    make_jp2_tiff_goldens()
