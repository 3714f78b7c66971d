// Scores one converted page against what a person read off the page (its "truth"): the operation
// (method and path) and each visible top-level field's location, name, type, required-ness, enum,
// format, default and constraints. Pure: the caller converts and reads the files.
//
// The pages scored are real pages kept outside the project (they may not be committed); this is
// how the converter is measured on pages nobody wrote it against.

export type Location = "path" | "query" | "header" | "cookie" | "body" | "response";

export interface TruthField {
  in: Location;
  name: string;
  type?: string;
  nullable?: boolean;
  items?: string;
  required?: boolean;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** Facts the page states only in the field's prose: the converter may leave them out. */
  prose?: string[];
}

export interface Truth {
  source?: string;
  form?: string;
  method: string;
  path: string;
  fields: TruthField[];
}

/** The facts compared, in the order a report lists them. */
export const FACTS = [
  "type",
  "nullable",
  "items",
  "required",
  "enum",
  "format",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
] as const;
export type Fact = (typeof FACTS)[number];

export interface FieldResult {
  field: string;
  found: boolean;
  /** Facts that differ, each as `fact: expected ≠ got`. */
  wrong: string[];
}

export interface PageResult {
  operation: boolean;
  /** What the converter gave for the operation, when it is not the expected one. */
  gotOperation?: string;
  fields: FieldResult[];
  /** Fields the converter gives that the truth does not list (shown, not scored). */
  extra: string[];
}

type Schema = Record<string, unknown>;
type Doc = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** `/v1/things/{id}` and `/v1/things/:thing_id` are the same template. */
export function templateOf(path: string): string {
  const bare = path
    .trim()
    .replace(/[?#].*$/, "")
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/:[A-Za-z_][\w-]*/g, "{}");
  return bare.length > 1 ? bare.replace(/\/+$/, "") : bare;
}

function serverPaths(doc: Doc, ...more: unknown[]): string[] {
  const paths = new Set([""]);
  for (const list of [doc.servers, ...more]) {
    if (!Array.isArray(list)) continue;
    for (const server of list) {
      const url = typeof server?.url === "string" ? server.url : "";
      const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/\/+$/, "");
      if (path.startsWith("/")) paths.add(path);
    }
  }
  return [...paths];
}

interface Found {
  method: string;
  path: string;
  operation: Schema;
  pathItem: Schema;
}

/** Every operation the document holds, webhooks as method WEBHOOK with the event as path. */
function operations(doc: Doc): Found[] {
  const found: Found[] = [];
  for (const [key, kind] of [
    ["paths", "path"],
    ["webhooks", "webhook"],
  ] as const) {
    const items = (doc[key] ?? {}) as Record<string, Schema>;
    for (const [path, pathItem] of Object.entries(items)) {
      for (const method of METHODS) {
        const operation = pathItem?.[method] as Schema | undefined;
        if (!operation) continue;
        found.push({
          method: kind === "webhook" ? "WEBHOOK" : method.toUpperCase(),
          path,
          operation,
          pathItem,
        });
      }
    }
  }
  return found;
}

function matches(doc: Doc, truth: Truth, op: Found): boolean {
  if (op.method !== truth.method.toUpperCase()) return false;
  if (op.method === "WEBHOOK") {
    if (op.path === truth.path || `/${op.path}` === truth.path) return true;
    // A page that names no event (the truth holds its title, `Refund Webhook Payload`): the
    // document's one webhook is the page's, whatever name the converter gave it.
    const webhooks = Object.keys((doc.webhooks ?? {}) as object).length;
    return /\s/.test(truth.path.trim()) && webhooks === 1;
  }
  // `contacts`: a page that wrote its path without the leading slash means the same path.
  const want = templateOf(truth.path.trim().replace(/^(?=[^/])/, "/"));
  // The full path may hold segments of the server's base that the page shows apart from the
  // path (`/v1` + `/agent/{id}`): the same request either way.
  return serverPaths(doc, op.pathItem.servers, op.operation.servers).some((prefix) => {
    const full = templateOf(prefix + op.path);
    return full === want || (want.startsWith("/") && want !== "/" && full.endsWith(want));
  });
}

