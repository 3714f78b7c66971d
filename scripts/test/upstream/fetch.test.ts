import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "../../src/errors.ts";
import { type HttpOptions, httpGet, isHtml } from "../../src/upstream/fetch.ts";

// A byte-order mark and CRLF line endings: the snapshot must keep both.
const GOOD = "\uFEFFopenapi: 3.1.0\r\ninfo:\r\n  title: Clink\r\n  version: '1'\r\npaths: {}\r\n";
const CHANGED = GOOD.replace("title: Clink", "title: Clink (reworded)");
const LOGIN = "<!DOCTYPE html><html><body><form>Sign in</form></body></html>";

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const routes: Record<string, Handler> = {
  "/good": (_req, res) => send(res, 200, GOOD),
  "/changing": (_req, res, hit) => send(res, 200, hit === 1 ? GOOD : CHANGED),
  "/html": (_req, res) => send(res, 200, LOGIN, "text/html; charset=utf-8"),
  "/html-as-text": (_req, res) => send(res, 200, LOGIN),
  "/flaky": (_req, res, hit) => (hit === 1 ? send(res, 500, "oops") : send(res, 200, GOOD)),
  "/down": (_req, res) => send(res, 503, "maintenance"),
  "/missing": (_req, res) => send(res, 404, "not found"),
  "/large-declared": (_req, res) => send(res, 200, `openapi: 3.1.0\n#${"x".repeat(4096)}\n`),
  "/endless": (_req, res) => {
    // No content-length and no end: only a reader that counts bytes stops this.
    res.writeHead(200, { "content-type": "text/markdown" });
    const chunk = `# ${"x".repeat(1022)}\n`;
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) {}
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  },
  "/stall-headers": () => {
    // Never answers: the client's timeout must end the attempt.
  },
  "/stall-body": (_req, res) => {
    res.writeHead(200, { "content-type": "text/markdown" });
    res.write("openapi: 3.1.0\n");
  },
  "/not-a-spec": (_req, res) => send(res, 200, "openapi: [unclosed\n"),
  "/limited": (_req, res, hit) =>
    hit === 1 ? res.writeHead(429, { "retry-after": "2" }).end("slow down") : send(res, 200, GOOD),
  "/limited-long": (_req, res) => res.writeHead(503, { "retry-after": "3600" }).end("later"),
  "/limited-always": (_req, res) => res.writeHead(429, { "retry-after": "0" }).end("no"),
  "/etag": (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
    res.writeHead(200, { etag: '"v1"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" });
    res.end(GOOD);
  },
  "/hop": (_req, res) => res.writeHead(302, { location: "/good" }).end(),
  "/away": (_req, res) => res.writeHead(301, { location: "http://127.0.0.2:9/x.md" }).end(),
  "/agent": (req, res) => send(res, 200, String(req.headers["user-agent"])),
  "/not-utf8": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(Buffer.from([0x6f, 0x70, 0xff, 0xfe, 0x0a]));
  },
};

function send(res: ServerResponse, status: number, body: string, type = "text/markdown"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const route = routes[path];
    if (route) route(req, res, hit);
    else send(res, 404, "no route");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

beforeEach(() => hits.clear());

const ACCEPT = "text/markdown";
const options: HttpOptions = { timeoutMs: 5_000, sleep: async () => {} };
const get = (path: string, extra: HttpOptions = {}) =>
  httpGet(`${base}${path}`, ACCEPT, {}, { ...options, ...extra });

/** The PipelineError a GET rejects with (fails the test if it resolves or throws another). */
async function failure(path: string, extra: HttpOptions = {}): Promise<PipelineError> {
  const error = await get(path, extra).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PipelineError);
  expect((error as Error).message).toContain(`${base}${path}`);
  return error as PipelineError;
}

