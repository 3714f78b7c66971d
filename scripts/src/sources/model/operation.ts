import type { OpenAPIDocument } from "../types.ts";
import { type Context, fail, note } from "./context.ts";
import type { Field } from "./field.ts";
import type { Components } from "./field-schema.ts";
import { inferSchema, widen } from "./infer.ts";
import { setOwn } from "./own.ts";
import { type ParameterIn, readParameters, undocumentedPathParameters } from "./parameters.ts";
import { buildPayload, type PayloadModel } from "./payload.ts";
import { readSecurity, type Security } from "./security.ts";
import { serverFrom, templatedServer } from "./server.ts";
import { templateSchema } from "./template.ts";
import type { Schema } from "./type-line.ts";

/** One response of the operation as the page documents it. */
export interface ResponseModel extends PayloadModel {
  /** `200`, `4XX`, `default`. */
  code: string;
  line: number;
}

/** An example of a response shown beside the fields (the page's response example tabs). */
export interface ResponseExample {
  value: unknown;
  line: number;
  /** The status tab it sits under, when the page shows one. */
  code?: string | undefined;
  /** Elided JSON (`[...]`): the response's shape, no example. */
  shapeOnly?: boolean | undefined;
}

/**
 * What every source form says about one operation, in one shape: the parsers of the MDX source,
 * the rendered page and the served HTML each fill this, and `buildDocument` turns it into OpenAPI,
 * so the same operation gives the same OpenAPI whatever form it came in.
 */
export interface OperationModel {
  /** Upper-case HTTP method (`POST`); for a webhook, the method the event is delivered with. */
  method: string;
  /** The path template (`/v1/things/{id}`); for a webhook, the event name. */
  path: string;
  /** A webhook reference page: the operation goes under OpenAPI 3.1 `webhooks`. */
  webhook?: boolean | undefined;
  summary: string;
  description: string[];
  deprecated?: boolean | undefined;
  /** A full URL the page sends the request to (curl example, `api:` frontmatter). */
  url?: string | undefined;
  /** The Authorizations entries: each becomes a security scheme. */
  security: Field[];
  /** True when the page says any one of the security entries will do ("one of the following"). */
  securityEither?: boolean | undefined;
  /** Path, query, header and cookie parameters, `location` set on each top-level field. */
  parameters: Field[];
  /** The request body fields, when the page has a Body section. */
  body?: PayloadModel | undefined;
  /** The same body sent as other media, each documented apart (`## Body — application/json`). */
  otherBodies?: PayloadModel[] | undefined;
  /** The request example's payload (curl `--data`, `<RequestExample>`), with the media it is sent as. */
  /** `shapeOnly`: JSON the page elided (`{...}`), which shows the body's shape but is no example. */
  /** `files`: the fields a multipart example sends as files (`-F file=@theme.zip`). */
  requestExample?:
    | { value: unknown; media: string; shapeOnly?: boolean | undefined; files?: string[] }
    | undefined;
  /** JSON the page shows naming each body field's type (`"name": "string"`) beside the example. */
  requestTemplate?: unknown;
  responses: ResponseModel[];
  responseExamples: ResponseExample[];
}

