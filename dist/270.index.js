export const id = 270;
export const ids = [270];
export const modules = {

/***/ 54270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionLog: () => (/* binding */ actionLog),
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 84 modules
var artifact = __webpack_require__(77935);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
;// CONCATENATED MODULE: ./src/artifacts.ts
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
        log.warning("the Actions artifact service is not available here (no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL): the report is not uploaded as an artifact");
        return undefined;
    }
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), "cancer-ai-artifact-"));
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
}
/** Reads the pending comment another workflow run uploaded. */
async function downloadPendingComment(name, source) {
    const findBy = { token: source.token, workflowRunId: source.runId, repositoryOwner: source.owner, repositoryName: source.repo };
    const client = new artifact/* DefaultArtifactClient */.t9();
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), "cancer-ai-pending-"));
    await (0,promises_.mkdir)(dir, { recursive: true });
    try {
        const { artifact } = await client.getArtifact(name, { findBy });
        await client.downloadArtifact(artifact.id, { path: dir, findBy });
    }
    catch (err) {
        throw new errors/* CancerAiError */.hz(`cannot fetch artifact "${name}" of run ${source.runId}: ${(0,retry/* describeError */.Uc)(err)} (does the pull request workflow upload it, and may this token read actions?)`);
    }
    const raw = await (0,promises_.readFile)(external_node_path_default().join(dir, PENDING_COMMENT_FILE), "utf8").catch(() => {
        throw new errors/* CancerAiError */.hz(`artifact "${name}" of run ${source.runId} has no ${PENDING_COMMENT_FILE}: it was not made by this action's evaluate mode on a pull request`);
    });
    const pending = JSON.parse(raw);
    if (typeof pending.issueNumber !== "number" || typeof pending.body !== "string" || typeof pending.marker !== "string" || typeof pending.headSha !== "string") {
        throw new errors/* CancerAiError */.hz(`${PENDING_COMMENT_FILE} in artifact "${name}" is malformed`);
    }
    return pending;
}
/**
 * Downloads this workflow run's shard artifacts (<name>-shard-<i>-of-<n>),
 * each into its own folder under dir; returns those folders.
 */
