/**
 * `regen --fetch` / `--discover` for one provider: refresh every snapshot in its most exact form
 * and, when discovering, follow the site's index (pages added, vanished). Nothing is written
 * here: the result says which files to write and remove, and a fatal finding throws, naming the
 * URL, so that the command writes nothing at all.
 */
import { PipelineError } from "../errors.ts";
import { type DocsSite, parseProviderConfig, type SourceEntry } from "../pipeline/provider.ts";
import { parserFor } from "../sources/index.ts";
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

/** The working state of one refresh: what will be written, removed and said. */
interface Run {
  dir: string;
  docs: DocsSite | undefined;
  validators: Record<string, Validators>;
  files: Map<string, string>;
  removed: Set<string>;
  notes: string[];
  /** Snapshot file names in use, so that a new one never takes an existing name. */
  taken: Set<string>;
}

/** Refreshes one provider's snapshots; throws a PipelineError naming every URL that failed. */
export async function refreshProvider(
  input: RefreshInput,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const dir = `specs/${input.id}`;
  const config = parseProviderConfig(input.config, `${dir}/provider.yaml`);
  const entries = entriesOf(input, config.sources, dir);
  const before = entries.map(shapeOf).join("\n");
  const docs = config.docs;
  const run: Run = {
    dir,
    docs,
    validators: parseEtags(input.etags),
    files: new Map(),
    removed: new Set(),
    notes: [],
    taken: new Set(entries.map((e) => e.source.file)),
  };
  let index: IndexLinks | undefined;
  if (options.discover && docs) index = await readIndex(docs, options.get);
  else if (options.discover)
    run.notes.push("no `docs:` site in provider.yaml: nothing to discover");
  for (const url of index?.elsewhere ?? []) run.notes.push(`skipped ${url}: another host`);

  // Which entries are fetched: with the site's whole OpenAPI document (source: openapi), the
  // pages it describes are replaced, not fetched; a page the index no longer lists has vanished.
  const wholeDocument = index !== undefined && docs?.source === "openapi";
  const replaced = wholeDocument ? entries.filter((e) => e.source.page) : [];
  const listed = new Set(index?.pages);
  const vanished = wholeDocument
    ? []
    : entries.filter((e) => index && e.source.page && !listed.has(e.source.page));
  const refreshed = entries.filter(
    (e) => (e.source.page || e.source.url) && !replaced.includes(e) && !vanished.includes(e),
  );
  const known = new Set(entries.map((e) => e.source.page ?? e.source.url));
  const fresh = (index ? (wholeDocument ? index.openapi : index.pages) : []).filter(
    (url) => !known.has(url),
  );
  const offSite = docs
    ? refreshed
        .map((e) => (e.source.page ?? e.source.url) as string)
        .filter((url) => originOf(url) !== new URL(docs.url).origin)
    : [];
  if (offSite.length > 0) {
    // Only the docs site's own origin is crawled, whoever wrote the URL into provider.yaml.
    const origin = new URL((docs as DocsSite).url).origin;
    throw new PipelineError(
      offSite
        .map((url) => `${url}: not on the docs site's origin (${origin}): never fetched`)
        .join("\n"),
    );
  }
  const { get } = options;
  const [knownResults, newResults] = await Promise.all([
    settle(
      refreshed.map((e) =>
        e.source.page
          ? fetchPage(e.source.page, e.source.format, run.validators, get)
          : fetchDocument(
              e.source.url as string,
              e.source.format,
              run.validators[e.source.url as string] ?? {},
              get,
            ),
      ),
    ),
    settle(
      fresh.map((url) =>
        wholeDocument
          ? fetchDocument(url, "openapi", {}, get)
          : fetchPage(url, undefined, run.validators, get),
      ),
    ),
  ]);

  const changed = applyKnown(run, refreshed, knownResults, index !== undefined);
  const added = applyNew(run, fresh, newResults, wholeDocument);
  for (const e of replaced) run.removed.add(`${dir}/${e.source.file}`);
  if (wholeDocument && refreshed.length + added.length === 0) {
    throw new PipelineError(
      `${indexUrls(docs as DocsSite).llms}: \`source: openapi\`, but the index links no OpenAPI document that serves and parses`,
    );
  }
  for (const e of vanished) {
    const url = e.source.page as string;
    run.notes.push(`vanished: ${url} (${options.prune ? "removed" : "kept; --prune removes it"})`);
    if (options.prune) {
      run.removed.add(`${dir}/${e.source.file}`);
      forget(run.validators, url);
    }
  }
  const dropped = new Set([...replaced, ...(options.prune ? vanished : [])]);
  const final = [...entries.filter((e) => !dropped.has(e)), ...added];
  if (final.length === 0) throw new PipelineError(`${dir}: every source would be removed`);

  const configText =
    final.map(shapeOf).join("\n") === before
      ? input.config
      : withSources(
          input.config,
          final.map((e) => e.raw),
        );
  if (configText !== input.config) run.files.set(`${dir}/provider.yaml`, configText);
  const etags = renderEtags(run.validators);
  if (etags !== undefined && etags !== input.etags) run.files.set(`${dir}/${ETAGS_FILE}`, etags);
  if (etags === undefined && input.etags !== undefined) run.removed.add(`${dir}/${ETAGS_FILE}`);
  for (const path of run.files.keys()) run.removed.delete(path);
  return {
    config: configText,
    sources: Object.fromEntries(final.map((e) => [`${dir}/${e.source.file}`, e.text])),
    files: run.files,
    removed: [...run.removed].sort(),
    counts: {
      checked: refreshed.length + fresh.length,
      changed,
      added: added.length,
      vanished: vanished.length,
    },
    notes: run.notes,
  };
}

