export const id = 83;
export const ids = [83];
export const modules = {

/***/ 30083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/competition.ts
var src_competition = __webpack_require__(82884);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/cache.ts
var cache = __webpack_require__(97377);
// EXTERNAL MODULE: ./src/pipeline.ts
var pipeline = __webpack_require__(15165);
// EXTERNAL MODULE: ./src/hub.ts
var src_hub = __webpack_require__(92096);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(25625);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/paths.ts
/** Where the shipped files are, whether running from src/ (tests) or the bundle in dist/. */



/** The folder holding action.yml: found at run time, so the bundler does not try to inline it. */
function packageRoot() {
    let dir = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (;;) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, "action.yml")))
            return dir;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            return external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
        dir = parent;
    }
}
/** The embedded example: a small model and a two-image tricorder-3 package. */
function embeddedExample() {
    const root = packageRoot();
    return { model: external_node_path_default().join(root, "example", "model.onnx"), dataset: external_node_path_default().join(root, "example", "dataset") };
}

// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(70665);
// EXTERNAL MODULE: ./src/results.ts
var results = __webpack_require__(69385);
// EXTERNAL MODULE: ./src/hotkey.ts
var src_hotkey = __webpack_require__(19373);
// EXTERNAL MODULE: ./src/release.ts
var release = __webpack_require__(84202);
// EXTERNAL MODULE: ./src/selfcheck.ts
var selfcheck = __webpack_require__(52877);
// EXTERNAL MODULE: ./src/run.ts + 9 modules
var run = __webpack_require__(74672);
// EXTERNAL MODULE: ./src/shard.ts
var src_shard = __webpack_require__(67903);
// EXTERNAL MODULE: ./src/shard-files.ts
var shard_files = __webpack_require__(87357);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same core as
 * the action; progress on stderr, the report on stdout, exit 0 on a completed
 * evaluation, 1 with a one-line reason otherwise, 2 on a usage error.
 */




















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
  --competition <id>      competition id (default ${src_competition/* DEFAULT_COMPETITION */.Wr})
  --output <file>         also write the results as JSON to <file>
  --hf-endpoint <url>     HuggingFace endpoint (default ${src_hub/* DEFAULT_HUB_URL */.Sc}, or $HF_ENDPOINT)
  --config-repo <space>   competition configuration space (default ${src_hub/* DEFAULT_CONFIG_REPO */.C1})
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
  --competition-id <id>    default ${src_competition/* DEFAULT_COMPETITION */.Wr}
  --network <name|url>     finney (default), test, local, or a ws(s):// URL
  --netuid <n>             default 76
  --hf-endpoint <url>      HuggingFace endpoint (default ${src_hub/* DEFAULT_HUB_URL */.Sc}, or $HF_ENDPOINT)

environment:
  HF_TOKEN                 HuggingFace write token (upload, submit)
  HOTKEY_MNEMONIC          the hotkey's mnemonic (submit)`;
