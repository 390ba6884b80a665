export const id = 12;
export const ids = [12];
export const modules = {

/***/ 74344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ classWeights),
/* harmony export */   Q0: () => (/* binding */ getCompetition),
/* harmony export */   Wr: () => (/* binding */ DEFAULT_COMPETITION),
/* harmony export */   pw: () => (/* binding */ COMPETITIONS)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/**
 * The competitions this tool can score. A new competition is a new entry in
 * COMPETITIONS (its classes, risk groups and score weights), not a rewrite.
 */

const TRICORDER_CLASSES = [
    { short: "AKIEC", name: "Actinic keratosis / intraepidermal carcinoma", risk: "medium_risk" },
    { short: "BCC", name: "Basal cell carcinoma", risk: "high_risk" },
    { short: "BEN_OTH", name: "Other benign proliferations incl. collisions", risk: "benign" },
    { short: "BKL", name: "Benign keratinocytic lesion", risk: "medium_risk" },
    { short: "DF", name: "Dermatofibroma", risk: "benign" },
    { short: "INF", name: "Inflammatory and infectious", risk: "benign" },
    { short: "MAL_OTH", name: "Other malignant proliferations incl. collisions", risk: "high_risk" },
    { short: "MEL", name: "Melanoma", risk: "high_risk" },
    { short: "NV", name: "Melanocytic nevus", risk: "benign" },
    { short: "SCCKA", name: "Squamous cell carcinoma / keratoacanthoma", risk: "high_risk" },
    { short: "VASC", name: "Vascular lesions and hemorrhage", risk: "medium_risk" },
];
const COMPETITIONS = new Map([
    [
        "tricorder-3",
        {
            id: "tricorder-3",
            classes: TRICORDER_CLASSES,
            riskWeights: [
                ["high_risk", 3],
                ["medium_risk", 2],
                ["benign", 1],
            ],
            locations: ["arm", "feet", "genitalia", "hand", "head", "leg", "torso"],
            imageSize: 512,
            maxInvalidFields: 2,
            ageRange: [0, 120],
            efficiencyMiB: { full: 50, zero: 150 },
            scoreWeights: { accuracyAndF1: 0.9, efficiency: 0.1 },
        },
    ],
]);
const DEFAULT_COMPETITION = "tricorder-3";
function getCompetition(id) {
    const competition = COMPETITIONS.get(id);
    if (!competition) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`unknown competition "${id}"; known competitions: ${[...COMPETITIONS.keys()].join(", ")}`);
    }
    return competition;
}
/** Per-class weight by risk, as validators report it in `class_weights`. */
function classWeights(competition) {
    const weight = new Map(competition.riskWeights);
    return competition.classes.map((c) => weight.get(c.risk) ?? 0);
}


/***/ }),

/***/ 81122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ need),
/* harmony export */   QT: () => (/* binding */ actionDefault),
/* harmony export */   Xg: () => (/* binding */ readConfig)
/* harmony export */ });
/* unused harmony exports camelName, parseOption */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6856);
/**
 * The run configuration: every option of options.ts read once, validated,
 * and typed. The action reads its inputs through it and the CLI its flags
 * and environment, so both shells share one set of defaults and checks.
 */


const camelName = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The action's default for an option not given; none for a default the runner evaluates. */
function actionDefault(name) {
    const spec = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .specOf */ .rI)(name);
    return spec.runnerDefault ? undefined : spec.default;
}
/** One option's raw text, parsed and validated as the configuration would (for tools that take a single option). */
function parseOption(name, raw, label = name) {
    return OPTIONS[name].parse(raw, label);
}
function readConfig(source) {
    const values = {};
    for (const name of _options_js__WEBPACK_IMPORTED_MODULE_1__/* .OPTION_NAMES */ .TM) {
        const given = source.value(name);
        const raw = given !== undefined && given.trim() !== "" ? given : source.defaultOf(name);
        values[camelName(name)] = raw === undefined ? undefined : (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .specOf */ .rI)(name).parse(raw, source.label(name));
    }
    const config = values;
    for (const name of _options_js__WEBPACK_IMPORTED_MODULE_1__/* .OPTION_NAMES */ .TM) {
        if ((0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .specOf */ .rI)(name).requiredIn?.includes(config.mode) && values[camelName(name)] === undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source.label(name)} is required in mode ${config.mode}`);
        }
    }
    return config;
}
/** A value readConfig has already required for the mode (a shell that changes mode later checks again here). */
function need(value, name) {
    if (value === undefined)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${name} is required here`);
    return value;
}


/***/ }),

/***/ 6856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ OPTION_NAMES),
/* harmony export */   rI: () => (/* binding */ specOf)
/* harmony export */ });
/* unused harmony exports MODES, MAX_DATASET_COUNT, OPTIONS */
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74344);
/* harmony import */ var _engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74106);
/* harmony import */ var _engine_shard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20914);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71472);
/* harmony import */ var _release_chain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92500);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70017);
/**
 * Every option of a run, once: its name (the action input's kebab-case name,
 * which is also the CLI flag), description, default, validation, and the
 * modes that read it. action.yml's inputs and the CLI's flags are checked
 * against this table by the tests, so the two shells cannot drift apart.
 */






const MODES = ["evaluate", "merge", "release", "self-check", "leaderboard-check", "comment-from-artifact"];
/** Validators evaluate at most this many of the newest packages. */
const MAX_DATASET_COUNT = 30;
const invalid = (name, expected, raw) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`${name} must be ${expected}, got "${raw}"`);
const text = (raw) => raw.trim();
/** YAML 1.2's booleans, as @actions/core's getBooleanInput reads them. */
function boolean(raw, name) {
    const value = raw.trim();
    if (["true", "True", "TRUE"].includes(value))
        return true;
    if (["false", "False", "FALSE"].includes(value))
        return false;
    throw invalid(name, "true or false", raw);
}
function integer(min, max) {
    return (raw, name) => {
        const value = raw.trim();
        if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
            throw invalid(name, `a whole number from ${min} to ${max}`, raw);
        return Number(value);
    };
}
function decimal(min, max) {
    return (raw, name) => {
        const value = Number(raw.trim());
        if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max)
            throw invalid(name, `a number from ${min} to ${max}`, raw);
        return value;
    };
}
function oneOf(values) {
    return (raw, name) => {
        const value = raw.trim();
        if (!values.includes(value))
            throw invalid(name, `one of ${values.join(", ")}`, raw);
        return value;
    };
}
function httpUrl(raw, name) {
    const value = raw.trim().replace(/\/+$/, "");
    if (!/^https?:\/\/[^\s/]+/.test(value) || !URL.canParse(value))
        throw invalid(name, "an http(s):// URL", raw);
    return value;
}
function network(raw, name) {
    const value = raw.trim();
    if (value in _release_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .NETWORKS */ .Of || (/^wss?:\/\/[^\s/]+/.test(value) && URL.canParse(value)))
        return value;
    throw invalid(name, `${Object.keys(_release_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .NETWORKS */ .Of).join(", ")} or a ws(s):// URL`, raw);
}
function competitionId(raw, name) {
    const value = raw.trim();
    if (!_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .COMPETITIONS */ .pw.has(value))
        throw invalid(name, `a known competition (${[..._competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .COMPETITIONS */ .pw.keys()].join(", ")})`, raw);
    return (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .getCompetition */ .Q0)(value).id;
}
/** "auto" (undefined: the engine picks, see engine/pipeline.ts planThreads) or a count of threads. */
function threads(raw, name) {
    const value = raw.trim();
    if (value === "auto")
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > _engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_THREADS */ .J$)
        throw invalid(name, `auto or a whole number from 1 to ${_engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_THREADS */ .J$}`, raw);
    return Number(value);
}
function shard(raw, name) {
    try {
        return (0,_engine_shard_js__WEBPACK_IMPORTED_MODULE_2__/* .parseShard */ .uK)(raw);
    }
    catch {
        throw invalid(name, '"i/n" with 1 <= i <= n (e.g. 2/3 for the second of three shards)', raw);
    }
}
/** Comma- or newline-separated paths. */
const pathList = (raw) => raw
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
const EVALUATING = ["evaluate", "release", "self-check"];
const REPORTING = ["evaluate", "merge", "release"];
const ON_HUB = ["evaluate", "release", "self-check", "leaderboard-check"];
const ON_CHAIN = ["release", "self-check", "leaderboard-check"];
function option(spec) {
    return spec;
}
const OPTIONS = {
    mode: option({
        description: "evaluate (score the model, report, gate; on a tag push with hf-repo-id set, also release; with shard, only " +
            "evaluate one slice of the rows), merge (score the union of the shards' predictions, then report and gate as " +
            "evaluate does), release (evaluate, then publish to HuggingFace and commit on chain; never on pull requests), " +
            "self-check (check a committed model as validators do), leaderboard-check (list the subnet's commitments, " +
            "read-only), or comment-from-artifact (second stage of the fork-safe PR comment, on workflow_run).",
        default: "evaluate",
        modes: MODES,
        cli: { flag: false },
        parse: oneOf(MODES),
    }),
    "model-path": option({
        description: "Path to the ONNX model to evaluate (for example the file your workflow just exported). Required in evaluate and release modes.",
        modes: ["evaluate", "release"],
        requiredIn: ["evaluate", "release"],
        cli: { aliases: ["model"], placeholder: "file.onnx" },
        parse: text,
    }),
    dataset: option({
        description: "latest (the competition's newest packages on HuggingFace), hf://<owner>/<repo>/<package.zip>, or a local folder (labels.csv + images) or .zip package.",
        default: "latest",
        modes: EVALUATING,
        cli: { placeholder: "latest|hf://...|folder|zip" },
        parse: text,
    }),
    "dataset-count": option({
        description: `With dataset latest, how many of the newest packages to evaluate (each separately; the score output is ` +
            `their mean), 1 to ${MAX_DATASET_COUNT}.`,
        default: "1",
        modes: EVALUATING,
        cli: { placeholder: "n" },
        parse: integer(1, MAX_DATASET_COUNT),
    }),
    "competition-id": option({
        description: "Competition to score for.",
        default: _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_COMPETITION */ .Wr,
        modes: ["evaluate", "merge", "release", "self-check", "leaderboard-check"],
        cli: { aliases: ["competition"], placeholder: "id" },
        parse: competitionId,
    }),
    "datasets-config-repo": option({
        description: "The HuggingFace space holding the competition configuration (datasets/*.yaml).",
        default: _hub_hub_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_CONFIG_REPO */ .C1,
        modes: EVALUATING,
        cli: { aliases: ["config-repo"], placeholder: "owner/space" },
        parse: text,
    }),
    "hf-token": option({
        description: "HuggingFace token: a write token for releases; otherwise only needed for private dataset repositories. Masked in logs.",
        modes: ON_HUB,
        secret: true,
        cli: { env: "HF_TOKEN" },
        parse: text,
    }),
    "hf-endpoint": option({
        description: "HuggingFace endpoint (a mirror, or a local hub in tests).",
        default: _hub_hub_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_HUB_URL */ .Sc,
        modes: ON_HUB,
        cli: { env: "HF_ENDPOINT", placeholder: "url" },
        parse: httpUrl,
    }),
    "github-token": option({
        description: "Token for the pull request comment (needs pull-requests write) and, in comment-from-artifact mode, actions read.",
        default: "${{ github.token }}",
        runnerDefault: true,
        modes: ["evaluate", "merge", "release", "comment-from-artifact"],
        secret: true,
        cli: { flag: false },
        parse: text,
    }),
    comment: option({
        description: "Post (and keep updating) one report comment on pull requests.",
        default: "true",
        modes: REPORTING,
        cli: { flag: false },
        parse: boolean,
    }),
    "min-score": option({
        description: "Fail the check when the score is below this value. Empty disables.",
        modes: REPORTING,
        cli: { placeholder: "score" },
        parse: decimal(0, 1),
    }),
    "max-score-drop": option({
        description: "Fail the check when the score is lower than the base branch's by more than this. Empty disables.",
        modes: REPORTING,
        cli: { flag: false },
        parse: decimal(0, 1),
    }),
    cache: option({
        description: "Keep downloaded dataset packages and the base branch's results in the Actions cache.",
        default: "true",
        modes: ["evaluate", "merge", "release", "self-check"],
        cli: { flag: false },
        parse: boolean,
    }),
    "artifact-name": option({
        description: "Name of the report artifact (results.json, predictions.csv, comment.json).",
        default: "cancer-ai-report",
        modes: ["evaluate", "merge", "release", "comment-from-artifact"],
        cli: { flag: false },
        parse: text,
    }),
    threads: option({
        description: `Preprocessing threads (auto: every core; at most ${_engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_THREADS */ .J$}). Inference stays batch 1 on one ` +
            `onnxruntime thread, as on the validators, so scores are bit-identical whatever this is.`,
        default: "auto",
        modes: EVALUATING,
        cli: { placeholder: "n|auto" },
        parse: threads,
    }),
    shard: option({
        description: "Scale-out: evaluate only shard i/n of each package's rows (rows i-1, i-1+n, ... in CSV order; e.g. 2/4, from a " +
            "matrix of 1..4), write the predictions to cancer-ai-shard-<i>-of-<n>.json and upload them as artifact " +
            "<artifact-name>-shard-<i>-of-<n>. A job with mode: merge then scores the union. No report, comment or gate in a shard job.",
        modes: ["evaluate"],
        cli: { placeholder: "i/n" },
        parse: shard,
    }),
    "shards-path": option({
        description: "Merge: files or folders (comma or newline separated) holding the shards' cancer-ai-shard-*.json. Default: " +
            "download this workflow run's <artifact-name>-shard-* artifacts.",
        modes: ["merge"],
        cli: { placeholder: "paths" },
        parse: pathList,
    }),
    "results-path": option({
        description: "Where to write results.json (validator field names plus per-image predictions).",
        default: "cancer-ai-results.json",
        modes: ["evaluate", "merge", "release", "self-check"],
        cli: { aliases: ["output"], default: undefined, placeholder: "file" },
        parse: text,
    }),
    "hf-repo-id": option({
        description: "Release: the public HuggingFace model repository (owner/name, at most 32 bytes); created public with an MIT card if missing.",
        modes: ["release"],
        requiredIn: ["release"],
        cli: { placeholder: "owner/name" },
        parse: text,
    }),
    "hf-model-name": option({
        description: "Release: the model's file name on the hub, <stem>.onnx (at most 32 bytes; the code zip is <stem>.zip). Defaults " +
            "to the model file's name.",
        modes: ["release"],
        cli: { placeholder: "stem.onnx" },
        parse: text,
    }),
    "code-directory": option({
        description: "Release: the training code folder, zipped to <stem>.zip (deterministically, so an unchanged folder is not uploaded again).",
        modes: ["release"],
        cli: { placeholder: "folder" },
        parse: text,
    }),
    hotkey: option({
        description: "Self-check: the hotkey (SS58 address) whose committed model to check; or give hotkey-mnemonic.",
        modes: ["self-check"],
        cli: { placeholder: "ss58" },
        parse: text,
    }),
    evaluate: option({
        description: "Self-check: also evaluate the committed model on the dataset.",
        default: "true",
        modes: ["self-check"],
        parse: boolean,
    }),
    "hotkey-mnemonic": option({
        description: "Release: the miner hotkey's mnemonic, from a secret. Masked; never logged.",
        modes: ["release", "self-check"],
        secret: true,
        cli: { env: "HOTKEY_MNEMONIC" },
        parse: (raw) => raw.trim().split(/\s+/).join(" "),
    }),
    network: option({
        description: "Release: finney, test, local, archive, or a ws(s):// URL of a subtensor node.",
        default: "finney",
        modes: ON_CHAIN,
        cli: { placeholder: "name|url" },
        parse: network,
    }),
    netuid: option({
        description: "Release: the subnet to commit on.",
        default: "76",
        modes: ON_CHAIN,
        cli: { placeholder: "n" },
        parse: integer(0, 0xffff),
    }),
    submit: option({
        description: "Release: commit on chain after uploading (false: upload to HuggingFace only).",
        default: "true",
        modes: ["release"],
        cli: { flag: false },
        parse: boolean,
    }),
    "dry-run": option({
        description: "Release: only run the offline checks and print the commitment, call data and hotkey.",
        default: "false",
        modes: ["release"],
        parse: boolean,
    }),
};
const OPTION_NAMES = Object.keys(OPTIONS);
/** The spec of an option, typed loosely for code that walks the whole table. */
const specOf = (name) => OPTIONS[name];


/***/ }),

/***/ 77966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ runRequest),
/* harmony export */   I2: () => (/* binding */ hubOptions),
/* harmony export */   Rv: () => (/* binding */ releaseRequest),
/* harmony export */   Sj: () => (/* binding */ hotkeyOf),
/* harmony export */   sK: () => (/* binding */ selfCheckRequest)
/* harmony export */ });
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74344);
/* harmony import */ var _release_hotkey_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44319);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81122);
/**
 * The engine's and the release's requests from a run configuration, built
 * once for both shells: they differ only in where logs, caches and
 * downloads go.
 */




function hubOptions(config, log) {
    return { hubUrl: config.hfEndpoint, accessToken: config.hfToken, log };
}
function runRequest(config, places) {
    return {
        modelPath: (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .need */ .$B)(config.modelPath, "model-path"),
        dataset: config.dataset,
        competition: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .getCompetition */ .Q0)(config.competitionId),
        count: config.datasetCount,
        configRepo: config.datasetsConfigRepo,
        hub: hubOptions(config, places.log),
        cache: places.cache,
        downloadDir: places.downloadDir,
        threads: config.threads,
        shard: config.shard,
    };
}
/** `workDir`: where the code zip is written. */
function releaseRequest(config, log, workDir) {
    const mnemonic = config.hotkeyMnemonic ?? "";
    if (config.submit && !mnemonic)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("committing on chain needs the hotkey's mnemonic: hotkey-mnemonic (action, from a secret) or HOTKEY_MNEMONIC (CLI)");
    return {
        modelPath: (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .need */ .$B)(config.modelPath, "model-path"),
        repoId: (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .need */ .$B)(config.hfRepoId, "hf-repo-id"),
        modelName: config.hfModelName,
        codeDir: config.codeDirectory,
        competition: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .getCompetition */ .Q0)(config.competitionId),
        hub: hubOptions(config, log),
        network: config.network,
        netuid: config.netuid,
        mnemonic,
        submit: config.submit,
        workDir,
    };
}
/** `modelDir`: where the committed model is downloaded to, when it is also evaluated. */
function selfCheckRequest(config, hotkey, places) {
    return {
        hotkey,
        network: config.network,
        netuid: config.netuid,
        competition: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .getCompetition */ .Q0)(config.competitionId),
        hub: hubOptions(config, places.log),
        configRepo: config.datasetsConfigRepo,
        evaluate: config.evaluate
            ? {
                dataset: config.dataset,
                count: config.datasetCount,
                threads: config.threads,
                cache: places.cache,
                downloadDir: places.downloadDir,
                modelDir: places.modelDir,
            }
            : undefined,
    };
}
/** The hotkey to check: given, or derived from the mnemonic. */
async function hotkeyOf(config) {
    if (config.hotkey)
        return config.hotkey;
    if (config.hotkeyMnemonic)
        return (await (0,_release_hotkey_js__WEBPACK_IMPORTED_MODULE_1__/* .hotkeyFromMnemonic */ .t)(config.hotkeyMnemonic)).address;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("self-check needs the hotkey: hotkey (an SS58 address) or hotkey-mnemonic (action); --hotkey or HOTKEY_MNEMONIC (CLI)");
}


