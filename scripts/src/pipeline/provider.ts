import { ParseError, PipelineError } from "../errors.ts";
import { isSourceFormat } from "../sources/index.ts";
import type { SourceFormat } from "../sources/types.ts";
import { lineOfKey, parseYamlObject } from "../yaml-source.ts";
import { isObject } from "./openapi-walk.ts";

/** One upstream snapshot of a provider: its file under `upstream/`, its form and its origin. */
export interface SourceEntry {
  file: string;
  /** The form the snapshot is in: it chooses the parser. */
  format: SourceFormat;
  /** A docs page (absolute URL): refreshed in the most exact form the site serves for it. */
  page?: string | undefined;
  /** A document fetched exactly as named (a whole OpenAPI document, a legacy template URL). */
  url?: string | undefined;
}

/** Where a provider's docs live and which of their pages are its API reference. */
export interface DocsSite {
  /** The site, e.g. `https://docs.example.com`; only its origin is ever crawled. */
  url: string;
  /** Path prefixes a reference page starts with (default: the whole site). */
  include: string[];
  /** Path prefixes never taken, even under an include. */
  exclude: string[];
  /** `openapi`: the site's whole OpenAPI document, linked from llms.txt, instead of pages. */
  source: "pages" | "openapi";
}

/** `specs/<provider>/provider.yaml`, validated. */
export interface ProviderConfig {
  id: string;
  title: string;
  /** npm package name of the generated client, e.g. `@payclients/clink`. */
  package: string;
  sources: SourceEntry[];
  /** The docs site `regen --discover` crawls, when provider.yaml names one (`docs:`). */
  docs?: DocsSite | undefined;
  /** Environment name → server URL, in the order clients list them; the first is the default. */
  environments: Record<string, string>;
  /** `info.version` when upstream states none (rendered pages carry no version). */
  apiVersion?: string | undefined;
  /** `summary`: upstream operationIds are generated, derive all of them from the summaries. */
  operationIds: "summary" | "keep";
}

/** Reads and checks provider.yaml; every error names the file and, where it can, the line. */
export function parseProviderConfig(text: string, file: string): ProviderConfig {
  const raw = parseYamlObject(text, file);
  const at = (key: string) => ({ file, line: lineOfKey(text, key) ?? 1 });
  const str = (key: string, pattern?: RegExp): string => {
    const value = raw[key];
    if (typeof value !== "string" || (pattern && !pattern.test(value))) {
      throw new ParseError(
        at(key),
        `\`${key}\`${pattern ? ` matching ${pattern}` : ""}`,
        String(value),
      );
    }
    return value;
  };
  const id = str("id", /^[a-z][a-z0-9-]*$/);
  const format = raw.format ?? undefined;
  if (format !== undefined && !isSourceFormat(format)) {
    throw new ParseError(at("format"), "a known format", String(format));
  }
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) {
    throw new ParseError(
      at("sources"),
      "`sources`: a list of upstream snapshots",
      String(raw.sources),
    );
  }
  const docs = docsSite(raw, at);
  const sources = raw.sources.map((entry: unknown, i: number): SourceEntry => {
    const source = isObject(entry) ? entry : { file: entry };
    const fmt = source.format ?? format;
    if (typeof source.file !== "string" || !isSourceFormat(fmt)) {
      throw new ParseError(
        at("sources"),
        `sources[${i}] with a \`file\` and a known \`format\``,
        JSON.stringify(entry),
      );
    }
    if (typeof source.url === "string") return { file: source.file, format: fmt, url: source.url };
    if (typeof source.page !== "string") return { file: source.file, format: fmt };
    if (docs) return { file: source.file, format: fmt, page: new URL(source.page, docs.url).href };
    if (typeof raw.upstream === "string") {
      return { file: source.file, format: fmt, url: pageUrl(raw.upstream, source.page) };
    }
    throw new ParseError(at("sources"), `\`docs:\` for sources[${i}].page`, source.page);
  });
  const environments: Record<string, string> = {};
  for (const [name, url] of Object.entries(raw.environments ?? {})) {
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
      throw new ParseError(at("environments"), `environments.${name}: an http(s) URL`, String(url));
    }
    environments[name] = url;
  }
  const operationIds = raw.operationIds ?? "keep";
  if (operationIds !== "summary" && operationIds !== "keep") {
    throw new ParseError(at("operationIds"), "`summary` or `keep`", String(operationIds));
  }
  const apiVersion = raw.apiVersion === undefined ? undefined : String(raw.apiVersion);
  const pkg = str("package", /^@?[a-z0-9][\w./-]*$/);
  return {
    id,
    title: str("title"),
    package: pkg,
    sources,
    docs,
    environments,
    apiVersion,
    operationIds,
  };
}

function docsSite(
  raw: Record<string, unknown>,
  at: (key: string) => { file: string; line: number },
): DocsSite | undefined {
  if (raw.docs === undefined) return undefined;
  if (typeof raw.docs !== "string" || !/^https?:\/\/[^/]/.test(raw.docs)) {
    throw new ParseError(at("docs"), "`docs`: the docs site's http(s) URL", String(raw.docs));
  }
  const prefixes = (key: string): string[] => {
    const value = raw[key] ?? [];
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.some((p) => typeof p !== "string" || !p.startsWith("/"))) {
      throw new ParseError(at(key), `\`${key}\`: path prefixes starting with /`, String(value));
    }
    return list as string[];
  };
  const source = raw.source ?? "pages";
  if (source !== "pages" && source !== "openapi") {
    throw new ParseError(at("source"), "`source`: `pages` or `openapi`", String(source));
  }
  return { url: raw.docs, include: prefixes("include"), exclude: prefixes("exclude"), source };
}

/**
 * The URL of one page from a provider.yaml template such as
 * `https://docs.clinkbill.com/api-reference/endpoint/<page>.md`. Each `/`-separated segment of
 * `page` is percent-encoded; a template without `<page>` is a URL of its own and returned as is.
 */
export function pageUrl(template: string, page: string): string {
  if (!template.includes("<page>")) return template;
  const segments = page.split("/");
  if (page === "" || segments.some((segment) => segment === "" || /^\.\.?$/.test(segment))) {
    throw new PipelineError(
      `page ${JSON.stringify(page)}: expected a page name such as "get-user"`,
    );
  }
  return template.replaceAll("<page>", segments.map(encodeURIComponent).join("/"));
}
