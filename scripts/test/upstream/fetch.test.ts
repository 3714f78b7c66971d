import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PipelineError } from "../../src/errors.ts";
import { fetchSnapshot } from "../../src/upstream/fetch.ts";

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
  "/not-utf8": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(Buffer.from([0x6f, 0x70, 0xff, 0xfe, 0x0a]));
  },
};

function send(res: ServerResponse, status: number, body: string, type = "text/markdown"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Throws unless the text is a YAML mapping with an `openapi` version. */
function checkOpenApi(text: string): void {
  const doc = parse(text);
  if (typeof doc !== "object" || doc === null || typeof doc.openapi !== "string") {
    throw new Error("expected an OpenAPI document");
  }
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

const options = { check: checkOpenApi, timeoutMs: 5_000 };

/** The PipelineError a fetch rejects with (fails the test if it resolves or throws another). */
async function failure(path: string, extra: object = {}): Promise<PipelineError> {
  const error = await fetchSnapshot(`${base}${path}`, { ...options, ...extra }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PipelineError);
  expect((error as Error).message).toContain(`${base}${path}`);
  return error as PipelineError;
}

describe("fetchSnapshot", () => {
  it("returns a good page verbatim, byte-order mark and CRLF included", async () => {
    const text = await fetchSnapshot(`${base}/good`, options);
    expect(Buffer.from(text, "utf8")).toEqual(Buffer.from(GOOD, "utf8"));
    expect(hits.get("/good")).toBe(1);
  });

  it("returns the page as it is now when it changed", async () => {
    expect(await fetchSnapshot(`${base}/changing`, options)).toBe(GOOD);
    expect(await fetchSnapshot(`${base}/changing`, options)).toBe(CHANGED);
  });

  it("refuses an HTML page served with 200", async () => {
    expect((await failure("/html")).message).toMatch(/HTML page .*text\/html/);
    expect((await failure("/html-as-text")).message).toContain("HTML page");
    expect(hits.get("/html")).toBe(1);
  });

  it("retries a 500 once and returns the good page", async () => {
    expect(await fetchSnapshot(`${base}/flaky`, options)).toBe(GOOD);
    expect(hits.get("/flaky")).toBe(2);
  });

  it("gives up on a server error after one retry", async () => {
    expect((await failure("/down")).message).toContain("HTTP 503");
    expect(hits.get("/down")).toBe(2);
  });

  it("does not retry a 404", async () => {
    expect((await failure("/missing")).message).toContain("HTTP 404");
    expect(hits.get("/missing")).toBe(1);
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

  it("refuses content that fails the check, without retrying", async () => {
    const error = await failure("/not-a-spec");
    expect(error.message).toContain("failed its check");
    expect(hits.get("/not-a-spec")).toBe(1);
  });

  it("names the URL once when the check names it too", async () => {
    const url = `${base}/good`;
    const check = () => {
      throw new PipelineError(`${url}: expected a mintlify-page document, found openapi`);
    };
    const error = await fetchSnapshot(url, { check }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `${url}: the content failed its check: expected a mintlify-page document, found openapi`,
    );
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
    const error = await fetchSnapshot(url, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toMatch(/request failed .*after 2 attempts/);
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(GOOD, { headers: { "content-type": "text/plain" } });
    };
    expect(await fetchSnapshot("https://docs.example/x.md", { ...options, fetch: fake })).toBe(
      GOOD,
    );
    expect(calls).toEqual(["https://docs.example/x.md"]);
  });
});