/** The provider's sources with their provider.yaml entries as written and their texts. */
function entriesOf(input: RefreshInput, sources: SourceEntry[], dir: string): Entry[] {
  const raws = (parseYamlObject(input.config, `${dir}/provider.yaml`).sources ?? []) as unknown[];
  return sources.map((source, i) => {
    const raw = raws[i];
    return {
      raw:
        typeof raw === "object" && raw !== null ? { ...(raw as RawSource) } : { file: source.file },
      source,
      text: input.sources[`${dir}/${source.file}`] ?? "",
    };
  });
}

/** What provider.yaml says of an entry: a change of it rewrites the `sources:` list. */
function shapeOf(entry: Entry): string {
  return `${entry.source.file}\0${entry.source.format}`;
}

/**
 * Known pages: a new text replaces the snapshot (under a new name when its form changed); any
 * other answer fails the run, after every failure is collected. Returns how many changed.
 */
function applyKnown(run: Run, entries: Entry[], results: PageResult[], discovered: boolean) {
  const failures: string[] = [];
  let changed = 0;
  entries.forEach((entry, i) => {
    const result = results[i] as PageResult;
    if (result.kind === "unchanged") return;
    if (result.kind !== "document") {
      failures.push(failureOf(result, discovered));
      return;
    }
    const page = entry.source.page ?? result.url;
    if (result.form === entry.source.format && sameDocument(result, entry.text)) {
      // The same content (a redeploy's new build id in the HTML, a new ETag for the same body):
      // the snapshot and its validators stay as they are, so the run changes no file.
      if (!hasValidators(run.validators, page)) remember(run.validators, page, result);
      return;
    }
    remember(run.validators, page, result);
    changed++;
    if (result.form !== entry.source.format && entry.source.page && run.docs) {
      const ext = extensionOf(result.form, result.text);
      const file = snapshotFile(entry.source.page, run.docs, ext, run.taken);
      if (file !== entry.source.file) run.removed.add(`${run.dir}/${entry.source.file}`);
      entry.raw.file = entry.source.file = file;
    }
    entry.raw.format = entry.source.format = result.form;
    entry.text = result.text;
    run.files.set(`${run.dir}/${entry.source.file}`, result.text);
  });
  if (failures.length > 0) throw new PipelineError(failures.join("\n"));
  return changed;
}

/**
 * Pages (or OpenAPI documents) new in the index: each that holds an operation becomes a snapshot
 * and a `sources` entry, sorted by file; guides are counted, broken links reported.
 */
function applyNew(run: Run, urls: string[], results: PageResult[], wholeDocument: boolean) {
  const added: Entry[] = [];
  let guides = 0;
  urls.forEach((url, i) => {
    const result = results[i] as PageResult;
    if (result.kind === "document" && run.docs) {
      const ext = extensionOf(result.form, result.text);
      const file = snapshotFile(url, run.docs, ext, run.taken);
      const format = result.form;
      const [raw, source]: [RawSource, SourceEntry] = wholeDocument
        ? [
            { file, url, format },
            { file, format, url },
          ]
        : [
            { file, page: relativePage(url, run.docs), format },
            { file, format, page: url },
          ];
      added.push({ raw, source, text: result.text });
      remember(run.validators, url, result);
      run.files.set(`${run.dir}/${file}`, result.text);
    } else if (result.kind === "no-operation") guides++;
    else if (result.kind === "missing") {
      run.notes.push(`broken link in the index: ${url} (HTTP ${result.status})`);
    } else if (result.kind === "refused") run.notes.push(`skipped ${result.url}: ${result.reason}`);
  });
  if (guides > 0) run.notes.push(`${guides} page(s) without an operation (guides) skipped`);
  return added.sort((a, b) => (a.source.file < b.source.file ? -1 : 1));
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

/**
 * The same text; or, for served HTML (which a redeploy changes throughout: build ids, asset
 * hashes, class names), a page that parses to the same document as the snapshot's. Text forms
 * are compared as text, so that a change the reader leaves out (a comment, a broken example)
 * still refreshes the snapshot.
 */
function sameDocument(
  result: Extract<PageResult, { kind: "document" }>,
  snapshot: string,
): boolean {
  if (result.text === snapshot) return true;
  if (result.form !== "mintlify-html") return false;
  try {
    const before = parserFor(result.form)(snapshot, { file: result.url });
    return JSON.stringify(before) === JSON.stringify(result.doc);
  } catch {
    return false;
  }
}

function hasValidators(validators: Record<string, Validators>, page: string): boolean {
  return [page, `${canonicalPage(page)}.md`, canonicalPage(page)].some((url) => url in validators);
}

/** Keeps the validators of the URL that served the snapshot, and forgets its sibling's. */
function remember(validators: Record<string, Validators>, page: string, result: PageResult): void {
  if (result.kind !== "document") return;
  forget(validators, page);
  if (result.validators.etag || result.validators.lastModified) {
    validators[result.url] = result.validators;
  }
}

/** Drops the validators of a page's export and of the page (or of a document's URL). */
function forget(validators: Record<string, Validators>, url: string): void {
  delete validators[url];
  if (!/\.(json|ya?ml)$/i.test(new URL(url).pathname)) {
    delete validators[`${canonicalPage(url)}.md`];
    delete validators[canonicalPage(url)];
  }
}

/** A URL's origin; undefined for what is no URL (never fetched either). */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A page as provider.yaml writes it: its path on the docs site. */
function relativePage(url: string, site: DocsSite): string {
  return new URL(url).origin === new URL(site.url).origin ? new URL(url).pathname : url;
}
