/**
 * Through a real registry, onto every runtime users run. In a release copy of the repository,
 * `changeset publish` publishes every package to a Verdaccio on 127.0.0.1 (the only registry the
 * copy's .npmrc names for @payclients; the token is one this Verdaccio issued). A stranger's
 * project outside the workspace then installs the packages from it by name and version, as a user
 * would, and runs the same program on Node 20, 22 and 24, Bun and Deno (ES module; CommonJS where
 * the runtime runs it): each provider client calls a loopback server, retries its 503, unwraps the
 * response; a Clink webhook verifies.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReleaseCopy } from "./support/release-copy.ts";
import { API_KEY, consumerSource } from "./support/runtime-consumer.ts";
import { installRuntimes, type Runtime } from "./support/runtimes.ts";
import { type Registry, startVerdaccio } from "./support/verdaccio.ts";
import { cleanEnv, publicPackages, run, runAsync } from "./support/workspace.ts";

const packages = publicPackages();

/** Paths each provider is called on, what it answers once the 503 is over, and its auth header. */
const ROUTES: Record<string, { body: unknown; auth: [string, string | RegExp] }> = {
  "/order/payment-session/sess_rt": {
    body: { code: 200, msg: "success", data: { sessionId: "sess_rt" } },
    auth: ["x-api-key", API_KEY],
  },
  "/payment-sessions/ps_rt": { body: { id: "ps_rt" }, auth: ["x-api-key", API_KEY] },
  "/v1/payment_sessions/ps_rt": {
    body: { id: "ps_rt" },
    auth: ["authorization", `Bearer ${API_KEY}`],
  },
};

/** Without registry credentials or registry settings from the environment. */
const isolatedEnv = (extra: Record<string, string> = {}) => {
  const env = cleanEnv(extra);
  for (const key of Object.keys(env)) {
    if (/token|_auth|registry|npm_config_userconfig/i.test(key) && !(key in extra)) delete env[key];
  }
  return env;
};

describe("published to a local registry, run on every runtime", () => {
  let work: string;
  let copy: { dir: string; env: NodeJS.ProcessEnv };
  let registry: Registry;
  let runtimes: Runtime[];
  let server: Server;
  let origin: string;
  const seen: { url: string; headers: IncomingHttpHeaders; status: number }[] = [];
  const attempts = new Map<string, number>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "payclients-registry-"));
    // The runtimes download (first run only) while the registry starts.
    const installing = installRuntimes();
    copy = makeReleaseCopy();
    registry = await startVerdaccio(join(work, "verdaccio"));
    server = createServer((req, res) => {
      const url = req.url ?? "";
      // Each program (runtime and module kind) answers its own first request per path with 503.
      const key = `${req.headers["x-run"] ?? ""} ${url}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const route = ROUTES[url];
      const status = !route ? 404 : attempt === 1 ? 503 : 200;
      seen.push({ url, headers: req.headers, status });
      res.writeHead(status, { "content-type": "application/json", "retry-after": "0" });
      res.end(JSON.stringify(status === 200 ? route?.body : { error: "unavailable" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    runtimes = await installing;
  });

  afterAll(async () => {
    await registry?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("publishes every package with changeset publish, to 127.0.0.1 only", () => {
    const host = registry.url.replace(/^http:/, "");
    appendFileSync(
      join(copy.dir, ".npmrc"),
      `\n@payclients:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`,
    );
    const env = { ...isolatedEnv(), PATH: copy.env.PATH ?? "" };
    run("pnpm", ["exec", "changeset", "publish"], copy.dir, { ...copy.env, ...env });
    for (const pkg of packages) {
      const info = JSON.parse(
        run(
          "npm",
          ["view", `${pkg.name}@${pkg.version}`, "--json", `--registry=${registry.url}`],
          copy.dir,
          env,
        ),
      );
      expect(info.version, pkg.name).toBe(pkg.version);
      expect(info.dist.tarball, pkg.name).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
  });

  it("installs into a stranger's project by name and version, and runs on each runtime", async () => {
    const stranger = join(work, "stranger");
    mkdirSync(stranger);
    writeFileSync(join(stranger, "package.json"), '{ "name": "stranger", "private": true }\n');
    // Our scope from the local registry; openapi-fetch from the npm registry, as for any user.
    writeFileSync(join(stranger, ".npmrc"), `@payclients:registry=${registry.url}\n`);
    const specs = packages.map((p) => `${p.name}@${p.version}`);
    const env = isolatedEnv({ npm_config_update_notifier: "false" });
    // (The lockfile records where each tarball came from, checked below.)
    const flags = [
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--omit-lockfile-registry-resolved=false",
    ];
    run("npm", ["install", ...flags, ...specs], stranger, env);
    const lock = JSON.parse(readFileSync(join(stranger, "package-lock.json"), "utf8"));
    for (const pkg of packages) {
      const entry = lock.packages[`node_modules/${pkg.name}`];
      expect(entry?.version, pkg.name).toBe(pkg.version);
      expect(entry?.resolved, pkg.name).toMatch(new RegExp(`^${registry.url}`));
    }
    expect(runtimes.map((rt) => rt.name)).toEqual(["Node 20", "Node 22", "Node 24", "Bun", "Deno"]);
    const runs = runtimes.flatMap((rt) =>
      (rt.commonjs ? (["esm", "cjs"] as const) : (["esm"] as const)).map((kind) => {
        const file = `${rt.name.replace(/\W/g, "").toLowerCase()}.${kind === "esm" ? "mjs" : "cjs"}`;
        writeFileSync(join(stranger, file), consumerSource(origin, kind, file));
        return { rt, file };
      }),
    );
    const outcomes = await Promise.all(
      runs.map(async ({ rt, file }) => {
        const out = await runAsync(rt.command, [...rt.args, file], stranger, env, 120_000).catch(
          (error: Error) => error.message,
        );
        return { name: `${rt.name} ${file}`, out };
      }),
    );
    for (const { name, out } of outcomes) {
      const line = out.trim().split("\n").at(-1) ?? "";
      let result: Record<string, unknown> | undefined;
      try {
        result = JSON.parse(line);
      } catch {}
      expect(result, `${name}:\n${out}`).toEqual({
        clink: { sessionId: "sess_rt" },
        telness: { id: "ps_rt" },
        yorlet: { id: "ps_rt" },
        webhook: { type: "payment.succeeded", data: { sessionId: "sess_rt" } },
        tamperedRejected: true,
      });
    }
    // Each program's call was retried once after its 503, and every attempt was signed.
    for (const [path, route] of Object.entries(ROUTES)) {
      const calls = seen.filter((s) => s.url === path);
      expect(calls.filter((s) => s.status === 503).length, path).toBe(runs.length);
      expect(calls.filter((s) => s.status === 200).length, path).toBe(runs.length);
      const [header, value] = route.auth;
      for (const call of calls) expect(call.headers[header], `${path} ${header}`).toEqual(value);
    }
  });
});
