/**
 * The forecast end to end, against the local chain (real signed set_commitment extrinsics) and the local hub:
 * committed models read and downloaded as validators get them, evaluated with the candidate in one pass, then
 * the validators' copy rule, ranks and shares. Miners: alpha (a model), beta (alpha's model with other bytes,
 * committed later: a copy), gamma (another model), wrong (a record naming a commitment of another hash: 0),
 * gone (deregistered: ignored).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getCompetition } from "../src/competition/competition.js";
import { evaluate } from "../src/engine/evaluate.js";
import { runForecast, type ForecastRequest } from "../src/release/forecast.js";
import { release } from "../src/release/release.js";
import { noCache } from "../src/util/cache-store.js";
import { EXAMPLE_DIR, GOLDEN_DATASET, GOLDEN_DIR } from "./helpers/golden.js";
import { quiet, startReleaseEnv, type ReleaseEnv } from "./helpers/release-env.js";
import { tempDir } from "./helpers/temp.js";

const tricorder = getCompetition("tricorder-3");
const MODELS = path.join(GOLDEN_DIR, "models");
let env: ReleaseEnv;
const hotkeys: Record<string, string> = {};
const blocks: Record<string, number> = {};

/**
 * The same graph in other bytes: an unknown field appended to the ModelProto (field 1000, varint 1), which
 * onnxruntime skips. Same outputs, another SHA-256: what validators' copy signature is for.
 */
async function sameModelOtherBytes(file: string, tag: number): Promise<string> {
  const out = path.join(await tempDir(), `copy-${tag}.onnx`);
  await writeFile(out, Buffer.concat([await readFile(file), Buffer.from([0xc0, 0x3e, tag])]));
  return out;
}

async function released(name: string, modelPath: string): Promise<void> {
  const key = await env.newHotkey();
  const result = await release(await env.request(key.mnemonic, { repoId: `miner/${name}`, modelPath }));
  hotkeys[name] = key.pair.address;
  blocks[name] = Number(result.extrinsic?.split("-")[0] ?? NaN);
  env.chain.seal(100); // the next commitment comes later, past the rate limit
}

beforeAll(async () => {
  env = await startReleaseEnv();
  await released("alpha", path.join(MODELS, "two-input-512.onnx"));
  await released("gamma", path.join(MODELS, "one-input-224.onnx"));
  await released("beta", await sameModelOtherBytes(path.join(MODELS, "two-input-512.onnx"), 1));
  await released("gone", path.join(MODELS, "one-input-300x200.onnx"));
  // wrong's record names a commitment whose hash is not the served model's: validators give it 0.
  const key = await env.newHotkey();
  hotkeys.wrong = key.pair.address;
  const { modelName } = await release(
    await env.request(key.mnemonic, { repoId: "miner/wrong", modelPath: path.join(MODELS, "conv-tiny.onnx") }),
  );
  env.chain.seal(100);
  const stem = modelName.replace(/\.onnx$/, "");
  const id = await env.commitRaw(key.pair, `miner/wrong:${stem}:tricorder-3:${"0".repeat(64)}`);
  env.hub.putFile("model", "miner/wrong", "extrinsic_record.json", JSON.stringify({ hotkey: key.pair.address, extrinsic: id }));
  const newcomer = await env.newHotkey(false);
  env.chain.deregister(76, hotkeys.gone, newcomer.pair.address);
  env.chain.seal(700); // every commitment over 120 minutes old
}, 180_000);

afterAll(async () => {
  await env.close();
});

async function forecast(modelPath: string, hotkey?: string) {
  const request: ForecastRequest = {
    ...(hotkey && { hotkey }),
    modelPath,
    dataset: GOLDEN_DATASET,
    competition: tricorder,
    network: env.chain.url,
    netuid: 76,
    top: 10,
    models: { dir: await tempDir(), cache: noCache },
    count: 1,
    hub: { hubUrl: env.hub.url, log: quiet, retry: { attempts: 2, baseDelayMs: 1 } },
    cache: noCache,
    downloadDir: await tempDir(),
    threads: 2,
  };
  return runForecast(request);
}

