/**
 * What GitHub Marketplace and users rely on, checked on every change instead of at release
 * time: the licence, action.yml's listing metadata, one versioning story (package.json,
 * CHANGELOG.md, the README's `@vN`, the release workflow), and an `engines.node` that the
 * runtime dependencies (all of them, transitively, from package-lock.json) actually accept.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
// @ts-expect-error: a plain .mjs script, typed by its use here
import { notesFor } from "../scripts/release-notes.mjs";
import { compareVersions, formatVersion, minVersion, satisfies, type Version } from "./helpers/engines.js";
import { REPO } from "./helpers/golden.js";

const read = (file: string) => readFileSync(path.join(REPO, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  version: string;
  license: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const action = parse(read("action.yml")) as {
  name: string;
  description: string;
  branding?: { icon?: string; color?: string };
  runs: { using: string };
};
const readme = read("README.md");
const changelog = read("CHANGELOG.md");
const releaseNotes = notesFor as (changelog: string, tag: string) => string | undefined;

/** Marketplace badge colours and icons (Feather 4.28.0 less the omitted ones), from GitHub's metadata syntax reference. */
const COLORS = new Set(["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"]);
const ICONS = new Set(
  `
activity airplay alert-circle alert-octagon alert-triangle align-center align-justify align-left align-right anchor aperture
archive arrow-down-circle arrow-down-left arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right
arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart battery-charging battery bell-off bell
bluetooth bold book-open book bookmark box briefcase calendar camera-off camera cast check-circle check-square check chevron-down
chevron-left chevron-right chevron-up chevrons-down chevrons-left chevrons-right chevrons-up circle clipboard clock cloud-drizzle
cloud-lightning cloud-off cloud-rain cloud-snow cloud code command compass copy corner-down-left corner-down-right
corner-left-down corner-left-up corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop crosshair
database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit external-link eye-off eye fast-forward feather
file-minus file-plus file-text file film filter flag folder-minus folder-plus folder gift git-branch git-commit git-merge
git-pull-request globe grid hard-drive hash headphones heart help-circle home image inbox info italic layers layout life-buoy
link-2 link list loader lock log-in log-out mail map-pin map maximize-2 maximize menu message-circle message-square mic-off mic
minimize-2 minimize minus-circle minus-square minus monitor moon more-horizontal more-vertical move music navigation-2 navigation
octagon package paperclip pause-circle pause percent phone-call phone-forwarded phone-incoming phone-missed phone-off
phone-outgoing phone pie-chart play-circle play plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw
repeat rewind rotate-ccw rotate-cw rss save scissors search send server settings share-2 share shield-off shield shopping-bag
shopping-cart shuffle sidebar skip-back skip-forward slash sliders smartphone speaker square star stop-circle sun sunrise sunset
table tablet tag target terminal thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2 trash trending-down
trending-up triangle truck tv type umbrella underline unlock upload-cloud upload user-check user-minus user-plus user-x user users
video-off video voicemail volume-1 volume-2 volume-x volume watch wifi-off wifi wind x-circle x-square x zap-off zap zoom-in
zoom-out
`
    .trim()
    .split(/\s+/),
);

describe("the licence", () => {
  it("is MIT, in LICENSE, as package.json and the README say", () => {
    expect(existsSync(path.join(REPO, "LICENSE"))).toBe(true);
    const license = read("LICENSE");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} \S/);
    expect(license).toContain("Permission is hereby granted, free of charge, to any person obtaining a copy");
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
    expect(pkg.license).toBe("MIT");
    expect(readme).toMatch(/## License\n\n.*MIT/);
  });
});

describe("action.yml as GitHub Marketplace lists it", () => {
  it("has a name and a description under 125 characters", () => {
    expect(action.name.trim()).not.toBe("");
    expect(action.description.trim()).not.toBe("");
    expect(action.description.length).toBeLessThan(125);
  });

  it("has a badge: a supported Feather icon and colour", () => {
    expect(ICONS.size).toBe(257);
    expect(ICONS.has(action.branding?.icon ?? "")).toBe(true);
    expect(COLORS.has(action.branding?.color ?? "")).toBe(true);
  });
});

