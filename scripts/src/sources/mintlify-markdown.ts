import { ParseError } from "../errors.ts";
import { parseYamlObject } from "../yaml-source.ts";
import {
  type ExportPage,
  type Fence,
  readExport,
  titleAndDescription,
} from "./mintlify-markdown/fence.ts";
import { locator } from "./mintlify-markdown/locate.ts";
import {
  declarePathParameters,
  templateColonSegments,
} from "./mintlify-markdown/path-parameters.ts";
import { fillShownResponse } from "./mintlify-markdown/shown-response.ts";
import { isSummary, summaryToOpenAPI } from "./mintlify-markdown/summary.ts";
import { parseMintlifyMdx } from "./mintlify-mdx.ts";
import { type Context, fail, makeContext, note } from "./model/context.ts";
import { checkOpenAPI } from "./openapi.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/**
 * Parses Mintlify's markdown export of a reference page (`<page>.md`): the fence under
 * `## OpenAPI` (````yaml [spec file] METHOD /path, any fence length, YAML or JSON) holds either
 * the OpenAPI document of the operation (3.0 or 3.1, returned as it is) or, in older exports,
 * Mintlify's summary of it (converted). The fence's operation must be in the document.
 */
export const parseMintlifyMarkdown: Parser = (text, options) => {
  const ctx = makeContext(options.file, options.lenient, options.warn);
  const page = readExport(text);
  const fence = page.fence;
  if (fence === undefined) {
    if (page.heading !== undefined) {
      const line = page.heading.position?.start.line ?? 1;
      const found = page.lines.slice(line).find((l) => l.trim() !== "") ?? "end of file";
      const at = { file: ctx.file, line };
      throw new ParseError(at, "a ```yaml or ```json fence under `## OpenAPI`", found.trim());
    }
    // A page written by hand (no OpenAPI fence): its export is the page's MDX source.
    return parseMintlifyMdx(text, options);
  }
  if (!fence.closed) {
    const last = lastNonEmpty(page.lines);
    const expected = `the closing ${fence.marker} of the OpenAPI fence opened on line ${fence.line}`;
    throw new ParseError({ file: ctx.file, line: last + 1 }, expected, page.lines[last] ?? "");
  }
  const data = parseYamlObject(fence.value, ctx.file, fence.bodyLine);
  const locate = locator(fence.value, fence.bodyLine);
  if (isSummary(data)) {
    const doc = summaryToOpenAPI(data, titleAndDescription(page), locate, ctx);
    checkTarget(doc, fence, ctx);
    return doc;
  }
  const doc = checkOpenAPI(data, ctx.file, fence.bodyLine);
  defineBearerSchemes(doc, fence, ctx);
  declarePathParameters(doc, fence.line, ctx);
  if (fence.target?.kind === "webhook" && countOperations(doc) === 0)
    return withPayloadlessWebhook(doc, fence.target.name, page, fence, ctx);
  checkTarget(doc, fence, ctx);
  templateColonSegments(doc, fence.line, ctx);
  // A templated path's operations that left the parameter undeclared get it, as any other's.
  declarePathParameters(doc, fence.line, ctx);
  fillShownResponse(doc, page.lines, fence);
  return doc;
};

/**
 * `security: [bearerAuth: []]` in an export whose document left out `securitySchemes` (some
 * exporters copy only the operation and the schemas it uses): a scheme named for bearer tokens
 * (`bearerAuth`, `Bearer`) is HTTP bearer auth, and is defined so, with a warning. Any other
 * undefined scheme is left for the linter to name, since its name says too little.
 */
function defineBearerSchemes(doc: OpenAPIDocument, fence: Fence, ctx: Context): void {
  const requirements = [doc.security, ...operationsIn(doc).map((op) => op.security)].flatMap(
    (list) => (Array.isArray(list) ? list : []),
  );
  const used = new Set(requirements.flatMap((r) => (isObject(r) ? Object.keys(r) : [])));
  const defined = (name: string) => Object.hasOwn(doc.components?.securitySchemes ?? {}, name);
  for (const name of [...used].sort()) {
    if (defined(name) || !/^bearer(?:[_-]?auth(?:entication)?)?$/i.test(name)) continue;
    note(ctx, fence.line, `a definition of the security scheme ${name} (read as HTTP bearer auth)`);
    doc.components = isObject(doc.components) ? doc.components : {};
    doc.components.securitySchemes = isObject(doc.components.securitySchemes)
      ? doc.components.securitySchemes
      : {};
    doc.components.securitySchemes[name] = { type: "http", scheme: "bearer" };
  }
}

