import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hmacSigner, verifyWebhookSignature } from "../src/hmac";
import { apiKeySigner, bearerSigner, composeSigners, createApiClient, unwrap } from "../src/index";
import type { AnyPaths } from "./paths";
import { closedPort, json, startServer } from "./server";

const API_KEY = "sk_test_PLANTED_api_key_7f3a";
const TOKEN = "tok_PLANTED_bearer_9c1d";
const SIGNING = "whsec_PLANTED_signing_4e2b";
const SECRETS = [API_KEY, TOKEN, SIGNING];

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((s, res) => {
    if (s.url.startsWith("/stall")) return;
    const status = s.url.startsWith("/401") ? 401 : 500;
    // A careless server that echoes credentials back in headers and body.
    json(
      res,
      status,
      { message: "rejected", apiKey: s.headers["x-api-key"], auth: s.headers.authorization },
      {
        "x-echo-api-key": String(s.headers["x-api-key"]),
        "x-echo-authorization": String(s.headers.authorization),
        "x-echo-signature": String(s.headers["x-signature"]),
      },
    );
  });
});
afterAll(() => server.close());

const lines: string[] = [];
const client = (baseUrl: string) =>
  createApiClient<AnyPaths>({
    baseUrl,
    // Only the stalled call below times out (its own 50 ms); the others must not, even on a busy
    // machine.
    timeoutMs: 10_000,
    signer: composeSigners(
      apiKeySigner(API_KEY),
      bearerSigner(TOKEN),
      hmacSigner({ secret: SIGNING }),
    ),
    logger: (entry) => lines.push(JSON.stringify(entry)),
    retry: { sleep: async () => {} },
  });

/** Every way an error is commonly turned into text. */
const renderings = (err: unknown): string[] => {
  const e = err as Error;
  return [e.message, String(e), e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 })];
};

describe("secrets never leak", () => {
  it("from any error path or log line", async () => {
    const port = await closedPort();
    // Query-string credentials too.
    const query = { params: { query: { api_key: API_KEY, token: TOKEN } } };
    const errors: unknown[] = [
      await client(server.url)
        .GET("/401", query)
        .then(unwrap)
        .catch((e) => e),
      await client(server.url)
        .POST("/500", { body: { a: 1 } })
        .then(unwrap)
        .catch((e) => e),
      await client(server.url)
        .GET("/stall", { ...query, timeoutMs: 50 })
        .catch((e) => e),
      await client(`http://127.0.0.1:${port}`)
        .GET("/refused", query)
        .catch((e) => e),
      await verifyWebhookSignature({
        payload: "{}",
        signature: "00".repeat(32),
        timestamp: Date.now(),
        secret: SIGNING,
      }).catch((e) => e),
    ];
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "AuthenticationError",
      "InternalServerError",
      "TimeoutError",
      "ConnectionError",
      "WebhookVerificationError",
    ]);
    // The server did receive the credentials, so the planted values were really in flight.
    expect(server.seen[0]?.headers["x-api-key"]).toBe(API_KEY);
    expect(server.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    const texts = [...errors.flatMap(renderings), ...lines];
    for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
    // What was redacted is still visibly there.
    expect(JSON.stringify(errors[0])).toContain('"x-echo-api-key":"REDACTED"');
    expect(lines.join("\n")).toContain("api_key=REDACTED");
  });
});
