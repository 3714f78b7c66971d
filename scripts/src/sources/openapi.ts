import { ParseError } from "../errors.ts";
import { parseYamlObject } from "../yaml-source.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/** Parses an OpenAPI 3.0 or 3.1 document (YAML or JSON). 3.0 constructs are upgraded by normalize. */
export const parseOpenAPI: Parser = (text, { file }) => parseOpenAPIAt(text, file, 1);

/** Parses an OpenAPI document embedded in a larger file, starting at `firstLine` of `file`. */
export function parseOpenAPIAt(text: string, file: string, firstLine: number): OpenAPIDocument {
  const doc = parseYamlObject(text, file, firstLine);
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    const found = doc.swagger ? `swagger: ${doc.swagger}` : `openapi: ${String(version)}`;
    throw new ParseError({ file, line: firstLine }, "`openapi: 3.0.x` or `openapi: 3.1.x`", found);
  }
  if (doc.paths !== undefined && (typeof doc.paths !== "object" || doc.paths === null)) {
    throw new ParseError({ file, line: firstLine }, "`paths` to be a mapping", String(doc.paths));
  }
  return doc;
}

/** True when the text looks like a bare OpenAPI document. */
export function looksLikeOpenAPI(text: string): boolean {
  return /^\s*(\{\s*)?["']?openapi["']?\s*:\s*["']?3\./m.test(text.slice(0, 4000));
}
