import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { PayclientsError } from "../src/errors";
import { verifyWebhookSignature, WebhookVerificationError } from "../src/hmac";

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
    // Defined on this entry, on the root entry's base class: one hierarchy across entries.
    expect(err).toBeInstanceOf(PayclientsError);
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
  it("rejects everything under an empty or missing secret", async () => {
    const err = await verify({ secret: "", signature: sign(now, payload, "") }).catch((e) => e);
    expect(err).toBeInstanceOf(WebhookVerificationError);
    expect((err as Error).message).toMatch(/secret is missing or empty/);
    // A missing environment variable: a WebhookVerificationError, not a TypeError.
    const missing = await verify({ secret: undefined as unknown as string }).catch((e) => e);
    expect(missing).toBeInstanceOf(WebhookVerificationError);
    expect((missing as Error).message).toMatch(/secret is missing or empty/);
  });
  it("accepts a signature among comma-separated candidates, and padded URL-safe base64", async () => {
    await expect(verify({ signature: `00,${sign(now)}, ff` })).resolves.toBeUndefined();
    const padded = sign(now, payload, secret, "base64").replace(/\+/g, "-").replace(/\//g, "_");
    expect(padded.endsWith("=")).toBe(true);
    await expect(verify({ signature: padded })).resolves.toBeUndefined();
  });
  it("rejects a truncated or extended signature", async () => {
    const bytes = createHmac("sha256", secret).update(`${now}.${payload}`).digest();
    for (const wrong of [bytes.subarray(0, 16), Buffer.concat([bytes, Buffer.from([0])])]) {
      const err = await verify({ signature: wrong.toString("base64") }).catch((e) => e);
      expect((err as Error).message).toMatch(/signature mismatch/);
    }
    await expect(verify({ signature: sign(now).slice(0, 32) })).rejects.toThrow(/mismatch/);
  });
  it("computes one HMAC however many candidates a sender lists", async () => {
    // Each candidate is compared with one digest: a long list cannot make us hash the body again.
    const sign = vi.spyOn(crypto.subtle, "sign");
    const candidates = Array.from({ length: 1000 }, () => "a").join(",");
    await expect(verify({ signature: candidates })).rejects.toThrow(/mismatch/);
    expect(sign).toHaveBeenCalledTimes(1);
    sign.mockRestore();
  });
  it("fails closed on a tolerance or clock that is not a number", async () => {
    for (const over of [{ toleranceMs: Number.NaN }, { now: Number.NaN }]) {
      await expect(verify(over)).rejects.toThrow(/tolerance/);
    }
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