/***/ }),

/***/ 99109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ predictedClass),
/* harmony export */   cm: () => (/* binding */ loadModel)
/* harmony export */ });
/* unused harmony exports INFERENCE_TIMEOUT_MS, checkSignature */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_natives_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22184);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);
/**
 * The validator's ONNX runner: inputs taken by position (0 = image
 * [1, 3, H, W], 1 = demographics [1, 3]), one image per run, output 0 with a
 * leading batch dimension of 1 squeezed, a time limit per image. The model's
 * signature is checked once, up front, so that an incompatible model fails
 * with one clear message instead of deep inside onnxruntime.
 */




/** The validator gives up on an image after this long. */
const INFERENCE_TIMEOUT_MS = 20_000;
function fixedDim(d) {
    return typeof d === "number" && d > 0 ? d : null;
}
function describeDims(dims) {
    return `[${dims.join(", ")}]`;
}
/** Checks the inputs and output against the competition; pure, so it is tested on metadata alone. */
function checkSignature(modelPath, inputs, outputs, competition) {
    const fail = (why) => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${modelPath} cannot be scored for ${competition.id}: ${why}`);
    };
    const classes = competition.classes.length;
    if (inputs.length === 0)
        fail("it has no inputs");
    if (inputs.length > 2)
        fail(`it has ${inputs.length} inputs; validators feed only the image (input 0) and the demographics (input 1)`);
    const [image, demographics] = inputs;
    if (!image.isTensor || image.type !== "float32")
        fail(`input 0 "${image.name}" must be a float32 image tensor [1, 3, H, W]`);
    const dims = image.isTensor ? image.shape : [];
    if (dims.length !== 4)
        fail(`input 0 "${image.name}" has shape ${describeDims(dims)}; it must be [1, 3, H, W]`);
    const channels = fixedDim(dims[1]);
    if (channels !== null && channels !== 3)
        fail(`input 0 "${image.name}" takes ${channels} channel(s); images are fed as 3 RGB channels [1, 3, H, W]`);
    const batch = fixedDim(dims[0]);
    if (batch !== null && batch !== 1)
        fail(`input 0 "${image.name}" has a fixed batch size of ${batch}; validators run one image at a time (batch 1)`);
    if (demographics) {
        const d = demographics.isTensor ? demographics.shape : [];
        const ok = demographics.isTensor &&
            demographics.type === "float32" &&
            d.length === 2 &&
            [null, 1].includes(fixedDim(d[0])) &&
            [null, 3].includes(fixedDim(d[1]));
        if (!ok)
            fail(`input 1 "${demographics.name}" must be float32 demographics [1, 3] (age, gender, location)`);
    }
    const output = outputs[0];
    if (!output)
        fail("it has no outputs");
    if (output.isTensor) {
        const shape = output.shape.length > 1 && fixedDim(output.shape[0]) === 1 ? output.shape.slice(1) : output.shape;
        const last = fixedDim(shape[shape.length - 1]);
        if (shape.length > 0 && last !== null && last !== classes) {
            fail(`output 0 "${output.name}" has shape ${describeDims(output.shape)}: ${last} scores per image, but ` +
                `${competition.id} has ${classes} classes`);
        }
    }
    const size = competition.imageSize;
    return {
        imageInput: image.name,
        demographicsInput: demographics ? demographics.name : null,
        output: output.name,
        inputSize: { height: fixedDim(dims[2]) ?? size, width: fixedDim(dims[3]) ?? size },
    };
}
async function loadModel(modelPath, competition, timeoutMs = INFERENCE_TIMEOUT_MS) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(modelPath).catch(() => undefined);
    if (!info?.isFile())
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`model file ${modelPath} does not exist${info ? " (it is a folder)" : ""}`);
    const { InferenceSession, Tensor } = await (0,_util_natives_js__WEBPACK_IMPORTED_MODULE_3__/* .loadOrt */ .s)();
    let session;
    try {
        // One thread per session, like the validator's runner: outputs then match its own to the last bit.
        session = await InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ["cpu"] });
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelError */ .me(`${modelPath} is not a loadable ONNX model (onnxruntime: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)})`);
    }
    const signature = checkSignature(modelPath, session.inputMetadata, session.outputMetadata, competition);
    const { width, height } = signature.inputSize;
    const classes = competition.classes.length;
    async function predict(image, demographics, file) {
        const feeds = { [signature.imageInput]: new Tensor("float32", image, [1, 3, height, width]) };
        if (signature.demographicsInput)
            feeds[signature.demographicsInput] = new Tensor("float32", Float32Array.from(demographics), [1, 3]);
        let result;
        try {
            result = await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withTimeout */ .wj)(session.run(feeds, [signature.output]), timeoutMs, () => new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InferenceError */ .uZ(`inference on ${file} took longer than ${timeoutMs / 1000} s, the validator's limit per image`));
        }
        catch (err) {
            if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InferenceError */ .uZ)
                throw err;
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InferenceError */ .uZ(`inference failed on ${file}: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
        }
        const out = result[signature.output];
        const dims = out.dims.length > 1 && out.dims[0] === 1 ? out.dims.slice(1) : out.dims;
        const values = out.data;
        if (!(values instanceof Float32Array))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InferenceError */ .uZ(`output "${signature.output}" is ${out.type}, not float32 (on ${file})`);
        const isScalar = dims.length === 0;
        if (!isScalar && !(dims.length === 1 && dims[0] === classes)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InferenceError */ .uZ(`output "${signature.output}" has shape [${out.dims.join(", ")}] on ${file}; ${competition.id} needs ${classes} ` +
                `class scores per image`);
        }
        return values;
    }
    return { path: modelPath, signature, predict, close: () => session.release() };
}
/** The validator's y_pred: numpy argmax (first maximum wins, NaN beats all), or a scalar output's value truncated to an int. */
function predictedClass(output, classCount) {
    if (output.length === 1 && classCount !== 1)
        return Math.trunc(output[0]);
    let best = 0;
    for (let i = 0; i < output.length; i++) {
        if (Number.isNaN(output[i]))
            return i;
        if (output[i] > output[best])
            best = i;
    }
    return best;
}


/***/ }),

/***/ 92808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ metricFields)
});

// EXTERNAL MODULE: ./src/competition/competition.ts
var competition_competition = __webpack_require__(74344);
;// CONCATENATED MODULE: ./src/engine/scoring.ts
/**
 * The validator's metrics and score, as pure functions. Floating-point
 * operations follow sklearn/numpy's order (pairwise summation, F1 as
 * 2tp / (true + pred)) and Python's round(), so the values agree to the last
 * bit in practice and always to the 6th decimal.
 */

/** numpy's pairwise summation (`np.sum` on float64), including its order of additions. */
function numpySum(values, start = 0, n = values.length - start) {
    if (n < 8) {
        let sum = 0;
        for (let i = 0; i < n; i++)
            sum += values[start + i];
        return sum;
    }
    if (n <= 128) {
        const r = new Float64Array(8);
        for (let j = 0; j < 8; j++)
            r[j] = values[start + j];
        let i = 8;
        for (; i < n - (n % 8); i += 8)
            for (let j = 0; j < 8; j++)
                r[j] += values[start + i + j];
        let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
        for (; i < n; i++)
            sum += values[start + i];
        return sum;
    }
    let half = Math.floor(n / 2);
    half -= half % 8;
    return numpySum(values, start, half) + numpySum(values, start + half, n - half);
}
/**
 * Python's round(x, digits): the exact binary value rounded to the nearest
 * decimal, exact ties to even. JS toFixed rounds ties up (1/128 -> 0.007813,
 * Python gives 0.007812), so the tie is decided from the exact expansion.
 */
function pyRound(x, digits = 6) {
    if (!Number.isFinite(x) || x === 0)
        return x;
    const exact = Math.abs(x).toFixed(100);
    const dot = exact.indexOf(".");
    const kept = exact.slice(0, dot + 1 + digits);
    const rest = exact.slice(dot + 1 + digits);
    let roundUp = rest[0] > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)));
    if (rest[0] === "5" && !roundUp && !/[1-9]/.test(rest.slice(1))) {
        const lastDigit = Number(kept.replace(".", "").slice(-1));
        roundUp = lastDigit % 2 === 1;
    }
    const magnitude = Number(kept) + (roundUp ? 10 ** -digits : 0);
    // Re-parse the decimal so the result is the double nearest to it, as Python returns.
    return Math.sign(x) * Number(magnitude.toFixed(digits));
}
function divideOrZero(numerator, denominator) {
    return denominator === 0 ? 0 : numerator / denominator;
}
function weightedAverage(values, weights) {
    const total = numpySum(weights);
    if (total === 0)
        return 0;
    return numpySum(values.map((v, i) => v * weights[i])) / total;
}
/**
 * sklearn's accuracy_score, precision/recall/f1_score(average="weighted",
 * labels=0..k-1, zero_division=0), f1_score(average=None) and
 * confusion_matrix. Predictions outside 0..k-1 count as wrong and are left
 * out of the per-class counts, as sklearn does with explicit labels.
 */
function classificationMetrics(yTrue, yPred, classCount) {
    if (yTrue.length !== yPred.length)
        throw new Error(`${yTrue.length} labels but ${yPred.length} predictions`);
    if (yTrue.length === 0)
        throw new Error("no samples to score");
    const confusionMatrix = Array.from({ length: classCount }, () => new Array(classCount).fill(0));
    let correct = 0;
    for (let i = 0; i < yTrue.length; i++) {
        if (yTrue[i] === yPred[i])
            correct++;
        if (yPred[i] >= 0 && yPred[i] < classCount)
            confusionMatrix[yTrue[i]][yPred[i]]++;
    }
    const tp = confusionMatrix.map((row, c) => row[c]);
    const trueSum = confusionMatrix.map((row) => row.reduce((a, b) => a + b, 0));
    const predSum = tp.map((_, c) => confusionMatrix.reduce((a, row) => a + row[c], 0));
    const precisionByClass = tp.map((t, c) => divideOrZero(t, predSum[c]));
    const recallByClass = tp.map((t, c) => divideOrZero(t, trueSum[c]));
    const f1ByClass = tp.map((t, c) => divideOrZero(2 * t, trueSum[c] + predSum[c]));
    return {
        accuracy: correct / yTrue.length,
        precision: weightedAverage(precisionByClass, trueSum),
        recall: weightedAverage(recallByClass, trueSum),
        fbeta: weightedAverage(f1ByClass, trueSum),
        f1ByClass,
        confusionMatrix,
    };
}
/** Efficiency from the model file size: 1 up to 50 MiB, 0 from 150 MiB, linear between. */
function efficiencyScore(competition, modelBytes) {
    const sizeMiB = modelBytes / (1024 * 1024);
    const { full, zero } = competition.efficiencyMiB;
    if (sizeMiB <= full)
        return 1.0;
    if (sizeMiB >= zero)
        return 0.0;
    return 1.0 - (sizeMiB - full) / (zero - full);
}
/** The validator's get_model_result: metrics, risk categories, weighted F1, efficiency, score. */
function scoreCompetition(competition, yTrue, yPred, modelBytes) {
    const metrics = classificationMetrics(yTrue, yPred, competition.classes.length);
    const riskCategoryScores = {};
    let weightedSum = 0;
    let weightTotal = 0;
    for (const [risk, weight] of competition.riskWeights) {
        const f1s = metrics.f1ByClass.filter((_, c) => competition.classes[c].risk === risk);
        riskCategoryScores[risk] = numpySum(f1s) / f1s.length;
        weightedSum += riskCategoryScores[risk] * weight;
        weightTotal += weight;
    }
    const accuracy = pyRound(metrics.accuracy);
    const weightedF1 = pyRound(weightedSum / weightTotal);
    const efficiency = pyRound(efficiencyScore(competition, modelBytes));
    const { accuracyAndF1, efficiency: efficiencyWeight } = competition.scoreWeights;
    return {
        ...metrics,
        accuracy,
        precision: pyRound(metrics.precision),
        recall: pyRound(metrics.recall),
        fbeta: pyRound(metrics.fbeta),
        riskCategoryScores,
        weightedF1,
        efficiencyScore: efficiency,
        classWeights: (0,competition_competition/* classWeights */.Ko)(competition),
        score: accuracyAndF1 * (0.5 * accuracy + 0.5 * weightedF1) + efficiencyWeight * efficiency,
    };
}

;// CONCATENATED MODULE: ./src/engine/metrics.ts

function metricFields(competition, yTrue, yPred, modelBytes) {
    const s = scoreCompetition(competition, yTrue, yPred, modelBytes);
    return {
        accuracy: s.accuracy,
        precision: s.precision,
        recall: s.recall,
        fbeta: s.fbeta,
        weighted_f1: s.weightedF1,
        efficiency_score: s.efficiencyScore,
        score: s.score,
        f1_by_class: s.f1ByClass,
        class_weights: s.classWeights,
        confusion_matrix: s.confusionMatrix,
        risk_category_scores: s.riskCategoryScores,
    };
}


/***/ }),

/***/ 74106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ MAX_THREADS),
/* harmony export */   Qh: () => (/* binding */ checkThreads),
/* harmony export */   p9: () => (/* binding */ planThreads),
/* harmony export */   wW: () => (/* binding */ mapOrdered)
/* harmony export */ });
/* unused harmony exports MIN_IMAGES_FOR_WORKERS, defaultThreads, emptyTotals */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/**
 * How an evaluation streams: entries -> preprocessing (worker threads, a few
 * images ahead) -> inference (main thread, CSV order) -> metrics. Only the
 * images in flight are in memory, so a 10,000-image dataset costs what a
 * 10-image one does.
 */


/**
 * Ordered, bounded concurrency: `fn` runs on up to `ahead` items at once and
 * results come out in input order. Memory stays at `ahead` results however
 * long the input is.
 */
async function* mapOrdered(items, ahead, fn) {
    const pending = [];
    const iterator = items[Symbol.iterator]();
    const fill = () => {
        while (pending.length < ahead) {
            const next = iterator.next();
            if (next.done)
                return;
            const promise = fn(next.value);
            // A rejection is surfaced when its turn comes; until then it must not count as unhandled.
            promise.catch(() => { });
            pending.push(promise);
        }
    };
    fill();
    while (pending.length > 0) {
        const result = await pending.shift();
        fill();
        yield result;
    }
}
/**
 * Below this many images, `threads: auto` stays on the main thread: starting
 * workers (~0.4 s, and their code runs cold for the first images) costs more
 * than they save. On 2 cores the break-even measured ~70 images (npm run
 * bench); more cores bring it down.
 */
const MIN_IMAGES_FOR_WORKERS = 64;
function defaultThreads() {
    return node_os__WEBPACK_IMPORTED_MODULE_0___default().availableParallelism();
}
/**
 * More threads than this only cost memory (each worker holds a decoder and
 * two tensors in flight) and start-up time: GitHub's largest Linux runners
 * have 64 cores.
 */
const MAX_THREADS = 64;
function checkThreads(threads) {
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`threads must be a whole number from 1 to ${MAX_THREADS} (or auto), got ${threads}`);
    }
}
/** The plan for `threads` (undefined: every core, and none for small datasets) on `images` images. */
function planThreads(threads, images) {
    checkThreads(threads);
    const n = threads ?? (images < MIN_IMAGES_FOR_WORKERS ? 1 : defaultThreads());
    // One thread: decode on libuv's pool, resample and infer here, two images in flight so that both overlap.
    if (n === 1)
        return { workers: 0, inFlight: 2 };
    // As many workers as threads, not one fewer: a worker leaves its core to
    // sharp's decoding thread for half of each image, and inference is a small
    // share of the work. Two images per worker: one being prepared, one ready.
    return { workers: n, inFlight: 2 * n };
}
function emptyTotals() {
    return { images: 0, decodeMs: 0, resampleMs: 0, inferenceMs: 0 };
}


/***/ }),

/***/ 68714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UL: () => (/* binding */ resultsDocument),
  K2: () => (/* binding */ runEvaluation),
  qi: () => (/* binding */ runReport)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/digest.ts
var digest = __webpack_require__(16178);
// EXTERNAL MODULE: ./src/hub/hub.ts
var hub = __webpack_require__(71472);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/dataset/remote.ts
/**
 * Turning the `dataset` input into local packages: `latest` (the newest
 * packages of the competition on the hub), `hf://repo/path.zip`, or a local
 * folder or zip. Downloads are cached under a key made of the hub's content
 * id, so a new package is a new key and an unchanged one is a hit; a cached
 * file is re-hashed before use and downloaded again if it does not match.
 */






async function resolveDatasets(input, options) {
    const value = input.trim() || "latest";
    if (value === "latest") {
        const refs = await (0,hub/* discoverDatasets */.Xc)(options.competitionId, options.configRepo ?? hub/* DEFAULT_CONFIG_REPO */.C1, options.hub);
        const newest = refs.slice(0, options.count);
        options.hub.log.info(`newest ${options.competitionId} packages: ${newest.map((r) => `${(0,hub/* datasetUri */.RP)(r)} (${r.date ?? "no date"})`).join(", ")}`);
        // One at a time: parallel multi-GB downloads are no faster on a runner, and use more disk at once.
        const sources = [];
        for (const ref of newest)
            sources.push(await fetchDataset(ref, options));
        return sources;
    }
    if (value.startsWith("hf://")) {
        const { repo, path: file } = (0,hub/* parseHfUri */.gh)(value);
        return [await fetchDataset(await (0,hub/* findDataset */.YQ)(repo, file, options.hub), options)];
    }
    if (!(0,external_node_fs_.existsSync)(value))
        throw new errors/* DatasetError */.zm(`dataset ${value} does not exist: give "latest", an hf:// URI, or a folder or .zip package`);
    return [{ name: external_node_path_default().basename(value), localPath: value }];
}
async function recordedDigest(file) {
    return (0,promises_.readFile)(`${file}.sha256`, "utf8").then((s) => s.trim(), () => undefined);
}
/** A cached copy is used only if its bytes hash to what the hub (or our own download) recorded. */
async function usableCopy(file, ref) {
    if (!(0,external_node_fs_.existsSync)(file))
        return false;
    const expected = ref.sha256 ?? (await recordedDigest(file));
    return expected !== undefined && (await (0,digest/* sha256File */.Q)(file)) === expected;
}
async function fetchDataset(ref, options) {
    const { log } = options.hub;
    const dir = external_node_path_default().join(options.downloadDir, ref.oid || ref.path.replace(/[^\w.-]/g, "_"));
    const file = external_node_path_default().join(dir, external_node_path_default().basename(ref.path));
    const key = `cancer-ai-dataset-${ref.oid}`;
    const source = { name: external_node_path_default().basename(ref.path), localPath: file, ref };
    if (await usableCopy(file, ref)) {
        log.info(`${(0,hub/* datasetUri */.RP)(ref)}: already downloaded (${file})`);
        return source;
    }
    const restored = ref.oid ? await options.cache.restore([dir], key) : undefined;
    if (restored) {
        if (await usableCopy(file, ref)) {
            log.info(`${(0,hub/* datasetUri */.RP)(ref)}: cache hit (${key}, ${(await (0,promises_.stat)(file)).size} bytes)`);
            return source;
        }
        log.warning(`${(0,hub/* datasetUri */.RP)(ref)}: the cached copy is corrupt (its SHA-256 does not match); downloading it again`);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    else if (ref.oid) {
        log.info(`${(0,hub/* datasetUri */.RP)(ref)}: cache miss (${key})`);
    }
    const started = Date.now();
    const sha256 = await (0,hub/* downloadDataset */.FD)(ref, file, options.hub);
    (0,hub/* checkDigest */.H2)(ref, sha256);
    await (0,promises_.writeFile)(`${file}.sha256`, `${sha256}\n`);
    const bytes = (await (0,promises_.stat)(file)).size;
    log.info(`${(0,hub/* datasetUri */.RP)(ref)}: downloaded ${bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s, SHA-256 ${sha256}`);
    if (ref.oid && (await options.cache.save([dir], key)))
        log.info(`${(0,hub/* datasetUri */.RP)(ref)}: saved to the cache as ${key}`);
    return source;
}

// EXTERNAL MODULE: ./src/engine/inference.ts
var inference = __webpack_require__(99109);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/engine/pipeline.ts
var pipeline = __webpack_require__(74106);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/dataset/csv.ts
/**
 * Python's csv.DictReader with the excel dialect, as the validator runs it on
 * a file read in text mode: universal newlines, `"` quoting with doubled
 * quotes, no whitespace trimming, blank lines skipped, header names
 * lower-cased but not stripped. Kept separate from the competition rules so
 * that it can be tested against the csv module's documented behaviour.
 */
/** `';'` if the first line contains a semicolon anywhere, else `','` (the validator's rule). */
function detectDelimiter(text) {
    const firstLine = text.split("\n", 1)[0] ?? "";
    return firstLine.includes(";") ? ";" : ",";
}
/** Text mode's universal newlines: \r\n and lone \r become \n. */
function normalizeNewlines(text) {
    return text.replace(/\r\n?/g, "\n");
}
function parseCsvRecords(text, delimiter) {
    const records = [];
    let fields = [];
    let field = "";
    let line = 1;
    let recordLine = 1;
    // START: at the start of a field; FIELD: unquoted; QUOTED: inside quotes; QUOTE: a quote seen inside quotes.
    let state = "START";
    let inRecord = false;
    const endField = () => {
        fields.push(field);
        field = "";
        state = "START";
    };
    const endRecord = () => {
        if (inRecord) {
            endField();
            records.push({ line: recordLine, fields });
        }
        fields = [];
        inRecord = false;
    };
    for (const ch of text) {
        if (!inRecord) {
            if (ch === "\n") {
                line++;
                recordLine = line;
                continue; // a blank line is no record (csv yields [], DictReader skips it)
            }
            inRecord = true;
            recordLine = line;
        }
        if (state === "QUOTED") {
            if (ch === '"')
                state = "QUOTE";
            else
                field += ch;
            if (ch === "\n")
                line++;
            continue;
        }
        if (state === "QUOTE" && ch === '"') {
            field += '"';
            state = "QUOTED";
            continue;
        }
        if (ch === delimiter) {
            endField();
        }
        else if (ch === "\n") {
            endRecord();
            line++;
            recordLine = line;
        }
        else if (state === "START" && ch === '"') {
            state = "QUOTED";
        }
        else {
            // Text after a closing quote, or any quote inside an unquoted field, is kept literally.
            field += ch;
            state = "FIELD";
        }
    }
    endRecord();
    return records;
}
function readCsvTable(content) {
    const text = normalizeNewlines(content);
    const delimiter = detectDelimiter(text);
    const all = parseCsvRecords(text, delimiter);
    // DictReader takes the first line as the header even when it is blank.
    const blankFirstLine = all.length > 0 && all[0].line > 1;
    const records = blankFirstLine ? all : all.slice(1);
    const header = blankFirstLine ? [] : (all[0]?.fields ?? []);
    const keys = header.map((h) => h.toLowerCase());
    const rows = records.map(({ line, fields }) => {
        const values = new Map();
        // Later columns win, as in dict(); a column missing from a short row is
        // None there, which also hides an earlier column of the same name.
        keys.forEach((key, i) => {
            if (i < fields.length)
                values.set(key, fields[i]);
            else
                values.delete(key);
        });
        return { line, values, extra: Math.max(0, fields.length - header.length) };
    });
    return { delimiter, header, blankFirstLine, rows };
}

;// CONCATENATED MODULE: ./src/dataset/python.ts
/**
 * The two Python string functions the validator's CSV handling relies on,
 * with Python's definitions of whitespace and digits (not JavaScript's).
 */
/** Characters for which Python's str.isspace() is true, as strip() uses them... */
const PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
/** ...while int() takes ASCII whitespace by C's isspace(), which leaves out \x1c-\x1f. */
const INT_SPACE = "\\t\\n\\x0b\\x0c\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "gu");
const INT = new RegExp(`^[${INT_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${INT_SPACE}]*$`, "u");
const DIGIT = /^\p{Nd}$/u;
/** str.strip() */
function pyStrip(value) {
    return value.replace(STRIP, "");
}
/**
 * The value of a Unicode decimal digit: decimal digits come in runs of
 * complete 0-9 sets, so the position in its run, modulo 10, is the value.
 */
function digitValue(ch) {
    let cp = ch.codePointAt(0);
    let index = 0;
    while (DIGIT.test(String.fromCodePoint(cp - 1))) {
        cp--;
        index++;
    }
    return index % 10;
}
/** int(value) for a string, or null where Python raises ValueError. */
function pyInt(value) {
    if (value === undefined)
        return null;
    const match = INT.exec(value);
    if (!match)
        return null;
    let n = 0;
    for (const ch of match[2])
        if (ch !== "_")
            n = n * 10 + (ch >= "0" && ch <= "9" ? Number(ch) : digitValue(ch));
    return match[1] === "-" && n !== 0 ? -n : n;
}

;// CONCATENATED MODULE: ./src/dataset/entries.ts
/**
 * From CSV rows to dataset entries under a competition's rules: the column
 * aliases, age/gender/location parsing, the validator's error count (more
 * than `maxInvalidFields` invalid fields cancels the evaluation) and its
 * strict, case-sensitive labels.
 */



/** The validator's aliases, in its order; `image_path` (the published sample's header) is our addition. */
const PATH_COLUMNS = ["newfilename", "filepath", "filename"];
const EXTRA_PATH_COLUMN = "image_path";
const LABEL_COLUMNS = ["class", "label"];
function firstNonEmpty(row, columns) {
    for (const column of columns) {
        const value = row.values.get(column);
        if (value)
            return value;
    }
    return "";
}
const GENDER_VALUE = { m: 1, male: 1, f: 0, female: 0 };
function requireColumns(table, csvName, pathColumns) {
    const keys = new Set(table.header.map((h) => h.toLowerCase()));
    const found = table.header.length ? table.header.map((h) => JSON.stringify(h)).join(", ") : "none";
    const hint = table.header[0]?.startsWith("\ufeff")
        ? " The file starts with a UTF-8 byte-order mark, which the validator reads as part of the first column name: save " +
            "it as UTF-8 without BOM."
        : table.blankFirstLine
            ? " The file starts with a blank line, which the validator reads as an empty header: remove it."
            : "";
    if (!pathColumns.some((c) => keys.has(c))) {
        throw new errors/* DatasetError */.zm(`${csvName} has no image path column (one of ${pathColumns.join(", ")}); columns found: ${found}.${hint}`);
    }
    if (!LABEL_COLUMNS.some((c) => keys.has(c))) {
        throw new errors/* DatasetError */.zm(`${csvName} has no label column (one of ${LABEL_COLUMNS.join(", ")}); columns found: ${found}.${hint}`);
    }
}
function buildEntries(table, csvPath, competition) {
    const csvName = external_node_path_default().basename(csvPath);
    const root = external_node_path_default().dirname(csvPath);
    const warnings = [];
    const keys = new Set(table.header.map((h) => h.toLowerCase()));
    const pathColumns = [...PATH_COLUMNS];
    if (!PATH_COLUMNS.some((c) => keys.has(c)) && keys.has(EXTRA_PATH_COLUMN)) {
        pathColumns.push(EXTRA_PATH_COLUMN);
        warnings.push(`${csvName} names its image column "image_path", which this tool accepts but the validator does not (it reads ` +
            `newfilename, filepath or filename): rename the column before publishing the dataset.`);
    }
    requireColumns(table, csvName, pathColumns);
    if (table.rows.length === 0)
        throw new errors/* DatasetError */.zm(`${csvName} has a header but no rows: the dataset is empty.`);
    const problems = [];
    const entries = [];
    const classIndex = new Map(competition.classes.map((c, i) => [c.short, i]));
    const badLabels = [];
    for (const row of table.rows) {
        const at = `${csvName} line ${row.line}`;
        if (row.extra > 0) {
            throw new errors/* DatasetError */.zm(`${at} has ${row.extra} more field(s) than the header; the validator cannot load such a file (check quoting and delimiters).`);
        }
        const file = firstNonEmpty(row, pathColumns);
        if (!file)
            throw new errors/* DatasetError */.zm(`${at} has no image path.`);
        const label = firstNonEmpty(row, LABEL_COLUMNS);
        const age = pyInt(row.values.get("age"));
        const [minAge, maxAge] = competition.ageRange;
        if (age === null)
            problems.push({ line: row.line, field: "age", message: `missing or non-integer age ${JSON.stringify(row.values.get("age") ?? "")}` });
        else if (age < minAge || age > maxAge)
            problems.push({ line: row.line, field: "age", message: `age ${age} outside ${minAge}..${maxAge}` });
        const gender = pyStrip(row.values.get("gender") ?? "").toLowerCase();
        if (!(gender in GENDER_VALUE)) {
            problems.push({
                line: row.line,
                field: "gender",
                message: gender ? `invalid gender "${gender}" (m, f, male or female)` : "missing gender",
            });
        }
        const location = pyStrip(row.values.get("location") ?? "").toLowerCase();
        const locationIndex = competition.locations.indexOf(location);
        if (locationIndex < 0) {
            problems.push({
                line: row.line,
                field: "location",
                message: location ? `invalid location "${location}" (one of ${competition.locations.join(", ")})` : "missing location",
            });
        }
        const index = classIndex.get(label);
        if (index === undefined) {
            badLabels.push(`line ${row.line}: ${JSON.stringify(label)}`);
            continue;
        }
        entries.push({
            line: row.line,
            file,
            path: external_node_path_default().resolve(root, file),
            label,
            classIndex: index,
            demographics: [age ?? 0, GENDER_VALUE[gender] ?? -1, locationIndex >= 0 ? locationIndex + 1 : -1],
        });
    }
    const describe = (p) => `line ${p.line}: ${p.message}`;
    if (problems.length > competition.maxInvalidFields) {
        const shown = problems.slice(0, 10).map(describe).join("; ");
        const more = problems.length > 10 ? `; and ${problems.length - 10} more` : "";
        throw new errors/* DatasetError */.zm(`${csvName} has ${problems.length} invalid fields; validators cancel the evaluation above ` +
            `${competition.maxInvalidFields} ("not enough valid data"): ${shown}${more}.`);
    }
    if (badLabels.length > 0) {
        const classes = competition.classes.map((c) => c.short).join(", ");
        throw new errors/* DatasetError */.zm(`${csvName}: ${badLabels.length} label(s) are not ${competition.id} classes (labels are case-sensitive: ` +
            `${classes}): ${badLabels.slice(0, 10).join("; ")}.`);
    }
    for (const p of problems)
        warnings.push(`${csvName} ${describe(p)} (tolerated: at most ${competition.maxInvalidFields} invalid fields)`);
    return { entries, problems, warnings };
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(20663);
;// CONCATENATED MODULE: ./src/dataset/zip.ts








const MiB = 1024 * 1024;
const DEFAULT_ZIP_LIMITS = Object.freeze({
    maxTotalBytes: 64 * 1024 * MiB,
    maxEntries: 1_000_000,
    maxRatio: 1000,
});
// Unix file types, found in the upper 16 bits of a zip entry's external attributes.
const [S_IFMT, S_IFREG, S_IFDIR, S_IFLNK] = [0o170000, 0o100000, 0o040000, 0o120000];
// zlib.crc32 only exists from Node 20.15; the engines field allows 20.9.
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++)
        n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n;
});
const crc32 = typeof (external_node_zlib_default()).crc32 === "function"
    ? (external_node_zlib_default()).crc32
    : (data, value = 0) => {
        let c = ~value;
        for (const byte of data)
            c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
        return ~c >>> 0;
    };
