import type { paths as ClinkPaths } from "../../packages/clink/src/generated/openapi.ts";
import { importEsm } from "./modules.ts";

type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** The slice of openapi-fetch's client the benchmarks call. */
// biome-ignore lint/suspicious/noExplicitAny: one shape for every provider's typed client.
export type AnyClient = Record<"GET" | "POST", (path: any, init?: any) => Promise<unknown>>;

interface Modules {
  createClient: (options: { baseUrl: string; fetch?: FetchLike }) => AnyClient;
  core: {
    createApiClient: (options: Record<string, unknown>) => AnyClient;
    hmacSigner: (options: { secret: string }) => unknown;
  };
  createClinkClient: (options: { apiKey: string; baseUrl: string; fetch?: FetchLike }) => AnyClient;
  createTelnessClient: (options: {
    apiKey: string;
    baseUrl: string;
    fetch?: FetchLike;
  }) => AnyClient;
  createYorletClient: (options: {
    apiKey: string;
    baseUrl: string;
    account?: string;
    fetch?: FetchLike;
  }) => AnyClient;
}

/**
 * The built packages (dist, as users get them) and openapi-fetch as core resolves it, loaded
 * through the e2e workspace package, which depends on all of them.
 */
export async function loadClients(): Promise<Modules> {
  const [openapiFetch, core, hmac, clink, telness, yorlet] = await Promise.all([
    importEsm<{ default: Modules["createClient"] }>("packages/core", "openapi-fetch"),
    importEsm<Pick<Modules["core"], "createApiClient">>("e2e", "@payclients/core"),
    importEsm<Pick<Modules["core"], "hmacSigner">>("e2e", "@payclients/core/hmac"),
    importEsm<Pick<Modules, "createClinkClient">>("e2e", "@payclients/clink"),
    importEsm<Pick<Modules, "createTelnessClient">>("e2e", "@payclients/telness"),
    importEsm<Pick<Modules, "createYorletClient">>("e2e", "@payclients/yorlet"),
  ]);
  return {
    createClient: openapiFetch.default,
    core: { createApiClient: core.createApiClient, hmacSigner: hmac.hmacSigner },
    createClinkClient: clink.createClinkClient,
    createTelnessClient: telness.createTelnessClient,
    createYorletClient: yorlet.createYorletClient,
  };
}

/** The Clink create-session body: what every POST in the benchmarks sends. */
export const POST_BODY = {
  customerEmail: "ada@example.com",
  amount: 12.5,
  currency: "USD",
} satisfies Partial<
  ClinkPaths["/order/payment-session"]["post"]["requestBody"]["content"]["application/json"]
>;

export const SECRET = "sk_test_bench_0123456789";
