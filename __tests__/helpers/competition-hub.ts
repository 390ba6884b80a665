/** A local hub laid out like the real competition: the configuration space and a dataset repo of zip packages. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { startHubServer, type HubServer } from "../servers/hub.js";
import { EXAMPLE_DIR } from "./golden.js";
import { makeZip } from "./zip.js";

export const CONFIG_SPACE = "safescanai/competition-configuration";
export const DATASET_REPO = "safescanai/tricorder-3-data";

/**
 * A dataset folder (labels.csv + images) as a zip package, its CSV in a
 * subfolder as published packages have it; `note` makes its bytes unique.
 */
export async function datasetPackage(dataset: string, note = ""): Promise<Buffer> {
  const csv = await readFile(path.join(dataset, "labels.csv"));
  const entries = [
    { name: "tricorder/labels.csv", data: csv },
    { name: "tricorder/NOTE.txt", data: Buffer.from(note) },
  ];
  for (const line of csv.toString().trim().split("\n").slice(1)) {
    const file = line.split(",")[0];
    entries.push({ name: `tricorder/${file}`, data: await readFile(path.join(dataset, file)) });
  }
  return makeZip(entries);
}

export const examplePackage = (note = ""): Promise<Buffer> => datasetPackage(path.join(EXAMPLE_DIR, "dataset"), note);

export interface CompetitionHub {
  server: HubServer;
  /** Adds a package committed at `date`. */
  publish(file: string, date: string, content?: Buffer): Promise<void>;
  /**
   * Another configuration space holding `files` ([path, text]), whose tree
   * listing gives them in this order (folders first), whatever their names:
   * for tests of several organisations, broken YAML and listing order.
   */
  addConfig(space: string, files: ReadonlyArray<readonly [string, string | Buffer]>): void;
}

export async function startCompetitionHub(): Promise<CompetitionHub> {
  const server = await startHubServer();
  server.addRepo({ type: "space", name: CONFIG_SPACE });
  server.putFile(
    "space",
    CONFIG_SPACE,
    "datasets/safescan.yaml",
    stringify([
      { org_id: "safescan", competition_id: "tricorder-3", dataset_hf_repo: DATASET_REPO, dataset_hf_dir: "packages/" },
      { org_id: "other", competition_id: "melanoma-1", dataset_hf_repo: "other/melanoma", dataset_hf_dir: "" },
    ]),
  );
  server.putFile("space", CONFIG_SPACE, "README.md", "# configuration\n");
  server.addRepo({ type: "dataset", name: DATASET_REPO });
  server.putFile("dataset", DATASET_REPO, "README.md", "# data\n");
  server.putFile("dataset", DATASET_REPO, "outside/ignored.zip", await examplePackage(), { commitDate: new Date("2030-01-01") });
  return {
    server,
    addConfig(space, files) {
      server.addRepo({ type: "space", name: space });
      for (const [file, text] of files) server.putFile("space", space, file, text, { lfs: false });
      const rank = (p: string): number => files.findIndex(([file]) => file === p);
      server.setTreeOrder("space", space, (a, b) => rank(a) - rank(b));
    },
    async publish(file, date, content) {
      server.putFile("dataset", DATASET_REPO, `packages/${file}`, content ?? (await examplePackage(file)), {
        commitDate: new Date(date),
        lfs: true,
      });
    },
  };
}