function operationsIn(doc: OpenAPIDocument): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const group of [doc.paths, doc.webhooks]) {
    if (!isObject(group)) continue;
    for (const item of Object.values(group))
      if (isObject(item)) for (const op of Object.values(item)) if (isObject(op)) found.push(op);
  }
  return found;
}

/**
 * `webhook subscription.updated` over a document with no operations at all (`paths: {}`): some
 * sites export every webhook page so, the event's payload left out. The page still names the
 * event and says what it means: kept as a webhook with no payload, and said so.
 */
function withPayloadlessWebhook(
  doc: OpenAPIDocument,
  event: string,
  page: ExportPage,
  fence: Fence,
  ctx: Context,
): OpenAPIDocument {
  note(
    ctx,
    fence.line,
    `the payload of the webhook ${event} in the fence's document (kept without one)`,
    fence.opening,
  );
  const { title, description } = titleAndDescription(page);
  const operation: OpenAPIDocument = { summary: title ?? event };
  if (description.length > 0) operation.description = description.join("\n\n");
  operation.responses = { "200": { description: "The event was received" } };
  return { ...doc, paths: doc.paths ?? {}, webhooks: { [event]: { post: operation } } };
}

/** The operation the fence names must be in the document (paths, or webhooks for an event). */
function checkTarget(doc: OpenAPIDocument, fence: Fence, ctx: Context): void {
  const target = fence.target;
  if (target === undefined) {
    const count = countOperations(doc);
    if (count === 0) fail(ctx, fence.line, "an operation in the fence's document", fence.opening);
    return;
  }
  if (target.kind === "webhook") {
    if (hasOperation(doc.webhooks?.[target.name])) return;
    fail(ctx, fence.line, `the document to define the webhook ${target.name}`, fence.opening);
    return;
  }
  const item = doc.paths?.[target.path] ?? doc.webhooks?.[target.path];
  if (isObject(item) && isObject(item[target.method])) return;
  const name = `${target.method.toUpperCase()} ${target.path}`;
  fail(ctx, fence.line, `the document to define ${name}`, fence.opening);
}

function countOperations(doc: OpenAPIDocument): number {
  let count = 0;
  for (const group of [doc.paths, doc.webhooks]) {
    if (!isObject(group)) continue;
    for (const item of Object.values(group)) if (hasOperation(item)) count++;
  }
  return count;
}

function hasOperation(item: unknown): boolean {
  return isObject(item) && Object.values(item).some(isObject);
}

/**
 * True when the text holds an OpenAPI fence an export would have: the fence the parser would read
 * (under `## OpenAPI`, or naming an operation in its info string) holding an OpenAPI document or
 * Mintlify's summary. A hand-written page's `yaml POST /x` example block is not one.
 */
export function hasOpenAPIFence(text: string): boolean {
  // Cheap screen before the markdown parser: a fence line of 3+ backticks or tildes.
  if (!/^[ \t>]*(`{3,}|~{3,})/m.test(text)) return false;
  const fence = readExport(text).fence;
  return fence !== undefined && SPEC_START.test(fence.value.slice(0, 4000));
}

// The first keys of an OpenAPI document (YAML or JSON) or of Mintlify's summary.
const SPEC_START = /^\s*\{?\s*["']?(openapi|swagger|paths|info)["']?\s*:/m;

/** The preamble Mintlify puts at the top of every `.md` export. */
export function isIndexedExport(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^>\s*#*\s*Documentation Index\s*$/m.test(head) && /^>.*llms\.txt/m.test(head);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Index of the last line with text: where a cut-off file visibly ends. */
function lastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.trim()) return i;
  return 0;
}
