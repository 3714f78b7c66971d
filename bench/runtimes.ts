import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { installRuntimes } from "../e2e/test/support/runtimes.ts";
import { num, ratio, table } from "./lib/format.ts";
import { ROOT } from "./lib/modules.ts";
import type { Goal, Section } from "./lib/report.ts";
import { pairedRatio, summarize } from "./lib/stats.ts";

const WORKER = join(ROOT, "bench", "lib", "get-worker.mjs");
const VARIANTS = [
  "raw fetch",
  "bare openapi-fetch",
  "bare openapi-fetch + auth middleware",
  "@payclients/clink",
  "@payclients/telness",
  "@payclients/yorlet",
  "openai (models.retrieve)",
];
const AUTH = "bare openapi-fetch + auth middleware";
const PEER = "openai (models.retrieve)";
const PROVIDERS = VARIANTS.filter((v) => v.startsWith("@payclients/"));

interface Sample {
  rps: number;
  cpu: number;
}

/** Sends `message` to a worker and resolves with its next message (or fails when it exits). */
const ask = <T>(child: ChildProcess, message?: unknown) =>
  new Promise<T>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`worker exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m as T);
    });
    if (message !== undefined) child.send(message as object);
  });

/**
 * One runtime: each variant in a process of its own on that runtime (loaded and warmed up once),
 * rounds interleaved (one worker runs at a time, the order rotated every round), a warm-up round
 * dropped. Returns each variant's samples in round order.
 */
async function measure(
  execPath: string,
  baseUrl: string,
  rounds: number,
  count: number,
): Promise<Record<string, Sample[]>> {
  const workers = VARIANTS.map((v) =>
    fork(WORKER, [v, baseUrl], { execPath, stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  try {
    // Started one at a time: their imports and warm-ups would otherwise compete.
    for (const worker of workers) await ask(worker);
    const samples: Record<string, Sample[]> = Object.fromEntries(VARIANTS.map((v) => [v, []]));
    for (let round = -1; round < rounds; round++) {
      const shift = (round + VARIANTS.length) % VARIANTS.length;
      const order = [...VARIANTS.keys()].map((i) => (i + shift) % VARIANTS.length);
      for (const i of order) {
        const sample = await ask<Sample>(workers[i] as ChildProcess, { count });
        if (round >= 0) samples[VARIANTS[i] as string]?.push(sample);
      }
    }
    return samples;
  } finally {
    for (const worker of workers) if (worker.connected) worker.disconnect();
  }
}

/** Sequential GET throughput and CPU per request on Node 20, 22 and 24, with the peer SDK. */
export async function runtimesBench(options: { rounds: number; count: number }): Promise<Section> {
  const runtimes = (await installRuntimes()).filter((r) => r.name.startsWith("Node"));
  const server = fork(join(ROOT, "bench", "lib", "server.mjs"), [], { stdio: "inherit" });
  const port = await ask<{ port: number }>(server);
  const baseUrl = `http://127.0.0.1:${port.port}`;
  const rows: string[][] = [];
  const goals: Goal[] = [];
  try {
    for (const runtime of runtimes) {
      const s = await measure(runtime.command, baseUrl, options.rounds, options.count);
      const rps = (v: string) => (s[v] ?? []).map((x) => x.rps);
      const cpu = (v: string) => (s[v] ?? []).map((x) => x.cpu);
      for (const v of VARIANTS) {
        const wall = summarize(rps(v));
        rows.push([
          runtime.name,
          v,
          `${num(wall.median, 0)} (±${num(((wall.p75 - wall.p25) / 2 / wall.median) * 100, 1)}%)`,
          ratio(pairedRatio(rps(v), rps("raw fetch"))),
          ratio(pairedRatio(rps(v), rps("bare openapi-fetch"))),
          ratio(pairedRatio(rps(v), rps(AUTH))),
          `${num(summarize(cpu(v)).median, 0)} µs (${pairedRatio(cpu(v), cpu(AUTH)).median.toFixed(2)}×)`,
        ]);
      }
      if (runtime.name === "Node 20") continue;
      for (const v of PROVIDERS) {
        const auth = pairedRatio(rps(v), rps(AUTH));
        goals.push({
          name: `${runtime.name}: ${v} GET throughput ÷ bare openapi-fetch + auth middleware`,
          target: "≥ 0.97×",
          measured: `${auth.median.toFixed(2)}× (IQR ${auth.p25.toFixed(2)}–${auth.p75.toFixed(2)})`,
          met: auth.median >= 0.97,
        });
        const peer = pairedRatio(rps(v), rps(PEER));
        goals.push({
          name: `${runtime.name}: ${v} GET throughput ÷ openai models.retrieve`,
          target: "≥ 1.5×",
          measured: `${peer.median.toFixed(2)}× (IQR ${peer.p25.toFixed(2)}–${peer.p75.toFixed(2)})`,
          met: peer.median >= 1.5,
        });
      }
    }
  } finally {
    server.disconnect();
  }
  const markdown = [
    `Each variant in its own process on the runtime named (one loopback server process for all), ` +
      `${options.rounds} interleaved rounds of ${options.count} sequential GETs after a warm-up ` +
      "round; ratios are medians of per-round ratios (interquartile range in brackets); the spread " +
      "column is half the interquartile range of requests/s over the median.",
    "",
    table(
      [
        "runtime",
        "client",
        "requests/s, median (spread)",
        "÷ raw fetch",
        "÷ bare openapi-fetch",
        "÷ bare + auth middleware",
        "client CPU per request (÷ bare + auth)",
      ],
      rows,
    ),
  ].join("\n");
  return { title: "Request path per runtime: sequential GET over loopback HTTP", markdown, goals };
}
