import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nodeHmac } from "../src/crypto";
import { hmacSigner } from "../src/hmac";
import { bearerSigner, createApiClient } from "../src/index";
import type { AnyPaths } from "./paths";
import { json, type Seen, startServer } from "./server";

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllGlobals();
});

const SECRET = "signing-secret";
/** The documented canonical string: timestamp, method, path?query, body. */
const expected = (s: Seen, encoding: "hex" | "base64" = "hex") =>
  createHmac("sha256", SECRET)
    .update(`${s.headers["x-timestamp"]}\n${s.method}\n${s.url}\n${s.body}`)
    .digest(encoding);

describe("hmacSigner", () => {
  it("signs method, path, query and body afresh on every attempt", async () => {
    server = await startServer((_s, res, attempt) =>
      attempt === 1 ? json(res, 503, {}) : json(res, 200, {}),
    );
    let clock = 1_700_000_000_000;
    const api = createApiClient<AnyPaths>({
      baseUrl: `${server.url}/v1`,
      signer: hmacSigner({ secret: SECRET, now: () => clock++ }),
      retry: { sleep: async () => {} },
    });
    await api.GET("/items", { params: { query: { q: "a b" } } });
    await api.PUT("/items/1", { body: { amount: 12.5, note: "é" } });
    expect(server.seen.map((s) => s.url)).toEqual([
      "/v1/items?q=a%20b",
      "/v1/items?q=a%20b",
      "/v1/items/1",
      "/v1/items/1",
    ]);
    expect(new Set(server.seen.map((s) => s.headers["x-timestamp"])).size).toBe(4);
    for (const s of server.seen) expect(s.headers["x-signature"]).toBe(expected(s));
  });

  it("signs a multipart body over the bytes sent, the same bytes on every attempt", async () => {
    server = await startServer((_s, res, attempt) =>
      attempt === 1 ? json(res, 503, {}) : json(res, 200, {}),
    );
    const api = createApiClient<AnyPaths>({
      baseUrl: `${server.url}/v1`,
      signer: hmacSigner({ secret: SECRET }),
      retry: { sleep: async () => {} },
    });
    const form = new FormData();
    form.append("file", new Blob(["a,b\n1,2\n"], { type: "text/csv" }), "rows.csv");
    await api.PUT("/items/1", { body: form as never });
    const [first, second] = server.seen;
    expect(first?.body).toContain("1,2");
    expect(second?.body).toBe(first?.body);
    expect(second?.headers["content-type"]).toBe(first?.headers["content-type"]);
    for (const s of server.seen) expect(s.headers["x-signature"]).toBe(expected(s));
  });

  // Node hands out node:crypto through process.getBuiltinModule; browsers and Deno do not, and
  // there the signer falls back to Web Crypto. Both must produce the same signature.
  it.each([
    ["node:crypto", false],
    ["Web Crypto (no getBuiltinModule)", true],
  ])("signs with %s: base64, custom header, body bytes verbatim", async (_name, webOnly) => {
    vi.resetModules();
    if (webOnly) vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    const { hmacSigner: signerOf } = await import("../src/hmac-signer");
    const { nodeHmac } = await import("../src/crypto");
    expect(nodeHmac(SECRET) === undefined).toBe(webOnly);
    const r = new Request("http://127.0.0.1/v1/pay?x=1", { method: "POST", body: '{"a":"é"}' });
    const options = { secret: SECRET, header: "X-Sig", encoding: "base64", now: () => 42 } as const;
    const sign = signerOf(options);
    vi.unstubAllGlobals();
    await sign(r, await r.clone().arrayBuffer());
    const canonical = `42\nPOST\n/v1/pay?x=1\n{"a":"é"}`;
    const digest = createHmac("sha256", SECRET).update(canonical).digest("base64");
    expect([r.headers.get("x-timestamp"), r.headers.get("x-sig")]).toEqual(["42", digest]);
  });
});

describe("hmacSigner's signed path", () => {
  // What fetch sends: no fragment, and no "?" for an empty query.
  it.each([
    ["http://127.0.0.1/v1/a/b?x=1#frag", "/v1/a/b?x=1"],
    ["http://127.0.0.1/v1/a?", "/v1/a"],
    ["http://127.0.0.1/v1/a?#f", "/v1/a"],
    ["https://api.example.test:8443/v1/a%20b?q=%C3%A9", "/v1/a%20b?q=%C3%A9"],
    ["http://127.0.0.1", "/"],
  ])("signs %s as %s", async (url, path) => {
    const r = new Request(url);
    await hmacSigner({ secret: SECRET, now: () => 7 })(r);
    const digest = createHmac("sha256", SECRET).update(`7\nGET\n${path}\n`).digest("hex");
    expect(r.headers.get("x-signature")).toBe(digest);
  });
  it("refuses an empty or missing secret up front", () => {
    expect(() => hmacSigner({ secret: "" })).toThrow(/secret is missing or empty/);
    // A missing environment variable, from JavaScript or through a cast.
    const secret = undefined as unknown as string;
    expect(() => hmacSigner({ secret })).toThrow(/secret is missing or empty/);
  });
});

describe("nodeHmac", () => {
  const data = new TextEncoder().encode('42\nPOST\n/v1/pay\n{"amount":12.5,"note":"é"}');
  // Short, exactly one SHA-256 block, and longer than a block (then the key is hashed first).
  it.each([
    ["a short string key", "k"],
    ["a 64-byte key", "k".repeat(64)],
    ["a 65-byte key", "k".repeat(65)],
    ["a 200-byte binary key", new Uint8Array(200).map((_, i) => i)],
  ])("equals node:crypto's createHmac with %s, hex and base64", (_name, key) => {
    const hmac = nodeHmac(key);
    for (const encoding of ["hex", "base64"] as const) {
      expect(hmac?.(data, encoding)).toBe(createHmac("sha256", key).update(data).digest(encoding));
    }
  });
  it("falls back to createHmac where the one-shot hash does not give bytes", () => {
    const real = process.getBuiltinModule("node:crypto");
    // A Node-compatible runtime whose hash() ignores the "buffer" output and returns hex.
    const hash = (alg: string, data: Uint8Array) => real.hash(alg, data, "hex");
    vi.stubGlobal("process", {
      ...process,
      getBuiltinModule: () => ({ hash, createHmac: real.createHmac }),
    });
    const hmac = nodeHmac("k");
    vi.unstubAllGlobals();
    expect(hmac?.(data, "hex")).toBe(createHmac("sha256", "k").update(data).digest("hex"));
  });
  it("falls back to createHmac where node:crypto has no one-shot hash", () => {
    const real = process.getBuiltinModule("node:crypto");
    vi.stubGlobal("process", {
      ...process,
      getBuiltinModule: () => ({ createHmac: real.createHmac }),
    });
    const hmac = nodeHmac("k");
    vi.unstubAllGlobals();
    expect(hmac?.(data, "hex")).toBe(createHmac("sha256", "k").update(data).digest("hex"));
  });
});

describe("bearerSigner", () => {
  it("takes a token or a function called per attempt", async () => {
    const r = new Request("http://127.0.0.1/");
    await bearerSigner("tok_1")(r);
    expect(r.headers.get("authorization")).toBe("Bearer tok_1");
    let n = 0;
    const signer = bearerSigner(async () => `tok_${++n}`);
    await signer(r);
    await signer(r);
    expect(r.headers.get("authorization")).toBe("Bearer tok_2");
  });
});
