import { webHmac, webKey } from "./crypto";
import { PayclientsError } from "./errors";
import { named } from "./named";

/**
 * A webhook's signature or timestamp did not verify. (On this entry, with the verifier: the
 * client entry never throws it.)
 */
export const WebhookVerificationError = /* @__PURE__ */ named(
  "WebhookVerificationError",
  PayclientsError,
);
export type WebhookVerificationError = PayclientsError;

/** Input of verifyWebhookSignature. */
export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  payload: string | Uint8Array | ArrayBuffer;
  /** Hex or base64 HMAC-SHA256 digest; several may be separated by spaces or commas. */
  signature: string | null | undefined;
  /** The signed timestamp, in milliseconds or seconds since the epoch (detected). */
  timestamp: string | number | null | undefined;
  /** The endpoint's signing secret. */
  secret: string | Uint8Array;
  /** Largest accepted clock difference either way; default 300 000 ms (5 minutes). */
  toleranceMs?: number | undefined;
  /** Current time in ms, for tests. */
  now?: number | undefined;
}

/**
 * Verifies an HMAC-SHA256 signature over `<timestamp>.<raw body>` and the timestamp's freshness;
 * throws WebhookVerificationError (never naming the secret or the expected signature). It does not
 * parse the body: a provider's wrapper knows its format.
 */
export async function verifyWebhookSignature(input: VerifyWebhookInput): Promise<void> {
  const { signature, secret, toleranceMs = 300_000, now = Date.now() } = input;
  const ts = `${input.timestamp ?? ""}`.trim();
  // Seconds stay below 1e11 until the year 5138; milliseconds passed it in 1973.
  const why = !signature
    ? "missing signature"
    : !/^\d{1,16}$/.test(ts)
      ? "bad timestamp"
      : // Fails closed: a NaN tolerance (a misread setting) accepts no timestamp.
        !(Math.abs(now - (+ts < 1e11 ? +ts * 1000 : +ts)) <= toleranceMs)
        ? "timestamp outside tolerance"
        : // A missing or empty secret verifies nothing (and Web Crypto refuses an empty key).
          secret?.length
          ? ""
          : "the secret is missing or empty";
  // Nothing wrong so far: only the signature itself is left to check.
  if (!why) {
    // One HMAC, whatever the number of candidates: a sender cannot make us hash the body per
    // candidate. Each is compared with it byte by byte in constant time, never as a string.
    const digest = new Uint8Array(
      await webHmac(webKey(secret), [`${ts}.`, input.payload as BlobPart]),
    );
    for (const candidate of `${signature}`.split(/[\s,]+/)) {
      const bytes = digestBytes(candidate);
      // Every byte is visited whatever differs: the time says nothing about where.
      const diff = digest.reduce(
        (d, byte, i) => d | (byte ^ (bytes[i] as number)),
        bytes.length ^ 32,
      );
      if (!diff) return;
    }
  }
  throw new WebhookVerificationError(`Webhook verification failed: ${why || "signature mismatch"}`);
}

/**
 * The bytes a candidate signature stands for: 64 hex digits, else base64 (standard or URL-safe,
 * padded or not); no bytes when it is neither, which never verifies.
 */
const digestBytes = (candidate: string): number[] => {
  try {
    return /^[\da-f]{64}$/i.test(candidate)
      ? (candidate.match(/../g) as string[]).map((hex) => Number.parseInt(hex, 16))
      : [...atob(candidate.replace(/-/g, "+").replace(/_/g, "/"))].map((c) => c.charCodeAt(0));
  } catch {
    return [];
  }
};
