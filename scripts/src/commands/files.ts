// The file I/O regen and new-provider share: which providers exist, reading their inputs, and
// writing outputs all at once (temporary files, then renames).
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PipelineError } from "../errors.ts";
import type { ProviderInput } from "../pipeline/pipeline.ts";
import { parseProviderConfig } from "../pipeline/provider.ts";

export async function selectProviders(root: string, wanted: string[]): Promise<string[]> {
  const entries = await readdir(join(root, "specs"), { withFileTypes: true });
  const all = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const unknown = wanted.filter((id) => !all.includes(id));
  if (unknown.length > 0) {
    throw new PipelineError(
      `unknown provider(s): ${unknown.join(", ")} (known: ${all.join(", ")})`,
    );
  }
  return wanted.length > 0 ? [...new Set(wanted)] : all;
}

/** Reads everything a provider's run needs; a missing file is the user's error, named. */
export async function readProvider(root: string, id: string): Promise<ProviderInput> {
  const configPath = `specs/${id}/provider.yaml`;
  const config = await readText(root, configPath);
  const parsed = parseProviderConfig(config, configPath);
  const sources: Record<string, string> = {};
  for (const source of parsed.sources) {
    const path = `specs/${id}/${source.file}`;
    sources[path] = await readText(root, path);
  }
  const overlay = await readText(root, `specs/${id}/overlay.yaml`).catch(() => undefined);
  return { id, config, sources, overlay };
}

export async function readText(root: string, path: string): Promise<string> {
  try {
    return await readFile(join(root, path), "utf8");
  } catch (error) {
    throw new PipelineError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

export async function changedFiles(
  root: string,
  files: Record<string, string>,
): Promise<Map<string, string>> {
  const changed = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    const current = await readFile(join(root, path), "utf8").catch(() => undefined);
    if (current !== content) changed.set(path, content);
  }
  return changed;
}

/**
 * Writes every file to a temporary sibling first, then renames them all into place, then deletes
 * `removals` (snapshots of pruned pages): a failed write leaves the tree as it was.
 */
export async function writeAtomically(
  root: string,
  files: Map<string, string>,
  removals: readonly string[] = [],
): Promise<void> {
  const suffix = `.tmp-${randomBytes(4).toString("hex")}`;
  const staged: [string, string][] = [];
  try {
    for (const [path, content] of files) {
      const target = join(root, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target + suffix, content);
      staged.push([target + suffix, target]);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of staged) await rename(temp, target);
  for (const path of removals) await rm(join(root, path), { force: true });
}
