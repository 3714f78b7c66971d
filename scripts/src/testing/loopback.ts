// Test support: a node:http server on 127.0.0.1 that records every request and answers from a
// function, for the provider packages' HTTP tests (tests never reach any other host).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: `json` (serialized, `application/json`) or `text` (`text/plain`); status 200. */
export interface LoopbackReply {
  status?: number;
  json?: unknown;
  text?: string;
}

export interface Loopback {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request so far, oldest first; tests may empty it (`seen.length = 0`). */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts the server on a free port; `reply` decides each answer from the request. */
export async function startLoopback(
  reply: (request: SeenRequest) => LoopbackReply,
): Promise<Loopback> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(request);
      const { status = 200, json, text } = reply(request);
      const type = text === undefined ? "application/json" : "text/plain";
      res.writeHead(status, { "content-type": type });
      res.end(text ?? JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
