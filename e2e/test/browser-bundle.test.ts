/**
 * The client path must bundle for a browser: esbuild with platform "browser" resolves every
 * import of each package entry (dependencies included) and must not reach a `node:` module.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { assertBuilt, publicPackages, repoRoot } from "./support/workspace.ts";

const NODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]node:/;

describe.each(publicPackages())("$name in a browser bundle", (pkg) => {
  it("bundles with no errors, no warnings and no node: import", async () => {
    assertBuilt(pkg);
    const result = await build({
      entryPoints: [join(pkg.path, "dist/index.js")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
      outfile: "browser.js",
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect([...inputs, ...imports].filter((path) => path.startsWith("node:"))).toEqual([]);
    // Everything is bundled: no import is left for the browser to resolve.
    expect(result.metafile.outputs["browser.js"]?.imports).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(NODE_IMPORT);
  });
});

/**
 * Each provider's client entry, everything it exports, as a user's browser bundle would hold it:
 * ESM, esbuild, minified, gzip -9, core and openapi-fetch included (size-limit's IIFE figure is a
 * few dozen bytes smaller). Server-only code (Clink's webhook verifier) lives on other entries.
 */
describe.each(publicPackages().filter((p) => p.dir !== "core"))("$name client entry", (pkg) => {
  it("fits 4.5 kB min+gzip", async () => {
    const result = await build({
      // Resolved from e2e/, which depends on every package, as a user's project would.
      stdin: { contents: `export * from "${pkg.name}";`, resolveDir: join(repoRoot, "e2e") },
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      logLevel: "silent",
    });
    const bytes = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), {
      level: 9,
    }).length;
    expect(bytes).toBeLessThanOrEqual(4500);
  });
});
