import { createHmac } from "node:crypto";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import { hmacSigner } from "../src/hmac";
import {
  composeSigners,
  createRetryingFetch,
  type Signer,
  signingMiddleware,
  timestampedApiKeySigner,
} from "../src/index";
import type { AnyPaths } from "./paths";
import { json, startServer } from "./server";

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = "middleware-secret";

describe("signingMiddleware", () => {
  it("signs each call of a plain openapi-fetch client", async () => {
    server = await startServer((_s, res) => json(res, 200, { ok: true }));
    let clock = 1_700_000_000_000;
    const client = createClient<AnyPaths>({ baseUrl: server.url });
    client.use(signingMiddleware(timestampedApiKeySigner({ apiKey: "k_1", now: () => clock++ })));
    const first = await client.GET("/items");
    await client.GET("/items");
    expect(first.data).toEqual({ ok: true });
    expect(server.seen.map((s) => [s.headers["x-api-key"], s.headers["x-timestamp"]])).toEqual([
      ["k_1", "1700000000000"],
      ["k_1", "1700000000001"],
    ]);
  });

  it("hands the signer the body bytes, and the server still receives the body", async () => {
    server = await startServer((_s, res) => json(res, 200, {}));
    const client = createClient<AnyPaths>({ baseUrl: `${server.url}/v1` });
    client.use(signingMiddleware(hmacSigner({ secret: SECRET, now: () => 42 })));
    await client.POST("/items", { body: { amount: 12.5, note: "é" } });
    await client.DELETE("/items/1");
    const [post, del] = server.seen;
    expect(post?.body).toBe('{"amount":12.5,"note":"é"}');
    for (const s of [post, del]) {
      const canonical = `42\n${s?.method}\n${s?.url}\n${s?.body}`;
      expect(s?.headers["x-signature"]).toBe(
        createHmac("sha256", SECRET).update(canonical).digest("hex"),
      );
    }
  });

  it("signs once per call: a retry beneath it repeats the same signature", async () => {
    server = await startServer((_s, res, attempt) =>
      attempt === 1 ? json(res, 503, {}) : json(res, 200, {}),
    );
    let clock = 1_700_000_000_000;
    // The user's own client, with our retrying fetch but no signer in it.
    const client = createClient<AnyPaths>({
      baseUrl: server.url,
      fetch: createRetryingFetch({ sleep: async () => {} }),
    });
    client.use(signingMiddleware(timestampedApiKeySigner({ apiKey: "k", now: () => clock++ })));
    const { response } = await client.GET("/items");
    expect(response.status).toBe(200);
    expect(server.seen.map((s) => s.headers["x-timestamp"])).toEqual([
      "1700000000000",
      "1700000000000",
    ]);
  });

  it("sends a replacement Request from an async signer, composed signers included", async () => {
    server = await startServer((_s, res) => json(res, 200, {}));
    const replace: Signer = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const headers = new Headers(request.headers);
      headers.set("x-replaced", "yes");
      return new Request(request, { headers });
    };
    const client = createClient<AnyPaths>({ baseUrl: server.url });
    client.use(signingMiddleware(composeSigners(replace, hmacSigner({ secret: SECRET }))));
    await client.PUT("/items/1", { body: { n: 1 } });
    const [seen] = server.seen;
    expect(seen?.headers["x-replaced"]).toBe("yes");
    expect(seen?.body).toBe('{"n":1}');
    expect(seen?.headers["x-signature"]).toMatch(/^[0-9a-f]{64}$/);
  });
});
