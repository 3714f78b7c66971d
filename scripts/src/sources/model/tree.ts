import { type Context, fail, note } from "./context.ts";
import type { Field } from "./field.ts";
import { allowNull, type Components, fieldSchema, resolveRef, typesOf } from "./field-schema.ts";
import { isInferred, isPlainObject, observe, widenProperties } from "./infer.ts";
import { setOwn } from "./own.ts";
import type { Schema } from "./type-line.ts";

/**
 * Puts the fields of a section into `root` (an object schema, or an array of objects): nested
 * fields into their parent's properties, then recovers from `example` the structure of objects
 * the page does not list.
 */
export function buildTree(
  fields: Field[],
  root: Schema,
  example: unknown,
  components: Components,
  ctx: Context,
): void {
  const nodes = new Map<string, Schema>();
  // `required` arrays this call made, so a page with thousands of required fields appends in place
  // (copying the array, or searching it, for every field was quadratic).
  const owned = new WeakSet<string[]>();
  const before = new WeakMap<Schema, Set<string>>();
  // The names at each level, so prose that names a sibling ("defaults to `sourceCurrency`") is
  // not read as a value.
  const levels = new Map<string, Set<string>>();
  for (const field of fields) {
    const level = field.path.slice(0, -1).join(".");
    const names = levels.get(level) ?? new Set<string>();
    names.add(field.name);
    levels.set(level, names);
  }
  let previous: string | undefined;
  // The shapes (titles over further listings of the payload) each field was listed under.
  const shapes = new Map<string, Set<string | undefined>>();
  // Children left out under a scalar, so theirs are too.
  const dropped = new Set<string>();
  for (const field of fields) {
    const last = previous;
    previous = field.path.length === 1 ? field.path.join(".") : previous;
    const siblings = levels.get(field.path.slice(0, -1).join("."));
    const schema = fieldSchema(field, components, ctx, siblings);
    if (field.typeless) TYPELESS.add(schema);
    const parentPath = field.path.slice(0, -1);
    const parent = parentPath.length === 0 ? root : nodes.get(parentPath.join("."));
    let name = field.path.at(-1) as string;
    let container = parent === undefined ? undefined : objectTarget(parent, components, 0);
    // Fields nested (by markup, not by a dotted name) under one the page types `string`
    // (`recipients`, "Array of recipients"): the page contradicts itself; its type line stands
    // and the children are left out, said.
    if (dropped.has(parentPath.join("."))) {
      dropped.add(field.path.join("."));
      continue;
    }
    const markup = !field.name.includes(".");
    if (container === undefined && markup && parent !== undefined && isScalar(parent)) {
      dropped.add(field.path.join("."));
      note(
        ctx,
        field.line,
        `an object field to hold ${field.name} (${parentPath.join(".")} is typed ${typesOf(parent).join(" | ")}; its children are left out)`,
        parentPath.join("."),
      );
      continue;
    }
    if (container === undefined) {
      fail(ctx, field.line, `an object field to hold ${field.name}`, parentPath.join("."));
      name = field.path.join(".");
      container = objectTarget(root, components, 0) ?? root;
    }
    // `{key}`: the schema of every value of a map, not a property.
    if (/^\{[\w-]+\}$/.test(name)) {
      container.additionalProperties = schema;
      nodes.set(field.path.join("."), schema);
      continue;
    }
    container.properties ??= {};
    // A named schema (`VendorSplit · object[]`) listed in the body and again in the response:
    // what an earlier section put in it is no duplicate; two fields of one name in this one are.
    let earlier = before.get(container);
    if (earlier === undefined) {
      earlier = new Set(Object.keys(container.properties));
      before.set(container, earlier);
    }
    const duplicate = Object.hasOwn(container.properties, name);
    if (duplicate && earlier.has(name)) {
      // Listed again where the schema is reused: the first listing stands.
      nodes.set(field.path.join("."), container.properties[name] as Schema);
      continue;
    }
    // Inside a field, a name listed twice is most often each option of a one-of listing its
    // own (`type` under `Text`, again under `JSON schema`): the first stands, and it is said.
    // At the top level it is an error.
    // A top-level field written out twice alike, one right after the other (a copy-paste on
    // the page), is one field; alike but apart, it may be another payload's (an error table's).
    const twin =
      duplicate &&
      last === field.path.join(".") &&
      JSON.stringify(container.properties[name]) === JSON.stringify(schema);
    if (duplicate && (parentPath.length > 0 || twin)) {
      note(
        ctx,
        field.line,
        parentPath.length > 0
          ? `one field named ${field.name} in ${parentPath.join(".")} (the first is kept)`
          : `one field named ${field.name} (written twice alike; the first is kept)`,
        field.name,
      );
      nodes.set(field.path.join("."), container.properties[name] as Schema);
      continue;
    }
    // Listed again under another shape's title: the first listing stands, said; twice in one
    // shape, or typed apart in two, is the page's fault.
    const listed = shapes.get(field.path.join(".")) ?? new Set<string | undefined>();
    if (duplicate && field.variant !== undefined && !listed.has(field.variant)) {
      listed.add(field.variant);
      const first = container.properties[name] as Schema;
      // (`integer` in one shape, `number` in another: a number, which holds both.)
      const numeric = (t: Schema) =>
        typesOf(t).map((type) => (type === "integer" ? "number" : type));
      const same = numeric(first).join() === numeric(schema).join();
      if (same && typesOf(first).join() !== typesOf(schema).join()) {
        first.type = numeric(first).length === 1 ? "number" : numeric(first);
        // (An integer's width says nothing of a number.)
        if (first.format === "int32" || first.format === "int64") delete first.format;
      }
      if (same)
        note(
          ctx,
          field.line,
          `one listing of ${field.name} (listed again under ${field.variant}; the first is kept)`,
        );
      else fail(ctx, field.line, `${field.name} typed alike in every shape`, field.variant);
      nodes.set(field.path.join("."), first);
      continue;
    }
    if (!duplicate) shapes.set(field.path.join("."), new Set([field.variant]));
    if (duplicate) fail(ctx, field.line, `one field named ${field.name}`, field.name);
    setOwn(container.properties, name, schema);
    const required: string[] | undefined = container.required;
    if (field.required && !(duplicate && (required ?? []).includes(name))) {
      const list = required !== undefined && owned.has(required) ? required : [...(required ?? [])];
      owned.add(list);
      list.push(name);
      container.required = list;
    }
    nodes.set(field.path.join("."), schema);
  }
  recover(root, example, components, 0);
}

