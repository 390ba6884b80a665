/** `cancer-ai upload` and `cancer-ai submit`: publishing a model by hand, with the action's checks. */
import type { RunConfig } from "../config/config.js";
import { releaseRequest } from "../config/requests.js";
import { dryRun, release, type ReleaseRequest } from "../release/release.js";
import { releaseJson } from "../release/summary.js";
import { makeTempDir } from "../util/temp.js";
import type { CliIo, Command } from "./io.js";

/** The release, with the code zip in a temporary folder that is gone afterwards. */
async function withRequest<T>(config: RunConfig, io: CliIo, work: (request: ReleaseRequest) => Promise<T>): Promise<T> {
  const tmp = await makeTempDir("cancer-ai-release-");
  try {
    return await work(releaseRequest(config, io.log, tmp.path));
  } finally {
    await tmp.remove();
  }
}

const print = (io: CliIo, document: object): void => io.stdout(`${JSON.stringify(document, null, 2)}\n`);

export const uploadCommand: Command = {
  name: "upload",
  mode: "release",
  summary:
    "Puts the model and its zipped code in a public HuggingFace model repository (MIT card), in one commit, and prints " +
    "the model's SHA-256 as the hub serves it (JSON on stdout). Needs no hotkey. Without --hf-model-name the file is named " +
    "<model file name>-<8 hex digits of its SHA-256>.onnx, a new name per model.",
  fixed: { submit: "false", "dry-run": "false" },
  run: async ({ config, io }) => {
    print(io, releaseJson(await withRequest(config, io, release)));
    return 0;
  },
};

export const submitCommand: Command = {
  name: "submit",
  mode: "release",
  summary:
    "Does what upload does if needed, then commits {repo}:{stem}:{competition}:{sha256} on chain with the hotkey and uploads " +
    "extrinsic_record.json (JSON on stdout). Everything is checked before anything is written: the model, the names, the code " +
    "folder, the hotkey's registration, the chain's commitment limit, the repository, and whether a dataset package is likely " +
    "inside the 120 minutes in which the new commitment scores 0. Re-running it changes nothing. --dry-run performs the " +
    "offline checks and prints the commitment, the set_commitment call data and the hotkey, without network access.",
  fixed: { submit: "true" },
  run: async ({ config, io }) => {
    print(io, await withRequest(config, io, async (req) => (config.dryRun ? dryRun(req) : releaseJson(await release(req)))));
    return 0;
  },
};
