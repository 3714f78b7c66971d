import { concat, fromDigest, hmacKey, toBytes } from "./crypto";
import { WebhookVerificationError } from "./errors";

/** Input of verifyWebhookSignature. */
export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  payload: string | Uint8Array | ArrayBuffer;
  /** Hex or base64 HMAC-SHA256 digest(s); several may be separated by spaces or commas. */
  signature: string | null | undefined;
  /** The signed timestamp, in milliseconds or seconds since the epoch (detected). */
  timestamp: string | number | null | undefined;
  /** The endpoint's signing secret. */
  secret: string | Uint8Array;
  /** Largest accepted clock difference either way; default 300 000 ms (5 minutes). */
  toleranceMs?: number;
  /** Current time in ms, for tests. */
  now?: number;
}

/**
 * Verifies an HMAC-SHA256 signature over `<timestamp>.<raw body>` and the timestamp's freshness;
 * throws WebhookVerificationError (never naming the secret or the expected signature).
 */
export async function verifyWebhookSignature(input: VerifyWebhookInput): Promise<void> {
  const { payload, signature, timestamp, toleranceMs = 300_000, now = Date.now() } = input;
  const fail = (why: string) => {
    throw new WebhookVerificationError(`Webhook verification failed: ${why}`);
  };
  if (!signature) fail("missing signature");
  const ts = String(timestamp ?? "").trim();
  if (!/^\d{1,16}$/.test(ts)) fail("missing or malformed timestamp");
  // Seconds stay below 1e11 until the year 5138; milliseconds passed it in 1973.
  const ms = Number(ts) < 1e11 ? Number(ts) * 1000 : Number(ts);
  if (Math.abs(now - ms) > toleranceMs) fail("timestamp outside the tolerance");
  const key = await hmacKey(input.secret);
  const data = concat(toBytes(`${ts}.`), toBytes(payload));
  for (const candidate of String(signature).split(/[\s,]+/)) {
    const digest = fromDigest(candidate.replace(/^(sha256|v1)=/, ""));
    // subtle.verify compares in constant time.
    if (digest?.length === 32 && (await crypto.subtle.verify("HMAC", key, digest, data))) return;
  }
  fail("signature mismatch");
}
