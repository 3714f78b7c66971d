import { ParseError, PipelineError } from "../errors.ts";
import { isSourceFormat } from "../sources/index.ts";
import type { SourceFormat } from "../sources/types.ts";
import { lineOfKey, parseYamlObject } from "../yaml-source.ts";
import { isObject } from "./openapi-walk.ts";

/** One upstream snapshot of a provider: its file under `upstream/`, format and origin URL. */
export interface SourceEntry {
  file: string;
  format: SourceFormat;
  url?: string | undefined;
}

/** `specs/<provider>/provider.yaml`, validated. */
export interface ProviderConfig {
  id: string;
  title: string;
  /** npm package name of the generated client, e.g. `@payclients/clink`. */
  package: string;
  sources: SourceEntry[];
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
    const url =
      typeof source.url === "string"
        ? source.url
        : typeof raw.upstream === "string" && typeof source.page === "string"
          ? pageUrl(raw.upstream, source.page)
          : undefined;
    return { file: source.file, format: fmt, url };
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
  return { id, title: str("title"), package: pkg, sources, environments, apiVersion, operationIds };
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
