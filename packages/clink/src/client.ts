import { type ClientOptions, createApiClient, timestampedApiKeySigner } from "@payclients/core";
import type { Client } from "openapi-fetch";
import { environments, middleware } from "./generated/metadata";
import type { paths } from "./generated/openapi";

/** A documented Clink environment. Only the sandbox (UAT) host is published. */
export type ClinkEnvironment = keyof typeof environments;

/** Options of {@link createClinkClient}. */
export interface ClinkClientOptions extends ClientOptions {
  /** Secret key from the Clink dashboard (`sk_test_…` / `sk_prod_…`). Sent as `X-API-KEY`, never logged. */
  apiKey: string;
  /**
   * A documented environment; default `sandbox`. Clink publishes no production host in its docs:
   * for production pass `baseUrl` instead.
   */
  environment?: ClinkEnvironment;
}

/** The typed openapi-fetch client for the Clink API. */
export type ClinkClient = Client<paths>;

/**
 * Creates a Clink client: every attempt carries `X-API-KEY` and a fresh `X-Timestamp` (ms), with
 * retries, timeouts and typed errors from @payclients/core.
 */
export function createClinkClient(options: ClinkClientOptions): ClinkClient {
  const { apiKey, environment = "sandbox", baseUrl, ...rest } = options;
  return createApiClient<paths>({
    ...rest,
    baseUrl: baseUrl ?? environments[environment],
    signer: timestampedApiKeySigner({ apiKey }),
    middleware,
  });
}
