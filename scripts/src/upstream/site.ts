/**
 * A whole docs site, read from its index: every page that holds an operation, in its most exact
 * form. What `new-provider --from <site>` starts from; `regen --discover` reads the same index.
 */
import { PipelineError } from "../errors.ts";
import type { DocsSite } from "../pipeline/provider.ts";
import type { SourceFormat } from "../sources/types.ts";
import {
  classifyLinks,
  type IndexLinks,
  indexUrls,
  linksOfLlmsTxt,
  linksOfSitemap,
} from "./discover.ts";
import { isHtml, type Validators } from "./fetch.ts";
import { fetchPage, type Get } from "./page.ts";

/** One reference page as crawled. */
export interface CrawledPage {
  /** The page's URL (canonical: no `.md`). */
  page: string;
  /** The URL that served the snapshot (the export, or the page). */
  url: string;
  form: SourceFormat;
  text: string;
  validators: Validators;
}

/** Every reference page of a site, sorted by URL, and what was skipped on the way. */
export async function crawlSite(
  site: DocsSite,
  get: Get,
): Promise<{ pages: CrawledPage[]; openapi: string[]; notes: string[] }> {
  const index = await readIndex(site, get);
  const results = await settle(index.pages.map((page) => fetchPage(page, undefined, {}, get)));
  const pages: CrawledPage[] = [];
  const notes = index.elsewhere.map((url) => `skipped ${url}: another host`);
  let guides = 0;
  index.pages.forEach((page, i) => {
    const result = results[i];
    if (result?.kind === "document") pages.push({ page, ...result });
    else if (result?.kind === "no-operation") guides++;
    else if (result?.kind === "missing") {
      notes.push(`broken link in the index: ${page} (HTTP ${result.status})`);
    } else if (result?.kind === "refused") notes.push(`skipped ${result.url}: ${result.reason}`);
  });
  if (guides > 0) notes.push(`${guides} page(s) without an operation (guides) skipped`);
  return { pages, openapi: index.openapi, notes };
}

/** The site's index: `llms.txt`, else `sitemap.xml`; neither serving fails the run. */
export async function readIndex(site: DocsSite, get: Get): Promise<IndexLinks> {
  const { llms, sitemap } = indexUrls(site);
  const text = await get(llms, "text/markdown, text/plain;q=0.9, */*;q=0.1", {});
  if (text.status === 200 && !isHtml(text.contentType, text.text)) {
    return classifyLinks(linksOfLlmsTxt(text.text), site);
  }
  const xml = await get(sitemap, "application/xml, text/xml;q=0.9, */*;q=0.1", {});
  if (xml.status === 200 && !isHtml(xml.contentType, xml.text)) {
    return classifyLinks(linksOfSitemap(xml.text), site);
  }
  throw new PipelineError(
    `${llms}: no index of the site's pages (HTTP ${text.status}), nor at ${sitemap} (HTTP ${xml.status})`,
  );
}

/** Every task run to its end (no request left in flight), then the first failure rethrown. */
export async function settle<T>(tasks: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
