/**
 * The two ways an image can fail other than being corrupt for everyone, each
 * with the sentence decode.ts puts into the ImageError. They are thrown by the
 * sniffer and the format decoders, and never leave src/preprocess.
 */

/** Pillow 10.4 raises on open or load: the validator skips the image, then fails the package for every model. */
export class PillowRefuses extends Error {
  constructor(readonly what: string) {
    super(`Pillow 10.4 cannot open this file (${what})`);
  }
}

/** Pillow opens the image, but this tool cannot promise Pillow's pixels for it, so it refuses rather than guess. */
export class CannotReproduce extends Error {
  constructor(readonly what: string) {
    super(`cannot reproduce Pillow's pixels for ${what}: convert it to PNG`);
  }
}

/** Pillow's `_decompression_bomb_check`: more than 2 * MAX_IMAGE_PIXELS raises DecompressionBombError. */
export const PILLOW_MAX_PIXELS = 2 * 89478485;

export function checkPixelLimit(width: number, height: number): void {
  if (Math.max(1, width) * Math.max(1, height) > PILLOW_MAX_PIXELS) {
    throw new PillowRefuses(`${width}x${height} is more than ${PILLOW_MAX_PIXELS} pixels, a DecompressionBombError`);
  }
}
