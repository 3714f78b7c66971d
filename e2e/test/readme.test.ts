/**
 * Every ```ts block of the root README and the package READMEs is type-checked as a module
 * importing the built packages, then run (unless `<!-- not-run -->` precedes it) with fetch routed
 * to a loopback fake provider. Conventions for README authors:
 *
 * - A block is a complete module: its own imports, no variables from earlier blocks.
 * - Use the real default hosts (or `environment`); `baseUrl: process.env.X_BASE_URL` also works.
 *   Every `process.env.NAME` a block reads is set: `*_URL` to the fake server, the rest to a dummy.
 * - Top-level await is fine. A block that calls an API must get a 2xx from the fake (built from
 *   specs/<p>/openapi.yaml); let failures throw (`unwrap`) so a broken example fails the test.
 * - `<!-- not-run: reason -->` right before the fence: only when it cannot run (real credentials,
 *   a web framework, a long-lived server). It is still type-checked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeProvider, startFakeProvider } from "./support/fake-provider.ts";
import { callsApi, envNames, extractBlocks, readmeFiles } from "./support/readme-blocks.ts";
import { cleanEnv, publicPackages, runAsync } from "./support/workspace.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
// Inside e2e/ so that the blocks resolve @payclients/* through e2e's workspace links (the builds);
// one folder per run, so that two runs in one checkout do not delete each other's files.
const blocksDir = resolve(here, "../.readme-blocks");
let outDir = blocksDir;
const preload = join(here, "support/fetch-to-loopback.mjs");
const readmes = readmeFiles();
const blocks = readmes.flatMap((file) => extractBlocks(file));

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
};

describe("README code blocks", () => {
  let server: FakeProvider;

  beforeAll(async () => {
    mkdirSync(blocksDir, { recursive: true });
    outDir = mkdtempSync(join(blocksDir, "run-"));
    for (const block of blocks) {
      writeFileSync(join(outDir, `${block.id}.ts`), `${block.code}\n`);
      const js = ts.transpileModule(block.code, {
        compilerOptions: { ...compilerOptions, noEmit: false },
        fileName: `${block.id}.ts`,
      });
      writeFileSync(join(outDir, `${block.id}.mjs`), js.outputText);
    }
    server = await startFakeProvider();
  });

  afterAll(async () => {
    await server?.close();
    if (outDir !== blocksDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("finds a ts block in the root README and in every package README", () => {
    const packageReadmes = publicPackages().map((p) => `packages/${p.dir}/README.md`);
    for (const readme of ["README.md", ...packageReadmes]) {
      expect(
        blocks.filter((b) => b.readme === readme).length,
        `${readme} has no \`\`\`ts block`,
      ).toBeGreaterThan(0);
    }
  });

  it("type-checks every block (strict, skipLibCheck off) against the built packages", () => {
    const files = blocks.map((b) => join(outDir, `${b.id}.ts`));
    const program = ts.createProgram(files, compilerOptions);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      const block = blocks.find(
        (b) => join(outDir, `${b.id}.ts`) === resolve(d.file?.fileName ?? ""),
      );
      const where = block
        ? `${block.readme}:${block.line + line}:${character + 1}`
        : `${relative(outDir, d.file.fileName)}:${line + 1}`;
      return `${where} TS${d.code}: ${message}`;
    });
    expect(problems.join("\n")).toBe("");
  });

  const runnable = blocks.filter((b) => b.run);
  it.skipIf(runnable.length === 0).each(runnable.map((b) => [`${b.readme}:${b.line}`, b] as const))(
    "runs %s",
    async (_, block) => {
      server.requests.length = 0;
      const env: Record<string, string> = { PAYCLIENTS_FAKE_ORIGIN: server.origin };
      for (const name of envNames(block.code)) {
        env[name] = name.endsWith("_URL") ? server.origin : `readme-${name.toLowerCase()}`;
      }
      await runAsync(
        process.execPath,
        ["--import", preload, join(outDir, `${block.id}.mjs`)],
        outDir,
        cleanEnv(env),
      );
      if (callsApi(block.code)) {
        expect(server.requests.length, "the example made no request").toBeGreaterThan(0);
        const unanswered = server.requests
          .filter((r) => !r.route)
          .map((r) => `${r.method} ${r.url}`);
        expect(unanswered, "requests to paths no spec has").toEqual([]);
      }
    },
  );
});
