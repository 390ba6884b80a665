/**
 * A Mermaid xychart as GitHub renders it from a fenced block. The init line
 * gives the plot a colour that reads on white (Mermaid's default light theme
 * draws lines in a pale lavender) and a size that fits a comment's width.
 */
const INIT = '%%{init: {"xyChart": {"width": 720, "height": 300}, "themeVariables": {"xyChart": {"plotColorPalette": "#0969da"}}}}%%';

/** The fenced block of an xychart whose body lines (title, axes, series) are given. */
export function xyChart(body: readonly string[]): string {
  return ["```mermaid", INIT, "xychart-beta", ...body.map((line) => `  ${line}`), "```"].join("\n");
}