function resolve(doc: Doc, value: unknown, depth = 0): Schema | undefined {
  if (!value || typeof value !== "object") return undefined;
  const ref = (value as Schema).$ref;
  if (typeof ref !== "string" || depth > 20) return value as Schema;
  let target: unknown = doc;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    target = (target as Schema | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return resolve(doc, target, depth + 1);
}

/** Merges `allOf` parts so their properties read as one object. */
function flatten(doc: Doc, schema: Schema | undefined): Schema | undefined {
  if (!schema || !Array.isArray(schema.allOf)) return schema;
  const merged: Schema = { ...schema, properties: { ...(schema.properties as Schema) } };
  const required = new Set<string>((schema.required as string[]) ?? []);
  for (const part of schema.allOf) {
    const flat = flatten(doc, resolve(doc, part));
    Object.assign(merged.properties as Schema, flat?.properties ?? {});
    for (const name of (flat?.required as string[]) ?? []) required.add(name);
    if (!merged.type && flat?.type) merged.type = flat.type;
    // (`allOf: [$ref EntityType]` around an enum: its values, format and items are the field's.)
    for (const key of ["enum", "format", "items", "const"])
      if (merged[key] === undefined && flat?.[key] !== undefined) merged[key] = flat[key];
  }
  merged.required = [...required];
  return merged;
}

/**
 * A payload that is one of several objects (`oneOf`, `anyOf`): Mintlify shows each as a tab, so
 * the fields a reader sees are all of theirs; a field is required when every option requires it.
 * (A page that shows one tab's fields only gives the others as open objects.)
 */
function options(doc: Doc, schema: Schema | undefined): Schema | undefined {
  const list = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(list) || schema?.properties) return schema;
  // A tab the page names but does not show (an open object) holds no field a reader saw.
  // (Nor does `null` beside an object: `oneOf: [Checkpoint, {type: null}]` shows the object.)
  const parts = list
    .map((part) => flatten(doc, resolve(doc, part)))
    .filter((part) => part?.type !== "null")
    .filter((part) => part?.properties || part?.additionalProperties !== true);
  if (parts.length === 0 || !parts.every((part) => part?.properties)) return schema;
  const properties: Schema = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part?.properties as Schema))
      properties[name] =
        properties[name] === undefined ? value : joined(doc, properties[name], value);
  }
  const required = Object.keys(properties).filter((name) =>
    parts.every((part) => ((part?.required as string[]) ?? []).includes(name)),
  );
  return { type: "object", properties, required };
}

/**
 * A field two tabs both show: the first tab's, with the values each tab allows (a discriminator
 * `type` is `token` in one and `awssts` in the other: a reader sees both).
 */
function joined(doc: Doc, first: unknown, other: unknown): Schema {
  const a = resolve(doc, first) ?? {};
  const b = resolve(doc, other) ?? {};
  if (!Array.isArray(a.enum) || !Array.isArray(b.enum)) return a;
  return { ...a, enum: [...new Set([...a.enum, ...b.enum])] };
}

function firstSchema(doc: Doc, holder: unknown): Schema | undefined {
  const content = (resolve(doc, holder)?.content ?? {}) as Record<string, Schema>;
  const first = Object.values(content)[0];
  return options(doc, flatten(doc, resolve(doc, first?.schema)));
}

function otherSchemas(doc: Doc, holder: unknown): Schema[] {
  const content = (resolve(doc, holder)?.content ?? {}) as Record<string, Schema>;
  return Object.values(content)
    .slice(1)
    .map((media) => options(doc, flatten(doc, resolve(doc, media?.schema))))
    .filter((schema): schema is Schema => schema !== undefined);
}

function successResponse(doc: Doc, operation: Schema): Schema | undefined {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  const codes = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code))
    .sort();
  for (const code of codes) {
    const schema = firstSchema(doc, responses[code]);
    if (schema) return schema;
  }
  return undefined;
}

interface Got {
  schema: Schema;
  required: boolean;
}

