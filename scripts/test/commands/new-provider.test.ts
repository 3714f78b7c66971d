import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaffoldProvider } from "../../src/commands/new-provider.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/new-provider/acme.yaml", import.meta.url));
const exec = promisify(execFile);

describe("scaffoldProvider", () => {
  const doc = {
    info: { title: "Acme" },
    servers: [{ url: "https://apiv2.example.com" }],
    security: [{ key: [] }],
    components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
    paths: {},
  };
  const base = {
    id: "acme",
    sources: [{ file: "upstream/a.yaml", format: "openapi" as const, text: "x" }],
    versions: {},
  };

  it("uses an API-key header and requires baseUrl when the only host is a placeholder", () => {
    const files = scaffoldProvider({ ...base, doc });
    expect(files["packages/acme/src/client.ts"]).toContain('apiKeySigner(apiKey, "X-Key")');
    expect(files["packages/acme/src/client.ts"]).toContain("  baseUrl: string;");
    expect(files["specs/acme/provider.yaml"]).toContain("environments: {}");
  });

  it("refuses auth it cannot scaffold, and bad ids", () => {
    const twoKeys = { ...doc, security: [{ a: [], b: [] }] };
    expect(() => scaffoldProvider({ ...base, doc: twoKeys })).toThrow(
      "write createClient's auth by hand",
    );
    expect(() => scaffoldProvider({ ...base, id: "Acme!", doc })).toThrow("provider id must be");
  });
});

// The whole flow in a scratch copy of the repository: scaffold, regen, build, type-check a call.
describe("pnpm new-provider, end to end", () => {
  let root: string;
  const run = (cmd: string, args: string[]) =>
    exec(cmd, args, { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "payclients-new-provider-"));
    for (const entry of [
      "package.json",
      "pnpm-workspace.yaml",
      "pnpm-lock.yaml",
      "tsconfig.base.json",
      "tsup.base.ts",
      ".npmrc",
      "specs",
      "scripts",
      "packages",
    ]) {
      await cp(join(REPO, entry), join(root, entry), {
        recursive: true,
        filter: (src) => !/[/\\](node_modules|dist|\.turbo|\.tmp)$/.test(src),
      });
    }
    // Offline: everything the workspace needs is already in the pnpm store.
    await run("pnpm", ["install", "--offline", "--frozen-lockfile"]);
  }, 240_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("scaffolds a bearer-auth provider that regen generates and that type-checks a call", async () => {
    await run("pnpm", ["new-provider", "acme", "--from", FIXTURE]);
    const client = await readFile(join(root, "packages/acme/src/client.ts"), "utf8");
    expect(client).toContain("signer: bearerSigner(apiKey)");

    const regen = await run("pnpm", ["regen", "acme"]);
    expect(regen.stdout).toMatch(/acme\s+2 ops/);
    const metadata = await readFile(join(root, "packages/acme/src/generated/metadata.ts"), "utf8");
    expect(metadata).toContain(
      '"POST /widgets": { idempotencyHeader: "Idempotency-Key", idempotencyKeyMaxLength: 64 }',
    );
    expect(metadata).toContain('"production": "https://api.acmepay.test/v2"');

    await run("pnpm", ["--filter", "@payclients/core", "--filter", "@payclients/acme", "build"]);
    await writeFile(
      join(root, "packages/acme/src/call.ts"),
      `import { createAcmeClient, unwrap } from "./index";
const acme = createAcmeClient({ apiKey: "k" });
export const widget = acme.GET("/widgets/{id}", { params: { path: { id: "w1" } } });
export const created = acme.POST("/widgets", { body: { name: "w" } });
export const name: string = unwrap(await widget).name;
// @ts-expect-error: no such path
export const wrong = acme.GET("/gadgets/{id}", { params: { path: { id: "w1" } } });
// @ts-expect-error: name is required
export const missing = acme.POST("/widgets", { body: {} });
`,
    );
    await run("pnpm", ["--filter", "@payclients/acme", "exec", "tsc", "--noEmit"]);
    const check = await run("pnpm", ["regen", "--check"]);
    expect(check.stdout).toContain("generated files are up to date");
  }, 240_000);
});
