/**
 * The committed bundle (dist/ is rebuilt with every change; the check-dist
 * workflow proves it is the build of src/), started as the Actions runner starts
 * it (`node dist/index.js`) and as the CLI does (bin/cancer-ai.js), on
 * platforms faked by a preload module:
 * - off glibc Linux the platform check must speak first, with the runners to
 *   use, before anything opens a native binary (ncc hoists static imports of
 *   the externals to the top of dist/index.js, where they would crash first);
 * - on this machine the natives must still load from dist/node_modules, in
 *   the preprocessing workers too;
 * - an unreachable chain must fail with one line, under every Node the suite
 *   runs on (under Node 24 it used to exit 13 with no output).
 */
import { execFile } from "node:child_process";
import { cp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { EXAMPLE_DIR, REPO, exampleExpected } from "./helpers/golden.js";
import { runAction } from "./helpers/runner.js";
import { tempDir } from "./helpers/temp.js";

const run = promisify(execFile);

/** Preload modules that make this machine look like another platform, as early as `node --import` runs them. */
const FAKES = {
  darwin: `Object.defineProperty(process, "platform", { value: "darwin" });\n`,
  win32: `Object.defineProperty(process, "platform", { value: "win32" });\n`,
  // Alpine: no glibc in the process report, and the glibc builds of the .node files cannot be loaded.
  musl: [
    "const getReport = process.report.getReport.bind(process.report);",
    "process.report.getReport = (...args) => { const report = getReport(...args); delete " +
      "report.header.glibcVersionRuntime; return report; };",
    `process.dlopen = () => { throw new Error("Error relocating onnxruntime_binding.node: __memcpy_chk: symbol not found"); };`,
    "",
  ].join("\n"),
};
type Fake = keyof typeof FAKES;
const WHERE: Record<Fake, string> = {
  darwin: `darwin/${process.arch}`,
  win32: `win32/${process.arch}`,
  musl: `linux/${process.arch} (musl)`,
};
const refusal = (fake: Fake): string =>
  `cancer-ai-action runs on Linux x64 and arm64 runners with glibc (runs-on: ubuntu-latest or ubuntu-24.04-arm); this is ${WHERE[fake]}.`;

const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The well-known development account "Alice": any valid SS58 address will do. */
const HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

/** A folder laid out like a clone without node_modules: action.yml, package.json, bin/ and dist/. */
let clone = "";
const preloads = {} as Record<Fake, string>;

beforeAll(async () => {
  clone = await tempDir();
  for (const entry of ["action.yml", "package.json", "bin", "dist"])
    await cp(path.join(REPO, entry), path.join(clone, entry), { recursive: true });
  const fakes = await tempDir();
  for (const [fake, code] of Object.entries(FAKES)) {
    const file = path.join(fakes, `${fake}.mjs`);
    await writeFile(file, code);
    preloads[fake as Fake] = pathToFileURL(file).href;
  }
}, 60_000);

function cli(args: string[], nodeArgs: string[] = []): Promise<Exit> {
  return run(process.execPath, [...nodeArgs, path.join(clone, "bin", "cancer-ai.js"), ...args], {
    cwd: clone,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: Exit) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(Object.keys(FAKES) as Fake[])("on %s", (fake) => {
  it("the action fails the step with one ::error:: naming the supported runners", async () => {
    const r = await runAction({
      actionDir: clone,
      inputs: { "model-path": path.join(EXAMPLE_DIR, "model.onnx"), dataset: path.join(EXAMPLE_DIR, "dataset") },
      env: { NODE_OPTIONS: `--import=${preloads[fake]}` },
    });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toEqual([expect.stringContaining(`::error::${refusal(fake)}`)]);
  });

  it("the CLI exits 1 with one line naming the supported runners", async () => {
    const r = await cli(["evaluate"], ["--import", preloads[fake]]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`error: ${refusal(fake)}`)]);
  });
});

describe("on this machine", () => {
  it("the CLI loads the natives from dist/node_modules, in worker threads too", async () => {
    const r = await cli([
      "evaluate",
      "--model",
      path.join(EXAMPLE_DIR, "model.onnx"),
      "--dataset",
      path.join(EXAMPLE_DIR, "dataset"),
      "--threads",
      "2",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`score                               ${exampleExpected.metrics.score.toFixed(6)}`);
    expect(r.stderr).toMatch(/2 worker threads/);
    expect(r.stderr).not.toMatch(/could not start/);
  });
});

describe(`against an unreachable chain (Node ${process.versions.node})`, () => {
  it("the CLI's self-check exits 1 with one line", async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`;
    const r = await cli(["self-check", "--hotkey", HOTKEY, "--network", url]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^error: cannot reach the chain at ${literally(url)}: .+; check the network`)),
    ]);
  });

  it("the action's self-check fails the step with one ::error::", async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`;
    const r = await runAction({ actionDir: clone, inputs: { mode: "self-check", hotkey: HOTKEY, network: url, evaluate: "false" } });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((line) => line.startsWith("::error::"))).toEqual([
      expect.stringMatching(new RegExp(`^::error::cannot reach the chain at ${literally(url)}: .+; check the network`)),
    ]);
  });
});
