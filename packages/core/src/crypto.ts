// Web Crypto exists on Node 20+, browsers, Deno and Bun, so no `node:` import is needed. Request
// signing runs on every attempt, though, and Node's Web Crypto HMAC costs ~25 µs of CPU plus a
// thread-pool hop where node:crypto's createHmac costs ~3 µs: where the runtime hands out
// node:crypto without an import (process.getBuiltinModule: Node 20.16+, Bun), signing uses it.
// Webhook verification always uses Web Crypto's constant-time verify.

/** node:crypto's createHmac, when the runtime offers it without an import (looked up on demand,
 * so that bundles which never sign requests drop it). */
export const nodeHmac = () =>
  (
    globalThis as {
      process?: {
        getBuiltinModule?: (id: string) => {
          createHmac(
            alg: string,
            key: Uint8Array,
          ): {
            update(data: Uint8Array): { digest(encoding: string): string };
          };
        };
      };
    }
  ).process?.getBuiltinModule?.("node:crypto").createHmac;

const utf8 = new TextEncoder();

/**
 * The bytes of strings (UTF-8) and byte buffers, concatenated. (`new Blob(parts).arrayBuffer()` is
 * shorter but cost ~130 µs of CPU per signed request on Node: this runs on every attempt.)
 */
export const bytes = (...parts: (string | ArrayBuffer | Uint8Array)[]): Uint8Array<ArrayBuffer> => {
  const chunks = parts.map((p) => (typeof p === "string" ? utf8.encode(p) : new Uint8Array(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** Imports an HMAC-SHA256 key. */
export const hmacKey = async (secret: string | Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey("raw", bytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

/** Lower-case hex, or standard base64, of bytes. */
export const encode = (buffer: ArrayBuffer, encoding: "hex" | "base64"): string => {
  const a = [...new Uint8Array(buffer)];
  return encoding === "hex"
    ? a.map((b) => b.toString(16).padStart(2, "0")).join("")
    : btoa(String.fromCharCode(...a));
};

/** Decodes a hex or (standard or URL-safe) base64 digest; empty when it is neither. */
export const decode = (text: string): Uint8Array<ArrayBuffer> => {
  try {
    return Uint8Array.from(
      /^([\da-f]{2})+$/i.test(text)
        ? text.replace(/../g, (h) => String.fromCharCode(Number.parseInt(h, 16)))
        : atob(text.replace(/-/g, "+").replace(/_/g, "/")),
      (c) => c.charCodeAt(0),
    );
  } catch {
    return new Uint8Array();
  }
};
