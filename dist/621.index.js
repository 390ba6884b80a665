export const id = 621;
export const ids = [621];
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
    checkCombinations(config, source.label);
    return withReportArtifact(config);
}
/** With report-id, artifact-name left at its default becomes <default>-<report-id>: a matrix's jobs upload apart. */
function withReportArtifact(config) {
    const fallback = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .specOf */ .rI)("artifact-name").default;
    if (config.reportId === undefined || config.artifactName !== fallback)
        return config;
    return { ...config, artifactName: `${fallback}-${config.reportId}` };
}
/** Options that cannot go together, refused before any work. */
function checkCombinations(config, label) {
    if (config.compare === "leaderboard" && config.mode !== "evaluate")
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${label("compare")} is leaderboard, which runs only in mode evaluate (not ${config.mode})`);
    if (config.compare === "leaderboard" && config.shard)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${label("compare")} is leaderboard, which cannot run with ${label("shard")}: the validators' copy signature needs ` +
            "every row of each package, in CSV order, on one runner; remove shard");
    if (config.minRank !== undefined && config.compare !== "leaderboard")
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${label("min-rank")} needs ${label("compare")} leaderboard: the rank comes from the forecast`);
    if (config.hotkey !== undefined && config.mode === "evaluate" && config.compare !== "leaderboard")
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${label("hotkey")} in mode evaluate needs ${label("compare")} leaderboard: it tells the forecast which committed model is yours`);
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
/* harmony export */   P$: () => (/* binding */ REPORT_ID),
/* harmony export */   TM: () => (/* binding */ OPTION_NAMES),
/* harmony export */   rI: () => (/* binding */ specOf)
/* harmony export */ });
/* unused harmony exports COMPARISONS, MAX_COMPARE_TOP, MODES, DEFAULT_HISTORY, MAX_HISTORY, MAX_DATASET_COUNT, OPTIONS */
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74344);
/* harmony import */ var _engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74106);
/* harmony import */ var _engine_shard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20914);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71472);
/* harmony import */ var _release_chain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92500);
/* harmony import */ var _release_committed_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(25479);
/* harmony import */ var _release_window_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3753);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70017);
/**
 * Every option of a run, once: its name (the action input's kebab-case name,
 * which is also the CLI flag), description, default, validation, and the
 * modes that read it. action.yml's inputs and the CLI's flags are checked
 * against this table by the tests, so the two shells cannot drift apart.
 */








const COMPARISONS = ["none", "leaderboard"];
/** compare-top: at most this many committed models are evaluated with the candidate, in one pass. */
const MAX_COMPARE_TOP = 64;
const MODES = ["evaluate", "merge", "release", "self-check", "leaderboard-check", "comment-from-artifact"];
/** history: the default branch's scores kept with its baseline, and drawn in a report. */
const DEFAULT_HISTORY = 20;
const MAX_HISTORY = 100;
/** Validators evaluate at most this many of the newest packages. */
const MAX_DATASET_COUNT = 30;
const invalid = (name, expected, raw) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb(`${name} must be ${expected}, got "${raw}"`);
const text = (raw) => raw.trim();
/** report-id: what may follow the competition in a comment marker, a cache key and an artifact name. */
const REPORT_ID = /^[A-Za-z0-9._-]{1,64}$/;
function reportId(raw, name) {
    const value = raw.trim();
    if (!REPORT_ID.test(value))
        throw invalid(name, "1 to 64 letters, digits, '.', '_' or '-' (e.g. the matrix's model name)", raw);
    return value;
}
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
function atLeast(min) {
    return (raw, name) => {
        const value = raw.trim();
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min)
            throw invalid(name, `a whole number of at least ${min}`, raw);
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
const ON_CHAIN = ["evaluate", "release", "self-check", "leaderboard-check"];
function option(spec) {
    return spec;
}
const OPTIONS = {
    mode: option({
        description: "evaluate (score the model, report, gate; it never releases, even on a tag push with hf-repo-id set; with shard, " +
            "only evaluate one slice of the rows), merge (score the union of the shards' predictions, then report and gate as " +
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
    "significant-drops-only": option({
        description: "With max-score-drop: fail only when the drop is also significant, i.e. the 95% confidence interval of the delta " +
            "(a paired bootstrap over the images both runs scored, with the validators' score on each resample) lies below 0. " +
            "Without an interval (a baseline saved by an older version) the drop alone decides.",
        default: "false",
        modes: REPORTING,
        cli: { flag: false },
        parse: boolean,
    }),
    history: option({
        description: `How many of the default branch's scores to keep (with its baseline in the Actions cache, one per push) and draw ` +
            `over commits in the report, 0 to ${MAX_HISTORY}; 0: no chart.`,
        default: String(DEFAULT_HISTORY),
        modes: [...REPORTING, "comment-from-artifact"],
        cli: { flag: false },
        parse: integer(0, MAX_HISTORY),
    }),
    cache: option({
        description: "Keep downloaded dataset packages, the base branch's results and (with compare: leaderboard) the committed models " +
            "in the Actions cache.",
        default: "true",
        modes: ["evaluate", "merge", "release", "self-check"],
        cli: { flag: false },
        parse: boolean,
    }),
    "artifact-name": option({
        description: "Name of the report artifact (results.json, predictions.csv, comment.json; forecast.json with compare: leaderboard).",
        default: "cancer-ai-report",
        modes: ["evaluate", "merge", "release", "comment-from-artifact"],
        cli: { flag: false },
        parse: text,
    }),
    "report-id": option({
        description: "Several models in one repository (a matrix): a short name that keeps this model's report apart, like " +
            "sticky-comment's header. It keys the pull request comment, the base branch's baseline in the cache and, when " +
            "artifact-name is left at its default, the report artifact (<artifact-name>-<report-id>); give the " +
            "comment-from-artifact step the same report-id. Letters, digits, '.', '_' and '-', at most 64. Empty: one report per competition.",
        modes: ["evaluate", "merge", "release", "comment-from-artifact"],
        cli: { flag: false },
        parse: reportId,
    }),
    threads: option({
        description: `Cores to use (auto: every core; at most ${_engine_pipeline_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_THREADS */ .J$}) for decoding and for inference. Each inference session ` +
            "runs batch 1 on one onnxruntime thread, as on the validators, and more sessions start only when the model is " +
            "the bottleneck, so scores are bit-identical whatever this is.",
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
    compare: option({
        description: "leaderboard: also forecast where this model would rank among the models committed on the subnet now, and whether " +
            "validators would call it a copy of one of them (downloads the top compare-top committed models and evaluates them " +
            "with this one, by the validators' rules; writes forecast.json; not with shard). none: only score this model.",
        default: "none",
        modes: ["evaluate"],
        cli: { placeholder: "none|leaderboard" },
        parse: oneOf(COMPARISONS),
    }),
    "compare-top": option({
        description: `With compare: leaderboard, how many committed models to evaluate with this one: the top N by on-chain Incentive ` +
            `(the others are listed as not evaluated), 1 to ${MAX_COMPARE_TOP}.`,
        default: String(_release_committed_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_TOP_N */ .tz),
        modes: ["evaluate"],
        cli: { placeholder: "n" },
        parse: integer(1, MAX_COMPARE_TOP),
    }),
    "min-rank": option({
        description: "With compare: leaderboard, fail the check unless the model would rank in the top N (a copy, or an average score " +
            "of 0, has no rank). Empty disables.",
        modes: ["evaluate"],
        cli: { placeholder: "n" },
        parse: atLeast(1),
    }),
    "hf-repo-id": option({
        description: "Release: the public HuggingFace model repository (owner/name; the miner CLI keeps it within 32 bytes, validators only need " +
            "the whole commitment within 128); created public with an MIT card if missing.",
        modes: ["release"],
        requiredIn: ["release"],
        cli: { placeholder: "owner/name" },
        parse: text,
    }),
    "hf-model-name": option({
        description: "Release: the model's file name on the hub, <stem>.onnx (the code zip is <stem>.zip). Default: a new name per release, " +
            "<tag or model file name>-<first 8 hex digits of the model's SHA-256>.onnx (the tag on a tag push, at most 18 characters), " +
            "so a release never overwrites the file a live commitment points to. A given name whose file on the hub is the one the " +
            "hotkey's commitment points to, with other bytes, is refused.",
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
        description: "Self-check: the hotkey (SS58 address) whose committed model to check; or give hotkey-mnemonic. With compare: " +
            "leaderboard: your own hotkey, so the forecast ranks this model in place of the one it has committed (validators " +
            "keep one model per hotkey; the same bytes are ranked as committed) instead of calling it a copy of it.",
        modes: ["self-check", "evaluate"],
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
        description: "The miner hotkey's mnemonic, from a secret. Release: needed only to commit (not with submit: false, nor for cancer-ai " +
            "upload). Self-check: gives the hotkey. Masked; never logged.",
        modes: ["release", "self-check"],
        secret: true,
        cli: { env: "HOTKEY_MNEMONIC" },
        parse: (raw) => raw.trim().split(/\s+/).join(" "),
    }),
    network: option({
        description: "The subtensor node: finney, test, local, archive, or a ws(s):// URL. Release commits through it; self-check, " +
            "leaderboard-check and compare: leaderboard read from it.",
        default: "finney",
        modes: ON_CHAIN,
        cli: { placeholder: "name|url" },
        parse: network,
    }),
    netuid: option({
        description: "The subnet: where a release commits, and whose commitments self-check, leaderboard-check and compare: leaderboard read.",
        default: "76",
        modes: ON_CHAIN,
        cli: { placeholder: "n" },
        parse: integer(0, 0xffff),
    }),
    submit: option({
        description: "Release: commit on chain after uploading (false: upload to HuggingFace only, no hotkey needed).",
        default: "true",
        modes: ["release"],
        cli: { flag: false },
        parse: boolean,
    }),
    "release-window-check": option({
        description: "Release: before committing, read the competition's package history and tell whether a package is likely to come out " +
            "in the next 120 minutes, on which the new commitment would score 0 (validators only evaluate a model committed at " +
            "least 120 minutes before a package, and keep one model per hotkey). warn: say so and release; fail: refuse (also " +
            "when the history cannot be read); off: do not look.",
        default: "warn",
        modes: ["release"],
        cli: { placeholder: "warn|fail|off" },
        parse: oneOf(_release_window_js__WEBPACK_IMPORTED_MODULE_6__/* .WINDOW_CHECKS */ .Di),
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
/* harmony export */   H7: () => (/* binding */ forecastRequest),
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
/**
 * compare: leaderboard. `models`: where the committed models are downloaded (kept by SHA-256), and the cache
 * behind that folder (the Actions cache in a workflow; none for the CLI, whose folder persists by itself).
 */
function forecastRequest(config, places) {
    const { shard, ...run } = runRequest(config, places);
    // readConfig refuses the combination before any work; a request must not silently drop the shard either.
    if (shard)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("compare: leaderboard cannot run with shard: the copy signature needs every row");
    return {
        ...run,
        network: config.network,
        netuid: config.netuid,
        top: config.compareTop,
        models: places.models,
        ...(config.hotkey && { hotkey: config.hotkey }),
    };
}
/**
 * `workDir`: where the code zip is written; `tag`: the release's tag (the action on a tag push),
 * which the default model name starts with. The mnemonic is read only when committing: an upload
 * (`submit: false`, `cancer-ai upload`) never touches it.
 */
function releaseRequest(config, log, workDir, tag) {
    if (config.submit && !config.hotkeyMnemonic)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("committing on chain needs the hotkey's mnemonic: hotkey-mnemonic (action, from a secret) or HOTKEY_MNEMONIC (CLI); " +
            "to upload only, set submit: false (action) or run cancer-ai upload");
    return {
        modelPath: (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .need */ .$B)(config.modelPath, "model-path"),
        repoId: (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .need */ .$B)(config.hfRepoId, "hf-repo-id"),
        modelName: config.hfModelName,
        nameLabel: tag,
        codeDir: config.codeDirectory,
        competition: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .getCompetition */ .Q0)(config.competitionId),
        hub: hubOptions(config, log),
        configRepo: config.datasetsConfigRepo,
        network: config.network,
        netuid: config.netuid,
        mnemonic: config.submit ? config.hotkeyMnemonic : undefined,
        submit: config.submit,
        windowCheck: config.releaseWindowCheck,
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

/***/ 89317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R$: () => (/* binding */ openPackage),
  JP: () => (/* binding */ readDataset)
});

// UNUSED EXPORTS: findLabelsCsv

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
;// CONCATENATED MODULE: ./src/dataset/csv.ts
/**
 * Python's csv.DictReader with the excel dialect, as the validator runs it on
 * a file read in text mode: universal newlines, `"` quoting with doubled
 * quotes, no whitespace trimming, blank lines skipped, header names
 * lower-cased but not stripped. Kept separate from the competition rules so
 * that it can be tested against the csv module's documented behaviour.
 */
/** `csv.field_size_limit()`'s default: _csv raises "field larger than field limit (131072)" on the next character. */
const CSV_FIELD_LIMIT = 131_072;
/** Code points, as _csv's parse_add_char counts them (a UTF-16 length overcounts astral characters). */
function codePoints(value) {
    let n = 0;
    for (let i = 0; i < value.length; i++, n++) {
        const unit = value.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
            const next = value.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff)
                i++;
        }
    }
    return n;
}
/**
 * The first field of a record that _csv refuses. It checks the length before
 * adding each character, so a field of exactly `limit` characters passes and
 * one more raises; the opening and closing quotes are not part of the field,
 * a doubled quote adds one character and a newline inside quotes adds one.
 */
function longField(fields, limit = CSV_FIELD_LIMIT) {
    for (let index = 0; index < fields.length; index++) {
        // A UTF-16 length never undercounts, so only long strings need counting.
        if (fields[index].length <= limit)
            continue;
        const length = codePoints(fields[index]);
        if (length > limit)
            return { index, length };
    }
    return undefined;
}
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
/**
 * `{k.lower(): v for k, v in row.items()}` over DictReader's dict: the dict
 * keeps each name at its first column with its last value (a column past the
 * end of a short row sets None), then lower-casing walks that order, so of
 * names equal but for case the one whose first column comes last wins.
 */
function lowerCasedRow(header, fields) {
    const row = new Map();
    header.forEach((name, i) => row.set(name, i < fields.length ? fields[i] : undefined));
    const values = new Map();
    for (const [name, value] of row) {
        if (value === undefined)
            values.delete(name.toLowerCase());
        else
            values.set(name.toLowerCase(), value);
    }
    return values;
}
function readCsvTable(content) {
    const text = normalizeNewlines(content);
    const delimiter = detectDelimiter(text);
    const all = parseCsvRecords(text, delimiter);
    // DictReader takes the first line as the header even when it is blank.
    const blankFirstLine = all.length > 0 && all[0].line > 1;
    const records = blankFirstLine ? all : all.slice(1);
    const header = blankFirstLine ? [] : (all[0]?.fields ?? []);
    const rows = records.map(({ line, fields }) => ({
        line,
        values: lowerCasedRow(header, fields),
        extra: Math.max(0, fields.length - header.length),
        long: longField(fields),
    }));
    return { delimiter, header, blankFirstLine, headerLong: blankFirstLine ? undefined : longField(header), rows };
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

;// CONCATENATED MODULE: ./src/dataset/verdicts.ts
/**
 * The ways a package fails for every model on the validators, each with the
 * stable code the report and tests key on. The places in the validator's
 * code (safe-scan-ai/cancer-ai) are named in each message, so a miner can
 * check them; the order the validator meets them in is the order
 * readDataset() checks them in (dataset_manager.py prepare_dataset, then the
 * competition handler's constructor, then preprocess_and_serialize_data).
 */

function packageVerdict(code, reason) {
    return new errors/* ValidatorVerdictError */.GM("package", code, `validators would fail this package for every model: ${reason}`);
}
/** A CSV value for a message: quoted, and cut short when it is a long field. */
function quoted(value) {
    return value.length <= 80 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 40))}... (${value.length} characters)`;
}
/** What every model gets when the validator prepared `prepared` of `total` images (get_model_result's error). */
function lengthMismatch(total, prepared) {
    return (`every model's predictions (${prepared}) then fail to match the labels (${total}) and each model is recorded with score 0 ` +
        `("Error in get_model_result: Found input variables with inconsistent numbers of samples: [${total}, ${prepared}]")`);
}

;// CONCATENATED MODULE: ./src/dataset/entries.ts
/**
 * From CSV rows to dataset entries under a competition's rules, in the order
 * the validator applies them: reading the rows (image_csv.py
 * sync_training_data), counting invalid values (tricorder_common.py
 * _validate_data: more than `maxInvalidFields` cancels the evaluation),
 * converting the case-sensitive labels (_convert_labels), and only then the
 * images. Where the validator fails for every model, a package verdict says
 * so with its reason.
 */




/** The validator's aliases, in its order (`a or b or c`: the first non-empty value wins). */
const PATH_COLUMNS = ["newfilename", "filepath", "filename"];
const LABEL_COLUMNS = ["class", "label"];
function firstNonEmpty(row, columns) {
    for (const column of columns) {
        const value = row.values.get(column);
        if (value)
            return value;
    }
    return "";
}
const GENDER_VALUE = new Map([
    ["m", 1],
    ["male", 1],
    ["f", 0],
    ["female", 0],
]);
function columnsFound(table) {
    return table.header.length ? table.header.map((h) => quoted(h)).join(", ") : "none";
}
/** Why a column name the validator looks for may be hidden. */
function headerHint(table) {
    if (table.header[0]?.startsWith("\ufeff"))
        return (" The file starts with a UTF-8 byte-order mark, which the validator reads as part of the first column name: save " +
            "it as UTF-8 without BOM.");
    return table.blankFirstLine ? " The file starts with a blank line, which the validator reads as an empty header: remove it." : "";
}
/** What csv.DictReader and the validator's loop over its rows raise, in reading order. */
function checkReadable(table, csvName) {
    const limitReason = (line, where, length) => `${csvName} line ${line}: ${where} is ${length} characters long, over Python's csv field limit of ${CSV_FIELD_LIMIT}; ` +
        `the validator's csv.DictReader raises "_csv.Error: field larger than field limit (${CSV_FIELD_LIMIT})" while reading ` +
        `the CSV (image_csv.py sync_training_data), before any model runs.`;
    if (table.headerLong) {
        const { index, length } = table.headerLong;
        throw packageVerdict("csv-field-limit", limitReason(1, `header field ${index + 1}`, length));
    }
    for (const row of table.rows) {
        // The record is parsed (and may raise) before the validator builds its dict (which may raise).
        if (row.long) {
            const { index, length } = row.long;
            const where = index < table.header.length ? `the ${quoted(table.header[index])} field` : `field ${index + 1} (past the header)`;
            throw packageVerdict("csv-field-limit", limitReason(row.line, where, length));
        }
        if (row.extra > 0) {
            throw packageVerdict("csv-extra-fields", `${csvName} line ${row.line} has ${row.extra} more field(s) than the header's ${table.header.length}; csv.DictReader ` +
                `files them under the key None, and the validator's lower-casing of the keys raises "AttributeError: 'NoneType' ` +
                `object has no attribute 'lower'" (image_csv.py sync_training_data), before any model runs: check quoting and ` +
                `delimiters.${headerHint(table)}`);
        }
    }
}
/** One ImageEntry as sync_training_data builds it, with the invalid fields _validate_data counts for it. */
function readRow(row, competition, problems) {
    const age = pyInt(row.values.get("age"));
    const [minAge, maxAge] = competition.ageRange;
    if (age === null)
        problems.push({ line: row.line, field: "age", message: `missing or non-integer age ${quoted(row.values.get("age") ?? "")}` });
    else if (age < minAge || age > maxAge)
        problems.push({ line: row.line, field: "age", message: `age ${age} outside ${minAge}..${maxAge}` });
    const gender = pyStrip(row.values.get("gender") ?? "").toLowerCase();
    if (!GENDER_VALUE.has(gender)) {
        const message = gender ? `invalid gender ${quoted(gender)} (m, f, male or female)` : "missing gender";
        problems.push({ line: row.line, field: "gender", message });
    }
    const location = pyStrip(row.values.get("location") ?? "").toLowerCase();
    const locationIndex = competition.locations.indexOf(location);
    if (locationIndex < 0) {
        const message = location ? `invalid location ${quoted(location)} (one of ${competition.locations.join(", ")})` : "missing location";
        problems.push({ line: row.line, field: "location", message });
    }
    return { row, file: firstNonEmpty(row, PATH_COLUMNS), label: firstNonEmpty(row, LABEL_COLUMNS), age, gender, locationIndex };
}
function buildEntries(table, csvPath, competition) {
    const csvName = external_node_path_default().basename(csvPath);
    const root = external_node_path_default().dirname(csvPath);
    checkReadable(table, csvName);
    if (table.rows.length === 0) {
        throw packageVerdict("empty-dataset", `${csvName} has a header but no rows: the validator prepares no image, every model's run yields no predictions, and ` +
            `the metrics are computed on empty arrays (accuracy NaN), so no model gets a meaningful score.`);
    }
    const problems = [];
    const rows = table.rows.map((row) => readRow(row, competition, problems));
    const classIndex = new Map(competition.classes.map((c, i) => [c.short, i]));
    const badLabels = rows.filter((r) => !classIndex.has(r.label));
    const keys = new Set(table.header.map((h) => h.toLowerCase()));
    const labelHint = LABEL_COLUMNS.some((c) => keys.has(c))
        ? ""
        : ` ${csvName} has no label column (${LABEL_COLUMNS.join(" or ")}); columns found: ${columnsFound(table)}.${headerHint(table)}`;
    // _validate_data lists the rows' age, gender and location errors, then the label errors, and stops above the maximum.
    const describe = (p) => `line ${p.line}: ${p.message}`;
    const invalid = [...problems.map(describe), ...badLabels.map((r) => `line ${r.row.line}: label ${quoted(r.label)}`)];
    if (invalid.length > competition.maxInvalidFields) {
        const more = invalid.length > 10 ? `; and ${invalid.length - 10} more` : "";
        throw packageVerdict("not-enough-valid-data", `${csvName} has ${invalid.length} invalid fields (age, gender, location or label); the validator stops above ` +
            `${competition.maxInvalidFields} with "Not enough valid data to evaluate." (tricorder_common.py _validate_data), ` +
            `before any model runs: ${invalid.slice(0, 10).join("; ")}${more}.${labelHint}`);
    }
    const [firstBad] = badLabels;
    if (firstBad) {
        const classes = competition.classes.map((c) => c.short).join(", ");
        const others = badLabels.length > 1 ? ` (and ${badLabels.length - 1} more invalid label(s))` : "";
        throw packageVerdict("invalid-label", `${csvName} line ${firstBad.row.line}: label ${quoted(firstBad.label)} is not a ${competition.id} class${others}; labels ` +
            `are case-sensitive (${classes}), and the validator's label conversion raises "Invalid label: ${firstBad.label.slice(0, 80)}" ` +
            `(tricorder_common.py _convert_labels), before any model runs.${labelHint}`);
    }
    if (!PATH_COLUMNS.some((c) => keys.has(c))) {
        throw packageVerdict("no-images", `${csvName} has no image path column the validator reads (${PATH_COLUMNS.join(", ")}); columns found: ` +
            `${columnsFound(table)}. Every row's path is then empty and resolves to the CSV's folder, which is not a file, so ` +
            `the validator skips all ${rows.length} image(s) and prepares none (tricorder_common.py preprocess_and_serialize_data); ` +
            `${lengthMismatch(rows.length, 0)}. Rename the column to filepath.${headerHint(table)}`);
    }
    const entries = rows.map((r) => ({
        line: r.row.line,
        file: r.file,
        path: external_node_path_default().resolve(root, r.file),
        label: r.label,
        classIndex: classIndex.get(r.label) ?? -1, // every label was found above
        demographics: [r.age ?? 0, GENDER_VALUE.get(r.gender) ?? -1, r.locationIndex >= 0 ? r.locationIndex + 1 : -1],
    }));
    const warnings = problems.map((p) => `${csvName} ${describe(p)} (tolerated: at most ${competition.maxInvalidFields} invalid fields)`);
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
    const { extraction, discard } = await start(zipPath, destDir, { limits });
    try {
        return await extraction.done;
    }
    catch (err) {
        await discard();
        throw err;
    }
}
/**
 * Checks the archive as extractZip() does, creates every folder, writes the
 * `first` entries, and returns while the other files are written in zip order
 * (one sequential read of the archive). A failure after the return is kept for
 * `done` and fileWritten(), and the files written so far stay, as a reader may
 * be using them: the caller calls stop(), then removes `destDir`.
 */
async function startZipExtraction(zipPath, destDir, options = {}) {
    return (await start(zipPath, destDir, options)).extraction;
}
async function start(zipPath, destDir, options) {
    const lim = { ...DEFAULT_ZIP_LIMITS };
    for (const key of Object.keys(lim))
        lim[key] = options.limits?.[key] ?? lim[key];
    const first = (name) => !name.endsWith("/") && (options.first?.(name) ?? false);
    const dest = external_node_path_default().resolve(destDir);
    const existed = await ensureEmptyOrAbsent(zipPath, dest);
    const { names, listing } = await checkArchive(zipPath, dest, lim);
    // mkdir returns the first directory it had to create, maybe a parent of dest.
    const created = await (0,promises_.mkdir)(dest, { recursive: true });
    const discard = async () => {
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
    };
    const progress = new Progress(listing.files);
    const controller = new AbortController();
    // The later walks write what the checking walk listed, so they must meet exactly those entries.
    const sameEntry = (entry, index, where) => {
        if (names[index] !== entry.fileName) {
            throw new errors/* DatasetError */.zm(`${where} is not the entry found at this position when the archive was checked: ${zipPath} changed while it ` +
                `was being extracted; do not modify it during the evaluation`);
        }
    };
    try {
        // Every folder now, and only now: a background write never creates one, so none can reappear after a clean-up.
        for (const dir of listing.dirs)
            await (0,promises_.mkdir)(dir, { recursive: true });
        let lastFirst = -1;
        names.forEach((name, index) => {
            if (first(name))
                lastFirst = index;
        });
        if (lastFirst >= 0) {
            await walk(zipPath, dest, lim, async (zip, entry, target, where, index) => {
                sameEntry(entry, index, where);
                if (first(entry.fileName)) {
                    await writeEntry(zip, entry, target, where, controller.signal);
                    progress.markWritten(target);
                }
                return index < lastFirst;
            });
        }
    }
    catch (err) {
        await discard();
        throw err;
    }
    const stopped = new errors/* DatasetError */.zm(`the extraction of ${zipPath} was stopped before it ended: the package was closed`);
    const done = walk(zipPath, dest, lim, async (zip, entry, target, where, index) => {
        if (controller.signal.aborted)
            throw stopped;
        sameEntry(entry, index, where);
        if (!entry.fileName.endsWith("/") && !first(entry.fileName)) {
            await writeEntry(zip, entry, target, where, controller.signal);
            progress.markWritten(target);
        }
        return true;
    }).then((result) => {
        if (progress.count !== listing.files.size) {
            throw new errors/* DatasetError */.zm(`${zipPath} changed while it was being extracted (it now has fewer entries); download it again`);
        }
        return result;
    }, (err) => {
        // An aborted write surfaces as an AbortError; what the caller needs to know is that the package was closed.
        throw controller.signal.aborted ? stopped : err;
    });
    // Also keeps a failure nobody waits for from being an unhandled rejection.
    done.catch((err) => progress.fail(err instanceof Error ? err : new errors/* DatasetError */.zm(String(err))));
    const extraction = {
        listing,
        done,
        fileWritten: (file) => progress.wait(file),
        stop: async () => {
            controller.abort();
            await done.catch(() => { });
        },
    };
    return { extraction, discard };
}
/** Which files are written, and who waits for which. */
class Progress {
    files;
    writtenFiles = new Set();
    waiters = new Map();
    failure;
    constructor(files) {
        this.files = files;
    }
    get count() {
        return this.writtenFiles.size;
    }
    markWritten(file) {
        this.writtenFiles.add(file);
        for (const waiter of this.waiters.get(file) ?? [])
            waiter.resolve();
        this.waiters.delete(file);
    }
    fail(err) {
        this.failure ??= err;
        for (const list of this.waiters.values())
            for (const waiter of list)
                waiter.reject(this.failure);
        this.waiters.clear();
    }
    wait(file) {
        if (!this.files.has(file) || this.writtenFiles.has(file))
            return Promise.resolve();
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            const list = this.waiters.get(file);
            if (list)
                list.push({ resolve, reject });
            else
                this.waiters.set(file, [{ resolve, reject }]);
        });
    }
}
/** Writes one file entry to `target`, a new file, checking its CRC. */
async function writeEntry(zip, entry, target, where, signal) {
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
    const output = (0,external_node_fs_.createWriteStream)(target, { flags: "wx" });
    try {
        await (0,external_node_stream_promises_.pipeline)(input, check, output, { signal });
    }
    catch (err) {
        // Only once the descriptor is closed is it certain that nothing more is written.
        if (!output.closed)
            await new Promise((resolve) => output.once("close", () => resolve()));
        throw err;
    }
}
/**
 * The checking walk: every entry is checked, and where it goes listed, before
 * anything is written. Two entries for one path (a file twice, or a file where
 * another entry needs a folder) are refused here, naming the later one, as
 * writing them in zip order would.
 */
async function checkArchive(zipPath, dest, lim) {
    const names = [];
    const files = new Set();
    const dirs = new Set([dest]);
    await walk(zipPath, dest, lim, async (_zip, entry, target, where) => {
        names.push(entry.fileName);
        const isDir = entry.fileName.endsWith("/");
        const needed = [];
        for (let dir = isDir ? target : external_node_path_default().dirname(target); !dirs.has(dir); dir = external_node_path_default().dirname(dir))
            needed.push(dir);
        if (files.has(target) || (!isDir && dirs.has(target)) || needed.some((dir) => files.has(dir))) {
            throw new errors/* DatasetError */.zm(`${where} has the same name as another entry (possibly differing only in letter case); re-create the zip without duplicates`);
        }
        for (const dir of needed)
            dirs.add(dir);
        if (!isDir)
            files.add(target);
        return true;
    });
    return { names, listing: { files, dirs } };
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
    // Deflate expands at most ~1032 times, so with no byte shared between entries the whole archive expands
    // at most that much too; anything more declares sizes its bytes cannot hold.
    const totalBound = Math.max((await (0,promises_.stat)(zipPath)).size * lim.maxRatio, 64 * MiB);
    const spans = [];
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
            // An entry's data starts after its 30-byte local header; where two spans overlap, the entries share bytes.
            spans.push({ start: entry.relativeOffsetOfLocalHeader, end: entry.relativeOffsetOfLocalHeader + 30 + entry.compressedSize, label });
            if (declared > Math.min(lim.maxTotalBytes, totalBound)) {
                throw new errors/* DatasetError */.zm(`${where} brings the declared uncompressed size to ${declared} bytes, more than the limit of ` +
                    `${Math.min(lim.maxTotalBytes, totalBound)} for this archive; this looks like a zip bomb and is refused`);
            }
            if (!entry.fileName.endsWith("/")) {
                result.files++;
                result.bytes += entry.uncompressedSize;
            }
            const more = await onEntry(zip, entry, target, where, zip.entriesRead - 1);
            label = `entry #${zip.entriesRead + 1}`;
            // A walk ended early only writes: the checking walk looked at every entry.
            if (!more)
                return result;
        }
        checkNoOverlap(zipPath, spans);
        return result;
    }
    catch (err) {
        throw toDatasetError(err, zipPath, label);
    }
    finally {
        zip.close();
    }
}
/** Entries whose data overlap (an "overlap bomb": many entries, one compressed body) are refused. */
function checkNoOverlap(zipPath, spans) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].start < sorted[i - 1].end) {
            throw new errors/* DatasetError */.zm(`${zipPath}: ${sorted[i].label} and ${sorted[i - 1].label} share the same compressed bytes (overlapping entries); ` +
                `this looks like a zip bomb and is refused`);
        }
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
 *
 * A zip streams: it can be read once its folders and CSV files are written,
 * and its images follow in the background while the evaluation runs (each
 * one waited for with `extracted()`). Its listing, known from the start,
 * stands in for the disk where readDataset() asks which images exist.
 *
 * What the user cannot open (a missing path, a file that is no zip, a broken
 * zip, a folder without a CSV) is a DatasetError; what validators would fail
 * for every model is a package verdict (verdicts.ts), thrown in the order
 * the validator meets it.
 */









/** The validator's CSV names, tried in this order at each level. */
const CSV_NAMES = ["labels.csv", "test.csv", "data.csv", "metadata.csv", "dataset.csv"];
/** The listings of the zip packages openPackage() returned, for readDataset(). */
const zipListings = new WeakMap();
/** Every CSV a package can have, since findLabelsCsv() may pick any *.csv: all are written before the images. */
const isCsv = (name) => name.toLowerCase().endsWith(".csv");
async function openPackage(source) {
    const info = await (0,promises_.stat)(source).catch(() => {
        throw new errors/* DatasetError */.zm(`dataset ${source} does not exist: give a folder holding labels.csv and the images, or a .zip package.`);
    });
    if (info.isDirectory())
        return { source, dir: external_node_path_default().resolve(source), fromZip: false, extracted: async () => { }, close: async () => { } };
    if (!source.toLowerCase().endsWith(".zip")) {
        throw new errors/* DatasetError */.zm(`dataset ${source} is neither a folder nor a .zip package.`);
    }
    const tmp = await (0,temp/* makeTempDir */.m)("cancer-ai-dataset-");
    // Absolute, as the listing's paths are, even where TMPDIR is relative.
    const dir = external_node_path_default().resolve(tmp.path, "package");
    const extraction = await startZipExtraction(source, dir, { first: isCsv }).catch(async (err) => {
        await tmp.remove();
        throw err;
    });
    const pkg = {
        source,
        dir,
        fromZip: true,
        extracted: async (filePath) => {
            if (filePath === undefined)
                await extraction.done;
            else
                await extraction.fileWritten(external_node_path_default().resolve(filePath));
        },
        close: async () => {
            // Stopped first: a write after the removal would leave a file behind.
            await extraction.stop();
            await tmp.remove();
        },
    };
    zipListings.set(pkg, extraction.listing);
    return pkg;
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
/** The validator finds no CSV in a zip: set_dataset_handler raises, before any model runs. */
async function findPackageCsv(pkg) {
    try {
        return await findLabelsCsv(pkg.dir);
    }
    catch (err) {
        if (!pkg.fromZip || !(err instanceof errors/* DatasetError */.zm))
            throw err;
        throw packageVerdict("no-csv", `${external_node_path_default().basename(pkg.source)} holds no CSV the validator finds (${CSV_NAMES.join(", ")} or any *.csv, in the root ` +
            `or a first-level folder); its set_dataset_handler raises "Dataset handler not implemented - no CSV file found" ` +
            `(dataset_manager.py), before any model runs.`);
    }
}
async function readCsvText(csvPath) {
    const bytes = await (0,promises_.readFile)(csvPath);
    try {
        // ignoreBOM keeps a byte-order mark in the text, where Python keeps it too (in the first column name).
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw packageVerdict("csv-not-utf8", `${external_node_path_default().basename(csvPath)} is not valid UTF-8 text: the validator reads it as UTF-8 and raises UnicodeDecodeError ` +
            `(image_csv.py sync_training_data), before any model runs. Save the CSV as UTF-8.`);
    }
}
/**
 * The first step of preprocess_and_serialize_data: an image that is not a
 * readable regular file (missing, a folder, an empty path, which is the CSV's
 * folder) is skipped, and the evaluation goes on with fewer images. Images
 * that exist but Pillow cannot open are skipped in the same loop (its
 * IOError and Exception branches); the decoder reports those as ImageError
 * (src/preprocess), which engine/verdict.ts turns into "unreadable-image".
 */
async function checkImagesPrepared(pkg, entries, csvName) {
    const listing = zipListings.get(pkg);
    const inPackage = (file) => {
        const rel = external_node_path_default().relative(pkg.dir, file);
        return !(rel === ".." || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel));
    };
    // A zip's listing answers for the paths inside it without waiting for the images. A name it does not hold may still
    // reach one of its files on a file system that folds letter case or Unicode forms, so those (and any path outside
    // the package) are asked of the disk as before, the former once every file is there.
    const known = entries.map((entry) => {
        if (!listing || !inPackage(entry.path))
            return undefined;
        return listing.files.has(entry.path) ? true : listing.dirs.has(entry.path) ? false : undefined;
    });
    if (listing && entries.some((entry, i) => known[i] === undefined && inPackage(entry.path)))
        await pkg.extracted();
    const onDisk = (file) => (0,promises_.access)(file, external_node_fs_.constants.R_OK).then(() => (0,promises_.stat)(file).then((s) => s.isFile()), () => false);
    const skipped = [];
    for (const [i, entry] of entries.entries()) {
        const readable = known[i] ?? (await onDisk(entry.path));
        if (!readable)
            skipped.push(`line ${entry.line}: ${entry.file || "an empty image path"}`);
    }
    if (skipped.length === 0)
        return;
    const prepared = entries.length - skipped.length;
    const listed = `${skipped.slice(0, 10).join("; ")}${skipped.length > 10 ? `; and ${skipped.length - 10} more` : ""}`;
    throw packageVerdict(prepared === 0 ? "no-images" : "missing-images", `${csvName}: ${skipped.length} of ${entries.length} image(s) are not files the validator can read (paths are relative to ` +
        `the CSV's folder): ${listed}. The validator skips them (tricorder_common.py preprocess_and_serialize_data) and ` +
        `prepares ${prepared}; ${lengthMismatch(entries.length, prepared)}.`);
}
/** Locates, parses and validates the labels of an opened package, in the validator's order. */
async function readDataset(pkg, competition) {
    try {
        const csvPath = await findPackageCsv(pkg);
        const table = readCsvTable(await readCsvText(csvPath));
        const { entries, warnings } = buildEntries(table, csvPath, competition);
        await checkImagesPrepared(pkg, entries, external_node_path_default().basename(csvPath));
        return { source: pkg.source, csvPath, entries, warnings };
    }
    catch (err) {
        // A zip still being extracted may yet prove corrupt, and that comes first, as when it was extracted before reading:
        // the validator cannot unpack it either. Only a failing package waits here.
        await pkg.extracted();
        throw err;
    }
}


/***/ }),

/***/ 20188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ resolveDatasets)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16178);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71472);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70017);
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
        const refs = await (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .discoverDatasets */ .Xc)(options.competitionId, options.configRepo ?? _hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_REPO */ .C1, options.hub);
        const newest = refs.slice(0, options.count);
        options.hub.log.info(`newest ${options.competitionId} packages: ${newest.map((r) => `${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(r)} (${r.date ?? "no date"})`).join(", ")}`);
        // One at a time: parallel multi-GB downloads are no faster on a runner, and use more disk at once.
        const sources = [];
        for (const ref of newest)
            sources.push(await fetchDataset(ref, options));
        return sources;
    }
    if (value.startsWith("hf://")) {
        const { repo, path: file } = (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHfUri */ .gh)(value);
        return [await fetchDataset(await (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .findDataset */ .YQ)(repo, file, options.hub), options)];
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(value))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DatasetError */ .zm(`dataset ${value} does not exist: give "latest", an hf:// URI, or a folder or .zip package`);
    return [{ name: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(value), localPath: value }];
}
async function recordedDigest(file) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`${file}.sha256`, "utf8").then((s) => s.trim(), () => undefined);
}
/** A cached copy is used only if its bytes hash to what the hub (or our own download) recorded. */
async function usableCopy(file, ref) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return false;
    const expected = ref.sha256 ?? (await recordedDigest(file));
    return expected !== undefined && (await (0,_util_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256File */ .Q)(file)) === expected;
}
async function fetchDataset(ref, options) {
    const { log } = options.hub;
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(options.downloadDir, ref.oid || ref.path.replace(/[^\w.-]/g, "_"));
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(ref.path));
    const key = `cancer-ai-dataset-${ref.oid}`;
    const source = { name: node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(ref.path), localPath: file, ref };
    if (await usableCopy(file, ref)) {
        log.info(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: already downloaded (${file})`);
        return source;
    }
    const restored = ref.oid ? await options.cache.restore([dir], key) : undefined;
    if (restored) {
        if (await usableCopy(file, ref)) {
            log.info(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: cache hit (${key}, ${(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).size} bytes)`);
            return source;
        }
        log.warning(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: the cached copy is corrupt (its SHA-256 does not match); downloading it again`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    }
    else if (ref.oid) {
        log.info(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: cache miss (${key})`);
    }
    const started = Date.now();
    const sha256 = await (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .downloadDataset */ .FD)(ref, file, options.hub);
    (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .checkDigest */ .H2)(ref, sha256);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(`${file}.sha256`, `${sha256}\n`);
    const bytes = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).size;
    log.info(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: downloaded ${bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s, SHA-256 ${sha256}`);
    if (ref.oid && (await options.cache.save([dir], key)))
        log.info(`${(0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_4__/* .datasetUri */ .RP)(ref)}: saved to the cache as ${key}`);
    return source;
}


/***/ }),

/***/ 46372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w5: () => (/* binding */ checkModel),
  cm: () => (/* binding */ loadModel)
});

// UNUSED EXPORTS: INFERENCE_TIMEOUT_MS, checkSignature

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/workers/inference-protocol.ts
var inference_protocol = __webpack_require__(39093);
// EXTERNAL MODULE: ./src/workers/protocol.ts
var protocol = __webpack_require__(86775);
;// CONCATENATED MODULE: ./src/workers/inference-pool.ts
/**
 * Inference in child processes, timed from here. onnxruntime-node's
 * session.run computes synchronously on its calling thread, so a time limit
 * needs inference elsewhere, and it must be somewhere that can be stopped:
 * a worker thread cannot (terminate() waits for the native call to return,
 * then onnxruntime's binding throws into the dying thread and aborts the
 * whole process; a call that never returns keeps the process from exiting).
 * A process can be killed at any instant.
 *
 * Each process holds one session with one onnxruntime thread, as the
 * validator runs it, and runs its requests in the order they were sent; the
 * limit runs from the moment a request's turn comes. Several processes run
 * several images at once: each image is still computed by the same kernels
 * on one thread, so the outputs are bit for bit those of one session
 * (several intra-op threads in one session may split a reduction otherwise).
 * Requests go to the least busy process that has loaded the model, and
 * callers that await results in their own order get them in that order.
 *
 * Tensors go down the child's stdin straight from the caller's buffer (no
 * copy here), and may be reused once the request's promise settles.
 */









/** The model could not be loaded (onnxruntime's message). */
class LoadFailure extends Error {
}
/** The run went past the limit; the process was killed (`ms` is at least the limit). */
class RunTimeout extends Error {
    ms;
    killed;
    constructor(ms, killed) {
        super(`the run took ${killed ? "more than " : ""}${(ms / 1000).toFixed(1)} s`);
        this.ms = ms;
        this.killed = killed;
    }
}
/** onnxruntime failed on this input. */
class RunFailure extends Error {
}
/** The run succeeded, but its kept output has a type this protocol does not carry. */
class UnsupportedOutput extends Error {
    outputType;
    constructor(outputType) {
        super(`output of type ${outputType}`);
        this.outputType = outputType;
    }
}
/** The process died (crash, out of memory, killed from outside), or the pool stopped before this request's turn. */
class PoolStopped extends Error {
}
const STDERR_TAIL = 2000;
const EXIT_GRACE_MS = 2000;
/** Requests a process holds at once: the one running and the next ones, whose tensors its reading thread fetches meanwhile. */
const SLOTS = 3;
/**
 * The tensor file of one process: in shared memory where there is some
 * (/dev/shm), else in the temp folder, and unlinked at once, so that nothing
 * is left behind even if both processes die.
 */
function openTensorFile() {
    const errors = [];
    for (const dir of ["/dev/shm", external_node_os_default().tmpdir()]) {
        const file = external_node_path_default().join(dir, `cancer-ai-tensors-${process.pid}-${(0,external_node_crypto_.randomUUID)()}`);
        try {
            const fd = (0,external_node_fs_.openSync)(file, "wx+", 0o600);
            (0,external_node_fs_.unlinkSync)(file);
            return fd;
        }
        catch (err) {
            errors.push(`${dir}: ${err.message}`);
        }
    }
    throw new PoolStopped(`no place for the inference tensor file (${errors.join("; ")})`);
}
function writeAll(fd, data, position) {
    for (let done = 0; done < data.byteLength;) {
        done += (0,external_node_fs_.writeSync)(fd, new Uint8Array(data.buffer, data.byteOffset + done, data.byteLength - done), 0, data.byteLength - done, position + done);
    }
}
/** How to start this very build again as an inference process (as pool.ts does for its worker threads). */
function processCommand() {
    const here = import.meta.url;
    const dir = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(here));
    // Bundled, this module is in index.js or in a chunk beside it: index.js dispatches on the role.
    if (!here.endsWith(".ts"))
        return { execArgv: [], entry: external_node_path_default().join(dir, "index.js") };
    // From the sources (jest, tsx): src/index.ts, behind tsx's loader.
    const require = (0,external_node_module_.createRequire)(here);
    const tsxPackage = require.resolve("tsx/package.json");
    const manifest = JSON.parse((0,external_node_fs_.readFileSync)(tsxPackage, "utf8"));
    const loader = (0,external_node_url_.pathToFileURL)(external_node_path_default().join(external_node_path_default().dirname(tsxPackage), manifest.exports["."])).href;
    return { execArgv: ["--import", loader], entry: external_node_path_default().join(dir, "..", "index.ts") };
}
class InferenceProcess {
    child;
    tensorFile;
    timeoutMs;
    /** Requests waiting for a slot, then the ones handed over, in order: the first of `sent` is running. */
    waiting = [];
    sent = [];
    freeSlots = Array.from({ length: SLOTS }, (_, i) => i);
    slotBytes = 0;
    turnStarted = 0;
    timer;
    stderr = "";
    stopped;
    isLoaded = false;
    onLoaded;
    onLoadFailed;
    /** Settles once the process has the model: its inputs and outputs as its session sees them, or why it could not load it. */
    loaded;
    exited;
    constructor(child, tensorFile, timeoutMs, modelPath) {
        this.child = child;
        this.tensorFile = tensorFile;
        this.timeoutMs = timeoutMs;
        const [stdin, stderr, replies] = [child.stdin, child.stderr, child.stdio[3]];
        // A write into a killed process fails with EPIPE; its request already has its answer.
        stdin.on("error", () => { });
        stderr.on("data", (d) => (this.stderr = (this.stderr + d.toString()).slice(-STDERR_TAIL)));
        const decoder = new inference_protocol/* FrameDecoder */.wI((message, payload) => this.receive(message, payload));
        replies.on("data", (chunk) => decoder.push(chunk));
        // Node may report a process that could not start with "error" and no "exit".
        this.exited = new Promise((resolve) => child.once("exit", () => resolve()).once("error", () => resolve()));
        child.once("exit", (code, signal) => {
            (0,external_node_fs_.closeSync)(tensorFile);
            const how = signal ? `signal ${signal}` : `exit code ${code}`;
            const tail = this.stderr.trim() ? `: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}` : "";
            this.stop(new PoolStopped(`the inference process ended (${how})${tail}`));
        });
        child.once("error", (err) => this.stop(new PoolStopped(`the inference process could not start: ${err.message}`)));
        this.loaded = new Promise((resolve, reject) => {
            this.onLoaded = resolve;
            this.onLoadFailed = reject;
        });
        // Whoever runs an image learns of a failed load from its run; nobody else has to listen.
        this.loaded.catch(() => { });
        this.write({ type: "load", modelPath });
    }
    get pending() {
        return this.waiting.length + this.sent.length;
    }
    /** Loaded and not stopped: takes requests now. */
    get ready() {
        return this.isLoaded && !this.stopped;
    }
    get failed() {
        return this.stopped;
    }
    run(feeds, fetches, keep, id) {
        if (this.stopped)
            return Promise.reject(this.stopped);
        return new Promise((resolve, reject) => {
            this.waiting.push({ id, feeds, fetches, keep, resolve, reject });
            this.handOver();
        });
    }
    /** Writes waiting requests' tensors into free slots and sends their headers, in order. */
    handOver() {
        // Not before the model is loaded: an image's time runs from its hand-over.
        while (this.isLoaded && this.waiting.length > 0 && this.freeSlots.length > 0 && !this.stopped) {
            const request = this.waiting.shift();
            const slot = this.freeSlots.shift();
            const bytes = request.feeds.reduce((sum, f) => sum + f.data.byteLength, 0);
            this.slotBytes ||= bytes;
            let offset = slot * this.slotBytes;
            try {
                if (bytes > this.slotBytes)
                    throw new Error(`inputs of ${bytes} bytes after inputs of ${this.slotBytes}`);
                const feeds = request.feeds.map((f) => {
                    writeAll(this.tensorFile, f.data, offset);
                    const feed = { name: f.name, encoding: f.encoding, dims: f.dims, offset, bytes: f.data.byteLength };
                    offset += f.data.byteLength;
                    return feed;
                });
                this.sent.push({ ...request, slot });
                if (this.sent.length === 1)
                    this.startTurn();
                this.write({ type: "run", id: request.id, feeds, fetches: request.fetches, keep: request.keep });
            }
            catch (err) {
                this.freeSlots.push(slot);
                request.reject(new PoolStopped(`the inference tensors could not be written: ${err.message}`));
            }
        }
    }
    write(message) {
        if (!this.stopped)
            this.child.stdin?.write((0,inference_protocol/* encodeHeader */.YS)(message));
    }
    startTurn() {
        this.turnStarted = performance.now();
        this.timer = setTimeout(() => this.timeOut(), this.timeoutMs);
    }
    timeOut() {
        const head = this.sent.shift();
        this.stop(new PoolStopped("the pool stopped: an earlier image went past the time limit"));
        head?.reject(new RunTimeout(performance.now() - this.turnStarted, true));
    }
    receive(message, payload) {
        if (message.type === "loaded") {
            this.isLoaded = true;
            this.onLoaded?.({ inputs: message.inputs, outputs: message.outputs });
            return this.handOver();
        }
        if (message.type === "load-failed")
            return this.stop(new LoadFailure(message.message));
        // The process's own measure of session.run: this side's clock also counts the time this event loop was busy elsewhere.
        const { ms } = message;
        clearTimeout(this.timer);
        const head = this.sent.shift();
        if (!head)
            return;
        this.freeSlots.push(head.slot);
        if (this.sent.length > 0)
            this.startTurn();
        // The timer may not have fired yet on a busy event loop: past the limit is past the limit.
        if (ms > this.timeoutMs) {
            this.stop(new PoolStopped("the pool stopped: an earlier image went past the time limit"));
            return head.reject(new RunTimeout(ms, false));
        }
        if (message.type === "run-failed")
            head.reject(new RunFailure(message.message));
        else if (message.type === "unsupported-output")
            head.reject(new UnsupportedOutput(message.outputType));
        else
            head.resolve({ type: message.tensor.type, dims: message.tensor.dims, bytes: payload, ms });
        this.handOver();
    }
    /** Fails whatever is still waiting and kills the process (a no-op after the first call). */
    stop(reason) {
        if (this.stopped)
            return;
        this.stopped = reason;
        clearTimeout(this.timer);
        for (const request of [...this.sent.splice(0), ...this.waiting.splice(0)])
            request.reject(reason);
        this.onLoadFailed?.(reason);
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill("SIGKILL");
    }
    /** Ends an idle process by closing its input (it exits by itself), a busy (or still loading) one by killing it. */
    async close() {
        if (this.pending > 0 || this.stopped || !this.isLoaded)
            this.stop(new PoolStopped("the pool was closed"));
        else
            this.child.stdin?.end();
        const grace = setTimeout(() => this.stop(new PoolStopped("the pool was closed")), EXIT_GRACE_MS);
        await this.exited;
        clearTimeout(grace);
    }
}
function spawnProcess(options) {
    const { execArgv, entry } = processCommand();
    const tensorFile = openTensorFile();
    const child = (0,external_node_child_process_.spawn)(process.execPath, [...execArgv, entry], {
        // stdin: requests; stderr: kept for a crash's message; fd 3: replies; fd 4: the tensor file.
        stdio: ["pipe", "ignore", "pipe", "pipe", tensorFile],
        // ORT_DISABLE_TELEMETRY: onnxruntime 1.30 would otherwise write .ses and mat-debug-*.log files into the temp dir.
        env: { ...process.env, [protocol/* ROLE_VARIABLE */.k8]: protocol/* INFERENCE_ROLE */.f7, ORT_DISABLE_TELEMETRY: "1" },
    });
    return new InferenceProcess(child, tensorFile, options.timeoutMs, options.modelPath);
}
class InferencePool {
    options;
    processes;
    nextId = 0;
    constructor(options, processes) {
        this.options = options;
        this.processes = processes;
    }
    /**
     * Starts the processes, each loading the model while the caller goes on;
     * runs wait for the load. `loaded` says how it went (LoadFailure if
     * onnxruntime cannot load the model).
     */
    static start(options) {
        return new InferencePool(options, Array.from({ length: options.processes ?? 1 }, () => spawnProcess(options)));
    }
    /** The model's inputs and outputs once the first process has loaded it. */
    get loaded() {
        return this.processes[0].loaded;
    }
    get size() {
        return this.processes.length;
    }
    /**
     * One more process, loading the model while the others go on; it takes
     * requests once loaded. Resolves when it is ready (or rejects why not:
     * the pool goes on without it).
     */
    grow() {
        const added = spawnProcess(this.options);
        this.processes.push(added);
        return added.loaded.then(() => { });
    }
    /** Runs the model on one image's feeds (after the load); the buffers must stay untouched until this settles. */
    run(feeds, fetches, keep) {
        // A process killed at the limit (or that could not start) takes nothing more; until one has the model, the first waits for it.
        const live = this.processes.filter((p) => !p.failed);
        const candidates = live.filter((p) => p.ready);
        const pool = candidates.length > 0 ? candidates : live.length > 0 ? live : this.processes;
        const target = pool.reduce((best, p) => (p.pending < best.pending ? p : best));
        return target.run(feeds, fetches, keep, this.nextId++);
    }
    async close() {
        await Promise.all(this.processes.map((p) => p.close()));
    }
}

// EXTERNAL MODULE: ./src/engine/prediction.ts
var prediction = __webpack_require__(26549);
;// CONCATENATED MODULE: ./src/engine/inference.ts
/**
 * The validator's ONNX runner: inputs taken by position (0 = image
 * [1, 3, H, W], 1 = demographics [1, 3]), one image per run, every output
 * fetched and output 0 kept, a time limit per image. The session lives in a
 * child process (workers/inference-pool.ts) so that the limit can be
 * enforced. The model's signature is checked once, up front, so that an
 * incompatible model fails with one clear message instead of deep inside
 * onnxruntime.
 */






/** The validator gives up on an image after this long (ONNX_INFERENCE_TIMEOUT, asyncio.wait_for). */
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
        throw new errors/* ModelError */.me(`${modelPath} cannot be scored for ${competition.id}: ${why}`);
    };
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
    if (!output.isTensor) {
        // onnx_runner.py reads single_result.shape: a list (sequence) or dict (map) has none, the AttributeError
        // escapes the runner, which then returns no predictions at all.
        throw new errors/* ValidatorVerdictError */.GM("model", "non-tensor-output", `validators would score 0: output 0 "${output.name}" of ${modelPath} is not a tensor (a sequence or map), and their ` +
            "runner fails reading its shape; export the class scores as output 0");
    }
    const size = competition.imageSize;
    return {
        imageInput: image.name,
        demographicsInput: demographics ? demographics.name : null,
        output: output.name,
        fetches: outputs.filter((o) => o.isTensor).map((o) => o.name),
        inputSize: { height: fixedDim(dims[2]) ?? size, width: fixedDim(dims[3]) ?? size },
    };
}
/** "20 s", "23.4 s"; a test's limit of a few milliseconds keeps its digits. */
const seconds = (ms) => `${Number((ms / 1000).toFixed(ms < 100 ? 3 : 1))} s`;
/** The verdict (or plain failure) an inference error stands for, naming the image. */
function inferenceFailure(err, file, timeoutMs) {
    if (err instanceof RunTimeout) {
        const took = err.killed
            ? `more than ${seconds(timeoutMs)} in the model (stopped after ${seconds(err.ms)})`
            : `${seconds(err.ms)} in the model`;
        return new errors/* ValidatorVerdictError */.GM("model", "inference-timeout", `validators would score 0: image ${file} took ${took}, over their ${seconds(timeoutMs)} limit per image ` +
            "(they drop the rest of its chunk of 200 images, and the predictions then no longer match the labels)");
    }
    if (err instanceof RunFailure) {
        return new errors/* ValidatorVerdictError */.GM("model", "inference-error", `validators would score 0: onnxruntime failed on image ${file} (${err.message.split("\n")[0]}); ` +
            "the image gets no prediction, and the predictions then no longer match the labels");
    }
    if (err instanceof UnsupportedOutput) {
        return new errors/* ModelError */.me(`output 0 of the model is a ${err.outputType} tensor on ${file}; this tool reads numeric and bool outputs only`);
    }
    // The process died: a crash or the machine's memory, which says nothing certain about a validator's run.
    return new errors/* InferenceError */.uZ(`inference on ${file} stopped: ${err instanceof Error ? err.message : String(err)}`);
}
/**
 * The model's inputs and outputs, read by a session in this process, for a
 * check before any work (the evaluation itself reads them from its
 * inference process). Graph optimizations are off here: they change neither
 * inputs nor outputs, and cost time.
 */
async function readMetadata(modelPath) {
    // onnxruntime 1.30 reads this when it first starts: unset, it writes .ses and mat-debug-*.log files into the temp dir.
    process.env.ORT_DISABLE_TELEMETRY ??= "1";
    const { InferenceSession } = await (0,natives/* loadOrt */.s)();
    let session;
    try {
        session = await InferenceSession.create(modelPath, {
            graphOptimizationLevel: "disabled",
            logSeverityLevel: 3,
            intraOpNumThreads: 1,
            interOpNumThreads: 1,
            executionProviders: ["cpu"],
        });
    }
    catch (err) {
        throw notLoadable(modelPath, err);
    }
    try {
        return { inputs: session.inputMetadata, outputs: session.outputMetadata };
    }
    finally {
        await session.release();
    }
}
/**
 * onnxruntime's own words, without the C++ source location and signature it
 * puts in front of them ("…/model.cc:187 onnxruntime::Model::Model(…) ModelProto
 * does not have a graph."): a miner can act on the last sentence only.
 */
function onnxruntimeReason(err) {
    const text = (0,retry/* describeError */.Uc)(err);
    const located = /onnxruntime_src\/\S+:\d+ /.exec(text);
    if (!located)
        return text;
    const rest = text.slice(located.index + located[0].length);
    return rest.slice(rest.lastIndexOf(") ") + 2) || rest;
}
const notLoadable = (modelPath, err) => new errors/* ModelError */.me(`${modelPath} is not a loadable ONNX model (onnxruntime: ${onnxruntimeReason(err)})`);
async function checkModelFile(modelPath) {
    const info = await (0,promises_.stat)(modelPath).catch(() => undefined);
    if (!info?.isFile())
        throw new errors/* ModelError */.me(info ? `model file ${modelPath} is a folder, not an .onnx file` : `model file ${modelPath} does not exist`);
    if (info.size === 0)
        throw new errors/* ModelError */.me(`model file ${modelPath} is empty (0 bytes): was the export cut short?`);
}
/** The model checked against the competition without starting its inference process: for a check before any work. */
async function checkModel(modelPath, competition) {
    await checkModelFile(modelPath);
    const { inputs, outputs } = await readMetadata(modelPath);
    return checkSignature(modelPath, inputs, outputs, competition);
}
async function loadModel(modelPath, competition, options = {}) {
    const timeoutMs = options.timeoutMs ?? INFERENCE_TIMEOUT_MS;
    await checkModelFile(modelPath);
    let pool;
    try {
        pool = InferencePool.start({ modelPath, timeoutMs, processes: options.sessions });
    }
    catch (err) {
        throw new errors/* InferenceError */.uZ(`the inference process for ${modelPath} could not start: ${(0,retry/* describeError */.Uc)(err)}`);
    }
    let signature;
    try {
        // The inputs and outputs as the inference process's session sees them: this process need not load onnxruntime.
        const { inputs, outputs } = await pool.loaded;
        signature = checkSignature(modelPath, inputs, outputs, competition);
    }
    catch (err) {
        await pool.close();
        if (err instanceof LoadFailure)
            throw notLoadable(modelPath, err);
        if (err instanceof PoolStopped)
            throw new errors/* InferenceError */.uZ(`the inference process for ${modelPath} stopped while loading it: ${err.message}`);
        throw err;
    }
    const { width, height } = signature.inputSize;
    async function predict(rgb, demographics, file) {
        const feeds = [{ name: signature.imageInput, encoding: "rgb8", data: rgb, dims: [1, 3, height, width] }];
        if (signature.demographicsInput)
            feeds.push({ name: signature.demographicsInput, encoding: "float32", data: Float32Array.from(demographics), dims: [1, 3] });
        try {
            const output = await pool.run(feeds, signature.fetches, signature.output);
            return { output: (0,prediction/* decodeOutput */.aX)(output.type, output.dims, output.bytes), ms: output.ms };
        }
        catch (err) {
            throw inferenceFailure(err, file, timeoutMs);
        }
    }
    return {
        path: modelPath,
        signature,
        predict,
        get sessions() {
            return pool.size;
        },
        addSession: () => pool.grow(),
        close: () => pool.close(),
    };
}


/***/ }),

/***/ 68703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ metricFields)
/* harmony export */ });
/* harmony import */ var _scoring_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66727);

function metricFields(competition, yTrue, yPred, modelBytes) {
    const s = (0,_scoring_js__WEBPACK_IMPORTED_MODULE_0__/* .scoreCompetition */ .GC)(competition, yTrue, yPred, modelBytes);
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

/***/ 48862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fM: () => (/* binding */ checkNoExternalData)
/* harmony export */ });
/* unused harmony exports externalDataOf, externalDataMessage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/**
 * Which tensors of an ONNX model keep their bytes outside the .onnx file ("external data").
 *
 * Validators download only `<stem>.onnx` from the hub, so a model whose weights live in a side
 * file (`model.onnx.data`: PyTorch's dynamo exporter writes one by default) cannot load there and
 * scores 0, while onnxruntime here finds the side file next to the model and scores it normally.
 *
 * This is a protobuf wire-format walk, not a decoder: it enters only the messages that can hold a
 * tensor (model, graph, node, attribute, function, tensor, sparse tensor; field numbers from
 * onnx.proto) and steps over every other field, tensor bytes included, by offset. The file is read
 * through one reused 1 MiB window with positional reads, so a model of any size costs about one
 * read per large embedded tensor and never sits in memory whole.
 */



// Field numbers (onnx.proto). Everything else, and these fields with an unexpected wire type, is
// skipped: protobuf itself keeps a known field with the wrong wire type as an unknown field.
const MODEL = { graph: 7, functions: 25 };
const GRAPH = { node: 1, initializer: 5, sparseInitializer: 15 };
const FUNCTION = { name: 1, node: 7 };
const NODE = { name: 3, opType: 4, attribute: 5 };
const ATTRIBUTE = { name: 1, t: 5, g: 6, tensors: 10, graphs: 11, sparseTensor: 22, sparseTensors: 23 };
/** The attribute fields that hold tensors or graphs (everything but the name). */
const TENSOR_HOLDERS = new Set(Object.values(ATTRIBUTE).filter((n) => n !== ATTRIBUTE.name));
const TENSOR = { name: 8, externalData: 13, dataLocation: 14 };
const SPARSE = { values: 1, indices: 2 };
const ENTRY = { key: 1, value: 2 };
/** TensorProto.DataLocation.EXTERNAL; onnx's uses_external_data and onnxruntime look at this field alone. */
const EXTERNAL = 1;
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
/** protobuf's default recursion limit: a deeper model does not parse in onnxruntime either. */
const MAX_DEPTH = 100;
const WINDOW = 1 << 20;
/** A structural fault of the protobuf stream, at a byte offset. */
class Malformed extends Error {
    at;
    constructor(at, message) {
        super(message);
        this.at = at;
    }
}
function fileBytes(file, size) {
    const own = new Uint8Array(WINDOW);
    let window = own.subarray(0, 0);
    let base = 0;
    return {
        size,
        async at(pos, n) {
            const end = Math.min(pos + n, size);
            if (pos < base || end > base + window.length) {
                // Reuse one buffer (callers consume a result before asking again); only a huge string needs its own.
                const buffer = end - pos > WINDOW ? new Uint8Array(end - pos) : own;
                const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, size - pos), pos);
                window = buffer.subarray(0, bytesRead);
                base = pos;
            }
            return window.subarray(pos - base, Math.min(end, base + window.length) - base);
        },
    };
}
/** A base-128 varint in `bytes` at `i`; numbers, not bigints: lengths and enums fit, and a huge length fails the bounds check anyway. */
function varint(bytes, i, at) {
    let value = 0;
    for (let scale = 1, k = 0; k < 10; k++, scale *= 128) {
        if (i >= bytes.length)
            throw new Malformed(at, "a field header runs past the end");
        const byte = bytes[i++];
        value += (byte & 0x7f) * scale;
        if (byte < 0x80)
            return [value, i];
    }
    throw new Malformed(at, "a varint is longer than 10 bytes");
}
async function* fields(src, span) {
    let pos = span.start;
    while (pos < span.end) {
        const head = await src.at(pos, Math.min(20, span.end - pos));
        const [tag, afterTag] = varint(head, 0, pos);
        const number = Math.floor(tag / 8);
        const wire = tag % 8;
        if (number === 0)
            throw new Malformed(pos, "a field numbered 0");
        let start = pos + afterTag;
        let end;
        let value = 0;
        if (wire === VARINT) {
            const [v, next] = varint(head, afterTag, pos);
            value = v;
            start = end = pos + next;
        }
        else if (wire === I64)
            end = start + 8;
        else if (wire === I32)
            end = start + 4;
        else if (wire === LEN) {
            const [length, afterLength] = varint(head, afterTag, pos);
            start = pos + afterLength;
            end = start + length;
        }
        else {
            const why = wire === 3 || wire === 4 ? "a protobuf group, which ONNX never writes" : "which protobuf does not have";
            throw new Malformed(pos, `wire type ${wire} (${why})`);
        }
        if (end > span.end)
            throw new Malformed(pos, `field ${number} runs past the end of ${end > src.size ? "the file" : "the message holding it"}`);
        yield { number, wire, start, end, value };
        pos = end;
    }
}
async function text(src, field) {
    return new TextDecoder().decode(await src.at(field.start, field.end - field.start));
}
/** The LEN fields of a message, each after the depth check (what protobuf's parser refuses, so do we). */
async function* messages(walk, span, depth) {
    if (depth > MAX_DEPTH)
        throw new Malformed(span.start, `messages nested deeper than protobuf's limit of ${MAX_DEPTH}`);
    for await (const field of fields(walk.src, span))
        if (field.wire === LEN)
            yield field;
}
async function walkGraph(walk, span, where, depth) {
    for await (const f of messages(walk, span, depth)) {
        if (f.number === GRAPH.node)
            await walkNode(walk, f, where, depth + 1);
        else if (f.number === GRAPH.initializer)
            await walkTensor(walk, f, `${where}initializer`, depth + 1);
        else if (f.number === GRAPH.sparseInitializer)
            await walkSparse(walk, f, `${where}sparse initializer`, depth + 1);
    }
}
async function walkFunction(walk, span, depth) {
    // Model-local functions are inlined by onnxruntime, so their Constant nodes load like the graph's own.
    let name = "";
    const nodes = [];
    for await (const f of messages(walk, span, depth)) {
        if (f.number === FUNCTION.name)
            name = await text(walk.src, f);
        else if (f.number === FUNCTION.node)
            nodes.push(f);
    }
    for (const node of nodes)
        await walkNode(walk, node, `function "${name}": `, depth + 1);
}
async function walkNode(walk, span, where, depth) {
    // Attributes are walked after the loop so that `where` can name the node whatever order its fields come in.
    let name = "";
    let op = "";
    const attributes = [];
    for await (const f of messages(walk, span, depth)) {
        if (f.number === NODE.name)
            name = await text(walk.src, f);
        else if (f.number === NODE.opType)
            op = await text(walk.src, f);
        else if (f.number === NODE.attribute)
            attributes.push(f);
    }
    for (const a of attributes)
        await walkAttribute(walk, a, `${where}node "${name}" (${op}) `, depth + 1);
}
async function walkAttribute(walk, span, where, depth) {
    let name = "";
    const parts = [];
    for await (const f of messages(walk, span, depth)) {
        if (f.number === ATTRIBUTE.name)
            name = await text(walk.src, f);
        else if (TENSOR_HOLDERS.has(f.number))
            parts.push(f);
    }
    const here = `${where}attribute ${name}: `;
    for (const p of parts) {
        if (p.number === ATTRIBUTE.t || p.number === ATTRIBUTE.tensors)
            await walkTensor(walk, p, `${here}tensor`, depth + 1);
        else if (p.number === ATTRIBUTE.g || p.number === ATTRIBUTE.graphs)
            await walkGraph(walk, p, here, depth + 1);
        else
            await walkSparse(walk, p, `${here}sparse tensor`, depth + 1);
    }
}
async function walkSparse(walk, span, where, depth) {
    // onnxruntime densifies sparse initializers at load, reading external values and indices from disk.
    for await (const f of messages(walk, span, depth)) {
        if (f.number === SPARSE.values)
            await walkTensor(walk, f, `${where} values`, depth + 1);
        else if (f.number === SPARSE.indices)
            await walkTensor(walk, f, `${where} indices`, depth + 1);
    }
}
async function walkTensor(walk, span, where, depth) {
    if (depth > MAX_DEPTH)
        throw new Malformed(span.start, `messages nested deeper than protobuf's limit of ${MAX_DEPTH}`);
    let name = "";
    let location = "";
    let external = false;
    for await (const f of fields(walk.src, span)) {
        if (f.number === TENSOR.name && f.wire === LEN)
            name = await text(walk.src, f);
        // A repeated singular field: the last one wins, as in protobuf.
        else if (f.number === TENSOR.dataLocation && f.wire === VARINT)
            external = f.value === EXTERNAL;
        else if (f.number === TENSOR.externalData && f.wire === LEN) {
            let key = "";
            let value = "";
            for await (const e of messages(walk, f, depth + 1)) {
                if (e.number === ENTRY.key)
                    key = await text(walk.src, e);
                else if (e.number === ENTRY.value)
                    value = await text(walk.src, e);
            }
            if (key === "location")
                location = value;
        }
    }
    if (external)
        walk.found.push({ name, location, where });
}
async function walkModel(src) {
    const walk = { src, found: [] };
    let graphs = 0;
    for await (const f of messages(walk, { start: 0, end: src.size }, 0)) {
        if (f.number === MODEL.graph) {
            graphs++;
            await walkGraph(walk, f, "", 1);
        }
        else if (f.number === MODEL.functions)
            await walkFunction(walk, f, 1);
        // training_info graphs are left out: onnxruntime's inference session never loads them.
    }
    if (graphs === 0)
        throw new Malformed(0, "it has no graph");
    return walk.found;
}
/**
 * The tensors of `modelPath` stored outside it, or undefined when every tensor is inside.
 * Throws ModelError when the file is missing or is not an ONNX protobuf (truncated, another format).
 */
async function externalDataOf(modelPath) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(modelPath).catch(() => undefined);
    if (!info?.isFile())
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(info ? `model file ${modelPath} is a folder, not an .onnx file` : `model file ${modelPath} does not exist`);
    let file;
    try {
        file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(modelPath, "r");
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`cannot read model file ${modelPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
        const tensors = await walkModel(fileBytes(file, info.size));
        return tensors.length ? { tensors, files: [...new Set(tensors.map((t) => t.location))] } : undefined;
    }
    catch (err) {
        if (err instanceof Malformed)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelError */ .me(`${modelPath} is not a loadable ONNX model (${err.message}, at byte ${err.at}: truncated, or not an ONNX file)`);
        throw err;
    }
    finally {
        await file.close();
    }
}
function fileList(files) {
    const shown = files.slice(0, 3).map((f) => f || "a file it does not name");
    if (files.length > 3)
        return `${shown.join(", ")} and ${files.length - 3} more files`;
    return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0];
}
/** The verdict's message: what validators do with such a model, and the two usual ways to re-export it whole. */
function externalDataMessage(modelPath, data, uploadedAs = node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(modelPath)) {
    const name = JSON.stringify(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(modelPath));
    const count = `${data.tensors.length} tensor${data.tensors.length === 1 ? "" : "s"}`;
    return (`validators would score 0: ${modelPath} keeps its weights in ${fileList(data.files)} (external data, ${count}), ` +
        `and validators download only ${uploadedAs}. Re-export with the weights inside: ` +
        `onnx.save(onnx.load(${name}), ${name}, save_as_external_data=False) (PyTorch: torch.onnx.export(..., external_data=False))`);
}
/**
 * Throws ValidatorVerdictError("model", "external-data") when the model keeps any tensor outside the
 * file, since validators would score it 0. `uploadedAs` is the file name on the hub, for the message.
 */
async function checkNoExternalData(modelPath, uploadedAs) {
    const data = await externalDataOf(modelPath);
    if (data)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ValidatorVerdictError */ .GM("model", "external-data", externalDataMessage(modelPath, data, uploadedAs));
}


/***/ }),

/***/ 74106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ MAX_THREADS),
/* harmony export */   Qh: () => (/* binding */ checkThreads),
/* harmony export */   Tf: () => (/* binding */ emptyTotals),
/* harmony export */   no: () => (/* binding */ sessionsWanted),
/* harmony export */   p9: () => (/* binding */ planThreads),
/* harmony export */   wW: () => (/* binding */ mapOrdered)
/* harmony export */ });
/* unused harmony exports MIN_IMAGES_FOR_WORKERS, defaultThreads */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/**
 * How an evaluation streams: entries -> preprocessing (worker threads, a few
 * images ahead) -> inference (sessions in processes of their own, fed in CSV
 * order) -> metrics, in CSV order. Only the images in flight are in memory,
 * so a 10,000-image dataset costs what a 10-image one does.
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
        return { workers: 0, inFlight: 2, maxSessions: 1 };
    // As many workers as threads, not one fewer: a worker leaves its core to
    // sharp's decoding thread for part of each image, and a worker with no
    // image to prepare sleeps, leaving its core to inference. Two images per
    // thread: one being prepared, one ready. Sessions beyond the cores would
    // only hold more copies of the model: they cannot run at once.
    return { workers: n, inFlight: 2 * n, maxSessions: Math.min(n, defaultThreads()) };
}
function emptyTotals() {
    return { images: 0, decodeMs: 0, resampleMs: 0, inferenceMs: 0, sessions: 0 };
}
/**
 * How many inference sessions keep up with preprocessing on `threads`
 * cores, from what the images so far cost in each stage. With S sessions
 * an image takes at least max(inference / S, (prepare + inference) /
 * threads) of wall time; inference stops being the bottleneck once S >=
 * threads x its share of the work. Each session beyond what that needs
 * would only hold another copy of the model. Pure, for the tests; the run
 * applies it as it measures.
 */
function sessionsWanted(threads, measured) {
    const total = measured.decodeMs + measured.resampleMs + measured.inferenceMs;
    if (!(total > 0))
        return 1;
    const share = measured.inferenceMs / total;
    // A few percent of slack: within that, one process fewer costs less than its start and memory.
    return Math.min(threads, Math.max(1, Math.ceil(share * threads - 0.05)));
}


/***/ }),

/***/ 26549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _q: () => (/* binding */ PredictionStack),
/* harmony export */   aX: () => (/* binding */ decodeOutput),
/* harmony export */   iT: () => (/* binding */ outputNumbers)
/* harmony export */ });
/* unused harmony exports halfToNumber, astypeInt, argmax, squeezed, ruleFor */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** numpy's float16, exactly (every half is a double). */
function halfToNumber(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    if (exponent === 0)
        return sign * fraction * 2 ** -24;
    if (exponent === 31)
        return fraction ? NaN : sign * Infinity;
    return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
/** The typed view of an output's bytes (which must sit in a buffer of their own, aligned). */
function decodeOutput(type, dims, bytes) {
    const { buffer, byteOffset, byteLength } = bytes;
    const view = (Type) => new Type(buffer, byteOffset, byteLength / Type.BYTES_PER_ELEMENT);
    const values = {
        float32: () => view(Float32Array),
        float64: () => view(Float64Array),
        float16: () => Float64Array.from(view(Uint16Array), halfToNumber),
        int8: () => view(Int8Array),
        uint8: () => view(Uint8Array),
        bool: () => view(Uint8Array),
        int16: () => view(Int16Array),
        uint16: () => view(Uint16Array),
        int32: () => view(Int32Array),
        uint32: () => view(Uint32Array),
        int64: () => view(BigInt64Array),
        uint64: () => view(BigUint64Array),
    }[type]();
    return { type, dims, values };
}
/** The output as plain numbers, for results.json (64-bit integers rounded to the nearest double). */
const outputNumbers = (output) => Array.from(output.values, Number);
const INT64_MIN = -(2n ** 63n);
/**
 * numpy's astype(int) (int64) of one element. Floats truncate toward zero;
 * NaN, infinities and values outside int64 give INT64_MIN, the x86-64
 * conversion's "integer indefinite" (validators run on x86-64; numpy warns
 * "invalid value encountered in cast" and goes on). uint64 wraps.
 */
function astypeInt(value) {
    if (typeof value === "bigint")
        return BigInt.asIntN(64, value);
    if (!Number.isFinite(value) || value >= 2 ** 63 || value < -(2 ** 63))
        return INT64_MIN;
    return BigInt(Math.trunc(value));
}
/** numpy's argmax over the first `count` elements: the first NaN if there is one, else the first maximum. */
function argmax(values, count) {
    let best = 0;
    for (let i = 0; i < count; i++) {
        const v = values[i];
        if (typeof v === "number" && Number.isNaN(v))
            return i;
        if (v > values[best])
            best = i;
    }
    return best;
}
function hasNaN(values, count) {
    for (let i = 0; i < count; i++)
        if (typeof values[i] === "number" && Number.isNaN(values[i]))
            return true;
    return false;
}
/** The validator's squeeze: a leading 1 goes only from an output of 2 or more dimensions. */
const squeezed = (dims) => (dims.length > 1 && dims[0] === 1 ? dims.slice(1) : dims);
const describe = (dims) => `[${dims.join(", ")}]`;
const FLOAT_TYPES = ["float32", "float64", "float16"];
/** What validators do with outputs of this per-image shape, or the verdict where numpy or sklearn raises. */
function ruleFor(shape, outputName) {
    const fail = (why) => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidatorVerdictError */ .GM("model", "unscorable-output", `validators would score 0: output 0 "${outputName}" ${why}`);
    };
    if (shape.length === 0)
        return { kind: "value" };
    if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) {
        if (shape[0] === 0)
            fail(`gives ${describe(shape)} per image, no values: numpy's argmax of an empty sequence raises`);
        return { kind: "argmax", over: shape[0] };
    }
    return fail(`gives ${describe(shape)} per image: np.argmax(y_pred, axis=1) leaves ${describe(shape.slice(1))} per image, and ` +
        "sklearn's metrics refuse anything but one class per image");
}
class PredictionStack {
    competition;
    outputName;
    log;
    /** The first image's output, which every other image's must match in shape. */
    first;
    warnedNaN = false;
    constructor(competition, outputName, log) {
        this.competition = competition;
        this.outputName = outputName;
        this.log = log;
    }
    add(output, file) {
        const shape = squeezed(output.dims);
        if (!this.first) {
            this.first = { file, dims: output.dims, shape, rule: ruleFor(shape, this.outputName) };
            const note = this.unusual(output.type, this.first.rule);
            if (note)
                this.log.warning(`output 0 "${this.outputName}" is ${output.type} ${describe(output.dims)} per image: validators ${note}`);
        }
        else if (describe(shape) !== describe(this.first.shape)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ValidatorVerdictError */ .GM("model", "ragged-output", `validators would score 0: output 0 "${this.outputName}" is ${describe(this.first.dims)} on ${this.first.file} but ` +
                `${describe(output.dims)} on ${file}; np.array cannot stack outputs of different shapes, so their scoring fails`);
        }
        const { rule } = this.first;
        const exact = rule.kind === "value" ? astypeInt(output.values[0]) : BigInt(argmax(output.values, rule.over));
        const index = Number(exact);
        const known = Number.isInteger(index) && index >= 0 && index < this.competition.classes.length;
        const label = known ? this.competition.classes[index].short : exact.toString();
        if (!this.warnedNaN && hasNaN(output.values, rule.kind === "value" ? 1 : rule.over)) {
            this.warnedNaN = true;
            const consequence = rule.kind === "value"
                ? `numpy's astype(int) turns it into ${label}, a wrong prediction for validators`
                : `numpy's argmax takes the first NaN as the maximum, so validators predict ${label} there`;
            this.log.warning(`output 0 "${this.outputName}" is NaN on ${file} (maybe on other images too): ${consequence}`);
        }
        return { index, label };
    }
    /** What validators do with an unusual output, or undefined for class scores of the competition's length. */
    unusual(type, rule) {
        const classes = this.competition.classes.length;
        const id = this.competition.id;
        const shape = this.first?.shape ?? [];
        if (rule.kind === "value") {
            return ("take its value as the class index, truncated to an integer (numpy astype(int)); " +
                `a value outside 0..${classes - 1} counts as a wrong prediction`);
        }
        if (rule.over === 1)
            return `take numpy's argmax over its single value: every image is predicted ${this.competition.classes[0].short}`;
        const column = shape.length === 2 ? ` (a column of ${rule.over})` : "";
        if (rule.over > classes) {
            return (`take numpy's argmax over its ${rule.over} values${column}; an index from ${classes} on is outside ${id}'s ` +
                `${classes} classes and counts as a wrong prediction`);
        }
        if (rule.over < classes) {
            return `take numpy's argmax over its ${rule.over} values${column}; classes ${rule.over}..${classes - 1} can never be predicted`;
        }
        if (column)
            return `take numpy's argmax over its ${rule.over} values${column}`;
        if (!FLOAT_TYPES.includes(type))
            return "take numpy's argmax over these values (the first maximum wins a tie)";
        return undefined;
    }
}


/***/ }),

/***/ 46531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UL: () => (/* binding */ resultsDocument),
  K2: () => (/* binding */ runEvaluation),
  qi: () => (/* binding */ runReport)
});

// EXTERNAL MODULE: ./src/dataset/remote.ts
var remote = __webpack_require__(20188);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/digest.ts
var digest = __webpack_require__(16178);
// EXTERNAL MODULE: ./src/engine/inference.ts + 1 modules
var inference = __webpack_require__(46372);
// EXTERNAL MODULE: ./src/engine/prediction.ts
var prediction = __webpack_require__(26549);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/engine/pipeline.ts
var pipeline = __webpack_require__(74106);
// EXTERNAL MODULE: ./src/dataset/package.ts + 5 modules
var dataset_package = __webpack_require__(89317);
// EXTERNAL MODULE: ./src/engine/onnx-file.ts
var onnx_file = __webpack_require__(48862);
// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __webpack_require__(6559);
// EXTERNAL MODULE: ./src/engine/shard.ts
var shard = __webpack_require__(20914);
// EXTERNAL MODULE: ./src/engine/sessions.ts
var sessions = __webpack_require__(24653);
// EXTERNAL MODULE: ./src/workers/preprocessor.ts + 1 modules
var workers_preprocessor = __webpack_require__(81820);
;// CONCATENATED MODULE: ./src/engine/evaluate.ts
/**
 * The evaluation of one model on one dataset package, as a stream (see
 * pipeline.ts): entries -> decode + resample in worker threads (on this
 * thread for a small dataset), a few images ahead -> inference in sessions
 * in processes of their own (which the 20 s limit can stop; more of them
 * when the model is the bottleneck, see sessions.ts), fed in CSV order ->
 * metrics. Only the images in flight are held in memory.
 */













/**
 * The model's result on one package. Where validators would not score it
 * normally (a model they give 0, a package that fails for every model), the
 * result carries their verdict instead of the run failing.
 */
async function evaluate(options) {
    (0,pipeline/* checkThreads */.Qh)(options.threads);
    const started = performance.now();
    try {
        // Validators download only <stem>.onnx: a model whose weights live beside it cannot load there.
        await (0,onnx_file/* checkNoExternalData */.fM)(options.modelPath);
        return await scorePackage(options);
    }
    catch (err) {
        const verdict = (0,engine_verdict/* verdictOf */.Vj)(err);
        if (!verdict)
            throw err;
        options.log.warning(verdict.message);
        const result = (0,engine_verdict/* verdictResult */.ll)(verdict, {
            competition: options.competition,
            dataset: external_node_path_default().basename(options.dataset),
            model: { bytes: (await (0,promises_.stat)(options.modelPath)).size, sha256: await (0,digest/* sha256File */.Q)(options.modelPath) },
            runSeconds: (performance.now() - started) / 1000,
        });
        // A shard's verdict travels to the merge, which then gives the package that verdict.
        if (options.shard) {
            result.shard = { ...options.shard, total_entries: 0, dataset_sha256: "", rows: [], class_indices: [], predicted_indices: [] };
        }
        return result;
    }
}
async function scorePackage(options) {
    const { modelPath, competition, log } = options;
    (0,pipeline/* checkThreads */.Qh)(options.threads);
    // The model loads in its own process while the package opens and the workers start; its load time still
    // counts in run_time_s, as in the validator.
    const started = performance.now();
    const loading = (0,inference/* loadModel */.cm)(modelPath, competition, { timeoutMs: options.inferenceTimeoutMs, sessions: options.sessions });
    // Awaited below, in every path: until then its failure must not count as unhandled.
    loading.catch(() => { });
    let pkg;
    let preprocessor;
    try {
        let dataset;
        let selected;
        let plan;
        try {
            pkg = await (0,dataset_package/* openPackage */.R$)(options.dataset);
            dataset = await (0,dataset_package/* readDataset */.JP)(pkg, competition);
            selected = (0,shard/* selectShard */.Xm)(dataset.entries, options.shard);
            plan = (0,pipeline/* planThreads */.p9)(options.threads, selected.length);
            preprocessor = await (0,workers_preprocessor/* openPreprocessor */.a)(plan.workers, competition.imageSize, log);
        }
        catch (err) {
            // The validator loads the model first: a model it cannot load is the verdict, whatever the package.
            await loading;
            throw err;
        }
        for (const warning of dataset.warnings)
            log.warning(warning);
        const session = await loading;
        const model = { bytes: (await (0,promises_.stat)(modelPath)).size, sha256: await (0,digest/* sha256File */.Q)(modelPath) };
        const what = options.shard
            ? `${selected.length} of ${dataset.entries.length} images (shard ${(0,shard/* formatShard */._D)(options.shard)})`
            : `${dataset.entries.length} images`;
        const stream = {
            preprocessor: afterExtraction(pkg, preprocessor, session.signature.inputSize),
            scaler: new sessions/* SessionScaler */.nO(session, options.sessions ?? plan.maxSessions, selected.length, model.bytes, log),
            inFlight: plan.inFlight,
            timings: options.timings,
        };
        const workers = preprocessor.workers;
        const { predictions, yTrue, yPred } = await log.group(`Evaluating ${external_node_path_default().basename(modelPath)} on ${what} of ${external_node_path_default().basename(options.dataset)}`, async () => {
            if (workers > 0)
                log.info(`preprocessing in ${workers} worker threads; inference in ` +
                    (options.sessions
                        ? `${options.sessions} session(s)`
                        : `1 session (up to ${plan.maxSessions} as the model's share of the work calls for)`) +
                    ", each in its own process on 1 onnxruntime thread");
            return predictAll(session, selected.map((s) => s.entry), competition, log, stream);
        });
        const result = (0,engine_verdict/* scoredResult */.Cl)({ yTrue, yPred, predictions }, { competition, dataset: external_node_path_default().basename(options.dataset), model, runSeconds: (performance.now() - started) / 1000 });
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
        // A corrupt entry after the last image the CSV names still fails the package, as when it was extracted first.
        await pkg.extracted();
        return result;
    }
    finally {
        await preprocessor?.close();
        await pkg?.close();
        await loading.then((session) => session.close(), () => { });
    }
}
/**
 * The images' source for this model: at its input size, and each read once it is on disk (a zip package
 * streams: its images are written while the first ones are evaluated).
 */
const afterExtraction = (pkg, preprocessor, inputSize) => ({
    prepare: (file, filePath) => pkg.extracted(filePath).then(() => preprocessor.preprocess(file, filePath, [inputSize])),
});
async function predictAll(session, entries, competition, log, stream) {
    const predictions = [];
    const yTrue = [];
    const yPred = [];
    const { preprocessor, scaler, timings } = stream;
    // The validators' y_pred from output 0, whatever its shape: warns once about an unusual one,
    // throws their verdict where numpy or sklearn would raise.
    const stack = new prediction/* PredictionStack */._q(competition, session.signature.output, log);
    const progress = (0,util_log/* progressReporter */.xZ)(log, entries.length, "images evaluated");
    // Each image goes into the model as soon as it is prepared and the one before it has gone in: the model's
    // process always has the next image waiting, and images enter in CSV order, as in the validator's loop
    // (so the image named by a timeout or an error is the first in the CSV that would hit it).
    let called = Promise.resolve();
    const inferred = (0,pipeline/* mapOrdered */.wW)(entries, stream.inFlight, (entry) => {
        const prepared = preprocessor.prepare(entry.file, entry.path);
        // Its failure surfaces through `call` below, in CSV order; until then it must not count as unhandled.
        prepared.catch(() => { });
        const call = called.then(async () => {
            const image = await prepared;
            return { image, result: session.predict(image.rgbs[0], entry.demographics, entry.file) };
        });
        called = call.catch(() => { });
        return call.then(async ({ image, result }) => ({ entry, image, ...(await result) }));
    });
    for await (const { entry, image, output, ms } of inferred) {
        if (timings) {
            timings.images++;
            timings.decodeMs += image.times.decodeMs;
            timings.resampleMs += image.times.resampleMs;
            timings.inferenceMs += ms;
            timings.sessions = session.sessions;
        }
        scaler.observe(image.times, ms);
        const predicted = stack.add(output, entry.file);
        yTrue.push(entry.classIndex);
        yPred.push(predicted.index);
        predictions.push({ file: entry.file, label: entry.label, predicted: predicted.label, probabilities: (0,prediction/* outputNumbers */.iT)(output) });
        progress(predictions.length);
    }
    return { predictions, yTrue, yPred };
}

;// CONCATENATED MODULE: ./src/engine/run.ts




async function runEvaluation(request) {
    const { competition, hub } = request;
    // A model that cannot be scored fails here, before any package is downloaded.
    await (0,inference/* checkModel */.w5)(request.modelPath, competition);
    const sources = await hub.log.group("Datasets", () => (0,remote/* resolveDatasets */.E)(request.dataset, { ...request, competitionId: competition.id }));
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
/**
 * The report over packages evaluated separately (by one runner, or merged
 * from shards): their mean score, leaving out packages every model fails on.
 */
function runReport(competitionId, datasets) {
    const scored = (0,engine_verdict/* scoredPackages */.S5)(datasets);
    const score = scored.length === 0 ? null : scored.reduce((sum, d) => sum + d.score, 0) / scored.length;
    return { competition_id: competitionId, score, datasets };
}
/** results.json: the result itself for one package, else every result and their mean. */
function resultsDocument(report) {
    return report.datasets.length === 1 ? report.datasets[0] : report;
}


/***/ }),

/***/ 66727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ scoreCompetition),
/* harmony export */   su: () => (/* binding */ metricsFromCounts),
/* harmony export */   uf: () => (/* binding */ scoreMetrics),
/* harmony export */   wq: () => (/* binding */ pyRound)
/* harmony export */ });
/* unused harmony exports numpySum, classificationMetrics, countPairs, efficiencyScore */
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74344);
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
 * decimal, exact ties to even, then the double nearest to that decimal.
 * JS toFixed rounds ties up (1/128 -> 0.007813, Python gives 0.007812), so the
 * tie is decided from the exact expansion, and the carry is done on the
 * decimal digits (adding 10^-digits in binary misrounds from ~1e9 up).
 */
function pyRound(x, digits = 6) {
    // From 2^52 up every double is an integer (toFixed would also switch to exponent notation from 1e21).
    if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 2 ** 52)
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
    const scaled = (BigInt(kept.replace(".", "")) + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, "0");
    const decimal = digits > 0 ? `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}` : scaled;
    // Parsing the decimal gives the double nearest to it, as Python's round returns.
    return Math.sign(x) * Number(decimal);
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
 * sklearn 1.5.1's accuracy_score, precision/recall/f1_score(average="weighted",
 * labels=0..k-1, zero_division=0), f1_score(average=None) and
 * confusion_matrix. A prediction outside 0..k-1 (argmax 11 of 12 scores, a
 * scalar output of 42, INT64_MIN from NaN) is never a class's prediction:
 * confusion_matrix drops the pair, multilabel_confusion_matrix encodes it as
 * an extra label and keeps only 0..k-1. Its true label still counts in that
 * class's support (true_sum = bincount(y_true)): a recall miss, and weight in
 * the weighted averages. Labels are always 0..k-1 (the dataset is checked).
 */
function classificationMetrics(yTrue, yPred, classCount) {
    if (yTrue.length !== yPred.length)
        throw new Error(`${yTrue.length} labels but ${yPred.length} predictions`);
    if (yTrue.length === 0)
        throw new Error("no samples to score");
    return metricsFromCounts(countPairs(yTrue, yPred, classCount));
}
function countPairs(yTrue, yPred, classCount) {
    const confusionMatrix = Array.from({ length: classCount }, () => new Array(classCount).fill(0));
    const trueSum = new Array(classCount).fill(0);
    let correct = 0;
    for (let i = 0; i < yTrue.length; i++) {
        if (yTrue[i] === yPred[i])
            correct++;
        trueSum[yTrue[i]]++;
        if (Number.isInteger(yPred[i]) && yPred[i] >= 0 && yPred[i] < classCount)
            confusionMatrix[yTrue[i]][yPred[i]]++;
    }
    return { confusionMatrix, trueSum, correct, total: yTrue.length };
}
/** classificationMetrics from the counts of its pairs (total > 0). */
function metricsFromCounts(counts) {
    const { confusionMatrix, trueSum, correct, total } = counts;
    const tp = confusionMatrix.map((row, c) => row[c]);
    const predSum = tp.map((_, c) => confusionMatrix.reduce((a, row) => a + row[c], 0));
    const precisionByClass = tp.map((t, c) => divideOrZero(t, predSum[c]));
    const recallByClass = tp.map((t, c) => divideOrZero(t, trueSum[c]));
    const f1ByClass = tp.map((t, c) => divideOrZero(2 * t, trueSum[c] + predSum[c]));
    return {
        accuracy: correct / total,
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
    return scoreMetrics(competition, metrics, efficiencyScore(competition, modelBytes));
}
/** get_model_result from the metrics and the efficiency score (rounded here; a rounded value stays as it is). */
function scoreMetrics(competition, metrics, efficiencyValue) {
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
    const efficiency = pyRound(efficiencyValue);
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
        classWeights: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .classWeights */ .Ko)(competition),
        score: accuracyAndF1 * (0.5 * accuracy + 0.5 * weightedF1) + efficiencyWeight * efficiency,
    };
}


/***/ }),

/***/ 24653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gO: () => (/* binding */ sessionBytes),
/* harmony export */   nO: () => (/* binding */ SessionScaler)
/* harmony export */ });
/* unused harmony export SESSION_OVERHEAD_BYTES */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4266);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74106);
/**
 * Balancing cores between the two stages while the run goes: it starts
 * with one inference session, measures what each image costs in
 * preprocessing and in the model, and starts more sessions (each in its own
 * process, holding the model once) when inference is the bottleneck: a
 * heavy model gets more sessions, a light one stays at one and leaves the
 * cores to decoding.
 */



/** Images measured before the first decision, and between decisions: a few images' noise is too much to act on. */
const CHECK_EVERY = 8;
/** A session's start (a process, onnxruntime, the model) must buy at least this much inference time. */
const MIN_REMAINING_MS = 3000;
/** What a session costs beyond the model itself: Node, onnxruntime and its arena (measured ~130 MiB). */
const SESSION_OVERHEAD_BYTES = 160 * 1024 * 1024;
/** What one more session of a model takes: the model about twice (file and onnxruntime's copy) plus the process. */
const sessionBytes = (modelBytes) => modelBytes * 2 + SESSION_OVERHEAD_BYTES;
class SessionScaler {
    model;
    maxSessions;
    images;
    modelBytes;
    log;
    measured = (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyTotals */ .Tf)();
    busy = false;
    done = false;
    constructor(model, maxSessions, images, modelBytes, log) {
        this.model = model;
        this.maxSessions = maxSessions;
        this.images = images;
        this.modelBytes = modelBytes;
        this.log = log;
        this.done = maxSessions <= 1;
    }
    /** One more image finished: its stage times and its time in the model. */
    observe(times, inferenceMs) {
        const m = this.measured;
        m.images++;
        m.decodeMs += times.decodeMs;
        m.resampleMs += times.resampleMs;
        m.inferenceMs += inferenceMs;
        if (this.done || this.busy || m.images % CHECK_EVERY !== 0)
            return;
        const sessions = this.model.sessions;
        const wanted = (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .sessionsWanted */ .no)(this.maxSessions, m);
        if (wanted <= sessions)
            return;
        const remainingMs = ((this.images - m.images) * m.inferenceMs) / m.images / sessions;
        if (remainingMs < MIN_REMAINING_MS)
            return;
        // Each session holds the model once: start one only where the memory is (the kernel's free memory, caches not counted).
        const needed = sessionBytes(this.modelBytes);
        if (node_os__WEBPACK_IMPORTED_MODULE_0___default().freemem() < needed) {
            this.done = true;
            this.log.info(`inference stays at ${sessions} session(s): another would need about ${mib(needed)} and ${mib(node_os__WEBPACK_IMPORTED_MODULE_0___default().freemem())} is free`);
            return;
        }
        const share = Math.round((100 * m.inferenceMs) / (m.decodeMs + m.resampleMs + m.inferenceMs));
        this.log.info(`inference is ${share}% of each image's work: starting inference session ${sessions + 1} (of up to ${wanted})`);
        this.busy = true;
        this.model.addSession().then(() => (this.busy = false), (err) => {
            this.done = true;
            this.log.warning(`inference goes on with fewer sessions: another could not start (${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(err)})`);
        });
    }
}
const mib = (bytes) => `${Math.round(bytes / (1024 * 1024))} MiB`;


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
/* unused harmony exports SHARD_FORMAT, SHARD_LIMITS, mergeShards */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6559);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68703);



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
/**
 * Bounds on what a shard file may say, so a damaged or hostile file is
 * refused with a message instead of exhausting memory: no package holds ten
 * million images, no matrix has 1,000 jobs, no model has 10,000 outputs.
 */
const SHARD_LIMITS = { rows: 10_000_000, shards: 1_000, outputs: 10_000 };
const NON_FINITE = ["NaN", "Infinity", "-Infinity"];
const toJsonNumber = (v) => (Number.isFinite(v) ? v : String(v));
const fromJsonNumber = (v) => (typeof v === "number" ? v : Number(v));
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
            output: p.probabilities.map(toJsonNumber),
            predicted: run.predicted_indices[i],
        })),
        ...(result.verdict && { verdict: result.verdict }),
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
    checkShardSet(docs);
    const judged = docs.filter((d) => d.verdict);
    if (judged.length > 0)
        return mergedVerdict(docs, judged, competition);
    checkSameRun(docs, competition);
    const rows = collectRows(docs, competition.classes.length);
    const first = docs[0];
    const yTrue = rows.map((p) => p.class_index);
    const yPred = rows.map((p) => p.predicted);
    const predictions = rows.map((p) => ({
        file: p.file,
        label: p.label,
        predicted: competition.classes[p.predicted]?.short ?? String(p.predicted),
        probabilities: p.output.map(fromJsonNumber),
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
        ...(0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .metricFields */ .s)(competition, yTrue, yPred, first.model_size_bytes),
        predictions,
    };
}
/**
 * A shard that met a validator's verdict decides the package: a package
 * every model fails on outweighs a model's 0, and the lowest shard wins a tie.
 */
function mergedVerdict(docs, judged, competition) {
    checkSameRun(docs.map((d) => ({ ...d, dataset_sha256: "", total_entries: 0 })), competition);
    const ranked = [...judged].sort((a, b) => Number(b.verdict?.fault === "package") - Number(a.verdict?.fault === "package") || a.shard.index - b.shard.index);
    const first = ranked[0];
    const result = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictResult */ .ll)(first.verdict, {
        competition,
        dataset: first.dataset,
        model: { sha256: first.model_sha256, bytes: first.model_size_bytes },
        runSeconds: docs.reduce((sum, d) => sum + d.run_time_s, 0),
    });
    return {
        ...result,
        ...(first.dataset_uri !== undefined && { dataset_uri: first.dataset_uri }),
        ...(first.dataset_date !== undefined && { dataset_date: first.dataset_date }),
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
const isCount = (v) => Number.isSafeInteger(v) && v >= 0;
const isRowCount = (v) => isCount(v) && v <= SHARD_LIMITS.rows;
const isOutput = (v) => Array.isArray(v) &&
    v.length <= SHARD_LIMITS.outputs &&
    v.every((x) => (typeof x === "number" && Number.isFinite(x)) || NON_FINITE.includes(x));
const isShard = (v) => {
    const { index, count } = (typeof v === "object" && v !== null ? v : {});
    return (isCount(index) &&
        isCount(count) &&
        index >= 1 &&
        index <= count &&
        count <= SHARD_LIMITS.shards);
};
const isVerdict = (v) => {
    const { fault, code, message } = (typeof v === "object" && v !== null ? v : {});
    return (fault === "model" || fault === "package") && isText(code) && isText(message);
};
const DOCUMENT_FIELDS = [
    ["competition_id", isText, "a string"],
    ["dataset", isText, "a string"],
    ["dataset_sha256", isText, "a string"],
    ["total_entries", isRowCount, `a whole number up to ${SHARD_LIMITS.rows}`],
    ["model_sha256", isText, "a string"],
    ["model_size_bytes", isCount, "a whole number"],
    ["shard", isShard, `{index, count} with 1 <= index <= count <= ${SHARD_LIMITS.shards}`],
    ["run_time_s", (v) => typeof v === "number", "a number"],
    ["predictions", Array.isArray, "a list"],
];
const PREDICTION_FIELDS = [
    ["row", isRowCount, `a whole number up to ${SHARD_LIMITS.rows}`],
    ["file", isText, "a string"],
    ["label", isText, "a string"],
    ["class_index", isCount, "a whole number"],
    ["output", isOutput, `a list of at most ${SHARD_LIMITS.outputs} numbers (or "NaN", "Infinity", "-Infinity")`],
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
        if ("verdict" in item && !isVerdict(item.verdict))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: verdict must be {fault: "model" | "package", code, message}`);
        item.predictions.forEach((p, j) => {
            if (typeof p !== "object" || p === null)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: prediction ${j} is not an object`);
            checkFields(p, PREDICTION_FIELDS, `${where}, prediction ${j}`);
        });
        return item;
    });
}


/***/ }),

/***/ 6559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ modelRejections),
/* harmony export */   Cl: () => (/* binding */ scoredResult),
/* harmony export */   S5: () => (/* binding */ scoredPackages),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   ll: () => (/* binding */ verdictResult)
/* harmony export */ });
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74344);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68703);
/**
 * The results of a package that validators would not score normally: a
 * model they give 0, or a package that fails for every model. The engine
 * throws ValidatorVerdictError (or ImageError, for an image validators
 * cannot read) wherever that happens; evaluate() records it here instead
 * of failing the run, so the report can say what validators would do.
 */



/** The verdict an error stands for, or undefined for an error that is not a validator's (a missing file, a bug). */
function verdictOf(err) {
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValidatorVerdictError */ .GM)
        return { fault: err.fault, code: err.code, message: err.message };
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageError */ .C8 && err.kind === "unreadable") {
        // Validators skip an image they cannot read and then fail the package on the length mismatch, for every model.
        return {
            fault: "package",
            code: "unreadable-image",
            message: `validators would fail this package for every model: ${err.message} ` +
                "(they skip the image, and then the predictions no longer match the labels)",
        };
    }
    return undefined;
}
/** The result validators would record: zeros (a model's 0), with the reason. */
function verdictResult(verdict, context) {
    const { competition } = context;
    const classes = competition.classes.length;
    return {
        competition_id: competition.id,
        dataset: context.dataset,
        model_sha256: context.model.sha256,
        model_size_mb: context.model.bytes / (1024 * 1024),
        tested_entries: 0,
        run_time_s: context.runSeconds,
        accuracy: 0,
        precision: 0,
        recall: 0,
        fbeta: 0,
        weighted_f1: 0,
        efficiency_score: 0,
        score: 0,
        f1_by_class: new Array(classes).fill(0),
        class_weights: (0,_competition_competition_js__WEBPACK_IMPORTED_MODULE_0__/* .classWeights */ .Ko)(competition),
        confusion_matrix: Array.from({ length: classes }, () => new Array(classes).fill(0)),
        risk_category_scores: { high_risk: 0, medium_risk: 0, benign: 0 },
        predictions: [],
        verdict,
    };
}
/** The result validators would record for a run that was scored: its metrics and predictions. */
function scoredResult(run, context) {
    const { competition, model } = context;
    return {
        competition_id: competition.id,
        dataset: context.dataset,
        model_sha256: model.sha256,
        model_size_mb: model.bytes / (1024 * 1024),
        tested_entries: run.yTrue.length,
        run_time_s: context.runSeconds,
        ...(0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .metricFields */ .s)(competition, [...run.yTrue], [...run.yPred], model.bytes),
        predictions: run.predictions,
    };
}
/** The packages whose result counts for the model: all but those every model fails on. */
const scoredPackages = (datasets) => datasets.filter((d) => d.verdict?.fault !== "package");
/** Model faults: each a reason the gate fails. */
const modelRejections = (report) => report.datasets.filter((d) => d.verdict?.fault === "model");


/***/ }),

/***/ 71472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ DEFAULT_CONFIG_REPO),
/* harmony export */   FD: () => (/* binding */ downloadDataset),
/* harmony export */   H2: () => (/* binding */ checkDigest),
/* harmony export */   Ik: () => (/* binding */ HubError),
/* harmony export */   RP: () => (/* binding */ datasetUri),
/* harmony export */   Rh: () => (/* binding */ watchHub),
/* harmony export */   Sc: () => (/* binding */ DEFAULT_HUB_URL),
/* harmony export */   Xc: () => (/* binding */ discoverDatasets),
/* harmony export */   YQ: () => (/* binding */ findDataset),
/* harmony export */   gh: () => (/* binding */ parseHfUri),
/* harmony export */   pD: () => (/* binding */ DEFAULT_SILENCE_MS)
/* harmony export */ });
/* unused harmony exports hubFetch, safeLoadYaml, readCompetitionConfig */
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
/* harmony import */ var _transfer_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(13);
/**
 * Reading the HuggingFace Hub: the competition configuration space, the
 * dataset repositories it names, and the packages in them. Every call takes
 * `hubUrl`, so tests point the real client at a local hub.
 */











const DEFAULT_HUB_URL = "https://huggingface.co";
const DEFAULT_CONFIG_REPO = "safescanai/competition-configuration";
/** A minute of silence is no slow link but a stuck one: the call is retried (with backoff) instead of waited on. */
const DEFAULT_SILENCE_MS = 60_000;
/** The fetch every hub call goes through: bounded silence, before an answer starts and between two chunks of its body. */
const hubFetch = (opts) => (0,_transfer_js__WEBPACK_IMPORTED_MODULE_10__/* .silenceBoundedFetch */ .Hq)(opts.silenceMs ?? DEFAULT_SILENCE_MS);
/** A watch (transfer.ts) for one hub call with the hub's settings: its silence window and progress interval. */
const watchHub = (hub, what, direction, totalBytes) => new _transfer_js__WEBPACK_IMPORTED_MODULE_10__/* .TransferWatch */ .tk({
    log: hub.log,
    what,
    direction,
    totalBytes,
    silenceMs: hub.silenceMs ?? DEFAULT_SILENCE_MS,
    progressMs: hub.progressMs,
});
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
function hubFailure(what, err, opts) {
    const status = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .httpStatus */ .nG)(err);
    const unreadable = opts.accessToken ? "the hf-token given cannot read it" : "pass an hf-token that can read it";
    const hint = status === 401 && opts.accessToken
        ? " (the hub rejected the hf-token: check the secret's value, and that the token is not expired or revoked)"
        : status === 401 || status === 403 || status === 404
            ? ` (it does not exist, or it is private: ${unreadable})`
            : status === undefined || status >= 500
                ? " (the hub is unreachable or failing; retried with backoff)"
                : "";
    return new HubError(`${what} failed: ${(0,_transfer_js__WEBPACK_IMPORTED_MODULE_10__/* .describeHubError */ .zA)(err)}${hint}`);
}
async function listAll(repo, opts) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`listing ${repo.type} ${repo.name}`, async () => {
        const entries = [];
        for await (const entry of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .listFiles */ .CS)({
            repo,
            recursive: true,
            expand: true,
            hubUrl: opts.hubUrl,
            accessToken: opts.accessToken,
            fetch: hubFetch(opts),
        }))
            entries.push(entry);
        return entries;
    }, opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw hubFailure(`listing ${repo.type} ${repo.name} on ${opts.hubUrl}`, err, opts);
    });
}
async function downloadBytes(repo, file, opts) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`downloading ${file}`, async () => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .downloadFile */ .PE)({
            repo,
            path: file,
            hubUrl: opts.hubUrl,
            accessToken: opts.accessToken,
            xet: false,
            fetch: hubFetch(opts),
        });
        if (!blob)
            throw new HubError(`${repo.name}/${file} disappeared while reading it`);
        return new Uint8Array(await blob.arrayBuffer());
    }, opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw err instanceof HubError ? err : hubFailure(`downloading ${repo.name}/${file}`, err, opts);
    });
}
// PyYAML's Reader refuses any other character (ReaderError) before parsing.
// eslint-disable-next-line no-control-regex
const YAML_NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// Maps stay Maps so that keys keep their YAML types: Python's **entry refuses a key that is not a string.
const TO_JS = { mapAsMap: true };
/**
 * `yaml.safe_load` as far as the configuration needs it: YAML 1.1 (PyYAML's
 * version), duplicate keys allowed (the last wins), and PyYAML's refusals
 * kept as errors where the yaml package only warns or reads on: control
 * characters, several documents, tags no safe constructor knows.
 */
function safeLoadYaml(text) {
    const bad = YAML_NON_PRINTABLE.exec(text);
    if (bad) {
        const code = (bad[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0");
        return { ok: false, error: `unacceptable character #x${code}: special characters are not allowed` };
    }
    // PyYAML skips a byte-order mark at the start of the stream only.
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_7__/* .parseAllDocuments */ .hR)(text.replace(/^\ufeff/, ""), { version: "1.1", uniqueKeys: false });
    if (docs.length === 0)
        return { ok: true, value: null };
    if (docs.length > 1)
        return { ok: false, error: "expected a single document in the stream" };
    const [doc] = docs;
    if (doc.errors.length > 0)
        return { ok: false, error: doc.errors[0].message };
    const unknownTag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (unknownTag)
        return { ok: false, error: `could not determine a constructor for the tag (${unknownTag.message})` };
    try {
        return { ok: true, value: doc.toJS(TO_JS) };
    }
    catch (err) {
        return { ok: false, error: (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err) };
    }
}
/** `OrganizationDataReference(**entry)` (models.py): pydantic 2's rules for its `str` fields. */
function organizationReference(entry, file) {
    if (!(entry instanceof Map))
        return `an entry that is not a mapping (${describeYamlValue(entry)}) cannot be unpacked with **`;
    if ([...entry.keys()].some((k) => typeof k !== "string"))
        return "an entry has a key that is not a string (TypeError: keywords must be strings)";
    const fields = new Map(entry);
    // sync_organizations_data_references renames org_id to organization_id, replacing any organization_id.
    if (fields.has("org_id")) {
        fields.set("organization_id", fields.get("org_id"));
        fields.delete("org_id");
    }
    const text = (name, required) => {
        if (!fields.has(name)) {
            if (required)
                throw new Error(`${name}: Field required`);
            return "";
        }
        const value = fields.get(name);
        const str = value instanceof Uint8Array ? new TextDecoder("utf-8", { fatal: true }).decode(value) : value;
        if (typeof str !== "string")
            throw new Error(`${name}: Input should be a valid string (got ${describeYamlValue(value)})`);
        if (required && str.length === 0)
            throw new Error(`${name}: String should have at least 1 character`);
        return str;
    };
    try {
        return {
            competition_id: text("competition_id", true),
            org_id: text("organization_id", true),
            dataset_hf_repo: text("dataset_hf_repo", true),
            dataset_hf_dir: text("dataset_hf_dir", false),
            file,
        };
    }
    catch (err) {
        return `OrganizationDataReference refuses an entry: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}`;
    }
}
function describeYamlValue(value) {
    if (value === null || value === undefined)
        return "null";
    if (value instanceof Date)
        return "a date";
    if (value instanceof Map)
        return "a mapping";
    if (value instanceof Set)
        return "a set";
    if (value instanceof Uint8Array)
        return "binary data";
    if (Array.isArray(value))
        return "a list";
    return typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
}
/**
 * sync_organizations_data_references (utils.py): `for entry in yaml_data`, so
 * a file must hold something Python can iterate (an empty mapping or string
 * adds nothing), and every entry must make an OrganizationDataReference. Any
 * failure raises, and the whole configuration is lost: the reason, or the
 * organisations.
 */
function organizationsOf(file, data) {
    if (Array.isArray(data)) {
        const organizations = [];
        for (const [i, entry] of data.entries()) {
            const org = organizationReference(entry, file);
            if (typeof org === "string")
                return `entry ${i + 1}: ${org}`;
            organizations.push(org);
        }
        return organizations;
    }
    // Python iterates a string by characters and a mapping by keys: empty ones add nothing, and no item of theirs is an entry.
    if (typeof data === "string" || data instanceof Uint8Array)
        return data.length === 0 ? [] : `it holds ${describeYamlValue(data)}, not a list`;
    if (data instanceof Map || data instanceof Set)
        return data.size === 0 ? [] : `it holds ${describeYamlValue(data)}, not a list`;
    return `it holds ${describeYamlValue(data)}, which Python cannot iterate (TypeError)`;
}
async function downloadYaml(repo, file, opts) {
    const bytes = await downloadBytes(repo, file, opts);
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        // open(..., encoding="utf-8") raises UnicodeDecodeError, which is no YAMLError: nothing catches it.
        throw configFailure(repo.name, file, "it is not valid UTF-8 (UnicodeDecodeError)");
    }
}
function configFailure(configRepo, file, reason) {
    return new HubError(`the competition configuration ${configRepo} cannot be loaded as the subnet's code loads it: ${file}: ${reason}. ` +
        `Its fetch_organization_data_references / sync_organizations_data_references (utils.py) raise, so no package is ` +
        `evaluated: the miner's evaluate stops with "Error retrieving competition packages", validators' dataset monitor with ` +
        `"Error in monitor_datasets initial setup". Fix ${file} in ${configRepo}.`);
}
/**
 * Every organisation named by the configuration space's datasets/*.yaml
 * files, in the hub's listing order (which huggingface_hub's list_repo_tree
 * returns too) and in file order, as validators collect them. A file that
 * does not parse is skipped with a warning, as they skip it; any other fault
 * loses them the whole configuration, and is an error here.
 */
async function readCompetitionConfig(configRepo, opts) {
    const repo = { type: "space", name: configRepo };
    const yamls = (await listAll(repo, opts)).filter((e) => e.type === "file" && e.path.startsWith("datasets/") && e.path.endsWith(".yaml"));
    const loaded = [];
    for (const { path: file, size } of yamls) {
        // An empty file needs no download (the client's Range probe of 0 bytes can be refused with 416).
        const load = safeLoadYaml(size === 0 ? "" : await downloadYaml(repo, file, opts));
        if (load.ok)
            loaded.push({ file, data: load.value });
        else
            opts.log.warning(`${configRepo}: ${file} is not valid YAML and is skipped, as validators skip it (they log "Error parsing YAML file ` +
                `${file}: ..."): ${load.error}`);
    }
    // All files are read before any entry is checked, so a fault anywhere fails the lot.
    const organizations = [];
    for (const { file, data } of loaded) {
        const orgs = organizationsOf(file, data);
        if (typeof orgs === "string")
            throw configFailure(configRepo, file, orgs);
        organizations.push(...orgs);
    }
    return organizations;
}
/**
 * The competition's dataset packages, newest first, as the subnet's
 * get_newest_competition_packages (utils.py) finds them for the miner's
 * evaluate: only the FIRST organisation listed for the competition
 * (find_organization_by_competition_id), its repository listed recursively,
 * the `.zip` files under its dataset_hf_dir.
 */
/**
 * The competition's packages, newest first, from every organisation the
 * configuration lists for it: validators' dataset monitor
 * (check_for_new_dataset_files) watches each one's repository and scores its
 * new packages. (The subnet's own miner CLI reads only the first.)
 */
async function discoverDatasets(competitionId, configRepo, opts) {
    const organizations = await readCompetitionConfig(configRepo, opts);
    const publishers = organizations.filter((o) => o.competition_id === competitionId);
    if (publishers.length === 0) {
        const known = [...new Set(organizations.map((o) => o.competition_id))].sort().join(", ") || "none";
        throw new HubError(`no organisation publishes datasets for competition "${competitionId}" in ${configRepo}; competitions configured there: ${known}`);
    }
    if (publishers.length > 1) {
        const named = publishers.map((o) => `${o.org_id} (${o.dataset_hf_repo})`).join(", ");
        opts.log.info(`${publishers.length} organisations publish packages for ${competitionId}, and validators score each one's: ${named}`);
    }
    const refs = [];
    for (const org of publishers) {
        const files = await listAll({ type: "dataset", name: org.dataset_hf_repo }, opts);
        const found = files
            .filter((f) => f.type === "file" && f.path.startsWith(org.dataset_hf_dir) && f.path.endsWith(".zip"))
            .map((f) => toRef(org.dataset_hf_repo, f));
        if (found.length === 0 && publishers.length > 1) {
            opts.log.warning(`${org.org_id}'s dataset repository (${org.dataset_hf_repo}/${org.dataset_hf_dir}) holds no .zip package yet`);
        }
        refs.push(...found);
    }
    if (refs.length === 0) {
        const where = publishers.map((o) => `${o.dataset_hf_repo}/${o.dataset_hf_dir}`).join(", ");
        throw new HubError(`the dataset repository for ${competitionId} (${where}) holds no .zip package yet`);
    }
    // A stable sort, newest first, as Python's sorted(..., reverse=True) keeps equal dates in listing order.
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
    // The watch bounds the silence, logs progress, and gives a failed request its status back (the blob's stream reports one
    // as a bare string, which would not be retried).
    const watch = watchHub(opts, `downloading ${ref.path}`, "download", ref.size);
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .withRetry */ .bD)(`downloading ${datasetUri(ref)}`, () => watch.attempt(async (fetch) => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_6__/* .downloadFile */ .PE)({
            repo: { type: "dataset", name: ref.repo },
            path: ref.path,
            hubUrl: opts.hubUrl,
            accessToken: opts.accessToken,
            xet: false,
            fetch,
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
    }), opts.log, opts.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RETRY */ .vI).catch((err) => {
        throw err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .CancerAiError */ .hz ? err : hubFailure(`downloading ${datasetUri(ref)}`, err, opts);
    });
}
/** Checks a downloaded or restored package against the hub's content id. */
function checkDigest(ref, sha256) {
    if (ref.sha256 && ref.sha256 !== sha256) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .DatasetError */ .zm(`${datasetUri(ref)}: downloaded content has SHA-256 ${sha256}, the hub says ${ref.sha256}`);
    }
}


/***/ }),

/***/ 13:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M2: () => (/* binding */ TransferStallError),
  tk: () => (/* binding */ TransferWatch),
  zA: () => (/* binding */ describeHubError),
  Hq: () => (/* binding */ silenceBoundedFetch)
});

;// CONCATENATED MODULE: ./src/util/fetch.ts
/**
 * A network call given up for silence: a server that accepts the connection
 * and then never answers (or stops sending) would otherwise hold a run for
 * as long as the job may live (hub/transfer.ts watches every hub call). Its
 * code is ETIMEDOUT, so the callers' retries treat it as the transient
 * fault it usually is.
 */
class NetworkTimeoutError extends Error {
    code = "ETIMEDOUT";
}

// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
;// CONCATENATED MODULE: ./src/hub/transfer.ts
/**
 * Hub calls bounded by silence, not by duration. A model of several GB takes as long as the link
 * needs, so a time limit on a whole transfer (or a first-byte limit on a PUT, which answers only
 * once the whole body is in) would kill honest transfers on slow runners. What is never honest is a
 * request that neither sends a byte nor hears one for a whole silence window: the hub accepted the
 * connection and never answers, stopped reading an upload's body, or stopped sending a download's.
 * That request is aborted with a TransferStallError (a network error, so the caller retries with
 * backoff).
 *
 * The fetch given to @huggingface/hub (which sends every request of a call through it: a read, the
 * probe and the body of a download, an upload's preupload, LFS batch, PUTs or Xet xorbs and shards,
 * and commit) streams each request body in slices: the client asks for the next slice only once the
 * socket took the last one, which is how bytes sent are measured. The silence clock of a request
 * runs from its start, is reset by every slice taken and every chunk of the answer read, and stops
 * while an answer waits for its reader. A slice taken is a slice in the kernel's send buffer, not
 * yet on the wire: that buffer (a few MB at most) drains in bursts and, after the last slice, before
 * the answer can come. Only a link slower than about 100 kB/s could spend the default minute on
 * that tail alone.
 */


/** One request made no progress for the silence window. Its code is ETIMEDOUT: transient, retried. */
class TransferStallError extends NetworkTimeoutError {
    bytes;
    request;
    constructor(message, 
    /** Bytes moved in the attempt when it stalled: sent for an upload, received for a download. */
    bytes, 
    /** The request that stalled: `PUT host/path`, without the query. */
    request) {
        super(message);
        this.bytes = bytes;
        this.request = request;
    }
}
/**
 * A request the hub answered with an error status. Only made for a client that reports such an
 * answer as a bare string (WebBlob.stream() aborts its stream with `error.message`), so that the
 * status still decides whether the call is retried.
 */
class HubStatusError extends Error {
    request;
    statusCode;
    constructor(request, statusCode) {
        super(`${request} answered ${statusCode}`);
        this.request = request;
        this.statusCode = statusCode;
    }
}
/** Body slices: small enough that progress moves often, large enough that a GB is a few thousand slices. */
const SLICE_BYTES = 256 * 1024;
const mib = (bytes) => (bytes / 1048576).toFixed(1);
const seconds = (ms) => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));
/** `host/path`: never the query, where presigned links carry their signatures. */
function hostAndPath(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.host}${parsed.pathname}`;
    }
    catch {
        return "(a URL)";
    }
}
/** `PUT host/path`. */
const describeRequest = (url, method) => `${method} ${hostAndPath(url)}`;
const urlOf = (input) => typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
/**
 * One line about a failed hub call that names no URL: @huggingface/hub ends its messages with
 * ". URL: <the whole URL>", query (and a presigned link's signature) included.
 */
function describeHubError(err) {
    if (err instanceof HubStatusError)
        return `answered ${err.statusCode}`;
    const status = (0,retry/* httpStatus */.nG)(err);
    const message = (0,retry/* describeError */.Uc)(err).replace(/\.? URL: \S+.*$/, "");
    return status === undefined ? message : `answered ${status}${message ? ` (${message})` : ""}`;
}
/** The body as bytes of a known size, or undefined for a body that is not plain bytes (a stream, a form), sent as it is. */
function bytesOf(body) {
    const sliced = (bytes) => {
        let offset = 0;
        return new ReadableStream({
            pull(controller) {
                if (offset >= bytes.byteLength)
                    return controller.close();
                controller.enqueue(bytes.subarray(offset, offset + SLICE_BYTES));
                offset += SLICE_BYTES;
            },
        });
    };
    if (typeof body === "string") {
        const bytes = Buffer.from(body, "utf8");
        return { size: bytes.byteLength, type: "text/plain;charset=UTF-8", stream: () => sliced(bytes) };
    }
    if (body instanceof Blob)
        return { size: body.size, type: body.type || undefined, stream: () => body.stream() };
    if (body instanceof ArrayBuffer)
        return { size: body.byteLength, stream: () => sliced(new Uint8Array(body)) };
    if (ArrayBuffer.isView(body)) {
        const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
        return { size: bytes.byteLength, stream: () => sliced(bytes) };
    }
    return undefined;
}
/** What the requests of one attempt did: bytes moved, when they last moved, and what failed. */
class Tally {
    sent = 0;
    received = 0;
    lastActivity = Date.now();
    /** Requests in flight: waiting for an answer to start, or for a reader's next chunk. */
    waiting = 0;
    /** URL -> `METHOD host/path` of the requests made, to name the one an error's URL points to. */
    requests = new Map();
    /** The last request that failed (no answer, a broken answer, an error status), and how. */
    failedRequest;
    failure;
    activity() {
        this.lastActivity = Date.now();
    }
    failed(request, failure) {
        this.failedRequest = request;
        this.failure = failure;
    }
}
/** A fetch whose requests abort after `silenceMs` without progress (see the top of this file), naming the request. */
const silenceBoundedFetch = (silenceMs, direction = "download") => watchedFetch(silenceMs, direction, new Tally());
/** silenceBoundedFetch, with what its requests do collected in `tally`. */
function watchedFetch(silenceMs, direction, tally) {
    const moved = () => direction === "upload" ? `${mib(tally.sent)} MiB sent in this attempt` : `${mib(tally.received)} MiB received in this attempt`;
    return async (input, init) => {
        const url = urlOf(input);
        const request = describeRequest(url, init?.method ?? (input instanceof Request ? input.method : "GET"));
        tally.requests.set(url, request);
        const controller = new AbortController();
        const outer = init?.signal;
        const onOuterAbort = () => controller.abort(outer?.reason);
        if (outer?.aborted)
            onOuterAbort();
        outer?.addEventListener("abort", onOuterAbort, { once: true });
        let stall;
        let timer;
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                stall = new TransferStallError(`no progress for ${seconds(silenceMs)} s on ${request} (${moved()})`, direction === "upload" ? tally.sent : tally.received, request);
                controller.abort(stall);
            }, silenceMs);
        };
        const disarm = () => clearTimeout(timer);
        const finish = () => {
            disarm();
            outer?.removeEventListener("abort", onOuterAbort);
        };
        const failure = (err) => {
            const cause = stall ?? err;
            tally.failed(request, cause);
            return cause;
        };
        tally.waiting++;
        tally.activity();
        arm();
        let body = init?.body;
        let headers = init?.headers;
        const bytes = bytesOf(init?.body);
        if (bytes && bytes.size > 0) {
            const source = bytes.stream().getReader();
            body = new ReadableStream({
                async pull(stream) {
                    const { done, value } = await source.read();
                    if (done)
                        return stream.close();
                    // Asked for more: the socket took the previous slice.
                    tally.sent += value.byteLength;
                    tally.activity();
                    arm();
                    stream.enqueue(value);
                },
                cancel: (reason) => source.cancel(reason),
            }, { highWaterMark: 0 });
            // A streamed body goes out chunked unless its length is given; storage (S3 presigned PUTs) refuses chunked uploads.
            const merged = new Headers(init?.headers);
            merged.set("Content-Length", String(bytes.size));
            if (bytes.type && !merged.has("Content-Type"))
                merged.set("Content-Type", bytes.type);
            headers = merged;
        }
        let response;
        try {
            response = await fetch(input, {
                ...init,
                body,
                headers,
                signal: controller.signal,
                ...(body !== init?.body && { duplex: "half" }),
            });
        }
        catch (err) {
            finish();
            throw failure(err);
        }
        finally {
            tally.waiting--;
        }
        tally.activity();
        if (response.url)
            tally.requests.set(response.url, request);
        if (response.status >= 400)
            tally.failed(request, new HubStatusError(request, response.status));
        // The answer started. An answer nobody reads (a PUT's empty body) is no wait: the clock runs only while a reader waits.
        disarm();
        if (!response.body) {
            finish();
            return response;
        }
        const reader = response.body.getReader();
        const watchedBody = new ReadableStream({
            async pull(stream) {
                arm();
                tally.waiting++;
                let chunk;
                try {
                    chunk = await reader.read();
                }
                catch (err) {
                    finish();
                    throw failure(err);
                }
                finally {
                    tally.waiting--;
                }
                disarm();
                tally.activity();
                if (chunk.done) {
                    finish();
                    stream.close();
                }
                else {
                    tally.received += chunk.value.byteLength;
                    stream.enqueue(chunk.value);
                }
            },
            cancel: (reason) => {
                finish();
                return reader.cancel(reason);
            },
        }, { highWaterMark: 0 });
        const wrapped = new Response(watchedBody, { status: response.status, statusText: response.statusText, headers: response.headers });
        // The client names the URL in its errors (HubApiError.url), and follows redirects from it.
        Object.defineProperty(wrapped, "url", { value: response.url });
        Object.defineProperty(wrapped, "redirected", { value: response.redirected });
        return wrapped;
    };
}
/**
 * Watches one hub call (retried as a whole): each attempt gets a fetch whose requests abort on
 * silence, logs its progress while bytes move, and says so while it waits for the hub.
 */
class TransferWatch {
    opts;
    attempts = 0;
    totalBytes;
    tally = new Tally();
    constructor(opts) {
        this.opts = opts;
        this.totalBytes = opts.totalBytes;
    }
    /** Attempts started so far. */
    get attemptCount() {
        return this.attempts;
    }
    /** The size of what is transferred, once known (a download learns it from its first answer): progress lines then give an ETA. */
    expectBytes(total) {
        this.totalBytes = total;
    }
    /** The request an error of the last attempt came from, `METHOD host/path`, when known. */
    requestOf(err) {
        if (err instanceof TransferStallError)
            return err.request;
        const url = typeof err === "object" && err !== null && "url" in err && typeof err.url === "string" ? err.url : undefined;
        const named = url && this.tally.requests.get(url);
        return named || this.tally.failedRequest;
    }
    /** Runs one attempt with a fresh count and a progress line every `progressMs` while it transfers. */
    async attempt(work) {
        this.attempts++;
        const { log, what, direction, silenceMs } = this.opts;
        const progressMs = this.opts.progressMs ?? 5000;
        const tally = (this.tally = new Tally());
        const started = Date.now();
        let reported = 0;
        const past = direction === "upload" ? "sent" : "received";
        // Quiet spells shorter than this are how a socket drains (in bursts, and after the last slice); longer ones are told.
        const quietMs = Math.max(progressMs, silenceMs / 4);
        const ticker = setInterval(() => {
            const now = Date.now();
            const moved = direction === "upload" ? tally.sent : tally.received;
            const total = this.totalBytes;
            const of = total !== undefined && moved < total ? ` of ${mib(total)}` : "";
            // Below a MiB (an API call, a small file) there is no progress worth a line.
            if (moved !== reported && moved >= 1048576) {
                reported = moved;
                const rate = moved / Math.max((now - started) / 1000, 1e-3);
                const eta = total !== undefined && moved < total && rate > 0 ? `, ETA ${Math.ceil((total - moved) / rate)} s` : "";
                log.info(`${what}: ${mib(moved)}${of} MiB ${past} (${mib(rate)} MiB/s${eta})`);
            }
            else if (tally.waiting > 0 && now - tally.lastActivity >= quietMs) {
                // The stall detector has not given up yet: say so, so that a wait does not look like a hang.
                const sofar = moved > 0 || total ? `${mib(moved)}${of} MiB ${past}; ` : "";
                const silence = direction === "upload" ? "nothing sent or answered" : "nothing received";
                log.info(`${what}: ${sofar}${silence} for ${seconds(now - tally.lastActivity)} s (giving up after ${seconds(silenceMs)} s)`);
            }
        }, progressMs);
        try {
            return await work(watchedFetch(silenceMs, direction, tally));
        }
        catch (err) {
            // A client that reports a failure as a bare string loses its kind: what the fetch saw fail has it.
            if (typeof err !== "object" || err === null)
                throw tally.failure ?? new Error(String(err));
            // The client ends its messages in ". URL: <the whole URL>", whose query may hold a presigned link's signature: every
            // line that tells of the error (the retry's warning, the final error) shows host and path only.
            if (err instanceof Error)
                err.message = err.message.replace(/ URL: (\S+?)(\.?)(?= |$)/, (_, url, dot) => ` URL: ${hostAndPath(url)}${dot}`);
            throw err;
        }
        finally {
            clearInterval(ticker);
        }
    }
}


/***/ }),

/***/ 92500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ registeredHotkeys),
/* harmony export */   FZ: () => (/* binding */ extrinsicAt),
/* harmony export */   Ir: () => (/* binding */ bestBlock),
/* harmony export */   Iv: () => (/* binding */ ChainError),
/* harmony export */   MY: () => (/* binding */ FinalizationTimeoutError),
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   Of: () => (/* binding */ NETWORKS),
/* harmony export */   Q5: () => (/* binding */ readCommitment),
/* harmony export */   Qq: () => (/* binding */ networkUrl),
/* harmony export */   Wk: () => (/* binding */ ChainConnectionError),
/* harmony export */   X0: () => (/* binding */ blockTime),
/* harmony export */   ce: () => (/* binding */ chainRead),
/* harmony export */   eg: () => (/* binding */ subnetExists),
/* harmony export */   hd: () => (/* binding */ incentives),
/* harmony export */   kz: () => (/* binding */ uidOf),
/* harmony export */   oS: () => (/* binding */ commitmentFromJson),
/* harmony export */   u6: () => (/* binding */ submitCommitment),
/* harmony export */   wX: () => (/* binding */ findCommitExtrinsic)
/* harmony export */ });
/* unused harmony exports CONNECT_TIMEOUT_MS, firstRawText, HEARTBEAT_MS, FINALIZATION_TIMEOUT_MS */
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40816);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4266);



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
/** A WebSocket error event in one line; an event without a message still says what failed. */
function socketFailure(event) {
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(event) || "the WebSocket connection failed (refused, closed, or not a WebSocket endpoint)";
}
let polkadot;
/**
 * @polkadot/api, loaded on first use (an evaluation never pays for it) and
 * with the `ws` package as its WebSocket on every Node. @polkadot/x-ws takes
 * the global WebSocket when there is one (Node 22 on), so it is hidden while
 * the package loads: Node 22's built-in WebSocket never fires 'close' after a
 * failed handshake, and the WsProvider stops its request timer only on
 * 'close', so a CLI that could not reach the chain printed its error and then
 * never exited.
 */
function loadPolkadot() {
    polkadot ??= (async () => {
        const builtin = Object.getOwnPropertyDescriptor(globalThis, "WebSocket");
        if (builtin)
            Reflect.deleteProperty(globalThis, "WebSocket");
        try {
            return await __webpack_require__.e(/* import() */ 36).then(__webpack_require__.bind(__webpack_require__, 98036));
        }
        finally {
            if (builtin)
                Object.defineProperty(globalThis, "WebSocket", builtin);
        }
    })();
    return polkadot;
}
async function connect(network, timeoutMs = CONNECT_TIMEOUT_MS) {
    const url = networkUrl(network);
    const { ApiPromise, WsProvider } = await loadPolkadot();
    const unreachable = (why) => new ChainConnectionError(`cannot reach the chain at ${url}: ${why}; check the network setting and that the node is reachable from here`);
    const provider = new WsProvider(url, false);
    // Watched before the socket is opened: a refused connection can be reported before
    // provider.connect() has even resolved, and an ApiPromise created after that would wait for a
    // 'connected' or 'error' event that never comes, with nothing left on the event loop (the process
    // then exits 13 without a word).
    const unwatch = [];
    const lost = new Promise((_, reject) => {
        unwatch.push(provider.on("error", (event) => reject(unreachable(socketFailure(event)))), provider.on("disconnected", () => reject(unreachable("the node closed the connection"))));
    });
    let api;
    const open = async () => {
        await provider.connect();
        await provider.isReady;
        api = new ApiPromise({ provider, noInitWarn: true });
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
/** A read from the chain; a failure of the node (not an absent value) is said as such, as a ChainError. */
async function chainRead(what, work) {
    try {
        return await work();
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancerAiError */ .hz)
            throw err;
        throw new ChainError(`could not read ${what} from the chain: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(err)}`);
    }
}
/** The hotkey's uid on the subnet, or undefined when it is not registered. */
async function uidOf(api, netuid, hotkey) {
    const uid = await chainRead(`the uid of ${hotkey} on subnet ${netuid}`, () => api.query.subtensorModule.uids(netuid, hotkey));
    const option = uid;
    return option.isSome ? option.unwrap().toNumber() : undefined;
}
/** Whether the subnet exists (`SubtensorModule.NetworksAdded`); undefined on a runtime without that item. */
async function subnetExists(api, netuid) {
    const added = api.query.subtensorModule.networksAdded;
    if (!added)
        return undefined;
    return (await chainRead(`whether subnet ${netuid} exists`, () => added(netuid))).toJSON() === true;
}
/** The hotkeys registered on the subnet now (`SubtensorModule.Keys`), with their uids: the ones validators read. */
async function registeredHotkeys(api, netuid) {
    const entries = await chainRead(`the hotkeys of subnet ${netuid}`, () => api.query.subtensorModule.keys.entries(netuid));
    return new Map(entries.map(([key, hotkey]) => [hotkey.toString(), Number(key.args[1].toString())]));
}
/**
 * `SubtensorModule.Incentive(netuid)`: one u16 per uid (0..65535, the share of the subnet's incentive, which the
 * validators' weights drive); a uid past the end of the vector has 0.
 */
async function incentives(api, netuid) {
    const query = api.query.subtensorModule.incentive;
    if (!query)
        throw new ChainError("this chain's runtime has no SubtensorModule.Incentive: it is not a subtensor chain");
    const values = (await chainRead(`the incentives of subnet ${netuid}`, () => query(netuid))).toJSON();
    if (!Array.isArray(values))
        throw new ChainError(`SubtensorModule.Incentive(${netuid}) is not a list of numbers`);
    return new Map(values.map((v, uid) => [uid, Number(v)]));
}
/** The number of the best block. */
async function bestBlock(api) {
    return (await chainRead("the best block", () => api.rpc.chain.getHeader())).number.toNumber();
}
/** The block's time, from its timestamp inherent (every block carries one); undefined for a block the node does not have. */
async function blockTime(api, block) {
    const content = await blockAt(api, block);
    const inherent = content?.extrinsics.find((ex) => ex.method.section === "timestamp" && ex.method.method === "set");
    return inherent ? new Date(Number(inherent.method.args[0].toString())) : undefined;
}
/** A block by number, or undefined when the chain has no such block (yet). */
async function blockAt(api, block) {
    return chainRead(`block ${block}`, async () => {
        const hash = await api.rpc.chain.getBlockHash(block);
        if (hash.isEmpty)
            return undefined;
        return (await api.rpc.chain.getBlock(hash)).block;
    });
}
/** The text of the first `Raw*` field of a CommitmentInfo as JSON (what validators read). */
function firstRawText(info) {
    const fields = info?.fields ?? [];
    for (const field of fields) {
        const [variant, data] = Object.entries(field)[0] ?? [];
        if (variant && /^raw/i.test(variant))
            return Buffer.from(String(data).replace(/^0x/, ""), "hex").toString("utf8");
    }
    return undefined;
}
/**
 * The extrinsic `<block>-<index>` names, as validators read it for extrinsic_record.json: a negative index
 * counts from the end, as Python's `block_data["extrinsics"][int(idx_str)]` does (model_manager.py:415).
 */
async function extrinsicAt(api, block, index) {
    const content = await blockAt(api, block);
    if (!content)
        return { kind: "no-block" };
    const ex = content.extrinsics.at(index);
    if (!ex)
        return { kind: "no-extrinsic", count: content.extrinsics.length };
    const isSetCommitment = ex.method.section === "commitments" && ex.method.method === "setCommitment";
    return {
        kind: "found",
        signer: ex.isSigned ? ex.signer.toString() : undefined,
        isSetCommitment,
        text: isSetCommitment ? firstRawText(ex.method.args[1]?.toJSON()) : undefined,
    };
}
async function readCommitment(api, netuid, hotkey) {
    const value = await chainRead(`the commitment of ${hotkey}`, () => api.query.commitments.commitmentOf(netuid, hotkey));
    return commitmentFromJson(value.toJSON());
}
/** A `CommitmentOf` registration as JSON -> its first Raw field and its block. */
function commitmentFromJson(json) {
    const registration = json;
    const text = registration ? firstRawText(registration.info) : undefined;
    return text === undefined ? undefined : { text, block: Number(registration?.block ?? 0) };
}
/** Finds, in one block, the set_commitment extrinsic signed by the hotkey that carries `text`. */
async function findCommitExtrinsic(api, block, hotkey, text) {
    const content = await blockAt(api, block);
    if (!content)
        return undefined;
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
/** How often a submission says it is still waiting. */
const HEARTBEAT_MS = 6_000;
/**
 * How long inclusion and finalization may take together. Finney finalizes a block in well under a
 * minute; ten minutes without it is a stuck node or a stalled finality gadget, not a slow chain.
 */
const FINALIZATION_TIMEOUT_MS = 600_000;
/**
 * The commitment was not finalized in time. It may still be: the transaction was sent and, when
 * `included` is set, is in a block of the best chain. What the chain will hold is unknown, not absent.
 */
class FinalizationTimeoutError extends ChainError {
    txHash;
    included;
    constructor(message, txHash, included) {
        super(message);
        this.txHash = txHash;
        this.included = included;
    }
}
/**
 * Signs and sends set_commitment, waits for finalization, and returns the
 * extrinsic. A connection dropped mid-way is settled by reading the chain
 * again (through `reconnect`): the commitment is there, or it is not, and
 * nothing is sent twice. A finalization that does not come within
 * `timeoutMs` is a FinalizationTimeoutError.
 */
async function submitCommitment(api, pair, netuid, text, log, reconnect, options = {}) {
    const timeoutMs = options.timeoutMs ?? FINALIZATION_TIMEOUT_MS;
    const [pallet, call] = api.tx.commitments.setCommitment.callIndex;
    const tx = api.tx(api.createType("Call", (0,_commitment_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeSetCommitment */ .sP)(netuid, text, { pallet, call })));
    let inBlock;
    try {
        await new Promise((resolve, reject) => {
            // The subscription died with the connection: nothing to unwatch, but the timers must stop.
            const onDisconnect = () => done(new ChainConnectionError("the connection to the chain dropped while the commitment was being submitted"), false);
            api.once("disconnected", onDisconnect);
            let unsubscribe;
            let settled = false;
            const started = Date.now();
            const limit = `gives up after ${timeoutMs / 1000} s`;
            // A line every few seconds while the chain works, so a slow finalization does not look like a hang.
            const heartbeat = setInterval(() => {
                void api.rpc.chain.getHeader().then((header) => {
                    if (settled)
                        return;
                    const waited = Math.round((Date.now() - started) / 1000);
                    const stage = inBlock ? `finalization of block ${inBlock.block}` : "inclusion in a block";
                    log.info(`waiting for ${stage}: ${waited} s (${limit}), the chain is at block ${header.number.toNumber()}`);
                }, () => { });
            }, options.heartbeatMs ?? HEARTBEAT_MS);
            const done = (err, unwatch = true) => {
                if (settled)
                    return;
                settled = true;
                clearInterval(heartbeat);
                clearTimeout(timer);
                api.off("disconnected", onDisconnect);
                if (unwatch)
                    unsubscribe?.();
                if (err)
                    reject(err);
                else
                    resolve();
            };
            // The watch ends too (done unsubscribes): a later "finalized" is not waited for, and the release says how to find out.
            const timer = setTimeout(() => {
                // signAndSend signed `tx` in place: its hash is the extrinsic's.
                const hash = tx.hash.toHex();
                done(new FinalizationTimeoutError(inBlock
                    ? `the commitment is in block ${inBlock.block} (extrinsic ${inBlock.block}-${inBlock.index}, hash ${hash}), but the ` +
                        `chain did not finalize that block within ${timeoutMs / 1000} s; it may still be finalized`
                    : `the commitment transaction (hash ${hash}) was not included in a block within ${timeoutMs / 1000} s; it may ` + `still be`, hash, inBlock && { ...inBlock }));
            }, timeoutMs);
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
/* harmony export */   oL: () => (/* binding */ commitmentAdvice),
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

/** Validators only read `Raw*` fields, and the largest is Raw128: the chain's and the validators' hard limit. */
const MAX_COMMITMENT_BYTES = 128;
/** The miner CLI's limits (neurons/miner.py). Validators do not check them: exceeding one is a warning, not a refusal. */
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
/**
 * What the chain and the validators refuse, with the part to fix named: a repository id the hub
 * cannot serve, a part with `:` (validators need exactly 4 parts), a hash that is not a SHA-256,
 * more than 128 bytes (no Raw129). Returns the commitment string.
 */
function checkCommitment(c) {
    const problems = [];
    if (!/^[\w.-]+\/[\w.-]+$/.test(c.repoId))
        problems.push(`hf-repo-id "${c.repoId}" must look like owner/name`);
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
/** The miner CLI's byte limits a commitment exceeds: advice only, since validators accept anything within 128 bytes. */
function commitmentAdvice(c) {
    const over = (what, text, limit) => bytes(text) > limit
        ? [`${what} "${text}" is ${bytes(text)} bytes, over the miner CLI's ${limit} (validators do not check it; the commitment fits)`]
        : [];
    return [
        ...over("hf-repo-id", c.repoId, MAX_REPO_ID_BYTES),
        ...over("the model file name", `${c.stem}.onnx`, MAX_MODEL_FILE_BYTES),
        ...over("the code file name", `${c.stem}.zip`, MAX_CODE_FILE_BYTES),
    ];
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

/***/ 25479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l$: () => (/* binding */ committedModels),
/* harmony export */   tz: () => (/* binding */ DEFAULT_TOP_N)
/* harmony export */ });
/* unused harmony exports readCommitted, selectTop, modelCacheKey, modelPathFor, checkCommitted */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92500);
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40816);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66462);
/* harmony import */ var _record_check_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(87117);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(85178);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3753);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(71472);
/* harmony import */ var _util_digest_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(16178);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(70017);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4266);
/**
 * The committed models of a competition, as validators get them (docs/design/forecast.md §1, §2, §6):
 * the commitments of the hotkeys registered now, their age against "a package released now", the top N
 * by on-chain Incentive, and for each of those the validators' checks in their order — MIT card, the
 * model file listed, the download, its SHA-256 and extrinsic_record.json — ending in a model file to
 * evaluate or in the validators' reason for a 0. Downloads are kept by SHA-256 (the Actions cache in a
 * workflow, the model folder itself on a laptop). Validator references are to safe-scan-ai/cancer-ai at
 * 99ea548: `mm` = cancer_ai/validator/model_manager.py, `cm` = competition_manager.py, `db` = model_db.py.
 */














/** How many committed models are evaluated by default: the top 10 share all but 0.5 % of the rewards (rw:20-31). */
const DEFAULT_TOP_N = 10;
/** What a forecast says when a hub call fails: it only reads. */
const READ_ONLY = "The forecast only reads: nothing was changed on the hub or on chain; run it again once the hub answers.";
/** How many block timestamps are read at once. */
const BLOCK_TIME_READS = 8;
/**
 * Step 1: the commitments of the hotkeys registered now, parsed as validators parse them (store:58-60: exactly
 * 4 `:` parts), for this competition (cm:175-179), with their uid, Incentive and age.
 */
async function readCommitted(api, options) {
    const { netuid, competitionId } = options;
    const now = options.now ?? new Date();
    const atBlock = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .bestBlock */ .Ir)(api);
    const registered = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .registeredHotkeys */ .EH)(api, netuid);
    const incentive = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .incentives */ .hd)(api, netuid);
    const entries = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .chainRead */ .ce)(`the commitments of subnet ${netuid}`, () => api.query.commitments.commitmentOf.entries(netuid));
    const ignored = [];
    const found = [];
    const committed = new Set();
    for (const [key, value] of entries) {
        const hotkey = key.args[1].toString();
        committed.add(hotkey);
        const uid = registered.get(hotkey);
        const onChain = (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .commitmentFromJson */ .oS)(value.toJSON());
        const base = { hotkey, uid, commitment: onChain?.text, block: onChain?.block };
        // A deregistered hotkey's commitment stays in storage; validators only walk the metagraph (base_validator.py:63).
        if (uid === undefined) {
            ignored.push({ ...base, code: "deregistered", reason: "the hotkey is not registered on the subnet now" });
            continue;
        }
        const parsed = onChain ? (0,_commitment_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommitment */ .Dz)(onChain.text) : undefined;
        if (!onChain || !parsed) {
            ignored.push({
                ...base,
                code: "unparsable",
                reason: onChain
                    ? `"${onChain.text}" does not split into 4 parts (repo:stem:competition:sha256)`
                    : "the commitment has no Raw field, which is all validators read",
            });
            continue;
        }
        if (parsed.competitionId !== competitionId) {
            ignored.push({ ...base, code: "other-competition", reason: `committed for competition ${parsed.competitionId}` });
            continue;
        }
        found.push({
            uid,
            hotkey,
            block: onChain.block,
            commitment: onChain.text,
            repo: parsed.repoId,
            stem: parsed.stem,
            hash: parsed.sha256,
            incentive: incentive.get(uid) ?? 0,
        });
    }
    for (const [hotkey, uid] of registered)
        if (!committed.has(hotkey))
            ignored.push({ hotkey, uid, code: "no-commitment", reason: "no commitment on chain" });
    const times = await blockTimes(api, found.map((m) => m.block));
    const models = found
        .map((m) => {
        const committedAt = times.get(m.block);
        if (!committedAt)
            return { ...m, age: "unknown" };
        const from = (0,_window_js__WEBPACK_IMPORTED_MODULE_9__/* .eligibleFrom */ .sn)(committedAt);
        // Eligible for a package released now: release − commit ≥ 120 min (mm:216-281) and commit < now − 120 min (db:277).
        return { ...m, committedAt, eligibleFrom: from, age: from.getTime() < now.getTime() ? "eligible" : "too-recent" };
    })
        .sort((a, b) => a.uid - b.uid);
    ignored.sort((a, b) => (a.uid ?? Infinity) - (b.uid ?? Infinity) || a.hotkey.localeCompare(b.hotkey));
    return { netuid, competitionId, atBlock, now, models, ignored };
}
/** The timestamps of these blocks, each read once, a few at a time. */
async function blockTimes(api, blocks) {
    const unique = [...new Set(blocks)];
    const times = new Map();
    for (let i = 0; i < unique.length; i += BLOCK_TIME_READS) {
        const batch = unique.slice(i, i + BLOCK_TIME_READS);
        const read = await Promise.all(batch.map((b) => (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .blockTime */ .X0)(api, b)));
        batch.forEach((b, j) => times.set(b, read[j]));
    }
    return times;
}
/**
 * Step 2 (memo §6): the `n` models with the highest Incentive, ties to the older commitment block, then the lower
 * uid. Too-recent ones take no place: validators give them 0 without looking at the model.
 */
function selectTop(models, n) {
    if (!Number.isInteger(n) || n < 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .InputError */ .dz(`the number of committed models to evaluate must be a whole number ≥ 0, not ${n}`);
    const tooRecent = models.filter((m) => m.age === "too-recent");
    const ranked = models
        .filter((m) => m.age !== "too-recent")
        .sort((a, b) => b.incentive - a.incentive || a.block - b.block || a.uid - b.uid);
    return { selected: ranked.slice(0, n), notEvaluated: ranked.slice(n), tooRecent };
}
/** The cache key of a model: its SHA-256, as served. */
const modelCacheKey = (sha256) => `cancer-ai-model-${sha256}`;
/** `<dir>/<sha256>/model.onnx`: the name does not matter to validators, only the bytes (and their size, mm:198-202). */
const modelPathFor = (store, sha256) => node_path__WEBPACK_IMPORTED_MODULE_3___default().join(store.dir, sha256, "model.onnx");
/**
 * Step 3: the validators' checks on one committed model, in their order (memo §2, download_miner_model mm:92-205,
 * then cm:221-232). A hub that does not answer makes the check "unavailable"; a chain that does not answer throws.
 */
async function checkCommitted(api, model, options) {
    const rejected = (code, reason, extra = {}) => ({
        status: "rejected",
        code,
        reason,
        slashed: extra.slashed ?? false,
        sha256: extra.sha256,
        recordFailure: extra.recordFailure,
    });
    if (model.age === "too-recent")
        return rejected("too-recent", `Model was submitted too recently: committed ${model.committedAt?.toISOString()}, evaluated on packages released after ` +
            `${model.eligibleFrom?.toISOString()}`);
    const repo = { repoId: model.repo, hub: options.hub, standing: READ_ONLY };
    const file = `${model.stem}.onnx`;
    try {
        const state = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .repoState */ .WN)(repo);
        const license = licenseProblem(state);
        if (license)
            return rejected("license", `${license.validators}: ${model.repo} ${license.detail}`);
        // mm:123-135: `fs.ls(repo)` (the root only), `name.split("/")[-1].lower() == filename.lower()`.
        const listed = [...state.files.keys()].filter((p) => !p.includes("/") && p.toLowerCase() === file.toLowerCase());
        if (listed.length === 0) {
            const why = file.includes("/") ? `: validators list only the repository's root, and "${file}" is in a folder` : "";
            return rejected("no-file", `File ${file} not found in repository ${model.repo}${why}`);
        }
        // mm:172-190: hf_hub_download(filename=<stem>.onnx), the exact name: a listing that matched only by case is a 404.
        if (!listed.includes(file))
            return rejected("download", `Failed to download model file: ${model.repo} holds ${listed[0]}, not ${file}: validators find it when listing (ignoring ` +
                `case), then download ${file}, which does not exist`);
        if (state.gated)
            return rejected("download", `Failed to download model file: ${model.repo} is gated (${state.gated}); validators do not ask for access`);
        const served = state.files.get(file);
        let fetched;
        try {
            fetched = await fetchModel(repo, file, served && (0,_commitment_js__WEBPACK_IMPORTED_MODULE_5__/* .isSha256Hex */ .P4)(served) ? served : undefined, options);
        }
        catch (err) {
            // The hub refused the download itself (a 404 after the listing, a 403): validators' hf_hub_download fails alike.
            if (err instanceof _hub_hub_js__WEBPACK_IMPORTED_MODULE_10__/* .HubError */ .Ik && !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .HubUnavailableError */ .am))
                return rejected("download", `Failed to download model file: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_13__/* .describeError */ .Uc)(err)}`);
            throw err;
        }
        const verified = await (0,_record_check_js__WEBPACK_IMPORTED_MODULE_7__/* .verifyRecord */ .RC)(api, repo, model.hotkey, fetched.sha256);
        if (verified.status === "fail")
            return rejected(verified.code === "hash" ? "hash" : "record", `Hash validation failed: ${verified.reason}`, {
                sha256: fetched.sha256,
                recordFailure: verified.code,
                slashed: true,
            });
        const { extrinsic } = verified;
        const matchesCurrentCommitment = extrinsic.hash === model.hash;
        // get_pioneer_models bounds-checks the index (mm:500-501) where Python's list indexing took a negative one.
        const problems = [
            ...(verified.signedByHotkey ? [] : [`the record's extrinsic ${extrinsic.id} is signed by ${extrinsic.signer ?? "nobody"}`]),
            ...(matchesCurrentCommitment ? [] : [`the record's extrinsic carries ${extrinsic.hash}, the current commitment ${model.hash}`]),
            ...(extrinsic.index < 0 ? [`the record's index ${extrinsic.index} is negative`] : []),
        ];
        return {
            status: "evaluable",
            modelPath: fetched.path,
            sha256: fetched.sha256,
            record: extrinsic,
            source: fetched.source,
            pioneer: {
                valid: problems.length === 0,
                recordBlock: extrinsic.block,
                signedByHotkey: verified.signedByHotkey,
                matchesCurrentCommitment,
                reason: problems.length ? `among identical models it would lose its score: ${problems.join("; ")}` : undefined,
            },
        };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .HubUnavailableError */ .am || (!(err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .CancerAiError */ .hz) && (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_13__/* .isTransient */ .dg)(err)))
            return { status: "unavailable", reason: `could not check ${model.repo}: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_13__/* .describeError */ .Uc)(err)}` };
        throw err;
    }
}
/** mm:77-90: model_info fails (missing or private repository: "HF API ERROR"), or its card license lacks "mit". */
function licenseProblem(state) {
    const apiError = "Could not verify license due to HF API error";
    if (!state.exists)
        return { validators: apiError, detail: "does not exist (or is private)" };
    if (state.isPrivate)
        return { validators: apiError, detail: "is private: validators cannot read it" };
    if (!(0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .hasMitLicense */ .Ai)(state))
        return { validators: "MIT license not found or invalid", detail: `has card license "${state.license ?? "none"}", without "mit"` };
    return undefined;
}
/**
 * The model as the hub serves it, by content: `expected` is the listing's LFS SHA-256 (what the hub serves now), so
 * a copy already in the folder or in the cache is used only when its bytes hash to it. A corrupt copy is
 * downloaded again, with a warning; a cache that fails only warns. Without `expected` (a non-LFS file) the hub is
 * the only source.
 */
async function fetchModel(repo, file, expected, options) {
    const { store } = options;
    const { log } = options.hub;
    const where = `${repo.repoId}/${file}`;
    if (expected) {
        const local = modelPathFor(store, expected);
        if (await holds(local, expected)) {
            log.info(`${where}: already downloaded (${local})`);
            return { path: local, sha256: expected, source: "folder" };
        }
        const key = modelCacheKey(expected);
        const restored = await cacheCall(log, `restore of ${key}`, () => store.cache.restore([node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(local)], key));
        if (restored) {
            if (await holds(local, expected)) {
                log.info(`${where}: cache hit (${key})`);
                return { path: local, sha256: expected, source: "cache" };
            }
            log.warning(`${where}: the cached copy (${key}) does not hash to ${expected}; downloading it again`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(local), { recursive: true, force: true });
        }
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(store.dir, { recursive: true });
    const partial = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(store.dir, `.download-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.onnx`);
    try {
        const sha256 = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .downloadedSha256 */ .Pc)(repo, file, partial);
        const dest = modelPathFor(store, sha256);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dest), { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dest), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(partial, dest);
        if (expected && sha256 !== expected)
            log.warning(`${where}: the hub listed SHA-256 ${expected} but served ${sha256}; using what it served`);
        const key = modelCacheKey(sha256);
        if (await cacheCall(log, `save of ${key}`, () => store.cache.save([node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(dest)], key)))
            log.info(`${where}: saved to the cache as ${key}`);
        return { path: dest, sha256, source: "hub" };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(partial, { force: true });
    }
}
/** Whether `file` exists and hashes to `sha256`. */
async function holds(file, sha256) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file) && (await (0,_util_digest_js__WEBPACK_IMPORTED_MODULE_11__/* .sha256File */ .Q)(file)) === sha256;
}
/** A cache call that cannot fail the forecast: a fault is a warning and a miss. */
async function cacheCall(log, what, work) {
    try {
        return await work();
    }
    catch (err) {
        log.warning(`cache ${what} failed, continuing without it: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_13__/* .describeError */ .Uc)(err)}`);
        return undefined;
    }
}
/** Steps 1-3 over one connection: the committed models, the top N by Incentive, each checked (and downloaded). */
async function committedModels(options) {
    const api = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_4__/* .connect */ .Ng)(options.network);
    try {
        const read = await readCommitted(api, options);
        const mine = (entry) => entry.hotkey === options.own;
        const set = { ...read, models: read.models.filter((m) => !mine(m)), ignored: read.ignored.filter((i) => !mine(i)) };
        const { selected, notEvaluated, tooRecent } = selectTop(set.models, options.top ?? DEFAULT_TOP_N);
        const checked = [];
        // One at a time: parallel multi-MB downloads are no faster on a runner, and each check logs its progress.
        for (const model of selected)
            checked.push({ model, check: await checkCommitted(api, model, options) });
        const late = await Promise.all(tooRecent.map(async (model) => ({ model, check: await checkCommitted(api, model, options) })));
        return {
            ...set,
            checked,
            notEvaluated,
            tooRecent: late,
            ...(options.own && { own: await ownHotkey(api, read, options.own, options) }),
        };
    }
    finally {
        await api.disconnect();
    }
}
/** The own hotkey as the chain has it: registered or not, its commitment checked, or why there is none. */
async function ownHotkey(api, set, hotkey, options) {
    const model = set.models.find((m) => m.hotkey === hotkey);
    const ignored = set.ignored.find((i) => i.hotkey === hotkey);
    const uid = model?.uid ?? ignored?.uid;
    return {
        hotkey,
        ...(uid !== undefined && { uid }),
        ...(model && { committed: { model, check: await checkCommitted(api, model, options) } }),
        ...(ignored && { ignored }),
    };
}


/***/ }),

/***/ 85178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hs: () => (/* binding */ HubStalledError),
/* harmony export */   M0: () => (/* binding */ UnsafeReleaseError),
/* harmony export */   Vf: () => (/* binding */ UploadStalledError),
/* harmony export */   am: () => (/* binding */ HubUnavailableError),
/* harmony export */   gN: () => (/* binding */ ReleaseRefusedError),
/* harmony export */   h5: () => (/* binding */ CommitLimitError)
/* harmony export */ });
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71472);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/**
 * How a release stops. A refusal happens before anything is written and says
 * what the chain, the hub or the validators would do, and what to change. An
 * unavailable check says what could not be read: it never claims that
 * something is missing when the truth is that nobody could look.
 */


/** A check before any upload or transaction found something the chain or the validators would refuse: nothing was written. */
class ReleaseRefusedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancerAiError */ .hz {
}
/** The chain would refuse a commitment now (its rate or space limit); it accepts one again from `nextBlock`. */
class CommitLimitError extends ReleaseRefusedError {
    nextBlock;
    constructor(message, nextBlock) {
        super(message);
        this.nextBlock = nextBlock;
    }
}
/** Releasing now would replace the model file a live commitment points to, or commit into the release window. */
class UnsafeReleaseError extends ReleaseRefusedError {
}
/** The hub did not answer (network, 5xx, 429 after retries): what it holds is unknown, not absent. */
class HubUnavailableError extends _hub_hub_js__WEBPACK_IMPORTED_MODULE_0__/* .HubError */ .Ik {
}
/** A hub call stopped making progress (no byte sent or received for the silence window) on every attempt. */
class HubStalledError extends HubUnavailableError {
}
/** An upload stopped making progress on every attempt. */
class UploadStalledError extends HubStalledError {
}


/***/ }),

/***/ 61381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ runForecast)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/dataset/remote.ts
var remote = __webpack_require__(20188);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/engine/scoring.ts
var scoring = __webpack_require__(66727);
;// CONCATENATED MODULE: ./src/engine/copy-signature.ts
/**
 * The validators' copy signature of a scored model, exactly: the key that
 * tricorder_common.py get_comparable_result (tc:815-848 at cancer-ai 99ea548)
 * groups results by. Two models whose keys are equal on a package are copies
 * there (competition_manager.py:391-408).
 */


/** max_signature_samples (tc:831). */
const MAX_SIGNATURE_SAMPLES = 200;
/** The rows get_comparable_result samples from n: range(0, n, max(1, n // 200)). */
function signatureRows(n) {
    const step = Math.max(1, Math.floor(n / MAX_SIGNATURE_SAMPLES));
    const indices = [];
    for (let i = 0; i < n; i += step)
        indices.push(i);
    return { step, indices };
}
/**
 * Python's float repr, which json.dumps writes: shortest round-trip digits
 * (the digits of JS toString), fixed notation only for decimal exponents
 * -4 <= e < 16 with ".0" on integral values, else `d.ddde-XX` with at least
 * two exponent digits; NaN and the infinities as json.dumps spells them
 * (allow_nan=True). JSON.stringify differs on all of these.
 */
function pyFloatRepr(x) {
    if (Number.isNaN(x))
        return "NaN";
    if (x === Infinity)
        return "Infinity";
    if (x === -Infinity)
        return "-Infinity";
    if (x === 0)
        return Object.is(x, -0) ? "-0.0" : "0.0";
    const sign = x < 0 ? "-" : "";
    // toExponential() without an argument gives the shortest round-trip digits, as repr does.
    const [mantissa, exponentText] = Math.abs(x).toExponential().split("e");
    const exponent = Number(exponentText);
    const digits = mantissa.replace(".", "");
    if (exponent < -4 || exponent >= 16) {
        const e = Math.abs(exponent).toString().padStart(2, "0");
        return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e}`;
    }
    if (exponent < 0)
        return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    if (digits.length <= exponent + 1)
        return `${sign}${digits}${"0".repeat(exponent + 1 - digits.length)}.0`;
    return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
/** numpy's argmax of a float64 row: the first NaN if any, else the first maximum. */
function rowArgmax(row) {
    let best = 0;
    for (let i = 0; i < row.length; i++) {
        if (Number.isNaN(row[i]))
            return i;
        if (row[i] > row[best])
            best = i;
    }
    return best;
}
/** json.dumps(signature, separators=(",", ":")) of [(class, prob), ...]. */
function encodeSignature(pairs) {
    return `[${pairs.map(([c, p]) => `[${c},${pyFloatRepr(p)}]`).join(",")}]`;
}
/**
 * get_comparable_result for one result. Values must be the elements as
 * doubles (outputNumbers: float32/float16 exact, int64 to the nearest double,
 * bool 0/1), which is what np.asarray(..., dtype=float) makes of them
 * (tc:820). `metrics` are the result's accuracy and weighted_f1, used only
 * when there are no rows.
 */
function copySignature(predictionsRaw, metrics = { accuracy: 0, weightedF1: 0 }) {
    const n = predictionsRaw.length;
    if (n === 0)
        return { kind: "metrics", accuracy: (0,scoring/* pyRound */.wq)(metrics.accuracy), weightedF1: (0,scoring/* pyRound */.wq)(metrics.weightedF1) };
    let rows;
    const first = predictionsRaw[0];
    if (typeof first === "number") {
        // A 1-D stack (one value per image) is reshaped to one column (tc:821-822): argmax 0, the value itself.
        rows = predictionsRaw.map((v) => [v]);
    }
    else if (first.length > 0 && typeof first[0] !== "number") {
        // (n, k, 1): argmax over axis 1 leaves (n, 1); indexing gives (n, n, 1)-shaped probabilities per row.
        if (n > 1) {
            return {
                kind: "crash",
                crash: "outputs of shape (k, 1) per image: get_comparable_result's float() of an array of " +
                    `${n} values raises (only size-1 arrays can be converted), which voids the package for every hotkey`,
            };
        }
        rows = [first.map((cell) => cell[0])];
    }
    else {
        rows = predictionsRaw;
    }
    const { step, indices } = signatureRows(n);
    const pairs = indices.map((i) => {
        const c = rowArgmax(rows[i]);
        return [c, (0,scoring/* pyRound */.wq)(rows[i][c])];
    });
    const encoded = encodeSignature(pairs);
    return { kind: "sha256", sha256: (0,external_node_crypto_.createHash)("sha256").update(encoded, "utf8").digest("hex"), encoded, rows: indices.length, step };
}
/** A string equal for two results exactly when validators' keys are equal (tuples of a hash, or of two floats). */
function signatureKey(signature) {
    if (signature.kind === "sha256")
        return `sha256:${signature.sha256}`;
    // Python's tuple equality: -0.0 == 0.0.
    return `metrics:${pyFloatRepr(signature.accuracy + 0)},${pyFloatRepr(signature.weightedF1 + 0)}`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/dataset/package.ts + 5 modules
var dataset_package = __webpack_require__(89317);
// EXTERNAL MODULE: ./src/util/digest.ts
var digest = __webpack_require__(16178);
// EXTERNAL MODULE: ./src/util/log.ts
var util_log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/workers/preprocessor.ts + 1 modules
var workers_preprocessor = __webpack_require__(81820);
// EXTERNAL MODULE: ./src/engine/inference.ts + 1 modules
var inference = __webpack_require__(46372);
// EXTERNAL MODULE: ./src/engine/onnx-file.ts
var onnx_file = __webpack_require__(48862);
// EXTERNAL MODULE: ./src/engine/pipeline.ts
var pipeline = __webpack_require__(74106);
// EXTERNAL MODULE: ./src/engine/prediction.ts
var prediction = __webpack_require__(26549);
// EXTERNAL MODULE: ./src/engine/sessions.ts
var sessions = __webpack_require__(24653);
// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __webpack_require__(6559);
;// CONCATENATED MODULE: ./src/engine/evaluate-many.ts
/**
 * Several models on one package in one pass: each image is decoded and
 * resampled to the competition size once, resized again once per distinct
 * fixed model input, and fed to every model. Decoding is the expensive
 * part, so K models cost one decode pass plus K inference passes.
 *
 * Each model has its own session (a process of its own) and its own fate:
 * a model validators would give 0 (too slow, an output they cannot use)
 * gets that verdict and stops being fed, and the others go on; a package
 * every model fails on gives every model its verdict. At most one image
 * runs per core across all the models, so that each image's time in its
 * model is what one run on a validator's core takes, and the 20 s limit
 * judges that, not the contention between models.
 */













/** Of the free memory, the share the models' sessions may take; the rest is for decoding and the main process. */
const SESSION_MEMORY_SHARE = 0.7;
/**
 * Each model's result on the package, in the order of `models`. A model
 * validators would give 0 has its verdict; a package every model fails on
 * gives each model that verdict.
 */
async function evaluateMany(options) {
    const { models, competition, log } = options;
    (0,pipeline/* checkThreads */.Qh)(options.threads);
    const started = performance.now();
    const facts = await Promise.all(models.map(async (m) => ({ bytes: (await (0,promises_.stat)(m.path)).size, sha256: await (0,digest/* sha256File */.Q)(m.path) })));
    const results = new Map();
    const rejected = (index, verdict) => {
        log.warning(`${models[index].id}: ${verdict.message}`);
        results.set(index, (0,engine_verdict/* verdictResult */.ll)(verdict, { competition, dataset: external_node_path_default().basename(options.dataset), model: facts[index], runSeconds: 0 }));
    };
    const pending = [];
    for (const [index, model] of models.entries()) {
        try {
            // Validators download only <stem>.onnx: a model whose weights live beside it cannot load there.
            await (0,onnx_file/* checkNoExternalData */.fM)(model.path);
            pending.push(index);
        }
        catch (err) {
            const verdict = (0,engine_verdict/* verdictOf */.Vj)(err);
            if (!verdict)
                throw err;
            rejected(index, verdict);
        }
    }
    const passes = sessionGroups(pending, facts, options.freeBytes ?? external_node_os_default().freemem());
    if (passes.length > 1)
        log.info(`the ${pending.length} models' sessions do not fit in memory at once: ${passes.length} passes over the images, ` +
            `of up to ${Math.max(...passes.map((p) => p.length))} models each`);
    try {
        for (const pass of passes) {
            const passResults = await onePass(pass.map((i) => ({ index: i, model: models[i], facts: facts[i] })), options);
            for (const [index, result] of passResults)
                results.set(index, result);
        }
    }
    catch (err) {
        const verdict = (0,engine_verdict/* verdictOf */.Vj)(err);
        if (!verdict || verdict.fault !== "package")
            throw err;
        // A package every model fails on: each gets that verdict.
        log.warning(verdict.message);
        for (const index of pending) {
            const runSeconds = (performance.now() - started) / 1000;
            results.set(index, (0,engine_verdict/* verdictResult */.ll)(verdict, { competition, dataset: external_node_path_default().basename(options.dataset), model: facts[index], runSeconds }));
        }
    }
    return models.map((_, i) => results.get(i));
}
/**
 * The models split into passes whose sessions fit in memory together (each
 * about twice its file plus a process, as sessions.ts estimates), in the
 * order given; a model alone over the budget gets a pass of its own.
 */
function sessionGroups(indices, facts, freeBytes) {
    const budget = freeBytes * SESSION_MEMORY_SHARE;
    const groups = [];
    let used = Infinity;
    for (const index of indices) {
        const cost = (0,sessions/* sessionBytes */.gO)(facts[index].bytes);
        if (used + cost > budget) {
            groups.push([]);
            used = 0;
        }
        groups[groups.length - 1].push(index);
        used += cost;
    }
    return groups;
}
/** First come, first served: at most `size` holders at once. */
class Slots {
    waiting = [];
    free;
    constructor(size) {
        this.free = size;
    }
    async take() {
        if (this.free > 0)
            this.free--;
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        return () => {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.free++;
        };
    }
}
async function onePass(contenders, options) {
    const { competition, log } = options;
    const started = performance.now();
    const results = new Map();
    const reject = (c, verdict) => {
        log.warning(`${c.model.id}: ${verdict.message}`);
        const runSeconds = (performance.now() - started) / 1000;
        results.set(c.index, (0,engine_verdict/* verdictResult */.ll)(verdict, { competition, dataset: external_node_path_default().basename(options.dataset), model: c.facts, runSeconds }));
    };
    // Every model loads in its own process while the package opens.
    const loading = contenders.map((c) => (0,inference/* loadModel */.cm)(c.model.path, competition, { timeoutMs: options.inferenceTimeoutMs }));
    for (const l of loading)
        l.catch(() => { });
    const running = [];
    const sizes = [];
    const pkg = await (0,dataset_package/* openPackage */.R$)(options.dataset).catch(async (err) => {
        await Promise.all(loading.map((l) => l.then((s) => s.close(), () => { })));
        throw err;
    });
    try {
        for (const [i, c] of contenders.entries()) {
            let session;
            try {
                session = await loading[i];
            }
            catch (err) {
                const verdict = (0,engine_verdict/* verdictOf */.Vj)(err);
                // A model validators cannot run scores 0 there (their runner fails on it): here, it says why.
                reject(c, verdict ?? { fault: "model", code: "not-loadable", message: `validators would score 0: ${err.message}` });
                continue;
            }
            const { inputSize } = session.signature;
            let sizeIndex = sizes.findIndex((s) => s.width === inputSize.width && s.height === inputSize.height);
            if (sizeIndex < 0)
                sizeIndex = sizes.push(inputSize) - 1;
            running.push({
                ...c,
                session,
                sizeIndex,
                stack: new prediction/* PredictionStack */._q(competition, session.signature.output, log),
                predictions: [],
                yTrue: [],
                yPred: [],
                tail: Promise.resolve(),
            });
        }
        if (running.length === 0)
            return results;
        const dataset = await (0,dataset_package/* readDataset */.JP)(pkg, competition);
        for (const warning of dataset.warnings)
            log.warning(warning);
        const plan = (0,pipeline/* planThreads */.p9)(options.threads, dataset.entries.length);
        const cores = Math.min(plan.maxSessions, running.length);
        await log.group(`Evaluating ${running.length} models on ${dataset.entries.length} images of ${external_node_path_default().basename(options.dataset)} in one pass`, async () => {
            log.info(`decoding once for all in ${Math.max(plan.workers, 1)} thread(s), ${sizes.length} input size(s); ` +
                `at most ${cores} image(s) in the models at once, one session per model`);
            const preprocessor = await (0,workers_preprocessor/* openPreprocessor */.a)(plan.workers, competition.imageSize, log);
            try {
                await feedAll(running, dataset.entries, { prepare: (e) => pkg.extracted(e.path).then(() => preprocessor.preprocess(e.file, e.path, sizes)) }, {
                    slots: new Slots(cores),
                    inFlight: plan.inFlight,
                    log,
                    timings: options.timings,
                });
            }
            finally {
                await preprocessor.close();
            }
        });
        // A corrupt entry after the last image the CSV names still fails the package, as when it was extracted first.
        await pkg.extracted();
        const runSeconds = (performance.now() - started) / 1000;
        for (const r of running) {
            if (r.verdict) {
                reject(r, r.verdict);
                continue;
            }
            results.set(r.index, (0,engine_verdict/* scoredResult */.Cl)(r, { competition, dataset: external_node_path_default().basename(options.dataset), model: r.facts, runSeconds }));
        }
        return results;
    }
    finally {
        await pkg.close();
        await Promise.all(loading.map((l) => l.then((s) => s.close(), () => { })));
    }
}
/** Every image, prepared once, to every model still running, in CSV order for each. */
async function feedAll(running, entries, source, feed) {
    const { slots, timings, log } = feed;
    const progress = (0,util_log/* progressReporter */.xZ)(log, entries.length, "images evaluated");
    // An image is done once every model has it: a window of them bounds the pixels held.
    const window = [];
    let done = 0;
    for await (const { entry, image } of (0,pipeline/* mapOrdered */.wW)(entries, feed.inFlight, async (entry) => ({
        entry,
        image: await source.prepare(entry),
    }))) {
        if (timings) {
            timings.images++;
            timings.decodeMs += image.times.decodeMs;
            timings.resampleMs += image.times.resampleMs;
        }
        const runs = running.map((r) => {
            r.tail = r.tail.then(async () => {
                if (r.verdict)
                    return;
                const giveBack = await slots.take();
                try {
                    const { output, ms } = await r.session.predict(image.rgbs[r.sizeIndex], entry.demographics, entry.file);
                    if (timings)
                        timings.inferenceMs += ms;
                    const predicted = r.stack.add(output, entry.file);
                    r.yTrue.push(entry.classIndex);
                    r.yPred.push(predicted.index);
                    r.predictions.push({ file: entry.file, label: entry.label, predicted: predicted.label, probabilities: (0,prediction/* outputNumbers */.iT)(output) });
                }
                catch (err) {
                    const verdict = (0,engine_verdict/* verdictOf */.Vj)(err);
                    if (!verdict || verdict.fault !== "model")
                        throw err;
                    r.verdict = verdict;
                    await r.session.close();
                }
                finally {
                    giveBack();
                }
            });
            return r.tail;
        });
        const all = Promise.all(runs).then(() => progress(++done));
        // Surfaced when awaited below, in order; until then it must not count as unhandled.
        all.catch(() => { });
        window.push(all);
        if (window.length >= feed.inFlight)
            await window.shift();
    }
    await Promise.all(window);
}

;// CONCATENATED MODULE: ./src/competition/rewards.ts
/**
 * How validators turn package scores into weights, as pure functions:
 * cancer_ai/validator/rewarder.py (rw) and neurons/validator.py (val) at
 * cancer-ai 99ea548. Validators run Python 3.12 and numpy 2.0.2, so sums and
 * float32 steps follow those versions (goldens: scripts/golden/forecast_rules.py).
 */
/** Share of ranks 1..10 (rw:20-31), index 0 = rank 1. */
const SCORE_DISTRIBUTION = [0.5, 0.17, 0.1, 0.07, 0.05, 0.04, 0.03, 0.02, 0.01, 0.005];
/** Split over ranks 11.. (rw:18), not multiplied by the competition weight (val:504). */
const BEYOND_TOP_10_TOTAL = 0.005;
/** Scores kept per hotkey (rw:12). */
const HISTORY_LENGTH = 10;
/** The moving average divides the last 5 scores by 5, however many there are (rw:15, :93-95). */
const MOVING_AVERAGE_LENGTH = 5;
/** get_top_hotkey keeps the crowned hotkey while |new top - score at crowning| <= this (rw:141). */
const WINNER_THRESHOLD = 0.0001;
/**
 * Python 3.12's sum() of floats (Python/bltinmodule.c builtin_sum_impl):
 * 0 + the first item, then Neumaier-compensated additions, the compensation
 * added at the end when it is non-zero and finite. Python 3.11 summed naively;
 * the two differ in the last bits (0.1 + 0.2 + 0.3 = 0.6 here).
 */
function pySum(values) {
    if (values.length === 0)
        return 0;
    let total = 0 + values[0];
    let c = 0;
    for (let i = 1; i < values.length; i++) {
        const x = values[i];
        const t = total + x;
        c += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
        total = t;
    }
    return c !== 0 && Number.isFinite(c) ? total + c : total;
}
/** update_average_score (rw:86-99): sum(last 5) / 5, so a hotkey with one package of 0.8 averages 0.16. */
const movingAverage = (scores) => pySum(scores.slice(-MOVING_AVERAGE_LENGTH)) / MOVING_AVERAGE_LENGTH;
/**
 * get_hotkeys_with_non_zero_scores (rw:150-171): the indices whose average is
 * > 0, best first; Python's sort is stable, so equal averages keep the input
 * order (the validators' dict insertion order; the forecast passes uid order).
 */
function rankByAverage(averages) {
    const ranked = [];
    averages.forEach((avg, i) => {
        if (avg > 0)
            ranked.push(i);
    });
    // Array.prototype.sort is stable; NaN averages never get here (NaN > 0 is false, as in Python).
    return ranked.sort((a, b) => (averages[b] > averages[a] ? 1 : averages[b] < averages[a] ? -1 : 0));
}
/** The amounts of ranks 11.. (val:477-495): total * (k - i + 1) / (k (k + 1) / 2), in Python's order of operations. */
function beyondTopTen(k) {
    if (k <= 0)
        return [];
    if (k === 1)
        return [BEYOND_TOP_10_TOTAL];
    const denominator = (k * (k + 1)) / 2;
    return Array.from({ length: k }, (_, j) => (BEYOND_TOP_10_TOTAL * (k - (j + 1) + 1)) / denominator);
}
/** numpy's pairwise add.reduce on a contiguous float32 array (accumulators are float32 too). */
function float32PairwiseSum(values, start, n) {
    const f = Math.fround;
    if (n < 8) {
        let sum = 0;
        for (let i = 0; i < n; i++)
            sum = f(sum + values[start + i]);
        return sum;
    }
    if (n <= 128) {
        const r = new Float32Array(8);
        for (let j = 0; j < 8; j++)
            r[j] = values[start + j];
        let i = 8;
        for (; i < n - (n % 8); i += 8)
            for (let j = 0; j < 8; j++)
                r[j] = f(r[j] + values[start + i + j]);
        let sum = f(f(f(r[0] + r[1]) + f(r[2] + r[3])) + f(f(r[4] + r[5]) + f(r[6] + r[7])));
        for (; i < n; i++)
            sum = f(sum + values[start + i]);
        return sum;
    }
    let half = Math.floor(n / 2);
    half -= half % 8;
    return f(float32PairwiseSum(values, start, half) + float32PairwiseSum(values, start + half, n - half));
}
/**
 * One competition's weights, as update_scores then set_weights compute them.
 * `averagesByUid[u]` is uid u's average (0 for uids not in the competition):
 * the array stands for the metagraph, whose order sets the float32 sum's.
 * Ranks 1..10 get weight * SCORE_DISTRIBUTION, later ranks the unweighted
 * linear split. float32 as numpy 2 does it: the Python float is cast to
 * float32 and added in float32 (NEP 50).
 */
function rewardShares(averagesByUid, weight) {
    const f = Math.fround;
    const order = rankByAverage(averagesByUid);
    const scores = new Float32Array(averagesByUid.length);
    order.slice(0, 10).forEach((uid, r) => {
        scores[uid] = f(scores[uid] + f(weight * SCORE_DISTRIBUTION[r]));
    });
    const rest = order.slice(10);
    beyondTopTen(rest.length).forEach((amount, j) => {
        scores[rest[j]] = f(scores[rest[j]] + f(amount));
    });
    let norm = float32PairwiseSum(scores.map(Math.abs), 0, scores.length);
    if (norm === 0 || Number.isNaN(norm))
        norm = 1;
    return { order, scores: Array.from(scores), shares: Array.from(scores, (s) => f(s / norm)) };
}
/**
 * get_top_hotkey (rw:118-148): the first hotkey with the highest average; the
 * crowned one stays while it is still listed and |new top - its score at
 * crowning| <= 1e-4 (both sides). Only logged by validators (val:379): it
 * does not change weights, which go by rank.
 */
function hysteresisWinner(averages, crowned) {
    if (averages.length === 0)
        throw new Error("no hotkeys to choose from");
    let [topHotkey, topScore] = averages[0];
    for (const [hotkey, avg] of averages) {
        if (avg > topScore)
            [topHotkey, topScore] = [hotkey, avg];
    }
    if (crowned && averages.some(([h]) => h === crowned.hotkey) && Math.abs(topScore - crowned.score) <= WINNER_THRESHOLD) {
        return { winner: crowned.hotkey, crowned };
    }
    return { winner: topHotkey, crowned: { hotkey: topHotkey, score: topScore } };
}

;// CONCATENATED MODULE: ./src/engine/forecast.ts
/**
 * The forecast's rules for one package and across packages, as validators
 * apply them (cancer-ai 99ea548; docs/design/forecast.md sections 4-6): copy
 * groups by signature, the pioneer election, then averages, ranks and shares.
 * Pure: every fact from the chain and the hub is passed in.
 */


/** Python's int(text, base) for the plain forms validators meet: optional sign, spaces, `_` between digits. */
function pyInt(text, base) {
    let t = text.trim();
    if (base === 16)
        t = t.replace(/^([+-]?)0[xX]_?/, "$1");
    const digits = base === 10 ? "[0-9]" : "[0-9a-fA-F]";
    if (!new RegExp(`^[+-]?${digits}+(_${digits}+)*$`).test(t))
        return undefined;
    const value = parseInt(t.replace(/_/g, ""), base);
    return Number.isSafeInteger(value) ? value : undefined;
}
/** get_pioneer_models' checks for one member (mm:478-549). */
function pioneerCheck(facts) {
    const fail = (reason) => ({ valid: false, reason });
    const { record } = facts;
    if (!record)
        return fail("extrinsic_record.json missing or unreadable");
    // mm:485-487: the record's hotkey must be the member's, and the extrinsic id non-empty.
    if (record.hotkey !== facts.hotkey || !record.extrinsic)
        return fail("extrinsic_record.json names another hotkey or no extrinsic");
    if (typeof record.extrinsic !== "string")
        return fail("the record's extrinsic is not a string");
    const dash = record.extrinsic.indexOf("-");
    if (dash < 0)
        return fail(`extrinsic id "${record.extrinsic}" is not <block>-<index>`);
    const idx = record.extrinsic.slice(dash + 1);
    const block = pyInt(record.extrinsic.slice(0, dash), 10);
    // mm:499: hexadecimal when the index starts with 0x.
    const index = pyInt(idx, idx.trim().toLowerCase().startsWith("0x") ? 16 : 10);
    if (block === undefined || index === undefined)
        return fail(`extrinsic id "${record.extrinsic}" does not parse`);
    if (!facts.blockExtrinsics)
        return fail(`block ${block} could not be read`);
    if (index < 0 || index >= facts.blockExtrinsics.length)
        return fail(`extrinsic index ${index} out of bounds in block ${block}`);
    const ext = facts.blockExtrinsics[index];
    if (ext.signer !== facts.hotkey)
        return fail(`extrinsic ${block}-${index} is signed by ${ext.signer ?? "nobody"}, not the hotkey`);
    if (ext.firstRaw === null)
        return fail(`extrinsic ${block}-${index} has no Raw field`);
    // mm:535-541: the extrinsic's hash against the hotkey's CURRENT commitment hash.
    const chainHash = ext.firstRaw.split(":").pop();
    if (chainHash !== facts.commitmentHash)
        return fail(`extrinsic ${block}-${index} carries hash ${chainHash}, the commitment ${facts.commitmentHash}`);
    return { valid: true, block };
}
const isCandidate = (e) => e.candidate ?? e.hotkey === null;
/**
 * One package: group_duplicate_scores (cm:391-408) over entries not slashed
 * with score != 0; per group get_pioneer_models (mm:449-554): members failing
 * the check get 0, the valid member with the lowest record block keeps its
 * score (ties: the first in entry order, min() keeps the first), the others 0;
 * no valid member: all 0. Entries are in uid order, the candidate last.
 */
function applyCopyRule(entries) {
    const groupsByKey = new Map();
    for (const [i, e] of entries.entries()) {
        if (e.slashed || e.score === 0)
            continue;
        // An entry without a signature (not evaluated) cannot be grouped.
        if (!e.signature)
            continue;
        if (e.signature.kind === "crash") {
            return {
                void: e.signature.crash,
                outcomes: entries.map((x) => ({ hotkey: x.hotkey, candidate: isCandidate(x), uid: x.uid, score: x.score, status: "scored" })),
                groups: [],
            };
        }
        const key = signatureKey(e.signature);
        groupsByKey.set(key, [...(groupsByKey.get(key) ?? []), i]);
    }
    const groups = [...groupsByKey.values()].filter((g) => g.length > 1);
    const outcomes = entries.map((e) => ({
        hotkey: e.hotkey,
        candidate: isCandidate(e),
        uid: e.uid,
        score: e.slashed ? 0 : e.score,
        status: e.slashed ? "slashed" : e.score === 0 ? "zero" : "scored",
    }));
    for (const group of groups) {
        // A new commitment (no hotkey yet) would come after every other member's record.
        const checks = group.map((i) => entries[i].hotkey === null ? { valid: true, block: Infinity } : (entries[i].pioneer ?? { valid: false, reason: "not checked" }));
        let pioneer = -1;
        checks.forEach((c, j) => {
            if (c.valid && (pioneer < 0 || (c.block ?? Infinity) < (checks[pioneer].block ?? Infinity)))
                pioneer = j;
        });
        group.forEach((i, j) => {
            const base = outcomes[i];
            if (!checks[j].valid)
                outcomes[i] = { ...base, score: 0, status: "invalid-record", reason: checks[j].reason };
            else if (j !== pioneer) {
                const p = group[pioneer];
                outcomes[i] = {
                    ...base,
                    score: 0,
                    status: "copy",
                    copyOf: { hotkey: entries[p].hotkey, block: checks[pioneer].block ?? Infinity },
                };
            }
        });
    }
    return { outcomes, groups };
}
/**
 * Across packages: each row's scores, its average (steady state: the plain
 * mean of the packages evaluated, newest 5), ranks among averages > 0 with
 * ties in entry order, so a new commitment (listed last) loses ties
 * (pessimistic), shares for the competition weight. Every package must
 * list the same entries in the same order.
 */
function forecastRows(packages, weight) {
    const counted = packages.map((p, index) => ({ p, index })).filter(({ p }) => !p.void);
    const voidPackages = packages.flatMap((p, index) => (p.void ? [{ index, reason: p.void }] : []));
    const first = packages[0]?.outcomes ?? [];
    const perRow = first.map((_, i) => counted.map(({ p }) => p.outcomes[i].score));
    const averages = perRow.map((s) => {
        const newest = s.slice(-MOVING_AVERAGE_LENGTH);
        return newest.length === 0 ? 0 : pySum(newest) / newest.length;
    });
    const ramps = perRow.map((s) => movingAverage(s));
    const order = rankByAverage(averages);
    const { shares } = rewardShares(averages, weight);
    const top = order.length > 0 ? averages[order[0]] : 0;
    const rows = first.map((o, i) => {
        const rank = order.indexOf(i);
        const copy = [...counted].reverse().find(({ p }) => p.outcomes[i].copyOf)?.p.outcomes[i].copyOf;
        return {
            hotkey: o.hotkey,
            candidate: o.candidate,
            uid: o.uid,
            packageScores: perRow[i],
            average: averages[i],
            ramp: ramps[i],
            rank: rank < 0 ? null : rank + 1,
            gapToFirst: top - averages[i],
            share: shares[i],
            ...(copy ? { copyOf: copy } : {}),
        };
    });
    const cand = rows.find((r) => r.candidate);
    const stays = cand?.rank === 1 ? loggedWinnerStays(rows) : undefined;
    return {
        rows,
        candidate: {
            rank: cand?.rank ?? null,
            rankOf: order.length,
            share: cand?.share ?? 0,
            ...(cand?.copyOf ? { copyOf: cand.copyOf } : {}),
            ...(stays ? { loggedWinnerStays: stays } : {}),
        },
        voidPackages,
    };
}
/**
 * The hotkey validators would still log as the winner with the candidate on top (rw:118-148): taking the best
 * committed model as the one crowned, at its average now (the score it was crowned with is not on chain).
 */
function loggedWinnerStays(rows) {
    const committed = rows.filter((r) => !r.candidate && r.hotkey !== null && r.rank !== null);
    if (committed.length === 0)
        return undefined;
    const best = committed.reduce((a, b) => (b.average > a.average ? b : a));
    // A new commitment has no hotkey yet: "" stands for it, which no SS58 address is.
    const { winner } = hysteresisWinner(rows.filter((r) => r.rank !== null).map((r) => [r.candidate ? "" : (r.hotkey ?? ""), r.average]), { hotkey: best.hotkey, score: best.average });
    return winner === best.hotkey ? best.hotkey : undefined;
}
/** "copy of <hotkey> (block B)", as the report says it. */
const describeCopy = (copyOf) => `copy of ${copyOf.hotkey ?? "the candidate"} (block ${copyOf.block})`;

// EXTERNAL MODULE: ./src/engine/run.ts + 1 modules
var run = __webpack_require__(46531);
// EXTERNAL MODULE: ./src/release/committed.ts
var release_committed = __webpack_require__(25479);
;// CONCATENATED MODULE: ./src/release/forecast.ts
/**
 * The forecast: where the candidate would rank among the models committed
 * on the subnet now, and whether validators would call it a copy. The top N
 * committed models (by Incentive) are checked and downloaded as validators
 * get them (committed.ts), evaluated with the candidate in one pass per
 * package (engine/evaluate-many.ts), and judged by the validators' rules
 * (engine/forecast.ts): the copy rule per package, then averages, ranks and
 * reward shares. A committed model validators would reject scores 0 with
 * their reason; one the hub did not serve is left out and said so.
 */









async function runForecast(request) {
    const { competition, hub } = request;
    const log = hub.log;
    await (0,inference/* checkModel */.w5)(request.modelPath, competition);
    const committed = await log.group(`Committed models on subnet ${request.netuid}`, () => (0,release_committed/* committedModels */.l$)({
        network: request.network,
        netuid: request.netuid,
        competitionId: competition.id,
        now: request.now,
        top: request.top,
        hub,
        store: request.models,
        own: request.hotkey,
    }));
    const own = committed.own?.committed;
    const sameAsCommitted = own !== undefined && own.model.hash === (await (0,digest/* sha256File */.Q)(request.modelPath));
    // What the forecast made of the hotkey is its report's note; a hotkey not registered is likely a typo, said at once.
    if (committed.own && committed.own.uid === undefined)
        log.warning(`hotkey ${committed.own.hotkey} is not registered on subnet ${request.netuid} now: check the hotkey input`);
    const others = taking(committed);
    const contestants = [...others, ...(own && sameAsCommitted ? [{ checked: own, candidate: true }] : [])];
    const evaluable = others.flatMap(({ checked }) => checked.check.status === "evaluable" ? [{ id: `uid ${checked.model.uid}`, path: checked.check.modelPath }] : []);
    log.info(`${evaluable.length} committed model(s) to evaluate with the candidate; ` +
        `${others.length - evaluable.length} rejected as validators would; ` +
        `${committed.notEvaluated.length} outside the top ${request.top}`);
    const sources = await log.group("Datasets", () => (0,remote/* resolveDatasets */.E)(request.dataset, { ...request, competitionId: competition.id }));
    const packages = [];
    const packageNames = [];
    const candidateResults = [];
    for (const source of sources) {
        const results = await evaluateMany({
            models: [{ id: "candidate", path: request.modelPath }, ...evaluable],
            dataset: source.localPath,
            competition,
            log,
            threads: request.threads,
            inferenceTimeoutMs: request.inferenceTimeoutMs,
        });
        const [candidate, ...others] = results;
        if (source.ref) {
            candidate.dataset_uri = `hf://${source.ref.repo}/${source.ref.path}`;
            if (source.ref.date)
                candidate.dataset_date = source.ref.date;
        }
        candidateResults.push(candidate);
        packageNames.push(candidate.dataset_uri ?? candidate.dataset);
        packages.push(applyCopyRule(entries(contestants, others, candidate, !sameAsCommitted)));
    }
    // Packages come newest first; the rules read them oldest first (the newest five count, the newest says the status).
    packages.reverse();
    packageNames.reverse();
    // One competition: the weight cancels out in the normalised shares except beyond rank 10 (rewarder: not weighted).
    const forecast = forecastRows(packages, 1);
    return {
        report: (0,run/* runReport */.qi)(competition.id, candidateResults),
        forecast: forecast_document(request, committed, contestants, forecast, packages, packageNames),
    };
}
/** The committed models that take part: the top N as checked, except those the hub did not serve. */
function taking(committed) {
    let evaluated = 0;
    return committed.checked.flatMap((checked) => {
        if (checked.check.status === "unavailable")
            return [];
        return [{ checked, ...(checked.check.status === "evaluable" ? { evaluated: evaluated++ } : {}) }];
    });
}
/**
 * One package's entries for the copy rule: the committed models in uid order, then the candidate as a
 * new commitment (`newCommitment`); or, when it is its hotkey's committed model, in that model's place.
 */
function entries(contestants, results, candidate, newCommitment) {
    const byUid = [...contestants].sort((a, b) => a.checked.model.uid - b.checked.model.uid);
    const entry = (result, hotkey, uid) => ({
        hotkey,
        uid,
        score: result.score,
        // Validators take the signature of every result with a score; none for a verdict's zeros. (The rows are the
        // flattened outputs: an output of shape (k, 1), on which their signature crashes, is not told apart.)
        ...(result.verdict
            ? {}
            : {
                signature: copySignature(result.predictions.map((p) => p.probabilities), { accuracy: result.accuracy, weightedF1: result.weighted_f1 }),
            }),
    });
    return [
        ...byUid.map((contestant) => {
            const { model, check } = contestant.checked;
            const mark = contestant.candidate ? { candidate: true } : {};
            const result = contestant.candidate ? candidate : contestant.evaluated === undefined ? undefined : results[contestant.evaluated];
            if (check.status !== "evaluable" || !result)
                return { hotkey: model.hotkey, ...mark, uid: model.uid, score: 0, slashed: check.status === "rejected" && check.slashed };
            const p = check.pioneer;
            return {
                ...entry(result, model.hotkey, model.uid),
                ...mark,
                slashed: false,
                pioneer: p.valid ? { valid: true, block: p.recordBlock } : { valid: false, reason: p.reason },
            };
        }),
        ...(newCommitment ? [{ ...entry(candidate, null, null), slashed: false }] : []),
    ];
}
function forecast_document(request, committed, contestants, forecast, packages, packageNames) {
    const byHotkey = new Map(contestants.map((c) => [c.checked.model.hotkey, c.checked]));
    const rows = forecast.rows.map((row, i) => {
        const checked = row.hotkey === null ? undefined : byHotkey.get(row.hotkey);
        const check = checked?.check;
        // The status on the newest package decides the row's label; the scores carry every package.
        const newest = packages.at(-1)?.outcomes[i];
        const status = check?.status === "rejected"
            ? "rejected"
            : newest?.status === "copy"
                ? "copy"
                : newest?.status === "invalid-record"
                    ? "invalid-record"
                    : "scored";
        const reason = check?.status === "rejected" ? check.reason : newest?.reason;
        // A new commitment of the own hotkey is shown under that hotkey and its uid.
        const own = row.candidate && row.hotkey === null ? committed.own : undefined;
        return {
            candidate: row.candidate,
            uid: row.uid ?? own?.uid ?? null,
            hotkey: row.hotkey ?? own?.hotkey ?? null,
            ...(checked ? { repo: checked.model.repo, block: checked.model.block } : {}),
            status,
            ...(reason ? { reason } : {}),
            package_scores: row.packageScores,
            average: row.average,
            rank: row.rank,
            gap_to_first: row.gapToFirst,
            share: row.share,
            ...(row.copyOf ? { copy_of: copyOf(row.copyOf) } : {}),
        };
    });
    const unavailable = committed.checked.flatMap(({ model, check }) => check.status === "unavailable" ? [{ uid: model.uid, hotkey: model.hotkey, reason: `the hub did not serve it: ${check.reason}` }] : []);
    return {
        competition_id: committed.competitionId,
        netuid: committed.netuid,
        at_block: committed.atBlock,
        now: committed.now.toISOString(),
        packages: packageNames,
        top_n: request.top,
        rows: rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
        ...(committed.own && { own_hotkey: ownHotkeyEntry(committed.own, contestants) }),
        candidate: {
            rank: forecast.candidate.rank,
            rank_of: forecast.candidate.rankOf,
            share: forecast.candidate.share,
            ...(forecast.candidate.copyOf ? { copy_of: copyOf(forecast.candidate.copyOf) } : {}),
            ...(forecast.candidate.loggedWinnerStays ? { logged_winner_stays: forecast.candidate.loggedWinnerStays } : {}),
        },
        not_evaluated: [
            ...committed.notEvaluated.map((m) => ({ uid: m.uid, hotkey: m.hotkey, reason: `outside the top ${request.top} by Incentive` })),
            ...committed.tooRecent.map(({ model }) => ({
                uid: model.uid,
                hotkey: model.hotkey,
                reason: "committed too recently: 0 on a package released now",
            })),
            ...unavailable,
        ],
        ignored: committed.ignored.map((i) => ({ hotkey: i.hotkey, ...(i.uid === undefined ? {} : { uid: i.uid }), reason: i.reason })),
        void_packages: forecast.voidPackages.map((v) => ({
            package: packageNames[v.index] ?? external_node_path_default().basename(String(v.index)),
            reason: v.reason,
        })),
    };
}
/** forecast.json's own_hotkey: whether the candidate is its committed model, or replaces it. */
function ownHotkeyEntry(own, contestants) {
    const committed = own.committed?.model;
    return {
        hotkey: own.hotkey,
        uid: own.uid ?? null,
        ...(committed && {
            committed: {
                block: committed.block,
                repo: committed.repo,
                same_model: contestants.some((c) => c.candidate),
            },
        }),
        ...(own.ignored && { ignored: own.ignored.reason }),
    };
}
/** The candidate's block is +Infinity in the rules; JSON has no such number. */
const copyOf = (c) => ({
    hotkey: c.hotkey,
    block: Number.isFinite(c.block) ? c.block : null,
});


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
/* harmony export */   G_: () => (/* binding */ checkWriteAccess),
/* harmony export */   Pc: () => (/* binding */ downloadedSha256),
/* harmony export */   R9: () => (/* binding */ codeFiles),
/* harmony export */   SI: () => (/* binding */ uploadInOneCommit),
/* harmony export */   WN: () => (/* binding */ repoState),
/* harmony export */   Xs: () => (/* binding */ checkRepoAcceptable),
/* harmony export */   Zy: () => (/* binding */ zipCode),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   aU: () => (/* binding */ hubCall),
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
/* harmony import */ var _hub_transfer_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(13);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4266);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(85178);
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
/**
 * A hub call, bounded: each of its requests goes through a watch (transfer.ts) that gives up on
 * `silenceMs` without progress and logs progress and waits, and a transient failure is retried with
 * backoff: reads and downloads, and creating the repository (a creation repeated after a lost answer
 * meets 409). An upload is retried as a whole as it always was: the hub and the CAS skip what they
 * hold, but a commit whose answer was lost is sent again. What still fails is a HubError naming the request
 * (method, host and path), and a HubUnavailableError when the hub did not answer (network, 5xx, 429;
 * HubStalledError: silence): then what it holds is unknown, not absent.
 */
async function hubCall(what, repo, work, options = {}) {
    const watch = (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .watchHub */ .Rh)(repo.hub, what, options.direction ?? "download", options.totalBytes);
    try {
        return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .withRetry */ .bD)(what, () => watch.attempt((fetch) => work(fetch, watch)), repo.hub.log, repo.hub.retry ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .DEFAULT_RETRY */ .vI);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .CancerAiError */ .hz)
            throw err;
        throw options.explain?.(err, watch) ?? callFailure(what, err, watch, repo);
    }
}
const attemptsOf = (watch) => watch.attemptCount === 1 ? "1 attempt" : `${watch.attemptCount} attempts with backoff`;
function callFailure(what, err, watch, repo) {
    const standing = repo.standing ? ` ${repo.standing}` : "";
    if (err instanceof _hub_transfer_js__WEBPACK_IMPORTED_MODULE_9__/* .TransferStallError */ .M2)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .HubStalledError */ .Hs(`${what} failed: the hub stopped responding: ${err.message}; ${attemptsOf(watch)}.${standing} If it stalls again, check ` +
            `the runner's network and the hub's status.`);
    const request = watch.requestOf(err);
    const reason = `${request ? `${request}${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err) === undefined ? ":" : ""} ` : ""}${(0,_hub_transfer_js__WEBPACK_IMPORTED_MODULE_9__/* .describeHubError */ .zA)(err)}`;
    if ((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .isTransient */ .dg)(err))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .HubUnavailableError */ .am(`${what} failed: ${reason} (the hub did not answer; ${attemptsOf(watch)}).${standing}`);
    const status = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err);
    const hint = status === 401 || status === 403 ? " (is hf-token a write token of the repository's owner?)" : "";
    return new _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .HubError */ .Ik(`${what} failed: ${reason}${hint}.${standing}`);
}
/** The hub answers 404 (with a token) or 401 (without) alike for a missing repository and for one private to someone else. */
const isNotFound = (err) => (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err) === 404 || (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err) === 401;
async function repoState(repo) {
    const { hubUrl, accessToken } = repo.hub;
    const info = await hubCall(`reading model repository ${repo.repoId}`, repo, (fetch) => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .modelInfo */ .gi)({ name: repo.repoId, hubUrl, accessToken, additionalFields: ["cardData"], fetch }).catch((err) => {
        if (isNotFound(err))
            return undefined;
        throw err;
    }));
    if (!info)
        return { exists: false, isPrivate: false, gated: false, files: new Map() };
    const card = info.cardData;
    const files = new Map();
    await hubCall(`listing ${repo.repoId}`, repo, async (fetch) => {
        files.clear();
        for await (const f of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .listFiles */ .CS)({ repo: { type: "model", name: repo.repoId }, hubUrl, accessToken, fetch })) {
            if (f.type === "file")
                files.set(f.path, f.lfs?.oid ?? f.oid ?? "");
        }
    });
    return {
        exists: true,
        isPrivate: info.private,
        gated: info.gated ?? false,
        license: card?.license === undefined ? undefined : String(card.license),
        files,
    };
}
/** The validators' license rule: the model card's license must contain "mit". */
const hasMitLicense = (state) => (state.license ?? "").toLowerCase().includes("mit");
/** Validators skip private and gated repositories and cards whose license does not contain "mit". */
function checkRepoAcceptable(repo, state) {
    if (state.isPrivate)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${repo.repoId} is private; validators can only download public repositories: make it public on HuggingFace`);
    if (state.gated)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${repo.repoId} is gated (${state.gated}); validators download without asking for access and score 0: turn gating off ` +
            `in the repository's settings on HuggingFace`);
    if (state.exists && !hasMitLicense(state)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${repo.repoId}'s model card declares license "${state.license ?? "none"}"; validators reject repositories whose ` +
            `card license does not contain "mit": set "license: mit" in its README.md front matter`);
    }
}
/**
 * Creates the repository, public with an MIT card. "Already exists" (409) counts as created: a
 * retried request whose first answer was lost meets the repository it made. Either way the
 * caller reads the repository back and checks it before uploading.
 */
async function createPublicRepo(repo) {
    const { hubUrl, accessToken } = repo.hub;
    if (!accessToken)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is required to create and upload to the model repository");
    const outcome = await hubCall(`creating ${repo.repoId}`, repo, (fetch) => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .createRepo */ .Td)({
        repo: { type: "model", name: repo.repoId },
        visibility: "public",
        hubUrl,
        accessToken,
        fetch,
        files: [{ path: "README.md", content: new Blob([MODEL_CARD(repo.repoId)]) }],
    }).then(() => "created", (err) => {
        if ((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err) === 409)
            return "existed";
        throw err;
    }));
    repo.hub.log.info(outcome === "created"
        ? `created public model repository ${repo.repoId} with an MIT model card`
        : `${repo.repoId} already exists (an earlier attempt of this request created it, or another run did): checking it`);
    return outcome;
}
/**
 * Whether the token may write to the repository, asked before anything is written: a read token,
 * or one whose user and organisations do not own the repository, is refused with the fix. A
 * fine-grained token's scopes are not checked here (the first write says so).
 */
async function checkWriteAccess(repo) {
    const { hubUrl, accessToken } = repo.hub;
    if (!accessToken)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is required to create and upload to the model repository: give a write token");
    const who = await hubCall("checking hf-token", repo, (fetch) => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .whoAmI */ .Wc)({ hubUrl, accessToken, fetch }).catch((err) => {
        if ((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .httpStatus */ .nG)(err) === 401)
            return undefined;
        throw err;
    }));
    if (!who)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is not a valid HuggingFace token (the hub answers 401): check the secret's value");
    const role = who.auth?.accessToken?.role;
    const owner = repo.repoId.split("/")[0];
    if (role === "read")
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`hf-token is a read token: a release writes to ${repo.repoId}, so give a write token of ${owner}`);
    if (role === "write" && who.type === "user") {
        const owners = [who.name, ...who.orgs.map((o) => o.name)];
        if (!owners.includes(owner))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`hf-token belongs to ${who.name}${who.orgs.length ? ` (organisations: ${who.orgs.map((o) => o.name).join(", ")})` : ""}, ` +
                `which cannot write to ${repo.repoId}: use a token of ${owner}, or a repository under ${owners.join(" or ")}`);
    }
}
/** The files of the training code folder, in zip order; refuses a folder that is missing or empty (before anything is written). */
async function codeFiles(codeDir) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(codeDir).catch((err) => {
        if (err.code === "ENOENT" || err.code === "ENOTDIR")
            return undefined;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`cannot read code-directory ${codeDir}: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .describeError */ .Uc)(err)}`);
    });
    if (!info?.isDirectory())
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`code-directory ${codeDir} is not a folder: give the training code's folder`);
    const files = await collectFiles(codeDir);
    if (files.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`code-directory ${codeDir} is empty: validators' rules ask for the training code`);
    return files;
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
    const files = await codeFiles(codeDir);
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
const mib = (bytes) => (bytes / 1048576).toFixed(1);
/**
 * The error for an upload whose last attempt stalled: where it stopped, what it means for the
 * release (`afterwards`), and what to do. Never the token: it travels in headers, and no URL query
 * (where presigned links carry signatures) is named.
 */
function stalledUpload(err, watch, what, total, hub, afterwards) {
    if (!(err instanceof _hub_transfer_js__WEBPACK_IMPORTED_MODULE_9__/* .TransferStallError */ .M2))
        return undefined;
    const silence = (hub.silenceMs ?? _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_SILENCE_MS */ .pD) / 1000;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UploadStalledError */ .Vf(`the hub stopped responding during the upload of ${what} after ${mib(err.bytes)} of ${mib(total)} MiB: nothing was ` +
        `sent or answered for ${silence} s (${err.request}; ${attemptsOf(watch)}). ${afterwards}If it stalls again, check the runner's ` +
        `network and the hub's status.`);
}
/** Uploads `files` in one commit, under a watch that gives up on silence; `afterwards` says where the release stands if it stalls. */
async function upload(repo, what, files, commitTitle, afterwards, useXet) {
    const { hubUrl, accessToken } = repo.hub;
    const total = files.reduce((sum, f) => sum + f.content.size, 0);
    return hubCall(`uploading ${what}`, { ...repo, standing: afterwards.trim() }, (fetch) => (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .uploadFiles */ .Zn)({ repo: { type: "model", name: repo.repoId }, files, commitTitle, hubUrl, accessToken, fetch, useXet }), { direction: "upload", totalBytes: total, explain: (err, watch) => stalledUpload(err, watch, what, total, repo.hub, afterwards) });
}
/**
 * One commit with every file given; returns the commit's id. `afterwards` tells the miner, should the
 * upload stall, where the release stands.
 */
async function uploadInOneCommit(repo, files, title, afterwards = "Run the upload again: what the hub already holds with this content is not uploaded again. ") {
    if (!repo.hub.accessToken)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz("hf-token is required to upload to the model repository");
    const blobs = await Promise.all(files.map(async (f) => ({ path: f.path, content: await (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openAsBlob)(f.local) })));
    const what = `${files.map((f) => f.path).join(", ")} to ${repo.repoId}`;
    // Xet on purpose (the client's default, stated so a library default change cannot switch it silently): huggingface.co
    // answers "xet" for Xet-backed repos (the default since 2025), and the client then uploads xorbs and shards to the
    // Xet CAS, the path the release tests run against the local CAS; a hub that answers "basic" still gets a plain PUT.
    // Each attempt starts over; the hub and the CAS skip what they already hold, and nothing is committed before the last call.
    const output = await upload(repo, what, blobs, title, afterwards, true);
    return output?.commit.oid;
}
async function uploadRecord(repo, record) {
    const content = new Blob([`${JSON.stringify(record)}\n`]);
    // Only ever called once the commitment is final: the message must say so, and how the record gets written.
    const afterwards = `The commitment is on chain (extrinsic ${record.extrinsic}), but ${RECORD_FILE} was not written: run the release ` +
        `again, which finds the commitment on chain and only uploads the record (it does not commit again). `;
    await upload(repo, `${RECORD_FILE} to ${repo.repoId}`, [{ path: RECORD_FILE, content }], `Record commitment extrinsic ${record.extrinsic}`, afterwards);
}
/**
 * SHA-256 of a file as the hub serves it (what validators compare with the commitment), optionally
 * kept at `dest`. The whole file comes down: its progress is logged, a body that stops coming is
 * given up on after the silence window, and the download is retried from the start.
 */
async function downloadedSha256(repo, file, dest) {
    const { hubUrl, accessToken } = repo.hub;
    return hubCall(`downloading ${repo.repoId}/${file}`, repo, async (fetch, watch) => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .downloadFile */ .PE)({ repo: { type: "model", name: repo.repoId }, path: file, hubUrl, accessToken, xet: false, fetch });
        if (!blob)
            throw new _hub_hub_js__WEBPACK_IMPORTED_MODULE_8__/* .HubError */ .Ik(`${repo.repoId}/${file} is not on the hub`);
        watch.expectBytes(blob.size);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
        const out = dest ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest) : undefined;
        try {
            for await (const chunk of blob.stream()) {
                hash.update(chunk);
                if (out && !out.write(chunk))
                    await new Promise((resolve) => out.once("drain", () => resolve()));
            }
        }
        catch (err) {
            // The next attempt writes the file anew.
            out?.destroy();
            throw err;
        }
        if (out)
            await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
        return hash.digest("hex");
    });
}
/**
 * extrinsic_record.json as validators read it: missing (the hub says so), invalid (not the
 * `{"hotkey", "extrinsic"}` JSON), or present. A hub that does not answer is a
 * HubUnavailableError, never "missing".
 */
async function readRecord(repo) {
    const { hubUrl, accessToken } = repo.hub;
    const bytes = await hubCall(`reading ${repo.repoId}/${RECORD_FILE}`, repo, async (fetch) => {
        const blob = await (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_5__/* .downloadFile */ .PE)({
            repo: { type: "model", name: repo.repoId },
            path: RECORD_FILE,
            hubUrl,
            accessToken,
            xet: false,
            fetch,
        }).catch((err) => {
            if (isNotFound(err))
                return null;
            throw err;
        });
        return blob ? Buffer.from(await blob.arrayBuffer()) : undefined;
    });
    if (bytes === undefined)
        return { state: "missing" };
    // Validators read it with json.load(open(..., encoding="utf-8")) (model_manager.py:379-380), which refuses a
    // byte-order mark that Blob.text() would silently drop.
    if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
        return {
            state: "invalid",
            reason: "it starts with a UTF-8 byte-order mark, which validators' JSON reader refuses: save it without one",
        };
    const text = bytes.toString("utf8");
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        return { state: "invalid", reason: `it is not JSON (${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .describeError */ .Uc)(err)})` };
    }
    const { hotkey, extrinsic } = (json ?? {});
    return typeof hotkey === "string" && typeof extrinsic === "string"
        ? { state: "present", record: { hotkey, extrinsic } }
        : { state: "invalid", reason: 'it lacks the string fields "hotkey" and "extrinsic"' };
}


/***/ }),

/***/ 87117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RC: () => (/* binding */ verifyRecord)
/* harmony export */ });
/* unused harmony exports pythonInt, parseExtrinsicId */
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92500);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66462);


/**
 * Python's `int(text)` for the decimal strings validators parse (mm:397, :415): surrounding whitespace, a sign,
 * and single underscores between digits are accepted; anything else raises (undefined here).
 */
function pythonInt(text) {
    const match = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/.exec(text);
    if (!match)
        return undefined;
    const value = Number(match[2].replace(/_/g, ""));
    if (!Number.isSafeInteger(value))
        return undefined;
    return match[1] === "-" ? -value : value;
}
/** `blk_str, idx_str = extrinsic_id.split("-", 1)` then `int()` of each (mm:396-397, :415); undefined where Python raises. */
function parseExtrinsicId(id) {
    const dash = id.indexOf("-");
    if (dash < 0)
        return undefined;
    const block = pythonInt(id.slice(0, dash));
    const index = pythonInt(id.slice(dash + 1));
    return block === undefined || index === undefined ? undefined : { block, index };
}
/**
 * Verifies the record of `repo` for `hotkey` against the hash of the model as downloaded. Hub or chain
 * failures (not absences) throw, as HubUnavailableError or ChainError: then nothing is known.
 */
async function verifyRecord(api, repo, hotkey, servedHash) {
    const read = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_1__/* .readRecord */ .aE)(repo);
    if (read.state === "missing")
        return { status: "fail", code: "missing", reason: `${repo.repoId} has no ${_publish_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_FILE */ .lt}: validators give 0 without it` };
    if (read.state === "invalid")
        return { status: "fail", code: "invalid", reason: `${repo.repoId}/${_publish_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_FILE */ .lt} is not valid: ${read.reason}` };
    const { record } = read;
    const fail = (code, reason, extrinsic) => ({
        status: "fail",
        code,
        reason,
        record,
        extrinsic,
    });
    // mm:387-389: `record.get("hotkey") != hotkey`.
    if (record.hotkey !== hotkey)
        return fail("hotkey", `it names hotkey ${record.hotkey}, not ${hotkey}`);
    // mm:391-393: an empty id is "missing"; one Python cannot split and int() raises, which mm:445-447 turns into a failure.
    const parsed = record.extrinsic ? parseExtrinsicId(record.extrinsic) : undefined;
    if (!parsed)
        return fail("extrinsic-id", `extrinsic "${record.extrinsic}" is not <block>-<index>`);
    const { block, index } = parsed;
    const at = block < 0 ? { kind: "no-block" } : await (0,_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .extrinsicAt */ .FZ)(api, block, index);
    if (at.kind === "no-block")
        return fail("no-block", `it names block ${block}, which the chain does not have`);
    if (at.kind === "no-extrinsic")
        return fail("no-extrinsic", `block ${block} has ${at.count} extrinsics, none at index ${index}`);
    // The validators read call_args["info"]["fields"] of whatever extrinsic it is (mm:418-420); only set_commitment carries one.
    if (!at.isSetCommitment || at.text === undefined)
        return fail("not-commitment", `the extrinsic at ${record.extrinsic} is not a set_commitment with a Raw field`);
    const extrinsic = {
        id: record.extrinsic,
        block,
        index,
        signer: at.signer,
        text: at.text,
        hash: at.text.split(":").at(-1) ?? "",
    };
    // mm:438-440: an exact comparison with the hex digest (lowercase) of the downloaded file.
    if (extrinsic.hash !== servedHash)
        return fail("hash", `the commitment at ${record.extrinsic} carries hash ${extrinsic.hash}, not the served model's ${servedHash}`, extrinsic);
    return { status: "pass", record, extrinsic, signedByHotkey: at.signer === hotkey };
}


/***/ }),

/***/ 64399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PA: () => (/* binding */ dryRun),
  _r: () => (/* binding */ release)
});

// UNUSED EXPORTS: preflight

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/release/chain.ts
var release_chain = __webpack_require__(92500);
// EXTERNAL MODULE: ./src/release/commitment.ts
var release_commitment = __webpack_require__(40816);
// EXTERNAL MODULE: ./src/util/digest.ts
var digest = __webpack_require__(16178);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/hub/hub.ts
var hub_hub = __webpack_require__(71472);
// EXTERNAL MODULE: ./src/release/hotkey.ts
var hotkey = __webpack_require__(44319);
// EXTERNAL MODULE: ./src/engine/inference.ts + 1 modules
var inference = __webpack_require__(46372);
// EXTERNAL MODULE: ./src/engine/onnx-file.ts
var onnx_file = __webpack_require__(48862);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/release/errors.ts
var release_errors = __webpack_require__(85178);
;// CONCATENATED MODULE: ./src/release/limits.ts
/** Subtensor's target block time. */
const BLOCK_SECONDS = 12;
/** pallet-commitments: a commitment counts at least this many bytes against the space limit. */
const MIN_COMMIT_SPACE = 100;
/** Whether a commitment of `bytes` Raw bytes landing in block `atBlock` passes the chain's limit. */
function commitAllowance(limit, atBlock, bytes) {
    switch (limit.kind) {
        case "unknown":
            return { ok: true };
        case "rate": {
            if (limit.lastBlock === undefined || atBlock >= limit.lastBlock + limit.rateLimit)
                return { ok: true };
            return {
                ok: false,
                nextBlock: limit.lastBlock + limit.rateLimit,
                why: `the hotkey last committed in block ${limit.lastBlock} and the chain allows one commitment per ${limit.rateLimit} ` +
                    `blocks on a subnet (CommitmentSetRateLimitExceeded)`,
            };
        }
        case "space": {
            const required = Math.max(MIN_COMMIT_SPACE, bytes);
            const used = limit.usedEpoch === limit.epoch ? limit.usedSpace : 0;
            if (used + required <= limit.maxSpace)
                return { ok: true };
            if (required > limit.maxSpace)
                return { ok: false, why: `the commitment counts ${required} bytes, more than the chain's ${limit.maxSpace} per epoch` };
            return {
                ok: false,
                nextBlock: limit.nextEpochBlock,
                why: `the hotkey has used ${used} of its ${limit.maxSpace} bytes of commitment space in this epoch and this commitment ` +
                    `counts ${required} (SpaceLimitExceeded)`,
            };
        }
    }
}
/** `next commitment allowed at block N (~M min)`, counted from the best block. */
function whenAllowed(nextBlock, bestBlock) {
    if (nextBlock === undefined)
        return "next commitment allowed in the subnet's next epoch";
    const minutes = Math.max(1, Math.ceil(((nextBlock - bestBlock) * BLOCK_SECONDS) / 60));
    return `next commitment allowed at block ${nextBlock} (~${minutes} min)`;
}
/** subtensor's get_epoch_index before SubnetEpochIndex: `(block + netuid + 1) / (tempo + 1)`, and where the next epoch starts. */
function legacyEpoch(netuid, block, tempo) {
    const period = tempo + 1;
    const epoch = Math.floor((block + netuid + 1) / period);
    return { epoch, nextEpochBlock: (epoch + 1) * period - (netuid + 1) };
}
/** A storage item of the connected runtime, or undefined when its metadata has none. */
function storageItem(api, pallet, item) {
    const modules = api.query;
    return modules[pallet]?.[item];
}
function constant(api, pallet, name) {
    const modules = api.consts;
    return modules[pallet]?.[name];
}
/** A SCALE number as JSON gives it (number, decimal or hex string); undefined for None. */
function jsonNumber(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === "number")
        return value;
    if (typeof value === "bigint")
        return Number(value);
    const text = String(value);
    return /^0x[0-9a-f]+$/i.test(text) ? Number(BigInt(text)) : /^\d+$/.test(text) ? Number(text) : undefined;
}
async function read(query, ...args) {
    return jsonNumber((await query(...args)).toJSON());
}
async function epochOf(api, netuid, atBlock) {
    const tempoQuery = storageItem(api, "subtensorModule", "tempo");
    const tempo = tempoQuery ? await read(tempoQuery, netuid) : undefined;
    const counter = storageItem(api, "subtensorModule", "subnetEpochIndex");
    if (counter) {
        const epoch = (await read(counter, netuid)) ?? 0;
        const lastEpochBlock = storageItem(api, "subtensorModule", "lastEpochBlock");
        const last = lastEpochBlock ? await read(lastEpochBlock, netuid) : undefined;
        return { epoch, nextEpochBlock: last !== undefined && tempo ? last + tempo : undefined };
    }
    return tempo === undefined ? undefined : legacyEpoch(netuid, atBlock, tempo);
}
/** The connected runtime's commitment limit for this hotkey, as it would apply in block `atBlock`. */
async function readCommitLimit(api, netuid, hotkey, atBlock) {
    const usedSpaceOf = storageItem(api, "commitments", "usedSpaceOf");
    const maxSpace = storageItem(api, "commitments", "maxSpace");
    if (usedSpaceOf && maxSpace) {
        const max = await read(maxSpace);
        const epoch = await epochOf(api, netuid, atBlock);
        if (max === undefined || !epoch)
            return { kind: "unknown", reason: "the subnet's epoch or the space limit could not be read" };
        const usage = (await usedSpaceOf(netuid, hotkey)).toJSON();
        return {
            kind: "space",
            maxSpace: max,
            usedSpace: jsonNumber(usage?.usedSpace) ?? 0,
            usedEpoch: jsonNumber(usage?.lastEpoch) ?? -1,
            ...epoch,
        };
    }
    const lastCommitment = storageItem(api, "commitments", "lastCommitment");
    const rateStorage = storageItem(api, "commitments", "rateLimit");
    const rateConstant = constant(api, "commitments", "rateLimit") ?? constant(api, "commitments", "defaultRateLimit");
    const rateLimit = rateStorage ? await read(rateStorage) : jsonNumber(rateConstant?.toJSON());
    if (lastCommitment && rateLimit !== undefined) {
        return { kind: "rate", rateLimit, lastBlock: await read(lastCommitment, netuid, hotkey) };
    }
    return { kind: "unknown", reason: "this runtime's Commitments pallet has neither a space limit (UsedSpaceOf) nor a rate limit" };
}

;// CONCATENATED MODULE: ./src/release/naming.ts
/**
 * The model's file name on the hub when hf-model-name is not given: a new
 * name for every release. Validators download `<stem>.onnx` and compare its
 * SHA-256 with the hash in the hotkey's commitment, so re-uploading the live
 * `<stem>.onnx` with new bytes scores 0 until the new commitment is read. The
 * default is `<label>-<first 8 hex digits of the model's SHA-256>`: the label
 * is the release's tag (the action on a tag push) or the model file's name.
 * The same model released again gets the same name (a re-run changes
 * nothing); a different model always gets a different one.
 */
/** 18 + "-" + 8 = 27 bytes: `<stem>.zip` then fits the miner CLI's 31 bytes and `<stem>.onnx` its 32. */
const MAX_LABEL_BYTES = 18;
const HASH_DIGITS = 8;
const FALLBACK_LABEL = "model";
/**
 * A tag or file name as a file-name prefix: only ASCII letters, digits, `.`, `_` and `-` (what the
 * hub and the `:`-separated commitment both accept), at most MAX_LABEL_BYTES, never empty.
 */
function labelOf(text) {
    const trim = (s) => s.replace(/^[-.]+|[-.]+$/g, "");
    const cleaned = trim(text.replace(/\.onnx$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-"));
    return trim(cleaned.slice(0, MAX_LABEL_BYTES)) || FALLBACK_LABEL;
}
/** `<label>-<8 hex digits>`: the stem validators rebuild `<stem>.onnx` and `<stem>.zip` from. */
function defaultStem(label, sha256) {
    return `${labelOf(label)}-${sha256.slice(0, HASH_DIGITS)}`;
}

// EXTERNAL MODULE: ./src/release/publish.ts
var publish = __webpack_require__(66462);
// EXTERNAL MODULE: ./src/release/window.ts
var release_window = __webpack_require__(3753);
;// CONCATENATED MODULE: ./src/release/release.ts















/** Everything that can be checked without a network: model, names, lengths, code folder, hotkey. */
async function preflight(req, options = { zip: true }) {
    const { log } = req.hub;
    if (!Number.isInteger(req.netuid) || req.netuid < 0 || req.netuid > 0xffff)
        throw new errors/* InputError */.dz(`netuid ${req.netuid} is not a subnet id (0..65535)`);
    const explicit = req.modelName ? (0,release_commitment/* modelStem */.J$)(req.modelName) : undefined;
    // Before loading: onnxruntime here finds the side file and loads fine, validators get only <stem>.onnx and score 0.
    await (0,onnx_file/* checkNoExternalData */.fM)(req.modelPath, req.modelName);
    await (0,inference/* checkModel */.w5)(req.modelPath, req.competition);
    const localHash = await (0,digest/* sha256File */.Q)(req.modelPath);
    const stem = explicit ?? defaultStem(req.nameLabel || external_node_path_default().basename(req.modelPath), localHash);
    const parts = { repoId: req.repoId, stem, competitionId: req.competition.id, sha256: localHash };
    const commitment = (0,release_commitment/* checkCommitment */.qN)(parts);
    for (const advice of (0,release_commitment/* commitmentAdvice */.oL)(parts))
        log.warning(advice);
    let zip;
    if (req.codeDir && options.zip) {
        const local = external_node_path_default().join(req.workDir, `${stem}.zip`);
        zip = { local, sha256: await (0,publish/* zipCode */.Zy)(req.codeDir, local) };
    }
    else if (req.codeDir)
        await (0,publish/* codeFiles */.R9)(req.codeDir);
    if (!req.submit)
        return { stem, localHash, commitment, zip };
    if (!req.mnemonic)
        throw new errors/* InputError */.dz("committing on chain needs the hotkey's mnemonic: hotkey-mnemonic (action, from a secret) or HOTKEY_MNEMONIC (CLI)");
    return { stem, localHash, commitment, zip, pair: await (0,hotkey/* hotkeyFromMnemonic */.t)(req.mnemonic) };
}
/** The offline checks and the exact call that would be sent (the hub serves the same bytes, so the local hash is the hash). */
async function dryRun(req) {
    const { pair, localHash, commitment, stem } = await preflight(req, { zip: false });
    return {
        commitment,
        call_data: (0,release_commitment/* encodeSetCommitment */.sP)(req.netuid, commitment),
        hotkey: pair?.address,
        model_name: `${stem}.onnx`,
        model_hash: localHash,
    };
}
async function readChain(api, req, offline) {
    const { log } = req.hub;
    const hotkey = offline.pair.address;
    if ((await (0,release_chain/* subnetExists */.eg)(api, req.netuid)) === false)
        throw new release_errors/* ReleaseRefusedError */.gN(`subnet ${req.netuid} does not exist on ${req.network}: check netuid (CancerAI is subnet 76 on finney)`);
    const uid = await (0,release_chain/* uidOf */.kz)(api, req.netuid, hotkey);
    if (uid === undefined)
        throw new release_errors/* ReleaseRefusedError */.gN(`hotkey ${hotkey} is not registered on subnet ${req.netuid} of ${req.network}: register it before releasing ` +
            `(validators only read registered hotkeys' commitments)`);
    log.info(`hotkey ${hotkey} is uid ${uid} on subnet ${req.netuid}`);
    const current = await (0,release_chain/* readCommitment */.Q5)(api, req.netuid, hotkey);
    if (current?.text === offline.commitment) {
        const existing = await (0,release_chain/* findCommitExtrinsic */.wX)(api, current.block, hotkey, offline.commitment);
        if (!existing)
            throw new release_chain/* ChainError */.Iv(`the commitment is on chain since block ${current.block}, but that block has no matching extrinsic (an archive node may be needed)`);
        return { api, pair: offline.pair, current, existing };
    }
    // The extrinsic lands in the next block at the earliest: the chain's limit is checked there.
    const best = await (0,release_chain/* bestBlock */.Ir)(api);
    const limit = await readCommitLimit(api, req.netuid, hotkey, best + 1);
    if (limit.kind === "unknown")
        log.info(`the chain's commitment limit was not checked: ${limit.reason}`);
    const allowance = commitAllowance(limit, best + 1, Buffer.byteLength(offline.commitment, "utf8"));
    if (!allowance.ok)
        throw new release_errors/* CommitLimitError */.h5(`the chain would refuse this commitment now: ${allowance.why}; ${whenAllowed(allowance.nextBlock, best)}. Nothing was ` +
            `uploaded or sent: run the release again then`, allowance.nextBlock);
    return { api, pair: offline.pair, current };
}
function uploadsFor(req, offline, state) {
    const uploads = [];
    if (state.files.get(`${offline.stem}.onnx`) !== offline.localHash)
        uploads.push({ path: `${offline.stem}.onnx`, local: req.modelPath });
    if (offline.zip && state.files.get(`${offline.stem}.zip`) !== offline.zip.sha256)
        uploads.push({ path: `${offline.stem}.zip`, local: offline.zip.local });
    return uploads;
}
async function readHub(req, repo, offline, chain) {
    const { log } = req.hub;
    const { stem } = offline;
    const state = await (0,publish/* repoState */.WN)(repo);
    (0,publish/* checkRepoAcceptable */.Xs)(repo, state);
    if (!offline.zip && !state.files.has(`${stem}.zip`))
        throw new errors/* InputError */.dz(`${req.repoId} has no ${stem}.zip and no code-directory was given: the subnet's rules ask for the training code next to ` +
            `the model; give code-directory`);
    const served = state.files.get(`${stem}.onnx`);
    if (served !== undefined && served !== offline.localHash)
        await checkNotLive(req, repo, offline, state, chain);
    const record = chain && state.exists ? await (0,publish/* readRecord */.aE)(repo) : undefined;
    if (record?.state === "invalid")
        log.warning(`${req.repoId}/${publish/* RECORD_FILE */.lt} is not valid (${record.reason}): it will be rewritten`);
    return { state, uploads: uploadsFor(req, offline, state), record };
}
/**
 * `<stem>.onnx` is on the hub with other bytes. Replacing the file a live commitment points to makes
 * validators see a hash that does not match the commitment: 0 until the new commitment is read.
 */
async function checkNotLive(req, repo, offline, state, chain) {
    const file = `${req.repoId}/${offline.stem}.onnx`;
    const fix = "leave hf-model-name empty (each release then gets a new name) or give one not used yet";
    if (chain) {
        const live = chain.current ? (0,release_commitment/* parseCommitment */.Dz)(chain.current.text) : undefined;
        // Putting back the bytes the live commitment names repairs the file instead.
        if (live?.repoId === req.repoId && live.stem === offline.stem && live.sha256 !== offline.localHash)
            throw new release_errors/* UnsafeReleaseError */.M0(`${file} is the model the hotkey's commitment points to (block ${chain.current?.block}); replacing it with other bytes makes ` +
                `validators score 0 until the new commitment is read: ${fix}`);
    }
    else if (state.files.has(publish/* RECORD_FILE */.lt)) {
        const read = await (0,publish/* readRecord */.aE)(repo);
        const who = read.state === "present" ? ` (it names hotkey ${read.record.hotkey}, extrinsic ${read.record.extrinsic})` : "";
        throw new release_errors/* UnsafeReleaseError */.M0(`${file} already holds other bytes and ${req.repoId} has an ${publish/* RECORD_FILE */.lt}${who}: it may be the model a live commitment ` +
            `points to, which an upload without a hotkey cannot check; replacing it would make validators score 0: ${fix}`);
    }
    req.hub.log.info(`${file} holds other bytes that no commitment of this hotkey points to: replacing it`);
}
/** Before committing: the release window, from the competition's package history. */
async function checkWindow(req, now) {
    const { log } = req.hub;
    const mode = req.windowCheck ?? "warn";
    if (mode === "off")
        return;
    const refuse = mode === "fail";
    let dates;
    try {
        dates = (await (0,hub_hub/* discoverDatasets */.Xc)(req.competition.id, req.configRepo ?? hub_hub/* DEFAULT_CONFIG_REPO */.C1, req.hub)).map((d) => d.date);
    }
    catch (err) {
        const why = `the competition's package history could not be read (${(0,retry/* describeError */.Uc)(err)})`;
        if (refuse)
            throw new release_errors/* UnsafeReleaseError */.M0(`release-window-check is fail and ${why}: nothing was uploaded or sent; set release-window-check: warn to release anyway`);
        log.warning(`could not check the release window: ${why}`);
        return;
    }
    const verdict = (0,release_window/* windowVerdict */.uz)(dates, now);
    const message = (0,release_window/* windowMessage */.wv)(verdict, now);
    if (verdict.kind !== "conflict")
        return log.info(`release window: ${message}`);
    if (refuse)
        throw new release_errors/* UnsafeReleaseError */.M0(`not releasing (release-window-check: fail): ${message} Nothing was uploaded or sent; set release-window-check: warn to ` +
            `release anyway`);
    log.warning(message);
}
async function release(req) {
    const { log } = req.hub;
    const offline = await preflight(req);
    // What a failed hub call says of the release, stage by stage.
    const repo = {
        repoId: req.repoId,
        hub: req.hub,
        standing: "Nothing was written: no repository created, no file uploaded, nothing committed on chain. Run the release again.",
    };
    let api;
    try {
        let chain;
        if (offline.pair) {
            api = await (0,release_chain/* connect */.Ng)(req.network);
            chain = await readChain(api, req, { ...offline, pair: offline.pair });
        }
        const hub = await readHub(req, repo, offline, chain);
        const commit = chain !== undefined && chain.existing === undefined;
        const record = chain?.existing ? !recordNames(hub.record, chain.pair.address, chain.existing.id) : commit;
        if (!hub.state.exists || hub.uploads.length > 0 || record)
            await (0,publish/* checkWriteAccess */.G_)(repo);
        const now = req.now?.() ?? new Date();
        if (commit)
            await checkWindow(req, now);
        announce(req, offline, hub, chain, commit, record, now);
        // Nothing is written before this line.
        const uploaded = await publishFiles(req, repo, offline, hub, chain);
        const uploadedRepo = {
            ...repo,
            standing: `${req.repoId} holds the model and code${commit ? "; nothing was committed on chain" : ""}. Run the release again: ` +
                `what the hub already holds is not uploaded again.`,
        };
        const modelHash = await (0,publish/* downloadedSha256 */.Pc)(uploadedRepo, `${offline.stem}.onnx`);
        if (modelHash !== offline.localHash)
            throw new hub_hub/* HubError */.Ik(`${req.repoId}/${offline.stem}.onnx on the hub has SHA-256 ${modelHash}, not the local model's ${offline.localHash}: the ` +
                `upload did not take; run the release again`);
        const base = {
            hotkey: chain?.pair.address,
            modelName: `${offline.stem}.onnx`,
            modelHash,
            commitment: offline.commitment,
            callData: (0,release_commitment/* encodeSetCommitment */.sP)(req.netuid, offline.commitment),
            hfUrl: `${req.hub.hubUrl}/${req.repoId}`,
            uploaded,
        };
        if (!chain)
            return { ...base, committed: false, recorded: false };
        const { extrinsic, eligible } = chain.existing
            ? { extrinsic: chain.existing, eligible: await eligibility(chain.api, chain.existing.block, log) }
            : await commitOnce(chain, req, offline.commitment);
        if (chain.existing)
            log.info(`the chain already holds this commitment (extrinsic ${extrinsic.id}): not committing again`);
        if (record)
            await (0,publish/* uploadRecord */.nT)(repo, { hotkey: chain.pair.address, extrinsic: extrinsic.id });
        log.info(record ? `${publish/* RECORD_FILE */.lt} uploaded: ${extrinsic.id}` : `${publish/* RECORD_FILE */.lt} already names ${extrinsic.id}`);
        if (eligible)
            log.info(`eligible from ${(0,release_window/* utc */.n$)(eligible)} (block ${extrinsic.block}): validators score the model on packages released from then on`);
        return {
            ...base,
            extrinsic: extrinsic.id,
            committedBlock: extrinsic.block,
            eligibleFrom: eligible,
            committed: !chain.existing,
            recorded: record,
        };
    }
    finally {
        await api?.disconnect();
    }
}
const recordNames = (read, hotkey, extrinsic) => read?.state === "present" && read.record.hotkey === hotkey && read.record.extrinsic === extrinsic;
/**
 * When validators start scoring a commitment made in `block`: 120 minutes after its timestamp. Only
 * information: after the commitment is on chain, a failed read must not stop the release.
 */
async function eligibility(api, block, log) {
    try {
        const at = await (0,release_chain/* blockTime */.X0)(api, block);
        return at && (0,release_window/* eligibleFrom */.sn)(at);
    }
    catch (err) {
        log.warning(`could not read the time of block ${block} (${(0,retry/* describeError */.Uc)(err)}): the model is eligible 120 minutes after it`);
        return undefined;
    }
}
/** The plan, said before the first write; with a commitment, what it costs. */
function announce(req, offline, hub, chain, commit, record, now) {
    const steps = [
        !hub.state.exists && `create the public model repository ${req.repoId} with an MIT card`,
        hub.uploads.length > 0 && `upload ${hub.uploads.map((u) => u.path).join(" and ")} to ${req.repoId} in one commit`,
        commit && chain && `commit ${offline.commitment} on subnet ${req.netuid} as ${chain.pair.address}`,
        record && `upload ${publish/* RECORD_FILE */.lt}`,
    ].filter((s) => typeof s === "string");
    req.hub.log.info(steps.length ? `release plan: ${steps.join("; then ")}` : "release plan: everything is already published");
    if (!commit)
        return;
    const replacing = chain?.current ? ` (this one replaces ${chain.current.text}, committed in block ${chain.current.block})` : "";
    req.hub.log.info(`Committing costs a window: validators keep one model per hotkey${replacing} and evaluate a model only on packages ` +
        `released at least ${release_window/* COMMIT_LEAD_MINUTES */.$J} minutes after its commitment, so the hotkey scores 0 on packages released ` +
        `from now until about ${(0,release_window/* utc */.n$)((0,release_window/* eligibleFrom */.sn)(now))}.`);
}
async function publishFiles(req, repo, offline, hub, chain) {
    const { log } = req.hub;
    let uploads = hub.uploads;
    if (!hub.state.exists) {
        const nothingUploaded = `nothing was uploaded${chain ? " or committed on chain" : ""}. Run the release again: it checks the repository`;
        await (0,publish/* createPublicRepo */.u8)({ ...repo, standing: `${req.repoId} may or may not have been created; ${nothingUploaded}.` });
        // Read back: a 409 means an earlier attempt (or another run) created it, possibly with files already.
        const state = await (0,publish/* repoState */.WN)({ ...repo, standing: `${req.repoId} was created; ${nothingUploaded}.` });
        if (!state.exists)
            throw new hub_hub/* HubError */.Ik(`HuggingFace says ${req.repoId} exists, but this token cannot read it (private to another account, or the name is ` +
                `taken): choose another hf-repo-id`);
        (0,publish/* checkRepoAcceptable */.Xs)(repo, state);
        uploads = uploadsFor(req, offline, state);
    }
    if (uploads.length === 0) {
        log.info(`${req.repoId} already holds ${offline.stem}.onnx and ${offline.stem}.zip with this content: nothing to upload`);
        return false;
    }
    const names = uploads.map((f) => f.path);
    // The commitment is sent only after the upload: a stalled upload leaves the chain as it was.
    const afterwards = `${chain ? "Nothing was committed on chain. " : ""}Run the release again: what the hub already holds with this ` +
        `content is not uploaded again. `;
    const commit = await (0,publish/* uploadInOneCommit */.SI)(repo, uploads, `Release ${offline.stem} (${names.join(", ")})`, afterwards);
    log.info(`uploaded ${names.join(" and ")} to ${req.repoId} in one commit${commit ? ` (${commit.slice(0, 7)})` : ""}`);
    return true;
}
/**
 * A commitment not finalized in time may still be: the record is not written (it would name an
 * extrinsic that may never be final), and the miner is told how to find out and how to finish.
 */
function unfinalized(err, req, hotkey) {
    const selfCheck = `self-check for hotkey ${hotkey} (mode: self-check, or cancer-ai self-check --hotkey ${hotkey})`;
    const lookUp = err.included
        ? `Look block ${err.included.block} up on a block explorer (https://polkadot.js.org/apps/?rpc=` +
            `${encodeURIComponent((0,release_chain/* networkUrl */.Qq)(req.network))}#/explorer/query/${err.included.block}) or run ${selfCheck}`
        : `Run ${selfCheck}, or look the hash up on a block explorer, in a few minutes`;
    return new release_chain/* FinalizationTimeoutError */.MY(`${err.message}. ${publish/* RECORD_FILE */.lt} was not written. ${lookUp}: once the commitment shows there, run the release again, ` +
        `which finds it on chain and only writes ${publish/* RECORD_FILE */.lt} (it does not commit again).`, err.txHash, err.included);
}
/** Sends the commitment (the chain does not hold it yet), verifies it through a fresh read, and tells when it is eligible. */
async function commitOnce(chain, req, commitment) {
    const { api, pair } = chain;
    const extrinsic = await (0,release_chain/* submitCommitment */.u6)(api, pair, req.netuid, commitment, req.hub.log, () => (0,release_chain/* connect */.Ng)(req.network), req.chainWait).catch((err) => {
        throw err instanceof release_chain/* FinalizationTimeoutError */.MY ? unfinalized(err, req, pair.address) : err;
    });
    // After a dropped connection the first API is dead: verify through a new one.
    const reader = api.isConnected ? api : await (0,release_chain/* connect */.Ng)(req.network);
    try {
        const readBack = await (0,release_chain/* readCommitment */.Q5)(reader, req.netuid, pair.address);
        const verified = await (0,release_chain/* findCommitExtrinsic */.wX)(reader, extrinsic.block, pair.address, commitment);
        if (readBack?.text !== commitment || verified?.id !== extrinsic.id) {
            throw new release_chain/* ChainError */.Iv(`the commitment was finalized as ${extrinsic.id}, but reading it back does not show it signed by ${pair.address}`);
        }
        req.hub.log.info(`committed on chain: ${extrinsic.id}`);
        return { extrinsic, eligible: await eligibility(reader, extrinsic.block, req.hub.log) };
    }
    finally {
        if (reader !== api)
            await reader.disconnect();
    }
}


/***/ }),

/***/ 5802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W2: () => (/* binding */ leaderboard),
/* harmony export */   p6: () => (/* binding */ selfCheck)
/* harmony export */ });
/* unused harmony exports servedModelId, unlessUnavailable */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _huggingface_hub__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1429);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92500);
/* harmony import */ var _commitment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40816);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _hub_hub_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71472);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66462);
/* harmony import */ var _record_check_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(87117);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4266);
/* harmony import */ var _engine_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(46531);
/* harmony import */ var _engine_verdict_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6559);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3753);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(85178);














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
/** Said in the error of a hub call that fails during a check. */
const READ_ONLY = "The check only reads: nothing was changed on the hub or on chain; run it again once the hub answers.";
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
        const unregistered = uid !== undefined
            ? undefined
            : (await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .subnetExists */ .eg)(api, req.netuid)) === false
                ? `subnet ${req.netuid} does not exist on ${req.network}`
                : `not registered on subnet ${req.netuid}`;
        if (!list.add(STEPS[0], unregistered ? "fail" : "pass", unregistered ?? `uid ${uid} on subnet ${req.netuid}`)) {
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
        // The miner CLI's byte limits: validators read anything that fits the 128-byte commitment.
        const advice = commitment && !commitmentProblem ? (0,_commitment_js__WEBPACK_IMPORTED_MODULE_3__/* .commitmentAdvice */ .oL)(commitment) : [];
        const commitmentDetail = commitmentProblem ?? [`${onChain?.text} (block ${onChain?.block})`, ...advice].join("; ");
        if (!list.add(STEPS[1], commitmentProblem ? "fail" : advice.length ? "warn" : "pass", commitmentDetail) || !commitment || !onChain) {
            list.skipRest(STEPS.slice(2), "no usable commitment");
            return result(commitment);
        }
        const repo = { repoId: commitment.repoId, hub: req.hub, standing: READ_ONLY };
        const state = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .repoState */ .WN)(repo);
        const repoProblem = !state.exists
            ? "does not exist (or is private)"
            : state.isPrivate
                ? "is private"
                : state.gated
                    ? `is gated (${state.gated}): validators download without asking for access`
                    : !(0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .hasMitLicense */ .Ai)(state)
                        ? `card license "${state.license ?? "none"}" does not contain "mit"`
                        : undefined;
        if (!list.add(STEPS[2], repoProblem ? "fail" : "pass", repoProblem ? `${commitment.repoId} ${repoProblem}` : `${commitment.repoId}: public, license ${state.license}`)) {
            list.skipRest(STEPS.slice(3), "the repository is not usable");
            return result(commitment);
        }
        // Validators download only <stem>.onnx; the code zip is the subnet's rule, which no validator checks.
        const model = `${commitment.stem}.onnx`;
        const code = `${commitment.stem}.zip`;
        const [filesStatus, filesDetail] = !state.files.has(model)
            ? ["fail", `missing ${model}${state.files.has(code) ? "" : ` and ${code}`}`]
            : !state.files.has(code)
                ? ["warn", `${model}; no ${code}: validators do not check the code zip, but the subnet's rules ask for the training code`]
                : ["pass", `${model} and ${code}`];
        if (!list.add(STEPS[3], filesStatus, filesDetail)) {
            list.skipRest(STEPS.slice(4), "the model file is missing");
            return result(commitment);
        }
        const modelFile = req.evaluate ? node_path__WEBPACK_IMPORTED_MODULE_0___default().join(req.evaluate.modelDir, `${commitment.stem}.onnx`) : undefined;
        const served = await (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .downloadedSha256 */ .Pc)(repo, `${commitment.stem}.onnx`, modelFile);
        // Validators check the served model against the commitment the record names (next step), not against the
        // current one (model_manager.py verify_hash_from_extrinsic); the current one counts only among identical models.
        list.add(STEPS[4], served === commitment.sha256 ? "pass" : "warn", served === commitment.sha256
            ? served
            : `the hub serves ${served}, the commitment says ${commitment.sha256}: validators compare the served model with the ` +
                `commitment ${_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .RECORD_FILE */ .lt} names (next step), so they still score it if that one carries ${served.slice(0, 12)}…; ` +
                "but if another hotkey serves the same model, a hotkey whose current commitment does not carry its hash loses it");
        list.add(STEPS[5], ...(await checkRecord(api, repo, req.hotkey, onChain.text, served)));
        list.add(STEPS[6], ...(await checkAge(api, onChain.block, req)));
        if (!req.evaluate || !modelFile) {
            list.add(STEPS[7], "skip", "not requested");
            return result(commitment);
        }
        try {
            const evaluation = await (0,_engine_run_js__WEBPACK_IMPORTED_MODULE_9__/* .runEvaluation */ .K2)({
                ...req.evaluate,
                modelPath: modelFile,
                competition: req.competition,
                hub: req.hub,
                configRepo: req.configRepo,
            });
            const rejected = (0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_10__/* .modelRejections */ .CH)(evaluation);
            const on = evaluation.datasets.map((d) => d.dataset).join(", ");
            if (rejected.length > 0)
                list.add(STEPS[7], "fail", rejected.map((d) => `${d.dataset}: ${d.verdict?.message}`).join("; "));
            else if (evaluation.score === null)
                list.add(STEPS[7], "warn", `no score on ${on}: validators would fail every package for every model`);
            else
                list.add(STEPS[7], "pass", `score ${evaluation.score.toFixed(6)} on ${on}`);
            return result(commitment, evaluation);
        }
        catch (err) {
            list.add(STEPS[7], "fail", (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(err));
            return result(commitment);
        }
    }
    finally {
        await api.disconnect();
    }
}
/**
 * extrinsic_record.json as validators check it (verify_hash_from_extrinsic, record-check.ts): the record must
 * name this hotkey, and the extrinsic it names must be a set_commitment whose first Raw field ends in the served
 * model's hash. The extrinsic's signer is only compared when several hotkeys serve identical models
 * (get_pioneer_models): a record signed by another key is a warning.
 */
async function checkRecord(api, repo, hotkey, text, servedHash) {
    const verified = await (0,_record_check_js__WEBPACK_IMPORTED_MODULE_7__/* .verifyRecord */ .RC)(api, repo, hotkey, servedHash);
    if (verified.status === "fail")
        return ["fail", verified.reason];
    const { extrinsic } = verified;
    if (!verified.signedByHotkey)
        return [
            "warn",
            `${extrinsic.id} carries the model's hash but is signed by ${extrinsic.signer ?? "nobody"}, not the hotkey: validators only ` +
                `check the signer when another hotkey serves an identical model, and then this record loses the "earliest commitment" check`,
        ];
    const note = extrinsic.text === text ? "" : ` (an earlier commitment with the same model: ${extrinsic.text})`;
    return ["pass", `${extrinsic.id}: signed by the hotkey, carries the model's hash${note}`];
}
async function checkAge(api, block, req) {
    const committedAt = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .blockTime */ .X0)(api, block);
    if (!committedAt)
        return ["warn", `block ${block} has no timestamp`];
    const eligible = (0,_window_js__WEBPACK_IMPORTED_MODULE_11__/* .eligibleFrom */ .sn)(committedAt);
    const now = req.now ?? new Date();
    let newest;
    try {
        newest = (await (0,_hub_hub_js__WEBPACK_IMPORTED_MODULE_5__/* .discoverDatasets */ .Xc)(req.competition.id, req.configRepo, req.hub))[0]?.date;
    }
    catch (err) {
        return ["warn", `committed ${committedAt.toISOString()}; the newest dataset package could not be listed (${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(err)})`];
    }
    if (eligible > now) {
        const minutes = Math.ceil((eligible.getTime() - now.getTime()) / 60_000);
        return [
            "warn",
            `committed ${committedAt.toISOString()}: validators evaluate it only on packages released from ` +
                `${eligible.toISOString()}, in ${minutes} min`,
        ];
    }
    const note = newest && new Date(newest) < eligible
        ? `; the newest package (${newest}) came out before that, so the next package is the first it is scored on`
        : "";
    return ["pass", `committed ${committedAt.toISOString()}, eligible for packages released from ${eligible.toISOString()}${note}`];
}
/** The content id of `{stem}.onnx`, null when the repository or the file is not there; a hub that does not answer throws. */
async function servedModelId(repoId, file, hub) {
    return (0,_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .hubCall */ .aU)(`listing ${repoId}`, { repoId, hub, standing: READ_ONLY }, async (fetch) => {
        try {
            for await (const f of (0,_huggingface_hub__WEBPACK_IMPORTED_MODULE_1__/* .listFiles */ .CS)({ repo: { type: "model", name: repoId }, hubUrl: hub.hubUrl, accessToken: hub.accessToken, fetch })) {
                if (f.path === file)
                    return f.lfs?.oid ?? f.oid ?? null;
            }
            return null;
        }
        catch (err) {
            if ((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .httpStatus */ .nG)(err) === 404 || (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .httpStatus */ .nG)(err) === 401)
                return null;
            throw err;
        }
    });
}
/** A check that may meet a hub that does not answer: undefined then ("could not check"), never false. */
async function unlessUnavailable(hub, what, work) {
    try {
        return await work();
    }
    catch (err) {
        if (!(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .isTransient */ .dg)(err) && !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_12__/* .HubUnavailableError */ .am))
            throw err;
        hub.log.warning(`could not check ${what}: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(err)}`);
        return undefined;
    }
}
/**
 * The competition's commitments as validators read them: only hotkeys registered on the subnet now
 * (a deregistered hotkey's commitment stays in storage, and validators ignore it), checked
 * read-only (no model downloads, no evaluation).
 */
async function leaderboard(network, netuid, competition, hub) {
    const api = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .Ng)(network);
    try {
        const registered = await (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .registeredHotkeys */ .EH)(api, netuid);
        const entries = await api.query.commitments.commitmentOf.entries(netuid);
        const rows = [];
        for (const [key, value] of entries) {
            const hotkey = key.args[1].toString();
            const uid = registered.get(hotkey);
            const onChain = (0,_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .commitmentFromJson */ .oS)(value.toJSON());
            const parsed = onChain ? (0,_commitment_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommitment */ .Dz)(onChain.text) : undefined;
            if (uid === undefined || !onChain || !parsed || parsed.competitionId !== competition.id)
                continue;
            const repo = { repoId: parsed.repoId, hub, standing: READ_ONLY };
            const served = await unlessUnavailable(hub, `${parsed.repoId}/${parsed.stem}.onnx`, () => servedModelId(parsed.repoId, `${parsed.stem}.onnx`, hub));
            // The validators' own verification: the record names this hotkey and a commitment carrying the served hash.
            const verified = served === undefined
                ? undefined
                : served === null
                    ? false
                    : await unlessUnavailable(hub, `${parsed.repoId}/${_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .RECORD_FILE */ .lt}`, async () => {
                        const [status] = await checkRecord(api, repo, hotkey, onChain.text, served);
                        return status !== "fail";
                    });
            rows.push({
                hotkey,
                uid,
                block: onChain.block,
                commitment: onChain.text,
                repo: parsed.repoId,
                hashMatches: served === undefined ? undefined : served === parsed.sha256,
                recordMatches: verified,
            });
        }
        return rows.sort((a, b) => a.block - b.block);
    }
    catch (err) {
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancerAiError */ .hz)
            throw err;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancerAiError */ .hz(`reading the commitments of subnet ${netuid} failed: ${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(err)}`);
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
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
/* harmony import */ var _window_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3753);


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
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["", ""], [
            ["model repository", `[${result.hfUrl}](${result.hfUrl})`],
            ["model file", `\`${result.modelName}\``],
            ["model SHA-256 (as served)", `\`${result.modelHash}\``],
            ["commitment", `\`${result.commitment}\``],
            ["hotkey", result.hotkey ? `\`${result.hotkey}\`` : "none (uploaded without committing)"],
            ["extrinsic", result.extrinsic ? `\`${result.extrinsic}\`` : "not submitted"],
            ...(result.eligibleFrom
                ? [
                    [
                        "eligible from",
                        `${(0,_window_js__WEBPACK_IMPORTED_MODULE_0__/* .utc */ .n$)(result.eligibleFrom)}: packages released from then on (block ${result.committedBlock} + ${_window_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMIT_LEAD_MINUTES */ .$J} min)`,
                    ],
                ]
                : []),
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
    return [`self-check of ${result.hotkey} on subnet ${result.netuid}`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pad */ .eV)(rows), "", verdict].join("\n");
}
/** The self-check for the job summary. */
function checklistMarkdown(result) {
    return [
        `### CancerAI self-check: ${result.passed ? "✓ passes" : "✗ would be rejected"}`,
        "",
        `Hotkey \`${result.hotkey}\` on subnet ` +
            `${result.netuid}${result.commitment ? `, model \`${result.commitment.repoId}/${result.commitment.stem}.onnx\`` : ""}.`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["", "check", "detail"], result.checks.map((c) => [MARK[c.status], c.name, c.detail.replace(/\|/g, "\\|")])),
    ].join("\n");
}
/** The subnet's commitments for a competition, read-only. */
function leaderboardMarkdown(rows, competition, netuid) {
    return [
        `### CancerAI commitments for ${competition.id} on subnet ${netuid}`,
        "",
        "Only hotkeys registered on the subnet now, as validators read it. ? = the hub did not answer (not checked).",
        "",
        "*verified*: what validators check, `extrinsic_record.json` names the hotkey and a commitment carrying the served model's hash " +
            "(✗: they give 0). *current hash*: the current commitment carries it too (✗ matters only among identical models).",
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(["uid", "hotkey", "repository", "block", "current hash", "verified"], rows.map((r) => [String(r.uid), `\`${r.hotkey}\``, r.repo ?? "", String(r.block), mark(r.hashMatches), mark(r.recordMatches)])),
    ].join("\n");
}
const mark = (ok) => (ok === undefined ? "?" : ok ? "✓" : "✗");
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
        model_name: result.modelName,
        model_hash: result.modelHash,
        commitment: result.commitment,
        call_data: result.callData,
        hf_url: result.hfUrl,
        extrinsic: result.extrinsic,
        committed_block: result.committedBlock,
        eligible_from: result.eligibleFrom?.toISOString(),
        uploaded: result.uploaded,
        committed: result.committed,
        recorded: result.recorded,
    };
}


/***/ }),

/***/ 3753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ COMMIT_LEAD_MINUTES),
/* harmony export */   Di: () => (/* binding */ WINDOW_CHECKS),
/* harmony export */   n$: () => (/* binding */ utc),
/* harmony export */   sn: () => (/* binding */ eligibleFrom),
/* harmony export */   uz: () => (/* binding */ windowVerdict),
/* harmony export */   wv: () => (/* binding */ windowMessage)
/* harmony export */ });
/* unused harmony exports LEAD_MS, SAME_RELEASE_MS, HISTORY, MIN_RELEASES, REGULARITY, MIN_JITTER_MS, duration, releaseTimes, estimateCadence, nextRelease */
/**
 * The release window. Validators keep one model record per hotkey and only
 * evaluate a model committed at least 120 minutes before a dataset package
 * was released: a new commitment makes the hotkey score 0 on every package
 * released in the 120 minutes after it. Pure functions of dates: when a
 * commitment becomes eligible, and whether the competition's package history
 * (a regular cadence) says a package is likely to come out inside that window.
 */
/** What a release does when a package is likely to come out in the 120 minutes after its commitment. */
const WINDOW_CHECKS = ["warn", "fail", "off"];
/** Validators evaluate a model only on packages released at least this long after its commitment. */
const COMMIT_LEAD_MINUTES = 120;
const MINUTE_MS = 60_000;
const LEAD_MS = COMMIT_LEAD_MINUTES * MINUTE_MS;
/** Packages released this close together are one release (several zips uploaded in one go). */
const SAME_RELEASE_MS = 30 * MINUTE_MS;
/** The cadence is read from at most this many recent releases... */
const HISTORY = 8;
/** ...and needs at least this many (three intervals) before it is trusted. */
const MIN_RELEASES = 4;
/** A cadence is regular when every interval is within this share of the median interval. */
const REGULARITY = 0.25;
/** The least uncertainty assumed around a predicted release (uploads are not to the minute). */
const MIN_JITTER_MS = 15 * MINUTE_MS;
/** When a model committed at `committedAt` starts being evaluated: packages released from then on. */
const eligibleFrom = (committedAt) => new Date(committedAt.getTime() + LEAD_MS);
/** `2026-11-20 12:00 UTC`. */
function utc(date) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
/** `24 h`, `6 h 30 min`, `45 min`. */
function duration(ms) {
    const minutes = Math.round(ms / MINUTE_MS);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0)
        return `${rest} min`;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
/** Distinct release times, newest first: packages committed within SAME_RELEASE_MS of a newer one belong to its release. */
function releaseTimes(dates) {
    const times = dates
        .map((d) => (d ? Date.parse(d) : NaN))
        .filter((t) => Number.isFinite(t))
        .sort((a, b) => b - a);
    const releases = [];
    for (const t of times)
        if (releases.length === 0 || releases[releases.length - 1] - t > SAME_RELEASE_MS)
            releases.push(t);
    return releases.map((t) => new Date(t));
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** The cadence of the newest releases, or why there is none. */
function estimateCadence(dates) {
    const releases = releaseTimes(dates).slice(0, HISTORY);
    if (releases.length < MIN_RELEASES)
        return `only ${releases.length} dated package release${releases.length === 1 ? "" : "s"} so far: too few to tell when the next comes`;
    const intervals = releases.slice(1).map((r, i) => releases[i].getTime() - r.getTime());
    const intervalMs = median(intervals);
    const deviation = Math.max(...intervals.map((i) => Math.abs(i - intervalMs)));
    if (deviation > REGULARITY * intervalMs) {
        return (`packages came at irregular intervals (${intervals.map(duration).join(", ")} between the newest ${releases.length}): ` +
            `the next one cannot be predicted`);
    }
    return { intervalMs, jitterMs: Math.max(deviation, MIN_JITTER_MS), last: releases[0], releases: releases.length };
}
/** The first release the cadence predicts that is not already overdue beyond its jitter at `now`. */
function nextRelease(cadence, now) {
    const behind = now.getTime() - cadence.jitterMs - cadence.last.getTime();
    const k = Math.max(1, Math.ceil(behind / cadence.intervalMs));
    return new Date(cadence.last.getTime() + k * cadence.intervalMs);
}
/** Whether a package is likely to be released in the 120 minutes after a commitment at `commitAt`. */
function windowVerdict(dates, commitAt) {
    const cadence = estimateCadence(dates);
    if (typeof cadence === "string")
        return { kind: "unknown", reason: cadence };
    if (commitAt.getTime() - cadence.last.getTime() > 2 * cadence.intervalMs + cadence.jitterMs) {
        return {
            kind: "unknown",
            reason: `packages came every ${duration(cadence.intervalMs)} until ${utc(cadence.last)}, and none since: the cadence has ` +
                `stopped, so the next one cannot be predicted`,
        };
    }
    const next = nextRelease(cadence, commitAt);
    const inside = next.getTime() - cadence.jitterMs < commitAt.getTime() + LEAD_MS && next.getTime() + cadence.jitterMs >= commitAt.getTime();
    return { kind: inside ? "conflict" : "clear", next, cadence };
}
/** The verdict in words, with the advice on timing for a conflict. */
function windowMessage(verdict, commitAt) {
    if (verdict.kind === "unknown")
        return verdict.reason;
    const { cadence, next } = verdict;
    const seen = `packages came every ${duration(cadence.intervalMs)} (the newest ${cadence.releases} releases, the last at ${utc(cadence.last)}), ` +
        `so the next is expected around ${utc(next)} (±${duration(cadence.jitterMs)})`;
    if (verdict.kind === "clear")
        return `${seen}: after this commitment's 120-minute window (until ${utc(eligibleFrom(commitAt))})`;
    const tooClose = cadence.intervalMs < LEAD_MS + 2 * cadence.jitterMs;
    const advice = tooClose
        ? "Packages come less than 120 minutes apart: every commitment costs at least one package."
        : `Release right after that package is out (after ${utc(new Date(next.getTime() + cadence.jitterMs))}): the model is then ` +
            `eligible for the one after, around ${utc(new Date(next.getTime() + cadence.intervalMs))}.`;
    return (`a dataset package is likely to come out within 120 minutes of this commitment: ${seen}. Validators only evaluate a model ` +
        `committed at least 120 minutes before a package, and they keep one model per hotkey, so the hotkey would score 0 on that ` +
        `package. ${advice}`);
}


/***/ }),

/***/ 67355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ withHistory),
/* harmony export */   Bu: () => (/* binding */ baselineFor),
/* harmony export */   FA: () => (/* binding */ resultRows),
/* harmony export */   Fd: () => (/* binding */ toBaseline),
/* harmony export */   Ji: () => (/* binding */ comparableScore),
/* harmony export */   W3: () => (/* binding */ restoreBaseline),
/* harmony export */   XY: () => (/* binding */ saveBaseline),
/* harmony export */   yD: () => (/* binding */ baselineHistory)
/* harmony export */ });
/* unused harmony exports MAX_BASELINE_ROWS, baselineKeyPrefix, legacyBaselineKeyPrefix */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _competition_competition_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74344);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34518);
/**
 * The base branch's last results, for the deltas in a pull request's report.
 * A push to the default branch saves a small summary in the Actions cache
 * under a key per competition (and report-id), branch and commit; a pull request restores
 * the newest one of its base branch by key prefix. No external storage.
 */




/** A baseline keeps the rows of its packages up to this many images in all (a package that would pass it keeps none). */
const MAX_BASELINE_ROWS = 200_000;
/** The baseline with the branch's history: the previous baseline's points and its own, at most `keep` (0: none kept). */
function withHistory(baseline, previous, keep) {
    const points = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .extendHistory */ .$6)(previous ? (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .pointsOf */ .XE)(previous) : [], (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .pointOf */ .qk)(baseline), keep);
    return { ...baseline, history: points.length > 0 ? points : undefined };
}
/** The rows a result's predictions stand for (an image whose label is not a class is left out). */
function resultRows(result, competition) {
    const index = new Map(competition.classes.map((c, i) => [c.short, i]));
    const rows = { files: [], labels: [], predicted: [] };
    for (const p of result.predictions) {
        const label = index.get(p.label);
        if (label === undefined)
            continue;
        rows.files.push(p.file);
        rows.labels.push(label);
        rows.predicted.push(index.get(p.predicted) ?? -1);
    }
    return rows;
}
/** Only a run with a score is a baseline (one where every package failed for every model has none). */
function toBaseline(report, branch, commit, now = new Date()) {
    const competition = _competition_competition_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPETITIONS */ .pw.get(report.competition_id);
    let room = MAX_BASELINE_ROWS;
    return {
        branch,
        commit,
        created: now.toISOString(),
        score: report.score,
        datasets: report.datasets.map((result) => {
            const { dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class } = result;
            const rows = competition && !result.verdict && result.predictions.length <= room ? resultRows(result, competition) : undefined;
            if (rows)
                room -= rows.files.length;
            return { dataset, score, accuracy, weighted_f1, efficiency_score, f1_by_class, ...(rows && { rows }) };
        }),
    };
}
/**
 * Restored by prefix, so no key may start with another's prefix: the fields are closed by ':', which
 * neither a competition id, a report-id nor a git branch name contains (so branch main's prefix does
 * not match branch main-x's keys, as the key of versions before 1.0 did).
 */
const baselineKeyPrefix = (competition, branch, reportId) => `cancer-ai-baseline:${competition}:${reportId ?? ""}:${branch}:`;
/** The unkeyed prefix versions before 1.0 saved under, restored only until a push saves the new one. */
const legacyBaselineKeyPrefix = (competition, branch) => `cancer-ai-baseline-${competition}-${branch}-`;
const FILE = "baseline.json";
async function saveBaseline(store, dir, competition, baseline, log, reportId) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, FILE), JSON.stringify(baseline));
    const key = `${baselineKeyPrefix(competition, baseline.branch, reportId)}${baseline.commit}`;
    if (await store.save([dir], key))
        log.info(`baseline for ${baseline.branch} saved as ${key}`);
}
async function restoreBaseline(store, dir, competition, branch, log, reportId) {
    const prefix = baselineKeyPrefix(competition, branch, reportId);
    const legacy = reportId === undefined ? [legacyBaselineKeyPrefix(competition, branch)] : [];
    const key = await store.restore([dir], `${prefix}latest`, [prefix, ...legacy]);
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
/**
 * What a report draws of a baseline's history: its last `keep` points and,
 * for a pull request, the run's own score (when it has one) as "#<number>".
 */
function baselineHistory(baseline, keep, pull) {
    if (!baseline || keep <= 0)
        return undefined;
    const points = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .pointsOf */ .XE)(baseline).slice(-keep);
    const score = pull?.score ?? null;
    return { branch: baseline.branch, points, ...(pull && score !== null && { candidate: { label: `#${pull.number}`, score } }) };
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

/***/ 63776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ intervalText),
/* harmony export */   fB: () => (/* binding */ scoreDeltaIntervals),
/* harmony export */   m: () => (/* binding */ intervalNote)
/* harmony export */ });
/* unused harmony exports BOOTSTRAP_SEED, BOOTSTRAP_RESAMPLES, MAX_BOOTSTRAP_DRAWS, MIN_BOOTSTRAP_RESAMPLES, percentileLinear, mulberry32, resamplesFor, bootstrapDelta, pairRows */
/* harmony import */ var _engine_scoring_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66727);
/* harmony import */ var _engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6559);
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67355);



const BOOTSTRAP_SEED = 76;
const BOOTSTRAP_RESAMPLES = 2000;
/**
 * Draws per bootstrap at most (resamples x paired images): 2000 resamples up
 * to 100,000 images (about a second), fewer above, never fewer than 200.
 */
const MAX_BOOTSTRAP_DRAWS = 200_000_000;
const MIN_BOOTSTRAP_RESAMPLES = 200;
/** numpy.percentile(sorted, q) with method 'linear', for q in [0, 100] (`sorted` ascending, not empty). */
function percentileLinear(sorted, q) {
    const n = sorted.length;
    const h = (n - 1) * (q / 100);
    const i = Math.floor(h);
    if (i >= n - 1)
        return sorted[n - 1];
    const g = h - i;
    const a = sorted[i];
    const b = sorted[i + 1];
    const d = b - a;
    return g >= 0.5 ? b - d * (1 - g) : a + d * g;
}
/** mulberry32 from `seed`: uniform draws in [0, 1) with 32 bits each (see the module comment). */
function mulberry32(seed) {
    let a = seed | 0;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** The resamples for this many draws per resample: BOOTSTRAP_RESAMPLES, fewer when that would exceed MAX_BOOTSTRAP_DRAWS. */
function resamplesFor(paired, wanted = BOOTSTRAP_RESAMPLES) {
    if (paired * wanted <= MAX_BOOTSTRAP_DRAWS)
        return wanted;
    return Math.max(MIN_BOOTSTRAP_RESAMPLES, Math.floor(MAX_BOOTSTRAP_DRAWS / paired));
}
function interval(deltas, paired, images, seed) {
    const sorted = Float64Array.from(deltas).sort();
    const lower = percentileLinear(sorted, 2.5);
    const upper = percentileLinear(sorted, 97.5);
    return { lower, upper, significant: lower > 0 || upper < 0, resamples: deltas.length, paired, images, seed };
}
function kindsOf(p, k) {
    const n = p.labels.length;
    const bucket = (c) => (Number.isInteger(c) && c >= 0 && c < k ? c : k);
    const index = new Map();
    const kinds = [];
    const of = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        const kind = [p.labels[i], bucket(p.candidate[i]), bucket(p.base[i])];
        const key = (kind[0] * (k + 1) + kind[1]) * (k + 1) + kind[2];
        let at = index.get(key);
        if (at === undefined) {
            at = kinds.length;
            index.set(key, at);
            kinds.push(kind);
        }
        of[i] = at;
    }
    return { n, of, kinds };
}
/** scoreCompetition's score of the drawn pairs, from how many of each kind were drawn. */
function resampledScore(competition, kinds, counts, run, efficiency) {
    const k = competition.classes.length;
    const confusionMatrix = Array.from({ length: k }, () => new Array(k).fill(0));
    const trueSum = new Array(k).fill(0);
    let correct = 0;
    for (let j = 0; j < kinds.kinds.length; j++) {
        const c = counts[j];
        if (c === 0)
            continue;
        const label = kinds.kinds[j][0];
        const predicted = kinds.kinds[j][run];
        trueSum[label] += c;
        if (predicted < k)
            confusionMatrix[label][predicted] += c;
        if (predicted === label)
            correct += c;
    }
    return (0,_engine_scoring_js__WEBPACK_IMPORTED_MODULE_0__/* .scoreMetrics */ .uf)(competition, (0,_engine_scoring_js__WEBPACK_IMPORTED_MODULE_0__/* .metricsFromCounts */ .su)({ confusionMatrix, trueSum, correct, total: kinds.n }), efficiency).score;
}
/**
 * The paired bootstrap of the score deltas: per package, and of the mean
 * over the packages (each package resampled within itself).
 */
function bootstrapDelta(competition, packages, options = {}) {
    const seed = options.seed ?? BOOTSTRAP_SEED;
    const usable = packages.map((p) => p.labels.length >= 2 && p.candidate.length === p.labels.length && p.base.length === p.labels.length);
    const included = packages.filter((_, i) => usable[i]);
    if (included.length === 0)
        return { packages: packages.map(() => undefined) };
    const all = included.reduce((sum, p) => sum + p.labels.length, 0);
    const resamples = options.resamples ?? resamplesFor(all);
    if (!Number.isInteger(resamples) || resamples < 1)
        throw new Error(`resamples must be a whole number of at least 1, got ${resamples}`);
    const kinds = included.map((p) => kindsOf(p, competition.classes.length));
    const perPackage = included.map(() => new Float64Array(resamples));
    const overall = new Float64Array(resamples);
    const counts = kinds.map((x) => new Int32Array(x.kinds.length));
    let a = seed | 0;
    for (let b = 0; b < resamples; b++) {
        let candidateSum = 0;
        let baseSum = 0;
        for (let p = 0; p < included.length; p++) {
            const { n, of } = kinds[p];
            const drawn = counts[p];
            drawn.fill(0);
            // mulberry32, inlined: a few hundred million draws for a large package. x * (n / 2^32) is
            // floor(u * n)'s product exactly (both are x * n * 2^-32, rounded once); below 2^31, | 0 floors.
            const scale = n / 4294967296;
            for (let j = 0; j < n; j++) {
                a = (a + 0x6d2b79f5) | 0;
                let t = Math.imul(a ^ (a >>> 15), a | 1);
                t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
                drawn[of[(((t ^ (t >>> 14)) >>> 0) * scale) | 0]]++;
            }
            const candidate = resampledScore(competition, kinds[p], drawn, 1, included[p].candidateEfficiency);
            const base = resampledScore(competition, kinds[p], drawn, 2, included[p].baseEfficiency);
            perPackage[p][b] = candidate - base;
            candidateSum += candidate;
            baseSum += base;
        }
        overall[b] = candidateSum / included.length - baseSum / included.length;
    }
    let next = 0;
    const intervals = packages.map((p, i) => (usable[i] ? interval(perPackage[next++], p.labels.length, p.labels.length, seed) : undefined));
    return {
        packages: intervals,
        ...(included.length === packages.length && { overall: interval(overall, all, all, seed) }),
    };
}
/** Rows as stored in a baseline: arrays of one length, class indices in range (anything else: none). */
function checkedRows(rows, k) {
    if (!rows || !Array.isArray(rows.files) || !Array.isArray(rows.labels) || !Array.isArray(rows.predicted))
        return undefined;
    const n = rows.files.length;
    if (rows.labels.length !== n || rows.predicted.length !== n)
        return undefined;
    for (let i = 0; i < n; i++) {
        const label = rows.labels[i];
        if (typeof rows.files[i] !== "string" || !Number.isInteger(label) || label < 0 || label >= k)
            return undefined;
        if (typeof rows.predicted[i] !== "number")
            return undefined;
    }
    return rows;
}
/** The candidate's images that the base run scored too (same file and label), with both predictions. */
function pairRows(candidate, base) {
    const key = (file, label) => `${label}\u0000${file}`;
    const waiting = new Map();
    for (let i = 0; i < base.files.length; i++) {
        const k = key(base.files[i], base.labels[i]);
        const list = waiting.get(k);
        if (list)
            list.push(i);
        else
            waiting.set(k, [i]);
    }
    const pairs = { labels: [], candidate: [], base: [] };
    for (let i = 0; i < candidate.files.length; i++) {
        const j = waiting.get(key(candidate.files[i], candidate.labels[i]))?.shift();
        if (j === undefined)
            continue;
        pairs.labels.push(candidate.labels[i]);
        pairs.candidate.push(candidate.predicted[i]);
        pairs.base.push(base.predicted[j]);
    }
    return pairs;
}
/**
 * The bootstrap of a run against the base branch's baseline. A package
 * gets an interval when both runs scored it without a verdict and the
 * baseline kept its rows (older baselines did not: no interval).
 */
function scoreDeltaIntervals(report, baseline, competition, options = {}) {
    const none = { byDataset: new Map() };
    if (!baseline)
        return none;
    const k = competition.classes.length;
    const names = [];
    const packages = [];
    for (const result of report.datasets) {
        const base = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .baselineFor */ .Bu)(baseline, result.dataset);
        const baseRows = checkedRows(base?.rows, k);
        if (!base || !baseRows || result.verdict)
            continue;
        const pairs = pairRows((0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .resultRows */ .FA)(result, competition), baseRows);
        if (pairs.labels.length < 2)
            continue;
        names.push(result.dataset);
        packages.push({ ...pairs, candidateEfficiency: result.efficiency_score, baseEfficiency: base.efficiency_score });
    }
    if (packages.length === 0)
        return none;
    const run = bootstrapDelta(competition, packages, options);
    const images = new Map(report.datasets.map((d) => [d.dataset, d.predictions.length]));
    const byDataset = new Map();
    run.packages.forEach((iv, i) => {
        if (iv)
            byDataset.set(names[i], { ...iv, images: images.get(names[i]) ?? iv.images });
    });
    const scored = (0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .scoredPackages */ .S5)(report.datasets).map((d) => d.dataset);
    const everyScored = scored.length === names.length && scored.every((n) => names.includes(n));
    const overall = run.overall && everyScored && (0,_baseline_js__WEBPACK_IMPORTED_MODULE_2__/* .comparableScore */ .Ji)(baseline, report) !== undefined
        ? { ...run.overall, images: names.reduce((sum, n) => sum + (images.get(n) ?? 0), 0) }
        : undefined;
    return { byDataset, ...(overall && { overall }) };
}
const signed = (v) => (v === 0 ? "0" : `${v > 0 ? "+" : ""}${v.toFixed(6)}`);
/** "(95% CI -0.011000 … +0.003000: not significant)", or "" without an interval. */
function intervalText(iv) {
    // Identical predictions on every paired image: the delta is exactly 0 in every resample, nothing to qualify.
    if (!iv || (iv.lower === 0 && iv.upper === 0))
        return "";
    return `(95% CI ${signed(iv.lower)} … ${signed(iv.upper)}: ${iv.significant ? "significant" : "not significant"})`;
}
/** What the intervals rest on, for the report's footnote: "" without one. */
function intervalNote(intervals) {
    const all = intervals ? [...intervals.byDataset.values()] : [];
    if (all.length === 0)
        return "";
    const paired = all.reduce((sum, iv) => sum + iv.paired, 0);
    const images = all.reduce((sum, iv) => sum + iv.images, 0);
    const of = paired === images ? `${paired}` : `${paired} of ${images}`;
    return (`95% intervals of the deltas: paired bootstrap over the ${of} images both runs scored, the validators' score ` +
        `recomputed on each of ${all[0].resamples} resamples (seed ${all[0].seed}).`);
}


/***/ }),

/***/ 33441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ forecastPath),
/* harmony export */   Tb: () => (/* binding */ forecastMarkdown),
/* harmony export */   Wq: () => (/* binding */ forecastHeadline),
/* harmony export */   xn: () => (/* binding */ forecastText)
/* harmony export */ });
/* unused harmony exports percent, shortHotkey */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);


/** Where forecast.json goes beside results-path: results.json -> results.forecast.json. */
const forecastPath = (resultsPath) => `${resultsPath.replace(/\.json$/i, "")}.forecast.json`;
/** How much of the rewards: "10.1%", "0.08%", "0%". */
const percent = (share) => (share === 0 ? "0%" : `${(share * 100).toFixed(share >= 0.01 ? 1 : 2)}%`);
/** An SS58 hotkey, shortened for a table: "5F3sa2…x7Yz". */
const shortHotkey = (hotkey) => (hotkey.length > 13 ? `${hotkey.slice(0, 6)}…${hotkey.slice(-4)}` : hotkey);
/** One line, no control characters (a terminal escape in a repository name would rewrite the screen), at most max. */
function plain(value, max = 200) {
    // eslint-disable-next-line no-control-regex
    const flat = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** "5F…'s model (block 1200)", or the candidate's when it keeps the score. */
function copyTarget(copyOf, escape, short = false) {
    if (copyOf.hotkey === null)
        return "this model";
    const who = escape(short ? shortHotkey(copyOf.hotkey) : copyOf.hotkey);
    return `${who}'s model${copyOf.block === null || !Number.isFinite(copyOf.block) ? "" : ` (block ${copyOf.block})`}`;
}
/** The verdict in one sentence: the rank and share, or why there is none. */
function forecastHeadline(doc, escape = plain) {
    const c = doc.candidate;
    const copy = c.copy_of
        ? `validators would treat this as a copy of ${copyTarget(c.copy_of, escape)}: the earlier commitment keeps the score, this one gets 0`
        : "";
    if (c.rank === null)
        return copy
            ? `${copy[0].toUpperCase()}${copy.slice(1)}.`
            : "Would not rank: its average score would be 0, and validators rank only models above 0.";
    const rank = `Would rank ${c.rank} of ${c.rank_of}, about ${percent(c.share)} of the competition's rewards`;
    return copy ? `${rank}; but on at least one package ${copy}.` : `${rank}.`;
}
/** The package columns: the packages not void for everyone, by short name. */
function packageColumns(doc) {
    const voided = new Set(doc.void_packages.map((v) => v.package));
    const counted = doc.packages.filter((p) => !voided.has(p));
    return counted.length === 1 ? ["score"] : counted.map((p) => p.split("/").pop() ?? p);
}
/** What validators would do with a row, beyond its score. */
function rowNote(row, escape) {
    if (row.candidate)
        return row.copy_of ? `copy of ${copyTarget(row.copy_of, escape, true)}: 0` : "";
    switch (row.status) {
        case "copy":
            return row.copy_of ? `copy of ${copyTarget(row.copy_of, escape, true)}: 0` : "copy: 0";
        case "rejected":
            return `rejected: ${escape(row.reason ?? "no reason given", 300)}`;
        case "invalid-record":
            return `0 among identical models: ${escape(row.reason ?? "its record fails the check", 300)}`;
        case "scored":
            return "";
    }
}
const HEAD = (doc) => [
    "rank",
    "uid",
    "hotkey",
    "repository",
    "block",
    ...packageColumns(doc),
    "average",
    "gap to #1",
    "share",
    "validators",
];
function rowCells(row, escape) {
    return [
        row.rank === null ? "—" : String(row.rank),
        row.uid === null ? "—" : String(row.uid),
        row.candidate ? "← this model" : escape(shortHotkey(row.hotkey ?? "")),
        row.candidate ? "" : escape(row.repo ?? "", 80),
        row.block === undefined ? "" : String(row.block),
        ...row.package_scores.map(_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br),
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(row.average),
        row.rank === 1 ? "" : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .fixed6 */ .br)(row.gap_to_first),
        percent(row.share),
        rowNote(row, escape),
    ];
}
/** "8 outside the top 10 by Incentive, 1 committed too recently": the reasons up to their first colon, counted. */
function reasonCounts(items, escape) {
    const counts = new Map();
    for (const { reason } of items) {
        const kind = reason.split(":")[0].trim();
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const shown = [...counts].slice(0, 5).map(([kind, n]) => `${n} ${escape(kind, 120)}`);
    return counts.size > 5 ? `${shown.join(", ")}, …` : shown.join(", ");
}
/** The lines after the table: void packages, then what was left out, then what the numbers mean. */
function notes(doc, escape) {
    const lines = doc.void_packages.map((v) => `⚠️ ${escape(v.package)}: no model is scored on this package (validators fail it for everyone): ${escape(v.reason, 500)}`);
    const stays = doc.candidate.logged_winner_stays;
    if (stays)
        lines.push(`Within 1e-4 of ${escape(stays)}'s average: validators would still log it as the winner (their hysteresis), ` +
            "but rank 1 and its share go to the higher average, this model's.");
    const own = doc.own_hotkey;
    if (own) {
        const who = `As hotkey ${escape(own.hotkey)}${own.uid === null ? " (not registered on the subnet now)" : ` (uid ${own.uid})`}`;
        const { committed } = own;
        const none = own.ignored ? ` (${escape(own.ignored, 200)})` : "";
        lines.push(!committed
            ? `${who}: no model of it counts for this competition yet${none}, so this model is ranked as its first commitment.`
            : committed.same_model
                ? `${who}: this model is the one it committed at block ${committed.block}, ranked as committed.`
                : `${who}: this model takes the place of the one it committed at block ${committed.block}, as a new commitment would ` +
                    "(validators keep one model per hotkey; among identical models a new commitment comes last).");
    }
    if (doc.not_evaluated.length > 0)
        lines.push(`Committed models not evaluated: ${reasonCounts(doc.not_evaluated, escape)}.`);
    if (doc.ignored.length > 0)
        lines.push(`Ignored: ${doc.ignored.length} registered hotkey(s) or commitment(s) validators do not evaluate for this competition ` +
            "(no commitment, deregistered, another competition, unparsable).");
    lines.push(`At block ${doc.at_block}: the top ${doc.top_n} committed models by Incentive, evaluated with this one. Average: the mean ` +
        "over these packages (validators start a new hotkey at sum/5 and reach it after 5 packages). Share: one validator's " +
        "normalised weight for this competition, not emission. forecast.json has every row and reason.");
    return lines;
}
/** The rows to show: the first `shown`, and the candidate's wherever it is. */
function shownRows(doc, shown) {
    return doc.rows.filter((row, i) => i < shown || row.candidate);
}
/** The forecast as Markdown, for the job summary and the pull request comment. */
function forecastMarkdown(doc, competition, options = {}) {
    const { limit = _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMENT_LIMIT */ .W$ } = options;
    const escape = _util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownText */ .p7;
    const candidateMark = doc.candidate.rank === null ? "❌ " : "";
    const head = [
        `### Forecast: where this model would rank on subnet ${doc.netuid} (${escape(competition.id)})`,
        "",
        `**${candidateMark}${forecastHeadline(doc, escape)}**`,
        "",
        "",
    ].join("\n");
    const tail = ["", ...notes(doc, escape).flatMap((line) => [line, ""])].join("\n").trimEnd();
    const assemble = (shown) => {
        const rows = shownRows(doc, shown).map((row) => {
            const cells = rowCells(row, escape);
            return row.candidate ? cells.map((c) => (c ? `**${c}**` : c)) : cells;
        });
        const more = doc.rows.length - rows.length;
        const rest = more > 0 ? `\n\n_${more} more row(s) in forecast.json._` : "";
        return `${head}${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(HEAD(doc), rows)}${rest}\n${tail}`;
    };
    for (const shown of [doc.rows.length, 50, 20, 10, 3, 0]) {
        const body = assemble(shown);
        if (body.length <= limit)
            return body;
    }
    const note = "\n\n_Forecast truncated to fit; forecast.json has everything._";
    return assemble(0).slice(0, Math.max(0, limit - note.length)) + note;
}
/** The forecast for a terminal. */
function forecastText(doc) {
    const escape = plain;
    return [
        `forecast on subnet ${doc.netuid}: ${forecastHeadline(doc, escape)}`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pad */ .eV)([HEAD(doc), ...doc.rows.map((row) => rowCells(row, escape))]),
        "",
        ...notes(doc, escape),
    ].join("\n");
}


/***/ }),

/***/ 18347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ applyGate)
/* harmony export */ });
/* harmony import */ var _engine_verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6559);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63776);


function applyGate(report, baselineScore, rule, forecast, interval) {
    const reasons = (0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .modelRejections */ .CH)(report).map((d) => `${d.dataset}: ${d.verdict?.message}`);
    const f = (v) => v.toFixed(6);
    const { score } = report;
    if (score !== null && rule.minScore !== undefined && score < rule.minScore) {
        reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
    }
    if (score !== null && rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
        const noise = rule.significantDropsOnly && interval !== undefined && interval.upper >= 0;
        if (!noise) {
            const ci = interval ? ` ${(0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_1__/* .intervalText */ .Bt)(interval)}` : "";
            reasons.push(`score ${f(score)} dropped ${f(baselineScore - score)}${ci} from the base branch's ${f(baselineScore)}, more than ` +
                `max-score-drop ${f(rule.maxScoreDrop)}`);
        }
    }
    if (rule.minRank !== undefined)
        reasons.push(...rankReasons(rule.minRank, forecast));
    return { passed: reasons.length === 0, reasons };
}
/** min-rank: why the forecast's rank fails it, if it does. */
function rankReasons(minRank, forecast) {
    if (!forecast)
        return [`min-rank ${minRank} needs a forecast (compare: leaderboard), and there is none`];
    const { rank, rank_of: of, copy_of: copyOf } = forecast.candidate;
    if (copyOf) {
        const who = copyOf.hotkey === null ? "another model" : `${copyOf.hotkey}'s model`;
        const block = copyOf.block === null || !Number.isFinite(copyOf.block) ? "" : ` (block ${copyOf.block})`;
        return [`validators would treat this model as a copy of ${who}${block} and give it 0, so it fails min-rank ${minRank}`];
    }
    if (rank === null)
        return [`the model would have no rank (average score 0), so it fails min-rank ${minRank}`];
    if (rank > minRank)
        return [`the model would rank ${rank} of ${of}, worse than min-rank ${minRank}`];
    return [];
}


/***/ }),

/***/ 34518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ extendHistory),
/* harmony export */   H3: () => (/* binding */ historyChart),
/* harmony export */   XE: () => (/* binding */ pointsOf),
/* harmony export */   qk: () => (/* binding */ pointOf)
/* harmony export */ });
/* unused harmony export yRange */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39409);
/**
 * The default branch's score over its last commits: kept inside the
 * baseline (one cache entry per push, so no storage of its own) and drawn
 * as a Mermaid line chart, which GitHub renders in comments and summaries.
 * Pure functions; baseline.ts does the cache I/O.
 */


/** Just the point of something that has one (a baseline has much more). */
const pointOf = ({ commit, created, score }) => ({ commit, created, score });
const isPoint = (value) => {
    const p = value;
    return (typeof p === "object" &&
        p !== null &&
        typeof p.commit === "string" &&
        typeof p.created === "string" &&
        typeof p.score === "number" &&
        Number.isFinite(p.score));
};
/**
 * A baseline's points, oldest first, ending with its own commit. A baseline
 * saved before histories existed, or holding something unreadable, stands for
 * its own commit only.
 */
function pointsOf(baseline) {
    const own = pointOf(baseline);
    const kept = Array.isArray(baseline.history) ? baseline.history.filter(isPoint) : [];
    return kept.length > 0 && kept[kept.length - 1].commit === own.commit ? kept : [...kept, own];
}
/**
 * The history a new baseline keeps: the previous one's points and its own,
 * at most `keep` (0: none). A re-run of a commit replaces that commit's point
 * rather than adding a second one.
 */
function extendHistory(previous, current, keep) {
    if (keep <= 0)
        return [];
    const others = previous.filter((p) => p.commit !== current.commit);
    return [...others, current].slice(-keep);
}
/** A commit's label on the chart: its short hash (only hex digits, so nothing can break out of the quotes). */
const commitLabel = (commit) => commit.slice(0, 7).replace(/[^0-9a-f]/gi, "");
/** A y-axis that frames the values with some room, on hundredths, within [0, 1]. */
function yRange(values) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const room = Math.max(0.005, (max - min) * 0.1);
    // The tolerance keeps 0.86 from becoming 0.87 through 86.00000000000001.
    const lo = Math.max(0, Math.floor((min - room) * 100 + 1e-9) / 100);
    const hi = Math.min(1, Math.ceil((max + room) * 100 - 1e-9) / 100);
    return [Number(lo.toFixed(2)), Number(hi.toFixed(2))];
}
/**
 * The Markdown of the chart, or "" when there are fewer than two scores to
 * draw (one point is no trend).
 */
function historyChart(history) {
    if (!history)
        return "";
    const labels = history.points.map((p) => commitLabel(p.commit));
    const scores = history.points.map((p) => p.score);
    if (history.candidate) {
        labels.push(history.candidate.label.replace(/[^#0-9A-Za-z ]/g, ""));
        scores.push(history.candidate.score);
    }
    if (scores.length < 2)
        return "";
    const [lo, hi] = yRange(scores);
    const branch = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(history.branch);
    const commits = history.points.length;
    const title = `Score on ${history.branch.replace(/["\\\n]/g, "")}, last ${commits} commit${commits === 1 ? "" : "s"}`;
    const last = history.points[history.points.length - 1];
    return [
        `**Score over commits** on ${branch}${history.candidate ? `, then ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(history.candidate.label)}` : ""}` +
            (last ? ` (latest ${commitLabel(last.commit)}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .fixed6 */ .br)(last.score)})` : "") +
            ":",
        "",
        (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_1__/* .xyChart */ .G)([
            `title "${title}"`,
            `x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
            `y-axis "score" ${lo.toFixed(2)} --> ${hi.toFixed(2)}`,
            `line [${scores.map((s) => s.toFixed(6)).join(", ")}]`,
        ]),
    ].join("\n");
}


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HL: () => (/* binding */ gateFooter),
/* harmony export */   Mf: () => (/* binding */ textReport),
/* harmony export */   VH: () => (/* binding */ scoreLine),
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   qN: () => (/* binding */ markdownReport)
/* harmony export */ });
/* unused harmony exports delta, deltaText, sizeText, verdictNote, verdictHeadline */
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67355);
/* harmony import */ var _engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6559);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63776);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34518);
/* harmony import */ var _mermaid_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39409);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
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
/**
 * The run's score against the base branch's, as the headline words it: "▲ +0.004100 vs main",
 * "no baseline on main yet", or "" (no score, or no base branch). The one place this is worded.
 */
function deltaText(score, base, context) {
    if (score === null || context.branch === undefined)
        return "";
    const on = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(context.branch);
    if (base !== undefined)
        return `${withInterval(delta(score, base), context.interval)} vs ${on}`;
    return context.incomparable ? `not comparable with ${on}: other packages` : `no baseline on ${on} yet`;
}
/** A model's size: MiB, or KiB below 0.01 MiB (a tiny test model would read "0.00 MiB"). */
function sizeText(mib) {
    return mib < 0.01 ? `${(mib * 1024).toFixed(1)} KiB` : `${mib.toFixed(2)} MiB`;
}
/** "▼ -0.004000 (95% CI -0.011000 … +0.003000: not significant)": a delta and, if there is one, its interval. */
const withInterval = (text, interval) => [text, text ? (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_2__/* .intervalText */ .Bt)(interval) : ""].filter(Boolean).join(" ");
/** A table without the columns no row has a value in (the "vs base" columns without a baseline). */
function compactTable(head, rows) {
    const keep = head.map((_, c) => rows.some((r) => r[c] !== ""));
    const pick = (cells) => cells.filter((_, c) => keep[c]);
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(pick(head), rows.map(pick));
}
function support(result, classIndex) {
    return result.confusion_matrix[classIndex].reduce((a, b) => a + b, 0);
}
function headline(result) {
    return [
        ["score", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.score)],
        ["accuracy", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.accuracy)],
        ["weighted F1", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.weighted_f1)],
        ["efficiency", `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.efficiency_score)} (model ${sizeText(result.model_size_mb)})`],
        ["precision / recall / F1 (weighted)", `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.precision)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.recall)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.fbeta)}`],
        ["images", `${result.tested_entries} in ${result.run_time_s.toFixed(1)} s`],
    ];
}
/** "validators would score 0: …" or "fails for every model: …", with what it means for this run. */
function verdictNote(result) {
    const { verdict } = result;
    if (!verdict)
        return "";
    return verdict.fault === "model"
        ? `${verdict.message} (the score gate fails)`
        : `${verdict.message}; no model is scored on this package, so it is left out of this model's score and gate`;
}
/** The run's score in one line; a run where no package could be scored says so. */
function scoreLine(report) {
    const over = report.datasets.length > 1 ? ` over ${(0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .scoredPackages */ .S5)(report.datasets).length} of ${report.datasets.length} packages` : "";
    return report.score === null
        ? "no score: validators would fail every package for every model"
        : `mean score${over}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(report.score)}`;
}
function textReport(result, competition) {
    if (result.verdict)
        return [`${competition.id} on ${result.dataset}`, `  ${verdictNote(result)}`].join("\n");
    const lines = [`${competition.id} on ${result.dataset}`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .pad */ .eV)(headline(result).map(([k, v]) => [`  ${k}`, v])), ""];
    lines.push((0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .pad */ .eV)([
        ["  risk category", "F1"],
        ...competition.riskWeights.map(([risk, w]) => [`  ${RISK_LABEL[risk]} (x${w})`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.risk_category_scores[risk])]),
    ]));
    lines.push("");
    const classRows = competition.classes.map((c, i) => [
        `  ${c.short}`,
        RISK_LABEL[c.risk],
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.f1_by_class[i]),
        String(support(result, i)),
    ]);
    lines.push((0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .pad */ .eV)([["  class", "risk", "F1", "images"], ...classRows]));
    return lines.join("\n");
}
/** A bar chart GitHub renders from a Mermaid block; a picture reads faster than 11 numbers. */
function f1Chart(result, competition) {
    return (0,_mermaid_js__WEBPACK_IMPORTED_MODULE_4__/* .xyChart */ .G)([
        'title "F1 by class"',
        `x-axis [${competition.classes.map((c) => c.short).join(", ")}]`,
        'y-axis "F1" 0 --> 1',
        `bar [${result.f1_by_class.map((v) => v.toFixed(4)).join(", ")}]`,
    ]);
}
function datasetDetails(result, competition, baseline, full, interval) {
    const when = result.dataset_date ? `, released ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(result.dataset_date)}` : "";
    if (result.verdict) {
        const mark = result.verdict.fault === "model" ? "❌" : "⚠️";
        return [
            `#### ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(result.dataset_uri ?? result.dataset)}${when}`,
            "",
            `${mark} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(verdictNote(result), 1000)}.`,
        ].join("\n");
    }
    const base = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .baselineFor */ .Bu)(baseline, result.dataset);
    const metricRows = [
        ["score", result.score, base?.score],
        ["accuracy", result.accuracy, base?.accuracy],
        ["weighted F1", result.weighted_f1, base?.weighted_f1],
        ["efficiency", result.efficiency_score, base?.efficiency_score],
    ].map(([name, value, was]) => [name, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(value), name === "score" ? withInterval(delta(value, was), interval) : delta(value, was)]);
    const parts = [
        `#### ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(result.dataset_uri ?? result.dataset)}${when}`,
        "",
        compactTable(["metric", "value", "vs base"], metricRows),
        "",
        `${result.tested_entries} images in ${result.run_time_s.toFixed(1)} s; model ${sizeText(result.model_size_mb)}; ` +
            `weighted precision / recall / F1 ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.precision)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.recall)} / ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.fbeta)}.`,
        "",
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(["risk category", "weight", "F1"], competition.riskWeights.map(([risk, w]) => [RISK_LABEL[risk], String(w), (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.risk_category_scores[risk])])),
        "",
        compactTable(["class", "name", "risk", "F1", "vs base", "images"], competition.classes.map((c, i) => [
            c.short,
            c.name,
            RISK_LABEL[c.risk],
            (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(result.f1_by_class[i]),
            delta(result.f1_by_class[i], base?.f1_by_class[i]),
            String(support(result, i)),
        ])),
    ];
    if (full) {
        const short = competition.classes.map((c) => c.short);
        parts.push("", f1Chart(result, competition), "", "<details><summary>Confusion matrix (rows: true class, columns: predicted)</summary>", "", (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(["", ...short], result.confusion_matrix.map((row, i) => [`**${short[i]}**`, ...row.map(String)])), "", "</details>");
    }
    return parts.join("\n");
}
/** The comment's last line when the gate failed: its reasons, which name packages, escaped. */
function gateFooter(gate) {
    return gate.passed ? "" : `**Score gate failed:** ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(gate.reasons.join("; "), 4000)}.`;
}
/**
 * The line a report opens with: the verdict, the score, the delta against the base branch and the
 * gate's reason. "### ✅ CancerAI tricorder-3: score 0.812345 (▲ +0.004100 vs main) — gate passed".
 */
function verdictHeadline(report, competition, options = {}) {
    const { baseline, gate } = options;
    const scored = (0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .scoredPackages */ .S5)(report.datasets).length;
    const total = report.datasets.length;
    const mean = total === 1 ? "score" : `mean score over ${scored < total ? `${scored} of ${total}` : total} packages`;
    const base = (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .comparableScore */ .Ji)(baseline, report);
    const vs = deltaText(report.score, base, {
        branch: options.baseBranch ?? baseline?.branch,
        incomparable: baseline && base === undefined,
        interval: options.intervals?.overall,
    });
    const score = report.score === null ? "no score: validators would fail every package for every model" : `${mean} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(report.score)}`;
    const passed = gate ? gate.passed : (0,_engine_verdict_js__WEBPACK_IMPORTED_MODULE_1__/* .modelRejections */ .CH)(report).length === 0;
    const mark = !passed ? "❌" : report.score === null ? "⚠️" : "✅";
    const outcome = !gate ? "" : gate.passed ? " — gate passed" : ` — gate failed: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(gate.reasons.join("; "), 400)}`;
    const id = options.reportId ? ` (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(options.reportId)})` : "";
    return `### ${mark} CancerAI ${competition.id}${id}: ${score}${vs ? ` (${vs})` : ""}${outcome}`;
}
function markdownReport(report, competition, options = {}) {
    const { baseline, limit = COMMENT_LIMIT } = options;
    const verdicts = report.datasets
        .filter((d) => d.verdict)
        .map((d) => `- ${d.verdict?.fault === "model" ? "❌" : "⚠️"} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(d.dataset)}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(verdictNote(d), 1000)}.`);
    const head = [
        ...(options.marker ? [options.marker] : []),
        verdictHeadline(report, competition, options),
        "",
        ...(verdicts.length ? ["**What validators would do differently:**", "", ...verdicts, ""] : []),
        ...(report.datasets.length > 1
            ? [
                compactTable(["package", "released", "score", "vs base"], report.datasets.map((d) => [
                    (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(d.dataset),
                    (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(d.dataset_date ?? ""),
                    d.verdict?.fault === "package" ? "not scored" : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .fixed6 */ .br)(d.score),
                    withInterval(delta(d.score, (0,_baseline_js__WEBPACK_IMPORTED_MODULE_0__/* .baselineFor */ .Bu)(baseline, d.dataset)?.score), options.intervals?.byDataset.get(d.dataset)),
                ])),
                "",
            ]
            : []),
    ].join("\n");
    const model = report.datasets[0]?.model_sha256 ?? "";
    const baseNote = baseline
        ? `Baseline: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(baseline.branch)} at \`${baseline.commit.slice(0, 7).replace(/[^0-9a-f]/g, "")}\` (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownText */ .p7)(baseline.created)}).`
        : "No baseline from the base branch yet.";
    const intervalsNote = (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_2__/* .intervalNote */ .m)(options.intervals);
    const notes = [baseNote, ...(intervalsNote ? [intervalsNote] : [])].join(" ");
    const tail = [`Model \`${model}\`. ${notes}`, ...(options.footer ? ["", options.footer] : [])].join("\n");
    const details = (d, full) => datasetDetails(d, competition, baseline, full, options.intervals?.byDataset.get(d.dataset));
    const chart = (0,_history_js__WEBPACK_IMPORTED_MODULE_5__/* .historyChart */ .H3)(options.history);
    const assemble = (full, shown) => [head, ...report.datasets.slice(0, shown).map((d) => details(d, full)), ...(full && chart ? ["", chart] : []), "", tail].join("\n");
    // Shrink to fit: drop charts (the history's too) and matrices first, then per-package details.
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

/***/ 39409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ xyChart)
/* harmony export */ });
/**
 * A Mermaid xychart as GitHub renders it from a fenced block. The init line
 * gives the plot a colour that reads on white (Mermaid's default light theme
 * draws lines in a pale lavender) and a size that fits a comment's width.
 */
const INIT = '%%{init: {"xyChart": {"width": 720, "height": 300}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%';
/** The fenced block of an xychart whose body lines (title, axes, series) are given. */
function xyChart(body) {
    return ["```mermaid", INIT, "xychart-beta", ...body.map((line) => `  ${line}`), "```"].join("\n");
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
/* harmony export */   $b: () => (/* binding */ checkOutputPath),
/* harmony export */   GF: () => (/* binding */ writeJson),
/* harmony export */   f8: () => (/* binding */ writeWhole)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
/** Files a reader never sees half-written. */



/** Writes through a temporary file and a rename, so a reader never sees half a file; returns the absolute path. */
async function writeWhole(file, content) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(partial, content);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(partial, target);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(partial, { force: true });
        throw err;
    }
    return target;
}
/** A JSON document (results.json and the like), pretty-printed, written whole. */
async function writeJson(file, document) {
    return writeWhole(file, `${JSON.stringify(document, null, 2)}\n`);
}
/**
 * Refuses, before any work, an output path that cannot take a file (a
 * folder, or a path through a file), so a long evaluation does not end in
 * "EISDIR" with nothing written. `name` is how the shell calls the option.
 */
async function checkOutputPath(file, name) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target).catch(() => undefined);
    if (info?.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${name} ${file} is a folder: give a file path, e.g. ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(file, "results.json")}`);
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target); dir !== node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir); dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        const parent = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch(() => undefined);
        if (parent === undefined)
            continue;
        if (!parent.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${name} ${file} cannot be written: ${dir} is a file, not a folder`);
        return;
    }
}


/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ groupingLog),
/* harmony export */   aO: () => (/* binding */ consoleLog),
/* harmony export */   xZ: () => (/* binding */ progressReporter)
/* harmony export */ });
/**
 * A log whose groups open only when something is logged in them: a step that has nothing to say
 * (a local dataset folder needs no download) leaves no empty group. Groups do not nest (the
 * Actions log cannot show it): work inside an open group logs into it.
 */
function groupingLog(sink) {
    let pending;
    let inGroup = false;
    let open = false;
    const flush = () => {
        if (pending === undefined)
            return;
        sink.startGroup(pending);
        pending = undefined;
        open = true;
    };
    return {
        info: (message) => {
            flush();
            sink.info(message);
        },
        warning: (message) => {
            flush();
            sink.warning(message);
        },
        group: async (title, work) => {
            if (inGroup)
                return work();
            inGroup = true;
            pending = title;
            try {
                return await work();
            }
            finally {
                if (open)
                    sink.endGroup();
                inGroup = false;
                pending = undefined;
                open = false;
            }
        },
    };
}
/**
 * A terminal log: everything to stderr, so that stdout stays clean for results. Its group
 * headers are not lazy: on a terminal "== title" says where a long run is before its first line.
 */
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
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   wj: () => (/* binding */ withTimeout)
/* harmony export */ });
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
    return `${withoutQueries(e.message.split("\n")[0])}${cause}`;
}
/** Addresses without their query strings: a presigned upload or download address carries its signature there. */
const withoutQueries = (text) => text.replace(/(https?:\/\/[^\s?#]+)[?#]\S*?(?=[,;:.)\]]?(?:\s|$))/g, "$1");


/***/ }),

/***/ 54868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ makeTempDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Temporary folders (an extracted package can take gigabytes) that are
 * removed when the work is done, and also when the process is stopped:
 * Ctrl-C, a cancelled job (SIGTERM) or an exit that skipped the `finally`.
 */




const live = new Set();
let hooked = false;
function removeAll() {
    for (const dir of live) {
        try {
            // Retried: a zip still being extracted in the background may add a file while its folder is emptied.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 3 });
        }
        catch {
            // The process ends anyway: one folder that resists must not keep the others, or the signal's exit status.
        }
    }
    live.clear();
}
function hookExit() {
    if (hooked)
        return;
    hooked = true;
    process.once("exit", removeAll);
    for (const signal of ["SIGINT", "SIGTERM"]) {
        process.once(signal, () => {
            removeAll();
            // The default action again, so the exit status still says which signal stopped the run.
            process.kill(process.pid, signal);
        });
    }
}
/** A new folder `<parent>/<prefix>XXXXXX`, removed by remove() or when the process ends. */
async function makeTempDir(prefix, parent = node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir()) {
    hookExit();
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(parent, prefix));
    live.add(dir);
    return {
        path: dir,
        remove: async () => {
            live.delete(dir);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        },
    };
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   br: () => (/* binding */ fixed6),
/* harmony export */   eV: () => (/* binding */ pad),
/* harmony export */   p7: () => (/* binding */ markdownText),
/* harmony export */   sN: () => (/* binding */ logSafe),
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
/**
 * The punctuation that makes syntax inside a line: code, emphasis, links and
 * images (no `[`, no link), table cells. Line-start syntax (#, -, +, 1.)
 * cannot occur: data never starts a line in a report.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;
/**
 * Text that comes from data (a package's name, a file inside it, a hub path,
 * a branch) as Markdown that renders as exactly that text: no HTML or
 * comments that could hide the rest of a report, no links, images or
 * @mentions, one line, at most `max` characters.
 */
function markdownText(value, max = 200) {
    // eslint-disable-next-line no-control-regex
    const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ");
    const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
    return (clipped
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
        // GitHub links bare URLs and www. names, and pings @names.
        .replace(/:\/\//g, ":\\/\\/")
        .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`)
        .replace(/@/g, "@\u200b"));
}
/**
 * A message for the Actions log that cannot issue a workflow command: the
 * runner acts on any line that starts with `::`, and a line can come from
 * data (a hub path with a newline in it).
 */
function logSafe(message) {
    return message.replace(/^(\s*)::/gm, "$1\u200b::");
}


/***/ }),

/***/ 35863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ workerEntry)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Where a worker thread of this folder starts. Bundled, it is the bundle's
 * own index.js again, which dispatches on workerData.role; from the sources
 * (tests), it is the module itself behind tsx's loader.
 */




/** `from`: the starting module's import.meta.url; `file` and `serve`: the worker's module beside it and the function it runs. */
function workerEntry(from, file, serve) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(from));
    // Bundled, the starting module is in index.js or in a chunk beside it.
    if (!from.endsWith(".ts"))
        return (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, "index.js"));
    // `--import tsx` in execArgv does not reach a worker's entry module on Node 20; registering tsx's API first does.
    const tsxPackage = (0,node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(from).resolve("tsx/package.json");
    const manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(tsxPackage, "utf8"));
    const tsx = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(tsxPackage), manifest.exports["./esm/api"].import.default)).href;
    const module = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, file)).href;
    const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); ` +
        `await (await import(${JSON.stringify(module)})).${serve}();`;
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}


/***/ }),

/***/ 39093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   kx: () => (/* binding */ isTensorType),
/* harmony export */   wI: () => (/* binding */ FrameDecoder)
/* harmony export */ });
/* unused harmony exports TENSOR_TYPES, payloadBytes */
/** The tensor element types whose bytes the protocol carries (onnxruntime's names). */
const TENSOR_TYPES = [
    "float32",
    "float64",
    "float16",
    "int8",
    "uint8",
    "int16",
    "uint16",
    "int32",
    "uint32",
    "int64",
    "uint64",
    "bool",
];
const isTensorType = (type) => TENSOR_TYPES.includes(type);
/** The frame's header part: length, then JSON. The payload, if any, is written after it as it is. */
function encodeHeader(message) {
    const json = Buffer.from(JSON.stringify(message), "utf8");
    const frame = Buffer.allocUnsafe(4 + json.length);
    frame.writeUInt32LE(json.length, 0);
    json.copy(frame, 4);
    return frame;
}
/** The byte count of the tensor that follows the header in the stream, 0 for none. */
function payloadBytes(message) {
    return message.type === "output" ? message.tensor.bytes : 0;
}
/**
 * Frames from a byte stream, for the side that reads asynchronously (the
 * parent). Chunks are kept as they come and joined only for a frame that
 * spans several of them.
 */
class FrameDecoder {
    onFrame;
    chunks = [];
    buffered = 0;
    header;
    constructor(onFrame) {
        this.onFrame = onFrame;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.buffered += chunk.length;
        for (;;) {
            if (!this.header) {
                if (this.buffered < 4)
                    return;
                const length = this.peek(4).readUInt32LE(0);
                if (this.buffered < 4 + length)
                    return;
                this.take(4);
                this.header = JSON.parse(this.take(length).toString("utf8"));
            }
            const bytes = payloadBytes(this.header);
            if (this.buffered < bytes)
                return;
            // A copy of its own: typed arrays over it need an aligned, unshared buffer.
            const payload = new Uint8Array(bytes);
            payload.set(this.take(bytes));
            const message = this.header;
            this.header = undefined;
            this.onFrame(message, payload);
        }
    }
    peek(n) {
        if (this.chunks[0].length < n)
            this.chunks = [Buffer.concat(this.chunks)];
        return this.chunks[0].subarray(0, n);
    }
    take(n) {
        if (n === 0)
            return Buffer.alloc(0);
        const out = this.peek(n);
        this.chunks[0] = this.chunks[0].subarray(n);
        if (this.chunks[0].length === 0)
            this.chunks.shift();
        this.buffered -= n;
        return out;
    }
}


/***/ }),

/***/ 81820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ openPreprocessor)
});

// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/preprocess/budget.ts
var preprocess_budget = __webpack_require__(45697);
// EXTERNAL MODULE: ./src/preprocess/index.ts + 24 modules
var preprocess = __webpack_require__(85520);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/workers/entry.ts
var entry = __webpack_require__(35863);
// EXTERNAL MODULE: ./src/util/natives.ts
var natives = __webpack_require__(22184);
// EXTERNAL MODULE: ./src/workers/protocol.ts
var protocol = __webpack_require__(86775);
;// CONCATENATED MODULE: ./src/workers/pool.ts
/**
 * The preprocessing workers, seen from the main thread: jobs go to the
 * least busy worker, pixels come back transferred.
 *
 * A worker runs the code of this very build. From the ncc bundle that is the
 * bundle's entry (dist/index.js, beside every chunk), which dispatches on
 * workerData.role; from the TypeScript sources (jest, tsx) it is the worker
 * module itself, behind tsx's loader.
 */







const START_TIMEOUT_MS = 60_000;
function preprocessEntry(budget) {
    const workerData = { role: protocol/* PREPROCESS_ROLE */.s3, budget: budget.shared };
    return { url: (0,entry/* workerEntry */.x)(import.meta.url, "preprocess-worker.ts", "servePreprocessing"), options: { workerData } };
}
function deserialize(error) {
    return error.image ? new errors/* ImageError */.C8(error.image.file, error.image.reason, error.image.kind) : new Error(error.message);
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
        // One budget for every worker's decodes.
        const { url, options } = preprocessEntry(new preprocess_budget/* PixelBudget */.a());
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
                pending.resolve({ rgbs: message.rgbs, times: message.times });
            });
            slot.worker.on("error", (err) => fail(new Error(`a preprocessing worker failed: ${err.message}`)));
            slot.worker.on("exit", (code) => fail(new Error(`a preprocessing worker exited (code ${code})`)));
        });
    }
    send(slot, message) {
        if (!this.closing)
            slot.worker.postMessage(message);
    }
    get size() {
        return this.slots.length;
    }
    preprocess(file, filePath, imageSize, inputSizes) {
        if (this.broken)
            return Promise.reject(this.broken);
        const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            slot.pending.set(id, { resolve, reject });
            this.send(slot, { type: "job", id, file, path: filePath, imageSize, inputSizes });
        });
    }
    async close() {
        this.closing = true;
        await Promise.all(this.slots.map((s) => s.worker.terminate()));
    }
}

;// CONCATENATED MODULE: ./src/workers/preprocessor.ts




function inProcess(imageSize) {
    const budget = new preprocess_budget/* PixelBudget */.a();
    return {
        workers: 0,
        preprocess: (file, filePath, inputSizes) => (0,preprocess/* preparePixels */.$)(file, filePath, imageSize, inputSizes, budget),
        close: async () => { },
    };
}
/** `workers` threads (0: this thread preprocesses, between inferences). */
async function openPreprocessor(workers, imageSize, log) {
    if (workers === 0)
        return inProcess(imageSize);
    let pool;
    try {
        pool = await PreprocessPool.start(workers);
    }
    catch (err) {
        log.warning(`preprocessing on the main thread: worker threads could not start (${(0,retry/* describeError */.Uc)(err)})`);
        return inProcess(imageSize);
    }
    return {
        workers: pool.size,
        preprocess: (file, filePath, inputSizes) => pool.preprocess(file, filePath, imageSize, inputSizes),
        close: () => pool.close(),
    };
}


/***/ })

};
