// @ts-expect-error: a plain .mjs script, typed by its use here
import { notesFor } from "../scripts/release-notes.mjs";

const changelog = `# Changelog

## [Unreleased]
- next

## [1.2.0] - 2026-12-01
### Added
- shards

## [1.1.0] - 2026-11-30
- gate
`;

describe("release notes from CHANGELOG.md", () => {
  it.each([
    ["v1.2.0", "### Added\n- shards"],
    ["v1.1.0", "- gate"],
    ["1.1.0", "- gate"],
    ["v9.9.9", undefined],
  ])("%s", (tag, expected) => {
    expect((notesFor as (c: string, t: string) => string | undefined)(changelog, tag)).toBe(expected);
  });
});