describe("httpGet", () => {
  it("returns a good page verbatim, byte-order mark and CRLF included", async () => {
    const { status, text } = await get("/good");
    expect(status).toBe(200);
    expect(Buffer.from(text, "utf8")).toEqual(Buffer.from(GOOD, "utf8"));
    expect(hits.get("/good")).toBe(1);
  });

  it("returns the page as it is now when it changed", async () => {
    expect((await get("/changing")).text).toBe(GOOD);
    expect((await get("/changing")).text).toBe(CHANGED);
  });

  it("hands an HTML page back for the caller to judge, and isHtml knows it", async () => {
    const served = await get("/html");
    expect(isHtml(served.contentType, served.text)).toBe(true);
    const disguised = await get("/html-as-text");
    expect(isHtml(disguised.contentType, disguised.text)).toBe(true);
    expect(isHtml("text/markdown", GOOD)).toBe(false);
  });

  it("retries a 500 once and returns the good page", async () => {
    expect((await get("/flaky")).text).toBe(GOOD);
    expect(hits.get("/flaky")).toBe(2);
  });

  it("answers a 503 without Retry-After after one retry", async () => {
    expect((await get("/down")).status).toBe(503);
    expect(hits.get("/down")).toBe(2);
  });

  it("does not retry a 404", async () => {
    expect((await get("/missing")).status).toBe(404);
    expect(hits.get("/missing")).toBe(1);
  });

  it("waits out a 429 for its Retry-After, through the injected clock", async () => {
    const waited: number[] = [];
    const sleep = async (ms: number) => void waited.push(ms);
    expect((await get("/limited", { sleep })).text).toBe(GOOD);
    expect(waited).toEqual([2000]);
  });

  it("does not wait beyond the cap, nor more than a few times", async () => {
    const waited: number[] = [];
    const sleep = async (ms: number) => void waited.push(ms);
    expect((await get("/limited-long", { sleep, retries: 0 })).status).toBe(503);
    expect(waited).toEqual([]);
    expect((await get("/limited-always", { sleep })).status).toBe(429);
    expect(waited).toEqual([0, 0, 0]);
    expect(hits.get("/limited-always")).toBe(4);
  });

  it("sends validators back and passes a 304 through", async () => {
    const first = await get("/etag");
    expect(first.validators).toEqual({
      etag: '"v1"',
      lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
    });
    const again = await httpGet(`${base}/etag`, ACCEPT, first.validators, options);
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
  });

  it("follows a redirect on the same origin and refuses one to another host", async () => {
    const hop = await get("/hop");
    expect([hop.url, hop.text]).toEqual([`${base}/good`, GOOD]);
    expect((await failure("/away")).message).toContain("redirect to another host");
  });

  it("refuses a URL carrying credentials without sending it or naming the secret", async () => {
    const url = `${base.replace("//", "//reader:s3cret@")}/good`;
    const error = await httpGet(url, ACCEPT, {}, options).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(PipelineError);
    expect(error?.message).toBe(
      `${base.replace("//", "//***@")}/good: refusing a URL with credentials (a docs site is public)`,
    );
    expect(hits.get("/good")).toBeUndefined();
  });

  it("names payclients in its User-Agent", async () => {
    const { text } = await get("/agent", { userAgent: "payclients/1.2.3" });
    expect(text).toBe("payclients/1.2.3");
  });

  it("refuses a body over the size limit, declared or streamed without end", async () => {
    expect((await failure("/large-declared", { maxBytes: 1024 })).message).toContain("1024");
    expect((await failure("/endless", { maxBytes: 64 * 1024 })).message).toContain("65536 bytes");
    expect(hits.get("/endless")).toBe(1);
  });

  it("times out a server that never answers, after one retry", async () => {
    const error = await failure("/stall-headers", { timeoutMs: 200 });
    expect(error.message).toContain("within 200 ms");
    expect(error.message).toContain("after 2 attempts");
    expect(hits.get("/stall-headers")).toBe(2);
  });

  it("times out a body that stalls midway", async () => {
    expect((await failure("/stall-body", { timeoutMs: 200, retries: 0 })).message).toContain(
      "within 200 ms",
    );
    expect(hits.get("/stall-body")).toBe(1);
  });

  it("refuses a body that is not UTF-8", async () => {
    expect((await failure("/not-utf8")).message).toContain("not valid UTF-8");
  });

  it("reports a refused connection as a PipelineError after one retry", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const url = `http://127.0.0.1:${port}/gone`;
    const error = await httpGet(url, ACCEPT, {}, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toMatch(/request failed .*after 2 attempts/);
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(GOOD, { headers: { "content-type": "text/plain" } });
    };
    const { text } = await httpGet("https://docs.example/x.md", ACCEPT, {}, { fetch: fake });
    expect(text).toBe(GOOD);
    expect(calls).toEqual(["https://docs.example/x.md"]);
  });
});
