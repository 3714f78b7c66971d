import { apiKeySigner, type ClientOptions, createApiClient } from "@payclients/core";
import type { Client } from "openapi-fetch";
import { middleware } from "./generated/metadata";
import type { paths } from "./generated/openapi";

/** Options of {@link createTelnessClient}. */
export interface TelnessClientOptions extends ClientOptions {
  /** A Connect API key from the Telness portal. Sent as `X-Api-Key`, never logged. */
  apiKey: string;
  /** Your Connect API host: the docs show only a placeholder (`apiv2.example.com`), so it is required. */
  baseUrl: string;
}

/** The typed openapi-fetch client for the Telness Connect API. */
export type TelnessClient = Client<paths>;

/**
 * Creates a Telness Connect client: `X-Api-Key` on every attempt; operations that declare
 * `X-Idempotency-Key` get one generated per logical request (reused by every retry).
 */
export function createTelnessClient(options: TelnessClientOptions): TelnessClient {
  const { apiKey, ...rest } = options;
  return createApiClient<paths>({
    ...rest,
    signer: apiKeySigner(apiKey, "X-Api-Key"),
    middleware,
  });
}
