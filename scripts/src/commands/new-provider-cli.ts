// `pnpm new-provider <id> --from <site | llms.txt URL | page URL | file>`: the I/O around
// scaffoldProvider. From a site, every API reference page is discovered and snapshotted.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PipelineError } from "../errors.ts";
import type { DocsSite } from "../pipeline/provider.ts";
import { detectFormat, isSourceFormat, parserFor } from "../sources/index.ts";
import type { OpenAPIDocument, SourceFormat } from "../sources/types.ts";
import { type CrawlerOptions, createCrawler } from "../upstream/crawler.ts";
import { canonicalPage, extensionOf, snapshotFile } from "../upstream/discover.ts";
import { ETAGS_FILE, renderEtags } from "../upstream/etags.ts";
import { fetchPage } from "../upstream/page.ts";
import { type CrawledPage, crawlSite } from "../upstream/site.ts";
import { type ScaffoldSource, scaffoldProvider } from "./new-provider.ts";

const USAGE =
  "usage: pnpm new-provider <id> --from <docs site | llms.txt URL | page URL | file> [--format F] [--include /prefix/]... [--exclude /prefix/]... [--no-install]";

/** What to scaffold from, as the command line gives it. */
export interface PlanOptions {
  id: string;
  from: string;
  format?: string | undefined;
  include?: string[] | undefined;
  exclude?: string[] | undefined;
  /** Where a relative file path is resolved. */
  cwd: string;
  /** The repository whose packages/core supplies the dependency versions. */
  root: string;
  /** The crawler's bounds (tests: loopback, no waits). */
  http?: Partial<CrawlerOptions> | undefined;
}

/** Scaffolds specs/<id>/ and packages/<id>/, links the new package, and says what comes next. */
export async function newProvider(args: string[], root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      format: { type: "string" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      "no-install": { type: "boolean" },
    },
  });
  const [id] = positionals;
  if (!id || !values.from || positionals.length > 1) throw new PipelineError(USAGE);
  for (const dir of [`specs/${id}`, `packages/${id}`]) {
    if (existsSync(join(root, dir))) throw new PipelineError(`${dir} already exists`);
  }
  const { files, notes } = await planProvider({
    id,
    from: values.from,
    format: values.format,
    include: values.include,
    exclude: values.exclude,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    root,
  });
  for (const note of notes) process.stdout.write(`${note}\n`);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content, { flag: "wx" });
    process.stdout.write(`created ${path}\n`);
  }
  if (values["no-install"]) {
    process.stdout.write(
      `\nnext: pnpm install, then pnpm regen ${id}   (then pnpm build && pnpm test)\n`,
    );
    return 0;
  }
  // Link the new workspace package so that regen's output builds and type-checks right away; the
  // lockfile gains the new package, so it cannot be frozen (pnpm freezes it by default under CI).
  const install = spawnSync("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], {
    cwd: root,
    stdio: "inherit",
  });
  if (install.status !== 0) throw new PipelineError("pnpm install failed: run it by hand");
  process.stdout.write(`\nnext: pnpm regen ${id}   (then pnpm build && pnpm test)\n`);
  return 0;
}

/** Every file of the new provider (nothing written), and what was skipped on the way. */
export async function planProvider(
  options: PlanOptions,
): Promise<{ files: Record<string, string>; notes: string[] }> {
  if (options.format !== undefined && !isSourceFormat(options.format)) {
    throw new PipelineError(`unknown --format ${options.format}`);
  }
  const format = options.format as SourceFormat | undefined;
  const gathered = /^https?:\/\//.test(options.from)
    ? await fromUrl(options)
    : await fromFile(options.from, options.cwd, format);
  // An export's embedded document names the API (its title, servers); a page names only itself.
  const exact = (s: ScaffoldSource) =>
    s.format === "openapi" || s.format === "mintlify-markdown" ? 0 : 1;
  const docs = [...gathered.sources]
    .sort((a, b) => exact(a) - exact(b))
    .map((s) => parserFor(s.format)(s.text, { file: s.file }));
  const files = scaffoldProvider({
    id: options.id,
    sources: gathered.sources,
    docs: gathered.site,
    command: `pnpm new-provider ${options.id} --from ${options.from}`,
    doc: combine(docs),
    versions: await workspaceVersions(options.root),
    license: await readFile(join(options.root, "packages/core/LICENSE"), "utf8"),
  });
  if (gathered.etags) files[`specs/${options.id}/${ETAGS_FILE}`] = gathered.etags;
  return { files, notes: gathered.notes };
}

