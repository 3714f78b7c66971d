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

/** Absolute path of a file in a dependency, resolved from a workspace package. */
export function resolveFrom(workspacePackage: string, specifier: string): string {
  return createRequire(join(ROOT, workspacePackage, "package.json")).resolve(specifier);
}