/**
 * Extracts a dataset package into `destDir`, which must be absent or empty.
 * The central directory is checked completely before anything is written, and
 * every entry is checked again while extracting (the file could change between
 * the two reads). On failure nothing extracted is left behind.
 */
async function extractZip(zipPath, destDir, limits = {}) {
    const lim = { ...DEFAULT_ZIP_LIMITS };
    for (const key of Object.keys(lim))
        lim[key] = limits[key] ?? lim[key];
    const dest = external_node_path_default().resolve(destDir);
    const existed = await ensureEmptyOrAbsent(zipPath, dest);
    await walk(zipPath, dest, lim, undefined);
    // mkdir returns the first directory it had to create, maybe a parent of dest.
    const created = await (0,promises_.mkdir)(dest, { recursive: true });
    try {
        return await walk(zipPath, dest, lim, async (zip, entry, target, where) => {
            if (entry.fileName.endsWith("/")) {
                await (0,promises_.mkdir)(target, { recursive: true });
                return;
            }
            await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
            const input = await zip.openReadStreamPromise(entry);
            // yauzl never verifies CRCs, and a damaged stored entry would pass silently.
            let crc = 0;
            const check = new external_node_stream_.Transform({
                transform(chunk, _encoding, done) {
                    crc = crc32(chunk, crc);
                    done(null, chunk);
                },
                flush(done) {
                    done(crc === entry.crc32
                        ? null
                        : new errors/* DatasetError */.zm(`${where} is corrupt (CRC mismatch); download the dataset again or re-create the zip`));
                },
            });
            // "wx" so that duplicate names (or names differing only in case) never overwrite each other silently.
            await (0,external_node_stream_promises_.pipeline)(input, check, (0,external_node_fs_.createWriteStream)(target, { flags: "wx" }));
        });
    }
    catch (err) {
        // Best effort: a failing clean-up must not hide the reason the extraction failed.
        try {
            if (!existed && created !== undefined)
                await (0,promises_.rm)(created, { recursive: true, force: true });
            else
                for (const name of await (0,promises_.readdir)(dest))
                    await (0,promises_.rm)(external_node_path_default().join(dest, name), { recursive: true, force: true });
        }
        catch {
            // The extraction's own error says what went wrong; a failed clean-up must not hide it.
        }
        throw err;
    }
}
async function walk(zipPath, dest, lim, onEntry) {
    let zip;
    try {
        // autoClose off: the file must stay open while entry streams are read; it is closed below.
        zip = await yauzl.openPromise(zipPath, { autoClose: false, validateEntrySizes: true });
    }
    catch (err) {
        throw toDatasetError(err, zipPath, undefined);
    }
    // A late error (e.g. closing the descriptor) would otherwise be an unhandled "error" event.
    zip.on("error", () => { });
    const result = { files: 0, bytes: 0 };
    let declared = 0;
    // yauzl reports bad names and headers before handing out the entry, so only its number is known then.
    let label = "entry #1";
    try {
        if (zip.entryCount > lim.maxEntries) {
            throw new errors/* DatasetError */.zm(`${zipPath} has ${zip.entryCount} entries, more than the limit of ${lim.maxEntries}; this looks like a zip bomb and is refused`);
        }
        for await (const entry of zip.eachEntry()) {
            label = `entry ${JSON.stringify(entry.fileName)}`;
            const where = `${zipPath}: ${label}`;
            const target = checkEntry(entry, dest, where, lim);
            declared += entry.uncompressedSize;
            if (declared > lim.maxTotalBytes) {
                throw new errors/* DatasetError */.zm(`${where} brings the declared uncompressed size to ${declared} bytes, more than the limit of ` +
                    `${lim.maxTotalBytes}; this looks like a zip bomb and is refused`);
            }
            if (!entry.fileName.endsWith("/")) {
                result.files++;
                result.bytes += entry.uncompressedSize;
            }
            await onEntry?.(zip, entry, target, where);
            label = `entry #${zip.entriesRead + 1}`;
        }
        return result;
    }
    catch (err) {
        throw toDatasetError(err, zipPath, label);
    }
    finally {
        zip.close();
    }
}
/** Returns the absolute path the entry extracts to, or throws why it must not be extracted. */
function checkEntry(entry, dest, where, lim) {
    const name = entry.fileName;
    // yauzl already rejects these names; this repeats the check so safety never depends on its options.
    const parts = name.split(/[\\/]/);
    if (/^([a-zA-Z]:|[\\/])/.test(name) || parts.includes("..") || name.includes("\0")) {
        throw new errors/* DatasetError */.zm(`${where} has an absolute path or ".." in its path, which would write outside the extraction folder (zip-slip); ` +
            `re-create the zip with plain relative paths`);
    }
    const target = external_node_path_default().resolve(dest, ...parts);
    const rel = external_node_path_default().relative(dest, target);
    if (rel === ".." || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel)) {
        throw new errors/* DatasetError */.zm(`${where} would be written outside the extraction folder (zip-slip); re-create the zip with plain relative paths`);
    }
    if (entry.isEncrypted()) {
        throw new errors/* DatasetError */.zm(`${where} is encrypted (password-protected); re-create the zip without a password`);
    }
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) {
        throw new errors/* DatasetError */.zm(`${where} is a symbolic link, which could point outside the extraction folder; replace it with the file itself`);
    }
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
        throw new errors/* DatasetError */.zm(`${where} is not a regular file or folder (Unix file type 0o${type.toString(8)}); remove it from the zip`);
    }
    const isDir = name.endsWith("/");
    if (!isDir && rel === "")
        throw new errors/* DatasetError */.zm(`${where} has an empty file name; re-create the zip`);
    if (!isDir && entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new errors/* DatasetError */.zm(`${where} uses compression method ${entry.compressionMethod}, which is not supported; re-create the zip with ` +
            `standard Deflate compression`);
    }
    if (entry.uncompressedSize > MiB && entry.uncompressedSize > entry.compressedSize * lim.maxRatio) {
        throw new errors/* DatasetError */.zm(`${where} expands from ${entry.compressedSize} to ${entry.uncompressedSize} bytes, a ratio above the limit of ` +
            `${lim.maxRatio}; this looks like a zip bomb and is refused`);
    }
    return target;
}
async function ensureEmptyOrAbsent(zipPath, dest) {
    const info = await (0,promises_.stat)(dest).catch((err) => {
        if (err.code === "ENOENT")
            return undefined;
        throw new errors/* DatasetError */.zm(`cannot extract ${zipPath} into ${dest}: ${err.message}`);
    });
    if (info === undefined)
        return false;
    if (!info.isDirectory())
        throw new errors/* DatasetError */.zm(`cannot extract ${zipPath} into ${dest}: it exists and is not a folder`);
    const dir = await (0,promises_.opendir)(dest).catch((err) => {
        throw new errors/* DatasetError */.zm(`cannot extract ${zipPath} into ${dest}: ${err.message}`);
    });
    const first = await dir.read().finally(() => dir.close());
    // Refusing a non-empty folder is what makes "remove everything on failure" safe.
    if (first !== null)
        throw new errors/* DatasetError */.zm(`cannot extract ${zipPath} into ${dest}: the folder is not empty; choose an empty or new folder`);
    return true;
}
/** Turns yauzl, zlib and file-system errors into one message a user can act on. */
function toDatasetError(err, zipPath, label) {
    if (err instanceof errors/* DatasetError */.zm)
        return err;
    // Duck-typed: errors from Node internals may come from another realm (e.g. under jest), failing instanceof.
    const e = (typeof err === "object" && err !== null ? err : { message: String(err) });
    const msg = String(e.message);
    const badName = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(msg);
    if (badName) {
        return new errors/* DatasetError */.zm(`${zipPath}: entry ${JSON.stringify(badName[1])} has an absolute path or ".." in its path, which would write ` +
            `outside the extraction folder (zip-slip); re-create the zip with plain relative paths`);
    }
    const where = label === undefined ? zipPath : `${zipPath}: ${label}`;
    if (msg === "strong encryption is not supported") {
        return new errors/* DatasetError */.zm(`${where} is encrypted (strong encryption); re-create the zip without a password`);
    }
    if (/^(too many|not enough) bytes in the stream|size mismatch/.test(msg)) {
        return new errors/* DatasetError */.zm(`${where} does not contain as many bytes as it declares (${msg}); the zip is corrupt or a zip bomb, re-create it`);
    }
    if (e.code === "ENOSPC")
        return new errors/* DatasetError */.zm(`${where}: no space left on the disk to extract the dataset; free some space`);
    if (label !== undefined && (e.code === "EEXIST" || e.code === "ENOTDIR" || e.code === "EISDIR")) {
        return new errors/* DatasetError */.zm(`${where} has the same name as another entry (possibly differing only in letter case); re-create the zip without duplicates`);
    }
    // Only the output side has a path: the zip itself is read through an already open descriptor.
    if (typeof e.code === "string" && e.path !== undefined && label !== undefined) {
        return new errors/* DatasetError */.zm(`${where}: cannot write ${e.path}: ${msg}`);
    }
    if (typeof e.code === "string" && "syscall" in e)
        return new errors/* DatasetError */.zm(`cannot read ${zipPath}: ${msg}`);
    return new errors/* DatasetError */.zm(`${zipPath} is not a valid zip archive (${label === undefined ? "" : `${label}: `}${msg}); download it again or re-create it`);
}

