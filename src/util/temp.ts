/**
 * Temporary folders (an extracted package can take gigabytes) that are
 * removed when the work is done, and also when the process is stopped:
 * Ctrl-C, a cancelled job (SIGTERM) or an exit that skipped the `finally`.
 */
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of live) {
    try {
      // Retried: a zip still being extracted in the background may add a file while its folder is emptied.
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // The process ends anyway: one folder that resists must not keep the others, or the signal's exit status.
    }
  }
  live.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once("exit", removeAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      removeAll();
      // The default action again, so the exit status still says which signal stopped the run.
      process.kill(process.pid, signal);
    });
  }
}

export interface TempDir {
  readonly path: string;
  remove(): Promise<void>;
}

/** A new folder `<parent>/<prefix>XXXXXX`, removed by remove() or when the process ends. */
export async function makeTempDir(prefix: string, parent: string = os.tmpdir()): Promise<TempDir> {
  hookExit();
  const dir = await mkdtemp(path.join(parent, prefix));
  live.add(dir);
  return {
    path: dir,
    remove: async () => {
      live.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