describe("forecast: the candidate among the committed models", () => {
  it("a distinct model is ranked among those validators score; copies, bad records, deregistered hotkeys as they treat them", async () => {
    const { report, forecast: doc } = await forecast(path.join(EXAMPLE_DIR, "model.onnx"));
    const row = (name: string) => doc.rows.find((r) => r.hotkey === hotkeys[name]);
    // beta serves alpha's model in other bytes, committed later: alpha keeps the score.
    expect(row("beta")).toMatchObject({ status: "copy", copy_of: { hotkey: hotkeys.alpha }, rank: null, share: 0 });
    expect(row("alpha")?.status).toBe("scored");
    expect(row("gamma")?.status).toBe("scored");
    expect(row("wrong")).toMatchObject({ status: "rejected", rank: null });
    expect(row("wrong")?.reason).toMatch(/^Hash validation failed/);
    expect(doc.ignored.map((i) => i.hotkey)).toContain(hotkeys.gone);
    // Scores are the models' own evaluate() results.
    const alone = async (file: string) =>
      (await evaluate({ modelPath: file, dataset: GOLDEN_DATASET, competition: tricorder, log: quiet, threads: 2 })).score;
    expect(row("alpha")?.average).toBe(await alone(path.join(MODELS, "two-input-512.onnx")));
    expect(row("gamma")?.average).toBe(await alone(path.join(MODELS, "one-input-224.onnx")));
    const me = doc.rows.find((r) => r.candidate);
    expect(me?.average).toBe(report.score);
    // Ranked among alpha, gamma and the candidate, by average; shares add up to 1.
    expect(doc.candidate.rank_of).toBe(3);
    const ranked = doc.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect([...ranked].sort((a, b) => b.average - a.average).map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 6);
    expect(doc.candidate.rank).toBe(me?.rank);
  }, 120_000);

  it("alpha's model in yet other bytes is a copy of alpha: 0, and alpha keeps its score", async () => {
    const { forecast: doc } = await forecast(await sameModelOtherBytes(path.join(MODELS, "two-input-512.onnx"), 2));
    expect(doc.candidate).toMatchObject({ rank: null, share: 0, copy_of: { hotkey: hotkeys.alpha } });
    expect(doc.rows.find((r) => r.hotkey === hotkeys.alpha)).toMatchObject({ status: "scored", rank: expect.any(Number) });
    // Only alpha and gamma are ranked: the copies (beta and the candidate) get 0.
    expect(doc.candidate.rank_of).toBe(2);
  }, 120_000);
});

describe("forecast as the miner's own hotkey (hotkey)", () => {
  it("the bytes alpha committed, as alpha: alpha's own row, ranked as committed, and beta still its copy", async () => {
    const { forecast: doc } = await forecast(path.join(MODELS, "two-input-512.onnx"), hotkeys.alpha);
    const mine = doc.rows.filter((r) => r.hotkey === hotkeys.alpha);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ candidate: true, status: "scored", uid: doc.own_hotkey?.uid, rank: expect.any(Number) });
    expect(doc.own_hotkey).toMatchObject({ hotkey: hotkeys.alpha, committed: { same_model: true, block: expect.any(Number) } });
    expect(doc.candidate.copy_of).toBeUndefined();
    expect(doc.rows.find((r) => r.hotkey === hotkeys.beta)).toMatchObject({ status: "copy", copy_of: { hotkey: hotkeys.alpha } });
    expect(doc.candidate.rank_of).toBe(2);
  }, 120_000);

  it("alpha's model in other bytes, as alpha: a new commitment replaces alpha's, and beta's earlier one keeps the score", async () => {
    const { forecast: doc } = await forecast(await sameModelOtherBytes(path.join(MODELS, "two-input-512.onnx"), 3), hotkeys.alpha);
    expect(doc.rows.filter((r) => r.hotkey === hotkeys.alpha)).toEqual([
      expect.objectContaining({
        candidate: true,
        uid: doc.own_hotkey?.uid,
        rank: null,
        copy_of: { hotkey: hotkeys.beta, block: expect.any(Number) },
      }),
    ]);
    expect(doc.own_hotkey?.committed?.same_model).toBe(false);
    expect(doc.rows.find((r) => r.hotkey === hotkeys.beta)).toMatchObject({ status: "scored", rank: expect.any(Number) });
  }, 120_000);

  it("another model, as gamma: ranked in place of gamma's, which is left out", async () => {
    const { forecast: doc } = await forecast(path.join(EXAMPLE_DIR, "model.onnx"), hotkeys.gamma);
    expect(doc.rows.filter((r) => r.hotkey === hotkeys.gamma).map((r) => r.candidate)).toEqual([true]);
    expect(doc.candidate.rank_of).toBe(2);
    expect(doc.ignored.map((i) => i.hotkey)).not.toContain(hotkeys.gamma);
  }, 120_000);

  it("a hotkey that is not registered is said so, and the candidate counts as a new hotkey", async () => {
    const { forecast: doc } = await forecast(path.join(EXAMPLE_DIR, "model.onnx"), hotkeys.gone);
    expect(doc.own_hotkey).toMatchObject({ hotkey: hotkeys.gone, uid: null });
    expect(doc.candidate.rank_of).toBe(3);
  }, 120_000);
});
