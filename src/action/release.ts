/** Mode release: upload to HuggingFace, commit on chain, record the extrinsic; or, with dry-run, only check and print. */
import * as core from "@actions/core";
import { mkdir } from "node:fs/promises";
import type { RunConfig } from "../config/config.js";
import { releaseRequest } from "../config/requests.js";
import { dryRun, release } from "../release/release.js";
import { releaseSummary } from "../release/summary.js";
import { actionLog, workDir } from "./context.js";
import type { RunEvent } from "./event.js";
import { utc } from "../release/window.js";

export async function releaseMode(config: RunConfig, event: RunEvent): Promise<void> {
  const request = releaseRequest(config, actionLog, workDir("release"), event.tagPush?.tag);
  await mkdir(request.workDir, { recursive: true });
  if (config.dryRun) {
    const plan = await dryRun(request);
    const as = plan.hotkey ? `as ${plan.hotkey}` : "(no hotkey: submit is false)";
    core.info(`dry run: would commit ${plan.commitment} ${as}; call data ${plan.call_data}; model file ${plan.model_name}`);
    core.setOutput("model-hash", plan.model_hash);
    core.setOutput("commitment", plan.commitment);
    core.setOutput("hotkey", plan.hotkey ?? "");
    return;
  }
  const onChain = request.submit ? ` and subnet ${request.netuid} on ${request.network}` : " (upload only)";
  const result = await core.group(`Release to ${request.repoId}${onChain}`, () => release(request));
  core.setOutput("model-hash", result.modelHash);
  core.setOutput("commitment", result.commitment);
  core.setOutput("extrinsic", result.extrinsic ?? "");
  core.setOutput("hotkey", result.hotkey ?? "");
  core.setOutput("hf-url", result.hfUrl);
  if (result.eligibleFrom) {
    const from = `eligible from ${utc(result.eligibleFrom)} (block ${result.committedBlock})`;
    core.notice(`${from}: validators score the model on packages released from then on`);
  }
  await core.summary.addRaw(releaseSummary(result), true).write();
}