;// CONCATENATED MODULE: ./src/dataset/package.ts
/**
 * A dataset package as the validator opens it: a folder, or a zip extracted
 * to a temporary folder, in which the labels CSV is searched in a fixed
 * order. Image paths are relative to the folder that holds the CSV.
 */








/** The validator's CSV names, tried in this order at each level. */
const CSV_NAMES = ["labels.csv", "test.csv", "data.csv", "metadata.csv", "dataset.csv"];
async function openPackage(source) {
    const info = await (0,promises_.stat)(source).catch(() => {
        throw new errors/* DatasetError */.zm(`dataset ${source} does not exist: give a folder holding labels.csv and the images, or a .zip package.`);
    });
    if (info.isDirectory())
        return { source, dir: external_node_path_default().resolve(source), close: async () => { } };
    if (!source.toLowerCase().endsWith(".zip")) {
        throw new errors/* DatasetError */.zm(`dataset ${source} is neither a folder nor a .zip package.`);
    }
    const tmp = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "cancer-ai-dataset-"));
    const dir = external_node_path_default().join(tmp, "package");
    try {
        await extractZip(source, dir);
    }
    catch (err) {
        await (0,promises_.rm)(tmp, { recursive: true, force: true });
        throw err;
    }
    return { source, dir, close: () => (0,promises_.rm)(tmp, { recursive: true, force: true }) };
}
async function listing(dir) {
    const items = (await (0,promises_.readdir)(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    return {
        files: items.filter((d) => d.isFile()).map((d) => d.name),
        dirs: items.filter((d) => d.isDirectory() && !d.name.startsWith("__")).map((d) => d.name),
    };
}
/**
 * The validator's search: the known names in the root, then in each
 * first-level folder (skipping `__MACOSX` and the like), then any *.csv in
 * the root, then in the folders. Folders are taken in name order, where the
 * validator takes the file system's order: only ambiguous packages differ.
 */
async function findLabelsCsv(dir) {
    const root = await listing(dir);
    const levels = [{ dir, files: root.files }];
    for (const sub of root.dirs)
        levels.push({ dir: external_node_path_default().join(dir, sub), files: (await listing(external_node_path_default().join(dir, sub))).files });
    for (const level of levels) {
        const name = CSV_NAMES.find((n) => level.files.includes(n));
        if (name)
            return external_node_path_default().join(level.dir, name);
    }
    for (const level of levels) {
        const name = level.files.find((n) => n.endsWith(".csv"));
        if (name)
            return external_node_path_default().join(level.dir, name);
    }
    throw new errors/* DatasetError */.zm(`no labels CSV found in ${dir} (looked for ${CSV_NAMES.join(", ")} or any *.csv, in the root and its first-level folders).`);
}
async function readCsvText(csvPath) {
    const bytes = await (0,promises_.readFile)(csvPath);
    try {
        // ignoreBOM keeps a byte-order mark in the text, where Python keeps it too (in the first column name).
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new errors/* DatasetError */.zm(`${csvPath} is not valid UTF-8 text; save the CSV as UTF-8.`);
    }
}
async function checkImagesExist(entries, csvName) {
    const missing = [];
    for (const entry of entries) {
        const readable = await (0,promises_.access)(entry.path, external_node_fs_.constants.R_OK).then(() => (0,promises_.stat)(entry.path).then((s) => s.isFile()), () => false);
        if (!readable)
            missing.push(`line ${entry.line}: ${entry.file}`);
    }
    if (missing.length > 0) {
        const more = missing.length > 10 ? `; and ${missing.length - 10} more` : "";
        throw new errors/* DatasetError */.zm(`${csvName}: ${missing.length} image(s) not found (paths are relative to the CSV's folder): ` +
            `${missing.slice(0, 10).join("; ")}${more}.`);
    }
}
/** Locates, parses and validates the labels of an opened package. */
async function readDataset(pkg, competition) {
    const csvPath = await findLabelsCsv(pkg.dir);
    const table = readCsvTable(await readCsvText(csvPath));
    const { entries, warnings } = buildEntries(table, csvPath, competition);
    await checkImagesExist(entries, external_node_path_default().basename(csvPath));
    return { source: pkg.source, csvPath, entries, warnings };
}

// EXTERNAL MODULE: ./src/engine/metrics.ts + 1 modules
var metrics = __webpack_require__(92808);
// EXTERNAL MODULE: ./src/engine/shard.ts
var shard = __webpack_require__(20914);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/preprocess/index.ts + 5 modules
var preprocess = __webpack_require__(37710);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
// EXTERNAL MODULE: ./src/workers/protocol.ts
var protocol = __webpack_require__(86775);
;// CONCATENATED MODULE: ./src/workers/pool.ts
/**
 * The preprocessing workers, seen from the main thread: jobs go to the
 * least busy worker, tensors come back transferred, and go back to their
 * worker for reuse once inference is done with them.
 *
 * A worker runs the code of this very build. From the ncc bundle that is the
 * bundle's entry (dist/index.js, beside every chunk), which dispatches on
 * workerData.role; from the TypeScript sources (jest, tsx) it is the worker
 * module itself, behind tsx's loader.
 */









const START_TIMEOUT_MS = 60_000;
function workerEntry() {
    const here = import.meta.url;
    const dir = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(here));
    // Bundled, this module is in index.js or in a chunk beside it.
    if (!here.endsWith(".ts"))
        return { url: (0,external_node_url_.pathToFileURL)(external_node_path_default().join(dir, "index.js")), options: { workerData: { role: protocol/* PREPROCESS_ROLE */.s } } };
    // `--import tsx` in execArgv does not reach a worker's entry module on Node 20; registering tsx's API first does.
    const require = (0,external_node_module_.createRequire)(here);
    const tsxPackage = require.resolve("tsx/package.json");
    const manifest = JSON.parse((0,external_node_fs_.readFileSync)(tsxPackage, "utf8"));
    const tsx = (0,external_node_url_.pathToFileURL)(external_node_path_default().join(external_node_path_default().dirname(tsxPackage), manifest.exports["./esm/api"].import.default)).href;
    const module = (0,external_node_url_.pathToFileURL)(external_node_path_default().join(dir, "preprocess-worker.ts")).href;
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await (await ` +
        `import(${JSON.stringify(module)})).servePreprocessing();`;
    return { url: new URL(`data:text/javascript,${encodeURIComponent(code)}`), options: {} };
}
function deserialize(error) {
    return error.image ? new errors/* ImageError */.C8(error.image.file, error.image.reason) : new Error(error.message);
}
class PreprocessPool {
    slots;
    nextId = 0;
    broken;
    closing = false;
    constructor(slots) {
        this.slots = slots;
    }
    /** Starts `size` workers and waits until each is ready to take jobs (a fraction of a second; `timeoutMs` if one hangs). */
    static async start(size, timeoutMs = START_TIMEOUT_MS) {
        // Loaded here first: a native module first opened by a worker is unloaded
        // by glibc when that worker exits, and crashes the next one (lovell/sharp#2263).
        await (0,natives/* loadSharp */.P)();
        const { url, options } = workerEntry();
        const slots = Array.from({ length: size }, () => ({ worker: new external_node_worker_threads_.Worker(url, options), pending: new Map() }));
        const pool = new PreprocessPool(slots);
        try {
            await (0,retry/* withTimeout */.wj)(Promise.all(slots.map((slot) => pool.watch(slot))), timeoutMs, () => new Error(`the preprocessing workers did not start within ${timeoutMs / 1000} s`));
        }
        catch (err) {
            await pool.close();
            throw err;
        }
        return pool;
    }
    /** Resolves once the worker is ready; afterwards, routes its replies and failures. */
    watch(slot) {
        return new Promise((ready, failed) => {
            const fail = (err) => {
                failed(err);
                if (this.closing)
                    return;
                this.broken ??= err;
                for (const p of slot.pending.values())
                    p.reject(err);
                slot.pending.clear();
            };
            slot.worker.on("message", (message) => {
                if (message.type === "ready")
                    return ready();
                const pending = slot.pending.get(message.id);
                if (!pending)
                    return;
                slot.pending.delete(message.id);
                if (message.type === "failed")
                    return pending.reject(deserialize(message.error));
                const { tensor, times } = message;
                pending.resolve({
                    tensor,
                    times,
                    release: () => this.send(slot, { type: "recycle", buffer: tensor.buffer }, [tensor.buffer]),
                });
            });
            slot.worker.on("error", (err) => fail(new Error(`a preprocessing worker failed: ${err.message}`)));
            slot.worker.on("exit", (code) => fail(new Error(`a preprocessing worker exited (code ${code})`)));
        });
    }
    send(slot, message, transfer = []) {
        if (!this.closing)
            slot.worker.postMessage(message, transfer);
    }
    get size() {
        return this.slots.length;
    }
    preprocess(file, filePath, imageSize, inputSize) {
        if (this.broken)
            return Promise.reject(this.broken);
        const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            slot.pending.set(id, { resolve, reject });
            this.send(slot, { type: "job", id, file, path: filePath, imageSize, inputSize });
        });
    }
    async close() {
        this.closing = true;
        await Promise.all(this.slots.map((s) => s.worker.terminate()));
    }
}

;// CONCATENATED MODULE: ./src/workers/preprocessor.ts



function inProcess(imageSize, inputSize) {
    const spare = [];
    return {
        workers: 0,
        preprocess: async (file, filePath) => {
            const { tensor, times } = await (0,preprocess/* preprocessTimed */.M)(file, filePath, imageSize, inputSize, spare.pop());
            return { tensor, times, release: () => spare.push(tensor) };
        },
        close: async () => { },
    };
}
async function openPreprocessor(plan, imageSize, inputSize, log) {
    if (plan.workers === 0)
        return inProcess(imageSize, inputSize);
    let pool;
    try {
        pool = await PreprocessPool.start(plan.workers);
    }
    catch (err) {
        log.warning(`preprocessing on the main thread: worker threads could not start (${(0,retry/* describeError */.Uc)(err)})`);
        return inProcess(imageSize, inputSize);
    }
    return {
        workers: pool.size,
        preprocess: (file, filePath) => pool.preprocess(file, filePath, imageSize, inputSize),
        close: () => pool.close(),
    };
}

;// CONCATENATED MODULE: ./src/engine/evaluate.ts
/**
 * The evaluation of one model on one dataset package, as a stream (see
 * pipeline.ts): entries -> decode + resample in worker threads (on this
 * thread for a small dataset), a few images ahead -> inference on this
 * thread, in CSV order -> metrics. Only the images in flight are held in
 * memory.
 */










async function evaluate(options) {
    const { modelPath, competition, log } = options;
    (0,pipeline/* checkThreads */.Qh)(options.threads);
    // The model is checked before a possibly large package is extracted; its
    // load time still counts in run_time_s, as in the validator.
    const loadStarted = performance.now();
    const session = await (0,inference/* loadModel */.cm)(modelPath, competition);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const model = { bytes: (await (0,promises_.stat)(modelPath)).size, sha256: await (0,digest/* sha256File */.Q)(modelPath) };
    try {
        const pkg = await openPackage(options.dataset);
        try {
            const dataset = await readDataset(pkg, competition);
            for (const warning of dataset.warnings)
                log.warning(warning);
            const selected = (0,shard/* selectShard */.Xm)(dataset.entries, options.shard);
            const plan = (0,pipeline/* planThreads */.p9)(options.threads, selected.length);
            const started = performance.now();
            const what = options.shard
                ? `${selected.length} of ${dataset.entries.length} images (shard ${(0,shard/* formatShard */._D)(options.shard)})`
                : `${dataset.entries.length} images`;
            const { predictions, yTrue, yPred } = await log.group(`Evaluating ${external_node_path_default().basename(modelPath)} on ${what} of ${external_node_path_default().basename(options.dataset)}`, async () => {
                const preprocessor = await openPreprocessor(plan, competition.imageSize, session.signature.inputSize, log);
                if (preprocessor.workers > 0)
                    log.info(`preprocessing in ${preprocessor.workers} worker threads; inference here, on 1 onnxruntime thread as the validator runs it`);
                try {
                    return await predictAll(session, selected.map((s) => s.entry), competition, log, { preprocessor, inFlight: plan.inFlight, timings: options.timings });
                }
                finally {
                    await preprocessor.close();
                }
            });
            const result = {
                competition_id: competition.id,
                dataset: external_node_path_default().basename(options.dataset),
                model_sha256: model.sha256,
                model_size_mb: model.bytes / (1024 * 1024),
                tested_entries: selected.length,
                run_time_s: loadSeconds + (performance.now() - started) / 1000,
                ...(0,metrics/* metricFields */.s)(competition, yTrue, yPred, model.bytes),
                predictions,
            };
            if (options.shard) {
                result.shard = {
                    ...options.shard,
                    total_entries: dataset.entries.length,
                    dataset_sha256: await (0,digest/* sha256File */.Q)(dataset.csvPath),
                    rows: selected.map((s) => s.row),
                    class_indices: yTrue,
                    predicted_indices: yPred,
                };
            }
            return result;
        }
        finally {
            await pkg.close();
        }
    }
    finally {
        await session.close();
    }
}
async function predictAll(session, entries, competition, log, stream) {
    const predictions = [];
    const yTrue = [];
    const yPred = [];
    const { preprocessor, timings } = stream;
    const progress = (0,util_log/* progressReporter */.x)(log, entries.length, "images evaluated");
    const images = (0,pipeline/* mapOrdered */.wW)(entries, stream.inFlight, async (entry) => ({
        entry,
        image: await preprocessor.preprocess(entry.file, entry.path),
    }));
    for await (const { entry, image } of images) {
        const inferenceStarted = performance.now();
        const output = await session.predict(image.tensor, entry.demographics, entry.file);
        if (timings) {
            timings.images++;
            timings.decodeMs += image.times.decodeMs;
            timings.resampleMs += image.times.resampleMs;
            timings.inferenceMs += performance.now() - inferenceStarted;
        }
        image.release();
        const predicted = (0,inference/* predictedClass */.Bc)(output, competition.classes.length);
        yTrue.push(entry.classIndex);
        yPred.push(predicted);
        predictions.push({
            file: entry.file,
            label: entry.label,
            predicted: competition.classes[predicted]?.short ?? String(predicted),
            probabilities: Array.from(output),
        });
        progress(predictions.length);
    }
    return { predictions, yTrue, yPred };
}

;// CONCATENATED MODULE: ./src/engine/run.ts



async function runEvaluation(request) {
    const { competition, hub } = request;
    // A model that cannot be scored fails here, before any package is downloaded.
    await (await (0,inference/* loadModel */.cm)(request.modelPath, competition)).close();
    const sources = await hub.log.group("Datasets", () => resolveDatasets(request.dataset, { ...request, competitionId: competition.id }));
    const datasets = [];
    for (const source of sources) {
        const result = await evaluate({
            modelPath: request.modelPath,
            dataset: source.localPath,
            competition,
            log: hub.log,
            threads: request.threads,
            shard: request.shard,
        });
        if (source.ref) {
            result.dataset_uri = `hf://${source.ref.repo}/${source.ref.path}`;
            if (source.ref.date)
                result.dataset_date = source.ref.date;
        }
        datasets.push(result);
    }
    return runReport(competition.id, datasets);
}
/** The report over packages evaluated separately (by one runner, or merged from shards): their mean score. */
function runReport(competitionId, datasets) {
    const score = datasets.reduce((sum, d) => sum + d.score, 0) / datasets.length;
    return { competition_id: competitionId, score, datasets };
}
/** results.json: the result itself for one package, else every result and their mean. */
function resultsDocument(report) {
    return report.datasets.length === 1 ? report.datasets[0] : report;
}


/***/ }),

/***/ 54316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mi: () => (/* binding */ shardFileContent),
/* harmony export */   WP: () => (/* binding */ readShardFiles),
/* harmony export */   iN: () => (/* binding */ shardFileName)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20914);
/**
 * Shard predictions on disk: a shard run writes one file (a list of
 * documents, one per package), the merge reads files or whole folders of
 * them, as actions/download-artifact or our own artifact download lays them out.
 */




