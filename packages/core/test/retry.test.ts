import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ApiClientOptions,
  type AttemptLog,
  ConnectionError,
  createApiClient,
  InternalServerError,
  idempotency,
  TimeoutError,
  timestampedApiKeySigner,
  unwrap,
} from "../src/index";
import type { AnyPaths } from "./paths";
import { closedPort, json, startServer } from "./server";

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client with near-zero backoff whose waits are recorded instead of slept. */
function client(baseUrl: string, options: Partial<ApiClientOptions> = {}) {
  const waits: number[] = [];
  const logs: AttemptLog[] = [];
  const c = createApiClient<AnyPaths>({
    baseUrl,
    logger: (entry) => logs.push(entry),
    retry: {
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
    ...options,
  });
  return { c, waits, logs };
}

const id = (v: string) => ({ headers: { "x-test-id": v } });

describe("retrying fetch", () => {
  it("retries a GET through 503s and a connection reset within the budget", async () => {
    server = await startServer((_s, res, attempt, req) => {
      if (attempt === 1) return json(res, 503, { message: "busy" });
      if (attempt === 2) return req.socket.destroy();
      json(res, 200, { ok: true });
    });
    const { c, waits } = client(server.url);
    const result = await c.GET("/items", id("get-1"));
    expect(unwrap(result)).toEqual({ ok: true });
    expect(server.attempts("get-1")).toBe(3);
    expect(waits).toHaveLength(2);
    // Equal jitter: between half and all of base * 2^n.
    expect(waits[0]).toBeGreaterThanOrEqual(250);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it("retries every safe method", async () => {
    server = await startServer((s, res, attempt) =>
      attempt === 1 ? json(res, 502, {}) : json(res, 200, { method: s.method }),
    );
    const { c } = client(server.url);
    for (const m of ["GET", "PUT", "DELETE", "OPTIONS"] as const) {
      const r = await c.request(m.toLowerCase() as "get", "/m", id(m));
      expect(r.response.status).toBe(200);
      expect(server.attempts(m)).toBe(2);
    }
    const head = await c.HEAD("/m", id("HEAD"));
    expect(head.response.status).toBe(200);
    expect(server.attempts("HEAD")).toBe(2);
  });

  it("honours Retry-After in seconds and as an HTTP date, and caps it", async () => {
    const date = new Date(Date.now() + 3_000).toUTCString();
    server = await startServer((s, res, attempt) => {
      const retryAfter = s.url === "/seconds" ? "2" : s.url === "/date" ? date : "3600";
      if (attempt === 1) return json(res, 429, {}, { "retry-after": retryAfter });
      json(res, 200, {});
    });
    const { c, waits } = client(server.url);
    expect((await c.GET("/seconds")).response.status).toBe(200);
    expect(waits).toEqual([2000]);
    expect((await c.GET("/date")).response.status).toBe(200);
    // An HTTP date has one-second precision.
    expect(waits[1]).toBeGreaterThan(1_000);
    expect(waits[1]).toBeLessThanOrEqual(3_000);
    // Longer than maxRetryAfterMs (60 s): not retried early, handed back to the caller.
    const long = await c.GET("/hour");
    expect(long.response.status).toBe(429);
    expect(server.attempts("/hour")).toBe(1);
    expect(waits).toHaveLength(2);
  });

  it("never retries a POST without an idempotency key after a 5xx", async () => {
    server = await startServer((_s, res) => json(res, 503, { message: "down" }));
    const { c } = client(server.url);
    const result = await c.POST("/orders", { body: { a: 1 }, ...id("post-1") });
    expect(result.response.status).toBe(503);
    expect(() => unwrap(result)).toThrow(InternalServerError);
    expect(server.attempts("post-1")).toBe(1);
  });

  it("never retries a POST without a key after a connection reset", async () => {
    server = await startServer((_s, _res, _a, req) => req.socket.destroy());
    const { c } = client(server.url);
    await expect(c.POST("/orders", { body: {}, ...id("post-reset") })).rejects.toThrow(
      ConnectionError,
    );
    expect(server.attempts("post-reset")).toBe(1);
  });

  it("retries a POST without a key after a 429", async () => {
    server = await startServer((_s, res, attempt) =>
      attempt === 1 ? json(res, 429, {}, { "retry-after": "0" }) : json(res, 200, { ok: 1 }),
    );
    const { c } = client(server.url);
    const result = await c.POST("/orders", { body: { n: 1 }, ...id("post-429") });
    expect(result.data).toEqual({ ok: 1 });
    expect(server.attempts("post-429")).toBe(2);
    expect(server.seen.map((s) => s.body)).toEqual(['{"n":1}', '{"n":1}']);
  });

  it("retries a POST that carries an idempotency key, replaying body and key", async () => {
    server = await startServer(
      (_s, res, attempt) => (attempt < 3 ? json(res, 500, {}) : json(res, 201, { done: true })),
      (s) => String(s.headers["idempotency-key"]),
    );
    const { c } = client(server.url);
    const result = await c.POST("/orders", {
      body: { amount: 12.5 },
      headers: { "Idempotency-Key": "key-123" },
    });
    expect(result.data).toEqual({ done: true });
    expect(server.attempts("key-123")).toBe(3);
    expect(server.seen.map((s) => s.body)).toEqual(Array(3).fill('{"amount":12.5}'));
  });

  it("generates one idempotency key per logical request from the operation metadata", async () => {
    server = await startServer(
      (_s, res, attempt) => (attempt === 1 ? json(res, 503, {}) : json(res, 200, {})),
      (s) => String(s.headers["x-idempotency-key"]),
    );
    const operations = {
      "POST /payment-sessions": {
        idempotencyHeader: "X-Idempotency-Key",
        idempotencyKeyMaxLength: 256,
      },
    };
    const { c } = client(server.url, { middleware: [idempotency(operations)] });
    await c.POST("/payment-sessions", { body: {} });
    await c.POST("/payment-sessions", { body: {} });
    const keys = server.seen.map((s) => s.headers["x-idempotency-key"]);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[2]).not.toBe(keys[0]);
    // The caller's own key is kept; one past the declared maximum is refused before sending.
    await c.POST("/payment-sessions", { body: {}, headers: { "X-Idempotency-Key": "mine" } });
    expect(server.seen.at(-1)?.headers["x-idempotency-key"]).toBe("mine");
    const long = { "X-Idempotency-Key": "k".repeat(257) };
    await expect(c.POST("/payment-sessions", { body: {}, headers: long })).rejects.toThrow(
      /at most|256/,
    );
    // Operations without metadata get no key.
    await c.POST("/other", { body: {} });
    expect(server.seen.at(-1)?.headers["x-idempotency-key"]).toBeUndefined();
  });

  it("signs every attempt afresh", async () => {
    server = await startServer((_s, res, attempt) =>
      attempt < 3 ? json(res, 503, {}) : json(res, 200, {}),
    );
    let clock = 1_700_000_000_000;
    const signer = timestampedApiKeySigner({ apiKey: "sk_test_1", now: () => clock++ });
    const { c } = client(server.url, { signer });
    await c.GET("/signed");
    const stamps = server.seen.map((s) => s.headers["x-timestamp"]);
    expect(stamps).toEqual(["1700000000000", "1700000000001", "1700000000002"]);
    expect(server.seen.every((s) => s.headers["x-api-key"] === "sk_test_1")).toBe(true);
  });

  it("awaits a signer's promise from another realm (any thenable)", async () => {
    server = await startServer((_s, res) => json(res, 200, {}));
    // A promise made by another realm is not `instanceof Promise` here.
    const later = runInNewContext(
      "(set) => (request) => Promise.resolve().then(() => set(request))",
    );
    const signer = later((r: Request) => r.headers.set("X-Later", "yes"));
    const c = createApiClient<AnyPaths>({ baseUrl: server.url, signer });
    await c.GET("/items");
    expect(server.seen[0]?.headers["x-later"]).toBe("yes");
  });

  it("takes maxRetries per client and per request", async () => {
    server = await startServer((_s, res) => json(res, 503, {}));
    const { c } = client(server.url, { maxRetries: 1 });
    await c.GET("/x", id("client"));
    expect(server.attempts("client")).toBe(2);
    await c.GET("/x", { ...id("none"), maxRetries: 0 });
    expect(server.attempts("none")).toBe(1);
    await c.GET("/x", { ...id("four"), maxRetries: 4 });
    expect(server.attempts("four")).toBe(5);
  });

  it("times out a stalled attempt, retries it, and ends in TimeoutError", async () => {
    server = await startServer((_s, res, attempt) => {
      if (attempt === 1) return; // stall: never answer
      json(res, 200, { late: false });
    });
    const { c, logs } = client(server.url, { timeoutMs: 50 });
    expect((await c.GET("/slow", id("recovers"))).data).toEqual({ late: false });
    expect(logs.map((l) => l.error)).toEqual(["TimeoutError", undefined]);

    const stalled = await startServer(() => {});
    try {
      // Long enough for a retry to reach the server on a loaded machine (30 ms did not always).
      const { c: c2 } = client(stalled.url, { timeoutMs: 200, maxRetries: 1 });
      await expect(c2.GET("/slow", id("stall"))).rejects.toThrow(TimeoutError);
      expect(stalled.attempts("stall")).toBe(2);
      // A POST without a key is not retried after a timeout: the server may have acted on it.
      await expect(c2.POST("/slow", { body: {}, ...id("post-stall") })).rejects.toThrow(
        TimeoutError,
      );
      expect(stalled.attempts("post-stall")).toBe(1);
      // Per-request timeout.
      await expect(c2.GET("/slow", { ...id("per"), timeoutMs: 10, maxRetries: 0 })).rejects.toThrow(
        /after 10 ms/,
      );
    } finally {
      await stalled.close();
    }
  });

  it("stops everything when the caller aborts, and never retries it", async () => {
    let arrived!: () => void;
    const first = new Promise<void>((r) => {
      arrived = r;
    });
    server = await startServer(() => arrived()); // stall
    const { c, logs } = client(server.url);
    const controller = new AbortController();
    const call = c.GET("/abort", { ...id("abort"), signal: controller.signal });
    await first;
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(logs).toHaveLength(1);
    // A later request on the same connection pool shows no stray retry arrived meanwhile.
    await c.GET("/abort", { ...id("after"), timeoutMs: 20, maxRetries: 0 }).catch(() => {});
    expect(server.attempts("abort")).toBe(1);
  });

  it("sends nothing when the caller's signal is already aborted", async () => {
    server = await startServer((_s, res) => json(res, 200, {}));
    const { c } = client(server.url);
    const signal = AbortSignal.abort();
    await expect(c.GET("/x", { signal })).rejects.toMatchObject({ name: "AbortError" });
    await expect(c.POST("/x", { body: {}, signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(server.seen).toHaveLength(0);
  });

  it("sends nothing when the caller aborts while an async signer runs", async () => {
    server = await startServer((_s, res) => json(res, 200, {}));
    const controller = new AbortController();
    const { c, logs } = client(server.url, {
      // A token refresh, say, during which the caller gives up.
      signer: async () => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 10));
      },
    });
    await expect(c.GET("/x", { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.seen).toHaveLength(0);
    expect(logs).toHaveLength(1);
  });

  it("stops during the backoff wait when the caller aborts", async () => {
    server = await startServer((_s, res) => json(res, 503, {}));
    const controller = new AbortController();
    const { c } = client(server.url, {
      retry: {
        // A real (abortable) long wait; the abort below ends it. Were the abort not heard, the
        // call would wait a minute and the test would time out.
        baseDelayMs: 60_000,
      },
      // Aborts once the wait has begun (the logger runs just before it).
      logger: () => void setTimeout(() => controller.abort(), 20),
    });
    await expect(c.GET("/x", { ...id("wait"), signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.attempts("wait")).toBe(1);
  });

  it("retries a refused POST and ends in ConnectionError", async () => {
    const port = await closedPort();
    const { c, logs } = client(`http://127.0.0.1:${port}`);
    const err = await c.POST("/orders", { body: { a: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(String((err as Error).message)).toMatch(/ECONNREFUSED/);
    expect(logs.map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it("does not retry 409 Conflict", async () => {
    server = await startServer((_s, res) => json(res, 409, { message: "conflict" }));
    const { c } = client(server.url);
    expect((await c.PUT("/x", { body: {}, ...id("409") })).response.status).toBe(409);
    expect(server.attempts("409")).toBe(1);
  });
});