/** Every top-level field the converted operation gives, keyed `in:name`. */
export function fieldsOf(doc: Doc, op: Found): Map<string, Got> {
  const fields = new Map<string, Got>();
  const params = [
    ...((op.pathItem.parameters as unknown[]) ?? []),
    ...((op.operation.parameters as unknown[]) ?? []),
  ];
  for (const raw of params) {
    const param = resolve(doc, raw);
    if (!param) continue;
    const where = String(param.in);
    const name = where === "header" ? String(param.name).toLowerCase() : String(param.name);
    fields.set(`${where}:${name}`, {
      schema: resolve(doc, param.schema) ?? {},
      required: param.required === true,
    });
  }
  // A path parameter the URL holds in its host (`https://chain-{chain_id}.x.com`) is a server
  // variable in OpenAPI: the page's field all the same.
  for (const server of [
    ...((doc.servers as Schema[]) ?? []),
    ...((op.pathItem.servers as Schema[]) ?? []),
  ]) {
    for (const name of Object.keys((server?.variables ?? {}) as Schema))
      if (!fields.has(`path:${name}`))
        fields.set(`path:${name}`, { schema: { type: "string" }, required: true });
  }
  const addObject = (where: Location, schema: Schema | undefined) => {
    const required = new Set((schema?.required as string[]) ?? []);
    // A map's entries, which Mintlify shows as a field named `{key}`.
    const entries = schema?.additionalProperties;
    if (entries !== null && typeof entries === "object")
      fields.set(`${where}:${MAP_ENTRY}`, { schema: resolve(doc, entries) ?? {}, required: false });
    for (const [name, value] of Object.entries((schema?.properties ?? {}) as Schema)) {
      fields.set(`${where}:${name}`, {
        schema: resolve(doc, value) ?? {},
        required: required.has(name),
      });
    }
  };
  // A list's fields are those of its items (Mintlify shows them so), a body's as a response's.
  const itemsOf = (schema: Schema | undefined) =>
    schema?.type === "array" ? flatten(doc, resolve(doc, schema.items)) : undefined;
  const body = firstSchema(doc, op.operation.requestBody);
  addObject("body", itemsOf(body) ?? body);
  // A body documented for several media types (a multipart upload, a JSON reference): the
  // fields of the others too, where the first lacks them.
  for (const other of otherSchemas(doc, op.operation.requestBody)) {
    const before = new Map(fields);
    addObject("body", itemsOf(other) ?? other);
    for (const [key, value] of before) fields.set(key, value);
  }
  const response = successResponse(doc, op.operation);
  addObject("response", itemsOf(response) ?? response);
  return fields;
}

/** A schema's one non-null type, and whether null is allowed, across 3.1's spellings. */
function typeOf(doc: Doc, schema: Schema): { type?: string; nullable: boolean } {
  const types = new Set<string>();
  let nullable = schema.nullable === true;
  const add = (s: Schema | undefined) => {
    if (!s) return;
    const t = s.type;
    for (const one of Array.isArray(t) ? t : t === undefined ? [] : [t]) {
      if (one === "null") nullable = true;
      else types.add(String(one));
    }
    if (s.const === null) nullable = true;
    if (Array.isArray(s.enum) && s.enum.includes(null)) nullable = true;
  };
  add(schema);
  for (const key of ["anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const part of list) add(resolve(doc, part));
  }
  if (types.size === 0 && schema.properties) types.add("object");
  return { type: types.size === 1 ? [...types][0] : undefined, nullable };
}

/**
 * A field's schema as a reader sees it: `allOf` parts merged (`allOf: [$ref Base, {...}]` is an
 * object), and `anyOf: [X, {type: null}]` showing X's facts (its enum, format, items) as
 * Mintlify shows them, the outer keywords (a default) still winning.
 */
function plain(doc: Doc, raw: Schema): Schema {
  const flat = flatten(doc, resolve(doc, raw)) ?? {};
  const list = flat.anyOf ?? flat.oneOf;
  if (!Array.isArray(list)) return flat;
  const isNull = (s: Schema | undefined) => s?.type === "null" || s?.const === null;
  const parts = list.map((part) => resolve(doc, part)).filter((part) => part && !isNull(part));
  if (parts.length !== 1) return flat;
  return { ...plain(doc, parts[0] as Schema), ...flat };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return value === undefined ? "—" : JSON.stringify(value);
}

/** What the converter says of one field, spelled as a truth field is. */
export function factsOf(doc: Doc, got: Got): Partial<Record<Fact, unknown>> {
  const schema = plain(doc, got.schema);
  const { type, nullable } = typeOf(doc, schema);
  // `items: {allOf: [{type: integer}]}` (as Mintlify's exports wrap a list's items) reads integer.
  const items = flatten(doc, resolve(doc, schema.items));
  const itemsType = items ? typeOf(doc, items).type : undefined;
  const enumHolder = type === "array" ? items : schema;
  const options = Array.isArray(enumHolder?.enum)
    ? enumHolder.enum.filter((v: unknown) => v !== null)
    : undefined;
  let format = schema.format as string | undefined;
  if (!format && typeof schema.contentMediaType === "string") format = "binary";
  return {
    type,
    nullable: nullable || undefined,
    items: type === "array" ? itemsType : undefined,
    required: got.required,
    enum: options?.length ? options : undefined,
    format,
    default: schema.default,
    minimum: schema.minimum as number | undefined,
    maximum: schema.maximum as number | undefined,
    exclusiveMinimum: schema.exclusiveMinimum as number | undefined,
    exclusiveMaximum: schema.exclusiveMaximum as number | undefined,
    minLength: schema.minLength as number | undefined,
    maxLength: schema.maxLength as number | undefined,
    minItems: schema.minItems as number | undefined,
    maxItems: schema.maxItems as number | undefined,
  };
}

/**
 * The truth in OpenAPI 3.1's terms: a truth that copied 3.0's `exclusiveMinimum: true` beside
 * `minimum` means 3.1's `exclusiveMinimum` of that number; `items: "any"` is items of no type.
 */
function as31(want: TruthField): TruthField {
  const out = { ...want } as Record<string, unknown>;
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[flag] !== "boolean") continue;
    if (out[flag] === true) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  if (out.items === "any") delete out.items;
  return out as unknown as TruthField;
}

