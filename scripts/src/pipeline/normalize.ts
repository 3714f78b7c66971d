import { PipelineError } from "../errors.ts";
import type { OpenAPIDocument } from "../sources/types.ts";
import { nameComponents } from "./component-names.ts";
import {
  canonicalJson,
  HTTP_METHODS,
  isObject,
  operationsOf,
  walkSchemas,
  withoutUndefined,
} from "./openapi-walk.ts";
import type { ProviderConfig } from "./provider.ts";

/**
 * Provider-independent rules that turn a merged upstream document into the canonical one.
 * Pure: returns a new document, never touches the input.
 */
export function normalize(input: OpenAPIDocument, config: ProviderConfig): OpenAPIDocument {
  // A copy (every later step edits it in place) without the `undefined` values some parsers leave.
  const doc = withoutUndefined(input);
  upgradeSchemas(doc);
  fixMediaTypes(doc);
  nameOperations(doc, config.operationIds);
  labelWebhooks(doc);
  hoistSecurity(doc);
  nameComponents(doc);
  return canonicalOrder({
    ...doc,
    openapi: "3.1.0",
    info: {
      ...doc.info,
      title: config.title,
      version: config.apiVersion ?? doc.info?.version ?? "unversioned",
    },
    servers: serversFor(config),
    tags: tagsOf(doc),
  });
}

/** 3.0 idioms that 3.1 (JSON Schema 2020-12) spells differently. */
export function upgradeSchemas(doc: OpenAPIDocument): void {
  walkSchemas(doc, (schema) => {
    if (schema.nullable === true) allowNull(schema);
    delete schema.nullable;
    for (const [flag, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (schema[flag] === true && typeof schema[bound] === "number") {
        schema[flag] = schema[bound];
        delete schema[bound];
      } else if (typeof schema[flag] === "boolean") {
        delete schema[flag];
      }
    }
    if ("example" in schema) {
      schema.examples ??= [schema.example];
      delete schema.example;
    }
  });
}

/**
 * `nullable: true` in 3.1 terms: `null` joins the type list, the enum, or the alternatives of a
 * lone `anyOf`; another composition (`allOf: [$ref]`, as generators wrap a described reference;
 * a `oneOf`) becomes one alternative of two, the other `null`. A schema with neither type nor composition admits null already.
 */
function allowNull(schema: Record<string, unknown>): void {
  const type = schema.type;
  if (typeof type === "string") schema.type = [type, "null"];
  else if (Array.isArray(type)) {
    if (!type.includes("null")) schema.type = [...type, "null"];
  } else if (COMPOSITION.some((key) => key in schema)) {
    // `anyOf: [A, B]` alone: null joins its alternatives (not a second anyOf around it). Not a
    // oneOf's: a null one of them admits already would then match two.
    const [only, ...more] = COMPOSITION.filter((key) => key in schema);
    const list = schema.anyOf;
    if (more.length === 0 && only === "anyOf" && Array.isArray(list)) {
      if (!list.some(admitsNull)) schema.anyOf = [...list, { type: "null" }];
      return;
    }
    const inner: Record<string, unknown> = {};
    for (const key of COMPOSITION) {
      if (!(key in schema)) continue;
      inner[key] = schema[key];
      delete schema[key];
    }
    schema.anyOf = [inner, { type: "null" }];
  } else if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
}

const COMPOSITION = ["$ref", "allOf", "oneOf", "anyOf"];

/** True for a plain alternative that admits null (`type: null`, or null in its types or enum). */
function admitsNull(part: unknown): boolean {
  if (!isObject(part)) return false;
  const types = Array.isArray(part.type) ? part.type : [part.type];
  return types.includes("null") || (Array.isArray(part.enum) && part.enum.includes(null));
}

/** `*\/*` is what Java frameworks emit when nobody declared a type: the APIs speak JSON. */
function fixMediaTypes(doc: OpenAPIDocument): void {
  const fix = (content: unknown): void => {
    if (!isObject(content) || !("*/*" in content)) return;
    const media = content["*/*"];
    delete content["*/*"];
    content["application/json"] ??= media;
  };
  for (const { operation } of operationsOf(doc)) {
    if (isObject(operation.requestBody)) fix(operation.requestBody.content);
    for (const response of Object.values(operation.responses ?? {})) {
      if (isObject(response)) fix(response.content);
    }
  }
}

/** Matches operationIds that code generators derive from method names (`getSession_1`). */
const GENERATED_ID = /_\d+$/;

/**
 * Readable operationIds: from the summary when the provider says its ids are generated
 * (`operationIds: summary`), and always where one is missing or has a generator's `_N` suffix.
 */
function nameOperations(doc: OpenAPIDocument, policy: ProviderConfig["operationIds"]): void {
  const seen = new Map<string, string>();
  for (const { path, method, operation } of operationsOf(doc)) {
    const where = `${method.toUpperCase()} ${path}`;
    const id = operation.operationId;
    const fromSummary = policy === "summary" || typeof id !== "string" || GENERATED_ID.test(id);
    if (fromSummary) {
      // A page that lost its title (no summary), or one in another script: named by its
      // method and path (`getV2RendersRenderId`).
      const summary = typeof operation.summary === "string" ? operation.summary : "";
      operation.operationId = camelCase(summary) || camelCase(`${method} ${path}`);
    }
    // The linter wants a summary, and the operation itself is the plainest one there is.
    if (typeof operation.summary !== "string" || !operation.summary.trim())
      operation.summary = `${method.toUpperCase()} ${path}`;
    const other = seen.get(operation.operationId);
    if (other) {
      throw new PipelineError(
        `operationId ${operation.operationId} is used by ${other} and ${where}`,
      );
    }
    seen.set(operation.operationId, where);
  }
}

/** A webhook's operation without a summary is labelled with its event (`seed.planted`). */
function labelWebhooks(doc: OpenAPIDocument): void {
  for (const [event, item] of Object.entries(doc.webhooks ?? {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method) || !isObject(operation)) continue;
      if (typeof operation.summary !== "string" || !operation.summary.trim())
        operation.summary = event;
    }
  }
}

