export const id = 243;
export const ids = [243];
export const modules = {

/***/ 2243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  implicitReleaseNotice: () => (/* binding */ implicitReleaseNotice),
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./src/competition/competition.ts
var competition_competition = __webpack_require__(74344);
// EXTERNAL MODULE: ./src/engine/run.ts + 1 modules
var run = __webpack_require__(46531);
;// CONCATENATED MODULE: ./src/engine/results-file.ts


/** validators evaluate at most 30 packages at once; a name longer than this is no package's. */
const MAX_DATASETS = 30;
const MAX_NAME = 256;
const MAX_MESSAGE = 1000;
const MAX_IMAGES = 10_000_000;
/** An image's path inside its package, and a class name as a CSV's label column gives it. */
const MAX_PATH = 4096;
const MAX_CLASS = 256;
class ResultsDocumentError extends errors/* CancerAiError */.hz {
}
class Reader {
    value;
    where;
    constructor(value, where) {
        this.value = value;
        this.where = where;
    }
    fail(field, expected) {
        throw new ResultsDocumentError(`${this.where}: ${field} must be ${expected}`);
    }
    text(field, max = MAX_NAME, pattern) {
        const v = this.value[field];
        if (typeof v !== "string" || v.length > max || (pattern && !pattern.test(v)))
            this.fail(field, `a string of at most ${max} characters`);
        return v;
    }
    optionalText(field) {
        return this.value[field] === undefined ? undefined : this.text(field);
    }
    number(field, min, max, whole = false) {
        const v = this.value[field];
        if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) {
            this.fail(field, `${whole ? "a whole number" : "a number"} from ${min} to ${max}`);
        }
        return v;
    }
    numbers(field, length, min, max, whole = false) {
        const v = this.value[field];
        const ok = (x) => typeof x === "number" && Number.isFinite(x) && x >= min && x <= max && (!whole || Number.isInteger(x));
        if (!Array.isArray(v) || v.length !== length || !v.every(ok))
            this.fail(field, `${length} numbers from ${min} to ${max}`);
        return v;
    }
    object(field) {
        const v = this.value[field];
        if (typeof v !== "object" || v === null || Array.isArray(v))
            this.fail(field, "an object");
        return new Reader(v, `${this.where}, ${field}`);
    }
}
function readVerdict(r) {
    const fault = r.text("fault");
    if (fault !== "model" && fault !== "package")
        throw new ResultsDocumentError(`verdict fault must be "model" or "package"`);
    return { fault, code: r.text("code", 64, /^[a-z0-9-]+$/), message: r.text("message", MAX_MESSAGE) };
}
function readResult(value, competition, where) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new ResultsDocumentError(`${where} is not an object`);
    const r = new Reader(value, where);
    const classes = competition.classes.length;
    if (r.text("competition_id") !== competition.id)
        throw new ResultsDocumentError(`${where}: competition_id is not ${competition.id}`);
    const risk = r.object("risk_category_scores");
    const risks = ["high_risk", "medium_risk", "benign"];
    const matrix = value.confusion_matrix;
    if (!Array.isArray(matrix) || matrix.length !== classes)
        throw new ResultsDocumentError(`${where}: confusion_matrix must be ${classes} rows`);
    const confusion = matrix.map((row, i) => new Reader({ row }, `${where}, confusion_matrix row ${i}`).numbers("row", classes, 0, MAX_IMAGES, true));
    const verdict = value.verdict === undefined ? undefined : readVerdict(r.object("verdict"));
    return {
        competition_id: competition.id,
        dataset: r.text("dataset"),
        dataset_uri: r.optionalText("dataset_uri"),
        dataset_date: r.optionalText("dataset_date"),
        model_sha256: r.text("model_sha256", 64, /^[0-9a-f]{64}$/),
        model_size_mb: r.number("model_size_mb", 0, 1_000_000),
        tested_entries: r.number("tested_entries", 0, MAX_IMAGES, true),
        run_time_s: r.number("run_time_s", 0, 1e9),
        accuracy: r.number("accuracy", 0, 1),
        precision: r.number("precision", 0, 1),
        recall: r.number("recall", 0, 1),
        fbeta: r.number("fbeta", 0, 1),
        weighted_f1: r.number("weighted_f1", 0, 1),
        efficiency_score: r.number("efficiency_score", 0, 1),
        score: r.number("score", 0, 1),
        f1_by_class: r.numbers("f1_by_class", classes, 0, 1),
        class_weights: r.numbers("class_weights", classes, 0, 100),
        confusion_matrix: confusion,
        risk_category_scores: Object.fromEntries(risks.map((k) => [k, risk.number(k, 0, 1)])),
        predictions: readPredictions(value.predictions, where),
        ...(verdict && { verdict }),
    };
}
/**
 * Each image's file and classes, for the delta's interval against the base
 * branch (a comment never lists images); the probabilities are left behind.
 * A file without predictions gives a report without intervals.
 */
function readPredictions(value, where) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || value.length > MAX_IMAGES)
        throw new ResultsDocumentError(`${where}: predictions must be a list`);
    return value.map((item, i) => {
        if (typeof item !== "object" || item === null)
            throw new ResultsDocumentError(`${where}: prediction ${i + 1} is not an object`);
        const r = new Reader(item, `${where}, prediction ${i + 1}`);
        return {
            file: r.text("file", MAX_PATH),
            label: r.text("label", MAX_CLASS),
            predicted: r.text("predicted", MAX_CLASS),
            probabilities: [],
        };
    });
}
/**
 * The report in a results.json (one package's result, or a run over several),
 * checked field by field. The run's score is recomputed from the packages'.
 */