function scoreField(given: TruthField, got: Partial<Record<Fact, unknown>>): string[] {
  const want = as31(given);
  const wrong: string[] = [];
  const prose = new Set(want.prose ?? []);
  for (const fact of FACTS) {
    let expected: unknown = want[fact];
    const actual = got[fact];
    // OpenAPI requires every path parameter: the page's mark is no test of the reader.
    if (fact === "required" && want.in === "path") continue;
    if (fact === "required") expected = expected === true;
    if (fact === "nullable") expected = expected === true || undefined;
    // A truth that copied the page's `format="datetime"` means OpenAPI's `date-time`.
    if (fact === "format" && expected === "datetime") expected = "date-time";
    // A truth that copied Mintlify's `file` type means OpenAPI's binary string.
    const file = want.type === "file";
    if (fact === "type" && file) expected = "string";
    if (fact === "format" && file && expected === undefined) expected = "binary";
    if (fact === "items" && expected === "file") expected = "string";
    // A schema of no type is any JSON value, null too: a truth's `nullable` with no type holds.
    if (fact === "nullable" && want.type === undefined && got.type === undefined) continue;
    // A field the page gives no type to may come out as any type.
    if (fact === "type" && expected === undefined) continue;
    if (fact === "items" && expected === undefined) continue;
    if (prose.has(fact) && actual === undefined) continue;
    if (same(expected, actual)) continue;
    wrong.push(`${fact}: ${show(expected)} ≠ ${show(actual)}`);
  }
  return wrong;
}

/**
 * The fields the document's API key security schemes stand for, keyed as a field is
 * (`header:x-api-key`, `query:AppId`).
 */
function apiKeyFields(doc: Doc): Set<string> {
  const schemes = ((doc.components as Schema | undefined)?.securitySchemes ?? {}) as Record<
    string,
    Schema
  >;
  return new Set(
    Object.values(schemes)
      .filter((s) => s?.type === "apiKey" && typeof s.in === "string" && typeof s.name === "string")
      .map((s) => keyOf({ in: String(s.in), name: String(s.name) })),
  );
}

/** OpenAPI ignores `Accept` and `Content-Type` header parameters (the media types say them). */
function scored(field: TruthField): boolean {
  return !(field.in === "header" && /^(?:accept|content-type)$/i.test(field.name));
}

// What a map's entries are keyed as, whatever the page calls them (`{key}`, `{name}`).
const MAP_ENTRY = "{}";

function keyOf(field: { in: string; name: string }): string {
  const name = /^\{[^{}]*\}$/.test(field.name) ? MAP_ENTRY : field.name;
  return `${field.in}:${field.in === "header" ? name.toLowerCase() : name}`;
}

/** Scores a converted document (undefined when the converter refused the page) against its truth. */
export function scorePage(doc: Doc | undefined, truth: Truth): PageResult {
  const all = doc ? operations(doc) : [];
  const op = doc ? all.find((candidate) => matches(doc, truth, candidate)) : undefined;
  const missing = (field: TruthField): FieldResult => ({
    field: keyOf(field),
    found: false,
    wrong: [],
  });
  if (!doc || !op) {
    return {
      operation: false,
      gotOperation: all.map((o) => `${o.method} ${o.path}`).join(", ") || "none",
      fields: truth.fields.filter(scored).map(missing),
      extra: [],
    };
  }
  const got = fieldsOf(doc, op);
  const secured = [op.operation.security, doc.security].some((s) => Array.isArray(s) && s.length);
  const fields = truth.fields.filter(scored).map((want): FieldResult => {
    const field = got.get(keyOf(want));
    // OpenAPI ignores an `Authorization` header parameter: a page's own is a security scheme,
    // as is any API key header or query parameter (`x-api-key`, `AppId` under a page's
    // Authentication heading) the converter read as one.
    if (!field && keyOf(want) === "header:authorization" && secured)
      return { field: keyOf(want), found: true, wrong: [] };
    if (!field && apiKeyFields(doc).has(keyOf(want)))
      return { field: keyOf(want), found: true, wrong: [] };
    if (!field) return missing(want);
    return { field: keyOf(want), found: true, wrong: scoreField(want, factsOf(doc, field)) };
  });
  const listed = new Set(truth.fields.map(keyOf));
  return { operation: true, fields, extra: [...got.keys()].filter((key) => !listed.has(key)) };
}