const shardFileName = (shard) => `cancer-ai-shard-${shard.index}-of-${shard.count}.json`;
const shardFileContent = (results) => `${JSON.stringify(results.map(_shard_js__WEBPACK_IMPORTED_MODULE_3__/* .shardDocument */ .C9))}\n`;
async function jsonFiles(input) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(input).catch(() => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`shard predictions ${input} do not exist: give the files or folders the shard runs wrote (cancer-ai-shard-<i>-of-<n>.json)`);
    });
    if (!info.isDirectory())
        return [input];
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(input, { recursive: true });
    return names
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(input, name));
}
/** Every shard document in the files and folders given; other JSON files are skipped with a warning. */
async function readShardFiles(inputs, log) {
    const docs = [];
    for (const input of inputs) {
        for (const file of await jsonFiles(input)) {
            let value;
            try {
                value = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8"));
            }
            catch (err) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${file} is not valid JSON (${err.message}): was the shard's upload cut short? Re-run that shard`);
            }
            const found = (0,_shard_js__WEBPACK_IMPORTED_MODULE_3__/* .parseShardFile */ .y9)(value, file);
            if (found)
                docs.push(...found);
            else
                log.warning(`${file} is not a shard predictions file; skipped`);
        }
    }
    if (docs.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`no shard predictions found in ${inputs.join(", ")}: the shard runs write cancer-ai-shard-<i>-of-<n>.json`);
    return docs;
}


/***/ }),

/***/ 20914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ mergeShardRuns),
/* harmony export */   C9: () => (/* binding */ shardDocument),
/* harmony export */   Xm: () => (/* binding */ selectShard),
/* harmony export */   _D: () => (/* binding */ formatShard),
/* harmony export */   uK: () => (/* binding */ parseShard),
/* harmony export */   y9: () => (/* binding */ parseShardFile)
/* harmony export */ });
/* unused harmony exports SHARD_FORMAT, mergeShards */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92808);


function parseShard(text) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || index < 1 || index > count) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`shard must be "i/n" with 1 <= i <= n (e.g. 2/3 for the second of three shards), got "${text}"`);
    }
    return { index, count };
}
const formatShard = (shard) => `${shard.index}/${shard.count}`;
/** The entries of a shard with their row numbers (0-based, CSV order); every entry when there is no shard. */
function selectShard(entries, shard) {
    const rows = entries.map((entry, row) => ({ row, entry }));
    if (!shard)
        return rows;
    const selected = rows.filter(({ row }) => row % shard.count === shard.index - 1);
    if (selected.length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`shard ${formatShard(shard)} has no rows: the dataset has only ${entries.length}, use at most ${entries.length} shards`);
    }
    return selected;
}
const SHARD_FORMAT = "cancer-ai-shard/1";
function shardDocument(result) {
    const run = result.shard;
    if (!run)
        throw new Error("shardDocument needs the result of a shard run (evaluate with a shard)");
    return {
        format: SHARD_FORMAT,
        competition_id: result.competition_id,
        dataset: result.dataset,
        ...(result.dataset_uri !== undefined && { dataset_uri: result.dataset_uri }),
        ...(result.dataset_date !== undefined && { dataset_date: result.dataset_date }),
        dataset_sha256: run.dataset_sha256,
        total_entries: run.total_entries,
        model_sha256: result.model_sha256,
        // model_size_mb is bytes / 2^20, which is exact, so this is the byte count again.
        model_size_bytes: Math.round(result.model_size_mb * 1048576),
        shard: { index: run.index, count: run.count },
        run_time_s: result.run_time_s,
        predictions: result.predictions.map((p, i) => ({
            row: run.rows[i],
            file: p.file,
            label: p.label,
            class_index: run.class_indices[i],
            output: p.probabilities,
            predicted: run.predicted_indices[i],
        })),
    };
}
const name = (doc) => `shard ${formatShard(doc.shard)}`;
function listed(values, limit = 10) {
    const more = values.length > limit ? ` and ${values.length - limit} more` : "";
    return values.slice(0, limit).join(", ") + more;
}
/** All shards must describe the same evaluation; the first difference is reported with the shards on both sides. */
function checkSameRun(docs, competition) {
    const first = docs[0];
    const fields = [
        ["competition_id", "competition"],
        ["dataset_sha256", "dataset (labels CSV sha256)"],
        ["total_entries", "dataset size"],
        ["model_sha256", "model sha256"],
        ["model_size_bytes", "model size"],
    ];
    for (const doc of docs) {
        if (doc.format !== SHARD_FORMAT)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${name(doc)} is not a shard predictions document (format "${String(doc.format)}", expected "${SHARD_FORMAT}")`);
        for (const [field, what] of fields) {
            if (doc[field] !== first[field]) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${name(doc)} and ${name(first)} were not run on the same ${what}: ${String(doc[field])} vs ${String(first[field])}`);
            }
        }
        if (doc.shard.count !== first.shard.count)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${name(doc)} and ${name(first)} split the dataset differently (${doc.shard.count} vs ${first.shard.count} shards)`);
    }
    if (first.competition_id !== competition.id)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the shards were scored for ${first.competition_id}, not ${competition.id}`);
}
function checkShardSet(docs) {
    const count = docs[0].shard.count;
    const seen = new Map();
    for (const doc of docs)
        seen.set(doc.shard.index, (seen.get(doc.shard.index) ?? 0) + 1);
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([i]) => `${i}/${count}`);
    if (duplicates.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`shard(s) ${listed(duplicates)} given more than once`);
    const missing = Array.from({ length: count }, (_, i) => i + 1)
        .filter((i) => !seen.has(i))
        .map((i) => `${i}/${count}`);
    if (missing.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`shard(s) ${listed(missing)} missing: all ${count} are needed to score the dataset`);
}
/** Every row exactly once, each in the shard it belongs to. */
function collectRows(docs, classes) {
    const total = docs[0].total_entries;
    const byRow = new Array(total);
    const owner = new Array(total);
    const duplicates = [];
    for (const doc of docs) {
        for (const p of doc.predictions) {
            if (!Number.isInteger(p.row) || p.row < 0 || p.row >= total)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm(`${name(doc)} has row ${p.row} (${p.file}), outside the dataset's ${total} rows`);
            if (p.row % doc.shard.count !== doc.shard.index - 1)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm(`${name(doc)} has row ${p.row} (${p.file}), which belongs to shard ${(p.row % doc.shard.count) + 1}/${doc.shard.count}`);
            for (const [field, value] of [
                ["class_index", p.class_index],
                ["predicted", p.predicted],
            ]) {
                if (!Number.isInteger(value) || value < 0 || value >= classes)
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm(`${name(doc)} has ${field} ${value} for row ${p.row} (${p.file}), but the competition has ${classes} classes`);
            }
            if (byRow[p.row])
                duplicates.push(`row ${p.row} (${p.file}) in ${owner[p.row]} and ${name(doc)}`);
            byRow[p.row] = p;
            owner[p.row] = name(doc);
        }
    }
    if (duplicates.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm(`rows predicted more than once: ${listed(duplicates)}`);
    const missing = [];
    for (let row = 0; row < total; row++)
        if (!byRow[row])
            missing.push(row);
    if (missing.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm(`rows (0-based, CSV order) missing from the shards: ${listed(missing)}; of ${total}`);
    return byRow;
}
/**
 * The result one runner would have produced on the whole dataset, from the
 * shards' predictions. run_time_s is the shards' total.
 */
function mergeShards(docs, competition) {
    if (docs.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("no shard predictions to merge");
    checkSameRun(docs, competition);
    checkShardSet(docs);
    const rows = collectRows(docs, competition.classes.length);
    const first = docs[0];
    const yTrue = rows.map((p) => p.class_index);
    const yPred = rows.map((p) => p.predicted);
    const predictions = rows.map((p) => ({
        file: p.file,
        label: p.label,
        predicted: competition.classes[p.predicted]?.short ?? String(p.predicted),
        probabilities: p.output,
    }));
    return {
        competition_id: first.competition_id,
        dataset: first.dataset,
        ...(first.dataset_uri !== undefined && { dataset_uri: first.dataset_uri }),
        ...(first.dataset_date !== undefined && { dataset_date: first.dataset_date }),
        model_sha256: first.model_sha256,
        model_size_mb: first.model_size_bytes / (1024 * 1024),
        tested_entries: rows.length,
        run_time_s: docs.reduce((sum, d) => sum + d.run_time_s, 0),
        ...(0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricFields */ .s)(competition, yTrue, yPred, first.model_size_bytes),
        predictions,
    };
}
/**
 * The results of a run over several packages (dataset-count > 1), from all
 * shards' documents: one merge per package, newest first as runEvaluation
 * orders them.
 */
function mergeShardRuns(docs, competition) {
    if (docs.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("no shard predictions to merge");
    // By package, not by labels: two packages may share a CSV; mergeShards then checks the labels agree.
    const packages = new Map();
    for (const doc of docs) {
        const key = doc.dataset_uri ?? doc.dataset;
        packages.set(key, [...(packages.get(key) ?? []), doc]);
    }
    const results = [...packages.values()].map((group) => {
        try {
            return mergeShards(group, competition);
        }
        catch (err) {
            if (packages.size === 1 || !(err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancerAiError */ .hz))
                throw err;
            const Kind = err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm ? _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatasetError */ .zm : _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz;
            // Jobs of one matrix can see different "latest" packages if one was published while it ran.
            throw new Kind(`package ${group[0].dataset}: ${err.message} (every shard job must evaluate the same packages: re-run the ` +
                `workflow if one was published meanwhile)`);
        }
    });
    return results.sort((a, b) => (b.dataset_date ?? "").localeCompare(a.dataset_date ?? "") || a.dataset.localeCompare(b.dataset));
}
const isText = (v) => typeof v === "string";
const isCount = (v) => Number.isInteger(v) && v >= 0;
const isNumbers = (v) => Array.isArray(v) && v.every((x) => typeof x === "number");
const isShard = (v) => {
    const { index, count } = (typeof v === "object" && v !== null ? v : {});
    return isCount(index) && isCount(count) && index >= 1 && index <= count;
};
const DOCUMENT_FIELDS = [
    ["competition_id", isText, "a string"],
    ["dataset", isText, "a string"],
    ["dataset_sha256", isText, "a string"],
    ["total_entries", isCount, "a whole number"],
    ["model_sha256", isText, "a string"],
    ["model_size_bytes", isCount, "a whole number"],
    ["shard", isShard, "{index, count} with 1 <= index <= count"],
    ["run_time_s", (v) => typeof v === "number", "a number"],
    ["predictions", Array.isArray, "a list"],
];
const PREDICTION_FIELDS = [
    ["row", isCount, "a whole number"],
    ["file", isText, "a string"],
    ["label", isText, "a string"],
    ["class_index", isCount, "a whole number"],
    ["output", isNumbers, "a list of numbers"],
    ["predicted", isCount, "a whole number"],
];
function checkFields(value, checks, where) {
    for (const [field, ok, expected] of checks) {
        if (!ok(value[field]))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: ${field} must be ${expected}`);
    }
}
/**
 * The shard documents in a parsed file (one document, or a list of them for a
 * run over several packages). Undefined when the JSON is not ours at all;
 * an error naming the file and field when it is, but malformed.
 */
function parseShardFile(value, source) {
    const items = Array.isArray(value) ? value : [value];
    const isOurs = (v) => typeof v === "object" && v !== null && "format" in v && String(v.format).startsWith("cancer-ai-shard/");
    if (items.length === 0 || !items.every(isOurs))
        return undefined;
    return items.map((item, i) => {
        const where = items.length > 1 ? `${source} (document ${i + 1})` : source;
        if (item.format !== SHARD_FORMAT)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where} is in format ${String(item.format)}; this version of the action reads ${SHARD_FORMAT}: use the same ` +
                `action version for the shards and the merge`);
        checkFields(item, DOCUMENT_FIELDS, where);
        item.predictions.forEach((p, j) => {
            if (typeof p !== "object" || p === null)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: prediction ${j} is not an object`);
            checkFields(p, PREDICTION_FIELDS, `${where}, prediction ${j}`);
        });
        return item;
    });
}


/***/ }),

/***/ 71472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ DEFAULT_CONFIG_REPO),
/* harmony export */   FD: () => (/* binding */ downloadDataset),
/* harmony export */   H2: () => (/* binding */ checkDigest),
/* harmony export */   Ik: () => (/* binding */ HubError),
/* harmony export */   RP: () => (/* binding */ datasetUri),
/* harmony export */   Sc: () => (/* binding */ DEFAULT_HUB_URL),
/* harmony export */   Xc: () => (/* binding */ discoverDatasets),
/* harmony export */   YQ: () => (/* binding */ findDataset),
/* harmony export */   gh: () => (/* binding */ parseHfUri)
/* harmony export */ });
/* unused harmony export readCompetitionConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1429);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(38815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(70017);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4266);
/**
 * Reading the HuggingFace Hub: the competition configuration space, the
 * dataset repositories it names, and the packages in them. Every call takes
 * `hubUrl`, so tests point the real client at a local hub.
 */










const DEFAULT_HUB_URL = "https://huggingface.co";
const DEFAULT_CONFIG_REPO = "safescanai/competition-configuration";
class HubError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .CancerAiError */ .hz {
}
function datasetUri(ref) {
    return `hf://${ref.repo}/${ref.path}`;
}
/** `hf://owner/repo/path/to/package.zip` (a dataset repository; `hf://datasets/...` too). */
function parseHfUri(uri) {
    const match = /^hf:\/\/(?:datasets\/)?([^/\s]+\/[^/\s]+)\/(.+\.zip)$/i.exec(uri.trim());
    if (!match)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz(`"${uri}" is not a dataset URI: use hf://<owner>/<dataset-repo>/<path/to/package.zip>`);
    return { repo: match[1], path: match[2] };
}
function hubFailure(what, err) {
    const status = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .httpStatus */ .nG)(err);
    const hint = status === 401 || status === 403 || status === 404
        ? " (it does not exist, or it is private: pass an hf-token that can read it)"
        : status === undefined || status >= 500
            ? " (the hub is unreachable or failing; retried with backoff)"
            : "";
    return new HubError(`${what} failed: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}${hint}`);
}
async function listAll(repo, opts) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`listing ${repo.type} ${repo.name}`, async () => {
        const entries = [];
        for await (const entry of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .listFiles */ .CS)({ repo, recursive: true, expand: true, hubUrl: opts.hubUrl, accessToken: opts.accessToken }))
            entries.push(entry);
        return entries;
    }, opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw hubFailure(`listing ${repo.type} ${repo.name} on ${opts.hubUrl}`, err);
    });
}
async function downloadText(repo, file, opts) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`downloading ${file}`, async () => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .downloadFile */ .PE)({ repo, path: file, hubUrl: opts.hubUrl, accessToken: opts.accessToken, xet: false });
        if (!blob)
            throw new HubError(`${repo.name}/${file} disappeared while reading it`);
        return blob.text();
    }, opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw err instanceof HubError ? err : hubFailure(`downloading ${repo.name}/${file}`, err);
    });
}
function readOrganizations(file, text) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_7__/* .parse */ .qg)(text);
    }
    catch (err) {
        throw new HubError(`configuration file ${file} is not valid YAML: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}`);
    }
    if (!Array.isArray(data))
        return [];
    return data
        .filter((e) => typeof e === "object" && e !== null)
        .filter((e) => typeof e.competition_id === "string" && typeof e.dataset_hf_repo === "string")
        .map((e) => ({
        org_id: String(e.org_id ?? e.organization_id ?? ""),
        competition_id: String(e.competition_id),
        dataset_hf_repo: String(e.dataset_hf_repo),
        dataset_hf_dir: typeof e.dataset_hf_dir === "string" ? e.dataset_hf_dir : "",
    }));
}
/** Every organisation named by the configuration space's datasets/*.yaml files. */
async function readCompetitionConfig(configRepo, opts) {
    const repo = { type: "space", name: configRepo };
    const yamls = (await listAll(repo, opts)).filter((e) => e.type === "file" && e.path.startsWith("datasets/") && e.path.endsWith(".yaml"));
    const organizations = [];
    for (const file of yamls)
        organizations.push(...readOrganizations(file.path, await downloadText(repo, file.path, opts)));
    return organizations;
}
/** The competition's dataset packages, newest first (as the validators order them). */
async function discoverDatasets(competitionId, configRepo, opts) {
    const organizations = await readCompetitionConfig(configRepo, opts);
    const ours = organizations.filter((o) => o.competition_id === competitionId);
    if (ours.length === 0) {
        const known = [...new Set(organizations.map((o) => o.competition_id))].sort().join(", ") || "none";
        throw new HubError(`no organisation publishes datasets for competition "${competitionId}" in ${configRepo}; competitions configured there: ${known}`);
    }
    const refs = [];
    for (const org of ours) {
        const files = await listAll({ type: "dataset", name: org.dataset_hf_repo }, opts);
        for (const f of files) {
            if (f.type !== "file" || !f.path.startsWith(org.dataset_hf_dir) || !f.path.endsWith(".zip"))
                continue;
            refs.push(toRef(org.dataset_hf_repo, f));
        }
    }
    if (refs.length === 0)
        throw new HubError(`the dataset repositories for ${competitionId} (${ours.map((o) => o.dataset_hf_repo).join(", ")}) hold no .zip package yet`);
    return refs.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
}
function toRef(repo, f) {
    return { repo, path: f.path, size: f.lfs?.size ?? f.size, oid: f.lfs?.oid ?? f.oid ?? "", sha256: f.lfs?.oid, date: f.lastCommit?.date };
}
/** Looks one package up (for `hf://` URIs), with the same facts as discovery gives. */
async function findDataset(repo, file, opts) {
    const entry = (await listAll({ type: "dataset", name: repo }, opts)).find((e) => e.type === "file" && e.path === file);
    if (!entry)
        throw new HubError(`${datasetUri({ repo, path: file })} does not exist`);
    return toRef(repo, entry);
}
/** Streams a package to `dest`, returning its SHA-256; a dropped download is retried from the start. */
async function downloadDataset(ref, dest, opts) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dest), { recursive: true });
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`downloading ${datasetUri(ref)}`, async () => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .downloadFile */ .PE)({
            repo: { type: "dataset", name: ref.repo },
            path: ref.path,
            hubUrl: opts.hubUrl,
            accessToken: opts.accessToken,
            xet: false,
        });
        if (!blob)
            throw new HubError(`${datasetUri(ref)} does not exist`);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_5__.createHash)("sha256");
        const tap = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
            },
        });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_3__.Readable.fromWeb(blob.stream()), tap, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(dest));
        return hash.digest("hex");
    }, opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .CancerAiError */ .hz ? err : hubFailure(`downloading ${datasetUri(ref)}`, err);
    });
}
/** Checks a downloaded or restored package against the hub's content id. */
function checkDigest(ref, sha256) {
    if (ref.sha256 && ref.sha256 !== sha256) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .DatasetError */ .zm(`${datasetUri(ref)}: downloaded content has SHA-256 ${sha256}, the hub says ${ref.sha256}`);
    }
}


/***/ }),

