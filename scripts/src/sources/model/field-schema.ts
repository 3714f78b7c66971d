import { type Context, fail } from "./context.ts";
import type { Field } from "./field.ts";
import { parseJson } from "./json.ts";
import { setOwn } from "./own.ts";
import { readProse, saysNullable } from "./prose.ts";
import type { Schema } from "./type-line.ts";

/** Named schemas of the page, by component name. */
export type Components = Record<string, Schema>;

const REF = "#/components/schemas/";

/** The component a `$ref` points to, if it is one of the page's. */
export function resolveRef(schema: Schema, components: Components): Schema | undefined {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith(REF)) return undefined;
  const name = ref.slice(REF.length);
  return Object.hasOwn(components, name) ? components[name] : undefined;
}

/** The types a schema allows, as a list. */
export function typesOf(schema: Schema): string[] {
  return [schema.type].flat().filter((t): t is string => typeof t === "string");
}

/** The schema of one field: its type line plus options, constraints, default, description, example. */
export function fieldSchema(
  field: Field,
  components: Components,
  ctx: Context,
  siblings?: ReadonlySet<string>,
): Schema {
  for (const named of field.named) {
    if (!Object.hasOwn(components, named.name))
      setOwn(components, named.name, structuredClone(named.schema));
  }
  const schema = structuredClone(field.schema);
  const target = enumTarget(schema, components, 0);
  if (field.options !== undefined) applyOptions(schema, field, components, ctx);
  else if (target !== undefined && target.enum.length === 0 && field.allowed === undefined) {
    if (field.folded !== true)
      fail(ctx, field.line, `the Available options of the enum field ${field.name}`);
    delete target.enum;
  }
  if (field.allowed !== undefined) {
    (target ?? valueTarget(schema, components, 0)).enum = [field.allowed.value];
  }
  applyConstraints(schema, field.constraints);
  if (field.defaultText !== undefined && !saysNoDefault(field.defaultText, schema, components)) {
    schema.default = coerce(field.defaultText, schema, components);
  }
  fillFromProse(schema, field, target !== undefined, siblings);
  if (field.deprecated) schema.deprecated = true;
  if (field.description.length > 0) schema.description = field.description.join("\n\n");
  if (field.example !== undefined) schema.examples = [field.example.value];
  return schema;
}

// Keywords that bound a value, not a list: on an array they bound its items.
const VALUE_BOUNDS = new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "pattern",
  "minLength",
  "maxLength",
]);

/**
 * The pills' limits on the field. `integer[]` over `Required range: 1 <= x <= 65535`: the range
 * bounds each item (Mintlify prints the items' limits under the array).
 */
function applyConstraints(schema: Schema, constraints: Schema): void {
  const items = schema.items as Schema | undefined;
  const onItems =
    typesOf(schema).includes("array") && items !== undefined && items.$ref === undefined;
  for (const [key, value] of Object.entries(constraints)) {
    if (onItems && VALUE_BOUNDS.has(key)) items[key] = value;
    else schema[key] = value;
  }
}

/** What the description states and the pills did not: limits, options, a default. */
function fillFromProse(
  schema: Schema,
  field: Field,
  hasEnum: boolean,
  siblings?: ReadonlySet<string>,
): void {
  if (field.description.length === 0 || schema.$ref !== undefined) return;
  // A labelled list item speaks of one case among several (`- Free text: up to 18
  // characters`), not of the field as a whole; a list of rules (`- at most 40 characters`) does.
  const lines = field.description.join("\n").split("\n");
  const prose = lines.filter((line) => !CASE_ITEM.test(line)).join("\n");
  const stated = readProse(prose, typesOf(schema));
  if (saysNullable(prose)) allowNull(schema);
  // "(default: none)" says there is none, unless `none` is one of the field's values.
  const values = [...(field.options?.values ?? []), ...((schema.enum as unknown[]) ?? [])];
  if (stated.default === "none" && !values.includes("none")) delete stated.default;
  // "Defaults to `sourceCurrency`": the value of another field, not a value of its own.
  const named = stated.default;
  if (typeof named === "string" && siblings?.has(named) && !values.includes(named))
    delete stated.default;
  for (const [key, value] of Object.entries(stated)) {
    if (key === "enum" && (hasEnum || field.options !== undefined || field.allowed !== undefined))
      continue;
    // The pills' exclusive bound (`0 <= x < 2`) is the bound prose ("between 0 and 2") restates.
    const exclusive = EXCLUSIVE[key];
    if (exclusive !== undefined && schema[exclusive] !== undefined) continue;
    if (schema[key] === undefined) schema[key] = value;
  }
}

/** A simple typed schema that the description says may be null: null joins its type. */
export function allowNull(schema: Schema): void {
  const types = typesOf(schema);
  if (types.length === 0 || types.includes("null") || schema.anyOf !== undefined) return;
  schema.type = [...types, "null"];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum = [...schema.enum, null];
}

