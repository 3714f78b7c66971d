/**
 * A stranger's project: the packed tarballs installed with npm into a folder outside the workspace,
 * a consumer type-checked under moduleResolution node16 and bundler (strict, skipLibCheck off), then
 * run as ESM and as CommonJS against a loopback server that answers like the provider.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBPATHS } from "../scripts/package-manifest.ts";
import { type FakeProvider, startFakeProvider } from "./support/fake-provider.ts";
import {
  assertBuilt,
  cleanEnv,
  packAll,
  packInstalled,
  publicPackages,
  repoRoot,
  run,
  runAsync,
} from "./support/workspace.ts";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const packages = publicPackages();
const API_KEY = "stranger-api-key";

interface Scenario {
  imports: string;
  /** Statements inside the consumer's async main(); `results.<provider>` is printed as JSON. */
  body: string;
  /** The operation the server must have answered, and what each such request must carry. */
  template: string;
  url: string;
  headers: Record<string, string | RegExp>;
  /** What `results.<provider>` must also hold, beyond the status. */
  result?: Record<string, unknown>;
}

/** Provider calls the consumer makes; a provider without one is still imported and type-checked. */
const scenarios: Record<string, Scenario> = {
  clink: {
    imports: `import { createClinkClient, PayclientsError } from "@payclients/clink";
import { verifyClinkWebhook, WebhookVerificationError } from "@payclients/clink/webhooks";`,
    body: `
  const clink = createClinkClient({ apiKey: "${API_KEY}", baseUrl });
  const session = await clink.GET("/order/payment-session/{sessionId}", {
    params: { path: { sessionId: "sess_stranger" } },
  });
  // Verification runs in core's hmac entry (through Clink's webhooks entry); the error classes come
  // from core's root entry: one class each, in both module systems, or instanceof fails.
  const rejected = await verifyClinkWebhook({
    payload: "{}",
    headers: { "x-clink-timestamp": String(Date.now()), "x-clink-signature": "00" },
    secret: "whsec_stranger",
  }).catch((error: unknown) => error);
  const webhookError =
    rejected instanceof WebhookVerificationError && rejected instanceof PayclientsError;
  results.clink = { status: session.response.status, data: session.data, webhookError };
  // @ts-expect-error -- not a Clink path: proves the client is typed, not \`any\`
  void (() => clink.GET("/no/such/path"));`,
    template: "/order/payment-session/{sessionId}",
    url: "/order/payment-session/sess_stranger",
    headers: { "x-api-key": API_KEY, "x-timestamp": /^\d{13}$/ },
    result: { webhookError: true },
  },
  telness: {
    imports: `import { createTelnessClient } from "@payclients/telness";`,
    body: `
  const telness = createTelnessClient({ apiKey: "${API_KEY}", baseUrl });
  const session = await telness.GET("/payment-sessions/{paymentSessionId}", {
    params: { path: { paymentSessionId: "ps_stranger" } },
  });
  results.telness = { status: session.response.status, data: session.data };`,
    template: "/payment-sessions/{paymentSessionId}",
    url: "/payment-sessions/ps_stranger",
    headers: { "x-api-key": API_KEY },
  },
  yorlet: {
    imports: `import { createYorletClient } from "@payclients/yorlet";`,
    body: `
  const yorlet = createYorletClient({ apiKey: "${API_KEY}", baseUrl, account: "acct_stranger" });
  const session = await yorlet.GET("/v1/payment_sessions/{id}", {
    params: { path: { id: "ps_stranger" } },
  });
  results.yorlet = { status: session.response.status, data: session.data };`,
    template: "/v1/payment_sessions/{id}",
    url: "/v1/payment_sessions/ps_stranger",
    headers: { authorization: `Bearer ${API_KEY}`, "yorlet-context": "acct_stranger" },
  },
};

/** Every entry point a consumer can import: each package's root and its subpaths. */
const entries = packages.flatMap((p) => [
  { specifier: p.name, id: `ns_${p.dir}` },
  ...(SUBPATHS[p.dir] ?? []).map((sub) => ({
    specifier: `${p.name}/${sub}`,
    id: `ns_${p.dir}_${sub}`,
  })),
]);

