/**
 * A Verdaccio registry on 127.0.0.1 for release tests: storage in a temporary folder, no uplinks
 * (it proxies nothing, so it can serve only what was published to it), one user registered here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";

const require = createRequire(import.meta.url);

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A token for the user registered at start, valid on this registry only. */
  token: string;
  close: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts Verdaccio (on the Node running the tests: it needs 22+) and registers a user. */
export async function startVerdaccio(dir: string): Promise<Registry> {
  mkdirSync(join(dir, "storage"), { recursive: true });
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      `  htpasswd: { file: ${JSON.stringify(join(dir, "htpasswd"))}, max_users: 1 }`,
      "uplinks: {}",
      "packages:",
      "  '@payclients/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all }",
      "web: { enable: false }",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(require.resolve("verdaccio/package.json"), "..", "bin", "verdaccio");
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, "--config", config, "--listen", `127.0.0.1:${port}`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill();
    });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 300 || child.exitCode !== null) {
      await close();
      throw new Error(`Verdaccio did not start on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const response = await fetch(`${url}-/user/org.couchdb.user:e2e`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "e2e", password: "e2e-local-only" }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!token) {
    await close();
    throw new Error(`Verdaccio refused to register a user (HTTP ${response.status})`);
  }
  return { url, token, close };
}
