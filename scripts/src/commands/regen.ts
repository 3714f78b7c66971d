import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderChangeset } from "../diff/changeset.ts";
import { classifyChanges } from "../diff/index.ts";
import { PipelineError } from "../errors.ts";
import { REPO_ROOT, SRC_DIR } from "../paths.ts";
import type { ProviderResult } from "../pipeline/pipeline.ts";
import { type CrawlerOptions, createCrawler } from "../upstream/crawler.ts";
import { ETAGS_FILE } from "../upstream/etags.ts";
import { refreshProvider } from "../upstream/refresh.ts";
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
import { changedFiles, readProvider, readText, selectProviders, writeAtomically } from "./files.ts";

export interface RegenOptions {
  root: string;
  /** Provider ids to regenerate; all under specs/ when empty. */
  providers: string[];
  check: boolean;
  /** Refresh every snapshot from the provider's docs first. */
  fetch: boolean;
  /** Also follow the docs site's index (implies fetch): new pages added, vanished reported. */
  discover?: boolean;
  /** With discover: remove vanished pages (their operations go: a breaking change). */
  prune?: boolean;
  /** Rebuild even when the cache says inputs and outputs are unchanged. */
  force?: boolean;
  /** The crawler's bounds and clock (tests point it at loopback and skip the waits). */
  http?: Partial<CrawlerOptions>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `pnpm regen`: build every provider, and only when all of them fetched, parsed and validated,
 * write the files that changed (each via a temporary file and a rename). `--check` writes
 * nothing and fails listing what would change. Returns the exit code.
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
  const removals = new Set<string>();
  const fetching = options.fetch || options.discover === true;
  const crawler = fetching ? await crawlerFor(options) : undefined;
  for (const id of ids) {
    try {
      const input = await readProvider(root, id);
      if (crawler) {
        const etags = await readText(root, `specs/${id}/${ETAGS_FILE}`).catch(() => undefined);
        const refreshed = await refreshProvider(
          { ...input, etags },
          { discover: options.discover ?? false, prune: options.prune ?? false, get: crawler.get },
        );
        input.config = refreshed.config;
        input.sources = refreshed.sources;
        for (const [path, text] of refreshed.files) snapshots.set(path, text);
        for (const path of refreshed.removed) removals.add(path);
        const { checked, changed, added, vanished } = refreshed.counts;
        out(
          `${id.padEnd(10)} pages: ${checked} checked, ${changed} changed, ${added} added, ${vanished} vanished`,
        );
        for (const note of refreshed.notes) out(`           ${note}`);
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
    if (changes.size === 0 && removals.size === 0) {
      await writeCache(root, cache, results, hashes);
      out(`${summary}; generated files are up to date`);
      return 0;
    }
    err(`${summary}; these files are out of date (run \`pnpm regen\`):`);
    for (const path of changes.keys()) err(`  ${path}`);
    for (const path of removals) err(`  ${path} (removed)`);
    return 1;
  }
  await writeAtomically(root, changes, [...removals]);
  await writeCache(root, cache, results, hashes);
  const removed = removals.size ? `, removed ${removals.size}` : "";
  out(
    `${summary}${changes.size || removals.size ? `; wrote ${changes.size} file(s)${removed}` : ""}`,
  );
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
  const hooks = result.webhooks > 0 ? `, ${result.webhooks} webhook(s)` : "";
  return `${result.id.padEnd(10)} ${String(result.operations).padStart(3)} ops${hooks}  ${stages}  ${state}`;
}

/** The crawler for this run, its User-Agent naming payclients' version. */
async function crawlerFor(options: RegenOptions) {
  const manifest = await readFile(join(REPO_ROOT, "package.json"), "utf8").catch(() => "{}");
  const version = String(JSON.parse(manifest).version ?? "0.0.0");
  return createCrawler({ version, ...options.http });
}