/***/ 92500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ ChainError),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Of: () => (/* binding */ NETWORKS),
/* harmony export */   Q5: () => (/* binding */ readCommitment),
/* harmony export */   kz: () => (/* binding */ uidOf),
/* harmony export */   u6: () => (/* binding */ submitCommitment),
/* harmony export */   wX: () => (/* binding */ findCommitExtrinsic)
/* harmony export */ });
/* unused harmony exports ChainConnectionError, CONNECT_TIMEOUT_MS, networkUrl */
/* harmony import */ var _polkadot_api__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91972);
/* harmony import */ var _polkadot_api__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15771);
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40816);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);
/**
 * The subtensor chain through @polkadot/api: registration, the commitment
 * transaction and its read-back. Submission never commits twice: before
 * sending, and after a dropped connection, the chain's own record
 * (`Commitments.CommitmentOf`) decides what happened.
 */




const NETWORKS = {
    finney: "wss://entrypoint-finney.opentensor.ai:443",
    test: "wss://test.finney.opentensor.ai:443",
    archive: "wss://archive.chain.opentensor.ai:443",
    local: "ws://127.0.0.1:9944",
};
class ChainError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancerAiError */ .hz {
}
/**
 * The node could not be reached, or the connection to it dropped: what the
 * chain holds is unknown rather than refused, so a caller may reconnect and
 * read it again.
 */
class ChainConnectionError extends ChainError {
}
/** How long connecting and loading the chain's metadata may take before the node counts as unreachable. */
const CONNECT_TIMEOUT_MS = 30_000;
function networkUrl(network) {
    if (/^wss?:\/\//.test(network))
        return network;
    const url = NETWORKS[network];
    if (!url)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`unknown network "${network}": use ${Object.keys(NETWORKS).join(", ")} or a ws(s):// URL`);
    return url;
}
/** A WebSocket error event in one line: the ws package says why; Node 22+'s built-in WebSocket gives an empty message. */
function socketFailure(event) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(event) || "the WebSocket connection failed (refused, closed, or not a WebSocket endpoint)";
}
async function connect(network, timeoutMs = CONNECT_TIMEOUT_MS) {
    const url = networkUrl(network);
    const unreachable = (why) => new ChainConnectionError(`cannot reach the chain at ${url}: ${why}; check the network setting and that the node is reachable from here`);
    const provider = new _polkadot_api__WEBPACK_IMPORTED_MODULE_3__/* .WsProvider */ .E(url, false);
    // Watched before the socket is opened: Node 22+'s built-in WebSocket (which @polkadot/x-ws prefers
    // over the ws package) can report a refused connection before provider.connect() has even resolved,
    // and an ApiPromise created after that would wait for a 'connected' or 'error' event that never
    // comes, with nothing left on the event loop (the process then exits 13 without a word).
    const unwatch = [];
    const lost = new Promise((_, reject) => {
        unwatch.push(provider.on("error", (event) => reject(unreachable(socketFailure(event)))), provider.on("disconnected", () => reject(unreachable("the node closed the connection"))));
    });
    let api;
    const open = async () => {
        await provider.connect();
        await provider.isReady;
        api = new _polkadot_api__WEBPACK_IMPORTED_MODULE_4__/* .ApiPromise */ .G({ provider, noInitWarn: true });
        return api.isReadyOrError;
    };
    try {
        // The timer also keeps the event loop alive until one of these settles.
        return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withTimeout */ .wj)(Promise.race([open(), lost]), timeoutMs, () => unreachable(`no answer within ${timeoutMs / 1000} s`));
    }
    catch (err) {
        await (api ?? provider).disconnect().catch(() => { });
        throw err instanceof ChainError ? err : new ChainError(`cannot use the chain at ${url}: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
    }
    finally {
        for (const stop of unwatch)
            stop();
    }
}
/** The hotkey's uid on the subnet, or undefined when it is not registered. */
async function uidOf(api, netuid, hotkey) {
    const uid = await api.query.subtensorModule.uids(netuid, hotkey);
    const option = uid;
    return option.isSome ? option.unwrap().toNumber() : undefined;
}
async function readCommitment(api, netuid, hotkey) {
    const value = await api.query.commitments.commitmentOf(netuid, hotkey);
    const json = value.toJSON();
    if (!json?.info?.fields)
        return undefined;
    for (const field of json.info.fields) {
        const [variant, data] = Object.entries(field)[0] ?? [];
        if (variant?.startsWith("raw") || variant?.startsWith("Raw")) {
            return { text: Buffer.from(String(data).replace(/^0x/, ""), "hex").toString("utf8"), block: Number(json.block ?? 0) };
        }
    }
    return undefined;
}
/** Finds, in one block, the set_commitment extrinsic signed by the hotkey that carries `text`. */
async function findCommitExtrinsic(api, block, hotkey, text) {
    const hash = await api.rpc.chain.getBlockHash(block);
    const { block: content } = await api.rpc.chain.getBlock(hash);
    const needle = Buffer.from(text, "utf8").toString("hex");
    const index = content.extrinsics.findIndex((ex) => ex.isSigned &&
        ex.signer.toString() === hotkey &&
        ex.method.section === "commitments" &&
        ex.method.method === "setCommitment" &&
        ex.method.toHex().includes(needle));
    return index < 0 ? undefined : { block, index, id: `${block}-${index}` };
}
function dispatchErrorText(api, result) {
    const error = result.dispatchError;
    if (!error)
        return undefined;
    if (error.isModule) {
        const meta = api.registry.findMetaError(error.asModule);
        return `${meta.section}.${meta.name}: ${meta.docs.join(" ").trim()}`;
    }
    return error.toString();
}
/** What a failed commit means for the miner, by the runtime error's name. */
function adviceFor(error) {
    if (error.includes("AccountNotAllowedCommit"))
        return " The hotkey is not registered on this subnet: register it first.";
    if (error.includes("SpaceLimitExceeded"))
        return " The hotkey used up its commitment space for this epoch: retry in the next epoch.";
    if (error.includes("RateLimit"))
        return " Commitments are rate limited: retry later.";
    return "";
}
/**
 * Signs and sends set_commitment, waits for finalization, and returns the
 * extrinsic. A connection dropped mid-way is settled by reading the chain
 * again (through `reconnect`): the commitment is there, or it is not, and
 * nothing is sent twice.
 */
async function submitCommitment(api, pair, netuid, text, log, reconnect, timeoutMs = 600_000) {
    const [pallet, call] = api.tx.commitments.setCommitment.callIndex;
    const tx = api.tx(api.createType("Call", (0,_commitment_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeSetCommitment */ .sP)(netuid, text, { pallet, call })));
    let inBlock;
    try {
        await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new ChainError(`the commitment was not finalized within ${timeoutMs / 1000} s`)), timeoutMs);
            const onDisconnect = () => reject(new ChainConnectionError("the connection to the chain dropped while the commitment was being submitted"));
            api.once("disconnected", onDisconnect);
            let unsubscribe;
            let settled = false;
            const done = (err) => {
                settled = true;
                clearTimeout(timer);
                api.off("disconnected", onDisconnect);
                unsubscribe?.();
                if (err)
                    reject(err);
                else
                    resolve();
            };
            tx.signAndSend(pair, { nonce: -1 }, (result) => {
                if (result.status.isInBlock && result.blockNumber !== undefined && result.txIndex !== undefined) {
                    inBlock = { block: result.blockNumber.toNumber(), index: result.txIndex };
                    log.info(`commitment included in block ${inBlock.block} (extrinsic ${inBlock.block}-${inBlock.index}); waiting for finalization`);
                }
                const failure = dispatchErrorText(api, result);
                if (failure)
                    done(new ChainError(`the chain rejected the commitment: ${failure}.${adviceFor(failure)}`));
                else if (result.status.isFinalized)
                    done();
                else if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped)
                    done(new ChainError(`the commitment transaction was ${result.status.type.toLowerCase()} by the node`));
            })
                .then((unsub) => (settled ? unsub() : (unsubscribe = unsub)))
                .catch((err) => done(new ChainError(`the node refused the commitment transaction: ${err.message}`)));
        });
    }
    catch (err) {
        if (!(err instanceof ChainConnectionError))
            throw err;
        log.warning("the connection dropped during submission; reading the chain again to see whether the commitment landed");
        const fresh = await reconnect();
        try {
            const now = await readCommitment(fresh, netuid, pair.address);
            if (now?.text !== text) {
                throw new ChainError("the connection dropped before the commitment reached a block, and it is not on chain: nothing was committed; " +
                    "run the release again");
            }
            const found = await findCommitExtrinsic(fresh, now.block, pair.address, text);
            if (!found)
                throw new ChainError(`the commitment is on chain (block ${now.block}) but its extrinsic was not found in that block`);
            return found;
        }
        finally {
            await fresh.disconnect();
        }
    }
    if (!inBlock)
        throw new ChainError("the commitment was finalized but the node reported no block for it");
    return { ...inBlock, id: `${inBlock.block}-${inBlock.index}` };
}


/***/ }),

/***/ 40816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dz: () => (/* binding */ parseCommitment),
/* harmony export */   J$: () => (/* binding */ modelStem),
/* harmony export */   P4: () => (/* binding */ isSha256Hex),
/* harmony export */   qN: () => (/* binding */ checkCommitment),
/* harmony export */   sP: () => (/* binding */ encodeSetCommitment)
/* harmony export */ });
/* unused harmony exports MAX_COMMITMENT_BYTES, MAX_REPO_ID_BYTES, MAX_MODEL_FILE_BYTES, MAX_CODE_FILE_BYTES, commitmentString, SET_COMMITMENT, compactU32 */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/**
 * The model commitment validators read from chain:
 * `{hf_repo_id}:{model_file_stem}:{competition_id}:{sha256}`, and the
 * SCALE-encoded `Commitments.set_commitment` call that writes it. Pure
 * functions: the limits are checked before any upload or transaction, and the
 * call data can be printed offline (dry run).
 */

/** Validators only read `Raw*` fields, and the largest is Raw128. */
const MAX_COMMITMENT_BYTES = 128;
const MAX_REPO_ID_BYTES = 32;
const MAX_MODEL_FILE_BYTES = 32;
const MAX_CODE_FILE_BYTES = 31;
const bytes = (s) => Buffer.byteLength(s, "utf8");
/** What validators compare a downloaded model's hash with: 64 lowercase hex digits. */
const isSha256Hex = (text) => /^[0-9a-f]{64}$/.test(text);
function commitmentString(c) {
    return `${c.repoId}:${c.stem}:${c.competitionId}:${c.sha256}`;
}
/** `name.onnx` -> `name`; the stem the validators rebuild both file names from. */
function modelStem(modelFileName) {
    if (!modelFileName.endsWith(".onnx"))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the model file name "${modelFileName}" must end in .onnx (validators fetch {stem}.onnx)`);
    return modelFileName.slice(0, -".onnx".length);
}
/** Every limit validators and the chain impose, with the part to shorten named. */
function checkCommitment(c) {
    const problems = [];
    if (!/^[\w.-]+\/[\w.-]+$/.test(c.repoId))
        problems.push(`hf-repo-id "${c.repoId}" must look like owner/name`);
    if (bytes(c.repoId) > MAX_REPO_ID_BYTES)
        problems.push(`hf-repo-id "${c.repoId}" is ${bytes(c.repoId)} bytes; validators accept at most ${MAX_REPO_ID_BYTES}`);
    if (bytes(`${c.stem}.onnx`) > MAX_MODEL_FILE_BYTES)
        problems.push(`model file name "${c.stem}.onnx" is ${bytes(`${c.stem}.onnx`)} bytes; at most ${MAX_MODEL_FILE_BYTES}`);
    if (bytes(`${c.stem}.zip`) > MAX_CODE_FILE_BYTES)
        problems.push(`code file name "${c.stem}.zip" is ${bytes(`${c.stem}.zip`)} bytes; at most ${MAX_CODE_FILE_BYTES}`);
    if (!c.stem || c.stem.includes(":") || c.stem.includes("/"))
        problems.push(`model name "${c.stem}" must be non-empty without ":" or "/"`);
    if (c.competitionId.includes(":"))
        problems.push(`competition id "${c.competitionId}" must not contain ":"`);
    if (!isSha256Hex(c.sha256))
        problems.push("the model hash must be 64 lowercase hex digits (SHA-256)");
    const text = commitmentString(c);
    if (bytes(text) > MAX_COMMITMENT_BYTES) {
        const parts = [
            ["hf-repo-id", bytes(c.repoId)],
            ["hf-model-name", bytes(c.stem)],
            ["competition-id", bytes(c.competitionId)],
        ];
        const longest = [...parts].sort((a, b) => b[1] - a[1])[0];
        problems.push(`the commitment is ${bytes(text)} bytes, over the chain's ${MAX_COMMITMENT_BYTES} (Raw128): shorten ${longest[0]} ` +
            `(${longest[1]} bytes) by at least ${bytes(text) - MAX_COMMITMENT_BYTES}`);
    }
    if (problems.length > 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`cannot commit this model: ${problems.join("; ")}`);
    return text;
}
/** A reader's view: exactly 4 `:`-separated parts, as validators split it. */
function parseCommitment(text) {
    const parts = text.split(":");
    if (parts.length !== 4)
        return undefined;
    const [repoId, stem, competitionId, sha256] = parts;
    return { repoId, stem, competitionId, sha256 };
}
/** Commitments (pallet 18), set_commitment (call 0) on current subtensor runtimes. */
const SET_COMMITMENT = { pallet: 18, call: 0 };
/** SCALE compact encoding of a small unsigned integer. */
function compactU32(n) {
    if (n < 1 << 6)
        return Buffer.from([n << 2]);
    if (n < 1 << 14)
        return Buffer.from([((n << 2) | 1) & 0xff, n >> 6]);
    const b = Buffer.alloc(4);
    b.writeUInt32LE(((n << 2) | 2) >>> 0);
    return b;
}
/**
 * `Commitments.set_commitment(netuid: u16, info: { fields: [Raw{N}(bytes)] })`:
 * pallet, call, netuid LE, compact field count, Data variant index (RawN is
 * N + 1), the N raw bytes.
 */
function encodeSetCommitment(netuid, commitment, index = SET_COMMITMENT) {
    const raw = Buffer.from(commitment, "utf8");
    if (raw.length > MAX_COMMITMENT_BYTES)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the commitment is ${raw.length} bytes, over ${MAX_COMMITMENT_BYTES}`);
    if (!Number.isInteger(netuid) || netuid < 0 || netuid > 0xffff)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`netuid ${netuid} is not a u16`);
    const netuidLe = Buffer.alloc(2);
    netuidLe.writeUInt16LE(netuid);
    const call = Buffer.concat([Buffer.from([index.pallet, index.call]), netuidLe, compactU32(1), Buffer.from([raw.length + 1]), raw]);
    return `0x${call.toString("hex")}`;
}


/***/ }),

/***/ 44319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ hotkeyFromMnemonic)
/* harmony export */ });
/* unused harmony export SS58_PREFIX */
/* harmony import */ var _polkadot_keyring__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29065);
/* harmony import */ var _polkadot_util_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57065);
/* harmony import */ var _polkadot_util_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27861);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/**
 * The miner's hotkey from its mnemonic: sr25519, SS58 prefix 42, plain BIP39
 * with no password or derivation path (what the Python wallet derives). The
 * mnemonic never appears in a message, even a wrong one.
 */



const SS58_PREFIX = 42;
async function hotkeyFromMnemonic(mnemonic) {
    await (0,_polkadot_util_crypto__WEBPACK_IMPORTED_MODULE_1__/* .cryptoWaitReady */ .C)();
    const words = mnemonic.trim().split(/\s+/).join(" ");
    if (!(0,_polkadot_util_crypto__WEBPACK_IMPORTED_MODULE_2__/* .mnemonicValidate */ .F)(words)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`hotkey-mnemonic is not a valid BIP39 mnemonic (${words ? words.split(" ").length : 0} words; check the secret's value)`);
    }
    return new _polkadot_keyring__WEBPACK_IMPORTED_MODULE_3__/* .Keyring */ .S({ type: "sr25519", ss58Format: SS58_PREFIX }).addFromUri(words);
}


/***/ }),

/***/ 66462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ hasMitLicense),
/* harmony export */   Pc: () => (/* binding */ downloadedSha256),
/* harmony export */   SI: () => (/* binding */ uploadInOneCommit),
/* harmony export */   WN: () => (/* binding */ repoState),
/* harmony export */   Xs: () => (/* binding */ checkRepoAcceptable),
/* harmony export */   Zy: () => (/* binding */ zipCode),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE),
/* harmony export */   nT: () => (/* binding */ uploadRecord),
/* harmony export */   u8: () => (/* binding */ createPublicRepo)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1429);
/* harmony import */ var yazl__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(93044);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70017);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71472);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4266);
/**
 * The HuggingFace side of a release: the public model repository with an MIT
 * card (what validators require), the model and zipped code in one commit,
 * the model's SHA-256 as downloaded back (what validators hash), and
 * extrinsic_record.json. Files already on the hub with the same content are
 * not uploaded again.
 */










const RECORD_FILE = "extrinsic_record.json";
const MODEL_CARD = (repoId) => `---
license: mit
tags:
  - cancer-ai
  - bittensor
---

# ${repoId}

A skin-lesion classifier for the CancerAI subnet (Bittensor netuid 76), published by
[cancer-ai-action](https://github.com/safescan/cancer-ai-action). The model file and its
training code share one name: \`<name>.onnx\` and \`<name>.zip\`.
`;
async function hubCall(what, repo, work) {
    try {
        return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(what, work, repo.hub.log, repo.hub.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .CancerAiError */ .hz)
            throw err;
        const status = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .httpStatus */ .nG)(err);
        const hint = status === 401 || status === 403 ? " (is hf-token a write token of the repository's owner?)" : "";
        throw new _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .HubError */ .Ik(`${what} failed: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}${hint}`);
    }
}
async function repoState(repo) {
    const { hubUrl, accessToken } = repo.hub;
    const info = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .modelInfo */ .gi)({ name: repo.repoId, hubUrl, accessToken, additionalFields: ["cardData"] }).catch((err) => {
        if ((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .httpStatus */ .nG)(err) === 404 || (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .httpStatus */ .nG)(err) === 401)
            return undefined;
        throw new _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .HubError */ .Ik(`reading model repository ${repo.repoId} failed: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}`);
    });
    if (!info)
        return { exists: false, isPrivate: false, files: new Map() };
    const card = info.cardData;
    const files = new Map();
    await hubCall(`listing ${repo.repoId}`, repo, async () => {
        for await (const f of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .listFiles */ .CS)({ repo: { type: "model", name: repo.repoId }, hubUrl, accessToken })) {
            if (f.type === "file")
                files.set(f.path, f.lfs?.oid ?? f.oid ?? "");
        }
    });
    return { exists: true, isPrivate: info.private, license: card?.license === undefined ? undefined : String(card.license), files };
}
/** The validators' license rule: the model card's license must contain "mit". */
const hasMitLicense = (state) => (state.license ?? "").toLowerCase().includes("mit");
/** Validators skip private repositories and cards whose license does not contain "mit". */
function checkRepoAcceptable(repo, state) {
    if (state.isPrivate)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${repo.repoId} is private; validators can only download public repositories: make it public on HuggingFace`);
    if (state.exists && !hasMitLicense(state)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${repo.repoId}'s model card declares license "${state.license ?? "none"}"; validators reject repositories whose ` +
            `card license does not contain "mit": set "license: mit" in its README.md front matter`);
    }
}
async function createPublicRepo(repo) {
    const { hubUrl, accessToken } = repo.hub;
    if (!accessToken)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is required to create and upload to the model repository");
    await hubCall(`creating ${repo.repoId}`, repo, () => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .createRepo */ .Td)({
        repo: { type: "model", name: repo.repoId },
        visibility: "public",
        hubUrl,
        accessToken,
        files: [{ path: "README.md", content: new Blob([MODEL_CARD(repo.repoId)]) }],
    }));
    repo.hub.log.info(`created public model repository ${repo.repoId} with an MIT model card`);
}
async function collectFiles(dir, prefix = "") {
    const out = [];
    for (const entry of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if ([".git", "node_modules", "__pycache__", ".venv"].includes(entry.name))
            continue;
        if (entry.isDirectory())
            out.push(...(await collectFiles(dir, rel)));
        else if (entry.isFile())
            out.push(rel);
    }
    return out;
}
/**
 * Zips the training code deterministically (sorted names, fixed timestamps),
 * so the same code gives the same bytes and a re-run uploads nothing.
 */
