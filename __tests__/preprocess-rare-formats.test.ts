/**
 * PCX, DCX, ICO, SGI, SUN raster, XBM and IM against Debian's Pillow
 * (formats-rare/rare.json, written by scripts/golden/formats_rare.py): the
 * decoded RGB bytes first, then the 512x512 LANCZOS; the files Pillow
 * refuses fail as on validators. Entries marked "pillow_10_4" emulate where
 * Pillow 10.4, the validators', differs from 9.4.
 */
import { sniff } from "../src/preprocess/formats/sniff.js";
import { bytes, checkFormatGoldens, readFormatGoldens } from "./helpers/format-goldens.js";

checkFormatGoldens(readFormatGoldens("formats-rare/rare.json"));

describe("sniffing the rare formats", () => {
  it.each([
    ["PCX", bytes([10, 5, 1, 8]), "pcx"],
    ["DCX", bytes([0xb1, 0x68, 0xde, 0x3a]), "dcx"],
    ["ICO", bytes([0, 0, 1, 0, 1, 0]), "ico"],
    ["SGI", bytes([1, 0xda, 0, 1]), "sgi"],
    ["SUN raster", bytes([0x59, 0xa6, 0x6a, 0x95]), "sun"],
    ["XBM", bytes("  #define a_width 8\n"), "xbm"],
    // Pillow's prefix is 16 bytes, and bytes.lstrip() leaves a no-break space alone.
    ["XBM's #define past the 16-byte prefix", bytes("          #define a_width 8\n"), "refused"],
    ["XBM after a no-break space", bytes([0xa0], "#define a_width 8\n"), "refused"],
    ["IM", bytes("Image type: RGB image\r\n"), "im"],
  ])("%s", (_, head, route) => {
    expect(sniff(head).route).toBe(route);
  });
});