const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
};
const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** Builds the one-operation OpenAPI 3.1 document for an operation model. */
export function buildDocument(model: OperationModel, ctx: Context): OpenAPIDocument {
  const components: Components = {};
  // A page whose title the saving tool dropped has no summary; the document is then named for
  // the operation, since OpenAPI requires a title.
  const operation: Schema = model.summary === "" ? {} : { summary: model.summary };
  if (model.description.length > 0) operation.description = model.description.join("\n\n");
  if (model.deprecated === true) operation.deprecated = true;
  const security: Security =
    model.security.length > 0
      ? readSecurity(model.security, ctx, model.securityEither)
      : { schemes: {}, requirements: [] };
  // Path parameters the URL holds in its host (`https://chain-{chain_id}.api.x.com`), not its
  // path: variables of the server, not parameters of the operation.
  const inHost = hostParameters(model);
  const names = inHost.map((f) => f.name);
  const hosted = model.webhook === true ? undefined : templatedServer(model.url, model.path, names);
  const params =
    hosted === undefined
      ? model
      : { ...model, parameters: model.parameters.filter((f) => !names.includes(f.path[0] ?? "")) };
  const parameters = buildParameters(withoutStrayPathParameters(params, ctx), components, ctx);
  if (parameters.length > 0) operation.parameters = parameters;
  const requestBody = buildRequestBody(model, components, ctx);
  if (requestBody !== undefined) operation.requestBody = requestBody;
  operation.responses =
    model.responses.length > 0
      ? buildResponses(model, components, ctx)
      : responsesFromExample(model.responseExamples);
  if (security.requirements.length > 0) operation.security = security.requirements;

  const doc: OpenAPIDocument = {
    openapi: "3.1.0",
    info: {
      title: model.summary || `${model.method.toUpperCase()} ${model.path}`,
      version: "0.0.0",
    },
  };
  const server = model.webhook === true ? undefined : serverFrom(model.url, model.path);
  if (hosted !== undefined) doc.servers = [{ url: hosted, variables: serverVariables(inHost) }];
  else if (server !== undefined) doc.servers = [{ url: server }];
  if (security.requirements.length > 0) doc.security = security.requirements;
  const item = { [model.method.toLowerCase()]: operation };
  if (model.webhook === true) {
    doc.paths = {};
    doc.webhooks = { [model.path]: item };
  } else doc.paths = { [model.path]: item };
  const schemes = Object.keys(security.schemes).length > 0;
  if (Object.keys(components).length > 0 || schemes) {
    doc.components = {};
    if (Object.keys(components).length > 0) doc.components.schemas = components;
    if (schemes) doc.components.securitySchemes = security.schemes;
  }
  return doc;
}

/**
 * A path parameter the path has no place for (a page documenting a second operation under the
 * first, `GET /models/{model_id}`, or a name spelt apart from the path's) would make a spec no
 * linter passes. One such parameter where the path holds one placeholder no parameter names
 * (`hive_id` for `{hiveId}`) is that placeholder, renamed and said; any other is an error, and
 * in lenient mode left out.
 */
function withoutStrayPathParameters(model: OperationModel, ctx: Context): OperationModel {
  if (model.webhook === true) return model;
  const held = [...model.path.matchAll(/\{([^}/]+)\}/g)].map((m) => m[1] as string);
  const named = (field: Field) => field.location === "path" && field.path.length === 1;
  const stray = model.parameters.filter((f) => named(f) && !held.includes(f.path[0] as string));
  if (stray.length === 0) return model;
  const documented = new Set(model.parameters.filter(named).map((f) => f.path[0]));
  const open = held.filter((name) => !documented.has(name));
  // (A parameter's children, if any, go with it: the fields after it under its name.)
  const [only] = stray;
  const under = (field: Field, parent: Field) =>
    field === parent || (field.path.length > 1 && field.path[0] === parent.path[0]);
  if (only !== undefined && stray.length === 1 && open.length === 1) {
    const name = open[0] as string;
    note(ctx, only.line, `the path parameter ${name}, as the path names it`, only.name);
    const rename = (f: Field): Field =>
      under(f, only)
        ? { ...f, name: f === only ? name : f.name, path: [name, ...f.path.slice(1)] }
        : f;
    return { ...model, parameters: model.parameters.map(rename) };
  }
  for (const field of stray)
    fail(ctx, field.line, `a path parameter that the path ${model.path} holds`, field.name);
  const kept = model.parameters.filter((f) => !stray.some((parent) => under(f, parent)));
  return { ...model, parameters: kept };
}

