import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { scaffoldProvider } from "../../src/commands/new-provider.ts";
import { applyFields } from "../../src/commands/package-fields.ts";

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
    license: "MIT License\n",
  };

  it("writes a manifest with every packaging field a published package carries, and the licence", () => {
    const files = scaffoldProvider({ ...base, doc });
    const manifest = JSON.parse(files["packages/acme/package.json"] as string);
    // The same check `pnpm check:packages` runs: applying the fields changes nothing.
    expect(applyFields("acme", manifest)).toEqual(manifest);
    expect(JSON.stringify(applyFields("acme", manifest))).toBe(JSON.stringify(manifest));
    expect(manifest.files).toContain("LICENSE");
    expect(manifest.scripts["lint:package"]).toBe("publint --strict && attw --pack .");
    expect(files["packages/acme/LICENSE"]).toBe("MIT License\n");
  });

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
  // npm_config_offline: a test never reaches the registry (a first run with an empty metadata
  // cache would otherwise fetch it, and hang for minutes behind a TLS-intercepting proxy).
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", npm_config_offline: "true" };
  const run = (cmd: string, args: string[]) => exec(cmd, args, { cwd: root, env });

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
    // new-provider's own install resolves the new package's ranges from the registry; offline, the
    // test locks each of them as the workspace's other packages lock that same range, then links.
    const created = await run("pnpm", ["new-provider", "acme", "--from", FIXTURE, "--no-install"]);
    expect(created.stdout).toContain("next: pnpm install, then pnpm regen acme");
    const manifest = await readFile(join(root, "packages/acme/package.json"), "utf8");
    await lockLikeSiblings(root, "packages/acme", manifest);
    await run("pnpm", ["install", "--offline", "--frozen-lockfile"]);
    const client = await readFile(join(root, "packages/acme/src/client.ts"), "utf8");
    expect(client).toContain("signer: bearerSigner(apiKey)");

    const regen = await run("pnpm", ["regen", "acme"]);
    expect(regen.stdout).toMatch(/acme\s+2 ops, 1 webhook\(s\)/);
    const metadata = await readFile(join(root, "packages/acme/src/generated/metadata.ts"), "utf8");
    expect(metadata).toContain(
      '"POST /widgets": { idempotencyHeader: "Idempotency-Key", idempotencyKeyMaxLength: 64 }',
    );
    expect(metadata).toContain('"production": "https://api.acmepay.test/v2"');

    await run("pnpm", ["--filter", "@payclients/core", "--filter", "@payclients/acme", "build"]);
    await writeFile(
      join(root, "packages/acme/src/call.ts"),
      `import { createAcmeClient, unwrap, type WebhookPayload } from "./index";
const acme = createAcmeClient({ apiKey: "k" });
export const widget = acme.GET("/widgets/{id}", { params: { path: { id: "w1" } } });
export const created = acme.POST("/widgets", { body: { name: "w" } });
export const name: string = unwrap(await widget).name;
// @ts-expect-error: no such path
export const wrong = acme.GET("/gadgets/{id}", { params: { path: { id: "w1" } } });
// @ts-expect-error: name is required
export const missing = acme.POST("/widgets", { body: {} });
// The webhook page's event, typed by name: a receiver reads its payload.
export const onCreated = (payload: WebhookPayload<"widget.created">): string => payload.widget.name;
// @ts-expect-error: no such event
export type Unknown = WebhookPayload<"widget.deleted">;
`,
    );
    await run("pnpm", ["--filter", "@payclients/acme", "exec", "tsc", "--noEmit"]);
    const check = await run("pnpm", ["regen", "--check"]);
    expect(check.stdout).toContain("generated files are up to date");
  }, 240_000);
});

type Locked = { specifier: string; version: string };
type Importer = Partial<Record<"dependencies" | "devDependencies", Record<string, Locked>>>;

/** Adds `dir` to the copy's lockfile, each range resolved as another importer resolves it. */
async function lockLikeSiblings(root: string, dir: string, manifestText: string): Promise<void> {
  const file = join(root, "pnpm-lock.yaml");
  const lock = parse(await readFile(file, "utf8")) as { importers: Record<string, Importer> };
  const known = new Map<string, Locked>();
  for (const [at, importer] of Object.entries(lock.importers)) {
    for (const group of Object.values(importer)) {
      for (const [name, entry] of Object.entries(group ?? {})) {
        const version = entry.version.startsWith("link:")
          ? `link:${relative(dir, join(at, entry.version.slice(5)))}`
          : entry.version;
        known.set(`${name}@${entry.specifier}`, { specifier: entry.specifier, version });
      }
    }
  }
  const manifest = JSON.parse(manifestText) as Record<string, Record<string, string> | undefined>;
  const importer: Importer = {};
  for (const group of ["dependencies", "devDependencies"] as const) {
    for (const [name, range] of Object.entries(manifest[group] ?? {})) {
      const entry = known.get(`${name}@${range}`);
      if (!entry)
        throw new Error(`no workspace package locks ${name}@${range}: the scaffold's range is new`);
      importer[group] = { ...importer[group], [name]: entry };
    }
  }
  lock.importers[dir] = importer;
  await writeFile(file, stringify(lock));
}
