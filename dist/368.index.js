export const id = 368;
export const ids = [368];
export const modules = {

/***/ 45697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ PixelBudget)
/* harmony export */ });
/* unused harmony export DECODE_BUDGET_MEGAPIXELS */
/**
 * A bound on the pixels being decoded at once, over every thread. A decode
 * holds the whole image in memory (3 bytes a pixel, plus the decoder's and
 * the resampler's working copies); four 169-megapixel images decoded at
 * once took 2.9 GB. Each decode first takes its pixel count from the
 * budget and gives it back when its pixels are resampled; an image larger
 * than the whole budget waits until it has the budget to itself. The count
 * lives in shared memory, so the workers share one budget.
 */
/**
 * Megapixels decoded at once, over all threads: about 450 MB of decoding at
 * ~4.5 bytes a pixel. A dermoscopy image has 2 to 12 megapixels, so only
 * unusually large images ever wait.
 */
const DECODE_BUDGET_MEGAPIXELS = 100;
/** How long one wait lasts before looking again (a give-back always wakes the waiters; this is a safety net). */
const WAIT_MS = 1000;
/** The shared counters: megapixels taken, the next ticket, the ticket being served. */
const TAKEN = 0;
const NEXT = 1;
const SERVING = 2;
/** Taken in ticket order, so that a large image is not passed over forever by the small ones behind it. */
class PixelBudget {
    shared;
    limit;
    /** Pass `shared` to another thread to share the budget. */
    constructor(shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)), limit = DECODE_BUDGET_MEGAPIXELS) {
        this.shared = shared;
        this.limit = limit;
    }
    /** Waits until `pixels` fit (all of the budget, for an image larger than it); resolves to the function that gives them back. */
    async take(pixels) {
        const units = Math.min(this.limit, Math.max(1, Math.ceil(pixels / 1e6)));
        const ticket = Atomics.add(this.shared, NEXT, 1);
        for (;;) {
            const serving = Atomics.load(this.shared, SERVING);
            const taken = Atomics.load(this.shared, TAKEN);
            if (serving === ticket && taken + units <= this.limit)
                break;
            // The head waits for pixels to come back, the others for their turn.
            const [index, seen] = serving === ticket ? [TAKEN, taken] : [SERVING, serving];
            const waited = Atomics.waitAsync(this.shared, index, seen, WAIT_MS);
            if (waited.async)
                await waited.value;
        }
        Atomics.add(this.shared, TAKEN, units);
        Atomics.add(this.shared, SERVING, 1);
        Atomics.notify(this.shared, SERVING);
        let given = false;
        return () => {
            if (given)
                return;
            given = true;
            Atomics.sub(this.shared, TAKEN, units);
            Atomics.notify(this.shared, TAKEN);
        };
    }
}


/***/ }),

/***/ 85520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ preparePixels)
});

// UNUSED EXPORTS: preprocessImage

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
;// CONCATENATED MODULE: ./src/preprocess/formats/errors.ts
/**
 * The two ways an image can fail other than being corrupt for everyone, each
 * with the sentence decode.ts puts into the ImageError. They are thrown by the
 * sniffer and the format decoders, and never leave src/preprocess.
 */
/** Pillow 10.4 raises on open or load: the validator skips the image, then fails the package for every model. */
class PillowRefuses extends Error {
    what;
    constructor(what) {
        super(`Pillow 10.4 cannot open this file (${what})`);
        this.what = what;
    }
}
/** Pillow opens the image, but this tool cannot promise Pillow's pixels for it, so it refuses rather than guess. */
class CannotReproduce extends Error {
    what;
    constructor(what) {
        super(`cannot reproduce Pillow's pixels for ${what}: convert it to PNG`);
        this.what = what;
    }
}
/** Pillow's `_decompression_bomb_check`: more than 2 * MAX_IMAGE_PIXELS raises DecompressionBombError. */
const PILLOW_MAX_PIXELS = 2 * 89478485;
function checkPixelLimit(width, height) {
    if (Math.max(1, width) * Math.max(1, height) > PILLOW_MAX_PIXELS) {
        throw new PillowRefuses(`${width}x${height} is more than ${PILLOW_MAX_PIXELS} pixels, a DecompressionBombError`);
    }
}

;// CONCATENATED MODULE: ./src/preprocess/formats/pixels.ts
/**
 * "P" -> "RGB". `palette` holds the file's entries as RGB triples. Pillow
 * 10.4 keeps a short palette short and the entries past it are 0 (calloc in
 * ImagingPaletteNew); 9.4 filled them with a grey ramp. 10.4 wins.
 */
function paletteToRgb(width, height, indices, palette) {
    const table = new Uint8Array(256 * 3);
    table.set(palette.subarray(0, Math.min(palette.length - (palette.length % 3), 256 * 3)));
    const out = new Uint8Array(width * height * 3);
    for (let i = 0, o = 0; i < width * height; i++, o += 3) {
        const p = indices[i] * 3;
        out[o] = table[p];
        out[o + 1] = table[p + 1];
        out[o + 2] = table[p + 2];
    }
    return { width, height, data: out };
}
/** "L" (and "1", whose samples are already 0 or 255) -> "RGB". */
function grayToRgb(width, height, gray) {
    const out = new Uint8Array(width * height * 3);
    for (let i = 0, o = 0; i < width * height; i++, o += 3)
        out[o] = out[o + 1] = out[o + 2] = gray[i];
    return { width, height, data: out };
}
/** Pillow's "I" and "I;16" -> "RGB" (i2rgb, I16_RGB): clipped to 0..255, not scaled. */
function clipTo255(v) {
    return v <= 0 ? 0 : v >= 255 ? 255 : v;
}
/** Pillow's cmyk2rgb: nk = 255 - K, channel = nk - C*nk/255 (MULDIV255 rounding). */
function cmykToRgb(width, height, cmyk) {
    const out = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
        const nk = 255 - cmyk[i * 4 + 3];
        for (let c = 0; c < 3; c++) {
            const t = cmyk[i * 4 + c] * nk + 128;
            out[i * 3 + c] = Math.max(0, nk - (((t >> 8) + t) >> 8));
        }
    }
    return { width, height, data: out };
}
/**
 * ImageOps.exif_transpose's mapping of the TIFF/EXIF Orientation value to a
 * transpose (2 mirror, 3 rotate 180, 4 flip, 5 transpose, 6 rotate 270,
 * 7 transverse, 8 rotate 90); other values leave the image as it is.
 */