// The schemas of fields the page has no place to type (`Field.typeless`), and those of them an
// example has typed (a later example may widen the type, or show there is none).
const TYPELESS = new WeakSet<Schema>();
const EXAMPLE_TYPED = new WeakSet<Schema>();
const NULL_SEEN = new WeakSet<Schema>();

/**
 * A field the page lists with no type (a table with no Type column), typed as its example value
 * shows it: what the field list leaves out, the example fills.
 */
function typeFromExample(
  schema: Schema,
  holder: Record<string, unknown>,
  key: string,
  depth: number,
): void {
  if (!TYPELESS.has(schema)) return;
  // (A `null` before any value: the type the others show, and null.)
  if (holder[key] === null) {
    NULL_SEEN.add(schema);
    return;
  }
  const seen = observe(undefined, holder, key, depth + 1);
  // A later item of a list: the type all of them show (`10`, `10.75`: a number), or none.
  if (EXAMPLE_TYPED.has(schema)) {
    const [own, ...more] = typesOf(schema).filter((t) => t !== "null");
    if (seen.type === own && more.length === 0) return;
    const numeric = [seen.type, own].every((t) => t === "integer" || t === "number");
    const widened = typesOf(schema).map((t) => (t === "integer" ? "number" : t));
    if (numeric) schema.type = widened.length === 1 ? widened[0] : widened;
    else {
      delete schema.type;
      delete schema.items;
      TYPELESS.delete(schema);
    }
    return;
  }
  const said = ["$ref", "enum", "const", "anyOf", "oneOf", "allOf", "items", "properties"];
  if (typesOf(schema).length > 0 || said.some((k) => schema[k] !== undefined)) return;
  if (seen.type === undefined) return;
  schema.type = seen.type;
  if (seen.items !== undefined) schema.items = seen.items;
  if (NULL_SEEN.has(schema)) allowNull(schema);
  EXAMPLE_TYPED.add(schema);
}

