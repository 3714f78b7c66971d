/**
 * Wall time per sequential GET against a node:http server in a separate process on 127.0.0.1:
 * raw fetch vs bare openapi-fetch vs createApiClient (API key + timestamp signer, retrying fetch,
 * 60 s per-attempt timeout; no retry happens). Interleaved rounds, medians.
 * Run: pnpm exec tsx bench/loopback.ts [rounds] [callsPerRound]
 */
import { spawn } from "node:child_process";
import createClient from "openapi-fetch";
import { createApiClient, timestampedApiKeySigner } from "../src/index";
import type { AnyPaths } from "../test/paths";

const rounds = Number(process.argv[2] ?? 15);
const calls = Number(process.argv[3] ?? 500);
const serverCode = `
const reply = JSON.stringify({ code: 200, msg: "success", data: { sessionId: "s_1", amount: 12.5 } });
const s = require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end(reply); });
});
s.listen(0, "127.0.0.1", () => console.log(s.address().port));`;
const child = spawn(process.execPath, ["-e", serverCode], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise<string>((resolve) =>
  child.stdout.once("data", (d) => resolve(String(d).trim())),
);
const baseUrl = `http://127.0.0.1:${port}/api`;

const bare = createClient<AnyPaths>({ baseUrl });
const ours = createApiClient<AnyPaths>({
  baseUrl,
  signer: timestampedApiKeySigner({ apiKey: "sk_test_bench" }),
});
const params = { params: { path: { id: "s_1" } } };
const variants: Record<string, () => Promise<unknown>> = {
  "raw fetch": () => fetch(`${baseUrl}/sessions/s_1`).then((r) => r.json()),
  "bare openapi-fetch": () => bare.GET("/sessions/{id}", params),
  "payclients (signed, retrying)": () => ours.GET("/sessions/{id}", params),
};
const samples: Record<string, number[]> = Object.fromEntries(
  Object.keys(variants).map((k) => [k, []]),
);
for (let round = -2; round < rounds; round++) {
  for (const [name, call] of Object.entries(variants)) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await call();
    if (round >= 0) samples[name]?.push(((performance.now() - start) * 1000) / calls);
  }
}
child.kill();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const raw = median(samples["raw fetch"] ?? []);
const bareMedian = median(samples["bare openapi-fetch"] ?? []);
console.log(
  `Node ${process.version}, ${rounds} rounds × ${calls} sequential GETs, µs per call (median)`,
);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  const line = `${name.padEnd(32)} ${m.toFixed(1).padStart(7)} µs`;
  console.log(
    `${line}  throughput ×${(raw / m).toFixed(3)} of raw fetch, ×${(m / bareMedian).toFixed(3)} time of bare`,
  );
}
