import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../src/hmac";
import { WebhookVerificationError } from "../src/index";

const secret = "whsec_test_secret";
const now = 1_700_000_000_000;
const payload = '{"type":"payment.succeeded","data":{"id":"ps_1"}}';
const sign = (ts: string | number, body = payload, key = secret, enc: "hex" | "base64" = "hex") =>
  createHmac("sha256", key).update(`${ts}.${body}`).digest(enc);

const verify = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({ payload, signature: sign(now), timestamp: now, secret, now, ...over });

describe("verifyWebhookSignature", () => {
  it("accepts a valid hex digest", async () => {
    await expect(verify()).resolves.toBeUndefined();
  });
  it("accepts a valid base64 digest, and a timestamp in seconds", async () => {
    await expect(
      verify({ signature: sign(now, payload, secret, "base64") }),
    ).resolves.toBeUndefined();
    const seconds = String(now / 1000);
    await expect(verify({ timestamp: seconds, signature: sign(seconds) })).resolves.toBeUndefined();
  });
  it("accepts bytes as payload and one of several signatures", async () => {
    const bytes = new TextEncoder().encode(payload);
    await expect(
      verify({ payload: bytes, signature: `deadbeef ${sign(now)}` }),
    ).resolves.toBeUndefined();
  });
  it.each([
    ["tampered body", { payload: payload.replace("ps_1", "ps_2") }, /mismatch/],
    ["tampered timestamp", { timestamp: now + 1 }, /mismatch/],
    ["wrong secret", { signature: sign(now, payload, "whsec_other") }, /mismatch/],
    ["stale", { timestamp: now - 300_001, signature: sign(now - 300_001) }, /tolerance/],
    ["from the future", { timestamp: now + 300_001, signature: sign(now + 300_001) }, /tolerance/],
    ["missing signature", { signature: undefined }, /missing signature/],
    ["missing timestamp", { timestamp: null }, /timestamp/],
    ["garbage signature", { signature: "not base64!" }, /mismatch/],
  ])("rejects %s", async (_name, over, message) => {
    const err = await verify(over).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookVerificationError);
    expect((err as Error).message).toMatch(message);
    expect(JSON.stringify(err)).not.toContain(secret);
    expect(JSON.stringify(err)).not.toContain(sign(now));
  });
  it("accepts upper-case hex and URL-safe base64 without padding", async () => {
    await expect(verify({ signature: sign(now).toUpperCase() })).resolves.toBeUndefined();
    const urlSafe = sign(now, payload, secret, "base64")
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    await expect(verify({ signature: urlSafe })).resolves.toBeUndefined();
  });
  it("accepts a correctly signed payload that is not JSON (it does not parse)", async () => {
    const text = "a=1&b=2";
    await expect(verify({ payload: text, signature: sign(now, text) })).resolves.toBeUndefined();
  });
  it("rejects everything under an empty secret", async () => {
    const err = await verify({ secret: "", signature: sign(now, payload, "") }).catch((e) => e);
    expect(err).toBeInstanceOf(WebhookVerificationError);
    expect((err as Error).message).toMatch(/secret is empty/);
  });
  it("honours a custom tolerance", async () => {
    const ts = now - 10_000;
    await expect(
      verify({ timestamp: ts, signature: sign(ts), toleranceMs: 5_000 }),
    ).rejects.toThrow(WebhookVerificationError);
    await expect(
      verify({ timestamp: ts, signature: sign(ts), toleranceMs: 20_000 }),
    ).resolves.toBeUndefined();
  });
});