/** The documented path parameters the operation's path has no place for. */
function hostParameters(model: OperationModel): Field[] {
  const host = /^[a-z]+:\/\/([^/]*)/i.exec(model.url ?? "")?.[1] ?? "";
  return model.parameters.filter(
    (f) =>
      f.path.length === 1 &&
      f.location === "path" &&
      !model.path.includes(`{${f.name}}`) &&
      host.includes(`{${f.name}}`),
  );
}

/**
 * Server variables need a default: the parameter's example, else its name (a client is then
 * given its own base URL, as for any server the page cannot name).
 */
function serverVariables(fields: Field[]): Schema {
  const variables: Schema = {};
  for (const field of fields) {
    const example = field.example?.value;
    const variable: Schema = { default: typeof example === "string" ? example : field.name };
    if (field.description.length > 0) variable.description = field.description.join("\n\n");
    setOwn(variables, field.name, variable);
  }
  return variables;
}

/** Parameters grouped by location (in the order the page shows them), then undocumented path ones. */
function buildParameters(model: OperationModel, components: Components, ctx: Context): Schema[] {
  const groups = new Map<string, Field[]>();
  let current: string | undefined;
  for (const field of model.parameters) {
    if (field.path.length === 1 || current === undefined) {
      current = field.location;
      if (current === undefined || !LOCATIONS.has(current)) {
        fail(
          ctx,
          field.line,
          `a parameter location (path, query, header, cookie) for ${field.name}`,
        );
        current = "query";
      }
    }
    const group = groups.get(current) ?? [];
    group.push(field);
    groups.set(current, group);
  }
  const parameters: Schema[] = [];
  for (const [location, fields] of groups) {
    parameters.push(...readParameters(fields, location as ParameterIn, components, ctx));
  }
  if (model.webhook !== true) {
    parameters.push(...undocumentedPathParameters(model.path, parameters));
  }
  return parameters;
}

function buildRequestBody(
  model: OperationModel,
  components: Components,
  ctx: Context,
): Schema | undefined {
  const given = model.requestExample;
  if (model.body === undefined) {
    const template = model.requestTemplate;
    // `{"name": "string"}` shown for a body no field lists: the types, beside any example.
    if (given === undefined && template !== undefined)
      return { content: { "application/json": { schema: templateSchema(template) } } };
    if (given === undefined) return undefined;
    const schema = inferSchema(given.value);
    // (A part sent from a file is its content: binary, one or a list of them.)
    const binary = { type: "string", format: "binary" };
    for (const name of given.files ?? []) {
      const list = (schema.properties as Schema)[name]?.type === "array";
      setOwn(schema.properties as Schema, name, list ? { type: "array", items: binary } : binary);
    }
    const media = given.shapeOnly ? { schema } : { schema, example: given.value };
    return { content: { [given.media]: media } };
  }
  const example = given?.shapeOnly ? undefined : given;
  // The example goes with the body of its media, where the page documents several.
  const other = model.otherBodies?.find((b) => b.media === example?.media);
  const shown = example === undefined ? undefined : { value: example.value };
  const body: PayloadModel = {
    ...model.body,
    media: model.body.media ?? example?.media,
    example: model.body.example ?? (other === undefined ? shown : undefined),
    template: model.requestTemplate,
  };
  const payload = buildPayload(body, components, ctx);
  if (payload.paragraphs.length > 0) payload.schema.description = payload.paragraphs.join("\n\n");
  const content = mediaObject(payload);
  for (const alternative of model.otherBodies ?? []) {
    const more = buildPayload(
      { ...alternative, example: alternative === other ? shown : alternative.example },
      components,
      ctx,
    );
    if (!Object.hasOwn(content, more.media)) Object.assign(content, mediaObject(more));
  }
  return { required: payload.required, content };
}

