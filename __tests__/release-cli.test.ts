/** `cancer-ai upload` and `cancer-ai submit` from the terminal: no hotkey to upload, and nothing written on bad input. */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cli } from "../src/cli/main.js";
import { captureIo } from "./helpers/cli-io.js";
import { EXAMPLE_DIR, REPO } from "./helpers/golden.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

const MODEL = path.join(EXAMPLE_DIR, "model.onnx");
const CODE = path.join(REPO, "__tests__", "fixtures", "code");
// Substrate's well-known development phrase.
const DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer();
});
afterAll(() => hub.close());

const capture = captureIo;

/** Runs the CLI with exactly these secrets in the environment (the CLI reads them there only). */
async function run(args: string[], env: Record<string, string>): Promise<{ code: number; io: ReturnType<typeof capture> }> {
  const names = ["HF_TOKEN", "HF_ENDPOINT", "HOTKEY_MNEMONIC"];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const n of names) delete process.env[n];
  Object.assign(process.env, env);
  try {
    const io = capture();
    return { code: await cli(args, io), io };
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
}

describe("cancer-ai upload", () => {
  it("uploads without a hotkey, under a name of its own: <model file name>-<8 hex digits>.onnx", async () => {
    const sha = createHash("sha256")
      .update(await readFile(MODEL))
      .digest("hex");
    const { code, io } = await run(["upload", "--model", MODEL, "--hf-repo-id", "miner/cli", "--code-directory", CODE], {
      HF_TOKEN: "hf_write",
      HF_ENDPOINT: hub.url,
    });
    expect({ code, err: io.err.filter((l) => l.startsWith("error")) }).toEqual({ code: 0, err: [] });
    const printed = JSON.parse(io.out.join(""));
    expect(printed).toMatchObject({ model_name: `model-${sha.slice(0, 8)}.onnx`, model_hash: sha, uploaded: true, committed: false });
    expect(printed.hotkey).toBeUndefined();
    expect(hub.getFile("model", "miner/cli", `model-${sha.slice(0, 8)}.zip`)).toBeDefined();
  });

  it("refuses a code-directory that does not exist before any request to the hub", async () => {
    const before = hub.requests.length;
    const { code, io } = await run(["upload", "--model", MODEL, "--hf-repo-id", "miner/cli-typo", "--code-directory", "/nonexistent"], {
      HF_TOKEN: "hf_write",
      HF_ENDPOINT: hub.url,
    });
    expect(code).toBe(1);
    expect(io.err).toContain("error: code-directory /nonexistent is not a folder: give the training code's folder");
    expect(hub.requests.length).toBe(before);
  });
});

describe("cancer-ai submit --dry-run", () => {
  it("fails on a code-directory that does not exist", async () => {
    const { code, io } = await run(
      ["submit", "--dry-run", "--model", MODEL, "--hf-repo-id", "miner/skin", "--code-directory", "/nonexistent"],
      { HOTKEY_MNEMONIC: DEV_PHRASE },
    );
    expect(code).toBe(1);
    expect(io.err).toContain("error: code-directory /nonexistent is not a folder: give the training code's folder");
    expect(io.out).toEqual([]);
  });

  it("still needs the mnemonic, and says how to upload without one", async () => {
    const { code, io } = await run(["submit", "--dry-run", "--model", MODEL, "--hf-repo-id", "miner/skin"], {});
    expect(code).toBe(2);
    expect(io.err.join("\n")).toMatch(/committing on chain needs the hotkey's mnemonic: .*; to upload only, .* run cancer-ai upload/);
  });
});
