import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from "@azure/storage-blob";
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** Azurite's well-known development account (EMULATOR_ACCOUNT_KEY_STR in azurite/dist/src/blob/utils/constants.js). */
const ACCOUNT = "devstoreaccount1";
const ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const STARTUP_TIMEOUT_MS = 20_000;

export interface SignOptions {
  ttlSeconds?: number;
  /** Served back as Content-Disposition, as GitHub's artifact download URLs do. */
  fileName?: string;
}

export interface BlobStore {
  /** e.g. http://127.0.0.1:PORT/devstoreaccount1 */
  accountUrl: string;
  container: string;
  /** A SAS URL for one blob; "r" to read, "rcw" to create and write. */
  signedUrl(blob: string, permissions: "r" | "rcw", options?: SignOptions): string;
  /** Size of a committed blob, or undefined when it does not exist. */
  blobSize(blob: string): Promise<number | undefined>;
  deleteBlob(blob: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts an in-memory Azurite blob service on an ephemeral loopback port, with one container. */
export async function startBlobStore(container = "actions"): Promise<BlobStore> {
  const child = spawnAzurite();
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  let accountUrl: string;
  let containerClient: ContainerClient;
  try {
    accountUrl = `http://127.0.0.1:${await listeningPort(child)}/${ACCOUNT}`;
    containerClient = new BlobServiceClient(accountUrl, credential).getContainerClient(container);
    await containerClient.create();
  } catch (error) {
    await stop(child);
    throw error;
  }

  return {
    accountUrl,
    container,
    signedUrl(blob, permissions, { ttlSeconds = 3600, fileName } = {}) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: blob,
          permissions: BlobSASPermissions.parse(permissions),
          // Loopback is plain HTTP, so the SAS must not insist on HTTPS.
          protocol: SASProtocol.HttpsAndHttp,
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + ttlSeconds * 1000),
          contentDisposition: fileName ? `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` : undefined,
        },
        credential,
      );
      return `${accountUrl}/${container}/${blob.split("/").map(encodeURIComponent).join("/")}?${sas.toString()}`;
    },
    async blobSize(blob) {
      const client = containerClient.getBlobClient(blob);
      if (!(await client.exists())) return undefined;
      return (await client.getProperties()).contentLength;
    },
    async deleteBlob(blob) {
      await containerClient.getBlobClient(blob).deleteIfExists();
    },
    close: () => stop(child),
  };
}

function spawnAzurite(): ChildProcess {
  const require = createRequire(import.meta.url);
  const main = path.join(path.dirname(require.resolve("azurite/package.json")), "dist/src/blob/main.js");
  // Port 0 lets the OS pick a free port; Azurite reports it on stdout.
  // --skipApiVersionCheck: @azure/storage-blob may speak a newer x-ms-version than this Azurite knows.
  // --disableTelemetry: there is no network to send it to.
  const args = ["--inMemoryPersistence", "--extentMemoryLimit", "256", "--blobHost", "127.0.0.1", "--blobPort", "0"];
  args.push("--silent", "--skipApiVersionCheck", "--disableTelemetry");
  return spawn(process.execPath, [main, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => finish(new Error(`Azurite did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)),
      STARTUP_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null): void => finish(new Error(`Azurite exited early (code ${code}):\n${output}`));
    const finish = (error?: Error, port?: number): void => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(port ?? 0);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Azurite shuts down gracefully on SIGTERM; SIGKILL is the bounded fallback.
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
