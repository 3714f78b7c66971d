import { encode, join, nodeHmac, webHmac, webKey } from "./crypto";
import { PayclientsError } from "./errors";

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
  (request) => {
    request.headers.set(header, apiKey);
  };

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
export function timestampedApiKeySigner(options: TimestampedApiKeyOptions): Signer {
  const { apiKey, header = "X-API-KEY", timestampHeader = "X-Timestamp", now = Date.now } = options;
  return (request) => {
    request.headers.set(header, apiKey);
    request.headers.set(timestampHeader, String(now()));
  };
}

/** Options of hmacSigner. */
export interface HmacSignerOptions {
  /** The signing secret (UTF-8 string or raw bytes). */
  secret: string | Uint8Array;
  /** Header carrying the signature; default `X-Signature`. */
  header?: string;
  /** Header carrying the signed timestamp (ms since the epoch); default `X-Timestamp`. */
  timestampHeader?: string;
  /** Digest encoding; default `hex`. */
  encoding?: "hex" | "base64";
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * HMAC-SHA256 request signer. The signed string is
 * `<timestamp>\n<METHOD>\n<path>?<query>\n<body>` (path and query as sent, body bytes verbatim,
 * empty when there is none); timestamp and signature go in two headers, fresh on every attempt.
 */
export function hmacSigner(options: HmacSignerOptions): Signer {
  const {
    secret,
    header = "X-Signature",
    timestampHeader = "X-Timestamp",
    now = Date.now,
  } = options;
  const encoding = options.encoding ?? "hex";
  // Web Crypto refuses an empty key where node:crypto takes it: refused everywhere, up front.
  if (!secret.length) throw new PayclientsError("hmacSigner: the secret is empty");
  const hmac = nodeHmac(secret);
  const utf8 = new TextEncoder();
  let key: Promise<CryptoKey> | undefined;
  // Synchronous where node:crypto is at hand: the retrying fetch then awaits nothing.
  return (request, body) => {
    const timestamp = String(now());
    const { url } = request;
    // Path and query as sent: the serialized URL after its origin, without a fragment or an empty
    // query, which fetch does not send.
    const path = url.slice(url.indexOf("/", 8)).replace(/#.*/s, "").replace(/\?$/, "");
    const data = `${timestamp}\n${request.method}\n${path}\n`;
    const set = (signature: string) => {
      request.headers.set(timestampHeader, timestamp);
      request.headers.set(header, signature);
    };
    if (!hmac) {
      key ??= webKey(secret);
      return webHmac(key, [data, body ?? ""]).then((d) => set(encode(d, encoding)));
    }
    const bytes = utf8.encode(data);
    set(hmac(body ? join(bytes, new Uint8Array(body)) : bytes, encoding));
  };
}

/** Runs signers in order on the same request (e.g. an API key plus an HMAC signature). */
export const composeSigners =
  (...signers: Signer[]): Signer =>
  async (request, body) => {
    for (const sign of signers) request = (await sign(request, body)) || request;
    return request;
  };