function buildResponses(model: OperationModel, components: Components, ctx: Context): Schema {
  const responses: Schema = {};
  const first = model.responseExamples[0];
  const blocks = mergeExampleOnly(model.responses);
  const exampleFor =
    blocks.find((b) => b.code === first?.code) ??
    blocks.find((b) => b.code.startsWith("2")) ??
    blocks[0];
  for (const block of blocks) {
    const example =
      block.example ??
      (block === exampleFor && first !== undefined
        ? { value: first.value, shapeOnly: first.shapeOnly }
        : undefined);
    const payload = buildPayload({ ...block, example }, components, ctx);
    // Shown only by example: the other examples labelled with its status widen what the first
    // shows (an unlabelled one may be an error's: `Insufficient balance`).
    if (block === exampleFor && !payload.hasFields)
      for (const other of model.responseExamples)
        if (other !== first && other.code === block.code)
          payload.schema = widen(payload.schema, other.value);
    const [description, ...rest] = payload.paragraphs;
    if (rest.length > 0) payload.schema.description = rest.join("\n\n");
    const response: Schema = { description: description ?? REASONS[block.code] ?? "Response" };
    if (payload.hasFields || example !== undefined || block.media !== undefined) {
      response.content = mediaObject(payload);
    }
    const earlier = Object.hasOwn(responses, block.code) ? responses[block.code] : undefined;
    const content = earlier?.content as Schema | undefined;
    // The same status in another media (a streamed reply beside the JSON one, in either order):
    // one more content.
    if (content !== undefined && response.content !== undefined) {
      const [media] = Object.keys(response.content as Schema);
      if (media !== undefined && !Object.hasOwn(content, media)) {
        setOwn(content, media, (response.content as Schema)[media]);
        continue;
      }
    }
    if (earlier !== undefined) {
      fail(ctx, block.line, `one response block for status ${block.code}`, block.code);
    }
    setOwn(responses, block.code, response);
  }
  return responses;
}

/**
 * A second block for a status that only shows its example (a hand-written page's `### Response`
 * code block under `## Example`, after the Response fields) is that block's example, not another
 * response; two blocks that both list fields, or both show examples, stay two (and an error).
 */
function mergeExampleOnly(blocks: ResponseModel[]): ResponseModel[] {
  const merged: ResponseModel[] = [];
  for (const block of blocks) {
    const earlier = merged.find((b) => b.code === block.code);
    const exampleOnly = (b: ResponseModel) =>
      b.fields.length === 0 && b.root === undefined && b.example !== undefined;
    if (earlier !== undefined && exampleOnly(block) && earlier.example === undefined) {
      merged[merged.indexOf(earlier)] = {
        ...earlier,
        example: block.example,
        paragraphs: [...earlier.paragraphs, ...block.paragraphs],
      };
    } else if (earlier !== undefined && exampleOnly(earlier) && block.example === undefined) {
      merged[merged.indexOf(earlier)] = {
        ...block,
        example: earlier.example,
        paragraphs: [...earlier.paragraphs, ...block.paragraphs],
      };
    } else merged.push(block);
  }
  return merged;
}

function mediaObject(payload: ReturnType<typeof buildPayload>): Schema {
  const media: Schema = { schema: payload.schema };
  if (payload.example !== undefined) media.example = payload.example.value;
  return { [payload.media]: media };
}

/**
 * The response the page shows only by example: the first example's status, its schema widened by
 * the other examples of that status (`"fee": 0` in one, `2.75` in another: a number).
 */
function responsesFromExample(examples: ResponseExample[]): Schema {
  const [first] = examples;
  if (first === undefined) return { "200": { description: "OK" } };
  const code = first.code ?? "200";
  let schema = inferSchema(first.value);
  for (const other of examples.slice(1))
    if (other.code === code) schema = widen(schema, other.value);
  const media = first.shapeOnly ? { schema } : { schema, example: first.value };
  const description = REASONS[code] ?? "Response";
  return { [code]: { description, content: { "application/json": media } } };
}
