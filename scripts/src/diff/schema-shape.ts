import type { OpenAPIDocument } from "../sources/types.ts";
import { arrayOf, has, isObject, type JsonObject } from "./json.ts";
import { resolveRef } from "./refs.ts";

/** The JSON types a schema admits; null when it admits anything. */
export type TypeSet = ReadonlySet<string> | null;

/**
 * A schema made comparable: `allOf` members merged into one object schema, and a nullable union
 * (`anyOf: [X, {type: "null"}]`) folded into X with `null` added to its types, so that the
 * spellings of the same contract compare equal.
 */
export function shapeOf(doc: OpenAPIDocument, schema: JsonObject): JsonObject {
  return unwrapNullable(doc, flattenAllOf(doc, schema, new Set(), new Map()));
}

function flattenAllOf(
  doc: OpenAPIDocument,
  schema: JsonObject,
  seen: Set<unknown>,
  memo: Map<unknown, JsonObject>,
): JsonObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const merged: JsonObject = { ...own };
  let properties: JsonObject = {};
  const required = new Set<string>(strings(own.required));
  for (const member of allOf) {
    const { node, identity } = resolveRef(doc, member);
    if (!isObject(node) || seen.has(identity)) continue;
    seen.add(identity);
    const part = memo.get(identity) ?? flattenAllOf(doc, node, seen, memo);
    memo.set(identity, part);
    seen.delete(identity);
    if (isObject(part.properties)) properties = { ...properties, ...part.properties };
    for (const name of strings(part.required)) required.add(name);
    for (const [key, value] of Object.entries(part)) {
      if (key !== "properties" && key !== "required" && !has(merged, key)) merged[key] = value;
    }
  }
  if (isObject(own.properties)) properties = { ...properties, ...own.properties };
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function unwrapNullable(doc: OpenAPIDocument, schema: JsonObject): JsonObject {
  const key = Array.isArray(schema.anyOf) ? "anyOf" : Array.isArray(schema.oneOf) ? "oneOf" : null;
  if (key === null) return schema;
  const variants = arrayOf(schema[key]).map((variant) => resolveRef(doc, variant).node);
  const others = variants.filter((variant) => !isNullSchema(variant));
  const [only] = others;
  if (others.length !== 1 || others.length === variants.length || !isObject(only)) return schema;
  const { [key]: _, ...own } = schema;
  // `nullable` (the 3.0 spelling) adds `null` to whatever types the variant admits.
  return { ...flattenAllOf(doc, only, new Set(), new Map()), ...own, nullable: true };
}

function isNullSchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const { type } = schema;
  return type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null");
}

/** The types a (shaped) schema admits, inferring `object`/`array` from its keywords. */
export function typeSet(doc: OpenAPIDocument, schema: JsonObject): TypeSet {
  return typesOf(doc, schema, new Set(), new Map());
}

function typesOf(
  doc: OpenAPIDocument,
  schema: JsonObject,
  open: Set<unknown>,
  memo: Map<unknown, TypeSet>,
): TypeSet {
  const types = new Set<string>();
  if (typeof schema.type === "string") types.add(schema.type);
  else if (Array.isArray(schema.type)) for (const type of strings(schema.type)) types.add(type);
  else if (has(schema, "const")) types.add(jsonType(schema.const));
  else if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    for (const value of schema.enum) types.add(jsonType(value));
  } else if (has(schema, "properties") || has(schema, "additionalProperties")) {
    types.add("object");
  } else if (has(schema, "items") || has(schema, "prefixItems")) {
    types.add("array");
  } else {
    const variants = variantsOf(schema);
    if (variants === undefined) return null;
    for (const variant of variants) {
      const { node, identity } = resolveRef(doc, variant);
      // A union that contains itself admits whatever its other members admit; `open` stops the
      // loop, `memo` keeps shared members from being expanded once per path.
      if (!isObject(node) || open.has(identity)) return null;
      let inner = memo.get(identity);
      if (!memo.has(identity)) {
        open.add(identity);
        inner = typesOf(doc, shapeOf(doc, node), open, memo);
        open.delete(identity);
        memo.set(identity, inner ?? null);
      }
      if (inner === null || inner === undefined) return null;
      for (const type of inner) types.add(type);
    }
  }
  if (schema.nullable === true) types.add("null");
  return types;
}

/** The alternatives of a union schema (`oneOf` or `anyOf`), if it is one. */
export function variantsOf(schema: JsonObject): unknown[] | undefined {
  if (Array.isArray(schema.oneOf)) return schema.oneOf;
  if (Array.isArray(schema.anyOf)) return schema.anyOf;
  return undefined;
}

/** Whether every value of `narrow` is also a value of `wide` (`integer` is a `number`). */
export function covers(wide: TypeSet, narrow: TypeSet): boolean {
  if (wide === null) return true;
  if (narrow === null) return false;
  for (const type of narrow) {
    if (!wide.has(type) && !(type === "integer" && wide.has("number"))) return false;
  }
  return true;
}

/** Whether two type sets admit exactly the same types. */
export function sameTypes(a: TypeSet, b: TypeSet): boolean {
  return covers(a, b) && covers(b, a) && formatTypes(a) === formatTypes(b);
}

/** `integer | null`, or `any`. */
export function formatTypes(types: TypeSet): string {
  return types === null ? "any" : [...types].sort().join(" | ");
}

/** The JSON Schema type of a JSON value. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value === "object" ? "object" : typeof value;
}

/** The strings of a list, ignoring anything else. */
export function strings(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === "string");
}