/** One consumer source, for ESM (.mts / .ts) or CommonJS (.cts, no top-level await there). */
function consumerSource(): string {
  const namespaces = entries.map((e) => `import * as ${e.id} from "${e.specifier}";`);
  const used = packages.filter((p) => scenarios[p.dir]);
  return `${[...namespaces, ...used.map((p) => scenarios[p.dir]?.imports)].join("\n")}

const baseUrl = process.env.PAYCLIENTS_BASE_URL ?? "";
if (!baseUrl) throw new Error("PAYCLIENTS_BASE_URL is not set");

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  const exported: Record<string, string[]> = {
${entries.map((e) => `    "${e.specifier}": Object.keys(${e.id}).sort(),`).join("\n")}
  };
${used.map((p) => `  {${scenarios[p.dir]?.body}\n  }`).join("\n")}
  console.log(JSON.stringify({ exported, results }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

const strict = { strict: true, skipLibCheck: false, target: "es2022", types: ["node"] };

describe("a stranger's project", () => {
  let dir: string;
  let server: FakeProvider;

  beforeAll(async () => {
    for (const pkg of packages) assertBuilt(pkg);
    dir = mkdtempSync(join(tmpdir(), "payclients-stranger-"));
    mkdirSync(join(dir, "tarballs"));
    mkdirSync(join(dir, "src"));
    const tarballs = packAll(packages, join(dir, "tarballs"));
    writeFileSync(
      join(dir, "package.json"),
      `${JSON.stringify({ name: "stranger", version: "1.0.0", private: true }, null, 2)}\n`,
    );
    // Their registry dependencies, and the only other thing a Node project needs to type-check,
    // packed from the workspace's installed copies: the install reaches no registry.
    const wanted = [{ name: "@types/node", from: join(repoRoot, "e2e") }];
    for (const pkg of packages) {
      const deps = Object.keys((pkg.manifest.dependencies ?? {}) as Record<string, string>);
      for (const name of deps.filter((d) => !d.startsWith("@payclients/"))) {
        wanted.push({ name, from: pkg.path });
      }
    }
    const dependencies = packInstalled(wanted, join(dir, "tarballs"));
    // One install for everything: the tarballs (their dependencies on each other resolve to the
    // tarballs themselves).
    run(
      "npm",
      ["install", "--offline", "--no-audit", "--no-fund", ...tarballs, ...dependencies],
      dir,
      cleanEnv({ npm_config_update_notifier: "false" }),
    );
    const source = consumerSource();
    for (const file of ["consumer.mts", "consumer.cts", "app.ts"]) {
      writeFileSync(join(dir, "src", file), source);
    }
    const node16 = { ...strict, module: "node16", moduleResolution: "node16", lib: ["es2022"] };
    writeFileSync(
      join(dir, "tsconfig.node16.json"),
      JSON.stringify({
        compilerOptions: { ...node16, outDir: "out", rootDir: "src" },
        files: ["src/consumer.mts", "src/consumer.cts"],
      }),
    );
    const bundler = { ...strict, module: "esnext", moduleResolution: "bundler", noEmit: true };
    writeFileSync(
      join(dir, "tsconfig.bundler.json"),
      JSON.stringify({
        compilerOptions: { ...bundler, lib: ["es2022", "dom", "dom.iterable"] },
        files: ["src/app.ts"],
      }),
    );
    server = await startFakeProvider();
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("installs the published manifests, with internal ranges resolved", () => {
    for (const pkg of packages) {
      const installed = JSON.parse(
        readFileSync(join(dir, "node_modules", pkg.name, "package.json"), "utf8"),
      );
      expect(installed.version).toBe(pkg.version);
      const ranges = Object.values({ ...installed.dependencies }) as string[];
      expect(ranges.filter((range) => range.startsWith("workspace:"))).toEqual([]);
      // One copy of core, the packed one: a nested copy would mean npm went to the registry.
      const nested = join(dir, "node_modules", pkg.name, "node_modules", "@payclients");
      expect(existsSync(nested), nested).toBe(false);
    }
  });

  it("type-checks under moduleResolution node16 (ESM and CJS), emitting .mjs and .cjs", () => {
    run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], dir);
  });

  it("type-checks under moduleResolution bundler", () => {
    run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], dir);
  });

  for (const [kind, file] of [
    ["ESM", "consumer.mjs"],
    ["CommonJS", "consumer.cjs"],
  ] as const) {
    it(`runs as ${kind} against a loopback server`, async () => {
      server.requests.length = 0;
      const env = cleanEnv({ PAYCLIENTS_BASE_URL: server.origin });
      const out = JSON.parse(await runAsync(process.execPath, [join("out", file)], dir, env));
      for (const e of entries) expect(out.exported[e.specifier].length).toBeGreaterThan(0);

      for (const pkg of packages) {
        const scenario = scenarios[pkg.dir];
        if (!scenario) continue;
        expect(out.results[pkg.dir], pkg.name).toMatchObject({ status: 200, ...scenario.result });
        const seen = server.requests.filter((r) => r.route?.template === scenario.template);
        expect(seen.length, `${pkg.name}: requests to ${scenario.template}`).toBeGreaterThan(0);
        for (const request of seen) {
          expect(request.url).toBe(scenario.url);
          for (const [name, value] of Object.entries(scenario.headers)) {
            if (typeof value === "string") expect(request.headers[name], name).toBe(value);
            else expect(request.headers[name], name).toMatch(value);
          }
        }
      }
    });
  }

  it("stays outside the workspace", () => {
    expect(dir.startsWith(repoRoot)).toBe(false);
  });
});
