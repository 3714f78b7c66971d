import type { OpenAPIDocument } from "../types.ts";

/** A JSON Schema / OpenAPI 3.1 schema object. */
export type Schema = OpenAPIDocument;

/** A named schema a type line introduces (`Name · object`), to be put under components. */
export interface NamedSchema {
  name: string;
  schema: Schema;
}

export type TypeLine =
  | { kind: "type"; schema: Schema; named: NamedSchema[] }
  | { kind: "invalid"; reason: string }
  | { kind: "none" };

// Format words a hand-written field's type pill shows, read as types where a type stands (the
// reader still takes `timestamp` over `int` for a field so named, and the word right under a
// field's own type for its description). Not `date`, `email` or `url`, as often a description.
const WORDS: Record<string, Schema> = {
  decimal: { type: "number" },
  timestamp: { type: "string", format: "date-time" },
  datetime: { type: "string", format: "date-time" },
  uuid: { type: "string", format: "uuid" },
};
export const WORD_TYPES: ReadonlySet<string> = new Set(Object.keys(WORDS));

const PLAIN: Record<string, Schema> = {
  string: { type: "string" },
  number: { type: "number" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  object: { type: "object" },
  array: { type: "array" },
  null: { type: "null" },
  any: {},
  // What Mintlify prints for a schema that names no type.
  unknown: {},
  file: { type: "string", format: "binary" },
  // A hand-written `<ParamField type="float">` renders its type as written: the few spellings
  // of other languages that can only be a type.
  float: { type: "number" },
  double: { type: "number" },
  int: { type: "integer" },
  bool: { type: "boolean" },
  ...WORDS,
};

const ENUM_BASES = new Set(["string", "number", "integer", "boolean"]);
const FORMAT_BASES = new Set(["string", "number", "integer"]);
const MIDDLE_DOT = "\u00B7";

class TypeSyntaxError {
  constructor(readonly reason: string) {}
}

/**
 * Reads a Mintlify type line (`string`, `enum<string>[]`, `string<date-time> | null`,
 * `Stripe Payment Intent Configuration · object`, ...). `none` means the line is not a type line
 * at all; `invalid` means it looks like one but uses syntax this parser does not know.
 */
export function parseTypeLine(text: string): TypeLine {
  const named: NamedSchema[] = [];
  try {
    return {
      kind: "type",
      schema: parseUnion(orAsBar(arrayGenerics(text.trim())), named, 0),
      named,
    };
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    const tabs = oneOfTabs(text.trim());
    if (tabs !== undefined) return { kind: "type", schema: tabs, named };
    if (CUT_OFF.test(text.trim()))
      return { kind: "invalid", reason: "a type closed by `>` (is the page cut off here?)" };
    return looksLikeType(text) ? { kind: "invalid", reason: error.reason } : { kind: "none" };
  }
}

// `Array<object>`: TypeScript's spelling of `object[]`, which a hand-written page prints as given
// (`Array<Array<number>>`, `Array<string | null>` too); `array<object>`, older Mintlify's.
const ARRAY_GENERIC = /^[Aa]rray<(.+)>$/;

/** Each member of a union in `Array<…>` spelling as `…[]` (`Array<string> | null`). */
function arrayGenerics(text: string): string {
  if (!/[Aa]rray</.test(text)) return text;
  return splitTopLevel(text)
    .map((member) => arrayGeneric(member.trim()))
    .join(" | ");
}

function arrayGeneric(text: string): string {
  let item = text;
  let depth = 0;
  for (let inner = ARRAY_GENERIC.exec(item); inner !== null; depth++) {
    // (Deeper than any type nests: left as written, which reads as no type.)
    if (depth === 8) return text;
    item = (inner[1] as string).trim();
    inner = ARRAY_GENERIC.exec(item);
  }
  if (depth === 0) return text;
  return `${item.includes("|") ? `(${item})` : item}${"[]".repeat(depth)}`;
}

// `string or null`: a union a hand-written page says in words, between type words only.
const OR_UNION = /^[a-z]+(?:<[\w.:+-]+>)?(?:\[\])?(?: or [a-z]+(?:<[\w.:+-]+>)?(?:\[\])?)+$/i;

function orAsBar(text: string): string {
  return OR_UNION.test(text) ? text.replace(/ or /gi, " | ") : text;
}

const TAB =
  /(?:string|number|integer|boolean|object|array|null|any|file|enum)(?:<[\w.:+-]+>)?(?:\[\])*/y;

/**
 * A field that is one of several types shows a tab per type; a copy runs the tab labels together
 * (`stringstring[]`, often twice, `stringstring[]stringstring[]`) or keeps a space between them. Read as the union of the
 * distinct labels; undefined unless the whole line is such labels, two or more.
 */
function oneOfTabs(text: string): Schema | undefined {
  if (text.length > 400) return undefined;
  const labels: string[] = [];
  // Run together, or a space between (`object[] boolean`) where the copy kept one.
  for (const run of text.split(/\s+/)) {
    TAB.lastIndex = 0;
    while (TAB.lastIndex < run.length) {
      const at = TAB.lastIndex;
      const match = TAB.exec(run);
      if (match === null || match[0] === "") return undefined;
      labels.push(match[0]);
      if (TAB.lastIndex === at) return undefined;
    }
  }
  if (labels.length < 2) return undefined;
  const named: NamedSchema[] = [];
  // An `enum<string>` tab's options show only when that tab is open, so a copy has none: the
  // values are strings the page does not list here.
  const types = labels.map((label) => label.replace(/^enum<(\w+)>/, "$1"));
  try {
    return parseUnion([...new Set(types)].join(" | "), named, 0);
  } catch (error) {
    // `stringenum`: a label this reader does not know (a bare `enum`) is no tab row.
    if (error instanceof TypeSyntaxError) return undefined;
    throw error;
  }
}

// `array[string]` is the one bracketed spelling: `page[size]` is a JSON:API name, not a type.
const ATOM = String.raw`\(?(?:array\[[a-z]+\]|[a-z][\w-]*(?:<[^<>]*>)?)\)?(?:\[\])*`;
const TYPE_SHAPE = new RegExp(`^${ATOM}(?:\\s*\\|\\s*${ATOM})*$`);

/** Shapes that can only be a type line: generics, array suffixes, unions, named objects. */
/**
 * `React.ReactNode`: a language's own type, which a hand-written field's type renders as
 * written. It says nothing JSON Schema can: the field is of any type. Only where a type must
 * stand (a type attribute, the line under a field's name): elsewhere it may be a value
 * (`Microsoft.Compute`).
 */
export function isLanguageType(text: string): boolean {
  // (`JSON`: any JSON value, as a hand-written field says it.)
  return /^[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+$|^(?:JSON|Json|json)$/.test(text.trim());
}

// `enum<str`: a type cut off where the page ends (a truncated copy).
const CUT_OFF = /^(?:enum|string|integer|number|array|object|boolean)<[\w.:+-]*$/;

function looksLikeType(text: string): boolean {
  if (text.length > 160) return false;
  if (text.includes(MIDDLE_DOT)) return true;
  if (CUT_OFF.test(text.trim())) return true;
  return TYPE_SHAPE.test(text) && /[<[|(]/.test(text);
}

function parseUnion(text: string, named: NamedSchema[], depth: number): Schema {
  if (depth > 8) throw new TypeSyntaxError("types nested too deeply");
  const parts = splitTopLevel(text);
  const alts = parts.map((part) => parseSingle(part.trim(), named, depth));
  if (alts.length === 1) return alts[0] as Schema;
  return combine(alts);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "<" || ch === "(") level++;
    else if (ch === ">" || ch === ")") level--;
    else if (ch === "|" && level === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `A | B`: a type array when every member is a plain type, nullable merge, otherwise anyOf. */
function combine(alts: Schema[]): Schema {
  const isNull = (s: Schema) => s.type === "null" && Object.keys(s).length === 1;
  const others = alts.filter((s) => !isNull(s));
  const hasNull = others.length < alts.length;
  const plain = (s: Schema) => typeof s.type === "string" && Object.keys(s).length === 1;
  if (alts.every(plain)) return { type: [...new Set(alts.map((s) => s.type as string))] };
  const only = others[0];
  if (hasNull && others.length === 1 && only !== undefined && typeof only.type === "string") {
    return { ...only, type: [only.type, "null"] };
  }
  return { anyOf: alts };
}

function parseSingle(text: string, named: NamedSchema[], depth: number): Schema {
  if (text === "") throw new TypeSyntaxError("an empty type");
  let base = text;
  let arrays = 0;
  while (base.endsWith("[]")) {
    base = base.slice(0, -2).trim();
    arrays++;
  }
  // `array[string]`: a hand-written array of strings, `string[]`.
  const bracketed = /^array\[([^[\]]+)\]$/.exec(base);
  if (bracketed !== null) {
    let schema: Schema = {
      type: "array",
      items: parseUnion(bracketed[1] as string, named, depth + 1),
    };
    for (let i = 0; i < arrays; i++) schema = { type: "array", items: schema };
    return schema;
  }
  // `map<string, Question>`: an object whose values are of the second type (a model named
  // elsewhere on the page is any value here; its fields are the map entry's children).
  const map = /^map<\s*string\s*,\s*(.+)>$/.exec(base);
  if (map !== null) {
    const value = map[1] as string;
    // `Tier[]`: a list of that model.
    const model = /^[A-Z][A-Za-z0-9]*((?:\[\])*)$/.exec(value);
    let entries: Schema | true = true;
    if (model === null) entries = parseUnion(value, named, depth + 1);
    else
      for (let i = 0; i < (model[1] as string).length / 2; i++)
        entries = { type: "array", items: entries === true ? {} : entries };
    let schema: Schema = { type: "object", additionalProperties: entries };
    for (let i = 0; i < arrays; i++) schema = { type: "array", items: schema };
    return schema;
  }
  // A parenthesised union comes first: its members may be named (`(Text · object | File · object)[]`).
  const grouped = base.startsWith("(") && base.endsWith(")");
  const dot = text.lastIndexOf(MIDDLE_DOT);
  if (!grouped && dot >= 0)
    return parseNamed(text.slice(0, dot).trim(), text.slice(dot + 1).trim(), named);
  let schema: Schema;
  if (grouped) schema = parseUnion(base.slice(1, -1).trim(), named, depth + 1);
  else schema = parseAtom(base);
  for (let i = 0; i < arrays; i++) schema = { type: "array", items: schema };
  return schema;
}

function parseAtom(written: string): Schema {
  // `String`, `Integer`: a hand-written type attribute, which Mintlify renders as written.
  const text = /^(?:String|Integer|Number|Boolean|Object|Array)$/.test(written)
    ? written.toLowerCase()
    : written;
  const plain = PLAIN[text];
  if (plain !== undefined && Object.hasOwn(PLAIN, text)) return { ...plain };
  const enumMatch = /^enum<([a-z]+)>$/.exec(text);
  if (enumMatch !== null) {
    const base = enumMatch[1] as string;
    if (!ENUM_BASES.has(base)) throw new TypeSyntaxError(`an enum of ${base}`);
    return { type: base, enum: [] };
  }
  const formatMatch = /^([a-z]+)<([A-Za-z0-9_.:+-]+)>$/.exec(text);
  if (formatMatch !== null && FORMAT_BASES.has(formatMatch[1] as string)) {
    // `string<string>`: a generator printing the type as its own format says nothing more.
    if (formatMatch[2] === formatMatch[1]) return { type: formatMatch[1] };
    return { type: formatMatch[1], format: formatMatch[2] };
  }
  throw new TypeSyntaxError(`a known type, not ${JSON.stringify(text)}`);
}

/** `Name · object[]`: the named schema is the innermost element; arrays wrap the reference. */
function parseNamed(title: string, rest: string, named: NamedSchema[]): Schema {
  const name = pascalCase(title);
  if (name === "") throw new TypeSyntaxError("a schema name before the middle dot");
  if (rest.includes(MIDDLE_DOT)) throw new TypeSyntaxError("one middle dot");
  let base = rest;
  let arrays = 0;
  while (base.endsWith("[]")) {
    base = base.slice(0, -2).trim();
    arrays++;
  }
  named.push({ name, schema: parseAtom(base) });
  let schema: Schema = { $ref: `#/components/schemas/${name}` };
  for (let i = 0; i < arrays; i++) schema = { type: "array", items: schema };
  return schema;
}

/** `Stripe Payment Intent Configuration` -> `StripePaymentIntentConfiguration`. */
export function pascalCase(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words.map((w) => (w[0] as string).toUpperCase() + w.slice(1)).join("");
  return /^[0-9]/.test(name) ? `Schema${name}` : name;
}
