/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same core as
 * the action; progress on stderr, the report on stdout, exit 0 on a completed
 * evaluation, 1 with a one-line reason otherwise, 2 on a usage error.
 */
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEFAULT_COMPETITION, getCompetition, type Competition } from "../competition/competition.js";
import { CancerAiError, InputError } from "../util/errors.js";
import os from "node:os";
import path from "node:path";
import { noCache } from "../util/cache-store.js";
import { parseThreads } from "../engine/pipeline.js";
import { DEFAULT_CONFIG_REPO, DEFAULT_HUB_URL } from "../hub/hub.js";
import { consoleLog, type Log } from "../util/log.js";
import { embeddedExample } from "../util/paths.js";
import { textReport } from "../report/markdown.js";
import { checklistText, leaderboardMarkdown } from "../release/summary.js";
import { fixed6 } from "../util/text.js";
import { writeResults } from "../report/files.js";
import { writeWhole } from "../util/files.js";
import { hotkeyFromMnemonic } from "../release/hotkey.js";
import { dryRun, release, type ReleaseRequest } from "../release/release.js";
import { leaderboard, selfCheck } from "../release/self-check.js";
import { resultsDocument, runEvaluation, runReport } from "../engine/run.js";
import type { RunReport } from "../engine/results.js";
import { formatShard, mergeShardRuns, parseShard } from "../engine/shard.js";
import { readShardFiles, shardFileContent } from "../engine/shard-files.js";

const USAGE = `usage: cancer-ai evaluate [--model <file.onnx> --dataset <latest|hf://...|folder|zip>] [options]
       cancer-ai merge [--competition <id>] [--output results.json] <shard file or folder>...

Scores an ONNX model on competition datasets exactly as the CancerAI validators do.
Without --model and --dataset it runs on the embedded example.
To split the work over machines, run evaluate with --shard 1/n ... n/n and --output, then
merge the n files: the merged result equals one run over every row.

options:
  --model <file>          the ONNX model to score
  --dataset <source>      "latest" (the competition's newest packages on HuggingFace),
                          hf://<owner>/<repo>/<package.zip>, or a local folder or .zip
  --dataset-count <n>     with "latest": how many of the newest packages (default 1)
  --competition <id>      competition id (default ${DEFAULT_COMPETITION})
  --output <file>         also write the results as JSON to <file>
  --hf-endpoint <url>     HuggingFace endpoint (default ${DEFAULT_HUB_URL}, or $HF_ENDPOINT)
  --config-repo <space>   competition configuration space (default ${DEFAULT_CONFIG_REPO})
  --threads <n|auto>      preprocessing threads (default auto: every core; inference stays
                          single-threaded, as on the validators)
  --shard <i/n>           evaluate only shard i of n (rows i-1, i-1+n, ...); --output then
                          receives the shard's predictions, for cancer-ai merge
  -h, --help              show this help

environment:
  HF_TOKEN                token for private dataset repositories
  XDG_CACHE_HOME          downloads are kept in $XDG_CACHE_HOME/cancer-ai (default ~/.cache/cancer-ai)`;

const RELEASE_USAGE = `usage: cancer-ai upload --model-path <m.onnx> --hf-repo-id <owner/name> [--hf-model-name <m.onnx>] [--code-directory <dir>]
       cancer-ai submit --model-path <m.onnx> --hf-repo-id <owner/name> [options] [--dry-run]

upload: puts the model and its zipped code in a public HuggingFace model repository (MIT card),
        in one commit, and prints the model's SHA-256 as the hub serves it.
submit: does what upload does if needed, then commits {repo}:{stem}:{competition}:{sha256} on chain
        with the hotkey and uploads extrinsic_record.json. Re-running it changes nothing.
        --dry-run performs every offline check and prints the commitment, the set_commitment call
        data and the hotkey, without network access.

options:
  --hf-model-name <file>   the model's file name on the hub (default: the model file's name)
  --code-directory <dir>   training code, zipped to <stem>.zip
  --competition-id <id>    default ${DEFAULT_COMPETITION}
  --network <name|url>     finney (default), test, local, or a ws(s):// URL
  --netuid <n>             default 76
  --hf-endpoint <url>      HuggingFace endpoint (default ${DEFAULT_HUB_URL}, or $HF_ENDPOINT)

environment:
  HF_TOKEN                 HuggingFace write token (upload, submit)
  HOTKEY_MNEMONIC          the hotkey's mnemonic (submit)`;