interface Gathered {
  sources: ScaffoldSource[];
  site?: DocsSite | undefined;
  etags?: string | undefined;
  notes: string[];
}

/** A site (its root, llms.txt or sitemap.xml) is crawled; a page URL is one page of its site. */
async function fromUrl(options: PlanOptions): Promise<Gathered> {
  const url = new URL(options.from);
  const manifest = await readFile(join(options.root, "package.json"), "utf8").catch(() => "{}");
  const crawler = createCrawler({
    version: JSON.parse(manifest).version ?? "0.0.0",
    ...options.http,
  });
  const site = (base: string): DocsSite => ({
    url: base,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    source: "pages",
  });
  const isIndex = /\/(llms(-full)?\.txt|sitemap\.xml)$/.test(url.pathname);
  if (!isIndex && url.pathname !== "/") {
    const page = canonicalPage(url.href);
    const result = await fetchPage(page, undefined, {}, crawler.get);
    if (result.kind === "document") {
      return gather(site(url.origin), [{ page, ...result }], []);
    }
    if (result.kind === "missing") throw new PipelineError(`${page}: HTTP ${result.status}`);
    if (result.kind === "refused") throw new PipelineError(`${result.url}: ${result.reason}`);
    // Not a reference page: the docs site lives here (https://example.com/docs).
  }
  const base = isIndex ? new URL(".", url).href.replace(/\/$/, "") : url.href.replace(/\/$/, "");
  const docs = site(base);
  const crawled = await crawlSite(docs, crawler.get);
  if (crawled.pages.length === 0) {
    throw new PipelineError(`${base}: the site's index lists no page that holds an operation`);
  }
  const hints = crawled.openapi.map(
    (link) => `the index links an OpenAPI document, ${link}: \`source: openapi\` would use it`,
  );
  return gather(docs, crawled.pages, [...crawled.notes, ...hints]);
}

function gather(site: DocsSite, pages: CrawledPage[], notes: string[]): Gathered {
  const taken = new Set<string>();
  const sources = pages.map((p) => ({
    file: snapshotFile(p.page, site, extensionOf(p.form, p.text), taken),
    format: p.form,
    text: p.text,
    page: new URL(p.page).pathname,
  }));
  const etags = renderEtags(Object.fromEntries(pages.map((p) => [p.url, p.validators])));
  return { sources, site, etags, notes };
}

async function fromFile(
  path: string,
  cwd: string,
  format: SourceFormat | undefined,
): Promise<Gathered> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new PipelineError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
  const form = format ?? detectFormat(text, path);
  const name = basename(path).replace(/[^\w.-]+/g, "-");
  const ext = extensionOf(form, text);
  const file = `upstream/${name.includes(".") ? name : `${name || "page"}${ext}`}`;
  return { sources: [{ file, format: form, text }], notes: [] };
}

/** One document for the scaffolder: the first title and servers, every security scheme. */
function combine(docs: OpenAPIDocument[]): OpenAPIDocument {
  const first = (key: string) => docs.find((d) => d[key] !== undefined)?.[key];
  return {
    info: first("info") ?? {},
    servers: first("servers") ?? [],
    security: first("security"),
    components: {
      securitySchemes: Object.assign({}, ...docs.map((d) => d.components?.securitySchemes ?? {})),
    },
    paths: Object.assign({}, ...docs.map((d) => d.paths ?? {})),
  };
}

async function workspaceVersions(root: string): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(join(root, "packages/core/package.json"), "utf8"));
  return { ...manifest.devDependencies, ...manifest.dependencies };
}
