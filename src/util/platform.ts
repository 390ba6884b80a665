/**
 * dist/ carries sharp and onnxruntime binaries for glibc Linux on x64 and
 * arm64 only (GitHub's ubuntu-latest and ubuntu-24.04-arm runners). Anywhere
 * else the natives would fail to load with an obscure message, so say
 * plainly where the action runs, before anything loads them.
 */
import { CancerAiError } from "./errors.js";

export const SUPPORTED_ARCHS = ["x64", "arm64"];

export interface PlatformFacts {
  readonly platform: string;
  readonly arch: string;
  /** glibc's version on Linux; undefined on musl (Alpine) and elsewhere. */
  readonly glibc?: string;
}

export function currentPlatform(): PlatformFacts {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return { platform: process.platform, arch: process.arch, glibc: report?.header?.glibcVersionRuntime };
}

export function checkPlatform(facts: PlatformFacts = currentPlatform()): void {
  const where = `${facts.platform}/${facts.arch}${facts.platform === "linux" && !facts.glibc ? " (musl)" : ""}`;
  if (facts.platform === "linux" && SUPPORTED_ARCHS.includes(facts.arch) && facts.glibc) return;
  throw new CancerAiError(
    `cancer-ai-action runs on Linux x64 and arm64 runners with glibc (runs-on: ubuntu-latest or ubuntu-24.04-arm); this is ${where}. ` +
      "On other systems, run the CLI inside a glibc Linux container or VM (for example the node:24-bookworm image).",
  );
}
