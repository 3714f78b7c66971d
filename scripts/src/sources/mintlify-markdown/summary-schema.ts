import { setOwn } from "../model/own.ts";
import { parseTypeLine } from "../model/type-line.ts";

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is open-ended JSON.
export type Schema = Record<string, any>;

/**
 * A schema of Mintlify's summary as JSON Schema: a copy with Mintlify's display-only `type: any`
 * (a schema that allows anything) removed, at every depth. Keys are copied with setOwn, so a
 * `__proto__` property name stays a property name.
 */
export function schemaOf(value: Schema): Schema {
  return clean(value, 0) as Schema;
}

function clean(value: unknown, depth: number): unknown {
  // The YAML parser caps aliases; this caps depth so a hostile nesting cannot overflow the stack.
  if (depth > 200 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  const out: Schema = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "type" && inner === "any") continue;
    if (key === "type" && Array.isArray(inner) && inner.includes("any")) continue;
    if (key === "type" && typeof inner === "string" && !JSON_TYPES.has(inner)) {
      // Mintlify's display spelling (`enum<string>`, `string<date-time>`, `object[]`) as JSON
      // Schema; what the entry states itself (its `format`, its `items`) wins.
      const parsed = parseTypeLine(inner);
      if (parsed.kind === "type") {
        for (const [k, v] of Object.entries(parsed.schema)) {
          if (k === "type" || !(k in value)) setOwn(out, k, v);
        }
        continue;
      }
    }
    setOwn(out, key, clean(inner, depth + 1));
  }
  return out;
}

/**
 * One schema for the entries of a `schema` / `schemaArray` list. Mintlify flattens a `oneOf` or an
 * `anyOf` into that list without saying which, so several entries become the weaker `anyOf`;
 * entries that differ only in their single type (`string` and `'null'`) become one type list.
 */
export function alternatives(schemas: Schema[]): Schema {
  if (schemas.length === 1) return schemas[0] as Schema;
  const [first, ...rest] = schemas.map(({ type, ...others }) => ({ type, others }));
  const sameShape =
    first !== undefined &&
    [first, ...rest].every((s) => typeof s.type === "string") &&
    rest.every((s) => JSON.stringify(s.others) === JSON.stringify(first.others));
  if (sameShape) {
    const types = [...new Set(schemas.map((s) => s.type as string))];
    return { type: types.length === 1 ? types[0] : types, ...first.others };
  }
  return { anyOf: schemas };
}
