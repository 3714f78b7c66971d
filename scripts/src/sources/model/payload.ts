import { type Context, note } from "./context.ts";
import type { Field } from "./field.ts";
import { type Components, resolveRef, typesOf } from "./field-schema.ts";
import { inferSchema } from "./infer.ts";
import { setOwn } from "./own.ts";
import { templateSchema, typeFromTemplate } from "./template.ts";
import { buildTree } from "./tree.ts";
import type { NamedSchema, Schema } from "./type-line.ts";

/** A request body or one response, as the page documents it. */
export interface PayloadModel {
  /** The media type shown (`application/json`); JSON when the page shows none. */
  media?: string | undefined;
  /** The payload's own type when it is not an object of fields (`object[]`, `string`). */
  root?: Schema | undefined;
  /** Named schemas that root type introduced. */
  named?: NamedSchema[] | undefined;
  fields: Field[];
  /** Text above the fields. */
  paragraphs: string[];
  /** `shapeOnly`: JSON the page elided (`"games": [...]`): it shapes the schema, no example. */
  example?: { value: unknown; shapeOnly?: boolean | undefined } | undefined;
  /** JSON naming each field's type (`"name": "string"`), shown beside or instead of an example. */
  template?: unknown;
}

/** A payload turned into a schema, with what the operation needs to know of it. */
export interface Payload {
  media: string;
  schema: Schema;
  example?: { value: unknown } | undefined;
  paragraphs: string[];
  required: boolean;
  hasFields: boolean;
}

/**
 * The schema of a payload: fields nested under their parents, objects the fields leave out
 * recovered from the example (marked as inferred), and the example kept beside it.
 */
export function buildPayload(model: PayloadModel, components: Components, ctx: Context): Payload {
  const template = model.template;
  for (const named of model.named ?? []) {
    if (!Object.hasOwn(components, named.name)) setOwn(components, named.name, named.schema);
  }
  let root: Schema =
    model.root !== undefined
      ? structuredClone(model.root)
      : listsItsFields(model)
        ? { type: "array", items: { type: "object" } }
        : { type: "object" };
  if (model.fields.length === 0 && isBareObject(root)) {
    if (model.example !== undefined) root = inferSchema(model.example.value);
    else if (template !== undefined) root = templateSchema(template);
  }
  buildTree(model.fields, root, model.example?.value, components, ctx);
  if (template !== undefined) typeFromTemplate(root, template, components);
  // Mintlify's own example, made from the schema, holds `"<string>"` where a URL or a date is
  // due: not the provider's, and no value regen's check of the examples would let through.
  const standIn = standInAtFormat(model.example?.value, root, components, 0);
  if (standIn !== undefined)
    note(
      ctx,
      model.fields[0]?.line ?? 1,
      `a real ${standIn.format} in the example (left out)`,
      standIn.value,
    );
  const shown = standIn === undefined && model.example?.shapeOnly !== true;
  const example = formExample(model.media, shown ? model.example : undefined, root);
  const tabs = model.fields.length > 0 ? optionTabs(model.paragraphs) : undefined;
  if (tabs !== undefined && typesOf(root).includes("object")) root = oneOfShown(root, tabs.names);
  return {
    media: model.media ?? "application/json",
    schema: root,
    example,
    paragraphs: tabs?.rest ?? model.paragraphs,
    required: model.fields.some((f) => f.required && f.path.length === 1),
    hasFields: model.fields.length > 0,
  };
}

/**
 * `--data amount=1200 --data final=true` for a form-encoded body: the example as the object it
 * encodes (`{amount: 1200, final: true}`), each value in its field's type, as OpenAPI gives a
 * form body's example; a string it cannot read so stays as it was.
 */
