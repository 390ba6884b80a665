/**
 * What an `engines.node` range allows, by npm's range grammar (node-semver's, without
 * pre-releases): `||` alternatives of space-separated comparators, `^` and `~`, x-ranges
 * (`20`, `20.x`, `*`), hyphen ranges (`18 - 20`), and operators with a space after them
 * (`>= 14`), as packages write them. Enough to compare engines; not a general semver library.
 */
export type Version = [number, number, number];
type Comparator = { op: ">=" | ">" | "<" | "<="; v: Version };

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(v: Version): string {
  return v.join(".");
}

/** `22.1.3` -> [22, 1, 3]; a missing or wildcard part is undefined (and ends the version). */
function partial(text: string): (number | undefined)[] {
  const parts = text
    .replace(/^v/, "")
    .replace(/[-+].*$/, "")
    .split(".");
  const out: (number | undefined)[] = [];
  for (const part of parts.slice(0, 3)) {
    if (/^[xX*]?$/.test(part)) break;
    if (!/^\d+$/.test(part)) throw new Error(`not a version: "${text}"`);
    out.push(Number(part));
  }
  return out;
}

const zeros = (p: (number | undefined)[]): Version => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];

/** The first version past the partial: 20 -> 21.0.0, 20.9 -> 20.10.0. */
function next(p: (number | undefined)[]): Version {
  if (p.length === 1) return [p[0]! + 1, 0, 0];
  return [p[0]!, p[1]! + 1, 0];
}

function comparators(token: string): Comparator[] {
  const m = /^(<=|>=|<|>|=|\^|~)?(.*)$/.exec(token)!;
  const op = m[1] ?? "";
  const p = partial(m[2]);
  const full = p.length === 3;
  if (p.length === 0) return op === "<" || op === ">" ? [{ op: "<", v: [0, 0, 0] }] : [];
  switch (op) {
    case ">=":
      return [{ op: ">=", v: zeros(p) }];
    case ">":
      return [full ? { op: ">", v: zeros(p) } : { op: ">=", v: next(p) }];
    case "<":
      return [{ op: "<", v: zeros(p) }];
    case "<=":
      return [full ? { op: "<=", v: zeros(p) } : { op: "<", v: next(p) }];
    case "^": {
      const upper: Version =
        p[0]! > 0 || p.length === 1 ? [p[0]! + 1, 0, 0] : p[1]! > 0 || p.length === 2 ? [0, p[1]! + 1, 0] : [0, 0, p[2]! + 1];
      return [
        { op: ">=", v: zeros(p) },
        { op: "<", v: upper },
      ];
    }
    case "~":
      return [
        { op: ">=", v: zeros(p) },
        { op: "<", v: p.length === 1 ? [p[0]! + 1, 0, 0] : [p[0]!, p[1]! + 1, 0] },
      ];
    default:
      return full
        ? [
            { op: ">=", v: zeros(p) },
            { op: "<=", v: zeros(p) },
          ]
        : [
            { op: ">=", v: zeros(p) },
            { op: "<", v: next(p) },
          ];
  }
}

/** The range as alternatives, each a list of comparators that must all hold. */
function parseRange(range: string): Comparator[][] {
  return range.split("||").map((alternative) => {
    const text = alternative.trim().replace(/(<=|>=|<|>|=|\^|~)\s+/g, "$1");
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) {
      const high = partial(hyphen[2]);
      return [
        { op: ">=", v: zeros(partial(hyphen[1])) },
        high.length === 3 ? { op: "<=", v: zeros(high) } : high.length === 0 ? { op: ">=", v: [0, 0, 0] } : { op: "<", v: next(high) },
      ];
    }
    return text === "" ? [] : text.split(/\s+/).flatMap(comparators);
  });
}

function holds(v: Version, c: Comparator): boolean {
  const d = compareVersions(v, c.v);
  return c.op === ">=" ? d >= 0 : c.op === ">" ? d > 0 : c.op === "<" ? d < 0 : d <= 0;
}

export function satisfies(v: Version, range: string): boolean {
  return parseRange(range).some((set) => set.every((c) => holds(v, c)));
}

/** The lowest version the range allows (undefined when it allows none). */
export function minVersion(range: string): Version | undefined {
  let lowest: Version | undefined;
  for (const set of parseRange(range)) {
    let candidate: Version = [0, 0, 0];
    for (const c of set) {
      const floor: Version = c.op === ">" ? [c.v[0], c.v[1], c.v[2] + 1] : c.op === ">=" ? c.v : [0, 0, 0];
      if (compareVersions(floor, candidate) > 0) candidate = floor;
    }
    if (set.every((c) => holds(candidate, c)) && (!lowest || compareVersions(candidate, lowest) < 0)) lowest = candidate;
  }
  return lowest;
}
