import { createHmac } from "node:crypto";
import { WebhookVerificationError } from "@payclients/core/hmac";
import { describe, expect, expectTypeOf, it } from "vitest";
import { verifyClinkWebhook } from "../src/webhooks";

const secret = "whsec_clink_test";
const payload = JSON.stringify({ type: "payment.succeeded", data: { sessionId: "s_1" } });
const now = Date.now();
const sign = (ts: string, body = payload, key = secret, enc: "hex" | "base64" = "hex") =>
  createHmac("sha256", key).update(`${ts}.${body}`).digest(enc);
const headersFor = (ts: string, signature = sign(ts)) => ({
  "X-Clink-Timestamp": ts,
  "X-Clink-Signature": signature,
});

describe("verifyClinkWebhook", () => {
  it("returns the parsed, typed event for a valid hex signature (plain-object headers)", async () => {
    const ts = String(now);
    const event = await verifyClinkWebhook<{ type: string }>({
      payload,
      headers: headersFor(ts),
      secret,
    });
    expectTypeOf(event).toEqualTypeOf<{ type: string }>();
    expect(event).toEqual(JSON.parse(payload));
  });

  it("reads the headers of an HTTP/2 request (pseudo-headers such as :method included)", async () => {
    const ts = String(now);
    const headers = { ":method": "POST", ":path": "/hooks/clink", ...headersFor(ts) };
    await expect(verifyClinkWebhook({ payload, headers, secret })).resolves.toEqual(
      JSON.parse(payload),
    );
  });

  it("accepts base64, a Headers instance, lower-case names and bytes", async () => {
    const ts = String(now);
    const headers = new Headers(headersFor(ts, sign(ts, payload, secret, "base64")));
    await expect(verifyClinkWebhook({ payload, headers, secret })).resolves.toMatchObject({
      type: "payment.succeeded",
    });
    const lower = { "x-clink-timestamp": ts, "x-clink-signature": [sign(ts)] };
    const bytes = new TextEncoder().encode(payload);
    await expect(
      verifyClinkWebhook({ payload: bytes, headers: lower, secret }),
    ).resolves.toBeTruthy();
  });

  const ts = String(now);
  const stale = String(now - 301_000);
  // Well past the 5-minute tolerance: a loaded machine may start this test long after `now`.
  const future = String(now + 400_000);
  it.each([
    ["tampered body", { payload: payload.replace("s_1", "s_2") }],
    ["tampered timestamp", { headers: headersFor(String(now - 1), sign(ts)) }],
    ["wrong secret", { secret: "whsec_other" }],
    ["stale", { headers: headersFor(stale) }],
    ["from the future", { headers: headersFor(future) }],
    ["missing headers", { headers: {} }],
    ["missing signature", { headers: { "X-Clink-Timestamp": ts } }],
    ["missing timestamp", { headers: { "X-Clink-Signature": sign(ts) } }],
  ])("rejects %s", async (_name, over) => {
    const input = { payload, headers: headersFor(ts), secret, ...over };
    const err = await verifyClinkWebhook(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookVerificationError);
    expect(JSON.stringify(err)).not.toContain(secret);
  });

  it("honours toleranceMs", async () => {
    const old = String(now - 60_000);
    const input = { payload, headers: headersFor(old), secret };
    await expect(verifyClinkWebhook({ ...input, toleranceMs: 30_000 })).rejects.toThrow(
      /tolerance/,
    );
    await expect(verifyClinkWebhook({ ...input, toleranceMs: 120_000 })).resolves.toBeTruthy();
  });

  it("fails verification, never with a TypeError, on headers a Headers object would refuse", async () => {
    const ts = String(now);
    for (const headers of [
      { "X-Clink-Timestamp": `${ts}\u0000`, "X-Clink-Signature": sign(ts) },
      { "X-Clink-Timestamp": ts, "X-Clink-Signature": `\u0000${sign(ts)}` },
      { "bad name": "x", "X-Clink-Timestamp": ts, "X-Clink-Signature": "é" },
    ]) {
      const err = await verifyClinkWebhook({ payload, headers, secret }).catch((e: unknown) => e);
      expect(err, JSON.stringify(headers)).toBeInstanceOf(WebhookVerificationError);
    }
    // A repeated signature header (an array, as Node gives it) offers each value as a candidate.
    const repeated = { "x-clink-timestamp": ts, "x-clink-signature": ["00", sign(ts)] };
    await expect(verifyClinkWebhook({ payload, headers: repeated, secret })).resolves.toBeTruthy();
  });

  it("rejects a validly signed body that is not JSON", async () => {
    const body = "not json";
    await expect(
      verifyClinkWebhook({ payload: body, headers: headersFor(ts, sign(ts, body)), secret }),
    ).rejects.toThrow(/not JSON/);
  });
});
