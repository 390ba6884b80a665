/** A model whose weights sit in a side file is refused by the release pre-flight, before anything reaches the hub. */
import path from "node:path";
import { dryRun, release, type ReleaseRequest } from "../src/release/release.js";
import { ValidatorVerdictError } from "../src/util/errors.js";
import { GOLDEN_DIR } from "./helpers/golden.js";
import { quiet, releaseRequest } from "./helpers/release-env.js";
import { startHubServer, type HubServer } from "./servers/hub.js";

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer();
});
afterAll(() => hub.close());

// A valid hotkey and a dead chain endpoint: only the model can fail the pre-flight, and nothing may connect.
const request = (overrides: Partial<ReleaseRequest> = {}): Promise<ReleaseRequest> =>
  releaseRequest(hub.url, {
    // Loadable here (its .data file sits next to it) and shaped for tricorder-3: only the external data is wrong.
    modelPath: path.join(GOLDEN_DIR, "models", "external-data.onnx"),
    repoId: "miner/external",
    modelName: "skin-ext.onnx",
    hub: { hubUrl: hub.url, accessToken: "hf_write", log: quiet, retry: { attempts: 1, baseDelayMs: 1 } },
    network: "ws://127.0.0.1:1",
    submit: true,
    ...overrides,
  });

describe("release of a model with external data", () => {
  it("is refused before any hub request or chain connection, naming the file validators would download", async () => {
    const err = await release(await request()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidatorVerdictError);
    expect(err).toMatchObject({ fault: "model", code: "external-data" });
    expect((err as Error).message).toMatch(
      /^validators would score 0: .*external-data\.onnx keeps its weights in external-data\.onnx\.data \(external data, 2 tensors\), and validators download only skin-ext\.onnx\. Re-export/,
    );
    expect(hub.requests).toEqual([]);
    expect(hub.repo("model", "miner/external")).toBeUndefined();
  });

  it("the dry run refuses it too", async () => {
    await expect(dryRun(await request({ submit: false }))).rejects.toThrow(/external data, 2 tensors/);
    expect(hub.requests).toEqual([]);
  });
});
