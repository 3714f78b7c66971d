import { parsePage } from "./mintlify-html/dom.ts";
import { readExamples } from "./mintlify-html/examples.ts";
import { readHeader } from "./mintlify-html/header.ts";
import { readOperation } from "./mintlify-html/operation.ts";
import { readSections } from "./mintlify-html/sections.ts";
import { type Context, fail, makeContext } from "./model/context.ts";
import { buildDocument } from "./model/operation.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/**
 * Parses a Mintlify API reference page as the site serves it (the full HTML document) into a
 * one-operation OpenAPI 3.1 document. Reads the structure Mintlify marks with
 * `data-component-part` (field-name, field-info-pill, field-required-pill...) inside its
 * `api-section`s, not the page's text. Strict unless `lenient`: a cut-off document, a field
 * without a name or an unknown section is a ParseError at file:line.
 */
export const parseMintlifyHtml: Parser = (text, options) => {
  const ctx = makeContext(options.file, options.lenient, options.warn);
  checkComplete(text, ctx);
  const page = parsePage(text);
  const header = readHeader(page, ctx);
  if (header === undefined) return emptyDocument();
  const sections = readSections(page, ctx);
  const examples = readExamples(page, ctx);
  return buildDocument(readOperation(page, header, sections, examples, ctx), ctx);
};

/** A page cut off in transfer or by a size limit has no closing `</html>` (or `</body>`) at its end. */
function checkComplete(text: string, ctx: Context): void {
  // Only the end is looked at: the closing tags come last, and lower-casing a whole page is costly.
  const tail = text.slice(-4096).toLowerCase();
  const closing = /<html[\s>]/i.test(text.slice(0, 4096)) ? "</html>" : "</body>";
  if (tail.includes(closing)) return;
  // The line of the last character that is not white space.
  const end = text.trimEnd().length;
  let last = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) last++;
  fail(ctx, last, `the end of the HTML document (${closing})`, "the end of the file");
}

function emptyDocument(): OpenAPIDocument {
  return { openapi: "3.1.0", info: { title: "", version: "0.0.0" }, paths: {} };
}

// Markers only Mintlify's API pages carry: a login, error or guide page has none of them (the
// sidebar's `method-nav-pill` is on every page of a site, so it does not count).
const MARKERS = [
  /data-component-part="field-/,
  /\bapi-section\b/,
  /\bmethod-pill\b/,
  /\bapi-playground-2-operation-page\b/,
];

/** Cheap detection: an HTML document (doctype, `<html>` or `<body>`) with Mintlify API markers. */
export function looksLikeMintlifyHtml(text: string): boolean {
  const start = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 1000)
    .toLowerCase();
  const html =
    /^<!doctype html/.test(start) ||
    /^<html[\s>]/.test(start) ||
    /^<body[\s>]/.test(start) ||
    (/^<!--/.test(start) && /<html[\s>]/.test(start));
  return html && MARKERS.some((marker) => marker.test(text));
}