function parseResultsDocument(value, competition, source) {
    const doc = (typeof value === "object" && value !== null ? value : {});
    const items = Array.isArray(doc.datasets) ? doc.datasets : [value];
    if (items.length === 0 || items.length > MAX_DATASETS) {
        throw new ResultsDocumentError(`${source}: datasets must hold 1 to ${MAX_DATASETS} packages`);
    }
    const datasets = items.map((item, i) => readResult(item, competition, items.length > 1 ? `${source}, package ${i + 1}` : source));
    return (0,run/* runReport */.qi)(competition.id, datasets);
}

// EXTERNAL MODULE: ./src/report/baseline.ts
var report_baseline = __webpack_require__(67355);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 84 modules
var artifact = __webpack_require__(77935);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/options.ts
var options = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
;// CONCATENATED MODULE: ./src/action/artifacts.ts
/**
 * The run's report as a workflow artifact: results.json, predictions.csv and
 * the comment (for the fork-safe two-stage pattern, where a workflow_run job
 * with a write token posts what the pull request job could not).
 */








const PENDING_COMMENT_FILE = "comment.json";
function artifactServiceAvailable() {
    return Boolean(process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL);
}
/** Uploads the files; without the artifact service (local runs) warns once and returns undefined. */
async function uploadReport(name, files, log) {
    if (!artifactServiceAvailable()) {
        log.warning("the Actions artifact service is not available here (no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL): the report is " +
            "not uploaded as an artifact");
        return undefined;
    }
    const tmp = await (0,temp/* makeTempDir */.m)("cancer-ai-artifact-", process.env.RUNNER_TEMP || external_node_os_default().tmpdir());
    const dir = tmp.path;
    const paths = [];
    for (const [file, content] of Object.entries(files)) {
        paths.push(external_node_path_default().join(dir, file));
        await (0,promises_.writeFile)(external_node_path_default().join(dir, file), content);
    }
    try {
        const { id } = await new artifact/* DefaultArtifactClient */.t9().uploadArtifact(name, paths, dir, { retentionDays: 30 });
        log.info(`artifact ${name} uploaded (${Object.keys(files).join(", ")})`);
        return id;
    }
    catch (err) {
        log.warning(`uploading artifact ${name} failed, continuing: ${(0,retry/* describeError */.Uc)(err)}`);
        return undefined;
    }
    finally {
        await tmp.remove();
    }
}
/** Bigger than any results.json of 30 packages of thousands of images: a larger file is not one this action wrote. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
async function readJsonFile(file, what) {
    const info = await (0,promises_.stat)(file).catch(() => undefined);
    if (!info?.isFile())
        throw new errors/* CancerAiError */.hz(`${what} is missing: the artifact was not made by this action's evaluate mode on a pull request`);
    if (info.size > MAX_REPORT_BYTES)
        throw new errors/* CancerAiError */.hz(`${what} is ${info.size} bytes, more than this action ever writes: not posting`);
    try {
        return JSON.parse(await (0,promises_.readFile)(file, "utf8"));
    }
    catch (err) {
        throw new errors/* CancerAiError */.hz(`${what} is not valid JSON (${(0,retry/* describeError */.Uc)(err)}): not posting`);
    }
}
/** Reads the report another workflow run (a pull request's first stage) uploaded. */
async function downloadPullRequestReport(name, source) {
    const findBy = { token: source.token, workflowRunId: source.runId, repositoryOwner: source.owner, repositoryName: source.repo };
    const client = new artifact/* DefaultArtifactClient */.t9();
    const tmp = await (0,temp/* makeTempDir */.m)("cancer-ai-pending-", process.env.RUNNER_TEMP || external_node_os_default().tmpdir());
    const dir = tmp.path;
    try {
        const { artifact } = await client.getArtifact(name, { findBy });
        await client.downloadArtifact(artifact.id, { path: dir, findBy });
    }
    catch (err) {
        throw new errors/* CancerAiError */.hz(`cannot fetch artifact "${name}" of run ${source.runId}: ${(0,retry/* describeError */.Uc)(err)} (does the pull request workflow ` +
            `upload it, and may this token read actions?)`);
    }
    const where = `artifact "${name}" of run ${source.runId}`;
    const pending = (await readJsonFile(external_node_path_default().join(dir, PENDING_COMMENT_FILE), `${PENDING_COMMENT_FILE} in ${where}`));
    if (!Number.isSafeInteger(pending?.issueNumber) ||
        pending.issueNumber < 1 ||
        typeof pending.headSha !== "string" ||
        !/^[0-9a-f]{40}$/.test(pending.headSha) ||
        (pending.reportId !== undefined && (typeof pending.reportId !== "string" || !options/* REPORT_ID */.P$.test(pending.reportId)))) {
        throw new errors/* CancerAiError */.hz(`${PENDING_COMMENT_FILE} in ${where} is malformed (it needs issueNumber, a 40-hex headSha and, if any, a ` +
            `report-id slug): not posting`);
    }
    const results = await readJsonFile(external_node_path_default().join(dir, "results.json"), `results.json in ${where}`);
    await tmp.remove();
    const reportId = pending.reportId === undefined ? {} : { reportId: pending.reportId };
    return { pending: { issueNumber: pending.issueNumber, headSha: pending.headSha, ...reportId }, results };
}
/**
 * Downloads this workflow run's shard artifacts (<name>-shard-<i>-of-<n>),
 * each into its own folder under dir; returns those folders.
 */
