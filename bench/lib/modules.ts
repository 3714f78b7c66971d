import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root (bench/ lives directly under it). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Imports a dependency the way one workspace package resolves it, so the benchmark measures
 * exactly the versions the project ships (openapi-typescript as scripts/ uses it, openapi-fetch as
 * core uses it) without the root package depending on them.
 */
export async function importFrom<T>(workspacePackage: string, specifier: string): Promise<T> {
  const require = createRequire(join(ROOT, workspacePackage, "package.json"));
  return (await import(pathToFileURL(require.resolve(specifier)).href)) as T;
}

/**
 * Imports a package's ESM entry (its `exports["."].import`, or a subpath's), as an application's `import` gets
 * it, from a workspace package's node_modules: the dist a user runs, not the CommonJS build that
 * `require.resolve` would pick.
 */
export async function importEsm<T>(workspacePackage: string, specifier: string): Promise<T> {
  // A package name (`@scope/name`) and an optional subpath (`/hmac`).
  const [, name = specifier, subpath = ""] = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(specifier) ?? [];
  const dir = realpathSync(join(ROOT, workspacePackage, "node_modules", name));
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const dot = manifest.exports?.[`.${subpath}`] ?? (subpath ? undefined : manifest.exports);
  const target = typeof dot === "string" ? dot : (entryOf(dot?.import) ?? entryOf(dot?.default));
  const entry = target ?? manifest.module ?? manifest.main ?? "index.js";
  return (await import(pathToFileURL(join(dir, entry)).href)) as T;
}

function entryOf(condition: unknown): string | undefined {
  if (typeof condition === "string") return condition;
  const c = condition as { default?: unknown } | undefined;
  return typeof c?.default === "string" ? c.default : undefined;
}

/** Absolute path of a file in a dependency, resolved from a workspace package. */
export function resolveFrom(workspacePackage: string, specifier: string): string {
  return createRequire(join(ROOT, workspacePackage, "package.json")).resolve(specifier);
}
