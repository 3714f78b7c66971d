// `@payclients/clink/webhooks`: webhook verification, which runs on servers. A separate entry so
// that the client entry (`@payclients/clink`) stays the client path: small and browser-safe.
import { verifyWebhookSignature, WebhookVerificationError } from "@payclients/core/hmac";

export { WebhookVerificationError };

/** Request headers: a Headers instance or a plain object such as Node's `req.headers`. */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

/** A Clink webhook event, as far as it is known without a published schema. */
export type ClinkWebhookEvent = Record<string, unknown>;

/** Input of verifyClinkWebhook. */
export interface VerifyClinkWebhookInput {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  payload: string | Uint8Array | ArrayBuffer;
  /** The request headers; `X-Clink-Timestamp` and `X-Clink-Signature` are read case-insensitively. */
  headers: HeadersLike;
  /** The endpoint's signing secret. */
  secret: string;
  /** Largest accepted clock difference either way; default 300 000 ms (5 minutes). */
  toleranceMs?: number;
  /** Current time in ms, for tests. */
  now?: number;
}

/**
 * Verifies a Clink webhook (HMAC-SHA256 over `<X-Clink-Timestamp>.<raw body>`, hex or base64, within
 * the tolerance) and returns the parsed event; throws WebhookVerificationError.
 */
export async function verifyClinkWebhook<T = ClinkWebhookEvent>(
  input: VerifyClinkWebhookInput,
): Promise<T> {
  // Names are matched case-insensitively. A plain object is read as it is, never turned into a
  // Headers: that would throw on names or values Headers refuses (HTTP/2 pseudo-headers such as
  // `:method`, control characters), where a bad header must be a failed verification. A repeated
  // header (an array) becomes "a,b", which the verifier splits into candidate signatures.
  const given = input.headers;
  const header = (name: string) => {
    const value =
      given instanceof Headers
        ? given.get(name)
        : Object.entries(given).find(([key]) => key.toLowerCase() === name)?.[1];
    return value == null ? value : `${value}`;
  };
  await verifyWebhookSignature({
    ...input,
    signature: header("x-clink-signature"),
    timestamp: header("x-clink-timestamp"),
  });
  try {
    return JSON.parse(await new Blob([input.payload as BlobPart]).text());
  } catch {
    throw new WebhookVerificationError("Webhook verification failed: the payload is not JSON");
  }
}