async function downloadShardArtifacts(name, dir, log) {
    if (!artifactServiceAvailable()) {
        throw new errors/* InputError */.dz("mode merge reads the shard artifacts of this workflow run, but the Actions artifact service is not available " +
            "here: give shards-path (files or folders of cancer-ai-shard-*.json)");
    }
    const client = new artifact/* DefaultArtifactClient */.t9();
    const prefix = `${name}-shard-`;
    try {
        const { artifacts } = await client.listArtifacts({ latest: true });
        // Exactly <name>-shard-<i>-of-<n>: another report-id's shards may share the prefix.
        const shards = artifacts
            .filter((a) => a.name.startsWith(prefix) && /^\d+-of-\d+$/.test(a.name.slice(prefix.length)))
            .sort((a, b) => a.name.localeCompare(b.name));
        if (shards.length === 0) {
            throw new errors/* CancerAiError */.hz(`this workflow run has no artifact named ${prefix}*: the merge job must come after (needs:) the matrix jobs run ` +
                `with shard: i/n and the same artifact-name`);
        }
        const folders = [];
        for (const artifact of shards) {
            const folder = external_node_path_default().join(dir, artifact.name);
            await client.downloadArtifact(artifact.id, { path: folder });
            folders.push(folder);
        }
        log.info(`downloaded ${shards.length} shard artifacts: ${shards.map((a) => a.name).join(", ")}`);
        return folders;
    }
    catch (err) {
        if (err instanceof errors/* CancerAiError */.hz)
            throw err;
        throw new errors/* CancerAiError */.hz(`cannot download the shard artifacts of this run: ${(0,retry/* describeError */.Uc)(err)}`);
    }
}

;// CONCATENATED MODULE: ./src/action/comment.ts

/**
 * One comment per competition, or per competition and report-id (a matrix of models). Without a
 * report-id the marker is the one earlier versions wrote, so their comments are still found; with
 * one it is never a prefix of another's (upsertComment matches by prefix).
 */
const commentMarker = (competitionId, reportId) => reportId === undefined ? `<!-- cancer-ai-action:${competitionId} -->` : `<!-- cancer-ai-action:${competitionId}:${reportId} -->`;
/** A login as REST and GraphQL both spell it: REST names apps "github-actions[bot]", GraphQL "github-actions". */
const sameLogin = (a, b) => a !== undefined && b !== undefined && a.replace(/\[bot\]$/, "").toLowerCase() === b.replace(/\[bot\]$/, "").toLowerCase();
/**
 * Who the token writes as. GITHUB_TOKEN cannot read /user, but GraphQL's
 * viewer answers for every kind of token; undefined when it cannot be told.
 */
async function ownLogin(octokit) {
    try {
        return (await octokit.graphql("query { viewer { login } }")).viewer.login;
    }
    catch {
        return undefined;
    }
}
async function upsertComment(octokit, target, marker, body) {
    const { owner, repo, issueNumber } = target;
    const login = await ownLogin(octokit);
    // Only a comment this identity wrote is ours: anyone can quote the marker in their own.
    const ours = (c) => login === undefined ? c.user?.type === "Bot" : sameLogin(c.user?.login, login);
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    })) {
        const existing = page.data.find((c) => ours(c) && c.body?.startsWith(marker));
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            return { url: data.html_url, created: false };
        }
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { url: data.html_url, created: true };
}
/** The token may not write here: a fork's read-only token, or a job without `pull-requests: write`. */
function isPermissionError(err) {
    const status = (0,retry/* httpStatus */.nG)(err);
    return status === 401 || status === 403;
}

// EXTERNAL MODULE: ./src/config/config.ts
var config = __webpack_require__(81122);
// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/action/context.ts
/**
 * What every mode of the action shares: the configuration read from the
 * inputs, the log, the work folders and the hub client options.
 */








const actionLog = (0,log/* groupingLog */.GN)({
    info: (message) => core/* info */.pq((0,util_text/* logSafe */.sN)(message)),
    // core.warning escapes its message itself: it is a workflow command.
    warning: (message) => core/* warning */.$e(message),
    startGroup: (title) => core/* startGroup */.Oh(title),
    endGroup: () => core/* endGroup */.N4(),
});
/** The job summary may hold 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024;
/** Masks every secret input (and the mnemonic's normalised spelling) before anything can print it. */
function maskSecrets() {
    for (const name of options/* OPTION_NAMES */.TM) {
        if (!(0,options/* specOf */.rI)(name).secret)
            continue;
        const value = core/* getInput */.V4(name);
        if (!value)
            continue;
        core/* setSecret */.Pq(value);
        const words = value.trim().split(/\s+/).join(" ");
        if (words !== value)
            core/* setSecret */.Pq(words);
    }
}
/** The secret inputs' values (and the mnemonic's normalised spelling), longest first. */
function secretValues() {
    const values = new Set();
    for (const name of options/* OPTION_NAMES */.TM) {
        if (!(0,options/* specOf */.rI)(name).secret)
            continue;
        const value = core/* getInput */.V4(name);
        if (!value)
            continue;
        values.add(value);
        values.add(value.trim().split(/\s+/).join(" "));
    }
    return [...values].filter((v) => v.trim() !== "").sort((a, b) => b.length - a.length);
}
/** Text with every secret input's value replaced by ***, for what the runner does not mask (a file it reads later). */
function redactSecrets(text) {
    return secretValues().reduce((t, secret) => t.split(secret).join("***"), text);
}
/** The inputs as one validated configuration (an empty input takes action.yml's default). */
function readInputs() {
    return (0,config/* readConfig */.Xg)({ value: (name) => core/* getInput */.V4(name), defaultOf: config/* actionDefault */.QT, label: (name) => `input ${name}` });
}
function workDir(...parts) {
    return external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), "cancer-ai", ...parts);
}
/** A new, empty folder under the work folder (a self-hosted runner may keep RUNNER_TEMP between jobs). */
async function freshDir(prefix) {
    await (0,promises_.mkdir)(workDir(), { recursive: true });
    return (0,promises_.mkdtemp)(external_node_path_default().join(workDir(), `${prefix}-`));
}

