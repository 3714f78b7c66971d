import { type Context, fail } from "../model/context.ts";
import { setOwn } from "../model/own.ts";
import type { OpenAPIDocument } from "../types.ts";
import type { Locate } from "./locate.ts";
import { alternatives, type Schema, schemaOf } from "./summary-schema.ts";
import { readSummarySecurity } from "./summary-security.ts";

/**
 * Older Mintlify exports hold, instead of the OpenAPI document, Mintlify's own summary of the one
 * operation: `paths: {path, method, servers, request: {security, parameters, body}, response}`
 * and the `components` it refers to. It is OpenAPI already resolved for display: schemas are JSON
 * Schema, so they are kept as they are (after undoing Mintlify's display wrappers) rather than
 * re-read field by field.
 */
export interface SummaryPage {
  title?: string | undefined;
  description: string[];
}

const LOCATIONS = ["path", "query", "header", "cookie"] as const;
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const REASONS: Record<string, string> = { "200": "OK", "201": "Created", "204": "No Content" };
// Mintlify's marker for a response documented without a body.
const PLACEHOLDER_MEDIA = "_mintlify/placeholder";
// Parameter keys that belong to the Parameter Object, not to its schema.
const PARAMETER_KEYS = ["description", "deprecated", "style", "explode"];

/** True when a fence's data is Mintlify's operation summary rather than an OpenAPI document. */
export function isSummary(data: Record<string, unknown>): boolean {
  const paths = data.paths;
  return isMap(paths) && typeof paths.path === "string" && typeof paths.method === "string";
}

/** Converts Mintlify's operation summary into a one-operation OpenAPI 3.1 document. */
export function summaryToOpenAPI(
  data: Record<string, unknown>,
  page: SummaryPage,
  locate: Locate,
  ctx: Context,
): OpenAPIDocument {
  const summary = data.paths as Record<string, unknown>;
  const path = summary.path as string;
  const method = (summary.method as string).toLowerCase();
  if (!METHODS.has(method)) {
    fail(ctx, locate(["paths", "method"]), "an HTTP method", String(summary.method));
  }
  const webhook = summary.type === "webhook";
  const operation: Schema = {};
  if (page.title !== undefined) operation.summary = page.title;
  if (page.description.length > 0) operation.description = page.description.join("\n\n");
  if (summary.deprecated === true) operation.deprecated = true;

  const request = mapAt(summary, "request", ["paths"], locate, ctx);
  const parameters = readParameters(request, locate, ctx);
  if (parameters.length > 0) operation.parameters = parameters;
  const body = readBody(request, locate, ctx);
  if (body !== undefined) operation.requestBody = body;
  operation.responses = readResponses(summary, locate, ctx);
  const security = readSummarySecurity(request.security, locate, ctx);
  if (security.requirements.length > 0) operation.security = security.requirements;
  if (Array.isArray(request.codeSamples)) operation["x-codeSamples"] = request.codeSamples;
  if (isMap(summary.xMint)) operation["x-mint"] = summary.xMint;

  const doc: OpenAPIDocument = {
    openapi: "3.1.0",
    info: { title: page.title ?? "", version: "0.0.0" },
  };
  const servers = Array.isArray(summary.servers) ? summary.servers.filter(isMap) : [];
  if (servers.length > 0 && !webhook) doc.servers = servers;
  // As every page form does (buildDocument): the page's only operation sets the document's too.
  if (security.requirements.length > 0) doc.security = security.requirements;
  const item = { [METHODS.has(method) ? method : "get"]: operation };
  doc.paths = webhook ? {} : { [path]: item };
  if (webhook) doc.webhooks = { [path]: item };
  const components: Schema = {};
  const schemas = isMap(data.components) ? data.components.schemas : undefined;
  if (isMap(schemas) && Object.keys(schemas).length > 0) components.schemas = schemas;
  if (Object.keys(security.schemes).length > 0) components.securitySchemes = security.schemes;
  if (Object.keys(components).length > 0) doc.components = components;
  return doc;
}

function readParameters(request: Record<string, unknown>, locate: Locate, ctx: Context): Schema[] {
  const at = ["paths", "request", "parameters"];
  const groups = isMap(request.parameters) ? request.parameters : {};
  const parameters: Schema[] = [];
  for (const location of LOCATIONS) {
    const group = mapAt(groups, location, at, locate, ctx);
    for (const [name, entry] of Object.entries(group)) {
      const where = [...at, location, name];
      const variants = isMap(entry) && Array.isArray(entry.schema) ? entry.schema : undefined;
      if (variants === undefined || variants.length === 0 || !variants.every(isMap)) {
        fail(ctx, locate(where), `a \`schema\` list for the ${location} parameter ${name}`);
        continue;
      }
      const parameter: Schema = { name, in: location };
      const schemas: Schema[] = [];
      for (const variant of variants as Schema[]) {
        const { required, ...rest } = variant;
        if (required === true || location === "path") parameter.required = true;
        for (const key of PARAMETER_KEYS) {
          if (rest[key] === undefined) continue;
          if (parameter[key] === undefined) parameter[key] = rest[key];
          delete rest[key];
        }
        schemas.push(schemaOf(rest));
      }
      parameter.schema = alternatives(schemas);
      parameters.push(parameter);
    }
  }
  return parameters;
}

