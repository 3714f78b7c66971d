import { METHOD, readHeader, readParagraphs } from "./mintlify-page/header.ts";
import { dropNoise, type Line, splitLines } from "./mintlify-page/lines.ts";
import { readOperation } from "./mintlify-page/operation.ts";
import { headingKind, splitSections } from "./mintlify-page/sections.ts";
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
  const lines = dropNoise(splitLines(text), (all, i) => headingKind(all, i) !== undefined);
  const header = readHeader(lines, ctx);
  if (header === undefined) return emptyDocument();
  const { before, sections } = splitSections(lines, header.next, ctx);
  // Text between the examples and the first section can only be more of the page description.
  readParagraphs(lines, header.next, header.description, () => false, before);
  return buildDocument(readOperation(lines, header, sections, ctx), ctx);
};

function emptyDocument(): OpenAPIDocument {
  return { openapi: "3.1.0", info: { title: "", version: "0.0.0" }, paths: {} };
}

/** Cheap detection: after optional chrome, a method line followed by a path segment line. */
export function looksLikeMintlifyPage(text: string): boolean {
  const lines = dropNoise(splitLines(text.slice(0, 4000)), () => false).filter(
    (line: Line) => line.text !== "",
  );
  const [method, path] = lines;
  return (
    method !== undefined &&
    path !== undefined &&
    METHOD.test(method.text) &&
    path.text.startsWith("/") &&
    !/\s/.test(path.text)
  );
}
