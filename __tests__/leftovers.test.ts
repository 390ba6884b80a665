/**
 * Nothing left behind: a zip package is extracted to a temporary folder that
 * goes away when the evaluation ends, and also when the run is interrupted
 * (Ctrl-C, or a cancelled job's SIGTERM) in the middle of it.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runSourceCli, startSourceCli } from "./helpers/cli-process.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, REPO } from "./helpers/golden.js";
import { DEV_PHRASE } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";
import { makeZip } from "./helpers/zip.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

/** The golden dataset as a zip package, and an empty TMPDIR of its own for the run. */
async function setUp(): Promise<{ zip: string; tmp: string }> {
  const root = await tempDir();
  const files = ["labels.csv", ...(await readdir(path.join(GOLDEN_DATASET, "images"))).map((f) => `images/${f}`)];
  const entries = await Promise.all(files.map(async (name) => ({ name, data: await readFile(path.join(GOLDEN_DATASET, name)) })));
  const zip = path.join(root, "package.zip");
  await writeFile(zip, makeZip(entries));
  const tmp = path.join(root, "tmp");
  await mkdir(tmp);
  return { zip, tmp };
}

const model = path.join(EXAMPLE_DIR, "model.onnx");

/** What the run left in its TMPDIR; tsx, which runs the sources here, keeps its compile cache there. */
const leftovers = async (tmp: string): Promise<string[]> => (await readdir(tmp)).filter((f) => !f.startsWith("tsx-"));

it("an evaluation of a zip leaves its temporary folder empty", async () => {
  const { zip, tmp } = await setUp();
  const exit = await runSourceCli(["evaluate", "--model-path", model, "--dataset", zip, "--threads", "1"], { TMPDIR: tmp });
  expect(exit.code).toBe(0);
  expect(await leftovers(tmp)).toEqual([]);
}, 60_000);

it.each(["SIGINT", "SIGTERM"] as const)(
  "%s in the middle of an evaluation removes the extracted package",
  async (signal) => {
    const { zip, tmp } = await setUp();
    const child = await startSourceCli(["evaluate", "--model-path", model, "--dataset", zip, "--threads", "1"], { TMPDIR: tmp });
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // The package is extracted once the evaluation's group opens.
        if (stderr.includes("== Evaluating")) resolve();
      });
      child.once("exit", () => reject(new Error(`the CLI ended before evaluating: ${stderr}`)));
    });
    expect((await readdir(tmp)).some((f) => f.startsWith("cancer-ai-dataset-"))).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(await leftovers(tmp)).toEqual([]);
  },
  60_000,
);

describe("release commands", () => {
  let hub: HubServer;
  beforeAll(async () => {
    hub = await startHubServer();
  });
  afterAll(() => hub.close());

  it.each<[string, string[]]>([
    ["upload", ["upload", "--hf-repo-id", "miner/skin"]],
    ["submit --dry-run", ["submit", "--dry-run", "--hf-repo-id", "miner/skin"]],
  ])(
    "%s leaves no temporary folder",
    async (_, args) => {
      const tmp = path.join(await tempDir(), "tmp");
      await mkdir(tmp);
      const code = path.join(REPO, "__tests__", "fixtures", "code");
      const exit = await runSourceCli([...args, "--model-path", model, "--code-directory", code], {
        TMPDIR: tmp,
        HF_TOKEN: "hf_write",
        HF_ENDPOINT: hub.url,
        HOTKEY_MNEMONIC: DEV_PHRASE,
      });
      expect({ code: exit.code, stderr: exit.stderr }).toMatchObject({ code: 0 });
      expect(await leftovers(tmp)).toEqual([]);
    },
    60_000,
  );
});