async function downloadShardArtifacts(name, dir, log) {
    if (!artifactServiceAvailable()) {
        throw new errors/* InputError */.dz("mode merge reads the shard artifacts of this workflow run, but the Actions artifact service is not available here: give shards-path (files or folders of cancer-ai-shard-*.json)");
    }
    const client = new artifact/* DefaultArtifactClient */.t9();
    const prefix = `${name}-shard-`;
    try {
        const { artifacts } = await client.listArtifacts({ latest: true });
        const shards = artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
        if (shards.length === 0) {
            throw new errors/* CancerAiError */.hz(`this workflow run has no artifact named ${prefix}*: the merge job must come after (needs:) the matrix jobs run with shard: i/n and the same artifact-name`);
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

// EXTERNAL MODULE: ./src/baseline.ts
var src_baseline = __webpack_require__(89860);
// EXTERNAL MODULE: ./src/cache.ts
var src_cache = __webpack_require__(97377);
;// CONCATENATED MODULE: ./src/comment.ts

const commentMarker = (competitionId) => `<!-- cancer-ai-action:${competitionId} -->`;
async function upsertComment(octokit, target, marker, body) {
    const { owner, repo, issueNumber } = target;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })) {
        const existing = page.data.find((c) => c.body?.includes(marker));
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

// EXTERNAL MODULE: ./src/competition.ts
var src_competition = __webpack_require__(82884);
;// CONCATENATED MODULE: ./src/event.ts
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

;// CONCATENATED MODULE: ./src/gate.ts
/** The score gate: fail on a low score or on a drop against the base branch. */
function applyGate(score, baselineScore, rule) {
    const reasons = [];
    const f = (v) => v.toFixed(6);
    if (rule.minScore !== undefined && score < rule.minScore) {
        reasons.push(`score ${f(score)} is below min-score ${f(rule.minScore)}`);
    }
    if (rule.maxScoreDrop !== undefined && baselineScore !== undefined && baselineScore - score > rule.maxScoreDrop) {
        reasons.push(`score ${f(score)} dropped ${f(baselineScore - score)} from the base branch's ${f(baselineScore)}, more than max-score-drop ${f(rule.maxScoreDrop)}`);
    }
    return { passed: reasons.length === 0, reasons };
}

// EXTERNAL MODULE: ./src/pipeline.ts
var pipeline = __webpack_require__(15165);
// EXTERNAL MODULE: ./src/hub.ts
var src_hub = __webpack_require__(92096);
// EXTERNAL MODULE: ./src/results.ts
var results = __webpack_require__(69385);
// EXTERNAL MODULE: ./src/release.ts
var release = __webpack_require__(84202);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(70665);
// EXTERNAL MODULE: ./src/hotkey.ts
var src_hotkey = __webpack_require__(19373);
// EXTERNAL MODULE: ./src/selfcheck.ts
var selfcheck = __webpack_require__(52877);
// EXTERNAL MODULE: ./src/run.ts + 9 modules
var run = __webpack_require__(74672);
// EXTERNAL MODULE: ./src/shard.ts
var src_shard = __webpack_require__(67903);
// EXTERNAL MODULE: ./src/shard-files.ts
var shard_files = __webpack_require__(87357);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The GitHub Action: wires inputs and the triggering event to the engine
 * and its reporting modules. Modes: `evaluate` (the default; one shard of
 * the rows with `shard`), `merge` (the shards' union), `release`,
 * `self-check`, `leaderboard-check` and `comment-from-artifact` (the second
 * stage of fork-safe PR comments).
 */
























const actionLog = {
    info: (message) => core/* info */.pq(message),
    warning: (message) => core/* warning */.$e(message),
    group: (title, work) => core/* group */.Os(title, work),
};
/** The job summary may hold 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024;
function numberInput(name) {
    const raw = core/* getInput */.V4(name);
    if (raw === "")
        return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value))
        throw new errors/* InputError */.dz(`input ${name} must be a number, got "${raw}"`);
    return value;
}
/** A boolean input, with its action.yml default when the runner passed none (older runners, local runs). */
function booleanInput(name, fallback) {
    return core/* getInput */.V4(name) === "" ? fallback : core/* getBooleanInput */.Vt(name);
}
/** The hub endpoint and token every HuggingFace call of a run uses. */
function hubOptions(hfToken) {
    return { hubUrl: core/* getInput */.V4("hf-endpoint") || src_hub/* DEFAULT_HUB_URL */.Sc, accessToken: hfToken || undefined, log: actionLog };
}
function workDir(...parts) {
    return external_node_path_default().join(process.env.RUNNER_TEMP || external_node_os_default().tmpdir(), "cancer-ai", ...parts);
}
/** A new, empty folder under the work folder (a self-hosted runner may keep RUNNER_TEMP between jobs). */
async function freshDir(prefix) {
    await (0,promises_.mkdir)(workDir(), { recursive: true });
    return (0,promises_.mkdtemp)(external_node_path_default().join(workDir(), `${prefix}-`));
}
/** Posts (or updates) the comment; a token that may not write gets a notice, not a failure. */
async function postComment(token, target, marker, body) {
    if (!token) {
        core/* notice */.lm("no github-token: the pull request comment is skipped (the job summary has the report)");
        return undefined;
    }
    try {
        const { url, created } = await upsertComment((0,github/* getOctokit */.Q)(token), target, marker, body);
        core/* info */.pq(`${created ? "posted" : "updated"} the report comment: ${url}`);
        return url;
    }
    catch (err) {
        if (!isPermissionError(err))
            throw err;
        core/* notice */.lm(`the token may not comment on #${target.issueNumber} (${(0,retry/* describeError */.Uc)(err)}): give the job "pull-requests: write", or use the two-stage workflow for forks`);
        return undefined;
    }
}
/** Evaluates (all rows, or one shard of them), then reports and gates; true when the gate passed. */
async function evaluateMode(event, hfToken, githubToken) {
    const competition = (0,src_competition/* getCompetition */.Q0)(core/* getInput */.V4("competition-id") || src_competition/* DEFAULT_COMPETITION */.Wr);
    const count = numberInput("dataset-count") ?? 1;
    if (!Number.isInteger(count) || count < 1)
        throw new errors/* InputError */.dz(`input dataset-count must be a whole number of at least 1, got ${count}`);
    const shard = core/* getInput */.V4("shard") ? (0,src_shard/* parseShard */.uK)(core/* getInput */.V4("shard")) : undefined;
    const cache = booleanInput("cache", true) ? (0,src_cache/* actionsCache */.k)(actionLog) : undefined;
    const report = await (0,run/* runEvaluation */.K2)({
        modelPath: core/* getInput */.V4("model-path", { required: true }),
        dataset: core/* getInput */.V4("dataset") || "latest",
        competition,
        count,
        configRepo: core/* getInput */.V4("datasets-config-repo") || src_hub/* DEFAULT_CONFIG_REPO */.C1,
        hub: hubOptions(hfToken),
        cache: cache ?? src_cache/* noCache */.w,
        downloadDir: workDir("datasets"),
        threads: (0,pipeline/* parseThreads */.Js)(core/* getInput */.V4("threads")),
        shard,
    });
    if (shard) {
        await publishShard(report, shard);
        return true;
    }
    return reportAndGate(event, report, competition, cache, githubToken);
}
/** A shard's predictions, for the merge job: a file in the workspace and an artifact of the run. */
async function publishShard(report, shard) {
    const file = (0,shard_files/* shardFileName */.iN)(shard);
    const content = (0,shard_files/* shardFileContent */.Mi)(report.datasets);
    const shardPath = await (0,results/* writeWhole */.f8)(file, content);
    await uploadReport(`${artifactName()}-shard-${shard.index}-of-${shard.count}`, { [file]: content }, actionLog);
    const lines = report.datasets.map((d) => `- ${d.dataset_uri ?? d.dataset}: ${d.tested_entries} of ${d.shard?.total_entries} images`);
    await core/* summary */.z.addRaw([`### CancerAI shard ${(0,src_shard/* formatShard */._D)(shard)}`, "", ...lines, "", "The score is computed by the merge job (`mode: merge`) from all shards."].join("\n"), true).write();
    core/* setOutput */.uH("shard-path", shardPath);
    core/* setOutput */.uH("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
    core/* info */.pq(`shard ${(0,src_shard/* formatShard */._D)(shard)}: predictions in ${shardPath}; mode merge scores the union of all shards`);
}
/** The shards' predictions, from shards-path or this run's artifacts, scored as one runner would; then reported and gated. */
async function mergeMode(event, githubToken) {
    const competition = (0,src_competition/* getCompetition */.Q0)(core/* getInput */.V4("competition-id") || src_competition/* DEFAULT_COMPETITION */.Wr);
    const given = core/* getInput */.V4("shards-path").split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
    const inputs = given.length ? given : await downloadShardArtifacts(artifactName(), await freshDir("shards"), actionLog);
    const docs = await (0,shard_files/* readShardFiles */.WP)(inputs, actionLog);
    const datasets = (0,src_shard/* mergeShardRuns */.$y)(docs, competition);
    core/* info */.pq(`merged ${docs.length} shard documents: ${datasets.map((d) => `${d.dataset} (${d.tested_entries} images)`).join(", ")}`);
    const cache = booleanInput("cache", true) ? (0,src_cache/* actionsCache */.k)(actionLog) : undefined;
    return reportAndGate(event, (0,run/* runReport */.qi)(competition.id, datasets), competition, cache, githubToken);
}
const artifactName = () => core/* getInput */.V4("artifact-name") || "cancer-ai-report";
/** The results file, job summary, PR comment, report artifact, baseline and score gate; true when the gate passed. */
async function reportAndGate(event, report, competition, cache, githubToken) {
    const resultsPath = await (0,results/* writeResults */.KB)(core/* getInput */.V4("results-path") || "cancer-ai-results.json", (0,run/* resultsDocument */.UL)(report));
    const pr = event.pullRequest;
    let baseline;
    if (pr && cache)
        baseline = await (0,src_baseline/* restoreBaseline */.W3)(cache, workDir("baseline"), competition.id, pr.baseRef, actionLog);
    const gate = applyGate(report.score, (0,src_baseline/* comparableScore */.Ji)(baseline, report), { minScore: numberInput("min-score"), maxScoreDrop: numberInput("max-score-drop") });
    const verdict = gate.passed ? "" : `**Score gate failed:** ${gate.reasons.join("; ")}.`;
    const marker = commentMarker(competition.id);
    const body = (0,src_report/* markdownReport */.qN)(report, competition, { baseline, marker, footer: verdict });
    await core/* summary */.z.addRaw((0,src_report/* markdownReport */.qN)(report, competition, { baseline, footer: verdict, limit: SUMMARY_LIMIT }), true).write();
    let commentUrl;
    const files = { "results.json": `${JSON.stringify((0,run/* resultsDocument */.UL)(report), null, 2)}\n` };
    for (const d of report.datasets)
        files[report.datasets.length === 1 ? "predictions.csv" : `predictions-${d.dataset}.csv`] = (0,results/* predictionsCsv */.N5)(d, competition);
    if (pr) {
        const pending = { issueNumber: pr.number, headSha: pr.headSha, marker, body };
        files[PENDING_COMMENT_FILE] = JSON.stringify(pending);
        if (!booleanInput("comment", true))
            core/* info */.pq("comment: false, so no pull request comment");
        else if (pr.fromFork)
            core/* notice */.lm("pull request from a fork: its token cannot comment, so the comment is in the report artifact for a workflow_run job (mode: comment-from-artifact)");
        else
            commentUrl = await postComment(githubToken, { owner: event.owner, repo: event.repo, issueNumber: pr.number }, marker, body);
    }
    await uploadReport(artifactName(), files, actionLog);
    if (event.defaultBranchPush && cache)
        await (0,src_baseline/* saveBaseline */.XY)(cache, workDir("baseline"), competition.id, (0,src_baseline/* toBaseline */.Fd)(report, event.defaultBranchPush.branch, event.sha), actionLog);
    const first = report.datasets[0];
    core/* setOutput */.uH("score", report.score);
    core/* setOutput */.uH("accuracy", first.accuracy);
    core/* setOutput */.uH("weighted-f1", first.weighted_f1);
    core/* setOutput */.uH("efficiency", first.efficiency_score);
    core/* setOutput */.uH("passed", gate.passed);
    core/* setOutput */.uH("results-path", resultsPath);
    core/* setOutput */.uH("comment-url", commentUrl ?? "");
    core/* setOutput */.uH("dataset", report.datasets.map((d) => d.dataset_uri ?? d.dataset).join(","));
    core/* info */.pq(`score ${report.score} (accuracy ${first.accuracy}, weighted F1 ${first.weighted_f1}, efficiency ${first.efficiency_score}); results in ${resultsPath}`);
    if (!gate.passed)
        core/* setFailed */.C1(`score gate: ${gate.reasons.join("; ")}`);
    return gate.passed;
}
/** Uploads to HuggingFace, commits on chain, records the extrinsic; or, with dry-run, only checks and prints. */
async function releaseMode(hfToken, mnemonic) {
    const repoId = core/* getInput */.V4("hf-repo-id");
    if (!repoId)
        throw new errors/* InputError */.dz("releasing needs hf-repo-id (the public HuggingFace model repository, owner/name)");
    const request = {
        modelPath: core/* getInput */.V4("model-path", { required: true }),
        repoId,
        modelName: core/* getInput */.V4("hf-model-name") || undefined,
        codeDir: core/* getInput */.V4("code-directory") || undefined,
        competition: (0,src_competition/* getCompetition */.Q0)(core/* getInput */.V4("competition-id") || src_competition/* DEFAULT_COMPETITION */.Wr),
        hub: hubOptions(hfToken),
        network: core/* getInput */.V4("network") || "finney",
        netuid: numberInput("netuid") ?? 76,
        mnemonic,
        submit: booleanInput("submit", true),
        workDir: workDir("release"),
    };
    if (request.submit && !mnemonic)
        throw new errors/* InputError */.dz("releasing with submit: true needs hotkey-mnemonic (from a secret)");
    await (0,promises_.mkdir)(request.workDir, { recursive: true });
    if (booleanInput("dry-run", false)) {
        const plan = await (0,release/* dryRun */.PA)(request);
        core/* info */.pq(`dry run: would commit ${plan.commitment} as ${plan.hotkey}; call data ${plan.call_data}`);
        core/* setOutput */.uH("model-hash", plan.model_hash);
        core/* setOutput */.uH("commitment", plan.commitment);
        core/* setOutput */.uH("hotkey", plan.hotkey);
        return;
    }
    const result = await core/* group */.Os(`Release to ${repoId}${request.submit ? ` and subnet ${request.netuid} on ${request.network}` : ""}`, () => (0,release/* release */._r)(request));
    core/* setOutput */.uH("model-hash", result.modelHash);
    core/* setOutput */.uH("commitment", result.commitment);
    core/* setOutput */.uH("extrinsic", result.extrinsic ?? "");
    core/* setOutput */.uH("hotkey", result.hotkey);
    core/* setOutput */.uH("hf-url", result.hfUrl);
    await core/* summary */.z.addRaw((0,src_report/* releaseSummary */.kU)(result), true).write();
}
/** What a validator would do to the committed model; fails the step if it would be rejected. */
async function selfCheckMode(hfToken, mnemonic) {
    const hotkey = core/* getInput */.V4("hotkey") || (mnemonic ? (await (0,src_hotkey/* hotkeyFromMnemonic */.t)(mnemonic)).address : "");
    if (!hotkey)
        throw new errors/* InputError */.dz("mode self-check needs hotkey (SS58 address) or hotkey-mnemonic");
    const competition = (0,src_competition/* getCompetition */.Q0)(core/* getInput */.V4("competition-id") || src_competition/* DEFAULT_COMPETITION */.Wr);
    const hub = hubOptions(hfToken);
    const modelDir = workDir("self-check");
    await (0,promises_.mkdir)(modelDir, { recursive: true });
    const result = await core/* group */.Os(`Self-check of ${hotkey}`, () => (0,selfcheck/* selfCheck */.p6)({
        hotkey,
        network: core/* getInput */.V4("network") || "finney",
        netuid: numberInput("netuid") ?? 76,
        competition,
        hub,
        configRepo: core/* getInput */.V4("datasets-config-repo") || src_hub/* DEFAULT_CONFIG_REPO */.C1,
        evaluate: booleanInput("evaluate", true)
            ? { dataset: core/* getInput */.V4("dataset") || "latest", count: numberInput("dataset-count") ?? 1, cache: (0,src_cache/* actionsCache */.k)(actionLog), downloadDir: workDir("datasets"), modelDir }
            : undefined,
    }));
    core/* info */.pq((0,src_report/* checklistText */.QL)(result));
    const resultsPath = await (0,results/* writeResults */.KB)(core/* getInput */.V4("results-path") || "cancer-ai-results.json", result);
    await core/* summary */.z.addRaw((0,src_report/* checklistMarkdown */.a5)(result), true).write();
    core/* setOutput */.uH("passed", result.passed);
    core/* setOutput */.uH("results-path", resultsPath);
    core/* setOutput */.uH("hotkey", hotkey);
    if (result.evaluation)
        core/* setOutput */.uH("score", result.evaluation.score);
    if (!result.passed)
        core/* setFailed */.C1(`self-check: ${result.checks.filter((c) => c.status === "fail").map((c) => `${c.name}: ${c.detail}`).join("; ")}`);
}
/** Every commitment of the competition on the subnet, read-only, in the job summary. */
async function leaderboardMode(hfToken) {
    const competition = (0,src_competition/* getCompetition */.Q0)(core/* getInput */.V4("competition-id") || src_competition/* DEFAULT_COMPETITION */.Wr);
    const netuid = numberInput("netuid") ?? 76;
    const hub = hubOptions(hfToken);
    const rows = await (0,selfcheck/* leaderboard */.W2)(core/* getInput */.V4("network") || "finney", netuid, competition, hub);
    await core/* summary */.z.addRaw((0,src_report/* leaderboardMarkdown */.pO)(rows, competition, netuid), true).write();
    core/* info */.pq(`${rows.length} commitments for ${competition.id} on subnet ${netuid}`);
}
/** The second stage for forks: runs on workflow_run with a write token and posts the first stage's comment. */
async function commentFromArtifactMode(event, githubToken) {
    if (!event.workflowRun)
        throw new errors/* InputError */.dz("mode comment-from-artifact runs on a workflow_run event (see the README's two-stage workflow)");
    if (!githubToken)
        throw new errors/* InputError */.dz("mode comment-from-artifact needs github-token with actions: read and pull-requests: write");
    const name = artifactName();
    const pending = await downloadPendingComment(name, { token: githubToken, runId: event.workflowRun.id, owner: event.owner, repo: event.repo });
    // The artifact comes from untrusted fork code: only post to the PR whose head is the commit that run built.
    const { data: pull } = await (0,github/* getOctokit */.Q)(githubToken).rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: pending.issueNumber });
    if (pull.head.sha !== event.workflowRun.headSha || pending.headSha !== event.workflowRun.headSha) {
        throw new errors/* CancerAiError */.hz(`artifact "${name}" names pull request #${pending.issueNumber}, whose head is not the commit run ${event.workflowRun.id} built: not posting`);
    }
    if (!pending.marker.startsWith("<!-- cancer-ai-action:") || !pending.body.startsWith(pending.marker)) {
        throw new errors/* CancerAiError */.hz(`artifact "${name}" holds a comment this action did not write: not posting`);
    }
    const url = await postComment(githubToken, { owner: event.owner, repo: event.repo, issueNumber: pending.issueNumber }, pending.marker, pending.body);
    core/* setOutput */.uH("comment-url", url ?? "");
}
async function runAction() {
    // Secrets are masked before anything can print them.
    const hfToken = core/* getInput */.V4("hf-token");
    if (hfToken)
        core/* setSecret */.Pq(hfToken);
    const githubToken = core/* getInput */.V4("github-token");
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    const mnemonic = core/* getInput */.V4("hotkey-mnemonic");
    if (mnemonic) {
        core/* setSecret */.Pq(mnemonic);
        core/* setSecret */.Pq(mnemonic.trim().split(/\s+/).join(" "));
    }
    try {
        const event = readEvent();
        const mode = core/* getInput */.V4("mode") || "evaluate";
        if (mode === "comment-from-artifact")
            await commentFromArtifactMode(event, githubToken);
        else if (mode === "self-check")
            await selfCheckMode(hfToken, mnemonic);
        else if (mode === "leaderboard-check")
            await leaderboardMode(hfToken);
        else if (mode === "merge")
            await mergeMode(event, githubToken);
        else if (mode === "evaluate" || mode === "release") {
            // A tag push with a repository to publish to is a release; a pull request never is.
            const releasing = mode === "release" || (event.tagPush !== undefined && core/* getInput */.V4("hf-repo-id") !== "");
            if (releasing && event.pullRequest)
                throw new errors/* InputError */.dz("releases never run on pull requests: run mode release on a tag push");
            if (releasing && core/* getInput */.V4("shard"))
                throw new errors/* InputError */.dz("a release evaluates on one runner: remove shard from the release step");
            const passed = await evaluateMode(event, hfToken, githubToken);
            if (releasing && !passed)
                core/* error */.z3("not releasing: the score gate failed");
            else if (releasing)
                await releaseMode(hfToken, mnemonic);
        }
        else
            throw new errors/* InputError */.dz(`unknown mode "${mode}": use evaluate, merge, release, self-check, leaderboard-check or comment-from-artifact`);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        core/* setFailed */.C1(err instanceof errors/* CancerAiError */.hz || (err instanceof Error && /^Input required/.test(message)) ? message : `unexpected failure: ${message}`);
    }
}


/***/ })

};
