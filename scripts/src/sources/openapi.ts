import { ParseError } from "../errors.ts";
import { parseYamlObject } from "../yaml-source.ts";
import { repairScalars } from "./openapi-repair.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/** Parses an OpenAPI 3.0 or 3.1 document (YAML or JSON). 3.0 constructs are upgraded by normalize. */
export const parseOpenAPI: Parser = (text, { file }) => parseOpenAPIAt(text, file, 1);

/** Parses an OpenAPI document embedded in a larger file, starting at `firstLine` of `file`. */
export function parseOpenAPIAt(text: string, file: string, firstLine: number): OpenAPIDocument {
  return checkOpenAPI(parseYamlObject(text, file, firstLine), file, firstLine);
}

/**
 * Checks that parsed data is an OpenAPI 3.0 or 3.1 document (Swagger 2.0 is named as such) and
 * returns it with hand-quoted numeric and boolean keywords repaired.
 */
export function checkOpenAPI(doc: OpenAPIDocument, file: string, line: number): OpenAPIDocument {
  const version = doc.openapi;
  if (doc.swagger !== undefined && version === undefined) {
    throw new ParseError(
      { file, line },
      "an OpenAPI 3.0 or 3.1 document (Swagger 2.0 is not supported: convert it to OpenAPI 3 first, e.g. with swagger2openapi)",
      `swagger: ${String(doc.swagger)}`,
    );
  }
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    throw new ParseError(
      { file, line },
      "`openapi: 3.0.x` or `openapi: 3.1.x`",
      `openapi: ${String(version)}`,
    );
  }
  for (const key of ["paths", "webhooks", "components"]) {
    const value = doc[key];
    if (
      value !== undefined &&
      (typeof value !== "object" || value === null || Array.isArray(value))
    ) {
      throw new ParseError({ file, line }, `\`${key}\` to be a mapping`, String(value));
    }
  }
  return repairScalars(doc);
}

/**
 * True when the text looks like a bare OpenAPI (or Swagger) document: an `openapi` / `swagger`
 * key at the top level of YAML, or anywhere near the start of JSON (keys may come in any order).
 */
export function looksLikeOpenAPI(text: string): boolean {
  const head = text.slice(0, 20_000).replace(/^\uFEFF/, "");
  if (/^\s*\{/.test(head)) return /"(openapi|swagger)"\s*:\s*"[23]\./.test(head);
  return /^["']?(openapi|swagger)["']?\s*:\s*["']?[23]\./m.test(head);
}
