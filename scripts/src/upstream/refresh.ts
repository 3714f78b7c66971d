/**
 * `regen --fetch` / `--discover` for one provider: refresh every snapshot in its most exact form
 * and, when discovering, follow the site's index (pages added, vanished). Nothing is written
 * here: the result says which files to write and remove, and a fatal finding throws, naming the
 * URL, so that the command writes nothing at all.
 */
import { PipelineError } from "../errors.ts";
import { type DocsSite, parseProviderConfig, type SourceEntry } from "../pipeline/provider.ts";
import { parseYamlObject } from "../yaml-source.ts";
import {
  canonicalPage,
  extensionOf,
  type IndexLinks,
  indexUrls,
  snapshotFile,
} from "./discover.ts";
import { ETAGS_FILE, parseEtags, renderEtags } from "./etags.ts";
import type { Validators } from "./fetch.ts";
import { fetchDocument, fetchPage, type Get, type PageResult } from "./page.ts";
import { type RawSource, withSources } from "./provider-yaml.ts";
import { readIndex, settle } from "./site.ts";

/** What regen read for one provider (texts keyed by repo-relative path). */
export interface RefreshInput {
  id: string;
  config: string;
  sources: Record<string, string>;
  /** `upstream/.etags.json`, when there is one. */
  etags?: string | undefined;
}

export interface RefreshOptions {
  /** Read the site's index: add new reference pages, report vanished ones. */
  discover: boolean;
  /** With discover: remove the snapshots of vanished pages. */
  prune: boolean;
  get: Get;
}

/** The provider after the refresh, and what to write to get there. */
export interface RefreshResult {
  config: string;
  /** Every snapshot of the refreshed provider, keyed by repo-relative path. */
  sources: Record<string, string>;
  /** Repo-relative path → content: snapshots, provider.yaml, .etags.json that changed. */
  files: Map<string, string>;
  /** Repo-relative paths to delete (pruned pages, snapshots whose form changed). */
  removed: string[];
  counts: { checked: number; changed: number; added: number; vanished: number };
  /** Findings worth a line but not a failure: other hosts, broken links, vanished pages. */
  notes: string[];
}

interface Entry {
  raw: RawSource;
  source: SourceEntry;
  text: string;
}

