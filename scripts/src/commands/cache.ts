import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ProviderInput } from "../pipeline/pipeline.ts";

/**
 * A no-op regen should not pay for linting and code generation. A provider is skipped when the
 * hash of its inputs and of the pipeline's own code is the one recorded at the last run, and every
 * output on disk still has the recorded hash. The record lives in node_modules/.cache: never
 * committed, and wiped by a fresh install, so it can only save work, never hide a change.
 */
export interface RegenCache {
  [provider: string]: { inputs: string; outputs: Record<string, string> };
}

export const CACHE_FILE = "node_modules/.cache/payclients/regen.json";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** One hash for everything a provider's outputs depend on. */
export function inputHash(input: ProviderInput, pipelineHash: string): string {
  const parts = [
    pipelineHash,
    input.config,
    input.overlay ?? "",
    ...Object.entries(input.sources).flat(),
  ];
  return sha256(parts.join("\0"));
}

/** Hash of the pipeline's own sources and the lockfile (a new openapi-typescript changes output). */
export async function pipelineHash(root: string, srcDir: string): Promise<string> {
  const files = (await readdir(srcDir, { recursive: true }))
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const texts = await Promise.all(files.map((f) => readFile(join(srcDir, f), "utf8")));
  const lock = await readFile(join(root, "pnpm-lock.yaml"), "utf8").catch(() => "");
  return sha256([...files, ...texts, lock].join("\0"));
}

export async function readCache(root: string): Promise<RegenCache> {
  try {
    return JSON.parse(await readFile(join(root, CACHE_FILE), "utf8")) as RegenCache;
  } catch {
    return {};
  }
}

/** True when every recorded output exists on disk with its recorded hash. */
export async function outputsIntact(
  root: string,
  outputs: Record<string, string>,
): Promise<boolean> {
  for (const [path, hash] of Object.entries(outputs)) {
    const text = await readFile(join(root, path), "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== hash) return false;
  }
  return Object.keys(outputs).length > 0;
}
