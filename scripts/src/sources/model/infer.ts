import { writtenAsFraction } from "./json.ts";
import { setOwn } from "./own.ts";
import type { Schema } from "./type-line.ts";

const MAX_DEPTH = 32;
const MAX_ITEMS = 50;

// Schemas (and their `properties` objects) made from examples rather than read from the page:
// later examples may widen them, never a listed schema. Objects are fresh per parse.
const INFERRED = new WeakSet<object>();

/** True when the schema (or properties object) was inferred from an example. */
export function isInferred(node: object): boolean {
  return INFERRED.has(node);
}

function mark<T extends object>(node: T): T {
  INFERRED.add(node);
  return node;
}

/**
 * The schema an example value shows: types only, nothing required, objects left open (the example
 * is one observation, not the contract). Placeholders such as "<string>" only say "a string".
 */
export function inferSchema(value: unknown, depth = 0, fraction = false): Schema {
  if (depth > MAX_DEPTH || value === null || value === undefined) return mark({});
  if (typeof value === "string") return mark({ type: "string" });
  // `200`, `1500`: a whole number is read as an integer, as a reader reads it; `25.0` (written
  // with a fraction) or an example with a fraction elsewhere (below) is a number.
  if (typeof value === "number")
    return mark({ type: Number.isInteger(value) && !fraction ? "integer" : "number" });
  if (typeof value === "boolean") return mark({ type: "boolean" });
  if (Array.isArray(value)) {
    const at = (i: number) => writtenAsFraction(value, String(i));
    let items = inferSchema(value[0], depth + 1, at(0));
    for (const [i, item] of value.slice(1, MAX_ITEMS).entries())
      items = widen(items, item, depth + 1, at(i + 1));
    return mark({ type: "array", items: value.length === 0 ? mark({}) : items });
  }
  if (typeof value === "object") {
    const properties = mark({} as Schema);
    for (const [key, item] of Object.entries(value))
      setOwn(properties, key, inferSchema(item, depth + 1, writtenAsFraction(value, key)));
    return Object.keys(properties).length > 0
      ? mark({ type: "object", properties, additionalProperties: true })
      : mark({ type: "object", additionalProperties: true });
  }
  return mark({});
}

/**
 * Makes an inferred schema also accept `value`: new keys are added, a type that disagrees with an
 * earlier example becomes unconstrained. Schemas read from the page are returned unchanged.
 */
export function widen(schema: Schema, value: unknown, depth = 0, fraction = false): Schema {
  if (!INFERRED.has(schema) || depth > MAX_DEPTH || schema.type === undefined) return schema;
  const seen = inferSchema(value, depth, fraction);
  // Whole numbers in one example, a fraction in another: numbers.
  const numeric = ["integer", "number"];
  if (numeric.includes(String(seen.type)) && numeric.includes(String(schema.type))) {
    if (seen.type === "number") schema.type = "number";
    return schema;
  }
  if (seen.type !== schema.type) return mark({});
  if (schema.type === "array" && Array.isArray(value)) {
    for (const [i, item] of value.slice(0, MAX_ITEMS).entries())
      schema.items = widen(schema.items, item, depth + 1, writtenAsFraction(value, String(i)));
  }
  if (schema.type === "object" && isPlainObject(value)) widenProperties(schema, value, depth);
  return schema;
}

/** Adds and widens the properties of an object schema for one more example object. */
export function widenProperties(schema: Schema, value: Record<string, unknown>, depth = 0): void {
  if (Object.keys(value).length === 0) return;
  schema.properties ??= mark({});
  const properties = schema.properties as Schema;
  for (const [key, item] of Object.entries(value)) {
    const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const fraction = writtenAsFraction(value, key);
    setOwn(
      properties,
      key,
      known === undefined
        ? inferSchema(item, depth + 1, fraction)
        : widen(known, item, depth + 1, fraction),
    );
  }
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
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

/**
 * The schema `holder[key]` shows, as one more observation of `known` (an inferred schema it
 * widens; undefined for the first): `25.0` is a number. (A generated example's `123` is read as
 * an integer too: Mintlify writes it for either type, and whole-number fields are mostly counts
 * and ids.)
 */
export function observe(
  known: Schema | undefined,
  holder: object,
  key: string,
  depth: number,
): Schema {
  const value = (holder as Record<string, unknown>)[key];
  const fraction = writtenAsFraction(holder, key);
  if (known !== undefined) return widen(known, value, depth, fraction);
  return inferSchema(value, depth, fraction);
}
