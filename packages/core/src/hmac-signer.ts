import { encode, join, nodeHmac, webHmac, webKey } from "./crypto";
import { PayclientsError } from "./errors";
import type { Signer } from "./signers";

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
  if (!secret?.length) throw new PayclientsError("hmacSigner: the secret is missing or empty");
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
