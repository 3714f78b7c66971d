import { assignOwn, setOwn } from "./own.ts";
import type { Schema } from "./type-line.ts";

const MAX_DEPTH = 32;

/**
 * The schema an example value shows: types only, nothing required, objects left open (the example
 * is one observation, not the contract). Placeholders such as "<string>" only say "a string".
 */
export function inferSchema(value: unknown, depth = 0): Schema {
  if (depth > MAX_DEPTH || value === null || value === undefined) return {};
  if (typeof value === "string") return { type: "string" };
  if (typeof value === "number") return { type: "number" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (Array.isArray(value)) {
    const items = value.map((item) => inferSchema(item, depth + 1));
    return { type: "array", items: mergeAll(items) };
  }
  if (typeof value === "object") {
    const properties: Schema = {};
    for (const [key, item] of Object.entries(value))
      setOwn(properties, key, inferSchema(item, depth + 1));
    return Object.keys(properties).length > 0
      ? { type: "object", properties, additionalProperties: true }
      : { type: "object", additionalProperties: true };
  }
  return {};
}

/** One schema for all the elements of an example array: their common type, else anything. */
function mergeAll(schemas: Schema[]): Schema {
  const first = schemas[0];
  if (first === undefined) return {};
  if (schemas.some((s) => s.type !== first.type)) return {};
  if (first.type !== "object") return first;
  const properties: Schema = {};
  for (const schema of schemas) assignOwn(properties, schema.properties ?? {});
  return Object.keys(properties).length > 0
    ? { type: "object", properties, additionalProperties: true }
    : first;
}

/** Every object key anywhere in the value (bounded depth). */
export function collectKeys(value: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return into;
  if (Array.isArray(value)) for (const item of value) collectKeys(item, into, depth + 1);
  else {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      collectKeys(item, into, depth + 1);
    }
  }
  return into;
}

/** The example value at a property path (arrays: their first element). */
export function exampleAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value)) value = value[0];
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