const SELF_CHECK_USAGE = `usage: cancer-ai self-check [--hotkey <ss58>] [--network finney] [--netuid 76] [--competition tricorder-3]
                          [--dataset latest|hf://...|path] [--no-evaluate] [--output results.json] [--all]

Checks a committed model the way validators do: registration, commitment, public MIT repository,
files, the model's hash, extrinsic_record.json and its block, the commitment's age, then the
evaluation. Exits 1 if a check a validator rejects on fails. Without --hotkey, the hotkey comes
from HOTKEY_MNEMONIC. --all lists every commitment for the competition on the subnet (read-only).`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly log: Log;
}

const defaultIo: CliIo = { stdout: (text) => process.stdout.write(text), log: consoleLog };

async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: "string" },
      dataset: { type: "string" },
      competition: { type: "string", default: DEFAULT_COMPETITION },
      output: { type: "string" },
      "dataset-count": { type: "string", default: "1" },
      "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || DEFAULT_HUB_URL },
      "config-repo": { type: "string", default: DEFAULT_CONFIG_REPO },
      threads: { type: "string", default: "auto" },
      shard: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && !values.output) throw new InputError("--shard needs --output <file> for the shard's predictions (cancer-ai merge reads them)");
  let { model, dataset } = values;
  if ((model === undefined) !== (dataset === undefined)) {
    throw new InputError("give both --model and --dataset, or neither to run the embedded example");
  }
  if (model === undefined || dataset === undefined) {
    const example = embeddedExample();
    if (!existsSync(example.model)) throw new InputError(`the embedded example is not in this installation (${example.model}); give --model and --dataset`);
    ({ model, dataset } = example);
    io.log.info(`no --model/--dataset given: running the embedded example (${model})`);
  }
  const competition = getCompetition(values.competition);
  const count = Number(values["dataset-count"]);
  if (!Number.isInteger(count) || count < 1) throw new InputError(`--dataset-count must be a whole number of at least 1, got "${values["dataset-count"]}"`);
  const hfToken = process.env.HF_TOKEN || undefined;
  const report = await runEvaluation({
    modelPath: model,
    dataset,
    competition,
    count,
    configRepo: values["config-repo"],
    hub: { hubUrl: values["hf-endpoint"], accessToken: hfToken, log: io.log },
    cache: noCache,
    downloadDir: cacheFolder(),
    threads: parseThreads(values.threads),
    shard,
  });
  if (shard && values.output) {
    const file = await writeWhole(values.output, shardFileContent(report.datasets));
    const counts = report.datasets.map((d) => `${d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
    io.stdout(`shard ${formatShard(shard)} evaluated (${counts.join("; ")}); predictions in ${file}\nmerge all ${shard.count} shards with: cancer-ai merge <files>\n`);
    return 0;
  }
  printReport(report, competition, io);
  if (values.output) io.log.info(`results written to ${await writeResults(values.output, resultsDocument(report))}`);
  return 0;
}

function printReport(report: RunReport, competition: Competition, io: CliIo): void {
  io.stdout(`${report.datasets.map((d) => textReport(d, competition)).join("\n\n")}\n`);
  if (report.datasets.length > 1) io.stdout(`\nmean score over ${report.datasets.length} packages: ${fixed6(report.score)}\n`);
}

async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      competition: { type: "string", default: DEFAULT_COMPETITION },
      output: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new InputError("merge needs the shard files (or folders of them) written by evaluate --shard i/n --output <file>");
  const competition = getCompetition(values.competition);
  const docs = await readShardFiles(positionals, io.log);
  const report = runReport(competition.id, mergeShardRuns(docs, competition));
  printReport(report, competition, io);
  if (values.output) io.log.info(`results written to ${await writeResults(values.output, resultsDocument(report))}`);
  return 0;
}

async function releaseCommand(command: "upload" | "submit", args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "model-path": { type: "string" },
      "hf-repo-id": { type: "string" },
      "hf-model-name": { type: "string" },
      "code-directory": { type: "string" },
      "competition-id": { type: "string", default: DEFAULT_COMPETITION },
      network: { type: "string", default: "finney" },
      netuid: { type: "string", default: "76" },
      "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || DEFAULT_HUB_URL },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(`${RELEASE_USAGE}\n`);
    return 0;
  }
  const modelPath = values["model-path"];
  const repoId = values["hf-repo-id"];
  if (!modelPath || !repoId) throw new InputError(`${command} needs --model-path and --hf-repo-id`);
  const mnemonic = process.env.HOTKEY_MNEMONIC ?? "";
  if (command === "submit" && !mnemonic) throw new InputError("submit needs the hotkey's mnemonic in the HOTKEY_MNEMONIC environment variable");
  const request: ReleaseRequest = {
    modelPath,
    repoId,
    modelName: values["hf-model-name"],
    codeDir: values["code-directory"],
    competition: getCompetition(values["competition-id"]),
    hub: { hubUrl: values["hf-endpoint"], accessToken: process.env.HF_TOKEN || undefined, log: io.log },
    network: values.network,
    netuid: Number(values.netuid),
    mnemonic,
    submit: command === "submit",
    workDir: await mkdtemp(path.join(os.tmpdir(), "cancer-ai-release-")),
  };
  if (values["dry-run"]) {
    if (command !== "submit") throw new InputError("--dry-run goes with submit");
    io.stdout(`${JSON.stringify(await dryRun(request), null, 2)}\n`);
    return 0;
  }
  const result = await release(request);
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function selfCheckCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      hotkey: { type: "string" },
      network: { type: "string", default: "finney" },
      netuid: { type: "string", default: "76" },
      competition: { type: "string", default: DEFAULT_COMPETITION },
      dataset: { type: "string", default: "latest" },
      "dataset-count": { type: "string", default: "1" },
      "no-evaluate": { type: "boolean", default: false },
      output: { type: "string" },
      all: { type: "boolean", default: false },
      "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || DEFAULT_HUB_URL },
      "config-repo": { type: "string", default: DEFAULT_CONFIG_REPO },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout(`${SELF_CHECK_USAGE}\n`);
    return 0;
  }
  const competition = getCompetition(values.competition);
  const netuid = Number(values.netuid);
  const hub = { hubUrl: values["hf-endpoint"], accessToken: process.env.HF_TOKEN || undefined, log: io.log };
  if (values.all) {
    const rows = await leaderboard(values.network, netuid, competition, hub);
    io.stdout(`${leaderboardMarkdown(rows, competition, netuid)}\n`);
    return 0;
  }
  const hotkey = values.hotkey ?? (process.env.HOTKEY_MNEMONIC ? (await hotkeyFromMnemonic(process.env.HOTKEY_MNEMONIC)).address : undefined);
  if (!hotkey) throw new InputError("self-check needs --hotkey <ss58> (or HOTKEY_MNEMONIC)");
  const result = await selfCheck({
    hotkey,
    network: values.network,
    netuid,
    competition,
    hub,
    configRepo: values["config-repo"],
    evaluate: values["no-evaluate"]
      ? undefined
      : { dataset: values.dataset, count: Number(values["dataset-count"]), cache: noCache, downloadDir: cacheFolder(), modelDir: await mkdtemp(path.join(os.tmpdir(), "cancer-ai-selfcheck-")) },
  });
  io.stdout(`${checklistText(result)}\n`);
  if (values.output) io.log.info(`results written to ${await writeResults(values.output, result)}`);
  return result.passed ? 0 : 1;
}

function cacheFolder(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "cancer-ai", "datasets");
}

/** node:util parseArgs' own errors (checked by code: they may come from another realm). */
function isParseArgsError(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}

export async function cli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "evaluate":
        return await evaluateCommand(rest, io);
      case "merge":
        return await mergeCommand(rest, io);
      case "upload":
      case "submit":
        return await releaseCommand(command, rest, io);
      case "self-check":
        return await selfCheckCommand(rest, io);
      case undefined:
      case "help":
      case "-h":
      case "--help":
        io.stdout(`${USAGE}\n\n${RELEASE_USAGE}\n\n${SELF_CHECK_USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command "${command}"`);
    }
  } catch (err) {
    const usage = err instanceof InputError || isParseArgsError(err);
    const message = err instanceof Error || isParseArgsError(err) ? (err as Error).message : String(err);
    io.log.info(`error: ${err instanceof CancerAiError || usage ? message : `unexpected failure: ${message}`}`);
    if (usage) io.log.info("run `cancer-ai --help` for usage");
    return usage ? 2 : 1;
  }
}
