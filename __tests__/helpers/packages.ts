/** Small dataset packages the tests build on the fly. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { GOLDEN_DATASET } from "./golden.js";
import { tempDir } from "./temp.js";

/** Two rows, the second image truncated: validators fail such a package for every model. */
export async function packageWithTruncatedImage(): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "images"));
  const good = await readFile(path.join(GOLDEN_DATASET, "images", "jpeg420.jpg"));
  await writeFile(path.join(dir, "images", "a.jpg"), good);
  await writeFile(path.join(dir, "images", "b.jpg"), good.subarray(0, 3000));
  const rows = ["filepath,label,age,gender,location", "images/a.jpg,NV,30,m,arm", "images/b.jpg,MEL,40,f,leg"];
  await writeFile(path.join(dir, "labels.csv"), `${rows.join("\n")}\n`);
  return dir;
}