function orient(image, orientation) {
    if (orientation < 2 || orientation > 8)
        return image;
    const { width: w, height: h, data } = image;
    const swap = orientation >= 5;
    const ow = swap ? h : w;
    const oh = swap ? w : h;
    const out = new Uint8Array(data.length);
    for (let y = 0; y < oh; y++) {
        for (let x = 0; x < ow; x++) {
            // The source pixel (sx, sy) that lands on (x, y).
            let sx;
            let sy;
            switch (orientation) {
                case 2:
                    [sx, sy] = [w - 1 - x, y];
                    break;
                case 3:
                    [sx, sy] = [w - 1 - x, h - 1 - y];
                    break;
                case 4:
                    [sx, sy] = [x, h - 1 - y];
                    break;
                case 5:
                    [sx, sy] = [y, x];
                    break;
                case 6:
                    [sx, sy] = [y, h - 1 - x];
                    break;
                case 7:
                    [sx, sy] = [w - 1 - y, h - 1 - x];
                    break;
                default:
                    [sx, sy] = [w - 1 - y, x];
                    break;
            }
            const s = (sy * w + sx) * 3;
            const o = (y * ow + x) * 3;
            out[o] = data[s];
            out[o + 1] = data[s + 1];
            out[o + 2] = data[s + 2];
        }
    }
    return { width: ow, height: oh, data: out };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/raw.ts
/**
 * Pillow's "raw" decoder (libImaging/RawDecode.c) and the line unpackers
 * (Unpack.c) the pure-TS format decoders need. A raw tile is `rows` lines of
 * `lineBytes` bytes, `stride` apart (0: packed), bottom-up when `ystep` is -1;
 * the last line needs no padding after it, and data short of that is
 * Pillow's "image file is truncated".
 */

/** Bits each rawmode takes per pixel, as registered in Unpack.c. */
const RAW_BITS = {
    "1": 1,
    "1;I": 1,
    "1;8": 8,
    "P;1": 1,
    "P;2": 2,
    "P;4": 4,
    "L;4": 4,
    P: 8,
    L: 8,
    "BGR;15": 16,
    "BGR;16": 16,
    "BGRA;15Z": 16,
    BGR: 24,
    RGB: 24,
    BGRX: 32,
    RGBX: 32,
    XBGR: 32,
    BGXR: 32,
    ABGR: 32,
    RGBA: 32,
    BGRA: 32,
    BGAR: 32,
    LA: 16,
};
function rawBits(rawmode) {
    const bits = RAW_BITS[rawmode];
    if (bits === undefined)
        throw new Error(`no unpacker for rawmode ${rawmode}`);
    return bits;
}
/**
 * Where each of a raw tile's lines starts in `data`. Throws Pillow's
 * failures: a stride shorter than a line (IMAGING_CODEC_CONFIG) and data
 * ending before the last line (truncated).
 */
function rawLines(what, data, offset, width, rows, rawmode, stride, ystep) {
    const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
    const step = stride || lineBytes;
    if (step < lineBytes)
        throw new PillowRefuses(`${what}: rows of ${stride} bytes are shorter than ${width} pixels need`);
    if (offset + (rows - 1) * step + lineBytes > data.length)
        throw new PillowRefuses(`${what}: image file is truncated`);
    const starts = new Int32Array(rows);
    for (let i = 0; i < rows; i++)
        starts[ystep === 1 ? i : rows - 1 - i] = offset + i * step;
    return { lineBytes, starts };
}
/** One byte per pixel for "1", "1;I", "1;8", "P;n", "P" and "L" lines ("1" as 0/255, as Pillow's mode "1" holds it). */
function unpackIndexLine(rawmode, src, at, width, out, outAt) {
    switch (rawmode) {
        case "1":
        case "1;I": {
            const [on, off] = rawmode === "1" ? [255, 0] : [0, 255];
            for (let x = 0; x < width; x++)
                out[outAt + x] = src[at + (x >> 3)] & (128 >> (x & 7)) ? on : off;
            return;
        }
        case "1;8":
            for (let x = 0; x < width; x++)
                out[outAt + x] = src[at + x] ? 255 : 0;
            return;
        case "P;1":
        case "P;2":
        case "P;4": {
            const bits = rawBits(rawmode);
            const perByte = 8 / bits;
            const mask = (1 << bits) - 1;
            for (let x = 0; x < width; x++) {
                const shift = 8 - bits * ((x % perByte) + 1);
                out[outAt + x] = (src[at + Math.floor(x / perByte)] >> shift) & mask;
            }
            return;
        }
        default:
            out.set(src.subarray(at, at + width), outAt);
    }
}
/** Byte offsets of R, G and B within a pixel for the byte-aligned colour rawmodes. */
const RGB_AT = {
    BGR: [2, 1, 0],
    RGB: [0, 1, 2],
    BGRX: [2, 1, 0],
    BGRA: [2, 1, 0],
    XBGR: [3, 2, 1],
    ABGR: [3, 2, 1],
    BGXR: [3, 1, 0],
    BGAR: [3, 1, 0],
    RGBA: [0, 1, 2],
};
/** RGB triples for the colour rawmodes; alpha and padding are dropped as convert("RGB") drops them. */
function unpackRgbLine(rawmode, src, at, width, out, outAt) {
    if (rawmode === "BGR;15" || rawmode === "BGR;16" || rawmode === "BGRA;15Z") {
        // ImagingUnpackBGR15/16: little-endian 16-bit words, scaled by v * 255 / max in integers.
        const sixteen = rawmode === "BGR;16";
        for (let x = 0; x < width; x++) {
            const p = src[at + 2 * x] | (src[at + 2 * x + 1] << 8);
            const o = outAt + 3 * x;
            out[o + 2] = Math.trunc(((p & 31) * 255) / 31);
            if (sixteen) {
                out[o + 1] = Math.trunc((((p >> 5) & 63) * 255) / 63);
                out[o] = Math.trunc((((p >> 11) & 31) * 255) / 31);
            }
            else {
                out[o + 1] = Math.trunc((((p >> 5) & 31) * 255) / 31);
                out[o] = Math.trunc((((p >> 10) & 31) * 255) / 31);
            }
        }
        return;
    }
    const [r, g, b] = RGB_AT[rawmode] ?? [0, 1, 2];
    const size = rawBits(rawmode) / 8;
    for (let x = 0, s = at, o = outAt; x < width; x++, s += size, o += 3) {
        out[o] = src[s + r];
        out[o + 1] = src[s + g];
        out[o + 2] = src[s + b];
    }
}

;// CONCATENATED MODULE: ./src/preprocess/formats/bmp.ts



const RAW = 0;
const RLE8 = 1;
const RLE4 = 2;
const BITFIELDS = 3;
const BIT2RAWMODE = { 1: "P;1", 4: "P;4", 8: "P", 16: "BGR;15", 24: "BGR", 32: "BGRX" };
/** Pillow's MASK_MODES: (bits, masks) -> rawmode; any other layout raises "Unsupported BMP bitfields layout". */
const MASK_MODES = {
    "32:ff0000,ff00,ff,0": "BGRX",
    "32:ff000000,ff0000,ff00,0": "XBGR",
    "32:ff000000,ff00,ff,0": "BGXR",
    "32:ff000000,ff0000,ff00,ff": "ABGR",
    "32:ff,ff00,ff0000,ff000000": "RGBA",
    "32:ff0000,ff00,ff,ff000000": "BGRA",
    "32:ff000000,ff00,ff,ff0000": "BGAR",
    "32:0,0,0,0": "BGRA",
    "24:ff0000,ff00,ff": "BGR",
    "16:f800,7e0,1f": "BGR;16",
    "16:7c00,3e0,1f": "BGR;15",
};
class Reader {
    data;
    pos;
    constructor(data, start) {
        this.data = data;
        this.pos = start;
    }
    /** Python's fp.read(n): at most n bytes, fewer at the end of the file. */
    read(n) {
        const out = this.data.subarray(this.pos, Math.min(this.pos + n, this.data.length));
        this.pos += out.length;
        return out;
    }
    u32() {
        const b = this.read(4);
        if (b.length < 4)
            throw new PillowRefuses("BMP: the header is truncated");
        return u32(b, 0);
    }
}
const u16 = (b, at) => b[at] | (b[at + 1] << 8);
const u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** `dib`: a bare DIB (Pillow's "DIB" format, header at byte 0); otherwise a BMP file ("BM" + 14-byte file header). */
function decodeBmp(data, dib) {
    return bitmap(data, dib, 0, false).image;
}
/**
 * An ICO frame's DIB, as IcoFile.frame reads it: DibImageFile at `start`
 * (the file's absolute positions, as its fp has them), then only the top
 * half of the height the header gives (the rest is the AND mask), as
 * `im._size = (w, int(h / 2))` does. `pixels` is where the XOR rows start.
 */
function decodeIconDib(data, start) {
    return bitmap(data, true, start, true);
}
function bitmap(data, dib, at, icon) {
    const fp = new Reader(data, at);
    let offset = 0;
    if (!dib) {
        const head = fp.read(14);
        if (head.length < 14)
            throw new PillowRefuses("BMP: the file header is truncated");
        offset = u32(head, 10);
    }
    const headerSize = fp.u32();
    if (headerSize - 4 > 0 && fp.pos + headerSize - 4 > data.length)
        throw new PillowRefuses("BMP: the info header is truncated");
    const h = fp.read(Math.max(0, headerSize - 4));
    let width;
    let height;
    let bits;
    let compression = RAW;
    let colors = 0;
    let paletteSize = 4;
    let direction = -1;
    let rgbaMask = [];
    if (headerSize === 12) {
        width = u16(h, 0);
        height = u16(h, 2);
        bits = u16(h, 6);
        paletteSize = 3;
    }
    else if ([40, 52, 56, 64, 108, 124].includes(headerSize)) {
        const yFlip = h[7] === 0xff;
        direction = yFlip ? 1 : -1;
        width = u32(h, 0);
        height = yFlip ? 2 ** 32 - u32(h, 4) : u32(h, 4);
        bits = u16(h, 10);
        compression = u32(h, 12);
        colors = u32(h, 28);
        if (compression === BITFIELDS) {
            if (h.length >= 48) {
                rgbaMask = [u32(h, 36), u32(h, 40), u32(h, 44), h.length >= 52 ? u32(h, 48) : 0];
            }
            else {
                // A 40-byte header keeps its three masks after it; the fourth RGBQUAD byte is not alpha.
                rgbaMask = [fp.u32(), fp.u32(), fp.u32(), 0];
            }
        }
    }
    else {
        throw new PillowRefuses(`BMP: unsupported header type (${headerSize})`);
    }
    const what = dib ? "DIB" : "BMP";
    checkPixelLimit(width, height);
    if (width <= 0 || height <= 0)
        throw new PillowRefuses(`${what}: ${width}x${height} pixels`);
    if (icon) {
        height = Math.floor(height / 2);
        // A frame 0 rows high: IcoImageFile's size check raises SyntaxError, and no later plugin takes the ICO magic.
        if (height === 0)
            throw new PillowRefuses("ICO: a frame less than 2 rows high");
    }
    if (!colors)
        colors = 2 ** bits;
    if (offset === 14 + headerSize && bits <= 8)
        offset += 4 * colors;
    let rawmode = BIT2RAWMODE[bits];
    if (rawmode === undefined)
        throw new PillowRefuses(`${what}: unsupported pixel depth (${bits})`);
    let rle = false;
    if (compression === BITFIELDS) {
        const key = (masks) => `${bits}:${masks.map((m) => m.toString(16)).join(",")}`;
        const found = bits === 32 ? MASK_MODES[key(rgbaMask)] : bits === 24 || bits === 16 ? MASK_MODES[key(rgbaMask.slice(0, 3))] : undefined;
        if (found === undefined)
            throw new PillowRefuses(`${what}: unsupported bitfields layout`);
        rawmode = found;
    }
    else if (compression === RLE8 || compression === RLE4) {
        rle = true;
    }
    else if (compression !== RAW) {
        throw new PillowRefuses(`${what}: unsupported compression (${compression}${compression === 4 ? ", JPEG" : compression === 5 ? ", PNG" : ""})`);
    }
    let mode = bits <= 8 ? "P" : "RGB";
    let palette;
    if (mode === "P") {
        if (!(colors > 0 && colors <= 65536))
            throw new PillowRefuses(`${what}: unsupported palette size (${colors})`);
        const raw = fp.read(paletteSize * colors);
        const indices = colors === 2 ? [0, 255] : Array.from({ length: colors }, (_, i) => i);
        const grayscale = indices.every((val, ind) => {
            const at = ind * paletteSize;
            return at + 3 <= raw.length && raw[at] === (val & 255) && raw[at + 1] === (val & 255) && raw[at + 2] === (val & 255);
        });
        if (grayscale) {
            // Pillow then reads the pixels with rawmode "1" or "L" whatever the bit depth.
            mode = colors === 2 ? "1" : "L";
            rawmode = mode;
        }
        else {
            // putpalette unpacks whole entries and refuses more than 256 of them ("invalid palette size").
            const entries = Math.floor((raw.length * 8) / (paletteSize * 8));
            if (entries > 256)
                throw new PillowRefuses(`${what}: a palette of ${entries} colours`);
            palette = new Uint8Array(entries * 3);
            for (let i = 0; i < entries; i++) {
                palette[i * 3] = raw[i * paletteSize + 2];
                palette[i * 3 + 1] = raw[i * paletteSize + 1];
                palette[i * 3 + 2] = raw[i * paletteSize];
            }
        }
    }
    const start = offset || fp.pos;
    if (rle) {
        if (mode !== "P" && mode !== "L")
            throw new PillowRefuses(`${what}: RLE data for a ${mode} image`);
        const indices = decodeRle(data, start, width, height, compression === RLE4, direction);
        return { image: palette ? paletteToRgb(width, height, indices, palette) : grayToRgb(width, height, indices), pixels: start };
    }
    const stride = ((width * bits + 31) >> 3) & ~3;
    const { starts } = rawLines(what, data, start, width, height, rawmode, stride, direction);
    if (mode === "RGB") {
        const out = new Uint8Array(width * height * 3);
        for (let y = 0; y < height; y++)
            unpackRgbLine(rawmode, data, starts[y], width, out, y * width * 3);
        return { image: { width, height, data: out }, pixels: start };
    }
    rawBits(rawmode);
    const indices = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
        unpackIndexLine(rawmode, data, starts[y], width, indices, y * width);
    return { image: palette ? paletteToRgb(width, height, indices, palette) : grayToRgb(width, height, indices), pixels: start };
}
/** BmpRleDecoder.decode, then set_as_raw(data, (rawmode, 0, direction)): one index byte per pixel. */
function decodeRle(file, start, width, height, rle4, direction) {
    const dest = width * height;
    // Grows like Python's bytearray; an absolute run may overshoot the image, which set_as_raw ignores.
    let data = new Uint8Array(dest + 512);
    let length = 0;
    const push = (value, count) => {
        if (length + count > data.length) {
            const bigger = new Uint8Array(Math.max(data.length * 2, length + count));
            bigger.set(data.subarray(0, length));
            data = bigger;
        }
        data.fill(value, length, length + count);
        length += count;
    };
    let pos = start;
    let x = 0;
    while (length < dest) {
        if (pos + 2 > file.length)
            break;
        let count = file[pos];
        const byte = file[pos + 1];
        pos += 2;
        if (count) {
            if (x + count > width)
                count = Math.max(0, width - x);
            if (rle4) {
                for (let i = 0; i < count; i++)
                    push(i % 2 === 0 ? byte >> 4 : byte & 0x0f, 1);
            }
            else {
                push(byte, count);
            }
            x += count;
        }
        else if (byte === 0) {
            // End of line: pad to the row's end.
            if (length % width !== 0)
                push(0, width - (length % width));
            x = 0;
        }
        else if (byte === 1) {
            break;
        }
        else if (byte === 2) {
            // Pillow reads two bytes, ignores them, and takes right/up from the next two.
            if (pos + 2 > file.length)
                break;
            pos += 2;
            if (pos + 2 > file.length)
                throw new PillowRefuses("BMP: RLE delta past the end of the file");
            const right = file[pos];
            const up = file[pos + 1];
            pos += 2;
            push(0, right + up * width);
            x = length % width;
        }
        else {
            const byteCount = rle4 ? byte >> 1 : byte;
            const got = Math.min(byteCount, file.length - pos);
            for (let i = 0; i < got; i++) {
                const v = file[pos + i];
                if (rle4) {
                    push(v >> 4, 1);
                    push(v & 0x0f, 1);
                }
                else {
                    push(v, 1);
                }
            }
            pos += got;
            if (got < byteCount)
                break;
            x += byte;
            // Word alignment is on the absolute file position.
            if (pos % 2 !== 0)
                pos += 1;
        }
    }
    if (length < dest)
        throw new PillowRefuses("BMP: the RLE data ends before the last pixel (not enough image data)");
    const out = new Uint8Array(dest);
    for (let row = 0; row < height; row++) {
        const y = direction === 1 ? row : height - 1 - row;
        out.set(data.subarray(row * width, row * width + width), y * width);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/preprocess/formats/gif.ts


const GIFBITS = 12;
const GIFTABLE = 1 << GIFBITS;
const gif_u16 = (b, at) => b[at] | (b[at + 1] << 8);
/** The palette, or undefined where Pillow finds it "not needed" (entry i is (i, i, i) throughout). */
function neededPalette(p) {
    for (let i = 0; i + 2 < p.length; i += 3) {
        if (!(i / 3 === p[i] && p[i] === p[i + 1] && p[i] === p[i + 2]))
            return p;
    }
    // Pillow's loop also reads a trailing partial entry, which a short read can leave; it raises IndexError then.
    if (p.length % 3 !== 0)
        throw new PillowRefuses("GIF: the palette is truncated");
    return undefined;
}
function decodeGif(data) {
    if (data.length < 13)
        throw new PillowRefuses("GIF: the header is truncated");
    let width = gif_u16(data, 6);
    let height = gif_u16(data, 8);
    const flags = data[10];
    let pos = 13;
    let globalPalette;
    if (flags & 128) {
        const size = 3 << ((flags & 7) + 1);
        globalPalette = neededPalette(data.subarray(pos, Math.min(pos + size, data.length)));
        pos += size;
    }
    const byte = () => (pos < data.length ? data[pos++] : undefined);
    /** GifImageFile.data(): one sub-block, or undefined at a terminator or the end of the file. */
    const subBlock = () => {
        const n = byte();
        if (!n)
            return undefined;
        const block = data.subarray(pos, Math.min(pos + n, data.length));
        pos += n;
        return block;
    };
    let s = byte();
    if (s === undefined || s === 0x3b)
        throw new PillowRefuses("GIF: no image in the file");
    let transparency;
    let frame;
    for (;;) {
        if (s === undefined)
            s = byte();
        if (s === undefined || s === 0x3b)
            break;
        if (s === 0x21) {
            const label = byte();
            let block = subBlock();
            if (label === 249 && block !== undefined) {
                // Pillow reads the delay (bytes 1-2) always and the index (byte 3) when flagged: a short block raises.
                if (block.length < 3 || (block.length < 4 && block[0] & 1))
                    throw new PillowRefuses("GIF: graphic control extension is truncated");
                if (block[0] & 1)
                    transparency = block[3];
            }
            else if (label === 254) {
                while (block)
                    block = subBlock();
                s = undefined;
                continue;
            }
            else if (label === 255 && block !== undefined && String.fromCharCode(...block.subarray(0, 11)) === "NETSCAPE2.0") {
                subBlock();
            }
            while (subBlock())
                ;
        }
        else if (s === 0x2c) {
            if (pos + 9 > data.length)
                throw new PillowRefuses("GIF: the image descriptor is truncated");
            const x0 = gif_u16(data, pos);
            const y0 = gif_u16(data, pos + 2);
            const x1 = x0 + gif_u16(data, pos + 4);
            const y1 = y0 + gif_u16(data, pos + 6);
            const f = data[pos + 8];
            pos += 9;
            if (x1 > width || y1 > height) {
                width = Math.max(x1, width);
                height = Math.max(y1, height);
                checkPixelLimit(width, height);
            }
            let palette;
            if (f & 128) {
                const size = 3 << ((f & 7) + 1);
                palette = neededPalette(data.subarray(pos, Math.min(pos + size, data.length))) ?? false;
                pos += size;
            }
            const bits = byte();
            if (bits === undefined)
                throw new PillowRefuses("GIF: the image data is missing");
            frame = { x0, y0, x1, y1, interlace: (f & 64) !== 0, bits, palette };
            break;
        }
        s = undefined;
    }
    if (!frame)
        throw new PillowRefuses("GIF: image not found in the first frame");
    checkPixelLimit(width, height);
    const palette = frame.palette === undefined ? globalPalette : frame.palette || undefined;
    const canvas = new Uint8Array(width * height);
    if (transparency !== undefined)
        canvas.fill(transparency);
    lzw(data, pos, frame.bits, frame.interlace, canvas, width, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
    return palette ? paletteToRgb(width, height, canvas, palette) : grayToRgb(width, height, canvas);
}
/** ImagingGifDecode over everything from `pos` to the end of the file, writing indices into `canvas`. */
function lzw(data, pos, bits, interlaced, canvas, stride, xoff, yoff, xsize, ysize) {
    if (xsize <= 0 || ysize <= 0)
        throw new PillowRefuses("GIF: the first frame is empty (tile cannot extend outside image)");
    if (bits > 12)
        throw new PillowRefuses(`GIF: LZW code size ${bits} (decoder configuration error)`);
    const clear = 1 << bits;
    const end = clear + 1;
    let interlace = interlaced ? 1 : 0;
    let step = interlaced ? 8 : 1;
    const link = new Uint16Array(GIFTABLE);
    const table = new Uint8Array(GIFTABLE);
    const buffer = new Uint8Array(GIFTABLE);
    let state = 1;
    let next = 0;
    let codesize = 0;
    let codemask = 0;
    let bitbuffer = 0;
    let bitcount = 0;
    let blocksize = 0;
    let lastcode = 0;
    let lastdata = 0;
    let x = 0;
    let y = 0;
    /** NEWLINE: false once the last line is done (the decoder returns -1). */
    const newline = () => {
        x = 0;
        y += step;
        while (y >= ysize) {
            if (interlace === 1) {
                y = 4;
                interlace = 2;
            }
            else if (interlace === 2) {
                step = 4;
                y = 2;
                interlace = 3;
            }
            else if (interlace === 3) {
                step = 2;
                y = 1;
                interlace = 0;
            }
            else {
                return false;
            }
        }
        return true;
    };
    const broken = (why) => new PillowRefuses(`GIF: broken LZW data (${why})`);
    for (;;) {
        if (state === 1) {
            next = clear + 2;
            codesize = bits + 1;
            codemask = (1 << codesize) - 1;
            state = 2;
        }
        while (bitcount < codesize) {
            if (blocksize > 0) {
                bitbuffer |= data[pos++] << bitcount;
                bitcount += 8;
                blocksize--;
            }
            else {
                // A new sub-block is only started when all of it is there.
                if (pos >= data.length || pos + data[pos] + 1 > data.length)
                    throw new PillowRefuses("GIF: image file is truncated");
                blocksize = data[pos++];
            }
        }
        let c = bitbuffer & codemask;
        bitbuffer >>>= codesize;
        bitcount -= codesize;
        if (c === clear) {
            if (state !== 2)
                state = 1;
            continue;
        }
        // The end code does not stop Pillow's decoder: it goes on reading codes until the frame is full.
        if (c === end)
            continue;
        let from;
        let length;
        if (state === 2) {
            if (c > clear)
                throw broken("first code after a clear");
            lastdata = lastcode = c;
            state = 3;
            buffer[GIFTABLE - 1] = c;
            from = GIFTABLE - 1;
            length = 1;
        }
        else {
            const thiscode = c;
            let index = GIFTABLE;
            if (c > next)
                throw broken("code past the table");
            if (c === next) {
                buffer[--index] = lastdata;
                c = lastcode;
            }
            while (c >= clear) {
                if (index <= 0 || c >= GIFTABLE)
                    throw broken("string too long");
                buffer[--index] = table[c];
                c = link[c];
            }
            lastdata = c;
            // The first byte of the string (the decoder emits it on its own, then the rest from the buffer).
            buffer[--index] = c;
            if (next < GIFTABLE) {
                table[next] = c;
                link[next] = lastcode;
                if (next === codemask && codesize < GIFBITS) {
                    codesize++;
                    codemask = (1 << codesize) - 1;
                }
                next++;
            }
            lastcode = thiscode;
            from = index;
            length = GIFTABLE - index;
        }
        for (let i = 0; i < length; i++) {
            canvas[(y + yoff) * stride + xoff + x] = buffer[from + i];
            if (++x >= xsize && !newline())
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/preprocess/formats/ico.ts


const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ico_u16 = (b, at) => b[at] | (b[at + 1] << 8);
const ico_u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** ceil(log(n, 2)) for n in 1..255 (math.log is exact enough there that this is the same integer). */
const ceilLog2 = (n) => (n <= 1 ? 0 : 32 - Math.clz32(n - 1));
function decodeIco(data) {
    const count = ico_u16(data, 4);
    const entries = [];
    for (let i = 0; i < count; i++) {
        const at = 6 + 16 * i;
        if (at + 16 > data.length)
            throw new PillowRefuses("ICO: the directory is truncated");
        const width = data[at] || 256;
        const height = data[at + 1] || 256;
        const colours = data[at + 2];
        const bpp = ico_u16(data, at + 6);
        // color_depth = bpp or (nb_color != 0 and ceil(log(nb_color, 2))) or 256
        entries.push({
            depth: bpp || ceilLog2(colours) || 256,
            square: width * height,
            bpp,
            size: ico_u32(data, at + 8),
            offset: ico_u32(data, at + 12),
        });
    }
    if (entries.length === 0)
        throw new PillowRefuses("ICO: no images in the directory");
    // Python's sorts are stable, and so is Array.prototype.sort: by depth, then by area descending.
    entries.sort((a, b) => a.depth - b.depth);
    entries.sort((a, b) => b.square - a.square);
    const entry = entries[0];
    const at = entry.offset;
    // The frame is parsed from the ICO's own file object: everything from its offset to the end of the file.
    if (PNG_MAGIC.every((v, i) => data[at + i] === v))
        return { png: data.subarray(at) };
    const { image, pixels } = decodeIconDib(data, at);
    const { width: w, height: h } = image;
    if (entry.bpp === 32) {
        // The alpha bytes: read(w * h * 4)[3::4] from the pixels, then frombuffer("L") needs w * h of them.
        if (Math.max(0, data.length - pixels) < w * h * 4)
            throw new PillowRefuses("ICO: the 32-bit frame is truncated (buffer is not large enough)");
    }
    else {
        // The AND mask: rows padded to 32 bits, read from the end of the entry's data.
        const maskStride = Math.ceil(w / 32) * 4;
        const total = maskStride * h;
        const maskAt = entry.offset + entry.size - total;
        if (maskAt < 0)
            throw new PillowRefuses("ICO: the AND mask starts before the file (negative seek value)");
        const got = Math.max(0, Math.min(total, data.length - maskAt));
        // The raw decoder needs every line, the last one without its padding.
        if (got < (h - 1) * maskStride + Math.ceil(w / 8))
            throw new PillowRefuses("ICO: the AND mask is truncated (not enough image data)");
    }
    return image;
}

;// CONCATENATED MODULE: ./src/preprocess/formats/im.ts



/** The image types Pillow maps to (mode, rawmode): OPEN, for the ones reproduced here. */
const OPEN = {
    "0 1 image": ["1", "1"],
    "L 1 image": ["1", "1"],
    "Greyscale image": ["L", "L"],
    "Grayscale image": ["L", "L"],
    "RGB image": ["RGB", "RGB;L"],
    "B1 image": ["1", "1"],
    "B2 image": ["P", "P;2"],
    "B4 image": ["P", "P;4"],
    "X 24 image": ["RGB", "RGB"],
    "L 32 S image": ["I", "I;32"],
    "LA image": ["LA", "LA;L"],
    "PA image": ["LA", "PA;L"],
    "RGBA image": ["RGBA", "RGBA;L"],
    "RGBX image": ["RGB", "RGBX;L"],
    "CMYK image": ["CMYK", "CMYK;L"],
    // "L*16 image" is not here: Pillow's last loop maps every "L*<2..32> image" back to "F".
    "L 16 image": ["I;16", "I;16"],
    "L 16L image": ["I;16L", "I;16L"],
    "L*16L image": ["I;16L", "I;16L"],
    "L 16B image": ["I;16B", "I;16B"],
    "L*16B image": ["I;16B", "I;16B"],
    "L 32S image": ["I", "I;32S"],
    "L*32S image": ["I", "I;32S"],
};
/** Image types Pillow opens that are not reproduced here (float samples, YCbCr, the LabEye layouts). */
function unreproducedType(value) {
    if (/^(RLB|RYB|RGB3|RYB3|YCC|L 32 F|L[ *](8|8S|16S|32|32F)) image$/.test(value))
        return true;
    const bits = /^L\*(\d+) image$/.exec(value);
    return bits !== null && Number(bits[1]) >= 2 && Number(bits[1]) <= 32 && String(Number(bits[1])) === bits[1];
}
/** Bits per pixel of each rawmode handled here. */
const BITS = {
    "1": 1,
    L: 8,
    P: 8,
    "P;2": 2,
    "P;4": 4,
    "LA;L": 16,
    "PA;L": 16,
    RGB: 24,
    "RGB;L": 24,
    "RGBA;L": 32,
    "RGBX;L": 32,
    "CMYK;L": 32,
    "I;16": 16,
    "I;16L": 16,
    "I;16B": 16,
    "I;32": 32,
    "I;32S": 32,
};
const SIZE = "Image size (x*y)";
const MODE = "Image type";
const LUT = "Lut";
const TAGS = new Set(["Comment", "Date", "Digitalization equipment", "File size (no of images)", LUT, "Name", "Scale (x,y)", SIZE, MODE]);
/** The header line expression, over latin-1 text: Python's "." is anything but \n. */
const LINE = /^([A-Za-z][^:]*):[ \t]*([^\n]*)$/;
/** What Python's int() strips: str.isspace() in latin-1 (with \x1c-\x1f, \x85 and \xa0). */
const PY_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0]);
function pyStrip(s) {
    let from = 0;
    let to = s.length;
    while (from < to && PY_SPACE.has(s.charCodeAt(from)))
        from++;
    while (to > from && PY_SPACE.has(s.charCodeAt(to - 1)))
        to--;
    return s.slice(from, to);
}
/** number(): int(s), else float(s), else ValueError; this only needs to know the integers. */
function number(s) {
    const t = pyStrip(s);
    if (/^[+-]?\d+(_\d+)*$/.test(t))
        return Number(t.replace(/_/g, ""));
    if (/^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*([eE][+-]?\d+(_\d+)*)?|\d+(_\d+)*\.|inf|infinity|nan)$/i.test(t))
        return "float";
    throw new PillowRefuses(`IM: could not convert string to float: '${s}'`);
}
function decodeIm(data) {
    if (!data.subarray(0, 100).includes(0x0a))
        throw new PillowRefuses("IM: not an IM file");
    let mode = "L";
    let rawmode = "L";
    let size = [512, 512];
    let lut = false;
    let tags = 0;
    let pos = 0;
    let last = -1;
    for (;;) {
        if (pos >= data.length)
            break;
        const c = data[pos++];
        if (c === 0x0d)
            continue;
        if (c === 0 || c === 0x1a) {
            last = c;
            break;
        }
        // s + readline(): up to and including the next LF.
        const lf = data.indexOf(0x0a, pos);
        const lineEnd = lf === -1 ? data.length : lf + 1;
        let s = String.fromCharCode(...data.subarray(pos - 1, Math.min(lineEnd, pos + 101)));
        if (lineEnd - (pos - 1) > 100)
            throw new PillowRefuses("IM: a header line is longer than 100 characters");
        pos = lineEnd;
        if (s.endsWith("\r\n"))
            s = s.slice(0, -2);
        else if (s.endsWith("\n"))
            s = s.slice(0, -1);
        const m = LINE.exec(s);
        if (!m)
            throw new PillowRefuses(`IM: syntax error in IM header: ${s}`);
        const [, k, v] = m;
        if (k === "File size (no of images)" || k === "Scale (x,y)" || k === SIZE) {
            const values = v.replace(/\*/g, ",").split(",").map(number);
            if (k === SIZE)
                size = values;
        }
        else if (k === MODE) {
            const open = OPEN[v];
            if (open)
                [mode, rawmode] = open;
            else if (unreproducedType(v))
                throw new CannotReproduce(`IM "${v}"`);
            // Any other value becomes the mode as it is: a real mode name might decode (not reproduced), others cannot.
            else if (/^(1|L|P|RGB|RGBA|RGBX|RGBa|CMYK|YCbCr|LAB|HSV|I|F|LA|La|PA|I;16|I;16L|I;16B|I;16N)$/.test(v))
                throw new CannotReproduce(`IM with image type "${v}"`);
            else
                mode = `?${v}`;
        }
        else if (k === LUT) {
            lut = true;
        }
        if (TAGS.has(k))
            tags++;
    }
    if (!tags)
        throw new PillowRefuses("IM: not an IM file");
    if (mode.startsWith("?"))
        throw new PillowRefuses(`IM: image type "${mode.slice(1)}"`);
    if (size.length !== 2 || typeof size[0] !== "number" || typeof size[1] !== "number")
        throw new PillowRefuses("IM: the image size is not two integers");
    const [width, height] = size;
    if (width <= 0 || height <= 0)
        throw new PillowRefuses(`IM: ${width}x${height} pixels`);
    // Skip forward to the 0x1A that starts the data.
    if (last === -1)
        throw new PillowRefuses("IM: file truncated");
    if (last === 0) {
        const sub = data.indexOf(0x1a, pos);
        if (sub === -1)
            throw new PillowRefuses("IM: file truncated");
        pos = sub + 1;
    }
    let palette;
    if (lut) {
        const raw = data.subarray(pos, pos + 768);
        if (raw.length < 768)
            throw new PillowRefuses("IM: the Lut is truncated");
        pos += 768;
        let grey = true;
        for (let i = 0; i < 256; i++)
            if (!(raw[i] === raw[i + 256] && raw[i] === raw[i + 512]))
                grey = false;
        // A grey Lut is kept as `lut`, which nothing applies; any other one is a palette.
        if (!grey && ["L", "LA", "P", "PA"].includes(mode)) {
            if (mode === "L" || mode === "P")
                [mode, rawmode] = ["P", "P"];
            else
                [mode, rawmode] = ["PA", "PA;L"];
            palette = new Uint8Array(768);
            for (let i = 0; i < 256; i++)
                palette.set([raw[i], raw[i + 256], raw[i + 512]], i * 3);
        }
    }
    if (mode === "LA" && rawmode === "PA;L")
        throw new PillowRefuses("IM: a PA image without a palette (no LA unpacker for PA;L)");
    checkPixelLimit(width, height);
    return pixels(data, pos, width, height, mode, rawmode, palette);
}
/** The raw tile (rawmode, 0, -1): packed lines, bottom-up, all of which the raw decoder needs. */
function pixels(data, offset, width, height, mode, rawmode, palette) {
    const bits = BITS[rawmode];
    const lineBytes = Math.ceil((width * bits) / 8);
    if (offset + height * lineBytes > data.length)
        throw new PillowRefuses("IM: image file is truncated");
    const starts = Int32Array.from({ length: height }, (_, y) => offset + (height - 1 - y) * lineBytes);
    const n = width * height;
    const grey = new Uint8Array(n);
    const rgb = () => new Uint8Array(n * 3);
    switch (rawmode) {
        case "1":
        case "L":
        case "P":
        case "P;2":
        case "P;4":
            for (let y = 0; y < height; y++)
                unpackIndexLine(rawmode, data, starts[y], width, grey, y * width);
            break;
        case "LA;L":
        case "PA;L":
            // The first plane of each line is L (or P); the second, alpha, is dropped by convert("RGB").
            for (let y = 0; y < height; y++)
                grey.set(data.subarray(starts[y], starts[y] + width), y * width);
            break;
        case "RGB":
        case "RGB;L":
        case "RGBA;L":
        case "RGBX;L":
        case "CMYK;L": {
            const planar = rawmode !== "RGB";
            const bands = rawmode === "RGB" || rawmode === "RGB;L" ? 3 : 4;
            const out = new Uint8Array(n * bands);
            for (let y = 0; y < height; y++) {
                for (let x = 0; x < width; x++) {
                    for (let b = 0; b < bands; b++)
                        out[(y * width + x) * bands + b] = data[starts[y] + (planar ? b * width + x : x * bands + b)];
                }
            }
            if (rawmode === "CMYK;L")
                return cmykToRgb(width, height, out);
            if (bands === 3)
                return { width, height, data: out };
            const three = rgb();
            for (let i = 0; i < n; i++)
                three.set(out.subarray(i * 4, i * 4 + 3), i * 3);
            return { width, height, data: three };
        }
        default: {
            // I;16 (either order) and 32-bit I: Pillow's conversion to RGB clips at 0 and 255.
            const big = rawmode === "I;16B";
            const wide = bits === 32;
            const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
            for (let y = 0; y < height; y++) {
                for (let x = 0; x < width; x++) {
                    const at = starts[y] + x * (wide ? 4 : 2);
                    grey[y * width + x] = clipTo255(wide ? view.getInt32(at, true) : view.getUint16(at, !big));
                }
            }
        }
    }
    if (mode === "P" || mode === "PA")
        return paletteToRgb(width, height, grey, palette ?? new Uint8Array(0));
    return grayToRgb(width, height, grey);
}

;// CONCATENATED MODULE: ./src/preprocess/formats/openjpeg.ts
let openjpeg_module;
function load() {
    return (openjpeg_module ??= import(/* webpackIgnore: true */ "@cornerstonejs/codec-openjpeg/decodewasmjs").then((m) => 
    // OpenJPEG's own messages go through printf: keep them out of the action's log.
    m.default({ print: () => undefined, printErr: () => undefined })));
}
/**
 * Decodes a codestream or JP2 file at full resolution, all quality layers
 * (Pillow's reduce = 0, layers = 0). Only 1- and 3-component images: the
 * package throws on other counts (see jpeg2000.ts, which never asks).
 * Undefined when OpenJPEG could not decode the data.
 */
async function openJpegDecode(data) {
    const openjpeg = await load();
    const decoder = new openjpeg.J2KDecoder();
    try {
        decoder.getEncodedBuffer(data.length).set(data);
        decoder.decode();
        const info = decoder.getFrameInfo();
        // Already a copy out of the module's memory, which the next decode may reuse.
        const decoded = decoder.getDecodedBuffer();
        const samples = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
        if (samples.length === 0 || info.width === 0 || info.height === 0)
            return undefined;
        return { samples, width: info.width, height: info.height, components: info.componentCount, bitsPerSample: info.bitsPerSample };
    }
    catch (err) {
        // A C++ exception may leave the instance's heap inconsistent: the next file gets a new one.
        openjpeg_module = undefined;
        throw err;
    }
    finally {
        decoder.delete();
    }
}

;// CONCATENATED MODULE: ./src/preprocess/formats/jpeg2000.ts


const CODESTREAM = [0xff, 0x4f, 0xff, 0x51];
const JP2_SIGNATURE = [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const jpeg2000_u16 = (b, at) => (b[at] << 8) | b[at + 1];
const jpeg2000_u32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const type4 = (b, at) => String.fromCharCode(...b.subarray(at, at + 4));
const startsWith = (b, bytes, at = 0) => bytes.every((v, i) => b[at + i] === v);
/** The SIZ segment right after SOC, as OpenJPEG reads it; undefined where Pillow's struct.unpack would fail. */
function readSiz(b, at) {
    if (!startsWith(b, CODESTREAM, at) || at + 4 + 38 > b.length)
        return undefined;
    const s = at + 4;
    const count = jpeg2000_u16(b, s + 36);
    if (s + 38 + 3 * count > b.length)
        return undefined;
    const components = [];
    for (let i = 0; i < count; i++) {
        const ssiz = b[s + 38 + 3 * i];
        components.push({ precision: (ssiz & 0x7f) + 1, signed: (ssiz & 0x80) !== 0, dx: b[s + 39 + 3 * i], dy: b[s + 40 + 3 * i] });
    }
    const x1 = jpeg2000_u32(b, s + 4);
    const y1 = jpeg2000_u32(b, s + 8);
    const x0 = jpeg2000_u32(b, s + 12);
    const y0 = jpeg2000_u32(b, s + 16);
    return { width: x1 - x0, height: y1 - y0, x0, y0, components };
}
/**
 * Pillow's BoxReader over b[from, to): reads past `to` raise (SyntaxError
 * "Not enough data in header" or an OSError on a short read), as Pillow's do.
 */
class BoxReader {
    b;
    end;
    pos;
    remaining = -1;
    constructor(b, from, end) {
        this.b = b;
        this.end = end;
        this.pos = from;
    }
    read(n) {
        if (this.pos + n > this.end || (this.remaining >= 0 && n > this.remaining))
            throw new PillowRefuses("JPEG 2000: not enough data in header");
        const at = this.pos;
        this.pos += n;
        if (this.remaining > 0)
            this.remaining -= n;
        return at;
    }
    hasNext() {
        return this.pos + this.remaining < this.end;
    }
    /** The next box's type; its payload is then [payloadAt, payloadAt + remaining). */
    next() {
        if (this.remaining > 0)
            this.pos += this.remaining;
        this.remaining = -1;
        let at = this.read(8);
        let length = jpeg2000_u32(this.b, at);
        const type = type4(this.b, at + 4);
        let header = 8;
        if (length === 1) {
            at = this.read(8);
            length = jpeg2000_u32(this.b, at) * 2 ** 32 + jpeg2000_u32(this.b, at + 4);
            header = 16;
        }
        if (length < header || this.pos + length - header > this.end)
            throw new PillowRefuses("JPEG 2000: invalid header length");
        this.remaining = length - header;
        return type;
    }
    /** Reads n bytes of the current box, returning where they start. */
    fields(n) {
        return this.read(n);
    }
    /** The rest of the current box as a reader of its sub-boxes. */
    sub() {
        const size = this.remaining;
        const at = this.read(size);
        return new BoxReader(this.b, at, at + size);
    }
}
function readJp2Header(b) {
    // The top level has no known end for Pillow: a missing jp2h box ends in a short read.
    const top = new BoxReader(b, JP2_SIGNATURE.length, b.length);
    let header;
    while (!header) {
        if (top.next() === "jp2h")
            header = top.sub();
    }
    let size;
    let mode;
    let components = 0;
    let wrapperOnly;
    let colrSeen = false;
    while (header.hasNext()) {
        const type = header.next();
        if (type === "ihdr") {
            const at = header.fields(11);
            size = [jpeg2000_u32(b, at + 4), jpeg2000_u32(b, at)];
            components = jpeg2000_u16(b, at + 8);
            const bpc = b[at + 10];
            mode =
                components === 1 ? ((bpc & 0x7f) > 8 ? "I;16" : "L") : { 2: "LA", 3: "RGB", 4: "RGBA" }[components];
        }
        else if (type === "colr") {
            // Pillow reads it only for 4 components; OpenJPEG keeps the first, and converts YCC/CMYK where Pillow does not.
            const at = header.fields(7);
            if (!colrSeen && b[at] === 1 && [12, 18, 24].includes(jpeg2000_u32(b, at + 3)))
                wrapperOnly = `colour space ${jpeg2000_u32(b, at + 3)}`;
            colrSeen = true;
        }
        else if (type === "pclr") {
            wrapperOnly = "a palette";
        }
        else if (type === "cdef") {
            const at = header.fields(2);
            const n = jpeg2000_u16(b, at);
            for (let i = 0; i < n; i++) {
                const e = header.fields(6);
                const [cn, typ, asoc] = [jpeg2000_u16(b, e), jpeg2000_u16(b, e + 2), jpeg2000_u16(b, e + 4)];
                // opj_jp2_apply_cdef swaps channel data only where a channel is associated with another colour.
                if (typ !== 65535 && asoc !== 0 && asoc !== 65535 && asoc - 1 !== cn)
                    wrapperOnly = "reordered channels";
            }
        }
    }
    if (!size || !mode)
        throw new PillowRefuses("JPEG 2000: malformed JP2 header");
    return { width: size[0], height: size[1], mode, components, wrapperOnly };
}
/** The first contiguous codestream box, where OpenJPEG reads the image from. */
function findCodestream(b) {
    let at = JP2_SIGNATURE.length;
    while (at + 8 <= b.length) {
        let length = jpeg2000_u32(b, at);
        let header = 8;
        if (length === 1 && at + 16 <= b.length) {
            length = jpeg2000_u32(b, at + 8) * 2 ** 32 + jpeg2000_u32(b, at + 12);
            header = 16;
        }
        if (type4(b, at + 4) === "jp2c")
            return at + header;
        if (length < header)
            return undefined;
        at += length;
    }
    return undefined;
}
function planJpeg2000(b) {
    let mode;
    let siz;
    let header;
    if (startsWith(b, CODESTREAM)) {
        siz = readSiz(b, 0);
        if (!siz)
            throw new PillowRefuses("JPEG 2000: truncated SIZ marker");
        const count = siz.components.length;
        // Pillow 10.4's _parse_codestream (9.4 looked at the first YRsiz instead of Ssiz for one component).
        if (count === 1)
            mode = siz.components[0].precision > 8 ? "I;16" : "L";
        else if (count >= 2 && count <= 4)
            mode = ["LA", "RGB", "RGBA"][count - 2];
        else
            throw new PillowRefuses("JPEG 2000: unable to determine J2K image mode");
    }
    else {
        header = readJp2Header(b);
        mode = header.mode;
        const at = findCodestream(b);
        siz = at === undefined ? undefined : readSiz(b, at);
        if (!siz)
            throw new PillowRefuses("JPEG 2000: broken data stream (no codestream)");
    }
    const count = siz.components.length;
    // j2k_decode_entry: OpenJPEG images of no or more than 4 components are "broken data stream".
    if (count < 1 || count > 4)
        throw new PillowRefuses(`JPEG 2000: ${count} components`);
    const what = `JPEG 2000 ${mode}`;
    if (count !== 1 && count !== 3)
        throw new CannotReproduce(`${what} with ${count} components`);
    if (header?.wrapperOnly)
        throw new CannotReproduce(`${what} with ${header.wrapperOnly}`);
    if (header && (header.components !== count || header.width !== siz.width || header.height !== siz.height))
        throw new CannotReproduce(`${what} whose JP2 header and codestream disagree`);
    const [first] = siz.components;
    if (siz.components.some((c) => c.precision !== first.precision || c.signed || c.dx !== 1 || c.dy !== 1))
        throw new CannotReproduce(`${what} with signed, subsampled or unequal components`);
    if (siz.x0 !== 0 || siz.y0 !== 0)
        throw new CannotReproduce(`${what} with an image offset`);
    if (first.precision > (count === 1 ? 16 : 8))
        throw new CannotReproduce(`${what} of ${first.precision}-bit samples`);
    if (mode !== "L" && mode !== "I;16" && mode !== "RGB")
        throw new CannotReproduce(what);
    checkPixelLimit(siz.width, siz.height);
    return { mode, width: siz.width, height: siz.height, precision: first.precision };
}
/**
 * Jpeg2KDecode.c's j2ku_shift to 8 bits ("L", "RGB"): a left shift for
 * fewer bits, a rounded right shift for more, kept to the low byte as the
 * UINT8 store does (so a sample that rounds up to 256 becomes 0).
 */
function toEightBits(precision) {
    const shift = 8 - precision;
    if (shift >= 0)
        return (v) => (v << shift) & 0xff;
    const offset = 1 << (-shift - 1);
    return (v) => ((v + offset) >> -shift) & 0xff;
}
async function decodeJpeg2000(data) {
    const plan = planJpeg2000(data);
    const { width, height, precision, mode } = plan;
    const decoded = await openJpegDecode(data);
    if (!decoded)
        throw new PillowRefuses("JPEG 2000: broken data stream");
    const colour = mode === "RGB";
    const wide = !colour && precision > 8;
    const pixels = width * height;
    if (decoded.width !== width || decoded.height !== height || decoded.samples.length !== pixels * (colour ? 3 : wide ? 2 : 1))
        throw new CannotReproduce(`JPEG 2000 ${mode} (the decoder returned another shape)`);
    const out = new Uint8Array(pixels * 3);
    if (colour) {
        const reduce = toEightBits(precision);
        for (let i = 0; i < pixels * 3; i++)
            out[i] = reduce(decoded.samples[i]);
        return { width, height, data: out };
    }
    const s = decoded.samples;
    // "I;16" keeps the sample shifted up to 16 bits (j2ku_gray_i); its conversion to RGB clips at 255.
    const reduce = mode === "I;16" ? (v) => Math.min(255, (v << (16 - precision)) & 0xffff) : toEightBits(precision);
    for (let i = 0, o = 0; i < pixels; i++, o += 3) {
        // Wider samples come as little-endian 16-bit words.
        const v = wide ? s[2 * i] | (s[2 * i + 1] << 8) : s[i];
        out[o] = out[o + 1] = out[o + 2] = reduce(v);
    }
    return { width, height, data: out };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/tga.ts



/** (imagetype & 7, depth) -> rawmode, Pillow's MODES. */
const MODES = {
    "1,8": "P",
    "3,1": "1",
    "3,8": "L",
    "3,16": "LA",
    "2,16": "BGRA;15Z",
    "2,24": "BGR",
    "2,32": "BGRA",
};
/** The header if TgaImageFile._open would get past its checks (it raises SyntaxError, so Pillow tries the next plugin). */
function tgaHeader(data) {
    if (data.length < 18)
        return undefined;
    const header = {
        idLength: data[0],
        colorMapType: data[1],
        imageType: data[2],
        width: data[12] | (data[13] << 8),
        height: data[14] | (data[15] << 8),
        depth: data[16],
        flags: data[17],
    };
    if (header.colorMapType > 1 || header.width === 0 || header.height === 0 || ![1, 8, 16, 24, 32].includes(header.depth))
        return undefined;
    if (![1, 2, 3, 9, 10, 11].includes(header.imageType))
        return undefined;
    if (header.colorMapType && ![16, 24, 32].includes(data[7]))
        return undefined;
    return header;
}
function decodeTga(data, h) {
    const { width, height, depth, imageType } = h;
    checkPixelLimit(width, height);
    const kind = imageType & 7;
    const mode = kind === 3
        ? depth === 1
            ? "1"
            : depth === 16
                ? "LA"
                : "L"
        : kind === 1
            ? h.colorMapType
                ? "P"
                : "L"
            : depth === 24
                ? "RGB"
                : "RGBA";
    if (mode === "L" && kind === 1)
        throw new PillowRefuses("TGA: colour-mapped pixels without a colour map (no L/P unpacker)");
    if (h.colorMapType && mode !== "P")
        throw new CannotReproduce(`TGA ${mode} with a colour map`);
    const ystep = h.flags & 0x20 ? 1 : -1;
    const mirror = (h.flags & 0x10) !== 0;
    let pos = 18 + h.idLength;
    let palette;
    if (h.colorMapType) {
        const start = data[3] | (data[4] << 8);
        const size = data[5] | (data[6] << 8);
        const mapDepth = data[7];
        const entryBytes = mapDepth === 16 ? 2 : mapDepth / 8;
        const raw = new Uint8Array(entryBytes * start + entryBytes * size);
        const got = data.subarray(pos, Math.min(pos + entryBytes * size, data.length));
        raw.set(got, entryBytes * start);
        pos += got.length;
        const entries = Math.floor(((entryBytes * start + got.length) * 8) / (entryBytes * 8));
        if (entries > 256)
            throw new PillowRefuses(`TGA: a colour map of ${entries} entries`);
        palette = new Uint8Array(entries * 3);
        const rawmode = mapDepth === 16 ? "BGRA;15Z" : mapDepth === 24 ? "BGR" : "BGRA";
        unpackRgbLine(rawmode, raw, 0, entries, palette, 0);
    }
    const rawmode = MODES[`${kind},${depth}`];
    if (rawmode === undefined)
        throw new PillowRefuses(`TGA: no decoder for image type ${imageType} at ${depth} bits`);
    const colour = mode === "RGB" || mode === "RGBA";
    const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
    // One unpacked line per row, in file order; row r lands on image row rows[r].
    const lines = imageType & 8 ? rleLines(data, pos, lineBytes, height, depth) : undefined;
    const raw = lines ? undefined : rawLines("TGA", data, pos, width, height, rawmode, 0, ystep);
    const out = new Uint8Array(width * height * (colour ? 3 : 1));
    for (let r = 0; r < height; r++) {
        const y = lines ? (ystep === 1 ? r : height - 1 - r) : r;
        const [src, at] = lines ? [lines, r * lineBytes] : [data, raw.starts[r]];
        if (colour)
            unpackRgbLine(rawmode, src, at, width, out, y * width * 3);
        else if (rawmode === "LA")
            for (let x = 0; x < width; x++)
                out[y * width + x] = src[at + 2 * x];
        else
            unpackIndexLine(rawmode, src, at, width, out, y * width);
    }
    let image = colour ? { width, height, data: out } : palette ? paletteToRgb(width, height, out, palette) : grayToRgb(width, height, out);
    if (mirror)
        image = mirrorRows(image);
    return image;
}
/** ImagingTgaRleDecode: the image's lines in file order, `lineBytes` each. */
function rleLines(data, pos, lineBytes, height, depthBits) {
    const depth = depthBits >> 3;
    if (depth === 0)
        throw new PillowRefuses("TGA: RLE at 1 bit per pixel never ends");
    const out = new Uint8Array(lineBytes * height);
    let x = 0;
    let row = 0;
    while (row < height) {
        if (pos >= data.length)
            throw new PillowRefuses("TGA: image file is truncated");
        const n = depth * ((data[pos] & 0x7f) + 1);
        if (data[pos] & 0x80) {
            if (pos + 1 + depth > data.length)
                throw new PillowRefuses("TGA: image file is truncated");
            if (x + n > lineBytes)
                throw new PillowRefuses("TGA: an RLE repeat packet crosses a scanline (decoder overrun)");
            for (let i = 0; i < n; i += depth)
                out.set(data.subarray(pos + 1, pos + 1 + depth), row * lineBytes + x + i);
            pos += 1 + depth;
            x += n;
        }
        else {
            if (pos + 1 + n > data.length)
                throw new PillowRefuses("TGA: image file is truncated");
            // A literal packet may run on into the next lines.
            let from = pos + 1;
            let left = n;
            pos += 1 + n;
            while (left > 0 && row < height) {
                const take = Math.min(left, lineBytes - x);
                out.set(data.subarray(from, from + take), row * lineBytes + x);
                from += take;
                left -= take;
                x += take;
                if (x >= lineBytes) {
                    x = 0;
                    row++;
                }
            }
            continue;
        }
        if (x >= lineBytes) {
            x = 0;
            row++;
        }
    }
    return out;
}
function mirrorRows(image) {
    const { width, height, data } = image;
    const out = new Uint8Array(data.length);
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++)
            out.set(data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3), (y * width + width - 1 - x) * 3);
    }
    return { width, height, data: out };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/pcx.ts




const pcx_u16 = (b, at) => b[at] | (b[at + 1] << 8);
const pcx_u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
/** Bits per pixel of each rawmode, as Unpack.c registers them (the decoder's `state->bits`). */
const pcx_BITS = { "1": 1, "P;2L": 2, "P;4L": 4, L: 8, P: 8, "RGB;L": 24 };
function decodePcx(data) {
    return pcxPage(data, 0, "PCX");
}
/** DcxImageFile._open: the directory (up to 1024 offsets, ended by 0) must be readable; then page 0 as PCX. */
function decodeDcx(data) {
    const offsets = [];
    for (let i = 0; i < 1024; i++) {
        const at = 4 + 4 * i;
        // i32 of a short read is a struct.error (SyntaxError); no later plugin takes the DCX magic.
        if (at + 4 > data.length)
            throw new PillowRefuses("DCX: the page directory is truncated");
        const offset = pcx_u32(data, at);
        if (!offset)
            break;
        offsets.push(offset);
    }
    if (offsets.length === 0)
        throw new PillowRefuses("DCX: no pages (attempt to seek outside sequence)");
    return pcxPage(data, offsets[0], "DCX");
}
/** PcxImageFile._open with its header at `start`, then its tile. */
function pcxPage(data, start, what) {
    const s = data.subarray(start, start + 128);
    // What _open raises as SyntaxError (or IndexError/struct.error) sends Pillow on to other plugins.
    const notThis = (why) => 
    // For a bare PCX only TGA could take the file next (version 0 makes its colour-map type 0).
    what === "PCX" && tgaHeader(data)
        ? new CannotReproduce(`PCX that Pillow's PCX plugin rejects (${why}) and then tries as TGA`)
        : new PillowRefuses(`${what}: ${why}`);
    if (!(s[0] === 10 && [0, 2, 3, 5].includes(s[1])))
        throw notThis("not a PCX file");
    if (s.length < 68)
        throw notThis("the header is truncated");
    const width = pcx_u16(s, 8) + 1 - pcx_u16(s, 4);
    const height = pcx_u16(s, 10) + 1 - pcx_u16(s, 6);
    if (width <= 0 || height <= 0)
        throw notThis("bad PCX image size");
    const version = s[1];
    const bits = s[3];
    const planes = s[65];
    const providedStride = pcx_u16(s, 66);
    // fp.tell() after read(128): the tile starts there, unless the 8-bit branch seeks back to byte 128 of the file.
    let offset = start + s.length;
    let mode;
    let rawmode;
    let palette;
    if (bits === 1 && planes === 1) {
        mode = "1";
        rawmode = "1";
    }
    else if (bits === 1 && (planes === 2 || planes === 4)) {
        mode = "P";
        rawmode = `P;${planes}L`;
        palette = s.subarray(16, 64);
    }
    else if (version === 5 && bits === 8 && planes === 1) {
        mode = "L";
        rawmode = "L";
        // fp.seek(-769, SEEK_END) on a shorter file is an OSError (Invalid argument): Pillow refuses it.
        if (data.length < 769)
            throw new PillowRefuses(`${what}: an 8-bit image in a file shorter than its 769-byte palette trailer`);
        const trailer = data.subarray(data.length - 769);
        if (trailer[0] === 12) {
            for (let i = 0; i < 256; i++) {
                if (trailer[i * 3 + 1] !== i || trailer[i * 3 + 2] !== i || trailer[i * 3 + 3] !== i) {
                    mode = "P";
                    rawmode = "P";
                    palette = trailer.subarray(1);
                    break;
                }
            }
        }
        // fp.seek(128): absolute, so a DCX page's pixels are read from byte 128 of the DCX file.
        offset = 128;
    }
    else if (version === 5 && bits === 8 && planes === 3) {
        mode = "RGB";
        rawmode = "RGB;L";
    }
    else {
        throw new PillowRefuses(`${what}: unknown PCX mode (version ${version}, ${bits} bits, ${planes} planes)`);
    }
    checkPixelLimit(width, height);
    // "Don't trust the passed in stride": Pillow's own, made even only when the header's differs.
    let stride = Math.floor((width * bits + 7) / 8);
    if (providedStride !== stride)
        stride += stride % 2;
    const lineBytes = planes * stride;
    if (Math.floor((width * pcx_BITS[rawmode] + 7) / 8) > lineBytes)
        throw new PillowRefuses(`${what}: lines shorter than the pixels (buffer overrun)`);
    const lines = decodeLines(data, offset, width, height, lineBytes, what);
    const out = new Uint8Array(width * height * (mode === "RGB" ? 3 : 1));
    for (let y = 0; y < height; y++)
        unpackLine(rawmode, lines.subarray(y * lineBytes, (y + 1) * lineBytes), width, out, y);
    if (mode === "RGB")
        return { width, height, data: out };
    return palette ? paletteToRgb(width, height, out, palette) : grayToRgb(width, height, out);
}
/** ImagingPcxDecode over the rest of the file: each line as the decoder's buffer holds it when it calls the unpacker. */
function decodeLines(data, pos, width, height, lineBytes, what) {
    const out = new Uint8Array(lineBytes * height);
    const buffer = new Uint8Array(lineBytes);
    let x = 0;
    let y = 0;
    let overrun = false;
    for (;;) {
        if (pos >= data.length)
            throw new PillowRefuses(`${what}: image file is truncated`);
        if ((data[pos] & 0xc0) === 0xc0) {
            if (pos + 1 >= data.length)
                throw new PillowRefuses(`${what}: image file is truncated`);
            for (let n = data[pos] & 0x3f; n > 0; n--) {
                // The decoder notes IMAGING_CODEC_OVERRUN and goes on; ImageFile.load raises it once the image is done.
                if (x >= lineBytes) {
                    overrun = true;
                    break;
                }
                buffer[x++] = data[pos + 1];
            }
            pos += 2;
        }
        else {
            buffer[x++] = data[pos++];
        }
        if (x >= lineBytes) {
            if (lineBytes % width && lineBytes > width) {
                // Pillow's memmove of padded planes, "skipping first band", with its own idea of how many bands there are.
                const bands = Math.floor(lineBytes / width);
                const bandStride = Math.floor(lineBytes / bands);
                for (let i = 1; i < bands; i++)
                    buffer.copyWithin(i * width, i * bandStride, i * bandStride + width);
            }
            out.set(buffer, y * lineBytes);
            x = 0;
            if (++y >= height)
                break;
        }
    }
    if (overrun)
        throw new PillowRefuses(`${what}: a run crosses the end of a line (buffer overrun)`);
    return out;
}
/** The unpackers: "1", "L"/"P" as bytes; "P;2L"/"P;4L" bit planes (width + 7) / 8 apart; "RGB;L" byte planes width apart. */
function unpackLine(rawmode, line, width, out, y) {
    if (rawmode === "RGB;L") {
        for (let x = 0, o = y * width * 3; x < width; x++, o += 3) {
            out[o] = line[x];
            out[o + 1] = line[x + width];
            out[o + 2] = line[x + 2 * width];
        }
    }
    else if (rawmode === "P;2L" || rawmode === "P;4L") {
        const planes = rawmode === "P;2L" ? 2 : 4;
        const s = (width + 7) >> 3;
        for (let x = 0; x < width; x++) {
            const m = 128 >> (x & 7);
            let v = 0;
            for (let p = 0; p < planes; p++)
                if (line[(x >> 3) + p * s] & m)
                    v |= 1 << p;
            out[y * width + x] = v;
        }
    }
    else {
        unpackIndexLine(rawmode, line, 0, width, out, y * width);
    }
}

;// CONCATENATED MODULE: ./src/preprocess/formats/ppm.ts


const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const ppm_MODES = {
    P1: "1",
    P2: "L",
    P3: "RGB",
    P4: "1",
    P5: "L",
    P6: "RGB",
    P0CMYK: "CMYK",
    Pf: "F",
    PyP: "P",
    PyRGBA: "RGBA",
    PyCMYK: "CMYK",
};
/** Python's int() on an ASCII token: optional sign, digits with single underscores between them. */
function pyInt(token) {
    if (!/^[+-]?\d+(_\d+)*$/.test(token))
        throw new PillowRefuses(`PPM: invalid literal for int(): '${token}'`);
    return Number(token.replace(/_/g, ""));
}
/** Python's round(): half to even. */
function pyRound(v) {
    const r = Math.round(v);
    return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function decodePpm(data) {
    let pos = 0;
    let magic = "";
    for (let i = 0; i < 6 && pos < data.length; i++) {
        const c = data[pos++];
        if (WHITESPACE.has(c))
            break;
        magic += String.fromCharCode(c);
    }
    const mode0 = ppm_MODES[magic];
    if (mode0 === undefined)
        throw new PillowRefuses(`PPM: unknown magic ${JSON.stringify(magic)}`);
    if (mode0 !== "1" && mode0 !== "L" && mode0 !== "RGB")
        throw new CannotReproduce(`PPM ${magic} (mode ${mode0})`);
    const token = () => {
        let t = "";
        while (t.length <= 10) {
            if (pos >= data.length)
                break;
            const c = data[pos++];
            if (WHITESPACE.has(c)) {
                if (!t)
                    continue;
                break;
            }
            else if (c === 0x23) {
                // '#': skip to CR, LF or the end of the file.
                while (pos < data.length) {
                    const d = data[pos++];
                    if (d === 0x0a || d === 0x0d)
                        break;
                }
                continue;
            }
            t += String.fromCharCode(c);
        }
        if (!t)
            throw new PillowRefuses("PPM: reached EOF while reading header");
        if (t.length > 10)
            throw new PillowRefuses("PPM: token too long in file header");
        return t;
    };
    const width = pyInt(token());
    const height = pyInt(token());
    checkPixelLimit(width, height);
    if (width <= 0 || height <= 0)
        throw new PillowRefuses(`PPM: ${width}x${height} pixels`);
    const plain = magic === "P1" || magic === "P2" || magic === "P3";
    if (mode0 === "1") {
        const bits = plain ? plainBitonal(data, pos, width * height) : packedBitonal(data, pos, width, height);
        return grayToRgb(width, height, bits);
    }
    const maxval = pyInt(token());
    if (!(maxval > 0 && maxval < 65536))
        throw new PillowRefuses("PPM: maxval must be greater than 0 and less than 65536");
    const bands = mode0 === "RGB" ? 3 : 1;
    // Grey above 255 opens as mode "I" (0..65535); the others scale to 0..255.
    const outMax = maxval > 255 && mode0 === "L" ? 65535 : 255;
    const count = width * height * bands;
    let values;
    if (plain) {
        values = plainValues(data, pos, count, maxval, outMax);
    }
    else if (maxval === 255 || (maxval === 65535 && mode0 === "L")) {
        const size = maxval === 255 ? 1 : 2;
        if (pos + count * size > data.length)
            throw new PillowRefuses("PPM: image file is truncated");
        values =
            size === 1
                ? data.subarray(pos, pos + count)
                : Uint16Array.from({ length: count }, (_, i) => (data[pos + 2 * i] << 8) | data[pos + 2 * i + 1]);
    }
    else {
        // PpmDecoder: one sample (1 or 2 big-endian bytes) at a time, rescaled, capped at out_max.
        const size = maxval < 256 ? 1 : 2;
        if (pos + count * size > data.length)
            throw new PillowRefuses("PPM: not enough image data");
        values = new Uint16Array(count);
        for (let i = 0; i < count; i++) {
            const v = size === 1 ? data[pos + i] : (data[pos + 2 * i] << 8) | data[pos + 2 * i + 1];
            values[i] = Math.min(outMax, pyRound((v / maxval) * outMax));
        }
    }
    if (bands === 1) {
        const gray = outMax === 255 && values instanceof Uint8Array ? values : Uint8Array.from(values, clipTo255);
        return grayToRgb(width, height, gray);
    }
    return { width, height, data: values instanceof Uint8Array ? values.slice() : Uint8Array.from(values) };
}
/** P4: rows padded to whole bytes, 1 = black ("1;I"). */
function packedBitonal(data, pos, width, height) {
    const rowBytes = Math.ceil(width / 8);
    if (pos + (height - 1) * rowBytes + rowBytes > data.length)
        throw new PillowRefuses("PPM: image file is truncated");
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++)
            out[y * width + x] = data[pos + y * rowBytes + (x >> 3)] & (128 >> (x & 7)) ? 0 : 255;
    }
    return out;
}
/** PpmPlainDecoder._ignore_comments over the whole data: a comment is cut out together with its line end. */
function withoutComments(block) {
    const out = [];
    for (let i = 0; i < block.length; i++) {
        if (block[i] !== 0x23) {
            out.push(block[i]);
            continue;
        }
        let end = i + 1;
        while (end < block.length && block[end] !== 0x0a && block[end] !== 0x0d)
            end++;
        // A comment running to the end of the data drops the rest.
        i = end;
    }
    return Uint8Array.from(out);
}
/** P1: every '0'/'1' is a pixel, whitespace optional; '1' is black. */
function plainBitonal(data, pos, total) {
    const block = withoutComments(data.subarray(pos));
    const out = new Uint8Array(total);
    let n = 0;
    // Pillow checks every character of the block it read, including those past the last pixel.
    for (let i = 0; i < block.length; i++) {
        const c = block[i];
        if (WHITESPACE.has(c))
            continue;
        if (c !== 0x30 && c !== 0x31)
            throw new PillowRefuses(`PPM: invalid token for this mode: ${String.fromCharCode(c)}`);
        if (n < total)
            out[n++] = c === 0x31 ? 0 : 255;
    }
    if (n < total)
        throw new PillowRefuses("PPM: not enough image data");
    return out;
}
/** P2/P3: whitespace-separated decimal tokens (at most 10 characters), each rescaled with round(v / maxval * out_max). */
function plainValues(data, pos, count, maxval, outMax) {
    const block = withoutComments(data.subarray(pos));
    const out = new Uint16Array(count);
    let n = 0;
    let i = 0;
    while (n < count && i < block.length) {
        while (i < block.length && WHITESPACE.has(block[i]))
            i++;
        const s = i;
        while (i < block.length && !WHITESPACE.has(block[i]))
            i++;
        if (s === i)
            break;
        const token = String.fromCharCode(...block.subarray(s, Math.min(i, s + 11)));
        if (i - s > 10)
            throw new PillowRefuses(`PPM: token too long found in data: ${token}`);
        const value = pyInt(token);
        if (value < 0)
            throw new PillowRefuses(`PPM: channel value is negative: ${value}`);
        if (value > maxval)
            throw new PillowRefuses(`PPM: channel value too large for this mode: ${value}`);
        out[n++] = pyRound((value / maxval) * outMax);
    }
    if (n < count)
        throw new PillowRefuses("PPM: not enough image data");
    return out;
}

;// CONCATENATED MODULE: ./src/preprocess/formats/qoi.ts

function decodeQoi(data) {
    if (data.length < 14)
        throw new PillowRefuses("QOI: the header is truncated");
    const be32 = (at) => ((data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]) >>> 0;
    const width = be32(4);
    const height = be32(8);
    checkPixelLimit(width, height);
    if (width === 0 || height === 0)
        throw new PillowRefuses(`QOI: ${width}x${height} pixels`);
    const pixels = width * height;
    const out = new Uint8Array(pixels * 3);
    const seen = new Uint8Array(64 * 4);
    let [r, g, b, a] = [0, 0, 0, 255];
    const remember = () => {
        const slot = ((r * 3 + g * 5 + b * 7 + a * 11) % 64) * 4;
        seen[slot] = r;
        seen[slot + 1] = g;
        seen[slot + 2] = b;
        seen[slot + 3] = a;
    };
    remember();
    let pos = 14;
    const next = () => {
        if (pos >= data.length)
            throw new PillowRefuses("QOI: the data ends before the last pixel");
        return data[pos++];
    };
    let n = 0;
    while (n < pixels) {
        const op = next();
        if (op === 0xfe) {
            r = next();
            g = next();
            b = next();
        }
        else if (op === 0xff) {
            r = next();
            g = next();
            b = next();
            a = next();
        }
        else if (op >> 6 === 0) {
            const slot = (op & 63) * 4;
            [r, g, b, a] = [seen[slot], seen[slot + 1], seen[slot + 2], seen[slot + 3]];
        }
        else if (op >> 6 === 1) {
            r = (r + ((op >> 4) & 3) - 2) & 255;
            g = (g + ((op >> 2) & 3) - 2) & 255;
            b = (b + (op & 3) - 2) & 255;
        }
        else if (op >> 6 === 2) {
            const second = next();
            const dg = (op & 63) - 32;
            r = (r + dg + (second >> 4) - 8) & 255;
            g = (g + dg) & 255;
            b = (b + dg + (second & 15) - 8) & 255;
        }
        else {
            // A run repeats the previous pixel and, in Pillow, leaves the index alone.
            for (let k = (op & 63) + 1; k > 0 && n < pixels; k--, n++)
                out.set([r, g, b], n * 3);
            continue;
        }
        remember();
        out[n * 3] = r;
        out[n * 3 + 1] = g;
        out[n * 3 + 2] = b;
        n++;
    }
    return { width, height, data: out };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/sgi.ts



const HEADER = 512;
/** (bytes per channel, dimension, channels) -> rawmode, Pillow's MODES. */
const sgi_MODES = {
    "1,1,1": "L",
    "1,2,1": "L",
    "2,1,1": "L;16B",
    "2,2,1": "L;16B",
    "1,3,3": "RGB",
    "2,3,3": "RGB;16B",
    "1,3,4": "RGBA",
    "2,3,4": "RGBA;16B",
};
const be16 = (b, at) => (b[at] << 8) | b[at + 1];
const be32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
function decodeSgi(data) {
    if (data.length < 12)
        throw new PillowRefuses("SGI: the header is truncated");
    const compression = data[2];
    const bpc = data[3];
    const width = be16(data, 6);
    const height = be16(data, 8);
    const rawmode = sgi_MODES[`${bpc},${be16(data, 4)},${be16(data, 10)}`];
    if (rawmode === undefined)
        throw new PillowRefuses("SGI: unsupported SGI image mode");
    if (width === 0 || height === 0)
        throw new PillowRefuses(`SGI: ${width}x${height} pixels`);
    checkPixelLimit(width, height);
    const bands = rawmode.startsWith("RGBA") ? 4 : rawmode.startsWith("RGB") ? 3 : 1;
    // One sample per band and pixel (the high byte at 16 bits), top row first.
    let samples;
    if (compression === 0)
        samples = bpc === 2 ? planar16(data, width, height, bands) : planar8(data, width, height, bands);
    else if (compression === 1)
        samples = rle(data, width, height, bands, bpc);
    // No tile at all: load() has nothing to decode and convert() fails.
    else
        throw new PillowRefuses(`SGI: compression ${compression}`);
    if (bands === 1)
        return grayToRgb(width, height, samples);
    const out = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++)
        out.set(samples.subarray(i * bands, i * bands + 3), i * 3);
    return { width, height, data: out };
}
/** One "raw" tile per band, each a bottom-up plane of bytes after the last. */
function planar8(data, width, height, bands) {
    const out = new Uint8Array(width * height * bands);
    for (let band = 0; band < bands; band++) {
        const { starts } = rawLines("SGI", data, HEADER + band * width * height, width, height, "L", 0, -1);
        for (let y = 0; y < height; y++)
            for (let x = 0; x < width; x++)
                out[(y * width + x) * bands + band] = data[starts[y] + x];
    }
    return out;
}
/** SGI16Decoder: each band's plane read with frombytes("L;16B"), which wants all of it. */
function planar16(data, width, height, bands) {
    const page = width * height;
    if (data.length < HEADER + bands * 2 * page)
        throw new PillowRefuses("SGI: not enough image data");
    const out = new Uint8Array(page * bands);
    for (let band = 0; band < bands; band++) {
        const plane = HEADER + band * 2 * page;
        for (let y = 0; y < height; y++) {
            const row = plane + (height - 1 - y) * 2 * width;
            for (let x = 0; x < width; x++)
                out[(y * width + x) * bands + band] = data[row + 2 * x];
        }
    }
    return out;
}
/** ImagingSgiRleDecode. */
function rle(data, width, height, bands, bpc) {
    // Its buffer: everything after the header, with `end` the index of its last byte.
    const size = data.length - HEADER;
    const tables = bands * height;
    if (size < 8 * tables)
        throw new PillowRefuses("SGI: the RLE tables are truncated (buffer overrun)");
    const end = size - 1;
    const at = (i) => HEADER + i;
    const line = new Uint8Array(width * bands * 2);
    const out = new Uint8Array(width * height * bands);
    const overrun = () => new PillowRefuses("SGI: the RLE data reads past its bounds (buffer overrun)");
    for (let row = 0; row < height; row++) {
        for (let band = 0; band < bands; band++) {
            const t = row + band * height;
            const start = be32(data, at(4 * t));
            // The C decoder passes the UINT32 length as an int: past 2^31 it is negative and the row is left as it is.
            const length = be32(data, at(4 * tables + 4 * t)) | 0;
            if (start < HEADER)
                throw overrun();
            const status = bpc === 1
                ? expandRow(data, line, start - HEADER, length, band, bands, width, end)
                : expandRow2(data, line, start - HEADER, length, band, bands, width, end);
            if (status === -1)
                throw overrun();
            // The last chunk was not an end marker: the decoder stops there, with no error; later rows stay 0.
            if (status === 1)
                return out;
        }
        const y = height - 1 - row;
        const step = bpc === 1 ? 1 : 2;
        for (let i = 0; i < width * bands; i++)
            out[y * width * bands + i] = line[i * step];
    }
    return out;
}
/** expandrow: `n` (the table's length) counts chunks; dest steps by the band count. */
function expandRow(data, line, src, n, dest, z, width, end) {
    let x = 0;
    for (; n > 0; n--) {
        if (src > end)
            return -1;
        const pixel = data[HEADER + src++];
        if (n === 1 && pixel !== 0)
            return n;
        let count = pixel & 0x7f;
        if (!count)
            return 0;
        if (x + count > width)
            return -1;
        x += count;
        if (pixel & 0x80) {
            if (src + count > end)
                return -1;
            while (count--) {
                line[dest] = data[HEADER + src++];
                dest += z;
            }
        }
        else {
            if (src > end)
                return -1;
            const value = data[HEADER + src++];
            while (count--) {
                line[dest] = value;
                dest += z;
            }
        }
    }
    return 0;
}
/** expandrow2: 2-byte atoms, the count in the low byte; samples land 2 bytes each in the line buffer. */
function expandRow2(data, line, src, n, band, z, width, end) {
    let x = 0;
    let dest = band * 2;
    for (; n > 0; n--) {
        if (src + 1 > end)
            return -1;
        const pixel = data[HEADER + src + 1];
        src += 2;
        if (n === 1 && pixel !== 0)
            return n;
        let count = pixel & 0x7f;
        if (!count)
            return 0;
        if (x + count > width)
            return -1;
        x += count;
        if (pixel & 0x80) {
            if (src + 2 * count > end)
                return -1;
            while (count--) {
                line[dest] = data[HEADER + src];
                line[dest + 1] = data[HEADER + src + 1];
                src += 2;
                dest += z * 2;
            }
        }
        else {
            if (src + 2 > end)
                return -1;
            while (count--) {
                line[dest] = data[HEADER + src];
                line[dest + 1] = data[HEADER + src + 1];
                dest += z * 2;
            }
            src += 2;
        }
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/preprocess/formats/sniff.ts
/**
 * Which of Pillow 10.4's plugins would open a file, from its first bytes, in
 * the order Image.open tries them: BMP, DIB, GIF, JPEG, PPM and PNG first
 * (Image.preinit), then every other plugin in registration order, where only
 * TGA has no magic number and so gets whatever the others turned down. The
 * extension is never looked at, by Pillow or here.
 */

/** How many bytes of the file `sniff` needs (TGA's header is the longest look). */
const SNIFF_BYTES = 32;
const ascii = (b, from, to) => String.fromCharCode(...b.subarray(from, to));
const le32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const sniff_startsWith = (b, bytes) => bytes.every((v, i) => b[i] === v);
/** IM has no magic number: its _open parses "Key: value" lines. A first line with one of its keys is taken for one. */
const IM_FIRST_KEY = /^\r*(Comment|Date|Digitalization equipment|File size \(no of images\)|Lut|Name|Scale \(x,y\)|Image size \(x\*y\)|Image type):/;
/** Plugins after preinit with a magic number, in Pillow 10.4's registration order, that this tool does not decode. */
const OTHER_PLUGINS = [
    ["BLP", (b) => ["BLP1", "BLP2"].includes(ascii(b, 0, 4))],
    ["BUFR", (b) => ["BUFR", "ZCZC"].includes(ascii(b, 0, 4))],
    // CUR and ICO raise TypeError/IndexError (so Pillow goes on, e.g. to TGA) when the header lists no images.
    ["CUR", (b) => sniff_startsWith(b, [0, 0, 2, 0]) && (b[4] | (b[5] << 8)) > 0],
    ["DCX", (b) => b.length >= 4 && le32(b, 0) === 987654321],
    ["DDS", (b) => ascii(b, 0, 4) === "DDS "],
    ["EPS", (b) => ascii(b, 0, 4) === "%!PS" || (b.length >= 4 && le32(b, 0) === 0xc6d3d0c5)],
    ["FITS", (b) => ascii(b, 0, 6) === "SIMPLE"],
    ["FLI", (b) => b.length >= 6 && [0xaf11, 0xaf12].includes(b[4] | (b[5] << 8))],
    ["FTEX", (b) => ascii(b, 0, 4) === "FTEX"],
    [
        "GBR",
        (b) => b.length >= 8 &&
            ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >= 20 &&
            [1, 2].includes(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]) >>> 0),
    ],
    ["GRIB", (b) => ascii(b, 0, 4) === "GRIB" && b[7] === 1],
    ["HDF5", (b) => sniff_startsWith(b, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["ICNS", (b) => ascii(b, 0, 4) === "icns"],
    ["ICO", (b) => sniff_startsWith(b, [0, 0, 1, 0]) && (b[4] | (b[5] << 8)) > 0],
    ["IM", (b) => IM_FIRST_KEY.test(ascii(b, 0, 32))],
    [
        "JPEG 2000",
        (b) => sniff_startsWith(b, [0xff, 0x4f, 0xff, 0x51]) || sniff_startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
    ],
    ["McIdas", (b) => sniff_startsWith(b, [0, 0, 0, 0, 0, 0, 0, 4])],
    ["MPEG", (b) => sniff_startsWith(b, [0, 0, 1, 0xb3])],
    ["MSP", (b) => ["DanM", "LinS"].includes(ascii(b, 0, 4))],
    ["PCX", (b) => b[0] === 10 && [0, 2, 3, 5].includes(b[1])],
    ["PIXAR", (b) => sniff_startsWith(b, [0x80, 0xe8, 0, 0])],
    ["PSD", (b) => ascii(b, 0, 4) === "8BPS"],
];
/** The plugins with a magic number that are decoded here, by the name the lists give them. */
const DECODED = {
    DCX: { route: "dcx" },
    ICO: { route: "ico" },
    IM: { route: "im" },
    PCX: { route: "pcx" },
    XBM: { route: "xbm" },
};
/** After TGA: SGI, SUN... come before it; these have magic numbers but are registered after TIFF and WebP. */
const LATE_PLUGINS = [
    ["WMF", (b) => sniff_startsWith(b, [0xd7, 0xcd, 0xc6, 0x9a]) || (sniff_startsWith(b, [1, 0, 0, 0]) && ascii(b, 40, 44) === " EMF")],
    // Image.open's prefix is 16 bytes, and bytes.lstrip() strips only ASCII whitespace.
    ["XBM", (b) => /^[ \t\n\r\v\f]*#define/.test(ascii(b, 0, 16))],
    ["XPM", (b) => ascii(b, 0, 9) === "/* XPM */"],
    ["XVThumb", (b) => ascii(b, 0, 6) === "P7 332"],
];
/** Formats libvips or common tools produce that no Pillow 10.4 plugin opens, named for the message. */
function nameUnopenable(b) {
    const brand = ascii(b, 4, 12);
    if (brand === "ftypavif" || brand === "ftypavis")
        return "AVIF";
    if (/^ftyp(heic|heix|hevc|heim|heis|hevm|hevs|mif1|msf1)$/.test(brand))
        return "HEIF";
    if (sniff_startsWith(b, [0xff, 0x0a]) || sniff_startsWith(b, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
        return "JPEG XL";
    if (ascii(b, 0, 5) === "%PDF-")
        return "PDF";
    const text = ascii(b, 0, b.length).trimStart().toLowerCase();
    if (text.startsWith("<svg") || text.startsWith("<?xml"))
        return "SVG";
    if (sniff_startsWith(b, [0x1f, 0x8b]))
        return "gzip-compressed data";
    if (b.length === 0)
        return "an empty file";
    return "an unrecognised format";
}
function sniff(b) {
    // Image.preinit's plugins.
    if (b[0] === 0x42 && b[1] === 0x4d)
        return { route: "bmp", dib: false };
    if (b.length >= 4 && [12, 40, 52, 56, 64, 108, 124].includes(le32(b, 0)))
        return { route: "bmp", dib: true };
    if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")
        return { route: "gif" };
    if (sniff_startsWith(b, [0xff, 0xd8, 0xff]))
        return { route: "sharp", format: "JPEG" };
    // PPM's _accept; a magic it does not know then raises SyntaxError and Pillow goes on.
    if (b[0] === 0x50 && b.length > 1 && "0123456fy".includes(String.fromCharCode(b[1]))) {
        // _read_magic: up to 6 characters, ending at whitespace.
        let magic = "";
        for (let i = 0; i < 6 && i < b.length && ![0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(b[i]); i++)
            magic += String.fromCharCode(b[i]);
        if (!["P1", "P2", "P3", "P4", "P5", "P6", "Pf", "P0CMYK", "PyP", "PyRGBA", "PyCMYK"].includes(magic))
            magic = "";
        if (magic && /^P[1-6]$/.test(magic))
            return { route: "ppm" };
        if (magic)
            return { route: "unreproducible", format: `PPM ${magic}` };
    }
    if (sniff_startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        return { route: "sharp", format: "PNG" };
    // Image.init's plugins, in order.
    for (const [format, accept] of OTHER_PLUGINS)
        if (accept(b))
            return format === "JPEG 2000" ? { route: "jpeg2000" } : (DECODED[format] ?? { route: "unreproducible", format });
    if (ascii(b, 0, 4) === "qoif")
        return { route: "qoi" };
    if (b.length >= 2 && ((b[0] << 8) | b[1]) === 474)
        return { route: "sgi" };
    if (b.length >= 4 && ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0 === 0x59a66a95)
        return { route: "sun" };
    const tga = tgaHeader(b);
    if (tga)
        return { route: "tga", header: tga };
    const tiffMagic = ascii(b, 0, 4);
    if (["MM\x00\x2a", "II\x2a\x00", "MM\x2a\x00", "II\x00\x2a", "MM\x00\x2b", "II\x2b\x00"].includes(tiffMagic)) {
        // Pillow lists the byte-swapped headers too, but then reads the byte order from the first two bytes only.
        if (tiffMagic === "MM\x2a\x00" || tiffMagic === "II\x00\x2a")
            return { route: "unreproducible", format: "TIFF with a byte-swapped header" };
        return { route: "tiff" };
    }
    if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP")
        return { route: "sharp", format: "WebP" };
    for (const [format, accept] of LATE_PLUGINS)
        if (accept(b))
            return DECODED[format] ?? { route: "unreproducible", format };
    return { route: "refused", format: nameUnopenable(b) };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/sun.ts



const sun_be32 = (b, at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
function decodeSun(data) {
    if (data.length < 32)
        throw new PillowRefuses("SUN: the header is truncated");
    const width = sun_be32(data, 4);
    const height = sun_be32(data, 8);
    const depth = sun_be32(data, 12);
    const type = sun_be32(data, 20);
    const paletteType = sun_be32(data, 24);
    const paletteLength = sun_be32(data, 28);
    let mode;
    let rawmode;
    if (depth === 1)
        [mode, rawmode] = ["1", "1;I"];
    else if (depth === 4)
        [mode, rawmode] = ["L", "L;4"];
    else if (depth === 8)
        [mode, rawmode] = ["L", "L"];
    else if (depth === 24)
        [mode, rawmode] = ["RGB", type === 3 ? "RGB" : "BGR"];
    else if (depth === 32)
        [mode, rawmode] = ["RGB", type === 3 ? "RGBX" : "BGRX"];
    else
        throw new PillowRefuses(`SUN: unsupported mode/bit depth (${depth})`);
    let offset = 32;
    let palette;
    if (paletteLength) {
        if (paletteLength > 1024)
            throw new PillowRefuses("SUN: unsupported color palette length");
        if (paletteType !== 1)
            throw new PillowRefuses("SUN: unsupported palette type");
        offset += paletteLength;
        const raw = data.subarray(32, Math.min(offset, data.length));
        // putpalette("RGB", "RGB;L"): len / 3 entries, planar; only "L" and "P" images take a palette, and at most 256 entries.
        if (mode !== "L")
            throw new PillowRefuses(`SUN: a colour map on a ${mode} image (illegal image mode)`);
        const entries = Math.floor(raw.length / 3);
        if (entries > 256)
            throw new PillowRefuses(`SUN: a colour map of ${entries} entries (invalid palette size)`);
        palette = new Uint8Array(entries * 3);
        for (let i = 0; i < entries; i++) {
            palette[i * 3] = raw[i];
            palette[i * 3 + 1] = raw[i + entries];
            palette[i * 3 + 2] = raw[i + 2 * entries];
        }
        mode = "P";
        rawmode = rawmode.replace("L", "P");
    }
    if (width === 0 || height === 0)
        throw new PillowRefuses(`SUN: ${width}x${height} pixels`);
    checkPixelLimit(width, height);
    let lines;
    let starts;
    if ([0, 1, 3, 4, 5].includes(type)) {
        const stride = Math.floor((width * depth + 15) / 16) * 2;
        lines = data;
        starts = rawLines("SUN", data, offset, width, height, rawmode, stride, 1).starts;
    }
    else if (type === 2) {
        const lineBytes = Math.ceil((width * rawBits(rawmode)) / 8);
        lines = sun_rle(data, offset, lineBytes, height);
        starts = Array.from({ length: height }, (_, y) => y * lineBytes);
    }
    else {
        throw new PillowRefuses(`SUN: unsupported raster file type (${type})`);
    }
    if (mode === "RGB") {
        const out = new Uint8Array(width * height * 3);
        for (let y = 0; y < height; y++)
            unpackRgbLine(rawmode, lines, starts[y], width, out, y * width * 3);
        return { width, height, data: out };
    }
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
        unpackIndexLine(rawmode === "L;4" ? "P;4" : rawmode, lines, starts[y], width, out, y * width);
    // "L;4" is grey in 16 steps: each nibble times 0x11.
    if (rawmode === "L;4")
        for (let i = 0; i < out.length; i++)
            out[i] *= 17;
    if (mode === "P")
        return paletteToRgb(width, height, out, palette);
    // "1;I" already gave 0 for a set bit and 255 for a clear one.
    return grayToRgb(width, height, out);
}
/** ImagingSunRleDecode: 0x80 0 is a literal 0x80; 0x80 n v is n + 1 copies of v, carried on into the next lines. */
function sun_rle(data, pos, lineBytes, height) {
    const out = new Uint8Array(lineBytes * height);
    const total = out.length;
    let n = 0;
    const truncated = () => new PillowRefuses("SUN: image file is truncated");
    while (n < total) {
        if (pos >= data.length)
            throw truncated();
        if (data[pos] === 0x80) {
            if (pos + 1 >= data.length)
                throw truncated();
            if (data[pos + 1] === 0) {
                out[n++] = 0x80;
                pos += 2;
            }
            else {
                if (pos + 2 >= data.length)
                    throw truncated();
                const count = Math.min(data[pos + 1] + 1, total - n);
                out.fill(data[pos + 2], n, n + count);
                n += count;
                pos += 3;
            }
        }
        else {
            out[n++] = data[pos++];
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/preprocess/formats/tiff-tags.ts
/**
 * The first IFD of a TIFF (classic or BigTIFF), read only for the tags that
 * decide what Pillow's TiffImagePlugin makes of the image.
 */

const TAG = {
    width: 256,
    height: 257,
    bitsPerSample: 258,
    compression: 259,
    photometric: 262,
    fillOrder: 266,
    stripOffsets: 273,
    orientation: 274,
    samplesPerPixel: 277,
    rowsPerStrip: 278,
    stripByteCounts: 279,
    planarConfig: 284,
    predictor: 317,
    tileWidth: 322,
    colorMap: 320,
    extraSamples: 338,
    sampleFormat: 339,
    jpegXr: 0xbc01,
};
/** Sizes of TIFF field types 1..18; numeric types only matter here. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8];
function readIfd0(data) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const le = data[0] === 0x49;
    const big = (le ? view.getUint16(2, true) : view.getUint16(2, false)) === 43;
    const bad = (why) => new PillowRefuses(`TIFF: ${why}`);
    const u16 = (at) => view.getUint16(at, le);
    const u32 = (at) => view.getUint32(at, le);
    const u64 = (at) => Number(view.getBigUint64(at, le));
    const inRange = (at, n) => {
        if (at < 0 || at + n > data.length)
            throw bad("the directory points past the end of the file");
    };
    inRange(0, big ? 16 : 8);
    const ifd = big ? u64(8) : u32(4);
    inRange(ifd, big ? 8 : 2);
    const count = big ? u64(ifd) : u16(ifd);
    const entrySize = big ? 20 : 12;
    const first = ifd + (big ? 8 : 2);
    inRange(first, count * entrySize);
    const tags = new Map();
    for (let i = 0; i < count; i++) {
        const e = first + i * entrySize;
        const tag = u16(e);
        const type = u16(e + 2);
        const n = big ? u64(e + 4) : u32(e + 4);
        const size = TYPE_SIZE[type] ?? 0;
        if (!size || type === 2 || type === 7) {
            tags.set(tag, []);
            continue;
        }
        const inline = big ? 8 : 4;
        const at = size * n <= inline ? e + (big ? 12 : 8) : big ? u64(e + 12) : u32(e + 8);
        inRange(at, size * n);
        const values = [];
        for (let k = 0; k < n; k++) {
            const p = at + k * size;
            switch (type) {
                case 1:
                    values.push(data[p]);
                    break;
                case 3:
                    values.push(u16(p));
                    break;
                case 4:
                case 13:
                    values.push(u32(p));
                    break;
                case 6:
                    values.push(view.getInt8(p));
                    break;
                case 8:
                    values.push(view.getInt16(p, le));
                    break;
                case 9:
                    values.push(view.getInt32(p, le));
                    break;
                case 16:
                case 18:
                    values.push(u64(p));
                    break;
                default:
                    values.push(NaN);
            }
        }
        tags.set(tag, values);
    }
    return { littleEndian: le, tags };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/tiff-modes.ts
/**
 * Pillow 10.4's TiffImagePlugin.OPEN_INFO, generated from its source: the key
 * is "byteorder photometric sampleformat fillorder bitspersample extrasamples"
 * (tuples comma-joined), the value Pillow's [mode, rawmode]. A TIFF whose key
 * is missing is "unknown pixel mode" to Pillow: it cannot open it.
 */
const OPEN_INFO = {
    "II 0 1 1 1 ": ["1", "1;I"],
    "MM 0 1 1 1 ": ["1", "1;I"],
    "II 0 1 2 1 ": ["1", "1;IR"],
    "MM 0 1 2 1 ": ["1", "1;IR"],
    "II 1 1 1 1 ": ["1", "1"],
    "MM 1 1 1 1 ": ["1", "1"],
    "II 1 1 2 1 ": ["1", "1;R"],
    "MM 1 1 2 1 ": ["1", "1;R"],
    "II 0 1 1 2 ": ["L", "L;2I"],
    "MM 0 1 1 2 ": ["L", "L;2I"],
    "II 0 1 2 2 ": ["L", "L;2IR"],
    "MM 0 1 2 2 ": ["L", "L;2IR"],
    "II 1 1 1 2 ": ["L", "L;2"],
    "MM 1 1 1 2 ": ["L", "L;2"],
    "II 1 1 2 2 ": ["L", "L;2R"],
    "MM 1 1 2 2 ": ["L", "L;2R"],
    "II 0 1 1 4 ": ["L", "L;4I"],
    "MM 0 1 1 4 ": ["L", "L;4I"],
    "II 0 1 2 4 ": ["L", "L;4IR"],
    "MM 0 1 2 4 ": ["L", "L;4IR"],
    "II 1 1 1 4 ": ["L", "L;4"],
    "MM 1 1 1 4 ": ["L", "L;4"],
    "II 1 1 2 4 ": ["L", "L;4R"],
    "MM 1 1 2 4 ": ["L", "L;4R"],
    "II 0 1 1 8 ": ["L", "L;I"],
    "MM 0 1 1 8 ": ["L", "L;I"],
    "II 0 1 2 8 ": ["L", "L;IR"],
    "MM 0 1 2 8 ": ["L", "L;IR"],
    "II 1 1 1 8 ": ["L", "L"],
    "MM 1 1 1 8 ": ["L", "L"],
    "II 1 2 1 8 ": ["L", "L"],
    "MM 1 2 1 8 ": ["L", "L"],
    "II 1 1 2 8 ": ["L", "L;R"],
    "MM 1 1 2 8 ": ["L", "L;R"],
    "II 1 1 1 12 ": ["I;16", "I;12"],
    "II 0 1 1 16 ": ["I;16", "I;16"],
    "II 1 1 1 16 ": ["I;16", "I;16"],
    "MM 1 1 1 16 ": ["I;16B", "I;16B"],
    "II 1 1 2 16 ": ["I;16", "I;16R"],
    "II 1 2 1 16 ": ["I", "I;16S"],
    "MM 1 2 1 16 ": ["I", "I;16BS"],
    "II 0 3 1 32 ": ["F", "F;32F"],
    "MM 0 3 1 32 ": ["F", "F;32BF"],
    "II 1 1 1 32 ": ["I", "I;32N"],
    "II 1 2 1 32 ": ["I", "I;32S"],
    "MM 1 2 1 32 ": ["I", "I;32BS"],
    "II 1 3 1 32 ": ["F", "F;32F"],
    "MM 1 3 1 32 ": ["F", "F;32BF"],
    "II 1 1 1 8,8 2": ["LA", "LA"],
    "MM 1 1 1 8,8 2": ["LA", "LA"],
    "II 2 1 1 8,8,8 ": ["RGB", "RGB"],
    "MM 2 1 1 8,8,8 ": ["RGB", "RGB"],
    "II 2 1 2 8,8,8 ": ["RGB", "RGB;R"],
    "MM 2 1 2 8,8,8 ": ["RGB", "RGB;R"],
    "II 2 1 1 8,8,8,8 ": ["RGBA", "RGBA"],
    "MM 2 1 1 8,8,8,8 ": ["RGBA", "RGBA"],
    "II 2 1 1 8,8,8,8 0": ["RGB", "RGBX"],
    "MM 2 1 1 8,8,8,8 0": ["RGB", "RGBX"],
    "II 2 1 1 8,8,8,8,8 0,0": ["RGB", "RGBXX"],
    "MM 2 1 1 8,8,8,8,8 0,0": ["RGB", "RGBXX"],
    "II 2 1 1 8,8,8,8,8,8 0,0,0": ["RGB", "RGBXXX"],
    "MM 2 1 1 8,8,8,8,8,8 0,0,0": ["RGB", "RGBXXX"],
    "II 2 1 1 8,8,8,8 1": ["RGBA", "RGBa"],
    "MM 2 1 1 8,8,8,8 1": ["RGBA", "RGBa"],
    "II 2 1 1 8,8,8,8,8 1,0": ["RGBA", "RGBaX"],
    "MM 2 1 1 8,8,8,8,8 1,0": ["RGBA", "RGBaX"],
    "II 2 1 1 8,8,8,8,8,8 1,0,0": ["RGBA", "RGBaXX"],
    "MM 2 1 1 8,8,8,8,8,8 1,0,0": ["RGBA", "RGBaXX"],
    "II 2 1 1 8,8,8,8 2": ["RGBA", "RGBA"],
    "MM 2 1 1 8,8,8,8 2": ["RGBA", "RGBA"],
    "II 2 1 1 8,8,8,8,8 2,0": ["RGBA", "RGBAX"],
    "MM 2 1 1 8,8,8,8,8 2,0": ["RGBA", "RGBAX"],
    "II 2 1 1 8,8,8,8,8,8 2,0,0": ["RGBA", "RGBAXX"],
    "MM 2 1 1 8,8,8,8,8,8 2,0,0": ["RGBA", "RGBAXX"],
    "II 2 1 1 8,8,8,8 999": ["RGBA", "RGBA"],
    "MM 2 1 1 8,8,8,8 999": ["RGBA", "RGBA"],
    "II 2 1 1 16,16,16 ": ["RGB", "RGB;16L"],
    "MM 2 1 1 16,16,16 ": ["RGB", "RGB;16B"],
    "II 2 1 1 16,16,16,16 ": ["RGBA", "RGBA;16L"],
    "MM 2 1 1 16,16,16,16 ": ["RGBA", "RGBA;16B"],
    "II 2 1 1 16,16,16,16 0": ["RGB", "RGBX;16L"],
    "MM 2 1 1 16,16,16,16 0": ["RGB", "RGBX;16B"],
    "II 2 1 1 16,16,16,16 1": ["RGBA", "RGBa;16L"],
    "MM 2 1 1 16,16,16,16 1": ["RGBA", "RGBa;16B"],
    "II 2 1 1 16,16,16,16 2": ["RGBA", "RGBA;16L"],
    "MM 2 1 1 16,16,16,16 2": ["RGBA", "RGBA;16B"],
    "II 3 1 1 1 ": ["P", "P;1"],
    "MM 3 1 1 1 ": ["P", "P;1"],
    "II 3 1 2 1 ": ["P", "P;1R"],
    "MM 3 1 2 1 ": ["P", "P;1R"],
    "II 3 1 1 2 ": ["P", "P;2"],
    "MM 3 1 1 2 ": ["P", "P;2"],
    "II 3 1 2 2 ": ["P", "P;2R"],
    "MM 3 1 2 2 ": ["P", "P;2R"],
    "II 3 1 1 4 ": ["P", "P;4"],
    "MM 3 1 1 4 ": ["P", "P;4"],
    "II 3 1 2 4 ": ["P", "P;4R"],
    "MM 3 1 2 4 ": ["P", "P;4R"],
    "II 3 1 1 8 ": ["P", "P"],
    "MM 3 1 1 8 ": ["P", "P"],
    "II 3 1 1 8,8 0": ["P", "PX"],
    "II 3 1 1 8,8 2": ["PA", "PA"],
    "MM 3 1 1 8,8 2": ["PA", "PA"],
    "II 3 1 2 8 ": ["P", "P;R"],
    "MM 3 1 2 8 ": ["P", "P;R"],
    "II 5 1 1 8,8,8,8 ": ["CMYK", "CMYK"],
    "MM 5 1 1 8,8,8,8 ": ["CMYK", "CMYK"],
    "II 5 1 1 8,8,8,8,8 0": ["CMYK", "CMYKX"],
    "MM 5 1 1 8,8,8,8,8 0": ["CMYK", "CMYKX"],
    "II 5 1 1 8,8,8,8,8,8 0,0": ["CMYK", "CMYKXX"],
    "MM 5 1 1 8,8,8,8,8,8 0,0": ["CMYK", "CMYKXX"],
    "II 5 1 1 16,16,16,16 ": ["CMYK", "CMYK;16L"],
    "II 6 1 1 8 ": ["L", "L"],
    "MM 6 1 1 8 ": ["L", "L"],
    "II 6 1 1 8,8,8 ": ["RGB", "RGBX"],
    "MM 6 1 1 8,8,8 ": ["RGB", "RGBX"],
    "II 8 1 1 8,8,8 ": ["LAB", "LAB"],
    "MM 8 1 1 8,8,8 ": ["LAB", "LAB"],
};

;// CONCATENATED MODULE: ./src/preprocess/formats/tiff.ts
/**
 * What Pillow 10.4's TiffImagePlugin makes of a TIFF's first IFD (its
 * `_setup`), and whether sharp's decode of it can be turned into Pillow's
 * pixels. libtiff does the codec work on both sides; what differs is what
 * each does around it:
 * - Pillow applies the Orientation tag on load, unlike for any other format
 *   (10.4: ImageOps.exif_transpose in TiffImageFile.load_end; 9.4 the same
 *   transposes through `_tile_orientation`);
 * - associated alpha ("RGBa") is divided out by Pillow's unpacker in
 *   integers (0 where alpha is 0), by libvips on load in floats, and 32-bit
 *   float grey ("F") reaches RGB through Pillow's "L" by truncation: for
 *   both, sharp cannot give the stored samples, so tiff-strips.ts reads them;
 * - a colour map is scaled by // 256 always (libvips keeps maps it thinks
 *   are 8-bit as they are);
 * - modes with no faithful route (LAB, which Pillow turns into RGB through
 *   LittleCMS; signed, 12-bit, 16-bit CMYK or MinIsWhite, YCbCr without JPEG
 *   compression, extra bands...) are refused as unreproducible rather than
 *   guessed.
 */



const COMPRESSION = {
    1: "raw",
    2: "tiff_ccitt",
    3: "group3",
    4: "group4",
    5: "tiff_lzw",
    6: "tiff_jpeg",
    7: "jpeg",
    8: "tiff_adobe_deflate",
    32771: "tiff_raw_16",
    32773: "packbits",
    32809: "tiff_thunderscan",
    32946: "tiff_deflate",
    34676: "tiff_sgilog",
    34677: "tiff_sgilog24",
    34925: "lzma",
    50000: "zstd",
    50001: "webp",
};
/** Codecs whose output is the same bytes whichever libtiff decodes them (lossless, or JPEG through libjpeg-turbo). */
const REPRODUCIBLE_COMPRESSION = new Set([1, 2, 3, 4, 5, 7, 8, 32773, 32946]);
/** Pillow (mode, rawmode) pairs that sharp's decode reproduces, and the fix-up each needs. */
const ROUTES = {
    "1/1": "as-is",
    "1/1;I": "as-is",
    "1/1;R": "as-is",
    "1/1;IR": "as-is",
    "L/L": "as-is",
    "L/L;I": "as-is",
    "L/L;R": "as-is",
    "L/L;IR": "as-is",
    "L/L;2": "as-is",
    "L/L;4": "as-is",
    "LA/LA": "as-is",
    "I;16/I;16": "as-is",
    "I;16B/I;16B": "as-is",
    "RGB/RGB": "as-is",
    "RGB/RGB;R": "as-is",
    "RGB/RGBX": "as-is",
    "RGBA/RGBA": "as-is",
    "RGB/RGB;16L": "as-is",
    "RGB/RGB;16B": "as-is",
    "RGBA/RGBA;16L": "as-is",
    "RGBA/RGBA;16B": "as-is",
    "RGB/RGBX;16L": "as-is",
    "RGB/RGBX;16B": "as-is",
    "P/P;1": "colormap",
    "P/P;2": "colormap",
    "P/P;4": "colormap",
    "P/P": "colormap",
    "CMYK/CMYK": "as-is",
    "RGBA/RGBa": "RGBa",
    "F/F;32F": "F",
    "F/F;32BF": "F",
};
function planTiff(data) {
    const { littleEndian, tags } = readIfd0(data);
    const one = (tag) => tags.get(tag)?.[0];
    if (tags.has(TAG.jpegXr))
        throw new PillowRefuses("TIFF: Windows Media Photo");
    const compression = one(TAG.compression) ?? 1;
    const compressionName = COMPRESSION[compression];
    if (compressionName === undefined)
        throw new PillowRefuses(`TIFF: unknown compression ${compression}`);
    let photo = one(TAG.photometric) ?? 0;
    if (compressionName === "tiff_jpeg")
        photo = 6;
    const fillOrder = one(TAG.fillOrder) ?? 1;
    if (one(TAG.width) === undefined || one(TAG.height) === undefined)
        throw new PillowRefuses("TIFF: no image size");
    let sampleFormat = tags.get(TAG.sampleFormat) ?? [1];
    if (sampleFormat.length > 1 && sampleFormat.every((v) => v === 1))
        sampleFormat = [1];
    let bps = tags.get(TAG.bitsPerSample) ?? [1];
    const extra = tags.get(TAG.extraSamples) ?? [];
    const spp = one(TAG.samplesPerPixel) ?? (compressionName === "tiff_jpeg" && (photo === 2 || photo === 6) ? 3 : 1);
    if (spp > 6)
        throw new PillowRefuses("TIFF: invalid value for samples per pixel");
    if (spp < bps.length)
        bps = bps.slice(0, spp);
    else if (spp > bps.length && bps.length === 1)
        bps = Array.from({ length: spp }, () => bps[0]);
    if (bps.length !== spp)
        throw new PillowRefuses("TIFF: unknown data organization");
    const key = `${littleEndian ? "II" : "MM"} ${photo} ${sampleFormat.join(",")} ${fillOrder} ${bps.join(",")} ${extra.join(",")}`;
    const found = OPEN_INFO[key];
    if (!found)
        throw new PillowRefuses(`TIFF: unknown pixel mode (photometric ${photo}, ${bps.join("/")} bits, extra samples [${extra.join(",")}])`);
    const [mode, rawmode] = found;
    const what = `TIFF ${mode} (rawmode ${rawmode}, ${compressionName})`;
    // Uncompressed YCbCr is unpacked as 4-byte "RGBX" from 3-byte (or subsampled) samples: the data runs out.
    if (photo === 6 && compressionName === "raw")
        throw new PillowRefuses("TIFF: uncompressed YCbCr (read as RGBX, image file is truncated)");
    if (!REPRODUCIBLE_COMPRESSION.has(compression))
        throw new CannotReproduce(what);
    const planar = one(TAG.planarConfig) ?? 1;
    const route = photo === 6 ? (compressionName === "jpeg" && bps.length === 3 && planar === 1 ? "as-is" : undefined) : ROUTES[`${mode}/${rawmode}`];
    if (route === undefined)
        throw new CannotReproduce(what);
    let fix = "as-is";
    if (route === "colormap") {
        const map = tags.get(TAG.colorMap) ?? [];
        if (map.length === 0)
            throw new PillowRefuses("TIFF: palette image without a colour map");
        // libvips takes a map with no entry above 255 as 8-bit; Pillow's // 256 makes every entry 0.
        if (map.every((v) => v < 256))
            fix = "black";
    }
    const strips = route === "RGBa" || route === "F" ? route : undefined;
    return { fix, strips, littleEndian, orientation: one(TAG.orientation) ?? 1 };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/preprocess/formats/tiff-strips.ts
/**
 * The strips of a TIFF, decompressed here rather than by sharp, for the two
 * modes whose samples libvips changes before anyone can see them: associated
 * alpha (libvips divides it out in floats, Pillow's "RGBa" unpacker in
 * integers) and 32-bit float grey (libvips keeps the floats, Pillow's
 * convert("RGB") goes through "L" by truncation). Only the codecs Pillow's
 * libtiff decodes losslessly and datasets use: none, LZW, Deflate, PackBits.
 */



/** LZW as libtiff's tif_lzw.c decodes "new-style" (MSB-first, early change) codes. */
function tiff_strips_lzw(src, expected) {
    if (src.length >= 2 && src[0] === 0 && src[1] & 1)
        throw new CannotReproduce("TIFF with old-style (LSB-first) LZW");
    const out = new Uint8Array(expected);
    const prefix = new Int32Array(4096);
    const suffix = new Uint8Array(4096);
    const first = new Uint8Array(4096);
    const length = new Int32Array(4096);
    for (let i = 0; i < 256; i++)
        [suffix[i], first[i], length[i], prefix[i]] = [i, i, 1, -1];
    let o = 0;
    let bitPos = 0;
    let width = 9;
    let next = 258;
    let prev = -1;
    const read = () => {
        if (bitPos + width > src.length * 8)
            return 257;
        let v = 0;
        for (let i = 0; i < width; i++, bitPos++)
            v = (v << 1) | ((src[bitPos >> 3] >> (7 - (bitPos & 7))) & 1);
        return v;
    };
    const emit = (code) => {
        const n = length[code];
        for (let c = code, k = n - 1; k >= 0; k--, c = prefix[c])
            if (o + k < expected)
                out[o + k] = suffix[c];
        o += n;
    };
    while (o < expected) {
        const code = read();
        if (code === 257)
            break;
        if (code === 256) {
            [width, next, prev] = [9, 258, -1];
            continue;
        }
        if (prev === -1) {
            if (code > 255)
                throw new PillowRefuses("TIFF: corrupted LZW table");
            emit(code);
            prev = code;
            continue;
        }
        if (code > next)
            throw new PillowRefuses("TIFF: corrupted LZW table");
        const known = code < next;
        if (next < 4096) {
            prefix[next] = prev;
            suffix[next] = known ? first[code] : first[prev];
            first[next] = first[prev];
            length[next] = length[prev] + 1;
            next++;
        }
        emit(code);
        prev = code;
        if (next >= (1 << width) - 1 && width < 12)
            width++;
    }
    return out.subarray(0, Math.min(o, expected));
}
function packbits(src, expected) {
    const out = new Uint8Array(expected);
    let o = 0;
    for (let i = 0; i < src.length && o < expected;) {
        const n = (src[i++] << 24) >> 24;
        if (n >= 0) {
            out.set(src.subarray(i, i + n + 1).subarray(0, expected - o), o);
            o += Math.min(n + 1, src.length - i);
            i += n + 1;
        }
        else if (n !== -128) {
            out.fill(src[i++], o, Math.min(expected, o + 1 - n));
            o += 1 - n;
        }
    }
    return out.subarray(0, Math.min(o, expected));
}
/** The first IFD's pixel data, for chunky (PlanarConfiguration 1) striped images. */
function readStrips(data, ifd, samples, sampleBytes, what) {
    const bytesPerPixel = samples * sampleBytes;
    const one = (tag) => ifd.tags.get(tag)?.[0];
    const width = one(TAG.width) ?? 0;
    const height = one(TAG.height) ?? 0;
    if (ifd.tags.has(TAG.tileWidth) || (one(TAG.planarConfig) ?? 1) !== 1 || (one(TAG.fillOrder) ?? 1) !== 1)
        throw new CannotReproduce(`${what}, tiled, planar or bit-reversed`);
    const compression = one(TAG.compression) ?? 1;
    const predictor = one(TAG.predictor) ?? 1;
    // Horizontal differencing of bytes; of wider samples (and floating-point prediction) it is not done here.
    if (predictor !== 1 && !(predictor === 2 && sampleBytes === 1))
        throw new CannotReproduce(`${what} with predictor ${predictor}`);
    const offsets = ifd.tags.get(TAG.stripOffsets) ?? [];
    const counts = ifd.tags.get(TAG.stripByteCounts) ?? [];
    const rowsPerStrip = Math.min(one(TAG.rowsPerStrip) ?? height, height) || height;
    const rowBytes = width * bytesPerPixel;
    const out = new Uint8Array(rowBytes * height);
    for (let s = 0, y = 0; y < height; s++, y += rowsPerStrip) {
        const rows = Math.min(rowsPerStrip, height - y);
        const expected = rows * rowBytes;
        const [at, count] = [offsets[s], counts[s] ?? expected];
        if (at === undefined || at + Math.min(count, 1) > data.length)
            throw new PillowRefuses("TIFF: image file is truncated");
        const src = data.subarray(at, at + count);
        let strip;
        if (compression === 1)
            strip = src.subarray(0, expected);
        else if (compression === 5)
            strip = tiff_strips_lzw(src, expected);
        else if (compression === 8 || compression === 32946)
            strip = (0,external_node_zlib_.inflateSync)(src).subarray(0, expected);
        else if (compression === 32773)
            strip = packbits(src, expected);
        else
            throw new CannotReproduce(`${what} compressed with scheme ${compression}`);
        if (strip.length < expected)
            throw new PillowRefuses("TIFF: image file is truncated");
        if (predictor === 2)
            for (let r = 0; r < rows; r++)
                for (let i = r * rowBytes + samples; i < (r + 1) * rowBytes; i++)
                    strip[i] = (strip[i] + strip[i - samples]) & 0xff;
        out.set(strip, y * rowBytes);
    }
    return { width, height, data: out };
}
/** Pillow's "RGBa" unpacker (c * 255 / a in integers, 0 where a is 0), then convert("RGB") drops alpha. */
function unpremultiplyToRgb(strips) {
    const pixels = strips.width * strips.height;
    const out = new Uint8Array(pixels * 3);
    const s = strips.data;
    for (let i = 0; i < pixels; i++) {
        const a = s[4 * i + 3];
        for (let c = 0; c < 3; c++) {
            const v = s[4 * i + c];
            out[3 * i + c] = a === 0 ? 0 : a === 255 ? v : Math.min(255, Math.trunc((v * 255) / a));
        }
    }
    return out;
}
/** Mode "F" to "RGB": Pillow has no direct conversion and goes through "L" (f2l: clipped, then truncated). */
function floatToRgb(strips, littleEndian) {
    const pixels = strips.width * strips.height;
    const view = new DataView(strips.data.buffer, strips.data.byteOffset, strips.data.byteLength);
    const out = new Uint8Array(pixels * 3);
    for (let i = 0; i < pixels; i++) {
        const v = view.getFloat32(4 * i, littleEndian);
        // NaN fails both comparisons; C's (UINT8) cast of it gives 0 on x86 (cvttss2si's 0x80000000).
        const l = v <= 0 ? 0 : v >= 255 ? 255 : Number.isNaN(v) ? 0 : Math.trunc(v);
        out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = l;
    }
    return out;
}
/** A TIFF that planTiff sent here: its first IFD's strips, as Pillow's convert("RGB") sees them (before orientation). */
function decodeTiffStrips(data, kind, littleEndian) {
    const ifd = readIfd0(data);
    const strips = kind === "RGBa" ? readStrips(data, ifd, 4, 1, "TIFF RGBa") : readStrips(data, ifd, 1, 4, "TIFF F");
    const rgb = kind === "RGBa" ? unpremultiplyToRgb(strips) : floatToRgb(strips, littleEndian);
    return { width: strips.width, height: strips.height, data: rgb };
}

;// CONCATENATED MODULE: ./src/preprocess/formats/xbm.ts


/**
 * xbm_head, over latin-1 text: Python's bytes \s is [ \t\n\r\f\v] and its "."
 * is anything but \n (JavaScript's would also stop at \r).
 */
const XBM_HEAD = new RegExp("^[ \\t\\n\\r\\f\\v]*#define[ \\t]+[^\\n]*_width[ \\t]+([0-9]+)[\\r\\n]+" +
    "#define[ \\t]+[^\\n]*_height[ \\t]+([0-9]+)[\\r\\n]+" +
    "(?:#define[ \\t]+[^_]*_x_hot[ \\t]+[0-9]+[\\r\\n]+#define[ \\t]+[^_]*_y_hot[ \\t]+[0-9]+[\\r\\n]+)?" +
    "[\\x00-\\xff]*_bits\\[\\]");
/** The HEX macro of XbmDecode.c. */
function hex(c) {
    if (c >= 0x30 && c <= 0x39)
        return c - 0x30;
    if (c >= 0x61 && c <= 0x66)
        return c - 0x61 + 10;
    if (c >= 0x41 && c <= 0x46)
        return c - 0x41 + 10;
    return 0;
}
function decodeXbm(data) {
    const head = String.fromCharCode(...data.subarray(0, 512));
    const m = XBM_HEAD.exec(head);
    if (!m)
        throw new PillowRefuses("XBM: not a XBM file");
    const width = Number(m[1]);
    const height = Number(m[2]);
    if (width === 0 || height === 0)
        throw new PillowRefuses(`XBM: ${width}x${height} pixels`);
    checkPixelLimit(width, height);
    const lineBytes = (width + 7) >> 3;
    const out = new Uint8Array(width * height);
    let pos = m[0].length;
    for (let y = 0; y < height; y++) {
        for (let b = 0; b < lineBytes; b++) {
            while (pos < data.length && data[pos] !== 0x78)
                pos++;
            if (pos + 3 > data.length)
                throw new PillowRefuses("XBM: image file is truncated");
            const byte = (hex(data[pos + 1]) << 4) + hex(data[pos + 2]);
            pos += 3;
            // "1;R": least significant bit first, a set bit is white.
            for (let bit = 0; bit < 8 && b * 8 + bit < width; bit++)
                out[y * width + b * 8 + bit] = byte & (1 << bit) ? 255 : 0;
        }
    }
    return grayToRgb(width, height, out);
}

;// CONCATENATED MODULE: ./src/preprocess/decode.ts
/**
 * Decoding an image file to the 8-bit RGB pixels that Pillow 10.4's
 * `Image.open(path).convert("RGB")` gives. The first bytes say which Pillow
 * plugin would open the file (formats/sniff.ts). JPEG, PNG and WebP go to
 * sharp (libvips), with everything Pillow does differently from libvips'
 * defaults undone here: no ICC transform, no EXIF rotation, alpha dropped
 * rather than composited, CMYK through Pillow's plain formula, 16-bit
 * samples reduced the way Pillow's PNG modes do. TIFF is planned from its
 * tags as Pillow reads them and decoded by sharp. BMP/DIB, GIF, PPM, TGA,
 * QOI, PCX/DCX, ICO (a PNG frame goes to sharp), SGI, SUN, XBM and IM have
 * small decoders of their own that follow Pillow's plugins. Files
 * Pillow cannot open, and files whose Pillow pixels this tool cannot promise,
 * fail with an ImageError that says which.
 */




















function decode_open(sharp, input) {
    // 'truncated' fails where Pillow raises "image file is truncated"; lesser
    // libjpeg warnings are ignored by Pillow and must not fail here either.
    return sharp(input, { failOn: "truncated", ignoreIcc: true, limitInputPixels: PILLOW_MAX_PIXELS, autoOrient: false });
}
/** Spreads 1 (L), 2 (LA), 3 (RGB) or 4 (RGBA) channel samples to RGB, dropping alpha like Pillow. */
function toRgb(samples, channels, pixels, reduce) {
    const out = new Uint8Array(pixels * 3);
    const colour = channels >= 3;
    for (let i = 0, s = 0, o = 0; i < pixels; i++, s += channels, o += 3) {
        if (colour) {
            out[o] = reduce(samples[s]);
            out[o + 1] = reduce(samples[s + 1]);
            out[o + 2] = reduce(samples[s + 2]);
        }
        else {
            out[o] = out[o + 1] = out[o + 2] = reduce(samples[s]);
        }
    }
    return out;
}
const identity = (v) => v;
/** Pillow opens 16-bit RGB(A)/LA PNGs through their high byte ("RGB;16B")... */
const highByte = (v) => v >> 8;
/** ...but 16-bit grey as mode "I", whose conversion to RGB clips at 255. */
const decode_clipTo255 = (v) => Math.min(v, 255);
/** The first bytes of a file (all of it if shorter), for sniffing. */
async function head(input) {
    if (typeof input !== "string")
        return input.subarray(0, SNIFF_BYTES);
    const handle = await (0,promises_.open)(input, "r");
    try {
        const buffer = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
const whole = async (input) => (typeof input === "string" ? await (0,promises_.readFile)(input) : input);
/**
 * libvips keeps one error buffer for the whole process: a decode failing in
 * one thread while another thread clears the buffer leaves sharp with an
 * empty message, which it reports as "Unknown error" (measured: 20 of 500
 * truncated JPEGs with two workers, more on a loaded machine). Failures are
 * deterministic, so another decode of such a file fails again, usually with
 * the decoder's words. Three tries in a row still lost it now and then on a
 * loaded machine (a CI run); ten, each after a short random pause that moves
 * it off the other thread's rhythm, make that negligible. Only a failing
 * image pays for them.
 */
const LOST_MESSAGE = /^Unknown error\b/;
const LOST_MESSAGE_TRIES = 10;
async function decodeRgb(file, input = file) {
    for (let attempt = 1;; attempt++) {
        try {
            return await decodeOnce(file, input);
        }
        catch (err) {
            if (!(err instanceof errors/* ImageError */.C8 && LOST_MESSAGE.test(err.reason)) || attempt >= LOST_MESSAGE_TRIES)
                throw err;
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3 * attempt));
        }
    }
}
async function decodeOnce(file, input) {
    // Outside the try: sharp failing to load is not a fault of the image.
    const sharp = await (0,natives/* loadSharp */.P)();
    try {
        const first = await head(input);
        const sniffed = sniff(first);
        switch (sniffed.route) {
            case "sharp":
                // PNG colour type 4 is Pillow's "LA" (16-bit: high byte); 16-bit grey with tRNS is its "I" (clipped).
                return await decodeWithSharp(sharp, input, sniffed.format === "PNG" && pngColourType(first) === 4);
            case "tiff": {
                const data = await whole(input);
                return await decodeTiff(sharp, data, planTiff(data));
            }
            case "bmp":
                return decodeBmp(await whole(input), sniffed.dib);
            case "gif":
                return decodeGif(await whole(input));
            case "ppm":
                return decodePpm(await whole(input));
            case "tga":
                return decodeTga(await whole(input), sniffed.header);
            case "qoi":
                return decodeQoi(await whole(input));
            case "pcx":
                return decodePcx(await whole(input));
            case "dcx":
                return decodeDcx(await whole(input));
            case "sgi":
                return decodeSgi(await whole(input));
            case "sun":
                return decodeSun(await whole(input));
            case "xbm":
                return decodeXbm(await whole(input));
            case "im":
                return decodeIm(await whole(input));
            case "ico": {
                // A PNG frame is opened by PngImagePlugin from the frame's offset on: sharp, as for any PNG.
                const frame = decodeIco(await whole(input));
                if (!("png" in frame))
                    return frame;
                const png = Buffer.from(frame.png.buffer, frame.png.byteOffset, frame.png.byteLength);
                return await decodeWithSharp(sharp, png, pngColourType(frame.png) === 4);
            }
            case "jpeg2000":
                return await decodeJpeg2000(await whole(input));
            case "unreproducible":
                throw new CannotReproduce(sniffed.format);
            case "refused":
                throw new PillowRefuses(sniffed.format);
        }
    }
    catch (err) {
        if (err instanceof errors/* ImageError */.C8)
            throw err;
        if (err instanceof PillowRefuses)
            throw new errors/* ImageError */.C8(file, err.message);
        if (err instanceof CannotReproduce)
            throw new errors/* ImageError */.C8(file, err.message, "unreproducible");
        throw new errors/* ImageError */.C8(file, describeSharpError(err));
    }
}
/** A TIFF through sharp, then what Pillow does that libvips does not: its colour-map scaling, the Orientation tag. */
async function decodeTiff(sharp, data, plan) {
    if (plan.strips)
        return orient(decodeTiffStrips(data, plan.strips, plan.littleEndian), plan.orientation);
    let image = await decodeWithSharp(sharp, Buffer.from(data.buffer, data.byteOffset, data.byteLength), false);
    if (plan.fix === "black")
        image = { ...image, data: new Uint8Array(image.data.length) };
    return orient(image, plan.orientation);
}
/** IHDR's colour type: the first chunk of a PNG always is IHDR, at a fixed place. */
const pngColourType = (head) => head[25];
/** `greyAlpha`: a 2-band 16-bit image is Pillow's "LA" (reduced by high byte), not "I" + transparency (clipped). */
async function decodeWithSharp(sharp, input, greyAlpha) {
    const meta = await decode_open(sharp, input).metadata();
    const { width, height } = meta;
    if (!width || !height)
        throw new Error("no image dimensions");
    const pixels = width * height;
    if (meta.space === "cmyk") {
        const { data } = await decode_open(sharp, input).pipelineColourspace("cmyk").toColourspace("cmyk").raw().toBuffer({ resolveWithObject: true });
        return cmykToRgb(width, height, data);
    }
    const sixteen = meta.depth === "ushort";
    const { data, info } = await decode_open(sharp, input)
        .toColourspace(meta.channels && meta.channels <= 2 ? (sixteen ? "grey16" : "b-w") : sixteen ? "rgb16" : "srgb")
        .raw(sixteen ? { depth: "ushort" } : {})
        .toBuffer({ resolveWithObject: true });
    const samples = sixteen ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2) : data;
    // 8-bit RGB, the common case, is already what Pillow holds: no copy.
    if (!sixteen && info.channels === 3)
        return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, pixels * 3) };
    const reduce = !sixteen ? identity : info.channels <= 2 && !greyAlpha ? decode_clipTo255 : highByte;
    return { width, height, data: toRgb(samples, info.channels, pixels, reduce) };
}
function describeSharpError(err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/pixel limit/i.test(message))
        return `larger than ${PILLOW_MAX_PIXELS} pixels, which Pillow (and so the validator) refuses`;
    return `${message.split("\n")[0]} (is the file corrupt or truncated?)`;
}

;// CONCATENATED MODULE: ./src/preprocess/dimensions.ts
/** An image's size from its header, before any decode: what a decode of it will hold in memory. */

/**
 * width x height as libvips reads the header (no pixel is decoded), or 0
 * where libvips cannot read it: the formats decoded here, which then fail
 * or decode as usual; the budget only orders decodes, it refuses none.
 */
async function headerPixels(filePath) {
    const sharp = await (0,natives/* loadSharp */.P)();
    try {
        const { width, height } = await sharp(filePath, { limitInputPixels: false }).metadata();
        return (width ?? 0) * (height ?? 0);
    }
    catch {
        return 0;
    }
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./src/util/gc.ts
/**
 * A collection on demand after each image. sharp hands each decoded image
 * over as an external buffer that is freed only when V8 collects its
 * wrapper; left to V8, dozens of dead 6-20 MB buffers pile up between
 * collections, glibc returns their pages to the kernel, and every decode
 * then writes into fresh pages. Page faults made decoding 2-3x slower than
 * Pillow's on CI-like VMs; a minor collection after each image (under 1 ms)
 * frees the buffer while its pages are still warm. A huge image's buffer
 * (hundreds of MB) outlives the minor collections of its long resample, so
 * only a major one frees it: without it, four 169-megapixel images left
 * 2.2 GB of dead pixels behind, whatever the decode budget.
 */


let gc;
/** Decoded images from this many pixels on get a major collection after them (a few ms, against seconds of decoding). */
const MAJOR_AFTER_PIXELS = 16e6;
function collectGarbageAfter(decodedPixels) {
    if (gc === undefined) {
        try {
            // The flag exposes gc() to contexts created after it is set: this one.
            external_node_v8_default().setFlagsFromString("--expose-gc");
            gc = external_node_vm_default().runInNewContext("gc");
        }
        catch {
            gc = null;
        }
    }
    gc?.({ type: decodedPixels >= MAJOR_AFTER_PIXELS ? "major" : "minor" });
}

// EXTERNAL MODULE: ./src/preprocess/resample.ts
var resample = __webpack_require__(50531);
// EXTERNAL MODULE: ./src/preprocess/tensor.ts
var tensor = __webpack_require__(14189);
;// CONCATENATED MODULE: ./src/preprocess/index.ts





/** The whole validator pipeline: decode -> the model's input pixels (below) -> float32 CHW, x / 255. */
async function preprocessImage(file, filePath, imageSize, modelInput) {
    const { rgbs } = await preparePixels(file, filePath, imageSize, [modelInput]);
    return toChwTensor({ ...modelInput, data: rgbs[0] });
}
/**
 * decode -> LANCZOS to `imageSize` square -> (second resize to each model
 * input size that differs): the 8-bit RGB rows whose float conversion is
 * the model's tensor, one per size in `inputSizes` (distinct sizes: several
 * models of one input size share theirs). The image is decoded and
 * resampled once for all. Each is in a buffer of its own, to be
 * transferred between threads. With a budget, the decode first waits for
 * its pixels to fit in it (see budget.ts), and gives them back only once
 * the decoded image is collected, so that the budget bounds memory, not
 * only work.
 */
async function preparePixels(file, filePath, imageSize, inputSizes, budget) {
    const giveBack = budget ? await budget.take(await headerPixels(filePath)) : () => { };
    let decodedPixels = 0;
    try {
        const prepared = await decodeAndResize(file, filePath, imageSize, inputSizes);
        decodedPixels = prepared.decodedPixels;
        return prepared;
    }
    finally {
        // Here the decoded image is out of every scope. sharp's buffers are freed by finalizers that Node runs on a later
        // turn of the event loop: the budget is given back after that turn.
        collectGarbageAfter(decodedPixels);
        if (budget)
            await new Promise((resolve) => setImmediate(resolve));
        giveBack();
    }
}
async function decodeAndResize(file, filePath, imageSize, inputSizes) {
    const started = performance.now();
    const decoded = await decodeRgb(file, filePath);
    const decodedAt = performance.now();
    const image = (0,resample/* resizeLanczos */.Rd)(decoded, imageSize, imageSize);
    const rgbs = inputSizes.map((size) => size.width === imageSize && size.height === imageSize
        ? // An image already at the size comes back as decoded, maybe a view into a decoder's buffer.
            image === decoded
                ? decoded.data.slice()
                : image.data
        : (0,tensor/* secondResize */.Xh)(image, size.width, size.height).data);
    const times = { decodeMs: decodedAt - started, resampleMs: performance.now() - decodedAt };
    return { rgbs, times, decodedPixels: decoded.width * decoded.height };
}


/***/ }),

/***/ 61200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gV: () => (/* binding */ runKernels),
  $J: () => (/* binding */ runPlanes)
});

// UNUSED EXPORTS: MAX_KERNEL_MEMORY

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/preprocess/kernels-wasm.ts
// Generated by scripts/build-wasm.mjs from kernels.wat; do not edit.
const KERNELS_WASM_BASE64 = "AGFzbQEAAAABIQRgCH9/f39/f39/AGAHf39/f39/fwBgA39/fwBgAn97AAMFBAABAgMFAwEAAQcrBAZtZW1vcnkCAApob3Jpem9udGFsAAAIdmVydGljYWwAAQZwbGFuZXMAAgr5CQSqAwMHfwZ7AX8CQANAIAggAk8NASAAIAggAWxqIQlBACEKIAMhCyAEIQ0CQANAIAogBk8NASAJIAsoAgBqIQwgCygCBCEO/QwAAAAAAAAAAAAAAAAAAAAAIRL9DAAAAAAAAAAAAAAAAAAAAAAhE/0MAAAAAAAAAAAAAAAAAAAAACEUIA0hFQJAA0AgDkUNASAM/QAEACEPIA/9iQEhECAP/YoBIREgEiAQ/akBIBX9AAQA/bUB/a4BIRIgEyAQ/aoBIBX9AAQQ/bUB/a4BIRMgFCAR/akBIBX9AAQg/bUB/a4BIRQgDEEMaiEMIBVBMGohFSAOQQFrIQ4MAAsLIBIgEiAT/Q0MDQ4PEBESExQVFhcYGRob/a4BIBMgFP0NCAkKCwwNDg8QERITFBUWFyAUIBT9DQQFBgcICQoLDA0ODwABAgP9rgH9rgEhDyAP/QwAACAAAAAgAAAAIAAAACAA/a4BQRb9rAEhDyAPIA/9hQEhDyAHIA8gD/1m/VoCAAAgB0EDaiEHIAtBCGohCyANIAVqIQ0gCkEBaiEKDAALCyAIQQFqIQgMAAsLC8sCAgl/CHsCQANAIAcgBU8NASAAIAIgB0EDdGooAgBqIQkgAiAHQQN0aigCBCEKIAMgByAEbEECdGohDSAGIAcgAWxqIQ9BACEIAkADQCAIIAFPDQH9DAAAIAAAACAAAAAgAAAAIAAhFCAUIRUgFCEWIBQhFyAJIAhqIQsgDSEMIAohDgJAA0AgDkUNASAL/QAEACEQIAwoAgD9ESETIBD9iQEhESAQ/YoBIRIgFCAR/akBIBP9tQH9rgEhFCAVIBH9qgEgE/21Af2uASEVIBYgEv2pASAT/bUB/a4BIRYgFyAS/aoBIBP9tQH9rgEhFyALIAFqIQsgDEEEaiEMIA5BAWshDgwACwsgDyAIaiAUQRb9rAEgFUEW/awB/YUBIBZBFv2sASAXQRb9rAH9hQH9Zv0LBAAgCEEQaiEIDAALCyAHQQFqIQcMAAsLC90CAgR/A3sgAUECdCEGIAFBcHEhBCAAIQUCQANAIAMgBE8NASAF/QAEACEHIAX9AAQQIQggBf0ABCAhCSACIANBAnRqIAcgCP0NAAMGCQwPEhUYGx4AAAAAACAJ/Q0AAQIDBAUGBwgJChEUFxodEAMgAiAGaiADQQJ0aiAHIAj9DQEEBwoNEBMWGRwfAAAAAAAgCf0NAAECAwQFBgcICQoSFRgbHhADIAIgBkEBdGogA0ECdGogByAI/Q0CBQgLDhEUFxodAAAAAAAAIAn9DQABAgMEBQYHCAkQExYZHB8QAyAFQTBqIQUgA0EQaiEDDAALCwJAA0AgAyABTw0BIAIgA0ECdGogBS0AALNDAAB/Q5U4AgAgAiAGaiADQQJ0aiAFLQABs0MAAH9DlTgCACACIAZBAXRqIANBAnRqIAUtAAKzQwAAf0OVOAIAIAVBA2ohBSADQQFqIQMMAAsLC54BAQJ7IAH9iQEhAiAB/YoBIQMgACAC/akB/fsB/QwAAH9DAAB/QwAAf0MAAH9D/ecB/QsEACAAIAL9qgH9+wH9DAAAf0MAAH9DAAB/QwAAf0P95wH9CwQQIAAgA/2pAf37Af0MAAB/QwAAf0MAAH9DAAB/Q/3nAf0LBCAgACAD/aoB/fsB/QwAAH9DAAB/QwAAf0MAAH9D/ecB/QsEMAs=";

;// CONCATENATED MODULE: ./src/preprocess/kernels.ts
/**
 * The WebAssembly SIMD passes of kernels.wat, and the memory they work in.
 * One instance per thread, created on first use and kept from image to
 * image, so that after the first few images no pass allocates: on the VMs CI
 * runs on, faulting in fresh pages costs more than the arithmetic.
 */


const wasm = globalThis.WebAssembly;
/** The kernels read and write up to 15 bytes past a buffer's end. */
const PAD = 16;
/** Past this much memory, an image is resampled by the scalar code instead. */
const MAX_KERNEL_MEMORY = 256 * 1024 * 1024;
/**
 * A memory grown past this (for an image above ~10 megapixels) is dropped
 * after use rather than kept for the next image: WebAssembly memory cannot
 * shrink, and one large photo would otherwise hold its size in every worker
 * for the rest of the run.
 */
const RETAINED_MEMORY = 40 * 1024 * 1024;
const PAGE = 65536;
let kernels_module;
let kernels;
function instance() {
    kernels_module ??= new wasm.Module(external_node_buffer_.Buffer.from(KERNELS_WASM_BASE64, "base64"));
    kernels ??= new wasm.Instance(kernels_module, {}).exports;
    return kernels;
}
function release(k) {
    if (k.memory.buffer.byteLength > RETAINED_MEMORY)
        kernels = undefined;
}
function horizontalTables(c) {
    const out = c.first.length;
    let groups = 1;
    for (let i = 0; i < out; i++)
        groups = Math.max(groups, Math.ceil(c.count[i] / 4));
    const perPixel = groups * 12;
    const meta = new Int32Array(out * 2);
    const weights = new Int32Array(out * perPixel);
    for (let xx = 0; xx < out; xx++) {
        meta[xx * 2] = c.first[xx] * 3;
        meta[xx * 2 + 1] = Math.ceil(c.count[xx] / 4);
        for (let k = 0; k < c.count[xx]; k++) {
            const w = c.weights[xx * c.taps + k];
            const at = xx * perPixel + k * 3;
            weights[at] = w;
            weights[at + 1] = w;
            weights[at + 2] = w;
        }
    }
    return { meta, weights, weightStride: perPixel * 4 };
}
function verticalMeta(c, rowShift, stride) {
    const meta = new Int32Array(c.first.length * 2);
    for (let yy = 0; yy < c.first.length; yy++) {
        meta[yy * 2] = (c.first[yy] - rowShift) * stride;
        meta[yy * 2 + 1] = c.count[yy];
    }
    return meta;
}
const align = (n) => Math.ceil(n / 16) * 16;
/** Bump allocation in the instance's memory, grown when needed, for one resize. */
class Layout {
    end = 0;
    reserve(bytes) {
        const at = this.end;
        this.end = align(at + bytes + PAD);
        return at;
    }
    get size() {
        return this.end;
    }
}
function layoutFor(plan) {
    const layout = new Layout();
    const h = plan.horizontal ? horizontalTables(plan.horizontal) : null;
    const midWidth = plan.horizontal ? plan.outWidth : plan.inWidth;
    const v = plan.vertical ? verticalMeta(plan.vertical, plan.firstRow, midWidth * 3) : null;
    const at = {
        hMeta: layout.reserve(h ? h.meta.byteLength : 0),
        hWeights: layout.reserve(h ? h.weights.byteLength : 0),
        vMeta: layout.reserve(v ? v.byteLength : 0),
        vWeights: layout.reserve(plan.vertical ? plan.vertical.weights.byteLength : 0),
        src: layout.reserve(plan.inWidth * 3 * plan.rows),
        mid: layout.reserve(h && v ? midWidth * 3 * plan.rows : 0),
        out: layout.reserve(plan.outWidth * 3 * plan.outHeight),
    };
    return { layout, h, v, at, midWidth };
}
function heapOf(k, bytes) {
    const missing = bytes - k.memory.buffer.byteLength;
    if (missing > 0)
        k.memory.grow(Math.ceil(missing / PAGE));
    return new Uint8Array(k.memory.buffer);
}
/**
 * Runs the passes the plan calls for on rows [firstRow, firstRow + rows) of
 * `src` (packed RGB, `inWidth` pixels wide) and returns the resized pixels,
 * or null when the image is too large for the kernels' memory.
 */
function runKernels(plan, src) {
    const { layout, h, v, at, midWidth } = layoutFor(plan);
    if (layout.size > MAX_KERNEL_MEMORY)
        return null;
    const k = instance();
    const heap = heapOf(k, layout.size);
    const i32 = (offset, values) => heap.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    const inStride = plan.inWidth * 3;
    heap.set(src.subarray(plan.firstRow * inStride, (plan.firstRow + plan.rows) * inStride), at.src);
    let current = at.src;
    if (h) {
        i32(at.hMeta, h.meta);
        i32(at.hWeights, h.weights);
        const target = v ? at.mid : at.out;
        k.horizontal(at.src, inStride, plan.rows, at.hMeta, at.hWeights, h.weightStride, plan.outWidth, target);
        current = target;
    }
    if (v && plan.vertical) {
        i32(at.vMeta, v);
        i32(at.vWeights, plan.vertical.weights);
        k.vertical(current, midWidth * 3, at.vMeta, at.vWeights, plan.vertical.taps, plan.outHeight, at.out);
    }
    const out = heap.slice(at.out, at.out + plan.outWidth * 3 * plan.outHeight);
    release(k);
    return out;
}
/**
 * Packed RGB to float32 planes divided by 255, into `out` (3 x pixels
 * floats), or false when the image is too large for the kernels' memory.
 */
function runPlanes(rgb, pixels, out) {
    const layout = new Layout();
    const src = layout.reserve(pixels * 3);
    const dst = layout.reserve(pixels * 12);
    if (layout.size > MAX_KERNEL_MEMORY)
        return false;
    const k = instance();
    const heap = heapOf(k, layout.size);
    heap.set(rgb.subarray(0, pixels * 3), src);
    k.planes(src, pixels, dst);
    out.set(new Float32Array(heap.buffer, dst, pixels * 3));
    release(k);
    return true;
}


/***/ }),

/***/ 50531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rd: () => (/* binding */ resizeLanczos)
/* harmony export */ });
/* unused harmony exports axisCoefficients, resizeLanczosScalar */
/* harmony import */ var _kernels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61200);
/**
 * Pillow's 8-bit LANCZOS resampler (libImaging/Resample.c), re-implemented
 * operation for operation: double-precision filter weights, normalised per
 * output pixel, quantised to 22 fractional bits, a horizontal pass over only
 * the source rows the vertical pass needs, then the vertical pass, each with
 * rounding and clamping to 0..255. Any shortcut (float accumulation, one
 * fused pass, sharp's own resize) changes pixels, and therefore scores.
 *
 * The passes run as WebAssembly SIMD kernels (kernels.wat), which compute the
 * same integers several times faster than scalar code; the scalar passes
 * below are the readable reference, the fallback for huge images, and what
 * the kernels are tested against.
 */

const PRECISION_BITS = 32 - 8 - 2;
const HALF = 1 << (PRECISION_BITS - 1);
const LANCZOS_SUPPORT = 3;
function sinc(x) {
    if (x === 0)
        return 1;
    const px = x * Math.PI;
    return Math.sin(px) / px;
}
function lanczos(x) {
    return x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
}
function axisCoefficients(inSize, outSize) {
    const scale = inSize / outSize;
    const filterScale = Math.max(scale, 1);
    const support = LANCZOS_SUPPORT * filterScale;
    const taps = Math.ceil(support) * 2 + 1;
    const first = new Int32Array(outSize);
    const count = new Int32Array(outSize);
    const weights = new Int32Array(outSize * taps);
    const k = new Float64Array(taps);
    const ss = 1 / filterScale;
    for (let xx = 0; xx < outSize; xx++) {
        const center = (xx + 0.5) * scale;
        // C's (int) cast truncates toward zero.
        const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
        const xmax = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
        let ww = 0;
        for (let x = 0; x < xmax; x++) {
            const w = lanczos((x + xmin - center + 0.5) * ss);
            k[x] = w;
            ww += w;
        }
        for (let x = 0; x < xmax; x++) {
            const w = ww !== 0 ? k[x] / ww : k[x];
            weights[xx * taps + x] = w < 0 ? Math.trunc(-0.5 + w * (1 << PRECISION_BITS)) : Math.trunc(0.5 + w * (1 << PRECISION_BITS));
        }
        first[xx] = xmin;
        count[xx] = xmax;
    }
    return { taps, first, count, weights };
}
function clip8(v) {
    if (v >= 1 << (PRECISION_BITS + 8))
        return 255;
    if (v <= 0)
        return 0;
    return v >> PRECISION_BITS;
}
function horizontalPass(src, rowFirst, rows, c, outWidth) {
    const out = new Uint8Array(outWidth * rows * 3);
    const { taps, first, count, weights } = c;
    const inStride = src.width * 3;
    const data = src.data;
    for (let y = 0; y < rows; y++) {
        const rowBase = (y + rowFirst) * inStride;
        let o = y * outWidth * 3;
        for (let xx = 0; xx < outWidth; xx++) {
            let s0 = HALF;
            let s1 = HALF;
            let s2 = HALF;
            const kBase = xx * taps;
            let p = rowBase + first[xx] * 3;
            const n = count[xx];
            for (let x = 0; x < n; x++, p += 3) {
                const w = weights[kBase + x];
                s0 += data[p] * w;
                s1 += data[p + 1] * w;
                s2 += data[p + 2] * w;
            }
            out[o++] = clip8(s0);
            out[o++] = clip8(s1);
            out[o++] = clip8(s2);
        }
    }
    return out;
}
function verticalPass(src, c, rowShift, outHeight) {
    const stride = src.width * 3;
    const out = new Uint8Array(stride * outHeight);
    const { taps, first, count, weights } = c;
    const data = src.data;
    for (let yy = 0; yy < outHeight; yy++) {
        const kBase = yy * taps;
        const rowBase = (first[yy] - rowShift) * stride;
        const n = count[yy];
        const o = yy * stride;
        for (let i = 0; i < stride; i++) {
            let s = HALF;
            let p = rowBase + i;
            for (let y = 0; y < n; y++, p += stride)
                s += data[p] * weights[kBase + y];
            out[o + i] = clip8(s);
        }
    }
    return out;
}
function plan(src, width, height) {
    const horizontal = src.width !== width ? axisCoefficients(src.width, width) : null;
    const vertical = src.height !== height ? axisCoefficients(src.height, height) : null;
    if (!vertical)
        return { horizontal, vertical, firstRow: 0, rows: src.height };
    // Only the source rows that some output row reads are filtered horizontally.
    const firstRow = vertical.first[0];
    const lastRow = vertical.first[height - 1] + vertical.count[height - 1];
    return { horizontal, vertical, firstRow, rows: lastRow - firstRow };
}
/** `Image.resize((width, height), Image.LANCZOS)` on an RGB image, byte for byte. */
function resizeLanczos(src, width, height) {
    // Pillow returns a copy, unfiltered, when the size does not change.
    if (src.width === width && src.height === height)
        return src;
    const p = plan(src, width, height);
    const data = (0,_kernels_js__WEBPACK_IMPORTED_MODULE_0__/* .runKernels */ .gV)({ ...p, inWidth: src.width, outWidth: width, outHeight: height }, src.data);
    return data ? { width, height, data } : scalarPasses(src, width, height, p);
}
/** The same resize with the scalar passes only. */
function resizeLanczosScalar(src, width, height) {
    if (src.width === width && src.height === height)
        return src;
    return scalarPasses(src, width, height, plan(src, width, height));
}
function scalarPasses(src, width, height, p) {
    let image = src;
    let rowShift = 0;
    if (p.horizontal) {
        image = { width, height: p.rows, data: horizontalPass(src, p.firstRow, p.rows, p.horizontal, width) };
        rowShift = p.firstRow;
    }
    if (p.vertical) {
        image = { width: image.width, height, data: verticalPass(image, p.vertical, rowShift, height) };
    }
    return image;
}


/***/ }),

/***/ 14189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ toChwTensor),
/* harmony export */   Xh: () => (/* binding */ secondResize)
/* harmony export */ });
/* unused harmony exports SCALED, TRUNCATED, toChwTensorScalar */
/* harmony import */ var _kernels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61200);
/* harmony import */ var _resample_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50531);
/**
 * The validator's float conversion: `np.array(img, dtype=float32) / 255.0`
 * then HWC -> CHW; and the runner's way back to 8 bits before its second
 * resize, `(x * 255).astype(uint8)`, which truncates. Both are 256-entry
 * tables computed in float32 arithmetic, exactly as numpy does it.
 */


