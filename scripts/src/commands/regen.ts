import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderChangeset } from "../diff/changeset.ts";
import { classifyChanges } from "../diff/index.ts";
import { PipelineError } from "../errors.ts";
import { SRC_DIR } from "../paths.ts";
import type { ProviderInput, ProviderResult } from "../pipeline/pipeline.ts";
import { parseProviderConfig } from "../pipeline/provider.ts";
import { detectFormat, parserFor } from "../sources/index.ts";
import { fetchSnapshot } from "../upstream/fetch.ts";
import { parseYamlObject } from "../yaml-source.ts";
import {
  CACHE_FILE,
  inputHash,
  outputsIntact,
  pipelineHash,
  type RegenCache,
  readCache,
  sha256,
} from "./cache.ts";

export interface RegenOptions {
  root: string;
  /** Provider ids to regenerate; all under specs/ when empty. */
  providers: string[];
  check: boolean;
  fetch: boolean;
  /** Rebuild even when the cache says inputs and outputs are unchanged. */
  force?: boolean;
  /** The fetch used by `--fetch` (tests point it at a loopback server). */
  fetchImpl?: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `pnpm regen`: build every provider, and only when all of them parsed and validated, write the
 * files that changed (each via a temporary file and a rename). `--check` writes nothing and
 * fails listing what would change. Returns the exit code.
 */
export async function regen(options: RegenOptions): Promise<number> {
  const { root, out, err } = options;
  const started = performance.now();
  const ids = await selectProviders(root, options.providers);
  const results: ProviderResult[] = [];
  const failed: string[] = [];
  const cache = await readCache(root);
  const code = await pipelineHash(root, SRC_DIR);
  const hashes = new Map<string, string>();
  let cached = 0;
  const snapshots = new Map<string, string>();
  for (const id of ids) {
    try {
      const input = await readProvider(root, id);
      if (options.fetch) {
        for (const [path, text] of await refreshSnapshots(input, options.fetchImpl, out)) {
          if (input.sources[path] !== text) snapshots.set(path, text);
          input.sources[path] = text;
        }
      }
      const hash = inputHash(input, code);
      hashes.set(id, hash);
      const entry = cache[id];
      if (!options.force && entry?.inputs === hash && (await outputsIntact(root, entry.outputs))) {
        cached++;
        out(`${id.padEnd(10)} unchanged (inputs and outputs match the last run: cached)`);
        continue;
      }
      // Loaded on first use: the pipeline pulls in Redocly, a JSON Schema validator, openapi-typescript and TypeScript
      // (over a second of module loading), which a fully cached run never needs.
      const { buildProvider } = await import("../pipeline/pipeline.ts");
      results.push(await buildProvider(input));
    } catch (error) {
      if (!(error instanceof PipelineError)) throw error;
      failed.push(id);
      err(`${id.padEnd(10)} failed: ${error.message}`);
    }
  }
  const changes = new Map<string, string>(snapshots);
  for (const result of results) {
    const changed = await changedFiles(root, result.files);
    const changeset = await changesetFor(root, result, changed);
    if (changeset) changed.set(...changeset);
    for (const [path, content] of changed) changes.set(path, content);
    out(progressLine(result, changed.size));
    for (const warning of result.warnings) out(`           warning: ${warning}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const changedIds = results.filter((r) => Object.keys(r.files).some((f) => changes.has(f)));
  const unchanged = results.length - changedIds.length + cached;
  const summary = `${ids.length} provider(s): ${changedIds.length} changed, ${unchanged} unchanged, ${failed.length} failed in ${seconds} s`;
  if (failed.length > 0) {
    err(`${summary}; nothing was written`);
    return 1;
  }
  if (options.check) {
    if (changes.size === 0) {
      await writeCache(root, cache, results, hashes);
      out(`${summary}; generated files are up to date`);
      return 0;
    }
    err(`${summary}; these files are out of date (run \`pnpm regen\`):`);
    for (const path of changes.keys()) err(`  ${path}`);
    return 1;
  }
  await writeAtomically(root, changes);
  await writeCache(root, cache, results, hashes);
  out(`${summary}${changes.size ? `; wrote ${changes.size} file(s)` : ""}`);
  return 0;
}

/**
 * When a provider's spec changes, classify the change against the committed spec and describe it
 * in a changeset for its package. The file name hashes the content: the same change regenerated
 * twice is the same file, and an existing one is never written again.
 */
async function changesetFor(
  root: string,
  result: ProviderResult,
  changed: Map<string, string>,
): Promise<[string, string] | undefined> {
  const specPath = `specs/${result.id}/openapi.yaml`;
  if (!changed.has(specPath)) return undefined;
  const committed = await readFile(join(root, specPath), "utf8").catch(() => undefined);
  if (committed === undefined) return undefined; // a new provider: its first release is by hand
  let before: ReturnType<typeof parseYamlObject>;
  try {
    before = parseYamlObject(committed, specPath);
  } catch {
    // A spec edited by hand into something unreadable cannot be compared: regenerate, no changeset.
    return undefined;
  }
  const changes = classifyChanges(before, result.spec);
  if (changes.length === 0) return undefined;
  const { fileName, content } = renderChangeset(result.config.package, result.id, changes);
  const path = `.changeset/${fileName}`;
  const existing = await readFile(join(root, path), "utf8").catch(() => undefined);
  return existing === undefined ? [path, content] : undefined;
}

/**
 * `--fetch`: downloads every source of a provider that has a URL. A download replaces a snapshot
 * only if it is detected as the declared format and parses strictly; anything else (an HTML error
 * or login page, a cut-off body) fails the run with the URL named, and nothing is written.
 */
async function refreshSnapshots(
  input: ProviderInput,
  fetchImpl: typeof fetch | undefined,
  out: (line: string) => void,
): Promise<Map<string, string>> {
  const { id } = input;
  const config = parseProviderConfig(input.config, `specs/${id}/provider.yaml`);
  const fetched = new Map<string, string>();
  for (const source of config.sources) {
    if (!source.url) continue;
    const file = `specs/${id}/${source.file}`;
    const text = await fetchSnapshot(source.url, {
      fetch: fetchImpl,
      check: (body) => {
        const detected = detectFormat(body, source.url ?? file);
        if (detected !== source.format) {
          throw new PipelineError(
            `${source.url}: expected a ${source.format} document, found ${detected}`,
          );
        }
        parserFor(source.format)(body, { file: source.url ?? file });
      },
    });
    out(`${id.padEnd(10)} fetched ${source.url}`);
    fetched.set(file, text);
  }
  return fetched;
}

async function selectProviders(root: string, wanted: string[]): Promise<string[]> {
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

async function readText(root: string, path: string): Promise<string> {
  try {
    return await readFile(join(root, path), "utf8");
  } catch (error) {
    throw new PipelineError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

async function changedFiles(
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

/** Writes every file to a temporary sibling first, then renames them all into place. */
async function writeAtomically(root: string, files: Map<string, string>): Promise<void> {
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
}

/** Records what this run verified; a cache that cannot be written only costs time next run. */
async function writeCache(
  root: string,
  cache: RegenCache,
  results: ProviderResult[],
  hashes: Map<string, string>,
): Promise<void> {
  for (const result of results) {
    const outputs = Object.fromEntries(
      Object.entries(result.files).map(([path, text]) => [path, sha256(text)]),
    );
    cache[result.id] = { inputs: hashes.get(result.id) ?? "", outputs };
  }
  const target = join(root, CACHE_FILE);
  await mkdir(dirname(target), { recursive: true })
    .then(() => writeFile(target, JSON.stringify(cache, null, 2)))
    .catch(() => undefined);
}

function progressLine(result: ProviderResult, changed: number): string {
  const stages = Object.entries(result.timings)
    .map(([stage, ms]) => `${stage} ${ms.toFixed(0)}ms`)
    .join(" · ");
  const state = changed > 0 ? `${changed} file(s) changed` : "unchanged";
  return `${result.id.padEnd(10)} ${String(result.operations).padStart(3)} ops  ${stages}  ${state}`;
}
