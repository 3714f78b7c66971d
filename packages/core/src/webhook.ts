import { webKey } from "./crypto";
import { WebhookVerificationError } from "./errors";

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
      : Math.abs(now - (+ts < 1e11 ? +ts * 1000 : +ts)) > toleranceMs
        ? "timestamp outside tolerance"
        : // An empty secret verifies nothing (and Web Crypto refuses it).
          secret.length
          ? ""
          : "the secret is empty";
  // Nothing wrong so far: only the signature itself is left to check.
  if (!why) {
    const key = await webKey(secret, "verify");
    const data = await new Blob([`${ts}.`, input.payload as BlobPart]).arrayBuffer();
    // Each candidate is checked by Web Crypto's own verify, which compares in constant time.
    for (const candidate of `${signature}`.split(/[\s,]+/))
      if (await crypto.subtle.verify("HMAC", key, digestBytes(candidate), data)) return;
  }
  throw new WebhookVerificationError(`Webhook verification failed: ${why || "signature mismatch"}`);
}

/**
 * The bytes a candidate signature stands for: 64 hex digits, else base64 (standard or URL-safe,
 * padded or not); no bytes when it is neither, which never verifies. Decoding the candidate, not
 * encoding our digest, keeps the expected signature out of any string we build.
 */
const digestBytes = (candidate: string): Uint8Array<ArrayBuffer> => {
  try {
    return Uint8Array.from(
      /^[\da-f]{64}$/i.test(candidate)
        ? (candidate.match(/../g) as string[])
        : atob(candidate.replace(/-/g, "+").replace(/_/g, "/")),
      (c: string) => (c.length > 1 ? Number.parseInt(c, 16) : c.charCodeAt(0)),
    );
  } catch {
    return new Uint8Array();
  }
};