const ARTICLES = new Set(["a", "an", "the"]);

/**
 * `Get agent payment session` → `getAgentPaymentSession`; articles are dropped, accents too
 * (`Créer un paiement` → `creerUnPaiement`). A summary in another script (`查询渲染任务`) has no
 * such words: empty, and the caller names the operation by its method and path instead.
 */
export function camelCase(text: string): string {
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "");
  if (/[^\p{Script=Latin}\P{L}]/u.test(plain)) return "";
  const all = plain.match(/[A-Za-z0-9]+/g) ?? [];
  const words = all.filter((w) => !ARTICLES.has(w.toLowerCase()));
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
}

/** Security that every operation shares goes to the root; the rest stays on its operation. */
function hoistSecurity(doc: OpenAPIDocument): void {
  const operations = operationsOf(doc);
  const first = operations[0]?.operation.security;
  if (first === undefined) return;
  const shared = canonicalJson(first);
  if (!operations.every(({ operation }) => canonicalJson(operation.security) === shared)) return;
  doc.security = first;
  for (const { operation } of operations) delete operation.security;
}

function serversFor(config: ProviderConfig): OpenAPIDocument[] {
  const entries = Object.entries(config.environments);
  // Paths start with `/`, so a trailing slash on the server would double it.
  const strip = (url: string) => url.replace(/\/+$/, "");
  if (entries.length > 0)
    return entries.map(([name, url]) => ({ url: strip(url), description: name }));
  // No public host is documented: a server variable keeps the document valid and says so.
  return [
    {
      url: "{baseUrl}",
      description: "No public host is documented: clients must be given a baseUrl",
      variables: { baseUrl: { default: "https://api.invalid", description: "Your API host" } },
    },
  ];
}

function tagsOf(doc: OpenAPIDocument): OpenAPIDocument[] | undefined {
  const names = new Set<string>();
  for (const { operation } of operationsOf(doc)) {
    for (const tag of operation.tags ?? []) if (typeof tag === "string") names.add(tag);
  }
  const known = new Map<string, OpenAPIDocument>(
    (doc.tags ?? []).map((t: OpenAPIDocument) => [t.name, t]),
  );
  const tags = [...names].sort().map((name) => known.get(name) ?? { name });
  return tags.length > 0 ? tags : undefined;
}

const ROOT_ORDER = [
  "openapi",
  "info",
  "servers",
  "security",
  "tags",
  "paths",
  "webhooks",
  "components",
];
const OPERATION_ORDER = [
  "tags",
  "summary",
  "description",
  "operationId",
  "parameters",
  "requestBody",
  "responses",
];

/**
 * A stable order: root keys in the conventional order, paths and component names sorted,
 * path parameters before methods in HTTP order, operation keys in the conventional order,
 * responses by status code. Inside schemas the upstream order is kept: it is deterministic and it
 * is the order the provider documents fields in. Runs again after the overlay.
 */
export function canonicalOrder(doc: OpenAPIDocument): OpenAPIDocument {
  const out = ordered(doc, ROOT_ORDER);
  out.paths = sortKeys(out.paths ?? {});
  for (const [path, item] of Object.entries(out.paths)) {
    if (!isObject(item)) continue;
    const sorted: OpenAPIDocument = {};
    const rank = (k: string) => (HTTP_METHODS.includes(k) ? HTTP_METHODS.indexOf(k) : -1);
    for (const k of Object.keys(item).sort((a, b) => rank(a) - rank(b))) sorted[k] = item[k];
    for (const m of HTTP_METHODS) {
      if (!isObject(sorted[m])) continue;
      sorted[m] = ordered(sorted[m], OPERATION_ORDER);
      if (isObject(sorted[m].responses)) sorted[m].responses = sortKeys(sorted[m].responses);
    }
    out.paths[path] = sorted;
  }
  if (isObject(out.components)) {
    out.components = sortKeys(out.components);
    for (const [section, entries] of Object.entries(out.components)) {
      if (isObject(entries)) out.components[section] = sortKeys(entries);
    }
  }
  return out;
}

/** Known keys first in the given order, then the rest in their existing order. */
function ordered(object: OpenAPIDocument, first: string[]): OpenAPIDocument {
  const out: OpenAPIDocument = {};
  for (const key of [...first, ...Object.keys(object)]) {
    if (object[key] !== undefined && !(key in out)) out[key] = object[key];
  }
  return out;
}

function sortKeys<T extends Record<string, unknown>>(map: T): T {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((k) => [k, map[k]]),
  ) as T;
}
