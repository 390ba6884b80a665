import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/** A fresh temporary folder, removed after the test file's tests. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "cancer-ai-test-"));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
