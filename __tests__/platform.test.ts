import { checkPlatform } from "../src/util/platform.js";

describe("supported platforms", () => {
  it.each([
    ["linux", "x64", "2.35"],
    ["linux", "arm64", "2.39"],
  ])("%s/%s with glibc runs", (platform, arch, glibc) => {
    expect(() => checkPlatform({ platform, arch, glibc })).not.toThrow();
  });
  it.each([
    ["darwin", "arm64", undefined, "darwin/arm64"],
    ["win32", "x64", undefined, "win32/x64"],
    ["linux", "arm", "2.31", "linux/arm"],
    ["linux", "x64", undefined, "linux/x64 (musl)"],
  ])("%s/%s fails at once naming the supported runners", (platform, arch, glibc, where) => {
    expect(() => checkPlatform({ platform, arch, glibc })).toThrow(`runs-on: ubuntu-latest or ubuntu-24.04-arm); this is ${where}.`);
  });
  it("knows this machine", () => {
    expect(() => checkPlatform()).not.toThrow();
  });
});
