/**
 * An unreachable chain fails at once with one line, on whichever Node runs the
 * suite (.ci/run runs it under Node 20 and Node 24). From Node 22 on,
 * @polkadot's WsProvider uses Node's built-in WebSocket, which can report a
 * refused connection before the API listens for it: the CLI then ended with
 * exit code 13 (an unsettled top-level await) and printed nothing. So the CLI
 * runs here as bin/cancer-ai.js runs it, in a process of its own, where
 * nothing else keeps the event loop alive.
 */
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { ChainConnectionError, CONNECT_TIMEOUT_MS, connect } from "../src/release/chain.js";
import { runSourceCli, type Exit } from "./helpers/cli-process.js";
import { EXAMPLE_DIR } from "./helpers/golden.js";

// The well-known development account "Alice": any valid SS58 address will do.
const HOTKEY = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
// The test mnemonic of servers-chain.test.ts: never funded, never used elsewhere.
const MNEMONIC = "category suggest work turkey lesson female fantasy erosion above family affair clerk";

function listen(onConnection: (socket: Socket) => void = () => {}): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(onConnection).listen(0, "127.0.0.1", () => resolve(server));
  });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = await listen();
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return runSourceCli(args, env, 2 * CONNECT_TIMEOUT_MS);
}

/** Exit 1 with exactly one line on stderr that names the node and says what to check, well before the connect timeout. */
function expectOneLineFailure(exit: Exit, url: string): void {
  expect({ code: exit.code, stdout: exit.stdout, lines: exit.stderr.trimEnd().split("\n").length }).toEqual({
    code: 1,
    stdout: "",
    lines: 1,
  });
  expect(exit.stderr).toMatch(new RegExp(`^error: cannot reach the chain at ${url.replace(/[./]/g, "\\$&")}: .+; check the network`));
  expect(exit.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
}

describe(`the CLI against a closed port (Node ${process.versions.node})`, () => {
  it(
    "self-check exits 1 with one line",
    async () => {
      const url = `ws://127.0.0.1:${await closedPort()}`;
      expectOneLineFailure(await runCli(["self-check", "--hotkey", HOTKEY, "--network", url]), url);
    },
    2 * CONNECT_TIMEOUT_MS,
  );

  it(
    "submit exits 1 with one line, before uploading anything",
    async () => {
      const url = `ws://127.0.0.1:${await closedPort()}`;
      const args = ["submit", "--model", path.join(EXAMPLE_DIR, "model.onnx"), "--hf-repo-id", "miner/skin", "--network", url];
      expectOneLineFailure(await runCli(args, { HOTKEY_MNEMONIC: MNEMONIC, HF_ENDPOINT: "http://127.0.0.1:9" }), url);
    },
    2 * CONNECT_TIMEOUT_MS,
  );
});

describe("connect()", () => {
  it("rejects a refused connection with a ChainConnectionError", async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`;
    const err = await connect(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainConnectionError);
    expect((err as Error).message).toMatch(`cannot reach the chain at ${url}: `);
  });

  it("gives up on a node that accepts the connection and never answers", async () => {
    const sockets = new Set<Socket>();
    const server = await listen((socket) => sockets.add(socket));
    try {
      const url = `ws://127.0.0.1:${portOf(server)}`;
      await expect(connect(url, 500)).rejects.toThrow(
        new ChainConnectionError(
          `cannot reach the chain at ${url}: no answer within 0.5 s; check the network setting and that the node is reachable from here`,
        ),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("names a node that hangs up during the handshake", async () => {
    const server = await listen((socket) => socket.destroy());
    try {
      await expect(connect(`ws://127.0.0.1:${portOf(server)}`)).rejects.toBeInstanceOf(ChainConnectionError);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