function formExample(
  media: string | undefined,
  example: PayloadModel["example"],
  root: Schema,
): PayloadModel["example"] {
  const text = example?.value;
  if (media !== "application/x-www-form-urlencoded" || typeof text !== "string") return example;
  if (!/^[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*$/.test(text.trim())) return example;
  const properties = (root.properties ?? {}) as Record<string, Schema>;
  const value: Record<string, unknown> = {};
  for (const [name, raw] of new URLSearchParams(text.trim())) {
    const types = typesOf(properties[name] ?? {});
    const number = Number(raw);
    if (
      (types.includes("integer") || types.includes("number")) &&
      raw !== "" &&
      Number.isFinite(number)
    )
      setOwn(value, name, number);
    else if (types.includes("boolean") && (raw === "true" || raw === "false"))
      setOwn(value, name, raw === "true");
    else setOwn(value, name, raw);
  }
  return { value };
}

// A tab's label: a schema's name (`CreatePhotoAvatarRequest`) or a few words (`Option 1`).
const OPTION_TAB = /^[*-]\s+([A-Za-z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3})$/;

/**
 * A payload that is one of several objects shows a tab per option above the fields, which a
 * copy keeps as a list (`* CreatePromptAvatarRequest` / `* CreatePhotoAvatarRequest`), one
 * paragraph or one per item; only the first tab's fields are on the page. The labels (two or
 * more) and the paragraphs without them; undefined when the text above the fields has no such
 * list.
 */
export function optionTabs(paragraphs: string[]): { names: string[]; rest: string[] } | undefined {
  const names: string[] = [];
  const rest: string[] = [];
  let after = false; // past the one run of tab paragraphs
  for (const paragraph of paragraphs) {
    const labels = paragraph.split("\n").map((line) => OPTION_TAB.exec(line.trim())?.[1]);
    if (!after && labels.every((label) => label !== undefined)) names.push(...(labels as string[]));
    else {
      after = names.length > 0;
      rest.push(paragraph);
    }
  }
  return names.length >= 2 ? { names, rest } : undefined;
}

/**
 * The payload as one of its tabs: the fields shown are the first option's; the others, which the
 * page names but does not show, are objects of any shape, so a client may send any of them.
 */
function oneOfShown(shown: Schema, names: string[]): Schema {
  const [first, ...others] = names;
  return {
    anyOf: [
      { title: first, ...shown },
      ...others.map((title) => ({ title, type: "object", additionalProperties: true })),
    ],
  };
}

// A bare `{type: object}` root with no fields says nothing the example cannot say better.
function isBareObject(root: Schema): boolean {
  return root.type === "object" && Object.keys(root).length === 1;
}

/**
 * A list response: Mintlify shows the fields of the items as the payload's own, and only its
 * example (`[{…}]`) says they are items of an array. An array example whose objects hold the
 * first field's name, where the page gave no root type, is such a list.
 */
function listsItsFields(model: PayloadModel): boolean {
  const value = model.example?.value;
  const first = model.fields.find((field) => field.path.length === 1);
  if (!Array.isArray(value) || value.length === 0 || first === undefined) return false;
  return value.every(
    (item) =>
      item !== null &&
      typeof item === "object" &&
      !Array.isArray(item) &&
      Object.hasOwn(item, first.name),
  );
}

// The values Mintlify fills the examples it generates with (`"<string>"`), and the one a
// scraper leaves where the page showed an email (`[email protected]`).
const STAND_IN =
  /^(?:<(?:string|integer|number|boolean|any|object|array|unknown)>|\[email(?:\s|\u00a0)protected\])$/;

/** The first stand-in value the example holds where its schema declares a format. */
function standInAtFormat(
  value: unknown,
  schema: Schema | undefined,
  components: Components,
  depth: number,
): { value: string; format: string } | undefined {
  if (schema === undefined || depth > 32) return undefined;
  const own = resolveRef(schema, components) ?? schema;
  if (typeof value === "string")
    return typeof own.format === "string" && STAND_IN.test(value)
      ? { value, format: own.format }
      : undefined;
  if (Array.isArray(value))
    return value
      .map((item) => standInAtFormat(item, own.items as Schema | undefined, components, depth + 1))
      .find((found) => found !== undefined);
  if (value === null || typeof value !== "object") return undefined;
  const properties = (own.properties ?? {}) as Record<string, Schema>;
  return Object.entries(value)
    .map(([key, v]) =>
      Object.hasOwn(properties, key)
        ? standInAtFormat(v, properties[key], components, depth + 1)
        : undefined,
    )
    .find((found) => found !== undefined);
}