const CASE_ITEM = /^\s*(?:[-*+\u2022]\s*)+(?:\d+[.)]\s*)?(?:\*\*)?[^:\n]{1,40}:(?:\*\*)?\s/;

const EXCLUSIVE: Record<string, string> = {
  minimum: "exclusiveMinimum",
  maximum: "exclusiveMaximum",
};

function enumTarget(schema: Schema, components: Components, depth: number): Schema | undefined {
  if (depth > 16) return undefined;
  if (Array.isArray(schema.enum)) return schema;
  const ref = resolveRef(schema, components);
  if (ref !== undefined) return enumTarget(ref, components, depth + 1);
  if (schema.items !== undefined) return enumTarget(schema.items, components, depth + 1);
  if (Array.isArray(schema.anyOf)) {
    for (const alt of schema.anyOf) {
      const found = enumTarget(alt, components, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where options go when the type line did not say enum: the innermost value schema. */
function valueTarget(schema: Schema, components: Components, depth: number): Schema {
  if (depth > 16) return schema;
  const ref = resolveRef(schema, components);
  if (ref !== undefined) return valueTarget(ref, components, depth + 1);
  if (typesOf(schema).includes("array") && schema.items !== undefined) {
    return valueTarget(schema.items, components, depth + 1);
  }
  return schema;
}

function applyOptions(schema: Schema, field: Field, components: Components, ctx: Context): void {
  const target = enumTarget(schema, components, 0) ?? valueTarget(schema, components, 0);
  if (Array.isArray(target.enum) && target.enum.length > 0) return; // a reused named enum
  const types = typesOf(target);
  const values: unknown[] = [];
  for (const text of field.options?.values ?? []) {
    const value = convert(text, types);
    if (value === undefined) {
      fail(ctx, field.options?.line ?? field.line, `an option of type ${types.join(" | ")}`, text);
    } else if (!values.includes(value)) values.push(value);
  }
  if (values.length === 0) {
    // Every option was rejected (and reported): an empty enum would forbid every value.
    if (Array.isArray(target.enum)) delete target.enum;
    return;
  }
  if (types.includes("null") && !values.includes(null)) values.push(null);
  target.enum = values;
}

function convert(text: string, types: string[]): unknown {
  if (text === "null" && types.includes("null")) return null;
  if (types.includes("string") || types.length === 0) return text;
  if (types.includes("integer") || types.includes("number")) {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) return undefined;
    return types.includes("integer") && !types.includes("number") && !Number.isInteger(n)
      ? undefined
      : n;
  }
  if (types.includes("boolean"))
    return text === "true" ? true : text === "false" ? false : undefined;
  return text;
}

/**
 * `default:None` on a number (Python's spelling of "no value", printed by FastAPI-generated docs)
 * is no default: the field's type does not allow it.
 */
function saysNoDefault(text: string, schema: Schema, components: Components): boolean {
  const types = typesOf(valueTarget(schema, components, 0));
  return (
    /^(?:None|undefined|nil)$/.test(text.trim()) && !types.includes("string") && types.length > 0
  );
}

/**
 * `default:false` → false for a boolean, `default:10` → "10" for a string field; a quoted
 * `default:"false"` on a boolean field is still the boolean (Mintlify quotes some defaults).
 */
function coerce(text: string, schema: Schema, components: Components): unknown {
  const types = typesOf(valueTarget(schema, components, 0));
  const parsed = parseJson(text);
  // `default="null"` on a field that may be null: null, not the word.
  if (parsed.ok && parsed.value === null && allowsNull(schema)) return null;
  // `[]` on a list of strings: the list itself (the item type is not the default's).
  if (parsed.ok && Array.isArray(parsed.value) && typesOf(schema).includes("array"))
    return parsed.value;
  if (types.includes("string")) {
    return parsed.ok && typeof parsed.value === "string" ? parsed.value : text;
  }
  // `"{"a":1}"`: JSON text in quotes whose inner escapes a scrape took out.
  const quoted = !parsed.ok && /^"[[{].*[\]}]"$/s.test(text) ? text.slice(1, -1) : undefined;
  const value = parsed.ok ? parsed.value : (quoted ?? text);
  if (typeof value !== "string") return value;
  const inner = parseJson(value);
  const fits = inner.ok && types.some((type) => matchesType(inner.value, type));
  if (fits) return inner.value;
  return quoted === undefined ? value : text;
}

function allowsNull(schema: Schema): boolean {
  if (typesOf(schema).includes("null")) return true;
  const alternatives = schema.anyOf ?? schema.oneOf;
  return Array.isArray(alternatives) && alternatives.some((s) => allowsNull(s as Schema));
}

function matchesType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "null") return value === null;
  if (type === "array") return Array.isArray(value);
  if (type === "object")
    return value !== null && typeof value === "object" && !Array.isArray(value);
  return typeof value === type;
}