describe("the README", () => {
  it("links only to headings it has (the table of contents, cross-references)", () => {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    let fenced = false;
    for (const line of readme.split("\n")) {
      if (line.startsWith("```")) fenced = !fenced;
      const heading = fenced ? undefined : /^#{1,6} (.+)$/.exec(line)?.[1];
      if (!heading) continue;
      // GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, -1, -2... for repeats.
      const slug = heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });
});

describe("one versioning story", () => {
  const major = pkg.version.split(".")[0];

  it("package.json's version is X.Y.Z, and CHANGELOG.md has its notes under an [Unreleased] section", () => {
    expect(pkg.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
    expect(releaseNotes(changelog, `v${pkg.version}`)).toBeDefined();
    const headings = changelog.split("\n").filter((l) => l.startsWith("## "));
    expect(headings[0]).toBe("## [Unreleased]");
    for (const heading of headings.slice(1)) expect(heading).toMatch(/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
    expect(headings).toContainEqual(expect.stringMatching(new RegExp(`^## \\[${pkg.version.replace(/\./g, "\\.")}\\] - `)));
  });

  it("dist/package.json carries the same version (what `cancer-ai --version` prints from the action's folder)", () => {
    expect((JSON.parse(read("dist/package.json")) as { version: string }).version).toBe(pkg.version);
  });

  it("the README pins the major tag of package.json's version everywhere", () => {
    const pins = [
      ...readme.matchAll(/safescan\/cancer-ai-action@([\w.-]+)|--branch ([\w.-]+) https:\/\/github\.com\/safescan\/cancer-ai-action/g),
    ].map((m) => m[1] ?? m[2]);
    expect(pins.length).toBeGreaterThan(0);
    expect(new Set(pins)).toEqual(new Set([`v${major}`]));
  });

  it("the release workflow: on vX.Y.Z tags, checks the tag against package.json, notes from CHANGELOG.md, moves vX", () => {
    const workflow = read(".github/workflows/release.yml");
    const release = parse(workflow) as { on: { push: { tags: string[] } } };
    expect(release.on.push.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
    expect(workflow).toContain(`test "v$(node -p 'require("./package.json").version')" = "$GITHUB_REF_NAME"`);
    expect(workflow).toContain('node scripts/release-notes.mjs "$GITHUB_REF_NAME"');
    expect(workflow).toContain('major="${GITHUB_REF_NAME%%.*}"');
  });
});

type LockEntry = {
  version?: string;
  dev?: boolean;
  os?: string[];
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** Where npm put `name` for the package at `from`: its own node_modules, else each parent's, up to the root's. */
function resolve(packages: Record<string, LockEntry>, name: string, from: string): string | undefined {
  for (let base = from; ; base = base.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, "")) {
    const key = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[key]) return key;
    if (base === "") return undefined;
  }
}

/** Every package the runtime dependencies pull in (not the dev tools), by its place in package-lock.json. */
function runtimeClosure(packages: Record<string, LockEntry>): { found: Set<string>; missing: string[] } {
  const found = new Set<string>();
  const missing: string[] = [];
  const visit = (name: string, from: string, optional: boolean) => {
    const key = resolve(packages, name, from);
    if (!key) {
      if (!optional) missing.push(`${name} (needed by ${from || "package.json"})`);
      return;
    }
    if (found.has(key)) return;
    found.add(key);
    const entry = packages[key];
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(dep, key, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(dep, key, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(dep, key, entry.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, "", false);
  for (const name of Object.keys(pkg.optionalDependencies ?? {})) visit(name, "", true);
  return { found, missing };
}

describe("engines.node", () => {
  const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, LockEntry & { engines?: { node?: string } }> };
  const { found, missing } = runtimeClosure(lock.packages);
  /** Each runtime package's engines.node: package-lock.json's, and for the direct dependencies also the installed package.json's. */
  const ranges: { where: string; range: string; linux: boolean }[] = [];
  for (const key of found) {
    const entry = lock.packages[key];
    const linux = !entry.os || entry.os.some((os) => os === "linux" || (os.startsWith("!") && os !== "!linux"));
    const engines = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (engines) ranges.push({ where: `${key}@${entry.version}`, range: engines, linux });
  }
  for (const name of Object.keys(pkg.dependencies)) {
    const installed = JSON.parse(read(path.join("node_modules", name, "package.json"))) as { version: string; engines?: { node?: string } };
    expect(installed.version).toBe(lock.packages[`node_modules/${name}`].version);
    if (installed.engines?.node) ranges.push({ where: `node_modules/${name}/package.json`, range: installed.engines.node, linux: true });
  }
  const ours = minVersion(pkg.engines.node)!;

  it("reads the range grammar packages use", () => {
    const min = (range: string) => formatVersion(minVersion(range)!);
    expect(min(">=22")).toBe("22.0.0");
    expect(min(">= 20")).toBe("20.0.0");
    expect(min("^20.9.0")).toBe("20.9.0");
    expect(min("18 || 20 || >=22")).toBe("18.0.0");
    expect(min(">=16 || 14 >=14.17")).toBe("14.17.0");
    expect(min(">=0.6.11 <=0.7.0 || >=0.7.3")).toBe("0.6.11");
    expect(min("^12.20 || >= 14.13")).toBe("12.20.0");
    expect(min(">20.9")).toBe("20.10.0");
    expect(min("10 - 12")).toBe("10.0.0");
    expect(minVersion("<0.0.0")).toBeUndefined();
    const ok = (v: Version, range: string) => satisfies(v, range);
    expect(ok([21, 5, 0], "18 || 20 || >=22")).toBe(false);
    expect(ok([22, 0, 0], "18 || 20 || >=22")).toBe(true);
    expect(ok([20, 20, 2], "^20.9.0")).toBe(true);
    expect(ok([22, 0, 0], "^20.9.0")).toBe(false);
    expect(ok([12, 9, 9], "10 - 12")).toBe(true);
    expect(ok([13, 0, 0], "10 - 12")).toBe(false);
  });

  it("covers every runtime dependency, and no dev tool", () => {
    expect(missing).toEqual([]);
    expect([...found].filter((key) => lock.packages[key].dev)).toEqual([]);
    for (const name of Object.keys(pkg.dependencies)) expect(found.has(`node_modules/${name}`)).toBe(true);
    expect(ranges.length).toBeGreaterThan(Object.keys(pkg.dependencies).length);
  });

  it("starts at or above the highest minimum among the runtime dependencies' engines", () => {
    let highest: { where: string; range: string; min: Version } | undefined;
    for (const { where, range } of ranges) {
      const min = minVersion(range);
      if (min && (!highest || compareVersions(min, highest.min) > 0)) highest = { where, range, min };
    }
    expect(highest).toBeDefined();
    const tooLow = compareVersions(ours, highest!.min) < 0;
    expect(
      tooLow ? `engines.node "${pkg.engines.node}" allows ${formatVersion(ours)}, but ${highest!.where} needs "${highest!.range}"` : "ok",
    ).toBe("ok");
  });

  it("its lowest version, and the action's runtime, satisfy every runtime dependency that runs on Linux", () => {
    const runtime: Version = [Number(/^node(\d+)$/.exec(action.runs.using)![1]), 0, 0];
    expect(satisfies(runtime, pkg.engines.node)).toBe(true);
    const refused = ranges
      .filter(({ linux }) => linux)
      .flatMap(({ where, range }) =>
        [ours, runtime].filter((v) => !satisfies(v, range)).map((v) => `${where} ("${range}") refuses Node ${formatVersion(v)}`),
      );
    expect(refused).toEqual([]);
  });

  it("is what the README tells CLI users", () => {
    expect(readme.includes(`Node ${ours[0]} or later`) ? "said" : `the README should say "Node ${ours[0]} or later"`).toBe("said");
  });
});