async function zipCode(codeDir, dest) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(codeDir).catch(() => undefined);
    if (!info?.isDirectory())
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`code-directory ${codeDir} is not a folder`);
    const files = await collectFiles(codeDir);
    if (files.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`code-directory ${codeDir} is empty: validators expect the training code`);
    const zip = new yazl__WEBPACK_IMPORTED_MODULE_6__/* .ZipFile */ .u();
    const mtime = new Date("2000-01-01T00:00:00Z");
    for (const file of files)
        zip.addFile(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(codeDir, file), file, { mtime, mode: 0o100644 });
    zip.end();
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    zip.outputStream.on("data", (chunk) => hash.update(chunk));
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(zip.outputStream, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
    return hash.digest("hex");
}
/** One commit with every file given; returns the commit's id. */
async function uploadInOneCommit(repo, files, title) {
    const { hubUrl, accessToken } = repo.hub;
    if (!accessToken)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is required to upload to the model repository");
    const blobs = await Promise.all(files.map(async (f) => ({ path: f.path, content: await (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openAsBlob)(f.local) })));
    const output = await hubCall(`uploading ${files.map((f) => f.path).join(", ")} to ${repo.repoId}`, repo, () => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .uploadFiles */ .Zn)({ repo: { type: "model", name: repo.repoId }, files: blobs, commitTitle: title, hubUrl, accessToken }));
    return output?.commit.oid;
}
async function uploadRecord(repo, record) {
    const { hubUrl, accessToken } = repo.hub;
    await hubCall(`uploading ${RECORD_FILE} to ${repo.repoId}`, repo, () => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .uploadFiles */ .Zn)({
        repo: { type: "model", name: repo.repoId },
        files: [{ path: RECORD_FILE, content: new Blob([`${JSON.stringify(record)}\n`]) }],
        commitTitle: `Record commitment extrinsic ${record.extrinsic}`,
        hubUrl,
        accessToken,
    }));
}
/** SHA-256 of a file as the hub serves it (what validators compare with the commitment), optionally kept at `dest`. */
async function downloadedSha256(repo, file, dest) {
    const { hubUrl, accessToken } = repo.hub;
    return hubCall(`downloading ${repo.repoId}/${file}`, repo, async () => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .downloadFile */ .PE)({ repo: { type: "model", name: repo.repoId }, path: file, hubUrl, accessToken, xet: false });
        if (!blob)
            throw new _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .HubError */ .Ik(`${repo.repoId}/${file} is not on the hub`);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
        const out = dest ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest) : undefined;
        for await (const chunk of blob.stream()) {
            hash.update(chunk);
            if (out && !out.write(chunk))
                await new Promise((resolve) => out.once("drain", () => resolve()));
        }
        if (out)
            await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
        return hash.digest("hex");
    });
}
async function readRecord(repo) {
    const { hubUrl, accessToken } = repo.hub;
    const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .downloadFile */ .PE)({ repo: { type: "model", name: repo.repoId }, path: RECORD_FILE, hubUrl, accessToken, xet: false }).catch(() => null);
    if (!blob)
        return undefined;
    try {
        const json = JSON.parse(await blob.text());
        return typeof json.hotkey === "string" && typeof json.extrinsic === "string"
            ? { hotkey: json.hotkey, extrinsic: json.extrinsic }
            : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 46672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PA: () => (/* binding */ dryRun),
/* harmony export */   _r: () => (/* binding */ release)
/* harmony export */ });
/* unused harmony export preflight */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92500);
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40816);
/* harmony import */ var _util_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16178);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _hotkey_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44319);
/* harmony import */ var _engine_inference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99109);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(66462);








/** Everything that can be checked without a network: model, names, lengths, hotkey. */
async function preflight(req) {
    const stem = (0,_commitment_js__WEBPACK_IMPORTED_MODULE_2__/* .modelStem */ .J$)(req.modelName || node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(req.modelPath));
    await (await (0,_engine_inference_js__WEBPACK_IMPORTED_MODULE_6__/* .loadModel */ .cm)(req.modelPath, req.competition)).close();
    const localHash = await (0,_util_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q)(req.modelPath);
    const commitment = (0,_commitment_js__WEBPACK_IMPORTED_MODULE_2__/* .checkCommitment */ .qN)({ repoId: req.repoId, stem, competitionId: req.competition.id, sha256: localHash });
    if (!Number.isInteger(req.netuid) || req.netuid < 0 || req.netuid > 0xffff)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`netuid ${req.netuid} is not a subnet id (0..65535)`);
    const pair = await (0,_hotkey_js__WEBPACK_IMPORTED_MODULE_5__/* .hotkeyFromMnemonic */ .t)(req.mnemonic);
    return { pair, stem, localHash, commitment };
}
/** The offline checks and the exact call that would be sent (the hub serves the same bytes, so the local hash is the hash). */
async function dryRun(req) {
    const { pair, localHash, commitment } = await preflight(req);
    return { commitment, call_data: (0,_commitment_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeSetCommitment */ .sP)(req.netuid, commitment), hotkey: pair.address, model_hash: localHash };
}
async function release(req) {
    const { log } = req.hub;
    const { pair, stem, localHash, commitment } = await preflight(req);
    const hotkey = pair.address;
    let api;
    try {
        if (req.submit) {
            api = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(req.network);
            const uid = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .uidOf */ .kz)(api, req.netuid, hotkey);
            if (uid === undefined)
                throw new _chain_js__WEBPACK_IMPORTED_MODULE_1__/* .ChainError */ .Iv(`hotkey ${hotkey} is not registered on subnet ${req.netuid} of ${req.network}: register it before releasing ` +
                    `(validators only read registered hotkeys' commitments)`);
            log.info(`hotkey ${hotkey} is uid ${uid} on subnet ${req.netuid}`);
        }
        const repo = { repoId: req.repoId, hub: req.hub };
        const uploaded = await publishFiles(req, repo, stem, localHash);
        const modelHash = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .downloadedSha256 */ .Pc)(repo, `${stem}.onnx`);
        if (modelHash !== localHash)
            throw new _chain_js__WEBPACK_IMPORTED_MODULE_1__/* .ChainError */ .Iv(`${req.repoId}/${stem}.onnx on the hub has SHA-256 ${modelHash}, not the local model's ${localHash}: the upload did not take`);
        const base = {
            hotkey,
            modelHash,
            commitment,
            callData: (0,_commitment_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeSetCommitment */ .sP)(req.netuid, commitment),
            hfUrl: `${req.hub.hubUrl}/${req.repoId}`,
            uploaded,
        };
        if (!api)
            return { ...base, committed: false, recorded: false };
        const { extrinsic, committed } = await commitOnce(api, pair, req, commitment);
        const existing = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .readRecord */ .aE)(repo);
        const recorded = existing?.hotkey !== hotkey || existing.extrinsic !== extrinsic.id;
        if (recorded)
            await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .uploadRecord */ .nT)(repo, { hotkey, extrinsic: extrinsic.id });
        log.info(recorded ? `${_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .RECORD_FILE */ .lt} uploaded: ${extrinsic.id}` : `${_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .RECORD_FILE */ .lt} already names ${extrinsic.id}`);
        return { ...base, extrinsic: extrinsic.id, committed, recorded };
    }
    finally {
        await api?.disconnect();
    }
}
async function publishFiles(req, repo, stem, localHash) {
    const { log } = req.hub;
    let state = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .repoState */ .WN)(repo);
    if (!state.exists) {
        await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .createPublicRepo */ .u8)(repo);
        state = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .repoState */ .WN)(repo);
    }
    (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .checkRepoAcceptable */ .Xs)(repo, state);
    const files = [];
    if (state.files.get(`${stem}.onnx`) !== localHash)
        files.push({ path: `${stem}.onnx`, local: req.modelPath });
    if (req.codeDir) {
        const zip = node_path__WEBPACK_IMPORTED_MODULE_0___default().join(req.workDir, `${stem}.zip`);
        const zipHash = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .zipCode */ .Zy)(req.codeDir, zip);
        if (state.files.get(`${stem}.zip`) !== zipHash)
            files.push({ path: `${stem}.zip`, local: zip });
    }
    else if (!state.files.has(`${stem}.zip`)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${req.repoId} has no ${stem}.zip and no code-directory was given: validators expect the training code next to the model`);
    }
    if (files.length === 0) {
        log.info(`${req.repoId} already holds ${stem}.onnx and ${stem}.zip with this content: nothing to upload`);
        return false;
    }
    const commit = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_7__/* .uploadInOneCommit */ .SI)(repo, files, `Release ${stem} (${files.map((f) => f.path).join(", ")})`);
    log.info(`uploaded ${files.map((f) => f.path).join(" and ")} to ${req.repoId} in one commit${commit ? ` (${commit.slice(0, 7)})` : ""}`);
    return true;
}
/** Commits unless the chain already holds exactly this commitment for the hotkey. */
async function commitOnce(api, pair, req, commitment) {
    const { log } = req.hub;
    const current = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .readCommitment */ .Q5)(api, req.netuid, pair.address);
    if (current?.text === commitment) {
        const found = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .findCommitExtrinsic */ .wX)(api, current.block, pair.address, commitment);
        if (!found)
            throw new _chain_js__WEBPACK_IMPORTED_MODULE_1__/* .ChainError */ .Iv(`the commitment is on chain since block ${current.block}, but that block has no matching extrinsic (an archive node may be needed)`);
        log.info(`the chain already holds this commitment (extrinsic ${found.id}): not committing again`);
        return { extrinsic: found, committed: false };
    }
    const extrinsic = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .submitCommitment */ .u6)(api, pair, req.netuid, commitment, log, () => (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(req.network));
    // After a dropped connection the first API is dead: verify through a new one.
    const reader = api.isConnected ? api : await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)(req.network);
    try {
        const readBack = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .readCommitment */ .Q5)(reader, req.netuid, pair.address);
        const verified = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .findCommitExtrinsic */ .wX)(reader, extrinsic.block, pair.address, commitment);
        if (readBack?.text !== commitment || verified?.id !== extrinsic.id) {
            throw new _chain_js__WEBPACK_IMPORTED_MODULE_1__/* .ChainError */ .Iv(`the commitment was finalized as ${extrinsic.id}, but reading it back does not show it signed by ${pair.address}`);
        }
    }
    finally {
        if (reader !== api)
            await reader.disconnect();
    }
    log.info(`committed on chain: ${extrinsic.id}`);
    return { extrinsic, committed: true };
}


/***/ }),

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W2: () => (/* binding */ leaderboard),
/* harmony export */   p6: () => (/* binding */ selfCheck)
/* harmony export */ });
/* unused harmony exports COMMIT_LEAD_MINUTES, blockTime */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1429);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92500);
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40816);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71472);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66462);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4266);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(68714);









/** Validators evaluate a model only on packages released at least this long after its commitment. */
const COMMIT_LEAD_MINUTES = 120;
/** The block's time, from its timestamp inherent (every block carries one). */
async function blockTime(api, block) {
    const { block: content } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(block));
    const inherent = content.extrinsics.find((ex) => ex.method.section === "timestamp" && ex.method.method === "set");
    return inherent ? new Date(Number(inherent.method.args[0].toString())) : undefined;
}
class Checklist {
    checks = [];
    add(name, status, detail) {
        this.checks.push({ name, status, detail });
        return status !== "fail";
    }
    skipRest(names, why) {
        for (const name of names)
            this.add(name, "skip", why);
    }
}
const STEPS = [
    "hotkey registered",
    "commitment on chain",
    "HuggingFace repository",
    "model and code files",
    "model hash",
    _publish_js__WEBPACK_IMPORTED_MODULE_6__/* .RECORD_FILE */ .lt,
    "commitment age",
    "evaluation",
];
async function selfCheck(req) {
    const list = new Checklist();
    const result = (commitment, evaluation) => ({
        hotkey: req.hotkey,
        netuid: req.netuid,
        commitment,
        checks: list.checks,
        evaluation,
        passed: list.checks.every((c) => c.status !== "fail"),
    });
    const api = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(req.network);
    try {
        const uid = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .uidOf */ .kz)(api, req.netuid, req.hotkey);
        if (!list.add(STEPS[0], uid === undefined ? "fail" : "pass", uid === undefined ? `not registered on subnet ${req.netuid}` : `uid ${uid} on subnet ${req.netuid}`)) {
            list.skipRest(STEPS.slice(1), "the hotkey is not registered");
            return result();
        }
        const onChain = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .readCommitment */ .Q5)(api, req.netuid, req.hotkey);
        const commitment = onChain ? (0,_commitment_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommitment */ .Dz)(onChain.text) : undefined;
        const commitmentProblem = !onChain
            ? "no commitment for this hotkey"
            : !commitment
                ? `"${onChain.text}" does not split into 4 parts (repo:stem:competition:sha256)`
                : commitment.competitionId !== req.competition.id
                    ? `committed for competition ${commitment.competitionId}, not ${req.competition.id}`
                    : !(0,_commitment_js__WEBPACK_IMPORTED_MODULE_3__/* .isSha256Hex */ .P4)(commitment.sha256)
                        ? `the hash "${commitment.sha256}" is not a SHA-256`
                        : undefined;
        if (!list.add(STEPS[1], commitmentProblem ? "fail" : "pass", commitmentProblem ?? `${onChain?.text} (block ${onChain?.block})`) ||
            !commitment ||
            !onChain) {
            list.skipRest(STEPS.slice(2), "no usable commitment");
            return result(commitment);
        }
        const repo = { repoId: commitment.repoId, hub: req.hub };
        const state = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .repoState */ .WN)(repo);
        const repoProblem = !state.exists
            ? "does not exist (or is private)"
            : state.isPrivate
                ? "is private"
                : !(0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .hasMitLicense */ .Ai)(state)
                    ? `card license "${state.license ?? "none"}" does not contain "mit"`
                    : undefined;
        if (!list.add(STEPS[2], repoProblem ? "fail" : "pass", repoProblem ? `${commitment.repoId} ${repoProblem}` : `${commitment.repoId}: public, license ${state.license}`)) {
            list.skipRest(STEPS.slice(3), "the repository is not usable");
            return result(commitment);
        }
        const missing = [`${commitment.stem}.onnx`, `${commitment.stem}.zip`].filter((f) => !state.files.has(f));
        if (!list.add(STEPS[3], missing.length ? "fail" : "pass", missing.length ? `missing ${missing.join(" and ")}` : `${commitment.stem}.onnx and ${commitment.stem}.zip`)) {
            list.skipRest(STEPS.slice(4), "the model file is missing");
            return result(commitment);
        }
        const modelFile = req.evaluate ? node_path__WEBPACK_IMPORTED_MODULE_0___default().join(req.evaluate.modelDir, `${commitment.stem}.onnx`) : undefined;
        const served = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .downloadedSha256 */ .Pc)(repo, `${commitment.stem}.onnx`, modelFile);
        list.add(STEPS[4], served === commitment.sha256 ? "pass" : "fail", served === commitment.sha256 ? served : `the hub serves ${served}, the commitment says ${commitment.sha256}`);
        list.add(STEPS[5], ...(await checkRecord(api, repo, req.hotkey, onChain.text, served)));
        list.add(STEPS[6], ...(await checkAge(api, onChain.block, req)));
        if (!req.evaluate || !modelFile) {
            list.add(STEPS[7], "skip", "not requested");
            return result(commitment);
        }
        try {
            const evaluation = await (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_8__/* .runEvaluation */ .K2)({
                ...req.evaluate,
                modelPath: modelFile,
                competition: req.competition,
                hub: req.hub,
                configRepo: req.configRepo,
            });
            list.add(STEPS[7], "pass", `score ${evaluation.score.toFixed(6)} on ${evaluation.datasets.map((d) => d.dataset).join(", ")}`);
            return result(commitment, evaluation);
        }
        catch (err) {
            list.add(STEPS[7], "fail", (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(err));
            return result(commitment);
        }
    }
    finally {
        await api.disconnect();
    }
}
async function checkRecord(api, repo, hotkey, text, servedHash) {
    const record = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .readRecord */ .aE)(repo);
    if (!record)
        return ["fail", `${repo.repoId} has no readable ${_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .RECORD_FILE */ .lt}`];
    if (record.hotkey !== hotkey)
        return ["fail", `it names hotkey ${record.hotkey}, not ${hotkey}`];
    const match = /^(\d+)-(\d+)$/.exec(record.extrinsic);
    if (!match)
        return ["fail", `extrinsic "${record.extrinsic}" is not <block>-<index>`];
    const found = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .findCommitExtrinsic */ .wX)(api, Number(match[1]), hotkey, text).catch(() => undefined);
    if (!found || found.index !== Number(match[2])) {
        return ["fail", `block ${match[1]} has no set_commitment at index ${match[2]} signed by ${hotkey} carrying this commitment`];
    }
    if (!text.endsWith(`:${servedHash}`))
        return ["fail", `the recorded commitment's hash is not the served model's ${servedHash}`];
    return ["pass", `${record.extrinsic}: signed by the hotkey, carries the model's hash`];
}
async function checkAge(api, block, req) {
    const committedAt = await blockTime(api, block);
    if (!committedAt)
        return ["warn", `block ${block} has no timestamp`];
    const eligibleFrom = new Date(committedAt.getTime() + COMMIT_LEAD_MINUTES * 60_000);
    const now = req.now ?? new Date();
    let newest;
    try {
        newest = (await (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_5__/* .discoverDatasets */ .Xc)(req.competition.id, req.configRepo, req.hub))[0]?.date;
    }
    catch (err) {
        return ["warn", `committed ${committedAt.toISOString()}; the newest dataset package could not be listed (${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(err)})`];
    }
    if (eligibleFrom > now) {
        const minutes = Math.ceil((eligibleFrom.getTime() - now.getTime()) / 60_000);
        return [
            "warn",
            `committed ${committedAt.toISOString()}: validators evaluate it only on packages released from ` +
                `${eligibleFrom.toISOString()}, in ${minutes} min`,
        ];
    }
    const note = newest && new Date(newest) < eligibleFrom
        ? `; the newest package (${newest}) came out before that, so the next package is the first it is scored on`
        : "";
    return ["pass", `committed ${committedAt.toISOString()}, eligible for packages released from ${eligibleFrom.toISOString()}${note}`];
}
/** Every commitment on the subnet for the competition, checked read-only (no downloads of models, no evaluation). */
async function leaderboard(network, netuid, competition, hub) {
    const api = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(network);
    try {
        const entries = await api.query.commitments.commitmentOf.entries(netuid);
        const rows = [];
        for (const [key] of entries) {
            const hotkey = key.args[1].toString();
            const onChain = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .readCommitment */ .Q5)(api, netuid, hotkey);
            const parsed = onChain ? (0,_commitment_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommitment */ .Dz)(onChain.text) : undefined;
            if (!onChain || !parsed || parsed.competitionId !== competition.id)
                continue;
            const repo = { repoId: parsed.repoId, hub };
            let hashMatches = false;
            try {
                for await (const f of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_1__/* .listFiles */ .CS)({
                    repo: { type: "model", name: parsed.repoId },
                    hubUrl: hub.hubUrl,
                    accessToken: hub.accessToken,
                })) {
                    if (f.path === `${parsed.stem}.onnx`)
                        hashMatches = f.lfs?.oid === parsed.sha256;
                }
            }
            catch {
                hashMatches = false;
            }
            const record = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .readRecord */ .aE)(repo);
            rows.push({
                hotkey,
                block: onChain.block,
                commitment: onChain.text,
                repo: parsed.repoId,
                hashMatches,
                recordMatches: record?.hotkey === hotkey,
            });
        }
        return rows.sort((a, b) => a.block - b.block);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancerAiError */ .hz)
            throw err;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancerAiError */ .hz(`reading the commitments of subnet ${netuid} failed: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(err)}`);
    }
    finally {
        await api.disconnect();
    }
}


