import { expect } from "vitest";
import { ParseError, type Warning } from "../../src/errors.ts";
import type { OpenAPIDocument, Parser } from "../../src/sources/types.ts";

// What every form's fuzz test asserts of one mutated page, in strict and in lenient mode.

/** Structural problems a partial OpenAPI document must never have; empty when sound. */
export function problems(doc: OpenAPIDocument): string[] {
  const found: string[] = [];
  const schemas = doc.components?.schemas ?? {};
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > 200 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${at}/${i}`, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (
      typeof ref === "string" &&
      !Object.hasOwn(schemas, ref.replace("#/components/schemas/", ""))
    ) {
      found.push(`${at}: dangling ${ref}`);
    }
    if (Array.isArray(record.enum) && record.enum.length === 0) found.push(`${at}: empty enum`);
    if (Array.isArray(record.required) && typeof record.properties === "object") {
      for (const name of record.required) {
        if (!Object.hasOwn(record.properties as object, name))
          found.push(`${at}: required ${name}`);
      }
    }
    // Examples are data, not schema: do not look for keywords inside them.
    for (const [key, value] of Object.entries(record)) {
      if (key !== "example" && key !== "examples") walk(value, `${at}/${key}`, depth + 1);
    }
  };
  walk(doc, "", 0);
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, OpenAPIDocument>)) {
      if (Object.keys(op.responses ?? {}).length === 0)
        found.push("an operation without responses");
    }
  }
  return found;
}

/** Strict mode: a sound document, or a ParseError located in `file`; never anything else. */
export function expectDocumentOrLocatedError(parse: Parser, text: string, file: string): void {
  try {
    const doc = parse(text, { file });
    expect(doc.openapi).toBe("3.1.0");
    expect(typeof doc.paths).toBe("object");
    JSON.stringify(doc);
    expect(problems(doc)).toEqual([]);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    expect(error.file).toBe(file);
    expect(Number.isInteger(error.line) && (error.line as number) >= 1).toBe(true);
  }
}

/** Lenient mode: always a sound document, every warning with a line. */
export function expectLenientDocument(parse: Parser, text: string, file: string): void {
  const warnings: Warning[] = [];
  const doc = parse(text, { file, lenient: true, warn: (w) => warnings.push(w) });
  expect(doc.openapi).toBe("3.1.0");
  JSON.stringify(doc);
  expect(problems(doc)).toEqual([]);
  for (const w of warnings) expect((w.line ?? 0) >= 1).toBe(true);
}
