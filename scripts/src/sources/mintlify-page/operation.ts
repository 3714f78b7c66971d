import type { OpenAPIDocument } from "../types.ts";
import { type Context, fail } from "./context.ts";
import type { Components } from "./field-schema.ts";
import { readFields } from "./fields.ts";
import type { Header } from "./header.ts";
import { inferSchema } from "./infer.ts";
import { parseJson } from "./json-block.ts";
import type { Line } from "./lines.ts";
import { setOwn } from "./own.ts";
import { type ParameterIn, readParameters, undocumentedPathParameters } from "./parameters.ts";
import { hintsFor, type Payload, readMediaLine, readPayload, statusBlocks } from "./payloads.ts";
import type { Section } from "./sections.ts";
import { readSecurity, type Security } from "./security.ts";
import { serverFrom } from "./server.ts";
import type { Schema } from "./type-line.ts";

const NO_HINTS = hintsFor(undefined);
const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
};

/** Builds the partial OpenAPI document from the header and the sections of the page. */
export function buildDocument(
  lines: Line[],
  header: Header,
  sections: Section[],
  ctx: Context,
): OpenAPIDocument {
  const components: Components = {};
  const operation: Schema = { summary: header.summary };
  if (header.description.length > 0) operation.description = header.description.join("\n\n");
  const parameters: Schema[] = [];
  let security: Security = { schemes: {}, requirements: [] };
  let requestBody: Schema | undefined;
  let responses: Schema | undefined;
  for (const section of sections) {
    const { kind, start, end } = section;
    if (kind === "auth") {
      const list = readFields(lines, start, end, ctx, NO_HINTS);
      reportPreamble(list.preamble, ctx);
      security = readSecurity(list.fields, ctx);
    } else if (kind === "body") {
      requestBody = readBody(lines, section, header, components, ctx);
    } else if (kind === "response") {
      responses = { ...responses, ...readResponses(lines, section, header, components, ctx) };
    } else {
      const list = readFields(lines, start, end, ctx, NO_HINTS);
      reportPreamble(list.preamble, ctx);
      parameters.push(...readParameters(list.fields, kind as ParameterIn, components, ctx));
    }
  }
  parameters.push(...undocumentedPathParameters(header.path, parameters));
  if (parameters.length > 0) operation.parameters = parameters;
  requestBody ??= bodyFromCurl(header, ctx);
  if (requestBody !== undefined) operation.requestBody = requestBody;
  operation.responses = responses ?? responsesFromExample(header);
  if (security.requirements.length > 0) operation.security = security.requirements;

  const doc: OpenAPIDocument = {
    openapi: "3.1.0",
    info: { title: header.summary, version: "0.0.0" },
  };
  const server = serverFrom(header.curl?.url, header.path);
  if (server !== undefined) doc.servers = [{ url: server }];
  if (security.requirements.length > 0) doc.security = security.requirements;
  doc.paths = { [header.path]: { [header.method.toLowerCase()]: operation } };
  const schemes = Object.keys(security.schemes).length > 0;
  if (Object.keys(components).length > 0 || schemes) {
    doc.components = {};
    if (Object.keys(components).length > 0) doc.components.schemas = components;
    if (schemes) doc.components.securitySchemes = security.schemes;
  }
  return doc;
}

function reportPreamble(preamble: { text: string; line: number }[], ctx: Context): void {
  for (const paragraph of preamble) fail(ctx, paragraph.line, "a field name", paragraph.text);
}

/** The curl `--data` payload: JSON when it is JSON, reported when it looks like broken JSON. */
function curlData(header: Header, ctx: Context): { value: unknown } | undefined {
  const data = header.curl?.data;
  if (data === undefined) return undefined;
  const text = data.text.trim();
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value };
  if (text.startsWith("{") || text.startsWith("[")) {
    fail(ctx, data.line, "valid JSON in the curl --data body", parsed.message);
    return undefined;
  }
  return { value: data.text };
}

function curlMedia(header: Header): string {
  const type = header.curl?.headers.find(([name]) => name.toLowerCase() === "content-type");
  if (type !== undefined) return type[1];
  return header.curl?.form === true ? "multipart/form-data" : "application/json";
}

function readBody(
  lines: Line[],
  section: Section,
  header: Header,
  components: Components,
  ctx: Context,
): Schema {
  const { media, next } = readMediaLine(lines, section.start, section.end);
  const example = curlData(header, ctx);
  const chosen = media ?? { media: curlMedia(header) };
  const payload = readPayload(lines, next, section.end, chosen, example, components, ctx);
  if (payload.paragraphs.length > 0) payload.schema.description = payload.paragraphs.join("\n\n");
  return { required: payload.required, content: mediaObject(payload) };
}

function bodyFromCurl(header: Header, ctx: Context): Schema | undefined {
  const example = curlData(header, ctx);
  if (example === undefined) return undefined;
  const media = { schema: inferSchema(example.value), example: example.value };
  return { content: { [curlMedia(header)]: media } };
}

function readResponses(
  lines: Line[],
  section: Section,
  header: Header,
  components: Components,
  ctx: Context,
): Schema {
  const responses: Schema = {};
  const blocks = statusBlocks(lines, section.start, section.end, ctx);
  const first = header.examples[0];
  const exampleFor =
    blocks.find((b) => b.code === first?.code) ??
    blocks.find((b) => b.code.startsWith("2")) ??
    blocks[0];
  for (const block of blocks) {
    const example =
      block === exampleFor && first !== undefined ? { value: first.value } : undefined;
    const media = block.media ?? { media: "application/json" };
    const payload = readPayload(lines, block.start, block.end, media, example, components, ctx);
    const [description, ...rest] = payload.paragraphs;
    if (rest.length > 0) payload.schema.description = rest.join("\n\n");
    const response: Schema = { description: description ?? REASONS[block.code] ?? "Response" };
    if (payload.hasFields || example !== undefined || block.media !== undefined) {
      response.content = mediaObject(payload);
    }
    if (Object.hasOwn(responses, block.code)) {
      fail(ctx, block.line, `one response block for status ${block.code}`, block.code);
    }
    setOwn(responses, block.code, response);
  }
  return responses;
}

function mediaObject(payload: Payload): Schema {
  const media: Schema = { schema: payload.schema };
  if (payload.example !== undefined) media.example = payload.example.value;
  return { [payload.media]: media };
}

function responsesFromExample(header: Header): Schema {
  const first = header.examples[0];
  if (first === undefined) return { "200": { description: "OK" } };
  const code = first.code ?? "200";
  const media = { schema: inferSchema(first.value), example: first.value };
  const description = REASONS[code] ?? "Response";
  return { [code]: { description, content: { "application/json": media } } };
}
