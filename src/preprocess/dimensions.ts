/** An image's size from its header, before any decode: what a decode of it will hold in memory. */
import { loadSharp } from "../util/natives.js";

/**
 * width x height as libvips reads the header (no pixel is decoded), or 0
 * where libvips cannot read it: the formats decoded here, which then fail
 * or decode as usual; the budget only orders decodes, it refuses none.
 */
export async function headerPixels(filePath: string): Promise<number> {
  const sharp = await loadSharp();
  try {
    const { width, height } = await sharp(filePath, { limitInputPixels: false }).metadata();
    return (width ?? 0) * (height ?? 0);
  } catch {
    return 0;
  }
}
