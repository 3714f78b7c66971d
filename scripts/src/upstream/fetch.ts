/**
 * One polite, bounded HTTP GET for the crawler. Everything a docs site can do to a crawler is
 * handled here: a stalled or endless body (timeout, size limit), a flaky server (retry), rate
 * limiting (429 / 503 with Retry-After, capped), a redirect to another host (refused), and
 * conditional requests (ETag / Last-Modified → 304). The caller decides what a status means.
 */
import { PipelineError } from "../errors.ts";

/** The validators of a snapshot's last download, sent back as a conditional request. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** How {@link httpGet} fetches; every field has a default fit for a real docs site. */
export interface HttpOptions {
  /** Per attempt, covering headers and body. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** Further attempts after a timeout, network error or 5xx; never after a 4xx. Default 1. */
  retries?: number | undefined;
  /** Largest body accepted; reading stops as soon as it is exceeded. Default 2 MiB. */
  maxBytes?: number | undefined;
  /** Longest Retry-After honoured; a server asking for more fails the run. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /** How many 429 / 503 answers are waited out per request. Default 3. */
  rateLimitWaits?: number | undefined;
  /** Sent on every request; names payclients and its version. */
  userAgent?: string | undefined;
  /** The fetch to use (tests, proxies). Default the global fetch. */
  fetch?: typeof fetch | undefined;
  /** How to wait (tests pass a clock that does not). Default setTimeout. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** What came back: the status the caller must judge, and the body of a 2xx. */
export interface HttpResult {
  /** The URL that answered, after same-origin redirects. */
  url: string;
  status: number;
  contentType: string;
  /** The body, exactly as served (BOM and CRLF kept); empty for anything but a 2xx. */
  text: string;
  validators: Validators;
  /** The server's Retry-After, when it answered 429 / 503 and the wait was not taken. */
  retryAfter?: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;

/** A failure another attempt might not hit (timeout, connection, 5xx). */
class Transient extends Error {}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * GETs `url` with `accept`, sending `validators` as If-None-Match / If-Modified-Since. Resolves
 * with any status the server finally answers (after retries and rate-limit waits); rejects with
 * a PipelineError naming the URL for what no retry can fix.
 */
export async function httpGet(
  url: string,
  accept: string,
  validators: Validators,
  options: HttpOptions = {},
): Promise<HttpResult> {
  if (/^[a-z][\w+.-]*:\/\/[^/?#]*@/i.test(url)) {
    // Never sent (a docs site is public), and never named: every message would log the secret.
    throw new PipelineError(
      `${url.replace(/^([a-z][\w+.-]*:\/\/)[^/?#]*@/i, "$1***@")}: refusing a URL with credentials (a docs site is public)`,
    );
  }
  const retries = Math.max(0, Math.floor(options.retries ?? 1));
  const sleep = options.sleep ?? realSleep;
  let waits = 0;
  for (let attempt = 0; ; ) {
    try {
      const result = await followRedirects(url, accept, validators, options);
      if (result.status === 429 || result.status === 503) {
        const delay = retryDelay(result.retryAfter, waits, options);
        if (delay === undefined) {
          if (result.status === 503 && attempt < retries) {
            attempt++;
            continue;
          }
          return result;
        }
        waits++;
        await sleep(delay);
        continue;
      }
      return result;
    } catch (error) {
      if (error instanceof Transient && attempt < retries) {
        attempt++;
        continue;
      }
      if (error instanceof PipelineError) throw error;
      const tries = attempt === 0 ? "" : ` (after ${attempt + 1} attempts)`;
      throw new PipelineError(`${url}: ${(error as Error).message}${tries}`);
    }
  }
}

/**
 * How long to wait before asking again, or undefined when the answer stands: no Retry-After, a
 * wait beyond the cap (a crawler that sleeps for an hour is a hung CI job) or too many waits.
 */
function retryDelay(
  retryAfter: string | undefined,
  waits: number,
  options: HttpOptions,
): number | undefined {
  if (retryAfter === undefined || waits >= (options.rateLimitWaits ?? 3)) return undefined;
  const seconds = /^\s*\d+\s*$/.test(retryAfter)
    ? Number(retryAfter)
    : (Date.parse(retryAfter) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  const ms = Math.max(0, seconds * 1000);
  return ms <= (options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS) ? ms : undefined;
}

async function followRedirects(
  start: string,
  accept: string,
  validators: Validators,
  options: HttpOptions,
): Promise<HttpResult> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await attemptOnce(url, accept, validators, options);
    if (!("location" in answer)) return answer;
    const next = new URL(answer.location, url);
    if (next.origin !== new URL(start).origin) {
      // Only the docs site's own origin is crawled: a redirect elsewhere is refused, not followed.
      throw new PipelineError(`${start}: refusing a redirect to another host (${next.href})`);
    }
    url = next.href;
  }
  throw new PipelineError(`${start}: more than ${MAX_REDIRECTS} redirects`);
}

async function attemptOnce(
  url: string,
  accept: string,
  validators: Validators,
  options: HttpOptions,
): Promise<HttpResult | { location: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept };
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal, headers, redirect: "manual" });
  } catch (error) {
    throw transient(error, signal, timeoutMs);
  }
  try {
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      return { location };
    }
    const answer: HttpResult = {
      url,
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text: "",
      validators: {
        etag: response.headers.get("etag") ?? undefined,
        lastModified: response.headers.get("last-modified") ?? undefined,
      },
      retryAfter: response.headers.get("retry-after") ?? undefined,
    };
    if (response.status >= 500 && response.status !== 503) {
      throw new Transient(`HTTP ${response.status}`);
    }
    if (response.status < 200 || response.status >= 300) return answer;
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw rejected(url, `${declared} bytes, more than the limit of ${maxBytes}`);
    }
    answer.text = decode(url, await readLimited(url, response, maxBytes, signal, timeoutMs));
    return answer;
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

/** True for a body served or shaped as an HTML page (an error, a login page, a rendered page). */
export function isHtml(contentType: string, text: string): boolean {
  return (
    /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType) ||
    /^\s*(<!doctype html|<html[\s>])/i.test(text)
  );
}
