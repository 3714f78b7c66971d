// Web Crypto exists on Node 20+, browsers, Deno and Bun, so no `node:` import is needed. Request
// signing runs on every attempt, though, and Node's Web Crypto HMAC costs ~25 µs of CPU plus a
// thread-pool hop where node:crypto's createHmac costs ~3 µs: where the runtime hands out
// node:crypto without an import (process.getBuiltinModule: Node 20.16+, Bun), signing uses it.

/** node:crypto's createHmac, when the runtime offers it without an import (looked up on demand,
 * so that bundles which never sign requests drop it). */
export const nodeHmac = () =>
  (
    globalThis as {
      process?: {
        getBuiltinModule?: (id: string) => {
          createHmac(
            alg: string,
            key: string | Uint8Array,
          ): {
            update(data: string | Uint8Array): { update(data: string | Uint8Array): Digest };
          };
        };
      };
    }
  ).process?.getBuiltinModule?.("node:crypto").createHmac;
type Digest = { digest(encoding: string): string };

/**
 * HMAC-SHA256 of the concatenated parts with Web Crypto. (A Blob joins the parts in one line; it
 * costs ~130 µs on Node, which is why request signing on Node takes node:crypto instead.)
 */
export const webHmac = async (secret: string | Uint8Array, parts: BlobPart[]) =>
  crypto.subtle.sign(
    "HMAC",
    await crypto.subtle.importKey(
      "raw",
      typeof secret === "string" ? new TextEncoder().encode(secret) : (secret as BufferSource),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    ),
    await new Blob(parts).arrayBuffer(),
  );

/** Lower-case hex, or standard base64, of bytes. */
export const encode = (buffer: ArrayBuffer, encoding: "hex" | "base64"): string => {
  const a = [...new Uint8Array(buffer)];
  return encoding === "hex"
    ? a.map((b) => b.toString(16).padStart(2, "0")).join("")
    : btoa(String.fromCharCode(...a));
};

/** String equality in time that depends on `a`'s length only, never on where they differ. */
export const same = (a: string, b: string): boolean => {
  let d = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return !d;
};