function readBody(
  request: Record<string, unknown>,
  locate: Locate,
  ctx: Context,
): Schema | undefined {
  const body = mapAt(request, "body", ["paths", "request"], locate, ctx);
  const content: Schema = {};
  let required = false;
  for (const [media, entry] of Object.entries(body)) {
    const read = readMedia(entry, ["paths", "request", "body", media], locate, ctx);
    if (read === undefined) continue;
    required ||= read.required;
    setOwn(content, media, read.media);
  }
  if (Object.keys(content).length === 0) return undefined;
  // Said either way, as the page forms say it (buildDocument), so the forms convert alike.
  return { required, content };
}

function readResponses(summary: Record<string, unknown>, locate: Locate, ctx: Context): Schema {
  const responses: Schema = {};
  for (const [code, medias] of Object.entries(mapAt(summary, "response", ["paths"], locate, ctx))) {
    const at = ["paths", "response", code];
    if (!isMap(medias)) {
      fail(ctx, locate(at), `media types under response ${code}`, String(medias));
      continue;
    }
    const response: Schema = {};
    const content: Schema = {};
    for (const [media, entry] of Object.entries(medias)) {
      if (isMap(entry) && typeof entry.description === "string") {
        response.description ??= entry.description;
      }
      if (media === PLACEHOLDER_MEDIA) continue;
      const read = readMedia(entry, [...at, media], locate, ctx);
      if (read !== undefined) setOwn(content, media, read.media);
    }
    response.description ??= REASONS[code] ?? "Response";
    for (const media of Object.values(content) as Schema[]) {
      // Mintlify copies the response description onto its schema: once is enough.
      if (media.schema?.description === response.description) delete media.schema.description;
    }
    if (Object.keys(content).length > 0) response.content = content;
    setOwn(responses, code, response);
  }
  // A webhook page documents no response; OpenAPI wants at least one.
  return Object.keys(responses).length > 0 ? responses : { "200": { description: "OK" } };
}

/** One media entry: `schemaArray` (alternatives), `examples`, `description`. */
function readMedia(
  entry: unknown,
  at: string[],
  locate: Locate,
  ctx: Context,
): { media: Schema; required: boolean } | undefined {
  const variants = isMap(entry) && Array.isArray(entry.schemaArray) ? entry.schemaArray : undefined;
  if (variants === undefined || !variants.every(isMap)) {
    fail(ctx, locate(at), "a `schemaArray` list of schemas");
    return undefined;
  }
  let required = false;
  const schemas = (variants as Schema[]).map((variant) => {
    const { required: needed, requiredProperties, refIdentifier, properties, ...rest } = variant;
    required ||= needed === true;
    const schema = schemaOf(rest);
    if (isMap(properties)) schema.properties = unwrapProperties(properties);
    if (Array.isArray(requiredProperties) && requiredProperties.length > 0) {
      schema.required = requiredProperties;
    }
    return schema;
  });
  const schema = alternatives(schemas);
  const media: Schema = { schema };
  const examples = isMap(entry) ? realExamples(entry.examples) : undefined;
  const only = examples === undefined ? [] : Object.keys(examples);
  const single = only.length === 1 && only[0] === "example" ? examples?.example : undefined;
  // Mintlify names a spec's single `example` "example" in its map: give it back its own spelling.
  if (isMap(single) && Object.keys(single).length === 1) media.example = single.value;
  else if (examples !== undefined) media.examples = examples;
  return { media, required };
}

/** Mintlify wraps each top-level property in a one-member `allOf` for display; undo it. */
function unwrapProperties(properties: Record<string, unknown>): Schema {
  const out: Schema = {};
  for (const [name, value] of Object.entries(properties)) {
    const inner =
      isMap(value) &&
      Object.keys(value).length === 1 &&
      Array.isArray(value.allOf) &&
      value.allOf.length === 1 &&
      isMap(value.allOf[0])
        ? value.allOf[0]
        : value;
    setOwn(out, name, isMap(inner) ? schemaOf(inner) : inner);
  }
  return out;
}

/**
 * The page's examples, unless Mintlify generated them from the schema (`<string>`, `<any>`
 * placeholders): those were never in the provider's spec and would not validate against it.
 */
function realExamples(examples: unknown): Schema | undefined {
  if (!isMap(examples)) return undefined;
  const kept: Schema = {};
  for (const [name, example] of Object.entries(examples)) {
    if (!isMap(example) || !("value" in example) || hasPlaceholder(example.value, 0)) continue;
    setOwn(kept, name, example);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function hasPlaceholder(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return /^<[^<>]*>$/.test(value);
  if (Array.isArray(value)) return value.some((v) => hasPlaceholder(v, depth + 1));
  if (isMap(value)) return Object.values(value).some((v) => hasPlaceholder(v, depth + 1));
  return false;
}

/** The mapping under `key`; anything else there is reported and read as empty. */
function mapAt(
  parent: Record<string, unknown>,
  key: string,
  at: string[],
  locate: Locate,
  ctx: Context,
): Record<string, unknown> {
  const value = parent[key];
  if (value === undefined || value === null) return {};
  if (isMap(value)) return value;
  fail(ctx, locate([...at, key]), `a mapping under \`${key}\``, String(value));
  return {};
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
