import { bearerSigner, type ClientOptions, createApiClient } from "@payclients/core";
import type { Client } from "openapi-fetch";
import { environments, middleware } from "./generated/metadata";
import type { paths } from "./generated/openapi";

/** Options of {@link createYorletClient}. */
export interface YorletClientOptions extends ClientOptions {
  /** Your Yorlet API key. Sent as `Authorization: Bearer <apiKey>`, never logged. */
  apiKey: string;
  /** A connected account to act as: sent as `Yorlet-Context` (then `account` is returned). */
  account?: string | undefined;
  /** The documented environment (only `production`, the default, is published). */
  environment?: keyof typeof environments;
}

/** The typed openapi-fetch client for the Yorlet API. */
export type YorletClient = Client<paths>;

/** Creates a Yorlet client: bearer auth on every attempt, `Yorlet-Context` from `account`. */
export function createYorletClient(options: YorletClientOptions): YorletClient {
  const { apiKey, account, environment = "production", baseUrl, headers, ...rest } = options;
  return createApiClient<paths>({
    ...rest,
    baseUrl: baseUrl ?? environments[environment],
    // A default header: a per-request `Yorlet-Context` header still wins (openapi-fetch merges).
    headers: account === undefined ? headers : { "Yorlet-Context": account, ...headers },
    signer: bearerSigner(apiKey),
    middleware,
  });
}
