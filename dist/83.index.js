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
// EXTERNAL MODULE: ./src/hub.ts
var hub = __webpack_require__(92096);
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
// EXTERNAL MODULE: ./src/run.ts + 15 modules
var run = __webpack_require__(75763);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * `cancer-ai`: the engine for terminals and other CI systems. Same core as
 * the action; progress on stderr, the report on stdout, exit 0 on a completed
 * evaluation, 1 with a one-line reason otherwise, 2 on a usage error.
 */













const USAGE = `usage: cancer-ai evaluate [--model <file.onnx> --dataset <latest|hf://...|folder|zip>] [options]

Scores an ONNX model on competition datasets exactly as the CancerAI validators do.
Without --model and --dataset it runs on the embedded example.

options:
  --model <file>          the ONNX model to score
  --dataset <source>      "latest" (the competition's newest packages on HuggingFace),
                          hf://<owner>/<repo>/<package.zip>, or a local folder or .zip
  --dataset-count <n>     with "latest": how many of the newest packages (default 1)
  --competition <id>      competition id (default ${src_competition/* DEFAULT_COMPETITION */.Wr})
  --output <file>         also write the results as JSON to <file>
  --hf-endpoint <url>     HuggingFace endpoint (default ${hub/* DEFAULT_HUB_URL */.Sc}, or $HF_ENDPOINT)
  --config-repo <space>   competition configuration space (default ${hub/* DEFAULT_CONFIG_REPO */.C1})
  -h, --help              show this help

environment:
  HF_TOKEN                token for private dataset repositories
  XDG_CACHE_HOME          downloads are kept in $XDG_CACHE_HOME/cancer-ai (default ~/.cache/cancer-ai)`;
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
            "hf-endpoint": { type: "string", default: process.env.HF_ENDPOINT || hub/* DEFAULT_HUB_URL */.Sc },
            "config-repo": { type: "string", default: hub/* DEFAULT_CONFIG_REPO */.C1 },
            help: { type: "boolean", short: "h" },
        },
        strict: true,
    });
    if (values.help) {
        io.stdout(`${USAGE}\n`);
        return 0;
    }
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
    const report = await (0,run/* runEvaluation */.K)({
        modelPath: model,
        dataset,
        competition,
        count,
        configRepo: values["config-repo"],
        hub: { hubUrl: values["hf-endpoint"], accessToken: hfToken, log: io.log },
        cache: cache/* noCache */.w,
        downloadDir: external_node_path_default().join(process.env.XDG_CACHE_HOME || external_node_path_default().join(external_node_os_default().homedir(), ".cache"), "cancer-ai", "datasets"),
    });
    io.stdout(`${report.datasets.map((d) => (0,src_report/* textReport */.Mf)(d, competition)).join("\n\n")}\n`);
    if (report.datasets.length > 1)
        io.stdout(`\nmean score over ${report.datasets.length} packages: ${(0,src_report/* fixed6 */.br)(report.score)}\n`);
    if (values.output)
        io.log.info(`results written to ${await (0,results/* writeResults */.K)(values.output, (0,run/* resultsDocument */.U)(report))}`);
    return 0;
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
            case undefined:
            case "help":
            case "-h":
            case "--help":
                io.stdout(`${USAGE}\n`);
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
