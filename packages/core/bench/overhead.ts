/**
 * Per-call CPU of bare openapi-fetch vs createApiClient with an in-process fake fetch (no network):
 * GET, POST and an HMAC-signed POST. Variants run interleaved (A B A B …) in one process; each
 * round is a batch of sequential calls, and the report gives the median µs per call and the ratio.
 * Run: pnpm exec tsx bench/overhead.ts [rounds] [callsPerRound]
 */
import createClient from "openapi-fetch";
import { hmacSigner } from "../src/hmac";
import { composeSigners, createApiClient, timestampedApiKeySigner } from "../src/index";
import type { AnyPaths } from "../test/paths";

const rounds = Number(process.argv[2] ?? 15);
const calls = Number(process.argv[3] ?? 2_000);
const baseUrl = "https://api.example.test/v1";
const reply = JSON.stringify({
  code: 200,
  msg: "success",
  data: { sessionId: "s_1", amount: 12.5 },
});

/** Behaves like the platform fetch: builds a Request from its arguments and reads the body. */
async function fakeFetch(input: Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (request.body) await request.arrayBuffer();
  return new Response(reply, { headers: { "content-type": "application/json" } });
}

const bare = createClient<AnyPaths>({ baseUrl, fetch: fakeFetch });
// What a bare openapi-fetch user writes to call Clink at all: the same two headers, as middleware.
const bareAuth = createClient<AnyPaths>({ baseUrl, fetch: fakeFetch });
bareAuth.use({
  onRequest({ request }) {
    request.headers.set("X-API-KEY", "sk_test_bench");
    request.headers.set("X-Timestamp", String(Date.now()));
  },
});
const signer = timestampedApiKeySigner({ apiKey: "sk_test_bench" });
const ours = createApiClient<AnyPaths>({ baseUrl, fetch: fakeFetch, signer });
const oursNoTimeout = createApiClient<AnyPaths>({
  baseUrl,
  fetch: fakeFetch,
  signer,
  timeoutMs: 0,
});
const signed = createApiClient<AnyPaths>({
  baseUrl,
  fetch: fakeFetch,
  signer: composeSigners(signer, hmacSigner({ secret: "whsec_bench" })),
});

const params = { params: { path: { id: "s_1" }, query: { expand: "customer" } } };
const body = { customerEmail: "ada@example.com", amount: 12.5, currency: "USD" };
const variants: Record<string, () => Promise<unknown>> = {
  "bare GET": () => bare.GET("/sessions/{id}", params),
  "bare GET + auth middleware": () => bareAuth.GET("/sessions/{id}", params),
  "payclients GET": () => ours.GET("/sessions/{id}", params),
  "payclients GET, timeoutMs 0": () => oursNoTimeout.GET("/sessions/{id}", params),
  "bare POST": () => bare.POST("/sessions", { body }),
  "bare POST + auth middleware": () => bareAuth.POST("/sessions", { body }),
  "payclients POST": () => ours.POST("/sessions", { body }),
  "payclients HMAC-signed POST": () => signed.POST("/sessions", { body }),
};

const samples: Record<string, number[]> = Object.fromEntries(
  Object.keys(variants).map((k) => [k, []]),
);
for (let round = -2; round < rounds; round++) {
  for (const [name, call] of Object.entries(variants)) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await call();
    const used = process.cpuUsage(start);
    // The first two rounds warm up the JIT and are not recorded.
    if (round >= 0) samples[name]?.push((used.user + used.system) / calls);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${(s[Math.floor(s.length / 4)] ?? 0).toFixed(1)}–${(s[Math.floor((3 * s.length) / 4)] ?? 0).toFixed(1)}`;
};
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const baseline = (name: string) => (name.includes("GET") ? m["bare GET"] : m["bare POST"]) ?? 1;
console.log(
  `Node ${process.version}, ${rounds} rounds × ${calls} calls, CPU µs per call (median, IQR)`,
);
for (const [name, v] of Object.entries(m)) {
  const ratio = ((v ?? 0) / baseline(name)).toFixed(3);
  console.log(
    `${name.padEnd(30)} ${(v ?? 0).toFixed(1).padStart(7)} µs  [${spread(samples[name] ?? [])}]  ×${ratio}`,
  );
}
