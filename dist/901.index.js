export const id = 901;
export const ids = [901];
export const modules = {

/***/ 77901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/util/paths.ts
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
/**
 * The tool's version: from the package.json beside action.yml (a clone), or
 * the one the build writes into dist/ (the action's folder has no other).
 */
function toolVersion() {
    const root = packageRoot();
    for (const file of [external_node_path_default().join(root, "package.json"), external_node_path_default().join(root, "dist", "package.json")]) {
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        const { version } = JSON.parse((0,external_node_fs_.readFileSync)(file, "utf8"));
        if (typeof version === "string")
            return version;
    }
    return "unknown";
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/config/config.ts
var config_config = __webpack_require__(81122);
// EXTERNAL MODULE: ./src/config/options.ts
var config_options = __webpack_require__(6856);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The CLI's flags, derived from the option table: a command takes the
 * options of its mode under the action's input names (plus their older
 * spellings), reads secrets from the environment only, and prints its own
 * --help from the same descriptions and defaults as action.yml.
 */




const isBoolean = (name) => (0,config_options/* specOf */.rI)(name).default === "true" || (0,config_options/* specOf */.rI)(name).default === "false";
/** The options a command offers as flags, in table order. */
function commandOptions(command) {
    return config_options/* OPTION_NAMES */.TM.filter((name) => {
        const spec = (0,config_options/* specOf */.rI)(name);
        return spec.modes.includes(command.mode) && spec.cli?.flag !== false && !spec.secret && !(name in (command.fixed ?? {}));
    });
}
/** The options read from the environment by this command (secrets, endpoints). */
function envOptions(command) {
    return config_options/* OPTION_NAMES */.TM.filter((name) => (0,config_options/* specOf */.rI)(name).modes.includes(command.mode) && (0,config_options/* specOf */.rI)(name).cli?.env !== undefined);
}
/** The CLI's default for an option: its own where the table says so, else the action's. */
function cliDefault(name) {
    const cli = (0,config_options/* specOf */.rI)(name).cli;
    return cli && "default" in cli ? cli.default : (0,config_config/* actionDefault */.QT)(name);
}
/** Every flag name a command accepts (options, their aliases, negations, its own flags), for parseArgs. */
function parseArgsOptions(command) {
    const options = { help: { type: "boolean", short: "h" } };
    for (const name of commandOptions(command)) {
        const type = isBoolean(name) ? "boolean" : "string";
        for (const flag of [name, ...((0,config_options/* specOf */.rI)(name).cli?.aliases ?? [])])
            options[flag] = { type };
        if (type === "boolean" && (0,config_options/* specOf */.rI)(name).default === "true")
            options[`no-${name}`] = { type: "boolean" };
    }
    for (const flag of Object.keys(command.extraFlags ?? {}))
        options[flag] = { type: "boolean" };
    return options;
}
/** node:util parseArgs' own errors, checked by code (they may come from another realm). */
function isParseArgsError(err) {
    return typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}
function parseCommand(command, args, env = process.env) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...args],
            options: parseArgsOptions(command),
            allowPositionals: command.positionals !== undefined,
            strict: true,
        });
    }
    catch (err) {
        if (!isParseArgsError(err))
            throw err;
        throw new errors/* UsageError */.eb(`cancer-ai ${command.name}: ${err.message.split(". ")[0]}`);
    }
    const values = parsed.values;
    const flagValue = (name) => {
        if (values[`no-${name}`] === true)
            return "false";
        for (const flag of [name, ...((0,config_options/* specOf */.rI)(name).cli?.aliases ?? [])]) {
            const value = values[flag];
            if (value !== undefined)
                return String(value);
        }
        return undefined;
    };
    if (values.help)
        return { help: true };
    const offered = new Set(commandOptions(command));
    const fixed = { mode: command.mode, ...command.fixed };
    const given = (name) => fixed[name] ?? (offered.has(name) ? flagValue(name) : undefined) ?? envValue(name, env);
    const fallback = command.fallback?.(given) ?? {};
    const config = (0,config_config/* readConfig */.Xg)({
        value: (name) => given(name) ?? fallback[name],
        defaultOf: cliDefault,
        label: (name) => ((0,config_options/* specOf */.rI)(name).secret ? `$${(0,config_options/* specOf */.rI)(name).cli?.env}` : `--${name}`),
    });
    const flags = new Set(Object.keys(command.extraFlags ?? {}).filter((flag) => values[flag] === true));
    return { help: false, config, positionals: parsed.positionals, flags };
}
function envValue(name, env) {
    const variable = (0,config_options/* specOf */.rI)(name).cli?.env;
    return variable ? env[variable] || undefined : undefined;
}
const WIDTH = 100;
const FLAG_COLUMN = 30;
/** Words wrapped to the terminal width, indented to the description column. */
function wrap(text, indent) {
    const lines = [];
    let line = "";
    for (const word of text.split(/\s+/)) {
        if (line && indent + line.length + 1 + word.length > WIDTH) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines;
}
function helpEntry(flag, description) {
    const lines = wrap(description, FLAG_COLUMN);
    const head = `  ${flag}`;
    const first = head.length < FLAG_COLUMN ? `${head.padEnd(FLAG_COLUMN)}${lines[0] ?? ""}` : `${head}\n${" ".repeat(FLAG_COLUMN)}${lines[0] ?? ""}`;
    return [first, ...lines.slice(1).map((l) => `${" ".repeat(FLAG_COLUMN)}${l}`)].join("\n");
}
/** A command's --help: usage, what it does, every option with its default, the environment it reads. */
function commandHelp(command) {
    const entries = commandOptions(command).map((name) => {
        const spec = (0,config_options/* specOf */.rI)(name);
        const placeholder = isBoolean(name) ? "" : ` <${spec.cli?.placeholder ?? "value"}>`;
        const negation = isBoolean(name) && spec.default === "true" ? ` | --no-${name}` : "";
        const notes = [
            cliDefault(name) !== undefined && !isBoolean(name) ? `default: ${cliDefault(name)}` : "",
            spec.cli?.env ? `or $${spec.cli.env}` : "",
            spec.cli?.aliases?.length ? `also --${spec.cli.aliases.join(", --")}` : "",
        ].filter(Boolean);
        const description = spec.description.replace(/^(Release|Self-check|Merge): /, "");
        return helpEntry(`--${name}${placeholder}${negation}`, `${description}${notes.length ? ` (${notes.join("; ")})` : ""}`);
    });
    for (const [flag, { description }] of Object.entries(command.extraFlags ?? {}))
        entries.push(helpEntry(`--${flag}`, description));
    entries.push(helpEntry("-h, --help", "show this help"));
    const env = envOptions(command)
        .filter((name) => (0,config_options/* specOf */.rI)(name).secret)
        .map((name) => helpEntry(`${(0,config_options/* specOf */.rI)(name).cli?.env}`, (0,config_options/* specOf */.rI)(name).description));
    return [
        `usage: cancer-ai ${command.name} [options]${command.positionals ? ` ${command.positionals}` : ""}`,
        "",
        ...wrap(command.summary, 0),
        "",
        "options:",
        ...entries,
        ...(env.length ? ["", "environment (secrets are read from the environment only):", ...env] : []),
    ].join("\n");
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/competition/competition.ts
var competition_competition = __webpack_require__(74344);
// EXTERNAL MODULE: ./src/config/requests.ts
var requests = __webpack_require__(77966);
// EXTERNAL MODULE: ./src/engine/run.ts + 1 modules
var run = __webpack_require__(46531);
// EXTERNAL MODULE: ./src/engine/shard.ts
var shard = __webpack_require__(20914);
// EXTERNAL MODULE: ./src/engine/shard-files.ts
var shard_files = __webpack_require__(54316);
// EXTERNAL MODULE: ./src/release/forecast.ts + 4 modules
var release_forecast = __webpack_require__(61381);
// EXTERNAL MODULE: ./src/report/forecast.ts
var report_forecast = __webpack_require__(33441);
// EXTERNAL MODULE: ./src/report/gate.ts
var report_gate = __webpack_require__(18347);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/util/cache-store.ts
var cache_store = __webpack_require__(37086);
// EXTERNAL MODULE: ./src/util/files.ts
var files = __webpack_require__(75787);
;// CONCATENATED MODULE: ./src/cli/evaluate.ts
/** `cancer-ai evaluate` and `cancer-ai merge`: the score, on a terminal or another CI system. */
















/** Downloaded packages (and, for a forecast, committed models) stay here between runs (the CLI has no Actions cache). */
function cacheFolder(kind = "datasets") {
    return external_node_path_default().join(process.env.XDG_CACHE_HOME || external_node_path_default().join(external_node_os_default().homedir(), ".cache"), "cancer-ai", kind);
}
/** Prints the report (and the forecast), writes results-path (and the forecast beside it), applies the gate: the exit code. */
async function finish(report, competition, config, io, forecast) {
    io.stdout(`${report.datasets.map((d) => (0,markdown/* textReport */.Mf)(d, competition)).join("\n\n")}\n`);
    if (report.datasets.length > 1)
        io.stdout(`\n${(0,markdown/* scoreLine */.VH)(report)}\n`);
    if (forecast)
        io.stdout(`\n${(0,report_forecast/* forecastText */.xn)(forecast)}\n`);
    if (config.resultsPath)
        io.log.info(`results written to ${await (0,files/* writeJson */.GF)(config.resultsPath, (0,run/* resultsDocument */.UL)(report))}`);
    if (config.resultsPath && forecast)
        io.log.info(`forecast written to ${await (0,files/* writeJson */.GF)((0,report_forecast/* forecastPath */.Jt)(config.resultsPath), forecast)}`);
    const gate = (0,report_gate/* applyGate */.e)(report, undefined, { minScore: config.minScore, minRank: config.minRank }, forecast);
    if (gate.passed)
        return 0;
    io.log.info(`score gate failed: ${gate.reasons.join("; ")}`);
    return 1;
}
const evaluateCommand = {
    name: "evaluate",
    mode: "evaluate",
    summary: "Scores an ONNX model on competition datasets exactly as the CancerAI validators do. Without --model-path it runs on " +
        "the embedded example " +
        "(model and dataset shipped with the tool). To split the work over machines, run evaluate with --shard 1/n ... n/n " +
        "and --results-path, " +
        "then merge the n files: the merged result equals one run over every row. With --compare leaderboard it also forecasts " +
        "where the model would rank among the models committed on the subnet now (and writes <results>.forecast.json beside " +
        "--results-path).",
    fallback: (given) => {
        if (given("model-path") !== undefined)
            return {};
        if (given("dataset") !== undefined)
            throw new errors/* UsageError */.eb("--dataset needs --model-path (give neither to run the embedded example)");
        const example = embeddedExample();
        if (!(0,external_node_fs_.existsSync)(example.model))
            throw new errors/* UsageError */.eb(`the embedded example is not in this installation (${example.model}); give --model-path`);
        return { "model-path": example.model, dataset: example.dataset };
    },
    run: async ({ config, io }) => {
        if (config.shard && !config.resultsPath) {
            throw new errors/* UsageError */.eb("--shard needs --results-path <file> for the shard's predictions (cancer-ai merge reads them)");
        }
        if (config.resultsPath)
            await (0,files/* checkOutputPath */.$b)(config.resultsPath, "--results-path");
        if (config.resultsPath && config.compare === "leaderboard")
            await (0,files/* checkOutputPath */.$b)((0,report_forecast/* forecastPath */.Jt)(config.resultsPath), "--results-path");
        if (config.modelPath === embeddedExample().model) {
            io.log.info(`no --model-path given: running the embedded example (${config.modelPath})`);
        }
        const places = { log: io.log, cache: cache_store/* noCache */.w, downloadDir: cacheFolder() };
        if (config.compare === "leaderboard") {
            const { report, forecast } = await (0,release_forecast/* runForecast */.V)((0,requests/* forecastRequest */.H7)(config, { ...places, models: { dir: cacheFolder("models"), cache: cache_store/* noCache */.w } }));
            return finish(report, (0,competition_competition/* getCompetition */.Q0)(config.competitionId), config, io, forecast);
        }
        const report = await (0,run/* runEvaluation */.K2)((0,requests/* runRequest */.BN)(config, places));
        if (config.shard && config.resultsPath) {
            const file = await (0,files/* writeWhole */.f8)(config.resultsPath, (0,shard_files/* shardFileContent */.Mi)(report.datasets));
            const counts = report.datasets.map((d) => `${d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
            io.stdout(`shard ${(0,shard/* formatShard */._D)(config.shard)} evaluated (${counts.join("; ")}); predictions in ${file}\n`);
            io.stdout(`merge all ${config.shard.count} shards with: cancer-ai merge <files>\n`);
            return 0;
        }
        return finish(report, (0,competition_competition/* getCompetition */.Q0)(config.competitionId), config, io);
    },
};
const mergeCommand = {
    name: "merge",
    mode: "merge",
    summary: "Scores the union of the shards written by `cancer-ai evaluate --shard i/n --results-path <file>` exactly as one run " +
        "over every row would. " +
        "Give the shard files (or folders of them) as arguments or with --shards-path.",
    positionals: "[<shard file or folder>...]",
    run: async ({ config, positionals, io }) => {
        const inputs = [...positionals, ...(config.shardsPath ?? [])];
        if (inputs.length === 0)
            throw new errors/* UsageError */.eb("merge needs the shard files (or folders of them) written by evaluate --shard i/n --results-path <file>");
        if (config.resultsPath)
            await (0,files/* checkOutputPath */.$b)(config.resultsPath, "--results-path");
        const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
        const docs = await (0,shard_files/* readShardFiles */.WP)(inputs, io.log);
        return finish((0,run/* runReport */.qi)(competition.id, (0,shard/* mergeShardRuns */.$y)(docs, competition)), competition, config, io);
    },
};

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/cli/io.ts

const defaultIo = { stdout: (text) => process.stdout.write(text), log: log/* consoleLog */.aO };

// EXTERNAL MODULE: ./src/release/release.ts + 2 modules
var release = __webpack_require__(64399);
// EXTERNAL MODULE: ./src/release/summary.ts
var summary = __webpack_require__(67709);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
;// CONCATENATED MODULE: ./src/cli/release.ts




/** The release, with the code zip in a temporary folder that is gone afterwards. */
async function withRequest(config, io, work) {
    const tmp = await (0,temp/* makeTempDir */.m)("cancer-ai-release-");
    try {
        return await work((0,requests/* releaseRequest */.Rv)(config, io.log, tmp.path));
    }
    finally {
        await tmp.remove();
    }
}
const print = (io, document) => io.stdout(`${JSON.stringify(document, null, 2)}\n`);
const uploadCommand = {
    name: "upload",
    mode: "release",
    summary: "Puts the model and its zipped code in a public HuggingFace model repository (MIT card), in one commit, and prints " +
        "the model's SHA-256 as the hub serves it (JSON on stdout). Needs no hotkey. Without --hf-model-name the file is named " +
        "<model file name>-<8 hex digits of its SHA-256>.onnx, a new name per model.",
    fixed: { submit: "false", "dry-run": "false" },
    run: async ({ config, io }) => {
        print(io, (0,summary/* releaseJson */.qu)(await withRequest(config, io, release/* release */._r)));
        return 0;
    },
};
const submitCommand = {
    name: "submit",
    mode: "release",
    summary: "Does what upload does if needed, then commits {repo}:{stem}:{competition}:{sha256} on chain with the hotkey and uploads " +
        "extrinsic_record.json (JSON on stdout). Everything is checked before anything is written: the model, the names, the code " +
        "folder, the hotkey's registration, the chain's commitment limit, the repository, and whether a dataset package is likely " +
        "inside the 120 minutes in which the new commitment scores 0. Re-running it changes nothing. --dry-run performs the " +
        "offline checks and prints the commitment, the set_commitment call data and the hotkey, without network access.",
    fixed: { submit: "true" },
    run: async ({ config, io }) => {
        print(io, await withRequest(config, io, async (req) => (config.dryRun ? (0,release/* dryRun */.PA)(req) : (0,summary/* releaseJson */.qu)(await (0,release/* release */._r)(req)))));
        return 0;
    },
};

// EXTERNAL MODULE: ./src/release/self-check.ts
var self_check = __webpack_require__(5802);
;// CONCATENATED MODULE: ./src/cli/self-check.ts
/** `cancer-ai self-check` and `cancer-ai leaderboard-check`: the chain and the hub as validators read them. */








async function printLeaderboard(config, io) {
    const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
    const hub = (0,requests/* hubOptions */.I2)(config, io.log);
    io.stdout(`${(0,summary/* leaderboardMarkdown */.pO)(await (0,self_check/* leaderboard */.W2)(config.network, config.netuid, competition, hub), competition, config.netuid)}\n`);
    return 0;
}
const selfCheckCommand = {
    name: "self-check",
    mode: "self-check",
    summary: "Checks a committed model the way validators do: registration, commitment, public MIT repository, files, the model's hash, " +
        "extrinsic_record.json and its block, the commitment's age, then the evaluation. Exits 1 if a check a validator rejects on fails. " +
        "Without --hotkey, the hotkey comes from HOTKEY_MNEMONIC.",
    extraFlags: {
        all: { description: "list every commitment for the competition on the subnet instead (same as cancer-ai leaderboard-check)" },
    },
    run: async ({ config, flags, io }) => {
        if (flags.has("all"))
            return printLeaderboard(config, io);
        const hotkey = await (0,requests/* hotkeyOf */.Sj)(config);
        // The committed model is downloaded only to be evaluated, into a folder that is gone afterwards.
        const modelDir = config.evaluate ? await (0,temp/* makeTempDir */.m)("cancer-ai-selfcheck-") : undefined;
        const places = { log: io.log, cache: cache_store/* noCache */.w, downloadDir: cacheFolder(), modelDir: modelDir?.path ?? "" };
        const result = await (0,self_check/* selfCheck */.p6)((0,requests/* selfCheckRequest */.sK)(config, hotkey, places)).finally(() => modelDir?.remove());
        io.stdout(`${(0,summary/* checklistText */.QL)(result)}\n`);
        if (config.resultsPath)
            io.log.info(`results written to ${await (0,files/* writeJson */.GF)(config.resultsPath, (0,summary/* selfCheckJson */.js)(result))}`);
        return result.passed ? 0 : 1;
    },
};
const leaderboardCommand = {
    name: "leaderboard-check",
    mode: "leaderboard-check",
    summary: "Lists every commitment for the competition on the subnet, read-only, with whether its hash and extrinsic record " +
        "match (Markdown on stdout).",
    run: async ({ config, io }) => printLeaderboard(config, io),
};

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same options
 * as the action's inputs; progress on stderr, the report on stdout. Exit 0
 * when the work is done, 1 when it failed (with one line saying why), 2 on
 * a usage error (with a pointer to --help).
 */







const COMMANDS = [evaluateCommand, mergeCommand, uploadCommand, submitCommand, selfCheckCommand, leaderboardCommand];
function overview() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
    return [
        "usage: cancer-ai <command> [options]",
        "",
        "Scores, publishes and checks CancerAI (Bittensor subnet 76) models exactly as the validators do.",
        "The options are the GitHub Action's inputs, as --flags; `cancer-ai <command> --help` lists a command's.",
        "",
        "commands:",
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary.split(/(?<=\.) /)[0]}`),
        "",
        "  cancer-ai --version    prints the version",
    ].join("\n");
}
async function cli(argv, io = defaultIo) {
    const [name, ...rest] = argv;
    if (name === undefined || name === "help" || name === "-h" || name === "--help") {
        io.stdout(`${overview()}\n`);
        return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
        io.stdout(`${toolVersion()}\n`);
        return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    try {
        if (!command)
            throw new errors/* UsageError */.eb(`unknown command "${name}": use ${COMMANDS.map((c) => c.name).join(", ")}`);
        const parsed = parseCommand(command, rest);
        if (parsed.help) {
            io.stdout(`${commandHelp(command)}\n`);
            return 0;
        }
        return await command.run({ ...parsed, io });
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        io.log.info(`error: ${err instanceof errors/* CancerAiError */.hz ? message : `unexpected failure: ${message}`}`);
        if (!(err instanceof errors/* UsageError */.eb))
            return 1;
        io.log.info(`run \`cancer-ai ${command ? `${command.name} ` : ""}--help\` for usage`);
        return 2;
    }
}


/***/ })

};
