/** A local hub and a local subtensor node, with helpers to release models and to tamper with what was released. */
import { Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import { cryptoWaitReady, mnemonicGenerate } from "@polkadot/util-crypto";
import path from "node:path";
import { connect, submitCommitment } from "../../src/release/chain.js";
import { getCompetition } from "../../src/competition/competition.js";
import type { Log } from "../../src/util/log.js";
import type { ReleaseRequest } from "../../src/release/release.js";
import { disconnectApis, startChainNode, type ChainNode } from "../servers/chain.js";
import { startHubServer, type HubServer } from "../servers/hub.js";
import { EXAMPLE_DIR, REPO } from "./golden.js";
import { tempDir } from "./temp.js";

export const quiet: Log = { info: () => {}, warning: () => {}, group: (_, work) => work() };

export interface ReleaseEnv {
  hub: HubServer;
  chain: ChainNode;
  /** A fresh hotkey, registered on 76 unless told otherwise. */
  newHotkey(register?: boolean): Promise<{ mnemonic: string; pair: KeyringPair }>;
  request(mnemonic: string, overrides?: Partial<ReleaseRequest>): Promise<ReleaseRequest>;
  /** Commits any text as `pair`, bypassing the release checks (to tamper). */
  commitRaw(pair: KeyringPair, text: string): Promise<string>;
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
    async close() {
      await disconnectApis();
      await Promise.all([hub.close(), chain.close()]);
    },
  };
}
