// A hand-written page may show the body as a template of type names (`{"username": "string",
// "age": "integer"}`) rather than an example: it says each field's type, and no value a request
// would send.
import { type Components, resolveRef, typesOf } from "./field-schema.ts";
import { isPlainObject } from "./infer.ts";
import { setOwn } from "./own.ts";
import { parseTypeLine, type Schema } from "./type-line.ts";
import { mintlifySpelling } from "./type-spelling.ts";

// The words a template writes for a type (`string`, `int`, `datetime`, `uuid`, `string[]`);
// fewer than a type cell may hold, since a real value may be any word.
const TYPE_WORD =
  /^(?:string|integer|int|number|float|double|boolean|bool|object|array|date|datetime|date-time|timestamp|uuid|email|url|uri)(?:\[\])?$/;

/** The schema a template's type word names; undefined for any other value. */
function named(value: unknown): Schema | undefined {
  if (typeof value !== "string" || !TYPE_WORD.test(value)) return undefined;
  const line = parseTypeLine(mintlifySpelling(value) ?? value);
  return line.kind === "type" ? line.schema : undefined;
}

const MAX_DEPTH = 32;

/**
 * True when every value in the JSON is a type name, and there are two or more: one alone
 * (`{"type": "object"}`) may be a real value.
 */
export function isTypeTemplate(value: unknown): boolean {
  const leaves: unknown[] = [];
  collectLeaves(value, leaves, 0);
  return leaves.length >= 2 && leaves.every((leaf) => named(leaf) !== undefined);
}

/**
 * Gives each listed field that has no type the one the template names for it; a type the page
 * states stays as it is.
 */
export function typeFromTemplate(
  schema: Schema,
  template: unknown,
  components: Components,
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  const own = resolveRef(schema, components) ?? schema;
  if (Array.isArray(template) && own.items !== undefined)
    typeFromTemplate(own.items, template[0], components, depth + 1);
  if (!isPlainObject(template) || !isPlainObject(own.properties)) return;
  const properties = own.properties as Record<string, Schema>;
  for (const [name, value] of Object.entries(template)) {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (property === undefined) continue;
    const untyped =
      typesOf(property).length === 0 &&
      property.$ref === undefined &&
      property.enum === undefined &&
      property.const === undefined &&
      property.anyOf === undefined &&
      property.oneOf === undefined &&
      property.allOf === undefined;
    const stated = named(value);
    if (untyped && stated !== undefined) Object.assign(property, stated);
    else if (untyped && isPlainObject(value)) property.type = "object";
    else if (untyped && Array.isArray(value)) property.type = "array";
    if (typeof value === "object") typeFromTemplate(property, value, components, depth + 1);
  }
}

/** The schema a template names: its objects, arrays and each value's type. */
export function templateSchema(value: unknown, depth = 0): Schema {
  if (depth > MAX_DEPTH) return {};
  if (Array.isArray(value))
    return { type: "array", items: value.length > 0 ? templateSchema(value[0], depth + 1) : {} };
  if (isPlainObject(value)) {
    const properties: Record<string, Schema> = {};
    for (const [key, item] of Object.entries(value))
      setOwn(properties, key, templateSchema(item, depth + 1));
    return { type: "object", properties };
  }
  return named(value) ?? {};
}

function collectLeaves(value: unknown, into: unknown[], depth: number): void {
  if (depth > MAX_DEPTH || into.length > 1000) return;
  if (Array.isArray(value)) for (const item of value) collectLeaves(item, into, depth + 1);
  else if (isPlainObject(value))
    for (const item of Object.values(value)) collectLeaves(item, into, depth + 1);
  else into.push(value);
}
