import { encode, same, webHmac, webKey } from "./crypto";
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
  const { signature, toleranceMs = 300_000, now = Date.now() } = input;
  const ts = String(input.timestamp ?? "").trim();
  // Seconds stay below 1e11 until the year 5138; milliseconds passed it in 1973.
  const ms = +ts < 1e11 ? +ts * 1000 : +ts;
  let why = !signature
    ? "missing signature"
    : !/^\d{1,16}$/.test(ts)
      ? "bad timestamp"
      : Math.abs(now - ms) > toleranceMs
        ? "timestamp outside tolerance"
        : "";
  // An empty secret verifies nothing (and Web Crypto refuses it).
  if (!why && !input.secret.length) why = "the secret is empty";
  if (!why) {
    why = "signature mismatch";
    const digest = await webHmac(webKey(input.secret), [`${ts}.`, input.payload as BlobPart]);
    const hex = encode(digest, "hex");
    // Standard base64 without padding: URL-safe and unpadded candidates compare equal too.
    const b64 = (text: string) => text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    const base64 = b64(encode(digest, "base64"));
    // Each candidate is compared in constant time with both encodings (the docs name neither).
    for (const candidate of String(signature).split(/[\s,]+/)) {
      if (same(candidate.toLowerCase(), hex) || same(b64(candidate), base64)) return;
    }
  }
  throw new WebhookVerificationError(`Webhook verification failed: ${why}`);
}
