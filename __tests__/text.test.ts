import { describeError } from "../src/util/retry.js";
import { logSafe, markdownText } from "../src/util/text.js";

describe("markdownText: data renders as its text and nothing else", () => {
  it.each<[string, string]>([
    ["tricorder-3-2026-11-20.zip", "tricorder-3-2026-11-20.zip"],
    ["<!-- the rest is hidden", "&lt;!-- the rest is hidden"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["ping @octocat and @safe-scan-ai/team", "ping @\u200boctocat and @\u200bsafe-scan-ai/team"],
    ["![pixel](https://evil.example/p.png)", "!\\[pixel\\](https:\\/\\/evil.example/p.png)"],
    ["see www.evil.example", "see www\\.evil.example"],
    ["**score 0.999999 ✓ passed**", "\\*\\*score 0.999999 ✓ passed\\*\\*"],
    ["a | b", "a \\| b"],
    ["line\n::error::forged\r\nthird", "line ::error::forged third"],
    ["`code` and \\", "\\`code\\` and \\\\"],
  ])("%p", (raw, expected) => {
    expect(markdownText(raw)).toBe(expected);
  });

  it("bounds the length", () => {
    expect(markdownText("x".repeat(5000), 50)).toBe(`${"x".repeat(49)}…`);
  });
});

describe("logSafe: no line from data issues a workflow command", () => {
  it.each<[string, string]>([
    ["downloading hf://a/b.zip", "downloading hf://a/b.zip"],
    ["hf://a/b\n::error::forged", "hf://a/b\n\u200b::error::forged"],
    ["::add-mask::x", "\u200b::add-mask::x"],
    ["  ::set-output name=score::1", "  \u200b::set-output name=score::1"],
  ])("%p", (raw, expected) => {
    expect(logSafe(raw)).toBe(expected);
    expect(
      logSafe(raw)
        .split("\n")
        .some((line) => /^\s*::/.test(line)),
    ).toBe(false);
  });
});

describe("describeError: no signature of a presigned address reaches a message", () => {
  it.each<[string, string]>([
    [
      "Error fetching https://hub.example/api/x?X-Amz-Signature=abc&X-Amz-Credential=k: 403",
      "Error fetching https://hub.example/api/x: 403",
    ],
    ["HttpError: URL: https://cas.example/xorb/1#frag then more", "HttpError: URL: https://cas.example/xorb/1 then more"],
    ["no address at all", "no address at all"],
  ])("%s", (message, expected) => {
    expect(describeError(new Error(message))).toBe(expected);
  });
});
