#!/usr/bin/env node
/**
 * Extracts real subtensor runtime metadata for the local test chain (__tests__/servers/chain.ts).
 *
 * The metadata ships inside the npm package @bitgo/sdk-coin-tao (dist/src/resources/{mainnet,testnet}.js).
 * That package is NOT a project dependency (it pulls a large SDK): this script `npm pack`s it into a temp
 * folder, reads the resource file, checks the pieces the tests rely on and writes a small JSON fixture.
 *
 *   node scripts/subtensor-metadata.mjs [mainnet|testnet] [package-version]
 *   -> __tests__/fixtures/subtensor/<network>-spec<specVersion>.json
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Metadata, TypeRegistry } from "@polkadot/types";

const network = process.argv[2] ?? "mainnet";
const pkgVersion = process.argv[3] ?? "1.16.4";
const PACKAGE = "@bitgo/sdk-coin-tao";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const dir = mkdtempSync(path.join(tmpdir(), "sdk-coin-tao-"));
try {
  execFileSync("npm", ["pack", `${PACKAGE}@${pkgVersion}`, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tgz) throw new Error("npm pack produced no tarball");
  execFileSync("tar", ["xzf", tgz], { cwd: dir });
  const file = `dist/src/resources/${network}.js`;
  const material = Object.values(createRequire(import.meta.url)(path.join(dir, "package", file)))[0];

  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, material.metadata);
  registry.setMetadata(metadata);
  const v14 = metadata.asV14;
  const pallet = (name) => {
    const p = v14.pallets.find((x) => x.name.eq(name));
    if (!p) throw new Error(`metadata has no ${name} pallet`);
    return p;
  };
  const variants = (p, kind) => registry.lookup.getSiType(p[kind].unwrap().type).def.asVariant.variants.map((v) => v.name.toString());
  const storage = (p) => p.storage.unwrap().items.map((i) => i.name.toString());
  const commitments = pallet("Commitments");
  const subtensor = pallet("SubtensorModule");
  const setCommitment = registry.lookup
    .getSiType(commitments.calls.unwrap().type)
    .def.asVariant.variants.find((v) => v.name.eq("set_commitment"));
  if (!setCommitment) throw new Error("Commitments has no set_commitment call");
  for (const [have, want] of [
    [storage(commitments), ["CommitmentOf"]],
    [storage(subtensor), ["Uids", "Keys"]],
    [variants(commitments, "errors"), ["AccountNotAllowedCommit"]],
  ]) {
    for (const w of want) if (!have.includes(w)) throw new Error(`metadata lacks ${w}`);
  }
  const systemVersion = pallet("System").constants.find((c) => c.name.eq("Version"));
  const version = registry.createType("RuntimeVersion", systemVersion.value).toJSON();

  const fixture = {
    source: { package: PACKAGE, version: pkgVersion, file, at: material.at },
    chainName: material.chainName,
    specName: material.specName,
    specVersion: Number(material.specVersion),
    transactionVersion: Number(material.txVersion),
    genesisHash: material.genesisHash,
    properties: { ss58Format: 42, tokenDecimals: 9, tokenSymbol: "TAO" },
    runtimeVersion: version,
    checked: {
      setCommitmentCallIndex: [commitments.index.toNumber(), setCommitment.index.toNumber()],
      setCommitmentArgs: setCommitment.fields.map((f) => `${f.name.toString()}: ${f.typeName.toString()}`),
      commitmentsErrors: variants(commitments, "errors"),
      commitmentsEvents: variants(commitments, "events"),
      commitmentsStorage: storage(commitments),
      signedExtensions: v14.extrinsic.signedExtensions.map((s) => s.identifier.toString()),
    },
    metadata: material.metadata,
  };
  if (version.specVersion !== fixture.specVersion || version.transactionVersion !== fixture.transactionVersion) {
    throw new Error(`System.Version (${version.specVersion}/${version.transactionVersion}) disagrees with the package's own facts`);
  }
  const out = path.join(root, "__tests__", "fixtures", "subtensor", `${network}-spec${fixture.specVersion}.json`);
  writeFileSync(out, JSON.stringify(fixture, null, 1) + "\n");
  console.log(
    `${path.relative(root, out)}: ${fixture.specName} spec ${fixture.specVersion}, metadata v${metadata.version}, ` +
      `set_commitment at ${fixture.checked.setCommitmentCallIndex}`,
  );
  console.log(JSON.stringify(fixture.checked, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