/***/ }),

/***/ 67709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QL: () => (/* binding */ checklistText),
/* harmony export */   a5: () => (/* binding */ checklistMarkdown),
/* harmony export */   js: () => (/* binding */ selfCheckJson),
/* harmony export */   kU: () => (/* binding */ releaseSummary),
/* harmony export */   pO: () => (/* binding */ leaderboardMarkdown),
/* harmony export */   qu: () => (/* binding */ releaseJson)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);

/** The job summary's release section: what was published where, with links. */
function releaseSummary(result) {
    const changed = [
        result.uploaded && "uploaded to HuggingFace",
        result.committed && "committed on chain",
        result.recorded && "recorded the extrinsic",
    ].filter(Boolean);
    return [
        "### CancerAI release",
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(["", ""], [
            ["model repository", `[${result.hfUrl}](${result.hfUrl})`],
            ["model SHA-256 (as served)", `\`${result.modelHash}\``],
            ["commitment", `\`${result.commitment}\``],
            ["hotkey", `\`${result.hotkey}\``],
            ["extrinsic", result.extrinsic ? `\`${result.extrinsic}\`` : "not submitted"],
        ]),
        "",
        changed.length > 0 ? `This run ${changed.join(", ")}.` : "Everything was already published: this run changed nothing.",
    ].join("\n");
}
const MARK = { pass: "✓", fail: "✗", warn: "!", skip: "-" };
/** The self-check as a terminal checklist. */
function checklistText(result) {
    const rows = result.checks.map((c) => [`  ${MARK[c.status]} ${c.name}`, c.detail]);
    const verdict = result.passed ? "every check a validator applies passed" : "a validator would reject this model";
    return [`self-check of ${result.hotkey} on subnet ${result.netuid}`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .pad */ .eV)(rows), "", verdict].join("\n");
}
/** The self-check for the job summary. */
function checklistMarkdown(result) {
    return [
        `### CancerAI self-check: ${result.passed ? "✓ passes" : "✗ would be rejected"}`,
        "",
        `Hotkey \`${result.hotkey}\` on subnet ` +
            `${result.netuid}${result.commitment ? `, model \`${result.commitment.repoId}/${result.commitment.stem}.onnx\`` : ""}.`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(["", "check", "detail"], result.checks.map((c) => [MARK[c.status], c.name, c.detail.replace(/\|/g, "\\|")])),
    ].join("\n");
}
/** The subnet's commitments for a competition, read-only. */
function leaderboardMarkdown(rows, competition, netuid) {
    return [
        `### CancerAI commitments for ${competition.id} on subnet ${netuid}`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(["hotkey", "repository", "block", "hash", "record"], rows.map((r) => [`\`${r.hotkey}\``, r.repo ?? "", String(r.block), r.hashMatches ? "✓" : "✗", r.recordMatches ? "✓" : "✗"])),
    ].join("\n");
}
/** The self-check as a machine reads it (results-path): snake_case, like results.json. */
function selfCheckJson(result) {
    const c = result.commitment;
    return {
        hotkey: result.hotkey,
        netuid: result.netuid,
        commitment: c && { repo_id: c.repoId, stem: c.stem, competition_id: c.competitionId, sha256: c.sha256 },
        checks: result.checks,
        evaluation: result.evaluation,
        passed: result.passed,
    };
}
/** A release as a machine reads it (the CLI's stdout): snake_case, like results.json. */
function releaseJson(result) {
    return {
        hotkey: result.hotkey,
        model_hash: result.modelHash,
        commitment: result.commitment,
        call_data: result.callData,
        hf_url: result.hfUrl,
        extrinsic: result.extrinsic,
        uploaded: result.uploaded,
        committed: result.committed,
        recorded: result.recorded,
    };
}


/***/ }),

/***/ 67355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ baselineFor),
/* harmony export */   Fd: () => (/* binding */ toBaseline),
/* harmony export */   Ji: () => (/* binding */ comparableScore),
/* harmony export */   W3: () => (/* binding */ restoreBaseline),
/* harmony export */   XY: () => (/* binding */ saveBaseline)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The base branch's last results, for the deltas in a pull request's report.
 * A push to the default branch saves a small summary in the Actions cache
 * under a key per competition, branch and commit; a pull request restores
 * the newest one of its base branch by key prefix. No external storage.
 */


function toBaseline(report, branch, commit, now = new Date()) {
    return {
        branch,
        commit,
        created: now.toISOString(),
        score: report.score,
        datasets: report.datasets.map(({ dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class }) => ({
            dataset,
            score,
            accuracy,
            weighted_f1,
            efficiency_score,
            f1_by_class,
        })),
    };
}
const keyPrefix = (competition, branch) => `cancer-ai-baseline-${competition}-${branch}-`;
const FILE = "baseline.json";
async function saveBaseline(store, dir, competition, baseline, log) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, FILE), JSON.stringify(baseline));
    const key = `${keyPrefix(competition, baseline.branch)}${baseline.commit}`;
    if (await store.save([dir], key))
        log.info(`baseline for ${baseline.branch} saved as ${key}`);
}
async function restoreBaseline(store, dir, competition, branch, log) {
    const prefix = keyPrefix(competition, branch);
    const key = await store.restore([dir], `${prefix}latest`, [prefix]);
    if (!key) {
        log.info(`no baseline for ${branch} yet (it is saved by a run on a push to ${branch})`);
        return undefined;
    }
    try {
        const baseline = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, FILE), "utf8"));
        log.info(`baseline: ${branch} at ${baseline.commit.slice(0, 7)} (${key})`);
        return baseline;
    }
    catch {
        log.warning(`the baseline restored from ${key} is unreadable; reporting without deltas`);
        return undefined;
    }
}
/** The baseline's scores for the same dataset package, if it was evaluated on it. */
function baselineFor(baseline, dataset) {
    return baseline?.datasets.find((d) => d.dataset === dataset);
}
/** The mean score is only comparable when both runs used the same packages. */
function comparableScore(baseline, report) {
    if (!baseline)
        return undefined;
    const same = baseline.datasets.length === report.datasets.length && report.datasets.every((d) => baselineFor(baseline, d.dataset));
    return same ? baseline.score : undefined;
}


/***/ }),

/***/ 18347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ applyGate)
/* harmony export */ });
/** The score gate: fail on a low score or on a drop against the base branch. */
function applyGate(score, baselineScore, rule) {
    const reasons = [];
    const f = (v) => v.toFixed(6);
    if (rule.minScore !== undefined && score < rule.minScore) {
        reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
    }
    if (rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
        reasons.push(`score ${f(score)} dropped ${f(baselineScore - score)} from the base branch's ${f(baselineScore)}, more than ` +
            `max-score-drop ${f(rule.maxScoreDrop)}`);
    }
    return { passed: reasons.length === 0, reasons };
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ textReport),
/* harmony export */   qN: () => (/* binding */ markdownReport)
/* harmony export */ });
/* unused harmony exports COMMENT_LIMIT, delta */
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67355);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
/**
 * Human-readable views of a run: a terminal table, and the Markdown used for
 * both the job summary and the pull request comment (with deltas against the
 * base branch and a per-class F1 chart). Pure functions of the results.
 */


const RISK_LABEL = { high_risk: "high", medium_risk: "medium", benign: "benign" };
/** GitHub refuses comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65536;
/** "▲ +0.012000" / "▼ -0.003000" / "= 0" against a baseline value, or "" without one. */
function delta(value, base) {
    if (base === undefined)
        return "";
    const d = value - base;
    if (Math.abs(d) < 5e-7)
        return "= 0";
    return `${d > 0 ? "▲ +" : "▼ "}${d.toFixed(6)}`;
}
function support(result, classIndex) {
    return result.confusion_matrix[classIndex].reduce((a, b) => a + b, 0);
}
function headline(result) {
    return [
        ["score", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.score)],
        ["accuracy", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.accuracy)],
        ["weighted F1", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.weighted_f1)],
        ["efficiency", `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.efficiency_score)} (model ${result.model_size_mb.toFixed(2)} MiB)`],
        ["precision / recall / F1 (weighted)", `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.precision)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.recall)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.fbeta)}`],
        ["images", `${result.tested_entries} in ${result.run_time_s.toFixed(1)} s`],
    ];
}
function textReport(result, competition) {
    const lines = [`${competition.id} on ${result.dataset}`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pad */ .eV)(headline(result).map(([k, v]) => [`  ${k}`, v])), ""];
    lines.push((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pad */ .eV)([
        ["  risk category", "F1"],
        ...competition.riskWeights.map(([risk, w]) => [`  ${RISK_LABEL[risk]} (x${w})`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.risk_category_scores[risk])]),
    ]));
    lines.push("");
    const classRows = competition.classes.map((c, i) => [
        `  ${c.short}`,
        RISK_LABEL[c.risk],
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.f1_by_class[i]),
        String(support(result, i)),
    ]);
    lines.push((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pad */ .eV)([["  class", "risk", "F1", "images"], ...classRows]));
    return lines.join("\n");
}
/** A bar chart GitHub renders from a Mermaid block; a picture reads faster than 11 numbers. */
function f1Chart(result, competition) {
    return [
        "```mermaid",
        "xychart-beta",
        '  title "F1 by class"',
        `  x-axis [${competition.classes.map((c) => c.short).join(", ")}]`,
        '  y-axis "F1" 0 --> 1',
        `  bar [${result.f1_by_class.map((v) => v.toFixed(4)).join(", ")}]`,
        "```",
    ].join("\n");
}
function datasetDetails(result, competition, baseline, full) {
    const base = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .baselineFor */ .Bu)(baseline, result.dataset);
    const metricRows = [
        ["score", result.score, base?.score],
        ["accuracy", result.accuracy, base?.accuracy],
        ["weighted F1", result.weighted_f1, base?.weighted_f1],
        ["efficiency", result.efficiency_score, base?.efficiency_score],
    ].map(([name, value, was]) => [name, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(value), delta(value, was)]);
    const when = result.dataset_date ? `, released ${result.dataset_date}` : "";
    const parts = [
        `#### ${result.dataset_uri ?? result.dataset}${when}`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["metric", "value", "vs base"], metricRows),
        "",
        `${result.tested_entries} images in ${result.run_time_s.toFixed(1)} s; model ${result.model_size_mb.toFixed(2)} MiB; ` +
            `weighted precision / recall / F1 ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.precision)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.recall)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.fbeta)}.`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["risk category", "weight", "F1"], competition.riskWeights.map(([risk, w]) => [RISK_LABEL[risk], String(w), (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.risk_category_scores[risk])])),
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["class", "name", "risk", "F1", "vs base", "images"], competition.classes.map((c, i) => [
            c.short,
            c.name,
            RISK_LABEL[c.risk],
            (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(result.f1_by_class[i]),
            delta(result.f1_by_class[i], base?.f1_by_class[i]),
            String(support(result, i)),
        ])),
    ];
    if (full) {
        const short = competition.classes.map((c) => c.short);
        parts.push("", f1Chart(result, competition), "", "<details><summary>Confusion matrix (rows: true class, columns: predicted)</summary>", "", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["", ...short], result.confusion_matrix.map((row, i) => [`**${short[i]}**`, ...row.map(String)])), "", "</details>");
    }
    return parts.join("\n");
}
function markdownReport(report, competition, options = {}) {
    const { baseline, limit = COMMENT_LIMIT } = options;
    const baseScore = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .comparableScore */ .Ji)(baseline, report);
    const vs = baseScore !== undefined ? ` ${delta(report.score, baseScore)} vs ${baseline?.branch}` : "";
    const mean = report.datasets.length > 1 ? `mean score over ${report.datasets.length} packages` : "score";
    const head = [
        ...(options.marker ? [options.marker] : []),
        `### CancerAI ${competition.id}: ${mean} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(report.score)}${vs}`,
        "",
        ...(report.datasets.length > 1
            ? [
                (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["package", "released", "score", "vs base"], report.datasets.map((d) => [
                    d.dataset,
                    d.dataset_date ?? "",
                    (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(d.score),
                    delta(d.score, (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .baselineFor */ .Bu)(baseline, d.dataset)?.score),
                ])),
                "",
            ]
            : []),
    ].join("\n");
    const model = report.datasets[0]?.model_sha256 ?? "";
    const baseNote = baseline
        ? `Baseline: \`${baseline.branch}\` at \`${baseline.commit.slice(0, 7)}\` (${baseline.created}).`
        : "No baseline from the base branch yet.";
    const tail = [`Model \`${model}\`. ${baseNote}`, ...(options.footer ? ["", options.footer] : [])].join("\n");
    const assemble = (full, shown) => [head, ...report.datasets.slice(0, shown).map((d) => datasetDetails(d, competition, baseline, full)), "", tail].join("\n");
    // Shrink to fit: drop charts and matrices first, then per-package details.
    for (const [full, shown] of [
        [true, report.datasets.length],
        [false, report.datasets.length],
        [false, 1],
    ]) {
        const body = assemble(full, shown);
        if (body.length <= limit)
            return body;
    }
    const note = "\n\n_Report truncated to fit a comment; the job summary and the results artifact have everything._";
    return assemble(false, 1).slice(0, limit - note.length) + note;
}


/***/ }),

/***/ 37086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ noCache)
/* harmony export */ });
/** No service at all: for the CLI, whose download folder persists by itself. */
const noCache = {
    restore: async () => undefined,
    save: async () => false,
};


/***/ }),

/***/ 16178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


/** SHA-256 hex of a file, streamed (packages and models can be large). */
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest("hex");
}


/***/ }),

/***/ 75787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ writeJson),
/* harmony export */   f: () => (/* binding */ writeWhole)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/** Files a reader never sees half-written. */


/** Writes through a temporary file and a rename, so a reader never sees half a file; returns the absolute path. */
async function writeWhole(file, content) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(partial, content);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(partial, target);
    return target;
}
/** A JSON document (results.json and the like), pretty-printed, written whole. */
async function writeJson(file, document) {
    return writeWhole(file, `${JSON.stringify(document, null, 2)}\n`);
}


/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ consoleLog),
/* harmony export */   x: () => (/* binding */ progressReporter)
/* harmony export */ });
/** A terminal log: everything to stderr, so that stdout stays clean for results. */
const consoleLog = {
    info: (message) => process.stderr.write(`${message}\n`),
    warning: (message) => process.stderr.write(`warning: ${message}\n`),
    group: async (title, work) => {
        process.stderr.write(`== ${title}\n`);
        return work();
    },
};
/** Emits at most one progress line per `intervalMs`, plus the last one. */
function progressReporter(log, total, what, intervalMs = 5000) {
    const start = Date.now();
    let last = start;
    return (done) => {
        const now = Date.now();
        if (done < total && now - last < intervalMs)
            return;
        last = now;
        const seconds = (now - start) / 1000;
        const rate = seconds > 0 ? done / seconds : 0;
        const eta = rate > 0 && done < total ? `, ETA ${Math.ceil((total - done) / rate)} s` : "";
        log.info(`${what}: ${done}/${total} (${rate.toFixed(1)}/s${eta})`);
    };
}


/***/ }),

/***/ 4266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   wj: () => (/* binding */ withTimeout)
/* harmony export */ });
/* unused harmony export isTransient */
const DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1000 };
/** The HTTP status of a client's error: `statusCode` (@huggingface/hub) or `status` (Octokit); undefined without one. */
function httpStatus(err) {
    if (typeof err !== "object" || err === null)
        return undefined;
    const status = "statusCode" in err ? Number(err.statusCode) : "status" in err ? Number(err.status) : NaN;
    return Number.isFinite(status) ? status : undefined;
}
/** A status code worth another try, or a network-level failure (no status at all). */
function isTransient(err) {
    if (typeof err !== "object" || err === null)
        return false;
    const status = httpStatus(err);
    if (status !== undefined)
        return status === 429 || status >= 500;
    // fetch() reports refused, reset and dropped connections as a TypeError with a cause.
    return err instanceof TypeError || err.name === "TypeError" || "code" in err;
}
async function withRetry(what, work, log, policy = DEFAULT_RETRY) {
    for (let attempt = 1;; attempt++) {
        try {
            return await work();
        }
        catch (err) {
            if (attempt >= policy.attempts || !isTransient(err))
                throw err;
            const delay = policy.baseDelayMs * 2 ** (attempt - 1);
            log.warning(`${what} failed (${describeError(err)}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.attempts})`);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
/** The work's result, or `onTimeout()`'s error once `ms` have passed (the work itself is not cancelled). */
function withTimeout(promise, ms, onTimeout) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(onTimeout()), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
/** One line about an error, including a network error's cause (ECONNREFUSED, ...). */
function describeError(err) {
    if (!(err instanceof Error) && !(typeof err === "object" && err !== null && "message" in err))
        return String(err);
    const e = err;
    const cause = e.cause && typeof e.cause === "object" && "code" in e.cause ? ` (${String(e.cause.code)})` : "";
    return `${e.message.split("\n")[0]}${cause}`;
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   br: () => (/* binding */ fixed6),
/* harmony export */   eV: () => (/* binding */ pad),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/** Plain-text and Markdown layout shared by every report the tool prints. */
const fixed6 = (v) => v.toFixed(6);
/** Rows as aligned columns for a terminal. */
function pad(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    return rows
        .map((r) => r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd())
        .join("\n");
}
/** A GitHub-flavoured Markdown table. */
function table(head, rows) {
    return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}


/***/ })

};
