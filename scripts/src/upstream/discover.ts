/**
 * Discovery: which pages of a docs site are candidates for API reference pages. Pure functions
 * over the text of a site's index (`llms.txt`, else `sitemap.xml`); the crawler fetches them.
 */
import * as DomUtils from "domutils";
import { parseDocument } from "htmlparser2";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { DocsSite } from "../pipeline/provider.ts";

/** An index's links, sorted into what the crawler does with them. */
export interface IndexLinks {
  /** Page URLs on the site's origin under its include prefixes (canonical, sorted, unique). */
  pages: string[];
  /** Whole OpenAPI documents on the site's origin (`.json`, `.yaml`, `.yml`). */
  openapi: string[];
  /** Links to other hosts: reported and never fetched. */
  elsewhere: string[];
}

/** The links of an `llms.txt` (markdown), read with a markdown parser, in order. */
export function linksOfLlmsTxt(text: string): string[] {
  const links: string[] = [];
  type Node = { type: string; url?: string; children?: Node[] };
  const walk = (node: Node): void => {
    if (node.type === "link" && node.url) links.push(node.url);
    for (const child of node.children ?? []) walk(child);
  };
  walk(fromMarkdown(text));
  return links;
}

/** The `<loc>` URLs of a `sitemap.xml`, read with an XML parser, in order. */
export function linksOfSitemap(xml: string): string[] {
  const dom = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName("loc", dom.children, true).map((loc) =>
    DomUtils.textContent(loc).trim(),
  );
}

/**
 * Sorts an index's links: pages of the site under its include prefixes and not excluded,
 * OpenAPI documents, and other hosts. Links that cannot be URLs, and anchors within a page, are
 * dropped; `page.md` and `page` are one page.
 */
export function classifyLinks(links: readonly string[], site: DocsSite): IndexLinks {
  const base = new URL(site.url);
  const include = site.include.length > 0 ? site.include : [sitePrefix(base)];
  const pages = new Set<string>();
  const openapi = new Set<string>();
  const elsewhere = new Set<string>();
  for (const link of links) {
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    if (url.origin !== base.origin) {
      elsewhere.add(url.href);
      continue;
    }
    url.hash = "";
    url.search = "";
    if (/\.(json|ya?ml)$/i.test(url.pathname)) {
      openapi.add(url.href);
      continue;
    }
    const page = canonicalPage(url.href);
    const path = new URL(page).pathname;
    if (!include.some((prefix) => path.startsWith(prefix))) continue;
    if (site.exclude.some((prefix) => path.startsWith(prefix))) continue;
    if (path === "/" || /\/llms(-full)?\.txt$|\/sitemap\.xml$/.test(path)) continue;
    pages.add(page);
  }
  return {
    pages: [...pages].sort(),
    openapi: [...openapi].sort(),
    elsewhere: [...elsewhere].sort(),
  };
}

/** A page's URL without its export suffix, query, anchor or trailing slash. */
export function canonicalPage(href: string): string {
  const url = new URL(href);
  url.hash = "";
  url.search = "";
  url.pathname = url.pathname.replace(/\.mdx?$/i, "").replace(/(.)\/+$/, "$1");
  return url.href;
}

/** The path of `docs:` as a prefix: `https://x.com/docs` → `/docs/`, `https://x.com` → `/`. */
function sitePrefix(base: URL): string {
  return base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
}

/** The URLs of a site's index, the first that serves: `<site>/llms.txt`, then `sitemap.xml`. */
export function indexUrls(site: DocsSite): { llms: string; sitemap: string } {
  const base = new URL(sitePrefix(new URL(site.url)), site.url);
  return { llms: new URL("llms.txt", base).href, sitemap: new URL("sitemap.xml", base).href };
}

/**
 * A snapshot file name for a page: its path below the include prefix (or the site), segments
 * joined with `-`, plus the form's extension. `taken` resolves the rare collision with a suffix.
 */
export function snapshotFile(
  page: string,
  site: DocsSite,
  ext: string,
  taken: Set<string>,
): string {
  const path = new URL(page).pathname;
  const prefix =
    [...site.include, sitePrefix(new URL(site.url))].find((p) => path.startsWith(p)) ?? "/";
  const stem =
    path
      .slice(prefix.length)
      .split("/")
      .filter(Boolean)
      .join("-")
      .replace(/\.(json|ya?ml|mdx?|html?|txt)$/i, "")
      .replace(/[^\w.-]+/g, "-") || "page";
  let name = `upstream/${stem}${ext}`;
  for (let n = 2; taken.has(name); n++) name = `upstream/${stem}-${n}${ext}`;
  taken.add(name);
  return name;
}

/** The file extension that says which form a snapshot is in. */
export function extensionOf(form: string, text: string): string {
  if (form === "mintlify-markdown" || form === "mintlify-mdx") return ".md";
  if (form === "mintlify-html") return ".html";
  if (form === "openapi") return /^\s*[{[]/.test(text) ? ".json" : ".yaml";
  return ".txt";
}