/** float32(v) / float32(255), correctly rounded in float32. */
const SCALED = Float32Array.from({ length: 256 }, (_, v) => Math.fround(v / 255));
/** uint8(float32(SCALED[v] * 255)), truncated toward zero. */
const TRUNCATED = Uint8Array.from(SCALED, (x) => Math.trunc(Math.fround(x * 255)));
/** RGB bytes to a planar float32 [3, H, W] tensor, in `into` if it has that size. */
function toChwTensor(image, into) {
    const plane = image.width * image.height;
    const out = into?.length === plane * 3 ? into : new Float32Array(plane * 3);
    return (0,_kernels_js__WEBPACK_IMPORTED_MODULE_0__/* .runPlanes */ .$J)(image.data, plane, out) ? out : toChwTensorScalar(image, out);
}
/** The same conversion by table lookup: the reference the kernel is tested against, and the fallback for huge images. */
function toChwTensorScalar(image, into) {
    const plane = image.width * image.height;
    const out = into?.length === plane * 3 ? into : new Float32Array(plane * 3);
    const data = image.data;
    for (let i = 0; i < plane; i++) {
        out[i] = SCALED[data[i * 3]];
        out[plane + i] = SCALED[data[i * 3 + 1]];
        out[2 * plane + i] = SCALED[data[i * 3 + 2]];
    }
    return out;
}
/**
 * The runner's second resize for a model whose fixed input is not the
 * competition size: the 512x512 image goes back to 8 bits by truncation and
 * through Pillow's LANCZOS again (never the original image).
 */
function secondResize(image, width, height) {
    // A plain loop: Uint8Array.from with a mapping function is ~100x slower here.
    const bytes = new Uint8Array(image.data.length);
    for (let i = 0; i < bytes.length; i++)
        bytes[i] = TRUNCATED[image.data[i]];
    return (0,_resample_js__WEBPACK_IMPORTED_MODULE_1__/* .resizeLanczos */ .Rd)({ width: image.width, height: image.height, data: bytes }, width, height);
}


/***/ }),

/***/ 22184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ loadSharp),
/* harmony export */   s: () => (/* binding */ loadOrt)
/* harmony export */ });
let sharp;
let ort;
function loadSharp() {
    return (sharp ??= import(/* webpackIgnore: true */ "sharp").then((m) => m.default));
}
/**
 * The named exports, not `default`: onnxruntime-node is CommonJS marked
 * `__esModule`, so tsx's interop leaves `default` undefined where Node and
 * jest make it `module.exports`.
 */
function loadOrt() {
    return (ort ??= import(/* webpackIgnore: true */ "onnxruntime-node"));
}


/***/ })

};
