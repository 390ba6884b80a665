/** Plain-text and Markdown layout shared by every report the tool prints. */

export const fixed6 = (v: number): string => v.toFixed(6);

/** Rows as aligned columns for a terminal. */
export function pad(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** A GitHub-flavoured Markdown table. */
export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/**
 * The punctuation that makes syntax inside a line: code, emphasis, links and
 * images (no `[`, no link), table cells. Line-start syntax (#, -, +, 1.)
 * cannot occur: data never starts a line in a report.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/**
 * Text that comes from data (a package's name, a file inside it, a hub path,
 * a branch) as Markdown that renders as exactly that text: no HTML or
 * comments that could hide the rest of a report, no links, images or
 * @mentions, one line, at most `max` characters.
 */
export function markdownText(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return (
    clipped
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
      // GitHub links bare URLs and www. names, and pings @names.
      .replace(/:\/\//g, ":\\/\\/")
      .replace(/\bwww\./gi, (w) => `${w.slice(0, -1)}\\.`)
      .replace(/@/g, "@\u200b")
  );
}

/**
 * A message for the Actions log that cannot issue a workflow command: the
 * runner acts on any line that starts with `::`, and a line can come from
 * data (a hub path with a newline in it).
 */
export function logSafe(message: string): string {
  return message.replace(/^(\s*)::/gm, "$1\u200b::");
}
