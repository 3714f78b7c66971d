// Web Crypto exists on Node 20+, browsers, Deno and Bun, so no `node:` import is needed. Request
// signing runs on every attempt, though, and Node's Web Crypto HMAC costs ~25 µs of CPU plus a
// thread-pool hop where node:crypto's createHmac costs ~3 µs: where the runtime hands out
// node:crypto without an import (process.getBuiltinModule: Node 20.16+, Bun), signing uses it.

type Bytes = Uint8Array<ArrayBufferLike>;
interface NodeCrypto {
  /** One-shot hash (Node 20.12+). */
  hash?(alg: string, data: Bytes, encoding: string): string & Bytes;
  createHmac(alg: string, key: Bytes): { update(data: Bytes): { digest(enc: string): string } };
}

/**
 * An HMAC-SHA256 function over node:crypto, keyed once, when the runtime hands node:crypto out
 * without an import (looked up on demand, so that bundles which never sign requests drop it).
 *
 * It is RFC 2104 over two one-shot `crypto.hash` calls with the key pads computed once: a
 * `createHmac` per request allocates a native object whose collection cost a signed POST ~14 µs
 * of CPU in our benchmark, against ~5 µs for this. Tests pin it to `createHmac` for short, 64-byte
 * and longer keys. Without `crypto.hash`, it is `createHmac`.
 */
export const nodeHmac = (secret: string | Bytes) => {
  const c = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto } }
  ).process?.getBuiltinModule?.("node:crypto");
  if (!c) return;
  const { hash } = c;
  const raw = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  const viaCreateHmac = (data: Bytes, encoding: string) =>
    c.createHmac("sha256", raw).update(data).digest(encoding);
  if (!hash) return viaCreateHmac;
  // A key longer than SHA-256's 64-byte block is hashed first; the pads are key XOR 0x36 / 0x5c.
  const key = raw.length > 64 ? hash("sha256", raw, "buffer") : raw;
  const pad = (x: number) => new Uint8Array(64).map((_, i) => (key[i] ?? 0) ^ x);
  const inner = pad(0x36);
  const outer = pad(0x5c);
  const hmac = (data: Bytes, encoding: string) =>
    hash("sha256", join(outer, hash("sha256", join(inner, data), "buffer")), encoding);
  // Checked once against createHmac: a runtime whose `hash` lacks the "buffer" output (some
  // Node-compatible ones) would otherwise sign wrongly without an error.
  const probe = new Uint8Array([1]);
  return hmac(probe, "hex") === viaCreateHmac(probe, "hex") ? hmac : viaCreateHmac;
};

/** Two byte arrays, concatenated. */
export const join = (a: Bytes, b: Bytes) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** An HMAC-SHA256 key for Web Crypto (import it once per secret: importing costs as much as signing). */
export const webKey = (secret: string | Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey(
    "raw",
    typeof secret === "string" ? new TextEncoder().encode(secret) : (secret as BufferSource),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );

/**
 * HMAC-SHA256 of the concatenated parts with Web Crypto. (A Blob joins the parts in one line; it
 * costs ~130 µs on Node, which is why request signing on Node takes node:crypto instead.)
 */
export const webHmac = async (key: Promise<CryptoKey>, parts: BlobPart[]) =>
  crypto.subtle.sign("HMAC", await key, await new Blob(parts).arrayBuffer());

/** Lower-case hex, or standard base64, of bytes. */
export const encode = (buffer: ArrayBuffer, encoding: "hex" | "base64"): string => {
  const a = [...new Uint8Array(buffer)];
  return encoding === "hex"
    ? a.map((b) => b.toString(16).padStart(2, "0")).join("")
    : btoa(String.fromCharCode(...a));
};
