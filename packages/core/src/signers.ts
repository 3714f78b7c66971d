/**
 * Signs one attempt of a request: sets headers on `request` (or returns a replacement Request).
 * `body` is the request body, buffered once by the retrying fetch, when the request has one; a
 * signer must read the body from there, never from `request`.
 */
export type Signer = (
  request: Request,
  body?: ArrayBuffer,
  // biome-ignore lint/suspicious/noConfusingVoidType: a signer that only sets headers returns nothing
) => void | Request | Promise<void | Request>;

/** Sends an API key in a header (default `X-API-KEY`). */
export const apiKeySigner =
  (apiKey: string, header = "X-API-KEY"): Signer =>
  (request) =>
    request.headers.set(header, apiKey);

/** Sends `Authorization: Bearer <token>`; `token` may be a function, called per attempt. */
export const bearerSigner =
  (token: string | (() => string | Promise<string>)): Signer =>
  async (request) => {
    request.headers.set(
      "Authorization",
      `Bearer ${typeof token === "string" ? token : await token()}`,
    );
  };

/** Options of timestampedApiKeySigner. */
export interface TimestampedApiKeyOptions {
  apiKey: string;
  /** Header carrying the key; default `X-API-KEY`. */
  header?: string;
  /** Header carrying the time in milliseconds since the epoch; default `X-Timestamp`. */
  timestampHeader?: string;
  /** Clock, for tests. */
  now?: () => number;
}

/** API key plus a fresh millisecond timestamp on every attempt (Clink: X-API-KEY, X-Timestamp). */
export const timestampedApiKeySigner =
  ({
    apiKey,
    header = "X-API-KEY",
    timestampHeader = "X-Timestamp",
    now = Date.now,
  }: TimestampedApiKeyOptions): Signer =>
  (request) => {
    request.headers.set(header, apiKey);
    request.headers.set(timestampHeader, `${now()}`);
  };

/** Runs signers in order on the same request (e.g. an API key plus an HMAC signature). */
export const composeSigners =
  (...signers: Signer[]): Signer =>
  async (request, body) => {
    for (const sign of signers) request = (await sign(request, body)) || request;
    return request;
  };
