/** A local hub and a local subtensor node, with helpers to release models and to tamper with what was released. */
import { Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import { cryptoWaitReady, mnemonicGenerate } from "@polkadot/util-crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { stringify } from "yaml";
import { connect, submitCommitment } from "../../src/release/chain.js";
import { getCompetition } from "../../src/competition/competition.js";
import type { Log } from "../../src/util/log.js";
import type { ReleaseRequest } from "../../src/release/release.js";
import { disconnectApis, startChainNode, type ChainNode } from "../servers/chain.js";
import { startHubServer, type HubServer } from "../servers/hub.js";
import { EXAMPLE_DIR, REPO } from "./golden.js";
import { tempDir } from "./temp.js";

export const quiet: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };

/** Substrate's well-known development phrase; with no derivation path its sr25519 account is this address. */
export const DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
export const DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

/** A release of the example model to `hubUrl` (upload only, quick retries), with what a test changes. */
export async function releaseRequest(hubUrl: string, overrides: Partial<ReleaseRequest> = {}): Promise<ReleaseRequest> {
  return {
    modelPath: path.join(EXAMPLE_DIR, "model.onnx"),
    repoId: "miner/skin",
    modelName: "skin-v1.onnx",
    codeDir: path.join(REPO, "__tests__", "fixtures", "code"),
    competition: getCompetition("tricorder-3"),
    hub: { hubUrl, accessToken: "hf_write", log: quiet, retry: { attempts: 2, baseDelayMs: 1 } },
    network: "local",
    netuid: 76,
    mnemonic: DEV_PHRASE,
    submit: false,
    workDir: await tempDir(),
    ...overrides,
  };
}

/** A log that keeps what it is told. */
export function recordingLog(): Log & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (m) => void infos.push(m), warning: (m) => void warnings.push(m), group: (_, work) => work() };
}

/**
 * An action folder that runs the sources instead of dist/ (which only CI rebuilds): action.yml
 * and a dist/index.js that registers tsx and calls src/action/main.ts. runAction() (runner.ts)
 * runs it as the Actions runner runs the bundle.
 */
export async function sourceActionDir(): Promise<string> {
  const dir = await tempDir();
  await mkdir(path.join(dir, "dist"));
  await copyFile(path.join(REPO, "action.yml"), path.join(dir, "action.yml"));
  const tsxPackage = createRequire(path.join(REPO, "package.json")).resolve("tsx/package.json");
  const manifest = JSON.parse(await readFile(tsxPackage, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(path.join(path.dirname(tsxPackage), manifest.exports["./esm/api"].import.default)).href;
  const main = pathToFileURL(path.join(REPO, "src", "action", "main.ts")).href;
  const code = [
    `const { register } = await import(${JSON.stringify(api)});`,
    "register();",
    `await (await import(${JSON.stringify(main)})).runAction();`,
  ].join("\n");
  await writeFile(path.join(dir, "dist", "index.js"), code);
  return dir;
}

export const CONFIG_SPACE = "safescanai/competition-configuration";
export const DATASET_REPO = "safescanai/tricorder-3-data";

export interface ReleaseEnv {
  hub: HubServer;
  chain: ChainNode;
  /** A fresh hotkey, registered on 76 unless told otherwise. */
  newHotkey(register?: boolean): Promise<{ mnemonic: string; pair: KeyringPair }>;
  request(mnemonic: string, overrides?: Partial<ReleaseRequest>): Promise<ReleaseRequest>;
  /** Commits any text as `pair`, bypassing the release checks (to tamper). */
  commitRaw(pair: KeyringPair, text: string): Promise<string>;
  /** Publishes tricorder-3 dataset packages on the hub, committed at these dates (the release window reads their history). */
  publishPackages(dates: string[]): void;
  close(): Promise<void>;
}

export async function startReleaseEnv(): Promise<ReleaseEnv> {
  await cryptoWaitReady();
  const [hub, chain] = await Promise.all([startHubServer(), startChainNode()]);
  const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
  return {
    hub,
    chain,
    async newHotkey(register = true) {
      const mnemonic = mnemonicGenerate();
      const pair = keyring.addFromUri(mnemonic);
      if (register) chain.register(76, pair.address);
      return { mnemonic, pair };
    },
    async request(mnemonic, overrides = {}) {
      return {
        modelPath: path.join(EXAMPLE_DIR, "model.onnx"),
        repoId: "miner/skin",
        modelName: "skin-v1.onnx",
        codeDir: path.join(REPO, "__tests__", "fixtures", "code"),
        competition: getCompetition("tricorder-3"),
        hub: { hubUrl: hub.url, accessToken: "hf_write", log: quiet, retry: { attempts: 2, baseDelayMs: 1 } },
        network: chain.url,
        netuid: 76,
        mnemonic,
        submit: true,
        workDir: await tempDir(),
        ...overrides,
      };
    },
    async commitRaw(pair, text) {
      const api = await connect(chain.url);
      try {
        return (await submitCommitment(api, pair, 76, text, quiet, () => connect(chain.url))).id;
      } finally {
        await disconnectApis(api);
      }
    },
    publishPackages(dates) {
      if (!hub.repo("space", CONFIG_SPACE)) {
        hub.addRepo({ type: "space", name: CONFIG_SPACE });
        const org = { org_id: "safescan", competition_id: "tricorder-3", dataset_hf_repo: DATASET_REPO, dataset_hf_dir: "packages/" };
        hub.putFile("space", CONFIG_SPACE, "datasets/safescan.yaml", stringify([org]));
        hub.addRepo({ type: "dataset", name: DATASET_REPO });
      }
      // Only the listing's dates matter to the window: the packages need no content.
      for (const date of dates)
        hub.putFile("dataset", DATASET_REPO, `packages/${date}.zip`, date, { commitDate: new Date(date), lfs: true });
    },
    async close() {
      await disconnectApis();
      await Promise.all([hub.close(), chain.close()]);
    },
  };
}
