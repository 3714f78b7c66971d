import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { type AnyClient, loadClients, POST_BODY, SECRET } from "./lib/clients.ts";
import { num, ratio, spread, table } from "./lib/format.ts";
import { ROOT } from "./lib/modules.ts";
import type { Goal, Section } from "./lib/report.ts";
import { interleave, pairedRatio, summarize } from "./lib/stats.ts";

/** One way of making "a GET of one payment session": resolves when the JSON body is parsed. */
type Call = () => Promise<unknown>;

async function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = fork(join(ROOT, "bench", "lib", "server.mjs"), [], { stdio: "inherit" });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("error", reject);
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * Requests per second of `count` calls, `concurrency` at a time; the client process's CPU µs per
 * request goes to `cpu` (steadier than throughput when other work shares the machine).
 */
async function throughput(
  call: Call,
  count: number,
  concurrency: number,
  cpu: number[],
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next++ < count) await call();
  };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const { user, system } = process.cpuUsage(cpuStart);
  cpu.push((user + system) / count);
  return count / ((performance.now() - start) / 1000);
}

/** GET variants against the loopback server: raw fetch, bare openapi-fetch, each provider client. */
async function getVariants(baseUrl: string): Promise<Record<string, Call>> {
  const m = await loadClients();
  const raw: Call = async () => {
    const response = await fetch(`${baseUrl}/order/payment-session/ps_1`, {
      headers: { "X-API-KEY": SECRET },
    });
    return response.json();
  };
  const bare = m.createClient({ baseUrl });
  const clink = m.createClinkClient({ apiKey: SECRET, baseUrl });
  const telness = m.createTelnessClient({ apiKey: SECRET, baseUrl });
  const yorlet = m.createYorletClient({ apiKey: SECRET, baseUrl, account: "acct_1" });
  const get = (client: AnyClient, path: string, name: string): Call => {
    return () => client.GET(path, { params: { path: { [name]: "ps_1" } } });
  };
  return {
    "raw fetch": raw,
    "bare openapi-fetch": get(bare, "/order/payment-session/{sessionId}", "sessionId"),
    "@payclients/clink": get(clink, "/order/payment-session/{sessionId}", "sessionId"),
    "@payclients/telness": get(telness, "/payment-sessions/{paymentSessionId}", "paymentSessionId"),
    "@payclients/yorlet": get(yorlet, "/v1/payment_sessions/{id}", "id"),
  };
}

export interface RequestRounds {
  rounds: number;
  sequential: number;
  concurrent: number;
}

/** Throughput over loopback HTTP, sequential and 50 concurrent, interleaved per round. */
export async function throughputBench(options: RequestRounds): Promise<Section> {
  const { child, baseUrl } = await startServer();
  try {
    const calls = await getVariants(baseUrl);
    const names = Object.keys(calls);
    const rows: string[][] = [];
    const goals: Goal[] = [];
    for (const [mode, count, concurrency] of [
      ["sequential", options.sequential, 1],
      ["50 concurrent", options.concurrent, 50],
    ] as const) {
      const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
      const variants = Object.fromEntries(
        names.map((n) => [
          n,
          () => throughput(calls[n] as Call, count, concurrency, cpu[n] as number[]),
        ]),
      );
      const samples = await interleave(variants, options.rounds);
      const base = samples["raw fetch"] ?? [];
      // The warm-up round's CPU sample is dropped, as interleave drops its throughput.
      const cpuOf = (n: string) => (cpu[n] ?? []).slice(-options.rounds);
      for (const name of names) {
        const r = pairedRatio(samples[name] ?? [], base);
        const c = pairedRatio(cpuOf(name), cpuOf("raw fetch"));
        rows.push([
          mode,
          name,
          spread(summarize(samples[name] ?? []), 0),
          ratio(r),
          `${num(summarize(cpuOf(name)).median, 0)} µs (${c.median.toFixed(2)}×)`,
        ]);
        if (name.startsWith("@payclients/")) {
          goals.push({
            name: `${name} GET throughput ÷ raw fetch, ${mode}`,
            target: "≥ 0.88×",
            measured: `${r.median.toFixed(2)}×`,
            met: r.median >= 0.88,
          });
        }
      }
    }
    const markdown = table(
      [
        "mode",
        "client",
        "requests/s, median (p25–p75)",
        "÷ raw fetch (paired)",
        "client CPU per request (÷ raw)",
      ],
      rows,
    );
    return { title: "Request path: throughput over loopback HTTP", markdown, goals };
  } finally {
    child.disconnect();
  }
}

/**
 * A fetch that answers at once but first does to its arguments what the platform's fetch does:
 * builds a Request from them (undici's fetch runs `new Request(input, init)` for every call) and
 * reads the body it would send.
 */
function fakeFetch(): (input: Request, init?: RequestInit) => Promise<Response> {
  const body = JSON.stringify({ code: 200, msg: "success", data: { sessionId: "ps_1" } });
  const headers = { "content-type": "application/json" };
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.body) await request.arrayBuffer();
    return new Response(body, { headers });
  };
}

/** CPU microseconds per call, averaged over `calls` sequential calls. */
async function cpuPerCall(call: Call, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / calls;
}

/** Per-call CPU with an in-process fake fetch: the client's own overhead, no network. */
export async function cpuBench(rounds: number, calls: number): Promise<Section> {
  const m = await loadClients();
  const baseUrl = "https://api.bench.test";
  const fetch = fakeFetch();
  const bare = m.createClient({ baseUrl, fetch });
  const clink = m.createClinkClient({ apiKey: SECRET, baseUrl, fetch });
  const signed = m.core.createApiClient({
    baseUrl,
    fetch,
    signer: m.core.hmacSigner({ secret: SECRET }),
  });
  const GET = (c: AnyClient) => () =>
    c.GET("/order/payment-session/{sessionId}", { params: { path: { sessionId: "ps_1" } } });
  const POST = (c: AnyClient) => () => c.POST("/order/payment-session", { body: POST_BODY });
  const variants: Record<string, Call> = {
    "bare openapi-fetch GET": GET(bare),
    "@payclients/clink GET (API key + timestamp)": GET(clink),
    "bare openapi-fetch POST": POST(bare),
    "@payclients/clink POST (API key + timestamp)": POST(clink),
    "core HMAC body-signing POST (hmacSigner)": POST(signed),
  };
  const samples = await interleave(
    Object.fromEntries(Object.entries(variants).map(([n, c]) => [n, () => cpuPerCall(c, calls)])),
    rounds,
  );
  const rows = Object.keys(variants).map((name) => {
    const base = name.includes(" GET") ? "bare openapi-fetch GET" : "bare openapi-fetch POST";
    return [
      name,
      spread(summarize(samples[name] ?? []), 1),
      ratio(pairedRatio(samples[name] ?? [], samples[base] ?? [])),
    ];
  });
  const hmac = pairedRatio(
    samples["core HMAC body-signing POST (hmacSigner)"] ?? [],
    samples["bare openapi-fetch POST"] ?? [],
  );
  return {
    title: "Request path: CPU per call (in-process fake fetch)",
    markdown: table(
      ["variant", "CPU µs per call, median (p25–p75)", "÷ bare openapi-fetch, same method"],
      rows,
    ),
    goals: [
      {
        name: "HMAC body-signing POST CPU ÷ bare openapi-fetch POST",
        target: "≤ 1.3×",
        measured: `${hmac.median.toFixed(2)}× (${num(summarize(samples["core HMAC body-signing POST (hmacSigner)"] ?? []).median, 1)} µs)`,
        met: hmac.median <= 1.3,
      },
    ],
  };
}