;// CONCATENATED MODULE: ./src/report/predictions.ts
function csvField(value) {
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/** predictions.csv: one row per image, the class scores in model output order. */
function predictionsCsv(result, competition) {
    const head = ["file", "label", "predicted", ...competition.classes.map((c) => c.short)];
    const rows = result.predictions.map((p) => [p.file, p.label, p.predicted, ...p.probabilities.map(String)]);
    return [head, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

// EXTERNAL MODULE: ./src/util/files.ts
var util_files = __webpack_require__(75787);
// EXTERNAL MODULE: ./src/report/bootstrap.ts
var bootstrap = __webpack_require__(63776);
// EXTERNAL MODULE: ./src/report/gate.ts
var report_gate = __webpack_require__(18347);
;// CONCATENATED MODULE: ./src/report/comparison.ts




function compareWithBase(rule, report, competition, baseline, forecast) {
    const baseScore = (0,report_baseline/* comparableScore */.Ji)(baseline, report);
    const intervals = (0,bootstrap/* scoreDeltaIntervals */.fB)(report, baseline, competition);
    const gate = (0,report_gate/* applyGate */.e)(report, baseScore, rule, forecast, intervals.overall);
    return { baseScore, intervals, gate, footer: (0,markdown/* gateFooter */.HL)(gate) };
}

// EXTERNAL MODULE: ./src/report/forecast.ts
var report_forecast = __webpack_require__(33441);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
;// CONCATENATED MODULE: ./src/action/cache.ts
/**
 * Keeping files between workflow runs with the Actions cache service. Outside
 * Actions (a laptop, another CI) there is no service: the store says so once
 * and every call is a miss, so callers need no special case.
 */


function actionsCache(log) {
    let warned = false;
    const available = () => {
        if (cache/* isFeatureAvailable */.w3())
            return true;
        if (!warned) {
            log.warning("the Actions cache service is not available here (no ACTIONS_RESULTS_URL): nothing is cached between runs");
            warned = true;
        }
        return false;
    };
    return {
        async restore(paths, key, restoreKeys = []) {
            if (!available())
                return undefined;
            try {
                return await cache/* restoreCache */.P3(paths, key, restoreKeys);
            }
            catch (err) {
                log.warning(`cache restore of ${key} failed, continuing without it: ${(0,retry/* describeError */.Uc)(err)}`);
                return undefined;
            }
        },
        async save(paths, key) {
            if (!available())
                return false;
            try {
                return (await cache/* saveCache */.Io(paths, key)) !== -1;
            }
            catch (err) {
                log.warning(`cache save of ${key} failed, continuing: ${(0,retry/* describeError */.Uc)(err)}`);
                return false;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/action/report.ts
/**
 * After an evaluation or a merge: the results file, job summary, pull
 * request comment, report artifact, baseline and score gate; with a
 * forecast (compare: leaderboard), its report, forecast.json and min-rank.
 */















/** The Actions cache when the cache input allows it. */
const cacheFor = (config) => (config.cache ? actionsCache(actionLog) : undefined);
/** Posts (or updates) the comment; a token that may not write gets a notice, not a failure. */
async function postComment(token, target, marker, body) {
    if (!token) {
        core/* notice */.lm("no github-token: the pull request comment is skipped (the job summary has the report)");
        return undefined;
    }
    try {
        const { url, created } = await upsertComment((0,github/* getOctokit */.Q)(token), target, marker, body);
        actionLog.info(`${created ? "posted" : "updated"} the report comment: ${url}`);
        return url;
    }
    catch (err) {
        if (!isPermissionError(err))
            throw err;
        core/* notice */.lm(`the token may not comment on #${target.issueNumber} (${(0,retry/* describeError */.Uc)(err)}): give the job "pull-requests: write", ` +
            `or use the two-stage workflow for forks`);
        return undefined;
    }
}
/** The score report, then the forecast (at most half the room), then the gate's verdict: within limit. */
function reportBody(report, competition, forecast, options) {
    if (!forecast)
        return (0,markdown/* markdownReport */.qN)(report, competition, options);
    const part = (0,report_forecast/* forecastMarkdown */.Tb)(forecast, competition, { limit: Math.floor(options.limit / 2) });
    const footer = options.footer ? `\n\n${options.footer}` : "";
    const score = (0,markdown/* markdownReport */.qN)(report, competition, {
        ...options,
        footer: undefined,
        limit: options.limit - part.length - footer.length - 2,
    });
    return `${score}\n\n${part}${footer}`;
}
/** The run against the base branch's baseline, under the configured gate; the delta's interval goes to the log. */
function compareForRun(config, report, competition, baseline, forecast) {
    const rule = {
        minScore: config.minScore,
        maxScoreDrop: config.maxScoreDrop,
        significantDropsOnly: config.significantDropsOnly,
        minRank: config.minRank,
    };
    const compared = compareWithBase(rule, report, competition, baseline, forecast);
    const { overall } = compared.intervals;
    if (overall)
        actionLog.info(`score delta against ${baseline?.branch}: ${(0,bootstrap/* intervalText */.Bt)(overall)}`);
    return compared;
}
/** score − base, 6 decimals; empty without either. */
const scoreDelta = (score, base) => score === null || base === undefined ? "" : (score - base).toFixed(6);
/** Reports the run everywhere it belongs and applies the score gate; true when the gate passed. */
async function reportAndGate(config, event, report, competition, cache, forecast) {
    const resultsPath = await (0,util_files/* writeJson */.GF)(config.resultsPath, (0,run/* resultsDocument */.UL)(report));
    if (forecast) {
        actionLog.info((0,report_forecast/* forecastText */.xn)(forecast));
        actionLog.info(`forecast written to ${await (0,util_files/* writeJson */.GF)((0,report_forecast/* forecastPath */.Jt)(config.resultsPath), forecast)}`);
    }
    const pr = event.pullRequest;
    const push = event.defaultBranchPush;
    const { reportId } = config;
    const baselineDir = workDir("baseline");
    let baseline;
    if (pr && cache)
        baseline = await (0,report_baseline/* restoreBaseline */.W3)(cache, baselineDir, competition.id, pr.baseRef, actionLog, reportId);
    // A push's baseline carries the branch's history on: the previous push's points and its own.
    let saving;
    if (push && cache && report.score !== null) {
        const previous = config.history > 0 ? await (0,report_baseline/* restoreBaseline */.W3)(cache, baselineDir, competition.id, push.branch, actionLog, reportId) : undefined;
        saving = (0,report_baseline/* withHistory */.$k)((0,report_baseline/* toBaseline */.Fd)({ ...report, score: report.score }, push.branch, event.sha), previous, config.history);
    }
    const history = saving
        ? (0,report_baseline/* baselineHistory */.yD)(saving, config.history)
        : (0,report_baseline/* baselineHistory */.yD)(baseline, config.history, pr && { number: pr.number, score: report.score });
    const { baseScore, ...compared } = compareForRun(config, report, competition, baseline, forecast);
    const { gate } = compared;
    const marker = commentMarker(competition.id, reportId);
    const shared = { ...compared, baseline, baseBranch: pr && cache ? pr.baseRef : undefined, reportId, history };
    const body = reportBody(report, competition, forecast, { ...shared, marker, limit: markdown/* COMMENT_LIMIT */.W$ });
    await core/* summary */.z.addRaw(reportBody(report, competition, forecast, { ...shared, limit: SUMMARY_LIMIT }), true).write();
    let commentUrl;
    const files = { "results.json": `${JSON.stringify((0,run/* resultsDocument */.UL)(report), null, 2)}\n` };
    for (const d of report.datasets)
        files[report.datasets.length === 1 ? "predictions.csv" : `predictions-${d.dataset}.csv`] = predictionsCsv(d, competition);
    if (forecast)
        files["forecast.json"] = `${JSON.stringify(forecast, null, 2)}\n`;
    if (pr) {
        const pending = { issueNumber: pr.number, headSha: pr.headSha, ...(reportId ? { reportId } : {}) };
        files[PENDING_COMMENT_FILE] = JSON.stringify(pending);
        if (!config.comment)
            actionLog.info("comment: false, so no pull request comment");
        else if (pr.fromFork) {
            core/* notice */.lm("pull request from a fork: its token cannot comment, so the comment is in the report artifact for a workflow_run " +
                "job (mode: comment-from-artifact)");
        }
        else
            commentUrl = await postComment(config.githubToken, { owner: event.owner, repo: event.repo, issueNumber: pr.number }, marker, body);
    }
    await uploadReport(config.artifactName, files, actionLog);
    if (saving && cache)
        await (0,report_baseline/* saveBaseline */.XY)(cache, baselineDir, competition.id, saving, actionLog, reportId);
    const first = report.datasets[0];
    core/* setOutput */.uH("score", report.score ?? "");
    core/* setOutput */.uH("accuracy", first.accuracy);
    core/* setOutput */.uH("weighted-f1", first.weighted_f1);
    core/* setOutput */.uH("efficiency", first.efficiency_score);
    core/* setOutput */.uH("base-score", baseScore ?? "");
    core/* setOutput */.uH("score-delta", scoreDelta(report.score, baseScore));
    core/* setOutput */.uH("passed", gate.passed);
    core/* setOutput */.uH("results-path", resultsPath);
    core/* setOutput */.uH("comment-url", commentUrl ?? "");
    core/* setOutput */.uH("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
    core/* setOutput */.uH("rank", forecast?.candidate.rank ?? "");
    core/* setOutput */.uH("rank-of", forecast?.candidate.rank_of ?? "");
    if (forecast)
        actionLog.info(`forecast: ${(0,report_forecast/* forecastHeadline */.Wq)(forecast)}`);
    actionLog.info(report.score === null
        ? `${(0,markdown/* scoreLine */.VH)(report)}; results in ${resultsPath}`
        : `score ${report.score} (accuracy ${first.accuracy}, weighted F1 ${first.weighted_f1}, efficiency ` +
            `${first.efficiency_score}); results in ${resultsPath}`);
    if (!gate.passed)
        core/* setFailed */.C1(`score gate: ${gate.reasons.join("; ")}`);
    return gate.passed;
}

;// CONCATENATED MODULE: ./src/action/comment-from-artifact.ts
/**
 * Mode comment-from-artifact: the second stage for forks. It runs on
 * workflow_run with a write token and posts the comment the pull request's
 * job could not. That job ran the fork's code, so nothing it wrote is posted
 * as it is: the comment is rebuilt here from its results.json, checked field
 * by field, under this action's own marker.
 */











async function commentFromArtifactMode(config, event) {
    const run = event.workflowRun;
    if (!run)
        throw new errors/* UsageError */.eb("mode comment-from-artifact runs on a workflow_run event (see the README's two-stage workflow)");
    const token = config.githubToken;
    if (!token)
        throw new errors/* UsageError */.eb("mode comment-from-artifact needs github-token with actions: read and pull-requests: write");
    const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
    const name = config.artifactName;
    const { pending, results } = await downloadPullRequestReport(name, { token, runId: run.id, owner: event.owner, repo: event.repo });
    // Only post to the pull request whose head is the commit that run built.
    const { data: pull } = await (0,github/* getOctokit */.Q)(token).rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: pending.issueNumber });
    if (pull.head.sha !== run.headSha || pending.headSha !== run.headSha) {
        throw new errors/* CancerAiError */.hz(`artifact "${name}" names pull request #${pending.issueNumber}, whose head is not the commit run ${run.id} built: not posting`);
    }
    // The marker comes from this step's own report-id; the artifact's may only agree with it.
    const { reportId } = config;
    if (pending.reportId !== reportId) {
        const said = (id) => (id === undefined ? "no report-id" : `report-id ${id}`);
        throw new errors/* CancerAiError */.hz(`artifact "${name}" was made with ${said(pending.reportId)}, but this step has ${said(reportId)}: give both steps the same ` +
            `report-id (a matrix of models needs a comment-from-artifact step per report-id); not posting`);
    }
    const report = parseResultsDocument(results, competition, `results.json in artifact "${name}"`);
    const cache = cacheFor(config);
    const baseBranch = cache ? pull.base.ref : undefined;
    const baseline = cache
        ? await (0,report_baseline/* restoreBaseline */.W3)(cache, workDir("baseline"), competition.id, pull.base.ref, actionLog, reportId)
        : undefined;
    const { intervals, gate, footer } = compareForRun(config, report, competition, baseline);
    const history = (0,report_baseline/* baselineHistory */.yD)(baseline, config.history, { number: pending.issueNumber, score: report.score });
    const marker = commentMarker(competition.id, reportId);
    const body = (0,markdown/* markdownReport */.qN)(report, competition, { baseline, baseBranch, gate, intervals, footer, reportId, history, marker });
    const target = { owner: event.owner, repo: event.repo, issueNumber: pending.issueNumber };
    core/* setOutput */.uH("comment-url", (await postComment(token, target, marker, body)) ?? "");
}

// EXTERNAL MODULE: ./src/config/requests.ts
var requests = __webpack_require__(77966);
// EXTERNAL MODULE: ./src/engine/shard.ts
var engine_shard = __webpack_require__(20914);
// EXTERNAL MODULE: ./src/engine/shard-files.ts
var shard_files = __webpack_require__(54316);
// EXTERNAL MODULE: ./src/release/forecast.ts + 4 modules
var release_forecast = __webpack_require__(61381);
// EXTERNAL MODULE: ./src/util/cache-store.ts
var cache_store = __webpack_require__(37086);
;// CONCATENATED MODULE: ./src/action/evaluate.ts
/**
 * Mode evaluate: score the model on the competition's packages (or one shard of their rows); with
 * compare: leaderboard, also forecast its rank among the models committed on the subnet now.
 */













/** Evaluates, then reports and gates (a shard only publishes its predictions); true when the gate passed. */
async function evaluateMode(config, event) {
    await (0,util_files/* checkOutputPath */.$b)(config.resultsPath, "input results-path");
    const cache = cacheFor(config);
    const places = { log: actionLog, cache: cache ?? cache_store/* noCache */.w, downloadDir: workDir("datasets") };
    const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
    if (config.compare === "leaderboard") {
        await (0,util_files/* checkOutputPath */.$b)((0,report_forecast/* forecastPath */.Jt)(config.resultsPath), "input results-path");
        // Committed models are kept by SHA-256 in the work folder, and in the Actions cache between runs.
        const models = { dir: workDir("models"), cache: places.cache };
        const { report, forecast } = await (0,release_forecast/* runForecast */.V)((0,requests/* forecastRequest */.H7)(config, { ...places, models }));
        return reportAndGate(config, event, report, competition, cache, forecast);
    }
    const report = await (0,run/* runEvaluation */.K2)((0,requests/* runRequest */.BN)(config, places));
    if (config.shard) {
        await publishShard(config, report, config.shard);
        return true;
    }
    return reportAndGate(config, event, report, competition, cache);
}
/** A shard's predictions, for the merge job: a file in the workspace and an artifact of the run. */
async function publishShard(config, report, shard) {
    const file = (0,shard_files/* shardFileName */.iN)(shard);
    const content = (0,shard_files/* shardFileContent */.Mi)(report.datasets);
    const shardPath = await (0,util_files/* writeWhole */.f8)(file, content);
    await uploadReport(`${config.artifactName}-shard-${shard.index}-of-${shard.count}`, { [file]: content }, actionLog);
    const lines = report.datasets.map((d) => `- ${d.dataset_uri ?? d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
    const summary = [
        `### CancerAI shard ${(0,engine_shard/* formatShard */._D)(shard)}`,
        "",
        ...lines,
        "",
        "The score is computed by the merge job (`mode: merge`) from all shards.",
    ];
    await core/* summary */.z.addRaw(summary.join("\n"), true).write();
    core/* setOutput */.uH("shard-path", shardPath);
    core/* setOutput */.uH("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
    actionLog.info(`shard ${(0,engine_shard/* formatShard */._D)(shard)}: predictions in ${shardPath}; mode merge scores the union of all shards`);
}

// EXTERNAL MODULE: ./src/release/chain.ts
var chain = __webpack_require__(92500);
// EXTERNAL MODULE: ./src/release/errors.ts
var release_errors = __webpack_require__(85178);
;// CONCATENATED MODULE: ./src/action/failure.ts
/**
 * A run that ends with an error still leaves a job summary: what failed, and
 * what to do about it. The error classes carry the actionable message; this
 * adds the one next step their kind calls for.
 */





/** The step's one-line failure, as core.setFailed shows it. */
function failureMessage(err) {
    const message = err instanceof Error ? err.message : String(err);
    return err instanceof errors/* CancerAiError */.hz ? message : `unexpected failure: ${message}`;
}
/** What to do next, by the kind of failure. */
function failureAdvice(err) {
    if (err instanceof errors/* InputError */.dz)
        return "Fix the input or workflow step the message names (see the README's inputs), then re-run.";
    if (err instanceof release_errors/* HubUnavailableError */.am || err instanceof chain/* ChainConnectionError */.Wk || (!(err instanceof errors/* CancerAiError */.hz) && (0,retry/* isTransient */.dg)(err)))
        return "A service did not answer: re-run the job; if it keeps failing, check HuggingFace's or the subtensor node's status.";
    if (err instanceof errors/* ModelError */.me || err instanceof errors/* InferenceError */.uZ)
        return "Fix the model file as the message says (its path, or its export for the competition), then re-run.";
    if (err instanceof errors/* DatasetError */.zm)
        return "Fix the dataset package (or the dataset input) the message names, then re-run.";
    if (err instanceof release_errors/* ReleaseRefusedError */.gN)
        return "Nothing was released: change what the message says, then run the release again.";
    if (err instanceof errors/* CancerAiError */.hz)
        return "Act on the message above, then re-run.";
    return "Re-run the job; if it fails the same way, open an issue with this log.";
}
/** The job summary of a failed run; `redact` removes the secret inputs' values (the messages should hold none). */
function failureSummary(err, redact = (text) => text) {
    const message = (0,util_text/* markdownText */.p7)(redact(failureMessage(err)), 4000);
    return [`### ❌ cancer-ai-action failed: ${message}`, "", redact(failureAdvice(err)), ""].join("\n");
}

;// CONCATENATED MODULE: ./src/action/event.ts
/** What the triggering GitHub event means for a run, read once from the Actions context. */

const obj = (v) => (typeof v === "object" && v !== null ? v : {});
function readEvent(context = github/* context */._) {
    const payload = obj(context.payload);
    // context.repo throws without GITHUB_REPOSITORY (a local run); the payload or nothing will do then.
    const fullName = process.env.GITHUB_REPOSITORY || String(obj(payload.repository).full_name ?? "/");
    const [owner = "", repo = ""] = fullName.split("/");
    const base = { owner, repo, sha: context.sha };
    const pr = obj(payload.pull_request);
    if (typeof pr.number === "number") {
        const headRepo = obj(obj(pr.head).repo).full_name;
        const baseRepo = obj(obj(pr.base).repo).full_name;
        return {
            ...base,
            pullRequest: {
                number: pr.number,
                baseRef: String(obj(pr.base).ref ?? ""),
                headSha: String(obj(pr.head).sha ?? context.sha),
                fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
            },
        };
    }
    const run = obj(payload.workflow_run);
    if (context.eventName === "workflow_run" && typeof run.id === "number") {
        return { ...base, workflowRun: { id: run.id, headSha: String(run.head_sha ?? "") } };
    }
    if (context.eventName === "push" && context.ref?.startsWith("refs/tags/")) {
        return { ...base, tagPush: { tag: context.ref.slice("refs/tags/".length) } };
    }
    const defaultBranch = obj(payload.repository).default_branch;
    if (context.eventName === "push" && typeof defaultBranch === "string" && context.ref === `refs/heads/${defaultBranch}`) {
        return { ...base, defaultBranchPush: { branch: defaultBranch } };
    }
    return base;
}

// EXTERNAL MODULE: ./src/release/self-check.ts
var self_check = __webpack_require__(5802);
// EXTERNAL MODULE: ./src/release/summary.ts
var summary = __webpack_require__(67709);
;// CONCATENATED MODULE: ./src/action/leaderboard.ts
/** Mode leaderboard-check: every commitment of the competition on the subnet, read-only, in the job summary. */






async function leaderboardMode(config) {
    const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
    const rows = await (0,self_check/* leaderboard */.W2)(config.network, config.netuid, competition, (0,requests/* hubOptions */.I2)(config, actionLog));
    await core/* summary */.z.addRaw((0,summary/* leaderboardMarkdown */.pO)(rows, competition, config.netuid), true).write();
    actionLog.info(`${rows.length} commitments for ${competition.id} on subnet ${config.netuid}`);
}

;// CONCATENATED MODULE: ./src/action/merge.ts
/** Mode merge: the shards' predictions, from shards-path or this run's artifacts, scored as one runner would. */







async function mergeMode(config, event) {
    const competition = (0,competition_competition/* getCompetition */.Q0)(config.competitionId);
    const inputs = config.shardsPath?.length
        ? config.shardsPath
        : await downloadShardArtifacts(config.artifactName, await freshDir("shards"), actionLog);
    const docs = await (0,shard_files/* readShardFiles */.WP)(inputs, actionLog);
    const datasets = (0,engine_shard/* mergeShardRuns */.$y)(docs, competition);
    actionLog.info(`merged ${docs.length} shard documents: ${datasets.map((d) => `${d.dataset} (${d.tested_entries} images)`).join(", ")}`);
    return reportAndGate(config, event, (0,run/* runReport */.qi)(competition.id, datasets), competition, cacheFor(config));
}

// EXTERNAL MODULE: ./src/release/release.ts + 2 modules
var release = __webpack_require__(64399);
// EXTERNAL MODULE: ./src/release/window.ts
var release_window = __webpack_require__(3753);
;// CONCATENATED MODULE: ./src/action/release.ts
/** Mode release: upload to HuggingFace, commit on chain, record the extrinsic; or, with dry-run, only check and print. */







async function releaseMode(config, event) {
    const request = (0,requests/* releaseRequest */.Rv)(config, actionLog, workDir("release"), event.tagPush?.tag);
    await (0,promises_.mkdir)(request.workDir, { recursive: true });
    if (config.dryRun) {
        const plan = await (0,release/* dryRun */.PA)(request);
        const as = plan.hotkey ? `as ${plan.hotkey}` : "(no hotkey: submit is false)";
        core/* info */.pq(`dry run: would commit ${plan.commitment} ${as}; call data ${plan.call_data}; model file ${plan.model_name}`);
        core/* setOutput */.uH("model-hash", plan.model_hash);
        core/* setOutput */.uH("commitment", plan.commitment);
        core/* setOutput */.uH("hotkey", plan.hotkey ?? "");
        return;
    }
    const onChain = request.submit ? ` and subnet ${request.netuid} on ${request.network}` : " (upload only)";
    const result = await core/* group */.Os(`Release to ${request.repoId}${onChain}`, () => (0,release/* release */._r)(request));
    core/* setOutput */.uH("model-hash", result.modelHash);
    core/* setOutput */.uH("commitment", result.commitment);
    core/* setOutput */.uH("extrinsic", result.extrinsic ?? "");
    core/* setOutput */.uH("hotkey", result.hotkey ?? "");
    core/* setOutput */.uH("hf-url", result.hfUrl);
    if (result.eligibleFrom) {
        const from = `eligible from ${(0,release_window/* utc */.n$)(result.eligibleFrom)} (block ${result.committedBlock})`;
        core/* notice */.lm(`${from}: validators score the model on packages released from then on`);
    }
    await core/* summary */.z.addRaw((0,summary/* releaseSummary */.kU)(result), true).write();
}

;// CONCATENATED MODULE: ./src/action/self-check.ts
/** Mode self-check: what a validator would do to the committed model; fails the step if it would be rejected. */








async function selfCheckMode(config) {
    const hotkey = await (0,requests/* hotkeyOf */.Sj)(config);
    const modelDir = workDir("self-check");
    await (0,promises_.mkdir)(modelDir, { recursive: true });
    const request = (0,requests/* selfCheckRequest */.sK)(config, hotkey, {
        log: actionLog,
        cache: actionsCache(actionLog),
        downloadDir: workDir("datasets"),
        modelDir,
    });
    const result = await core/* group */.Os(`Self-check of ${hotkey}`, () => (0,self_check/* selfCheck */.p6)(request));
    core/* info */.pq((0,summary/* checklistText */.QL)(result));
    const resultsPath = await (0,util_files/* writeJson */.GF)(config.resultsPath, (0,summary/* selfCheckJson */.js)(result));
    await core/* summary */.z.addRaw((0,summary/* checklistMarkdown */.a5)(result), true).write();
    core/* setOutput */.uH("passed", result.passed);
    core/* setOutput */.uH("results-path", resultsPath);
    core/* setOutput */.uH("hotkey", hotkey);
    if (result.evaluation)
        core/* setOutput */.uH("score", result.evaluation.score);
    if (!result.passed) {
        const failed = result.checks.filter((c) => c.status === "fail").map((c) => `${c.name}: ${c.detail}`);
        core/* setFailed */.C1(`self-check: ${failed.join("; ")}`);
    }
}

;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The GitHub Action: reads the inputs once, then hands the run to its mode.
 * Modes: evaluate (the default; one shard of the rows with `shard`), merge,
 * release, self-check, leaderboard-check and comment-from-artifact.
 */












/**
 * Earlier versions released on any tag push with hf-repo-id set, even in mode evaluate. A release
 * costs the hotkey a scoring window, so it now takes mode: release; a workflow written for the old
 * behaviour is told so, loudly, instead of releasing or staying silent.
 */
function implicitReleaseNotice(mode, event, hfRepoId) {
    if (mode !== "evaluate" || !event.tagPush || hfRepoId === undefined)
        return undefined;
    return (`not releasing: this tag push (${event.tagPush.tag}) sets hf-repo-id, but mode is evaluate, which only scores the model. ` +
        `Releases run only with mode: release (earlier versions released here implicitly): set mode: release on the release step.`);
}
async function runAction() {
    maskSecrets();
    try {
        const config = readInputs();
        const event = readEvent();
        switch (config.mode) {
            case "comment-from-artifact":
                return await commentFromArtifactMode(config, event);
            case "self-check":
                return await selfCheckMode(config);
            case "leaderboard-check":
                return await leaderboardMode(config);
            case "merge":
                await mergeMode(config, event);
                return;
            case "evaluate":
            case "release": {
                // Releasing is explicit: only mode release publishes and commits, and never on a pull request.
                const releasing = config.mode === "release";
                if (releasing && event.pullRequest)
                    throw new errors/* UsageError */.eb("releases never run on pull requests: run mode release on a tag push");
                if (releasing && config.shard)
                    throw new errors/* UsageError */.eb("a release evaluates on one runner: remove shard from the release step");
                const notice = implicitReleaseNotice(config.mode, event, config.hfRepoId);
                if (notice)
                    core/* warning */.$e(notice);
                const passed = await evaluateMode(config, event);
                if (releasing && !passed)
                    core/* error */.z3("not releasing: the score gate failed");
                else if (releasing)
                    await releaseMode(config, event);
                return;
            }
        }
    }
    catch (err) {
        core/* setFailed */.C1(failureMessage(err));
        await writeFailureSummary(err);
    }
}
/** A failed run still says in the job summary what failed and what to do (without a summary file, nothing). */
async function writeFailureSummary(err) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await core/* summary */.z.addRaw(failureSummary(err, redactSecrets), true).write();
    }
    catch (summaryErr) {
        core/* warning */.$e(`the job summary could not be written: ${(0,retry/* describeError */.Uc)(summaryErr)}`);
    }
}


/***/ })

};