/** Refreshes one provider's snapshots; throws a PipelineError naming every URL that failed. */
export async function refreshProvider(
  input: RefreshInput,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const dir = `specs/${input.id}`;
  const config = parseProviderConfig(input.config, `${dir}/provider.yaml`);
  const rawSources = (parseYamlObject(input.config, `${dir}/provider.yaml`).sources ?? []) as (
    | RawSource
    | string
  )[];
  const entries: Entry[] = config.sources.map((source, i) => {
    const raw = rawSources[i];
    return {
      raw: typeof raw === "string" ? { file: raw } : { ...(raw as RawSource) },
      source,
      text: input.sources[`${dir}/${source.file}`] ?? "",
    };
  });
  const before = entries.map((e) => `${e.source.file}\0${e.source.format}`);
  const validators = parseEtags(input.etags);
  const notes: string[] = [];
  const docs = config.docs;
  let index: IndexLinks | undefined;
  if (options.discover && docs) index = await readIndex(docs, options.get);
  else if (options.discover) notes.push("no `docs:` site in provider.yaml: nothing to discover");
  for (const url of index?.elsewhere ?? []) notes.push(`skipped ${url}: another host`);

  const listed = new Set(index?.pages);
  const vanished = entries.filter((e) => index && e.source.page && !listed.has(e.source.page));
  const checked = entries.filter((e) => !vanished.includes(e));
  const known = new Set(entries.map((e) => e.source.page ?? e.source.url));
  const wantsOpenapi = docs?.source === "openapi";
  const fresh = index
    ? (wantsOpenapi ? index.openapi : index.pages).filter((u) => !known.has(u))
    : [];

  const fetchOne = (e: Entry) =>
    e.source.page
      ? fetchPage(e.source.page, e.source.format, validators, options.get)
      : fetchDocument(
          e.source.url ?? "",
          e.source.format,
          validators[e.source.url ?? ""] ?? {},
          options.get,
        );
  const fetchNew = (url: string) =>
    wantsOpenapi
      ? fetchDocument(url, "openapi", validators[url] ?? {}, options.get)
      : fetchPage(url, undefined, validators, options.get);
  const [knownResults, newResults] = await Promise.all([
    settle(checked.filter((e) => e.source.page || e.source.url).map(fetchOne)),
    settle(fresh.map(fetchNew)),
  ]);
  const refreshed = checked.filter((e) => e.source.page || e.source.url);

  const failures: string[] = [];
  const removed = new Set<string>();
  const files = new Map<string, string>();
  const taken = new Set(entries.map((e) => e.source.file));
  let changed = 0;
  refreshed.forEach((entry, i) => {
    const result = knownResults[i] as PageResult;
    const url = entry.source.page ?? entry.source.url ?? "";
    if (result.kind === "unchanged") return;
    if (result.kind !== "document") {
      failures.push(failureOf(result, index !== undefined));
      return;
    }
    remember(validators, url, result);
    if (result.form === entry.source.format && result.text === entry.text) return;
    changed++;
    if (result.form !== entry.source.format && entry.source.page && docs) {
      const file = snapshotFile(
        entry.source.page,
        docs,
        extensionOf(result.form, result.text),
        taken,
      );
      if (file !== entry.source.file) removed.add(`${dir}/${entry.source.file}`);
      entry.raw.file = entry.source.file = file;
    }
    entry.raw.format = entry.source.format = result.form;
    entry.text = result.text;
    files.set(`${dir}/${entry.source.file}`, result.text);
  });
  if (failures.length > 0) throw new PipelineError(failures.join("\n"));

  const added: Entry[] = [];
  let guides = 0;
  fresh.forEach((url, i) => {
    const result = newResults[i] as PageResult;
    if (result.kind === "document" && docs) {
      const file = snapshotFile(url, docs, extensionOf(result.form, result.text), taken);
      const page = wantsOpenapi ? undefined : relativePage(url, docs);
      const raw: RawSource = wantsOpenapi
        ? { file, url, format: result.form }
        : { file, page, format: result.form };
      const source = { file, format: result.form, ...(wantsOpenapi ? { url } : { page: url }) };
      added.push({ raw, source, text: result.text });
      remember(validators, url, result);
      files.set(`${dir}/${file}`, result.text);
    } else if (result.kind === "no-operation") guides++;
    else if (result.kind === "missing")
      notes.push(`broken link in the index: ${url} (HTTP ${result.status})`);
    else if (result.kind === "refused") notes.push(`skipped ${result.url}: ${result.reason}`);
  });
  if (guides > 0) notes.push(`${guides} page(s) without an operation (guides) skipped`);

  let kept = entries.filter((e) => !(options.prune && vanished.includes(e)));
  if (wantsOpenapi && index) {
    const documents = [...kept.filter((e) => e.source.url), ...added];
    if (documents.length === 0) {
      throw new PipelineError(
        `${indexUrls(docs as DocsSite).llms}: \`source: openapi\`, but the index links no OpenAPI document that serves and parses`,
      );
    }
    // The whole document replaces the pages it describes.
    for (const e of kept.filter((e) => e.source.page)) removed.add(`${dir}/${e.source.file}`);
    kept = kept.filter((e) => !e.source.page);
  }
  for (const e of vanished) {
    const url = e.source.page as string;
    notes.push(`vanished: ${url} (${options.prune ? "removed" : "kept; --prune removes it"})`);
    if (options.prune) {
      removed.add(`${dir}/${e.source.file}`);
      delete validators[`${url}.md`];
      delete validators[url];
    }
  }
  const final = [...kept, ...added.sort((a, b) => a.source.file.localeCompare(b.source.file))];
  if (final.length === 0) throw new PipelineError(`${dir}: every source would be removed`);

  const after = final.map((e) => `${e.source.file}\0${e.source.format}`);
  const configText =
    after.join("\n") === before.join("\n")
      ? input.config
      : withSources(
          input.config,
          final.map((e) => e.raw),
        );
  if (configText !== input.config) files.set(`${dir}/provider.yaml`, configText);
  const etags = renderEtags(validators);
  if (etags !== undefined && etags !== input.etags) files.set(`${dir}/${ETAGS_FILE}`, etags);
  if (etags === undefined && input.etags !== undefined) removed.add(`${dir}/${ETAGS_FILE}`);
  for (const path of files.keys()) removed.delete(path);
  return {
    config: configText,
    sources: Object.fromEntries(final.map((e) => [`${dir}/${e.source.file}`, e.text])),
    files,
    removed: [...removed].sort(),
    counts: {
      checked: refreshed.length + fresh.length,
      changed,
      added: added.length,
      vanished: vanished.length,
    },
    notes,
  };
}

/** Why a known page failed the run. */
function failureOf(
  result: Exclude<PageResult, { kind: "document" | "unchanged" }>,
  discovered: boolean,
): string {
  switch (result.kind) {
    case "missing":
      return discovered
        ? `${result.url}: HTTP ${result.status}, but the site's index still lists the page`
        : `${result.url}: HTTP ${result.status} (run \`pnpm regen --discover\` to see whether the page vanished)`;
    case "no-operation":
      return `${result.url}: no longer parses as an API reference page: ${result.reason}`;
    case "refused":
      return `${result.url}: refusing ${result.reason}`;
  }
}

/** Keeps the validators of the URL that served the snapshot, and forgets its sibling's. */
function remember(validators: Record<string, Validators>, page: string, result: PageResult): void {
  if (result.kind !== "document") return;
  const base = canonicalPageOrSelf(page);
  delete validators[`${base}.md`];
  delete validators[base];
  if (result.validators.etag || result.validators.lastModified) {
    validators[result.url] = result.validators;
  }
}

function canonicalPageOrSelf(url: string): string {
  return /\.(json|ya?ml)$/i.test(new URL(url).pathname) ? url : canonicalPage(url);
}

/** A page as provider.yaml writes it: its path on the docs site. */
function relativePage(url: string, site: DocsSite): string {
  return new URL(url).origin === new URL(site.url).origin ? new URL(url).pathname : url;
}
