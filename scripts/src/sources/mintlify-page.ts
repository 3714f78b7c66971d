import { findMethodLine, readHeader, readParagraphs } from "./mintlify-page/header.ts";
import { dropNoise, type Line } from "./mintlify-page/lines.ts";
import { normalizePage } from "./mintlify-page/normalize.ts";
import { readOperation } from "./mintlify-page/operation.ts";
import { headingKind, isSectionTitle, splitSections } from "./mintlify-page/sections.ts";
import { makeContext } from "./model/context.ts";
import { buildDocument } from "./model/operation.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/**
 * Parses the rendered text of a Mintlify API reference page (method, path one segment per line,
 * title, curl example, response example, then field sections) into a one-operation OpenAPI 3.1
 * document. Strict unless `lenient`: a cut-off page or an unknown construct is a ParseError.
 */
export const parseMintlifyPage: Parser = (text, options) => {
  const ctx = makeContext(options.file, options.lenient, options.warn);
  const page = normalizePage(text);
  const { lines, titles } = keep(page.lines, page.titles);
  const header = readHeader(lines, ctx, { titles, saved: page.savedTitle });
  if (header === undefined) return emptyDocument();
  const { before, sections } = splitSections(lines, header.next, ctx);
  // Text between the examples and the first section can only be more of the page description.
  readParagraphs(lines, header.next, header.description, () => false, before);
  return buildDocument(readOperation(lines, header, sections, ctx), ctx);
};

/** Drops the page chrome, keeping the title indexes pointing at their lines. */
function keep(all: Line[], titles: number[]): { lines: Line[]; titles: number[] } {
  const marked = new Set(titles.map((t) => all[t]));
  const lines = dropNoise(all, (list, i) => headingKind(list, i) !== undefined);
  const kept: number[] = [];
  lines.forEach((line, i) => {
    if (marked.has(line)) kept.push(i);
  });
  return { lines, titles: kept };
}

function emptyDocument(): OpenAPIDocument {
  return { openapi: "3.1.0", info: { title: "", version: "0.0.0" }, paths: {} };
}

/**
 * Detection: after whatever chrome the saving tool added, a method line followed by the path (or
 * `WEBHOOK` and an event), then a known section or a curl example: a browser copy, a text
 * extraction or a markdown scrape of a rendered reference page. Reads a bounded prefix.
 */
export function looksLikeMintlifyPage(text: string): boolean {
  const lines = dropNoise(normalizePage(text.slice(0, 60_000)).lines, () => false);
  const at = findMethodLine(lines);
  if (at < 0) return false;
  const content = lines.filter((line, i) => i < at && line.text !== "").length;
  if (content === 0) return true;
  for (let i = at + 1; i < lines.length; i++) {
    const line = (lines[i] as Line).text;
    if (isSectionTitle(line) || /^curl(?:\s|$)/.test(line)) return true;
  }
  return false;
}
