export interface Lockfile {
  packages?: Record<string, { version?: string; integrity?: string }>;
}

export function lockedPackage(lockfile: Lockfile, name: string): { version: string; integrity: string };

export function verifyIntegrity(file: string, integrity: string, label: string): void;

export function unpackLocked(options: {
  name: string;
  version: string;
  integrity: string;
  cacheDir: string;
  /** Writes the tarball into `dir` and returns its path. */
  download: (dir: string) => string;
}): string;
