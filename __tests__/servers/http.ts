import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1 << 20;

/** A refusal answered with `status` and a JSON `body`, in whatever shape the API in question uses. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

export type Json = Record<string, unknown>;

export async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { message: "Payload too large" });
    chunks.push(chunk);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, { message: "Problems parsing JSON" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, { message: "Body should be a JSON object" });
  }
  return parsed as Json;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  const type: Record<string, string> = text ? { "content-type": "application/json; charset=utf-8" } : {};
  res.writeHead(status, { ...type, "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * A protobuf-JSON scalar as text: int64 and the StringValue/Int64Value wrappers
 * arrive as strings, but a number is equally valid JSON for them.
 */
export function text(body: Json, field: string): string | undefined {
  const value = body[field];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function textList(body: Json, field: string): string[] {
  const value = body[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
