// Web Crypto exists on Node 20+, browsers, Deno and Bun, so no `node:` import is needed. But Node's
// Web Crypto HMAC costs ~29 µs of CPU per signature on Node 20 (argument normalization and a
// thread-pool hop) against ~2.6 µs for node:crypto's createHmac, so request signing uses the latter
// where the runtime offers it without an import (process.getBuiltinModule: Node 20.16+, Bun).

/** Bytes backed by a plain ArrayBuffer, which is what Web Crypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** The part of node:crypto's createHmac that the signer uses. */
export type NodeHmac = (algorithm: "sha256", key: string | Uint8Array) => NodeMac;
interface NodeMac {
  update(data: string | Uint8Array): NodeMac;
  digest(encoding: "hex" | "base64"): string;
}

/** node:crypto's createHmac, when the runtime offers it without an import. */
export const nodeHmac: NodeHmac | undefined = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => { createHmac?: NodeHmac } } }
).process?.getBuiltinModule?.("node:crypto")?.createHmac;

/** UTF-8 bytes of a string; a copy of other bytes. */
export const toBytes = (v: string | ArrayBuffer | Uint8Array): Bytes =>
  typeof v === "string" ? new TextEncoder().encode(v) : new Uint8Array(v);

/** Imports an HMAC-SHA256 key. */
export const hmacKey = (secret: string | Uint8Array): Promise<CryptoKey> =>
  crypto.subtle.importKey("raw", toBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

/** Concatenates two byte arrays. */
export const concat = (a: Uint8Array, b: Uint8Array): Bytes => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** Lower-case hex, or standard base64, of bytes. */
export const encodeDigest = (bytes: ArrayBuffer, encoding: "hex" | "base64"): string => {
  const a = [...new Uint8Array(bytes)];
  return encoding === "hex"
    ? a.map((b) => (b < 16 ? "0" : "") + b.toString(16)).join("")
    : btoa(String.fromCharCode(...a));
};

/** Decodes a hex or (standard or URL-safe) base64 digest; empty when it is neither. */
export const decodeDigest = (text: string): Bytes => {
  try {
    return /^([\da-f]{2})+$/i.test(text)
      ? Uint8Array.from(text.match(/../g) as string[], (h) => Number.parseInt(h, 16))
      : Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
};
