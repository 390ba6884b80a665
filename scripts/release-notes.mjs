#!/usr/bin/env node
/**
 * Prints the CHANGELOG.md section of one version, for the GitHub release notes.
 * Usage: node scripts/release-notes.mjs v1.2.3   (fails if the section is missing or empty)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The body under `## [X.Y.Z]` (up to the next `## ` heading), or undefined. */
export function notesFor(changelog, tag) {
  const version = tag.replace(/^v/, "");
  const lines = changelog.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
  return body || undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tag = process.argv[2] ?? "";
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const notes = notesFor(readFileSync(path.join(root, "CHANGELOG.md"), "utf8"), tag);
  if (!notes) {
    console.error(`CHANGELOG.md has no "## [${tag.replace(/^v/, "")}]" section with notes: add one before tagging ${tag}`);
    process.exit(1);
  }
  console.log(notes);
}
