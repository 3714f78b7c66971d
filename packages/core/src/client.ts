import createClient, { type Client, type HeadersOptions, type Middleware } from "openapi-fetch";
import {
  createRetryingFetch,
  type FetchLike,
  type Logger,
  type RetryingFetchOptions,
} from "./retry";
import type { Signer } from "./signers";

/** Options every provider client shares, whatever its credentials. */
export interface ClientOptions {
  /** API root; provider packages default it from their environment. */
  baseUrl?: string;
  /** The fetch that sends each attempt; default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Headers sent with every request. */
  headers?: HeadersOptions;
  /** Per-attempt timeout in ms, up to the response headers; default 60 000; 0 disables. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 2; per request: `{ maxRetries }` in the call. */
  maxRetries?: number;
  /** Receives every attempt (method, redacted URL, status, attempt, duration). */
  logger?: Logger;
}

/** Options of createApiClient: the shared ones plus what a provider package supplies. */
export interface ApiClientOptions extends ClientOptions {
  /** Signs every attempt: API key, bearer token, timestamp, HMAC signature. */
  signer?: Signer;
  /**
   * Middleware the provider's spec calls for, from its generated metadata (idempotency keys for
   * the operations that declare the header): none at all when the spec needs none, so the client
   * then bundles no middleware code and openapi-fetch skips its middleware pass.
   */
  middleware?: Middleware[];
  /** Backoff tuning (and an injectable sleep) for tests and special cases. */
  retry?: Pick<RetryingFetchOptions, "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs" | "sleep">;
}

/** An openapi-fetch client with signing, retries, timeouts and idempotency keys installed. */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): Client<Paths> {
  // Only openapi-fetch's own options go to it: it copies unknown ones onto every Request.
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    fetch: createRetryingFetch({ ...options.retry, ...options }),
  });
  client.use(...(options.middleware ?? []));
  return client;
}