const SELF_CHECK_USAGE = `usage: cancer-ai self-check [--hotkey <ss58>] [--network finney] [--netuid 76] [--competition tricorder-3]
                          [--dataset latest|hf://...|path] [--no-evaluate] [--output results.json] [--all]

Checks a committed model the way validators do: registration, commitment, public MIT repository,
files, the model's hash, extrinsic_record.json and its block, the commitment's age, then the
evaluation. Exits 1 if a check a validator rejects on fails. Without --hotkey, the hotkey comes
from HOTKEY_MNEMONIC. --all lists every commitment for the competition on the subnet (read-only).`;
const defaultIo = { stdout: (text) => process.stdout.write(text), log: log/* consoleLog */.a };
async function evaluateCommand(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            model: { type: "string" },
            dataset: { type: "string" },
            competition: { type: "string", default: src_competition/* DEFAULT_COMPETITION */.Wr },
            output: { type: "string" },
            "dataset-count": { type: "string", default: "1" },
            "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || src_hub/* DEFAULT_HUB_URL */.Sc },
            "config-repo": { type: "string", default: src_hub/* DEFAULT_CONFIG_REPO */.C1 },
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
    const shard = values.shard === undefined ? undefined : (0,src_shard/* parseShard */.uK)(values.shard);
    if (shard && !values.output)
        throw new errors/* InputError */.dz("--shard needs --output <file> for the shard's predictions (cancer-ai merge reads them)");
    let { model, dataset } = values;
    if ((model === undefined) !== (dataset === undefined)) {
        throw new errors/* InputError */.dz("give both --model and --dataset, or neither to run the embedded example");
    }
    if (model === undefined || dataset === undefined) {
        const example = embeddedExample();
        if (!(0,external_node_fs_.existsSync)(example.model))
            throw new errors/* InputError */.dz(`the embedded example is not in this installation (${example.model}); give --model and --dataset`);
        ({ model, dataset } = example);
        io.log.info(`no --model/--dataset given: running the embedded example (${model})`);
    }
    const competition = (0,src_competition/* getCompetition */.Q0)(values.competition);
    const count = Number(values["dataset-count"]);
    if (!Number.isInteger(count) || count < 1)
        throw new errors/* InputError */.dz(`--dataset-count must be a whole number of at least 1, got "${values["dataset-count"]}"`);
    const hfToken = process.env.HF_TOKEN || undefined;
    const report = await (0,run/* runEvaluation */.K2)({
        modelPath: model,
        dataset,
        competition,
        count,
        configRepo: values["config-repo"],
        hub: { hubUrl: values["hf-endpoint"], accessToken: hfToken, log: io.log },
        cache: cache/* noCache */.w,
        downloadDir: cacheFolder(),
        threads: (0,pipeline/* parseThreads */.Js)(values.threads),
        shard,
    });
    if (shard && values.output) {
        const file = await (0,results/* writeWhole */.f8)(values.output, (0,shard_files/* shardFileContent */.Mi)(report.datasets));
        const counts = report.datasets.map((d) => `${d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
        io.stdout(`shard ${(0,src_shard/* formatShard */._D)(shard)} evaluated (${counts.join("; ")}); predictions in ${file}\nmerge all ${shard.count} shards with: cancer-ai merge <files>\n`);
        return 0;
    }
    printReport(report, competition, io);
    if (values.output)
        io.log.info(`results written to ${await (0,results/* writeResults */.KB)(values.output, (0,run/* resultsDocument */.UL)(report))}`);
    return 0;
}
function printReport(report, competition, io) {
    io.stdout(`${report.datasets.map((d) => (0,src_report/* textReport */.Mf)(d, competition)).join("\n\n")}\n`);
    if (report.datasets.length > 1)
        io.stdout(`\nmean score over ${report.datasets.length} packages: ${(0,src_report/* fixed6 */.br)(report.score)}\n`);
}
async function mergeCommand(args, io) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            competition: { type: "string", default: src_competition/* DEFAULT_COMPETITION */.Wr },
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
    if (positionals.length === 0)
        throw new errors/* InputError */.dz("merge needs the shard files (or folders of them) written by evaluate --shard i/n --output <file>");
    const competition = (0,src_competition/* getCompetition */.Q0)(values.competition);
    const docs = await (0,shard_files/* readShardFiles */.WP)(positionals, io.log);
    const report = (0,run/* runReport */.qi)(competition.id, (0,src_shard/* mergeShardRuns */.$y)(docs, competition));
    printReport(report, competition, io);
    if (values.output)
        io.log.info(`results written to ${await (0,results/* writeResults */.KB)(values.output, (0,run/* resultsDocument */.UL)(report))}`);
    return 0;
}
async function releaseCommand(command, args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            "model-path": { type: "string" },
            "hf-repo-id": { type: "string" },
            "hf-model-name": { type: "string" },
            "code-directory": { type: "string" },
            "competition-id": { type: "string", default: src_competition/* DEFAULT_COMPETITION */.Wr },
            network: { type: "string", default: "finney" },
            netuid: { type: "string", default: "76" },
            "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || src_hub/* DEFAULT_HUB_URL */.Sc },
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
    if (!modelPath || !repoId)
        throw new errors/* InputError */.dz(`${command} needs --model-path and --hf-repo-id`);
    const mnemonic = process.env.HOTKEY_MNEMONIC ?? "";
    if (command === "submit" && !mnemonic)
        throw new errors/* InputError */.dz("submit needs the hotkey's mnemonic in the HOTKEY_MNEMONIC environment variable");
    const request = {
        modelPath,
        repoId,
        modelName: values["hf-model-name"],
        codeDir: values["code-directory"],
        competition: (0,src_competition/* getCompetition */.Q0)(values["competition-id"]),
        hub: { hubUrl: values["hf-endpoint"], accessToken: process.env.HF_TOKEN || undefined, log: io.log },
        network: values.network,
        netuid: Number(values.netuid),
        mnemonic,
        submit: command === "submit",
        workDir: await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "cancer-ai-release-")),
    };
    if (values["dry-run"]) {
        if (command !== "submit")
            throw new errors/* InputError */.dz("--dry-run goes with submit");
        io.stdout(`${JSON.stringify(await (0,release/* dryRun */.PA)(request), null, 2)}\n`);
        return 0;
    }
    const result = await (0,release/* release */._r)(request);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
}
async function selfCheckCommand(args, io) {
    const { values } = (0,external_node_util_.parseArgs)({
        args,
        options: {
            hotkey: { type: "string" },
            network: { type: "string", default: "finney" },
            netuid: { type: "string", default: "76" },
            competition: { type: "string", default: src_competition/* DEFAULT_COMPETITION */.Wr },
            dataset: { type: "string", default: "latest" },
            "dataset-count": { type: "string", default: "1" },
            "no-evaluate": { type: "boolean", default: false },
            output: { type: "string" },
            all: { type: "boolean", default: false },
            "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || src_hub/* DEFAULT_HUB_URL */.Sc },
            "config-repo": { type: "string", default: src_hub/* DEFAULT_CONFIG_REPO */.C1 },
            help: { type: "boolean", short: "h" },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(`${SELF_CHECK_USAGE}\n`);
        return 0;
    }
    const competition = (0,src_competition/* getCompetition */.Q0)(values.competition);
    const netuid = Number(values.netuid);
    const hub = { hubUrl: values["hf-endpoint"], accessToken: process.env.HF_TOKEN || undefined, log: io.log };
    if (values.all) {
        const rows = await (0,selfcheck/* leaderboard */.W2)(values.network, netuid, competition, hub);
        io.stdout(`${(0,src_report/* leaderboardMarkdown */.pO)(rows, competition, netuid)}\n`);
        return 0;
    }
    const hotkey = values.hotkey ?? (process.env.HOTKEY_MNEMONIC ? (await (0,src_hotkey/* hotkeyFromMnemonic */.t)(process.env.HOTKEY_MNEMONIC)).address : undefined);
    if (!hotkey)
        throw new errors/* InputError */.dz("self-check needs --hotkey <ss58> (or HOTKEY_MNEMONIC)");
    const result = await (0,selfcheck/* selfCheck */.p6)({
        hotkey,
        network: values.network,
        netuid,
        competition,
        hub,
        configRepo: values["config-repo"],
        evaluate: values["no-evaluate"]
            ? undefined
            : { dataset: values.dataset, count: Number(values["dataset-count"]), cache: cache/* noCache */.w, downloadDir: cacheFolder(), modelDir: await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "cancer-ai-selfcheck-")) },
    });
    io.stdout(`${(0,src_report/* checklistText */.QL)(result)}\n`);
    if (values.output)
        io.log.info(`results written to ${await (0,results/* writeResults */.KB)(values.output, result)}`);
    return result.passed ? 0 : 1;
}
function cacheFolder() {
    return external_node_path_default().join(process.env.XDG_CACHE_HOME || external_node_path_default().join(external_node_os_default().homedir(), ".cache"), "cancer-ai", "datasets");
}
/** node:util parseArgs' own errors (checked by code: they may come from another realm). */
function isParseArgsError(err) {
    return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}
async function cli(argv, io = defaultIo) {
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
                throw new errors/* InputError */.dz(`unknown command "${command}"`);
        }
    }
    catch (err) {
        const usage = err instanceof errors/* InputError */.dz || isParseArgsError(err);
        const message = err instanceof Error || isParseArgsError(err) ? err.message : String(err);
        io.log.info(`error: ${err instanceof errors/* CancerAiError */.hz || usage ? message : `unexpected failure: ${message}`}`);
        if (usage)
            io.log.info("run `cancer-ai --help` for usage");
        return usage ? 2 : 1;
    }
}


/***/ })

};
