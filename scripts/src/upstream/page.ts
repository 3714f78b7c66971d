/**
 * One page in the most exact form the site serves it: the markdown export (`<page>.md`, which for
 * a reference page generated from OpenAPI holds the exact one-operation document), else the page
 * asked for as markdown, else the served HTML. A body is a document only once it is detected as a
 * form and parses; otherwise it is a guide (no operation) or, for a known page, a failure.
 */
import { operationsOf } from "../pipeline/openapi-walk.ts";
import { detectFormat, parserFor } from "../sources/index.ts";
import type { OpenAPIDocument, SourceFormat } from "../sources/types.ts";
import { type HttpResult, isHtml, type Validators } from "./fetch.ts";

/** What the crawler learned about one page or document. */
export type PageResult =
  /** Answered 304 to a conditional request: the snapshot stands. */
  | { kind: "unchanged"; url: string }
  /** A document that was detected and parses, with the validators to send next time. */
  | {
      kind: "document";
      url: string;
      form: SourceFormat;
      text: string;
      validators: Validators;
      /** What the text parses to (strict): what a snapshot is compared by. */
      doc: OpenAPIDocument;
    }
  /** 404 / 410 where the page itself was asked for. */
  | { kind: "missing"; url: string; status: number }
  /** Served, but not an API reference page (a guide), or in no form a parser reads. */
  | {
      kind: "no-operation";
      url: string;
      reason: string;
      /** A reference page's form whose operation is missing (an export that dropped `api:`). */
      lostOperation?: boolean;
    }
  /** Anything else a page must not be: an HTML page where the export was, a 401, a 403… */
  | { kind: "refused"; url: string; reason: string };

/** Fetches one URL: the crawler's polite, limited GET. */
export type Get = (url: string, accept: string, validators: Validators) => Promise<HttpResult>;

const MARKDOWN = "text/markdown, text/plain;q=0.9, */*;q=0.1";
const PAGE = "text/markdown, text/html;q=0.9, */*;q=0.1";
const HTML = "text/html, */*;q=0.1";
const DOCUMENT = "application/yaml, application/json, text/yaml, text/plain;q=0.9, */*;q=0.5";

/**
 * A docs page, in its most exact form. `known` is the form of the snapshot we hold, if any: where
 * we hold an export, an HTML page at the export's URL is a login or error page, not a fallback.
 */
export async function fetchPage(
  page: string,
  known: SourceFormat | undefined,
  validators: Record<string, Validators>,
  get: Get,
): Promise<PageResult> {
  const exportUrl = `${page}.md`;
  const exported = await get(exportUrl, MARKDOWN, validators[exportUrl] ?? {});
  if (exported.status === 304) return { kind: "unchanged", url: exportUrl };
  const ok = exported.status >= 200 && exported.status < 300;
  const fromExport =
    ok && !isHtml(exported.contentType, exported.text) ? judge(exported, undefined) : undefined;
  // The export of a hand-written reference page lacks its `api:` line (Mintlify drops the
  // frontmatter): its fields are there, its operation is not. The served page shows both.
  const lost = fromExport?.kind === "no-operation" && fromExport.lostOperation === true;
  if (fromExport !== undefined && !(lost && known !== "mintlify-markdown")) return fromExport;
  if (known === "mintlify-markdown") {
    // Where we hold an export, anything but the export or its absence is no reason to fall back
    // to the HTML: a login or error page, or an outage the snapshot must outlive.
    if (ok) return refused(exportUrl, "an HTML page where the markdown export was (a login page?)");
    if (exported.status !== 404 && exported.status !== 410) {
      return refused(exportUrl, statusText(exported));
    }
  }
  // Asked for as markdown, a Mintlify site answers with the same export: where that lost the
  // operation, only the HTML will do.
  const served = await get(page, lost ? HTML : PAGE, validators[page] ?? {});
  if (served.status === 304) return { kind: "unchanged", url: page };
  if (lost) {
    const judged =
      served.status >= 200 && served.status < 300 ? judge(served, undefined) : undefined;
    return judged?.kind === "document" ? judged : (fromExport as PageResult);
  }
  if (served.status === 404 || served.status === 410) {
    return { kind: "missing", url: page, status: served.status };
  }
  if (served.status < 200 || served.status >= 300) return refused(page, statusText(served));
  return judge(served, undefined);
}

/** A document fetched exactly as named (a whole OpenAPI document, a legacy snapshot URL). */
export async function fetchDocument(
  url: string,
  expected: SourceFormat | undefined,
  validators: Validators,
  get: Get,
): Promise<PageResult> {
  const answer = await get(url, DOCUMENT, validators);
  if (answer.status === 304) return { kind: "unchanged", url };
  if (answer.status === 404 || answer.status === 410) {
    return { kind: "missing", url, status: answer.status };
  }
  if (answer.status < 200 || answer.status >= 300) return refused(url, statusText(answer));
  if (isHtml(answer.contentType, answer.text)) {
    return refused(url, "an HTML page where a document was expected (a login or error page?)");
  }
  return judge(answer, expected);
}

/** Detects the body's form and parses it strictly; a page with no operation is a guide. */
function judge(answer: HttpResult, expected: SourceFormat | undefined): PageResult {
  const { url, text } = answer;
  let form: SourceFormat;
  try {
    form = detectFormat(text, url);
  } catch {
    return { kind: "no-operation", url, reason: "no API reference form detected" };
  }
  if (expected !== undefined && form !== expected) {
    return refused(url, `expected a ${expected} document, found ${form}`);
  }
  let doc: OpenAPIDocument;
  try {
    doc = parserFor(form)(text, { file: url });
  } catch (error) {
    const reason = (error as Error).message;
    const lostOperation = MISSING_OPERATION.test(reason);
    return { kind: "no-operation", url, reason, lostOperation };
  }
  const operations = operationsOf(doc).length + Object.keys(doc.webhooks ?? {}).length;
  if (operations === 0) return { kind: "no-operation", url, reason: "it holds no operation" };
  return { kind: "document", url, form, text, validators: answer.validators, doc };
}

// The MDX reader's error for a page that names no operation.
const MISSING_OPERATION = /expected the operation\b/;

function refused(url: string, reason: string): PageResult {
  return { kind: "refused", url, reason };
}

function statusText(answer: HttpResult): string {
  const wait = answer.retryAfter ? ` (Retry-After ${answer.retryAfter}: longer than we wait)` : "";
  return `HTTP ${answer.status}${wait}`;
}
