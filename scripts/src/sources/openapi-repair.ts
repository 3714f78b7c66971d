import type { OpenAPIDocument } from "./types.ts";

/**
 * Published specs are sometimes written by hand with quoted scalars (`required: "true"`,
 * `maxLength: "39"`), which every OpenAPI tool rejects or misreads. The author's meaning is not in
 * doubt, so the keywords that can only hold a number or a boolean get one. Example data, defaults
 * and extensions are left as written: there a quoted number is data.
 */
const NUMBERS = new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
]);
const BOOLEANS = new Set([
  "required",
  "nullable",
  "deprecated",
  "readOnly",
  "writeOnly",
  "uniqueItems",
  "allowEmptyValue",
  "explode",
  "allowReserved",
]);
const DATA = new Set(["example", "examples", "default", "enum", "const"]);
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Returns the document with quoted numeric and boolean keywords given their type (in place). */
export function repairScalars(doc: OpenAPIDocument): OpenAPIDocument {
  visit(doc, 0);
  return doc;
}

function visit(value: unknown, depth: number): void {
  if (depth > 200 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, depth + 1);
    return;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const inner = object[key];
    if (typeof inner === "string") {
      if (NUMBERS.has(key) && NUMBER.test(inner.trim())) object[key] = Number(inner);
      else if (BOOLEANS.has(key) && (inner === "true" || inner === "false")) {
        object[key] = inner === "true";
      }
    } else if (!DATA.has(key) && !key.startsWith("x-")) visit(inner, depth + 1);
  }
}
