#!/usr/bin/env node
// Runs the pipeline's command line (scripts/src/cli.ts) with plain node. The TypeScript sources are
// bundled once with esbuild into scripts/node_modules/.cache/ and rebuilt only when a source file
// or the lockfile is newer than the bundle, so a cold `pnpm regen` pays node's start-up and not a
// TypeScript loader's (tsx cost ~0.4 s of CPU per run, as much as regenerating all providers).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const scripts = fileURLToPath(new URL("..", import.meta.url));
const src = join(scripts, "src");
// Inside scripts/node_modules so that the bundle's external imports resolve from scripts/.
const outdir = join(scripts, "node_modules", ".cache", "payclients-cli");
const bundle = join(outdir, "cli.mjs");

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
const inputs = [
  fileURLToPath(import.meta.url),
  join(scripts, "..", "pnpm-lock.yaml"),
  ...readdirSync(src, { recursive: true })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(src, file)),
];

if (Math.max(...inputs.map(mtime)) >= mtime(bundle)) {
  const { build } = await import("esbuild");
  const temporary = `${outdir}.${process.pid}.tmp`;
  mkdirSync(dirname(outdir), { recursive: true });
  await build({
    entryPoints: [join(src, "cli.ts")],
    outdir: temporary,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Dynamic imports stay separate chunks: a no-op regen never loads the generator and linter.
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
    // The sources find the repository and themselves from import.meta.url: keep it pointing at
    // src/cli.ts (src/paths.ts, the only user, lives beside it).
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(src, "cli.ts")).href) },
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(temporary, outdir);
}

await import(pathToFileURL(bundle).href);
