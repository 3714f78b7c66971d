import { ConnectionError, TimeoutError } from "./errors";
import { redactUrl } from "./redact";
import type { Signer } from "./signers";

/** One attempt as the logger sees it; the URL has credentials (user info, key-like query) redacted. */
export interface AttemptLog {
  method: string;
  url: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** 1 for the first attempt. */
  attempt: number;
  durationMs: number;
  /** Error name and message, when the attempt failed without a response. */
  error?: string;
}

/** Receives every attempt. */
export type Logger = (entry: AttemptLog) => void;

/**
 * Per-request overrides. openapi-fetch copies unknown call options onto the Request it builds, so
 * they are passed with the call: `client.GET("/x", { maxRetries: 0, timeoutMs: 5_000 })`.
 */
export interface RequestOptions {
  maxRetries?: number;
  timeoutMs?: number;
}

/** A fetch: the platform's, or any function with its signature. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Options of createRetryingFetch. */
export interface RetryingFetchOptions {
  /** The fetch that sends each attempt; default `globalThis.fetch`, looked up per call. */
  fetch?: FetchLike | undefined;
  /** Signs every attempt (fresh timestamp and signature each time). */
  signer?: Signer | undefined;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout up to the response headers; default 60 000; 0 disables. */
  timeoutMs?: number | undefined;
  logger?: Logger | undefined;
  /** Backoff base; default 500 ms, doubled per retry, with equal jitter. */
  baseDelayMs?: number;
  /** Backoff cap; default 8 000 ms. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one is returned to the caller; default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Waits between attempts; must reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const SAFE_METHOD = /^(GET|HEAD|OPTIONS|PUT|DELETE)$/;
const RETRY_STATUS = /^(408|429|500|502|503|504)$/;

/**
 * A fetch for `createClient({ fetch })` that signs, times out and retries each attempt beneath the
 * middleware chain. Retries GET, HEAD, OPTIONS, PUT and DELETE, and a POST or PATCH only when it
 * carries an idempotency key, after a 429, or when the connection was refused.
 */
export function createRetryingFetch(
  options: RetryingFetchOptions = {},
): (request: Request) => Promise<Response> {
  const { signer, logger, baseDelayMs = 500, maxDelayMs = 8_000 } = options;
  const { maxRetryAfterMs = 60_000, sleep = abortableSleep } = options;
  const send: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const clientRetries = options.maxRetries ?? 2;
  const clientTimeout = options.timeoutMs ?? 60_000;

  return async (request) => {
    const { maxRetries = clientRetries, timeoutMs = clientTimeout } = request as RequestOptions;
    const caller = request.signal;
    // Read the body once: the signer and every replay use this buffer (a stream reads only once).
    const body = request.body ? await request.arrayBuffer() : undefined;
    for (let attempt = 0; ; attempt++) {
      const started = logger && performance.now();
      let req = request;
      if (signer) {
        // Awaiting only a promise saves a microtask per call for synchronous signers.
        const signed = signer(request, body);
        req = (signed instanceof Promise ? await signed : signed) || request;
      }
      let init: RequestInit | undefined = body && { body };
      let controller: AbortController | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      if (timeoutMs > 0 && timeoutMs < 2 ** 31) {
        controller = new AbortController();
        const ctl = controller;
        // Kept after the headers arrive, so that a caller's abort still stops the body.
        caller.addEventListener("abort", () => ctl.abort(caller.reason), { once: true });
        timer = setTimeout(() => ctl.abort(new TimeoutError("timeout")), timeoutMs);
        init = { body, signal: ctl.signal };
      }
      let response: Response | undefined;
      let error: unknown;
      try {
        response = await send(req, init);
      } catch (e) {
        error = e;
      } finally {
        clearTimeout(timer);
      }
      const timedOut = controller?.signal.reason instanceof TimeoutError;
      if (logger) {
        logger({
          method: request.method,
          url: redactUrl(request.url),
          status: response?.status,
          attempt: attempt + 1,
          durationMs: Math.round(performance.now() - (started as number)),
          error: response ? undefined : timedOut ? "TimeoutError" : describe(error),
        });
      }
      // A caller's abort is final: rethrow it as is, never retry it.
      if (error && caller.aborted) throw error;
      // Evaluated only on failure: no header scan on the success path.
      const safe = () => SAFE_METHOD.test(request.method) || hasIdempotencyKey(req.headers);
      let delay: number | undefined;
      if (response) {
        const status = response.status;
        if (response.ok || attempt >= maxRetries || !RETRY_STATUS.test(String(status))) {
          return response;
        }
        if (status !== 429 && !safe()) return response;
        delay = retryAfterMs(response.headers);
        if (delay !== undefined && delay > maxRetryAfterMs) return response;
        await response.body?.cancel().catch(() => {});
      } else if (attempt >= maxRetries || !(safe() || (!timedOut && refused(error)))) {
        const what = `${request.method} ${redactUrl(request.url)}`;
        if (timedOut) throw new TimeoutError(`${what} timed out after ${timeoutMs} ms`);
        throw new ConnectionError(`${what} failed: ${describe(error)}`, { cause: error });
      }
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      await sleep(delay ?? ceiling / 2 + (Math.random() * ceiling) / 2, caller);
    }
  };
}

/** Milliseconds a `Retry-After` header (seconds or an HTTP date) asks for, if it has one. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(value)
    ? Number(value) * 1000
    : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

const hasIdempotencyKey = (headers: Headers): boolean => {
  for (const [name] of headers) if (name.includes("idempotency")) return true;
  return false;
};

// biome-ignore lint/suspicious/noExplicitAny: network errors carry platform-specific fields
const code = (e: any): unknown => e?.code ?? e?.cause?.code ?? e?.cause?.errors?.[0]?.code;

/** Refused before anything was sent, so even a POST is safe to repeat. */
const refused = (e: unknown): boolean => /ECONNREFUSED|ConnectionRefused/.test(String(code(e)));

const describe = (e: unknown): string => {
  const c = code(e);
  return `${(e as Error)?.name ?? "Error"}: ${(e as Error)?.message ?? e}${c ? ` (${c})` : ""}`;
};

/** setTimeout as a promise that rejects with the signal's reason when it aborts. */
const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
