/**
 * Issue #17 item 6: the README's pictures never drift from the code. Each
 * picture in docs/images was rendered (npm run screenshots) from the Markdown
 * beside it; that Markdown must be what the report code writes today.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { IMAGES, MANIFEST, sha256 } from "../scripts/screenshots/index.js";
import { screenshots } from "../scripts/screenshots/reports.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("the README's screenshots", () => {
  it("show the Markdown the report code writes today (else: npm run screenshots)", async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, "utf8")) as Record<string, string>;
    const shots = await screenshots();
    expect(Object.keys(manifest).sort()).toEqual(shots.map((s) => `${s.name}.png`).sort());
    for (const shot of shots) {
      expect(await readFile(path.join(IMAGES, `${shot.name}.md`), "utf8")).toBe(shot.markdown);
      expect(manifest[`${shot.name}.png`]).toBe(sha256(shot.markdown));
      const png = await readFile(path.join(IMAGES, `${shot.name}.png`));
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    }
  }, 60_000);

  it("are shown in the README", async () => {
    const readme = await readFile(path.join(IMAGES, "..", "..", "README.md"), "utf8");
    for (const name of Object.keys(JSON.parse(await readFile(MANIFEST, "utf8")) as object)) expect(readme).toContain(`docs/images/${name}`);
  });
});
