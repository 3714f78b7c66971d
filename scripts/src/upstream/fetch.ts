/**
 * Refreshes an upstream snapshot over HTTP. A snapshot is replaced only by a document that
 * parses: an HTML error or login page, a truncated or oversized body, or a stalled server is
 * an error naming the URL, never a new snapshot.
 */
import { PipelineError } from "../errors.ts";

/** How {@link fetchSnapshot} fetches and what it accepts. */
export interface FetchSnapshotOptions {
  /** Per attempt, covering headers and body. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** Further attempts after a timeout, network error or 5xx; never after a 4xx. Default 1. */
  retries?: number | undefined;
  /** Largest body accepted; reading stops as soon as it is exceeded. Default 2 MiB. */
  maxBytes?: number | undefined;
  /** Throws when the text is not a parseable document of the expected format. */
  check: (text: string) => void;
  /** The fetch to use (tests, proxies). Default the global fetch. */
  fetch?: typeof fetch | undefined;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 1;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const ACCEPT = "text/markdown, text/plain, application/yaml, application/json;q=0.9, */*;q=0.5";

/** A failure another attempt might not hit (timeout, connection, 5xx). */
class Transient extends Error {}

/** Downloads `url` and returns its body verbatim once `check` accepts it; PipelineError if not. */
export async function fetchSnapshot(url: string, options: FetchSnapshotOptions): Promise<string> {
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(url, options);
    } catch (error) {
      if (error instanceof Transient && attempt < retries) continue;
      const tries = attempt === 0 ? "" : ` (after ${attempt + 1} attempts)`;
      if (error instanceof PipelineError) throw error;
      throw new PipelineError(`${url}: ${(error as Error).message}${tries}`);
    }
  }
}

async function attemptOnce(url: string, options: FetchSnapshotOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal, headers: { accept: ACCEPT } });
  } catch (error) {
    throw transient(error, signal, timeoutMs);
  }
  try {
    if (!response.ok) {
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      if (response.status >= 500) throw new Transient(status);
      throw new PipelineError(`${url}: ${status}`);
    }
    const type = response.headers.get("content-type") ?? "";
    if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      throw rejected(url, `an HTML page (content-type ${type}), likely an error or login page`);
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw rejected(url, `${declared} bytes, more than the limit of ${maxBytes}`);
    }
    const text = decode(url, await readLimited(url, response, maxBytes, signal, timeoutMs));
    if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) {
      throw rejected(url, "an HTML page, likely an error or login page");
    }
    try {
      options.check(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // A check that already names the URL should not have it named twice.
      const own = reason.startsWith(`${url}: `) ? reason.slice(url.length + 2) : reason;
      throw new PipelineError(`${url}: the content failed its check: ${own}`);
    }
    return text;
  } finally {
    // Release the connection if we stopped before the end of the body.
    await response.body?.cancel().catch(() => {});
  }
}

async function readLimited(
  url: string,
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw rejected(url, `more than the limit of ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    throw transient(error, signal, timeoutMs);
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** UTF-8 exactly as served: a byte-order mark and CRLF line endings are kept, bad bytes refused. */
function decode(url: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw rejected(url, "a body that is not valid UTF-8");
  }
}

function rejected(url: string, what: string): PipelineError {
  return new PipelineError(`${url}: refusing ${what}`);
}

function transient(error: unknown, signal: AbortSignal, timeoutMs: number): Transient {
  if (signal.aborted) return new Transient(`no complete response within ${timeoutMs} ms`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
  return new Transient(`request failed (${detail})`);
}