/** A schema of one plain scalar type or several (`string`, `string | null`), no $ref. */
function isScalar(schema: Schema): boolean {
  const types = typesOf(schema).filter((t) => t !== "null");
  return (
    schema.$ref === undefined &&
    types.length > 0 &&
    types.every((t) => ["string", "integer", "number", "boolean"].includes(t))
  );
}

/** The schema that holds the properties of an object-like field (through $ref and arrays). */
function objectTarget(schema: Schema, components: Components, depth: number): Schema | undefined {
  if (depth > 16) return undefined;
  const ref = resolveRef(schema, components);
  if (ref !== undefined) return objectTarget(ref, components, depth + 1);
  const types = typesOf(schema);
  if (types.includes("array")) {
    if (schema.items === undefined) schema.items = {};
    return objectTarget(schema.items, components, depth + 1);
  }
  if (types.includes("object")) return schema;
  // `(Text · object | File · object)[]`: the page shows the first alternative's tab open, so the
  // children listed are that alternative's.
  const alternatives: Schema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (types.length === 0 && alternatives !== undefined) {
    for (const alternative of alternatives) {
      const target = objectTarget(alternative, components, depth + 1);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (types.length === 0 && schema.enum === undefined) {
    // Child fields are the page saying "object", where the field had no type line.
    schema.type = "object";
    return schema;
  }
  return undefined;
}

/**
 * Fills objects the page does not list from the example, widening what earlier examples showed
 * (a named schema may appear in the body and in the response); objects with nothing known stay
 * open.
 */
function recover(schema: Schema, example: unknown, components: Components, depth: number): void {
  if (depth > 32) return;
  const ref = resolveRef(schema, components);
  if (ref !== undefined) {
    recover(ref, example, components, depth + 1);
    return;
  }
  const types = typesOf(schema);
  // `AssetUrl · object | AssetId · object`: which alternative the example is, nothing says, so
  // each is only opened when the page lists none of its fields.
  for (const alternative of (schema.anyOf ?? schema.oneOf ?? []) as Schema[])
    recover(alternative, undefined, components, depth + 1);
  if (types.includes("array") && schema.items !== undefined) {
    const items = Array.isArray(example) ? example.slice(0, 50) : [undefined];
    for (const item of items) recover(schema.items, item, components, depth + 1);
  }
  if (!types.includes("object")) return;
  const value = isPlainObject(example) ? example : undefined;
  if (schema.properties === undefined || isInferred(schema.properties)) {
    if (value !== undefined) widenProperties(schema, value, depth);
    schema.additionalProperties ??= true;
    return;
  }
  // Keys the example holds and the page does not list: fields it left out, typed as the
  // example shows them (inferred, so a later example may widen them).
  if (value !== undefined && schema.additionalProperties !== false) {
    const properties = schema.properties as Schema;
    for (const key of Object.keys(value)) {
      const known = Object.hasOwn(properties, key) ? (properties[key] as Schema) : undefined;
      if (known === undefined || isInferred(known))
        setOwn(properties, key, observe(known, value, key, depth + 1));
    }
  }
  for (const [name, property] of Object.entries(schema.properties as Schema)) {
    const inner = value !== undefined && Object.hasOwn(value, name) ? value[name] : undefined;
    // `"campaign_name": null` in the page's own example of a field typed `string`: the value
    // can be null, whatever the type line says (the example is what the API sent).
    if (inner === null && (property as Schema).$ref === undefined) allowNull(property as Schema);
    if (value !== undefined && inner !== undefined)
      typeFromExample(property as Schema, value, name, depth);
    recover(property, inner, components, depth + 1);
  }
}
