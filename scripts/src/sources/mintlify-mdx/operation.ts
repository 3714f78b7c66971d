import { curlMedia, inlineData } from "../mintlify-page/curl.ts";
import { type Context, fail, note } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import { isPlainObject } from "../model/infer.ts";
import { parseJson } from "../model/json.ts";
import type { OperationModel, ResponseExample, ResponseModel } from "../model/operation.ts";
import { setOwn } from "../model/own.ts";
import { isTypeTemplate } from "../model/template.ts";
import { AUTH_SECTION, authField } from "./auth.ts";
import { addCurlHeaders } from "./curl-headers.ts";
import { nestDottedNames } from "./dotted.ts";
import {
  type Endpoint,
  endsWithTemplate,
  foldJoinedBase,
  parseEndpoint,
  pathOf,
} from "./endpoint.ts";
import { type FieldGroup, LOCATION_EXPECTED } from "./fields.ts";
import type { Frontmatter } from "./frontmatter.ts";
import { holdsObjects } from "./nesting.ts";
import type { PageContent } from "./walk.ts";

// (A first segment with a dot is a host without its scheme, not a path.)
// (Nor is one with a port: `localhost:8080`.)
const RELATIVE_API =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?![^/]*:\d)([A-Za-z_{][\w\-{}:]*(?:\/[\w\-.{}/:]*)?)$/i;

/** The operation's method and path: `api:` frontmatter, else the curl example, else a `METHOD /path` line. */
export function findEndpoint(
  front: Frontmatter,
  page: PageContent,
  ctx: Context,
): Endpoint | undefined {
  if (front.api !== undefined) {
    // `POST contacts`: a path written without its leading slash is still the path.
    const endpoint =
      parseEndpoint(front.api.value) ??
      parseEndpoint(front.api.value.trim().replace(RELATIVE_API, "$1 /$2"));
    if (endpoint !== undefined) return endpoint;
    fail(
      ctx,
      front.api.line,
      'an `api:` value "METHOD https://host/path" (or "METHOD /path", "WEBHOOK event")',
      front.api.value,
    );
  }
  const written = writtenEndpoint(front, page);
  const curl = page.curl?.example;
  if (curl?.url !== undefined) {
    const url = foldJoinedBase(curl.url);
    const path = pathOf(url);
    if (path !== undefined) {
      const method = curl.method ?? (curl.data !== undefined || curl.form ? "POST" : "GET");
      // The example calls `/api/payments/pay_789`; the page names `PATCH /payments/{id}`: the
      // template is the operation, the example's URL still gives the server.
      // So too a path the example calls under a base path (`/v1/sources` for `POST /sources/`).
      // A method the example only implies (`--data ''` makes curl POST) yields to the one the
      // page names.
      if (
        (written?.method === method || (written !== undefined && curl.method === undefined)) &&
        written.path !== "/" &&
        endsWithTemplate(path, written.path)
      )
        return { ...written, url: written.url ?? url };
      // The page names one method, the example only implies another (no `-X`; a command that
      // lost its line continuations sends no body): the example is incomplete, the page is not.
      if (written !== undefined && curl.method === undefined && written.method !== method)
        return written;
      const template = templateOfExample(path, page.groups);
      // The page's operation holds the path parameters it documents; the example's URL (another
      // prefix, a value no parameter matches) does not: the example is the one that is off.
      if (
        written !== undefined &&
        holdsDocumented(written, page) &&
        !holdsDocumented({ path: template }, page)
      )
        return written;
      return {
        method,
        path: template,
        url,
        webhook: false,
        fromExample: true,
      };
    }
  }
  return written;
}

/** True when every path parameter the page documents is a `{name}` of the URL (or path). */
function holdsDocumented(
  endpoint: { path: string; url?: string | undefined },
  page: PageContent,
): boolean {
  const target = endpoint.url ?? endpoint.path;
  const names = page.groups
    .filter((g) => g.kind === "param" && g.location === "path" && !g.unnamed)
    .map((g) => g.fields[0]?.name);
  const templated = names.filter((n) => n !== undefined && target.includes(`{${n}}`));
  return names.length > 0 && templated.length === names.length;
}

/**
 * The example calls `/v1/tasks/task-unified-1757` and the page documents the path parameter
 * `task_id`: the template is the example's path with that value replaced by `{task_id}`. A
 * segment is a parameter's value when it spells the name (`<task_id>`, `YOUR_TASK_ID`), equals
 * its example, or, failing both, holds a digit (ids do; `v1` does not) where as many such
 * segments as parameters left make the match one to one.
 */
export function templateOfExample(path: string, groups: FieldGroup[]): string {
  const names = groups
    .filter((g) => g.kind === "param" && g.location === "path" && !g.unnamed)
    .map((g) => g.fields[0])
    .filter((f): f is Field => f !== undefined && !path.includes(`{${f.name}}`));
  if (names.length === 0) return path;
  const segments = path.split("/");
  const taken = new Set<number>();
  const left: Field[] = [];
  const spelled = (segment: string) => segment.replace(/[^a-z0-9]/gi, "").toLowerCase();
  for (const field of names) {
    const example = field.example?.value;
    const at = segments.findIndex(
      (segment, i) =>
        i > 0 &&
        !taken.has(i) &&
        (segment === field.name ||
          (PLACEHOLDER.test(segment) && spelled(segment).endsWith(spelled(field.name))) ||
          (example !== undefined && segment === String(example))),
    );
    if (at < 0) left.push(field);
    else {
      taken.add(at);
      segments[at] = `{${field.name}}`;
    }
  }
  const values = segments
    .map((segment, i) =>
      taken.has(i) || !ID_VALUE.test(segment) || VERSION.test(segment) ? -1 : i,
    )
    .filter((i) => i > 0);
  if (left.length > 0 && values.length === left.length)
    for (const [k, field] of left.entries()) segments[values[k] as number] = `{${field.name}}`;
  return segments.join("/");
}

// `<task_id>`, `{{task_id}}`, `$TASK_ID`, `:task_id`, `YOUR_TASK_ID`, `TASK_ID`: a name standing
// in for a value (a lower-case word is the path's own: `scheduled_tasks`).
const PLACEHOLDER = /^(?:[<{$:[]|your[_-]?)|^YOUR|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const ID_VALUE = /^[^{}]*\d[^{}]*$/;
const VERSION = /^v\d+(?:\.\d+)*(?:alpha|beta)?\d*$|^\d{4}-\d{2}-\d{2}$/i;

/** The operation the page names in words: a `METHOD /path` line, else its summary's mention. */
function writtenEndpoint(front: Frontmatter, page: PageContent): Endpoint | undefined {
  if (page.endpointText !== undefined) {
    const endpoint = parseEndpoint(page.endpointText.text);
    if (endpoint !== undefined) return endpoint;
  }
  // Last, the page's title or summary naming its operation: "Open a session — POST /sessions",
  // "Calls the POST /datasets/v3/scrape endpoint".
  // The `# Title` only where it ends with the operation (`Create an order — POST /orders`): one
  // it mentions in passing (`check GET /status first`) is not the page's.
  const heading = TRAILING_OPERATION.test(page.heading ?? "") ? page.heading : undefined;
  const texts = [
    front.title?.value,
    heading,
    front.description?.value,
    page.summaryQuote,
    ...page.intro,
  ];
  for (const text of texts) {
    const named = text === undefined ? null : NAMED_OPERATION.exec(text);
    const endpoint = named === null ? undefined : parseEndpoint(`${named[1]} ${named[2]}`);
    if (endpoint !== undefined) return endpoint;
  }
  return undefined;
}

// `Create an order — POST /api/orders`: the title, then the operation said elsewhere.
const TRAILING_OPERATION = /\s+(?:[—–:|]|-)\s+(?:GET|POST|PUT|PATCH|DELETE)\s+`?\/\S*`?$/;

/** The title without the operation it ends with. */
function titleOf(text: string | undefined): string | undefined {
  // (`POST /api/webhooks — inbound funding events`: the operation may lead too.)
  const title = text?.replace(TRAILING_OPERATION, "").replace(LEADING_OPERATION, "");
  return title === "" ? text : title;
}

const LEADING_OPERATION = /^(?:GET|POST|PUT|PATCH|DELETE)\s+`?\/\S*`?\s*(?:[—–:：]|-(?=\s)|$)\s*/;
const NAMED_OPERATION = /\b(GET|POST|PUT|PATCH|DELETE)\s+`?(\/[\w\-./{}:]*[\w}])`?/;

/**
 * A value table's values become the options of the one top-level field it names that has none;
 * when several fields share the name, the table says too little.
 */
function applyValueTables(page: PageContent): void {
  for (const table of page.valueTables) {
    const linked = table.linkedFrom;
    const named = page.groups
      .map((g) => g.fields[0])
      .filter(
        (f) =>
          f !== undefined &&
          f.path.length === 1 &&
          (linked === undefined
            ? f.name.toLowerCase() === table.name.toLowerCase()
            : f.name.toLowerCase() === table.name.toLowerCase() &&
              f.description.some((d) => d.includes(`](${linked})`))),
      );
    const field = named.length === 1 ? named[0] : undefined;
    const type = [field?.schema.type].flat();
    const scalar = type.every(
      (t) => t === undefined || ["string", "integer", "number"].includes(t),
    );
    if (field !== undefined && field.options === undefined && scalar)
      field.options = { values: table.values, line: table.line };
  }
}

/**
 * The page's response examples: its `<ResponseExample>`s, else the JSON it shows under a response
 * heading: where no field describes the response, the one thing saying what it holds; beside
 * fields, their example when it holds one of them (else it is some other object's).
 */
function shownExamples(page: PageContent): ResponseExample[] {
  const shown = page.shownResponse;
  if (page.responseExamples.length > 0 || shown === undefined) return page.responseExamples;
  const fields = page.groups.filter((g) => g.kind === "response").flatMap((g) => g.fields);
  if (fields.length === 0) return [shown];
  const value = Array.isArray(shown.value) ? shown.value[0] : shown.value;
  return holdsOneOf(value, fields) ? [shown] : [];
}

/** True when the JSON object holds one of the fields' top-level names (`items[].sku`: `items`). */
function holdsOneOf(value: unknown, fields: Field[]): boolean {
  const names = fields.map((f) => (f.path[0] ?? f.name).split(/[.[]/)[0] as string);
  return isPlainObject(value) && names.some((name) => Object.hasOwn(value, name));
}

/**
 * `<ParamField path="temperature">` on `POST /v1/chat/completions`: a name the path template
 * does not hold, where the request example's JSON body sends such names. Some pages write
 * `path` as if it were `name`; those fields are the body's (a warning says so). Without such an
 * example they stay where the page put them (and the linter names the missing template variable).
 */
function bodyNotPath(page: PageContent, endpoint: Endpoint, example: unknown, ctx: Context): void {
  if (example === null || typeof example !== "object" || Array.isArray(example)) return;
  const where = `${endpoint.url ?? ""} ${endpoint.path}`;
  const astray = page.groups.filter(
    (g) =>
      g.kind === "param" &&
      g.location === "path" &&
      g.fields[0] !== undefined &&
      !where.includes(`{${g.fields[0].name}}`),
  );
  // One such name in the example's body is enough: the page spells every body field so.
  if (!astray.some((g) => Object.hasOwn(example, g.fields[0]?.name ?? ""))) return;
  for (const group of astray) {
    const name = group.fields[0]?.name ?? "";
    const line = group.fields[0]?.line ?? 1;
    note(ctx, line, `a path parameter in the path (${name} is sent in the body)`, name);
    group.location = "body";
  }
}

// A media type a body heading names (`## Body — multipart/form-data (recommended)`).
const MEDIA_TYPE = /\b(?:application|multipart|text)\/[\w.+-]+/i;
const BODY_WORD =
  /\b(?:body|request|payload)\b|corpo|cuerpo|corps|请求体|請求體|リクエストボディ|요청 본문|тело/i;

/** Puts the page's fields and examples into the one operation model every form fills. */
export function buildModel(
  endpoint: Endpoint,
  front: Frontmatter,
  page: PageContent,
  ctx: Context,
): OperationModel {
  applyValueTables(page);
  // `POST /v2/receipts — attach an image`: the operation is said elsewhere, the rest is prose.
  const lead = front.description?.value.replace(LEADING_OPERATION, "");
  const description = [lead ?? page.summaryQuote, ...page.intro].filter(
    (p): p is string => p !== undefined && p !== "",
  );
  const request = requestExample(page, endpoint.method, ctx);
  bodyNotPath(page, endpoint, request?.value, ctx);
  const model: OperationModel = {
    method: endpoint.method,
    path: endpoint.path,
    webhook: endpoint.webhook || undefined,
    summary: titleOf(front.title?.value ?? page.heading) ?? `${endpoint.method} ${endpoint.path}`,
    description,
    deprecated: front.deprecated || undefined,
    url: endpoint.url ?? page.curl?.example.url,
    security: [],
    parameters: [],
    responses: [],
    responseExamples: shownExamples(page),
    requestExample: request,
    requestTemplate: isTypeTemplate(page.shownRequest?.value)
      ? page.shownRequest?.value
      : undefined,
  };
  const body: Field[] = [];
  // `## Body — multipart/form-data` then `## Body — application/json`: one body per media type,
  // the first the page gives as the body, the others beside it.
  // (A heading that names a media type without naming the body, `### Options for text/csv
  // files`, is no body of its own.) A body section that names none is the JSON one.
  let mainKey: string | undefined;
  const otherBodies = new Map<string, Field[]>();
  const bodyFor = (group: FieldGroup): Field[] => {
    if (group.location !== "body") return body;
    const section = group.section ?? "";
    const named = BODY_WORD.test(section) ? MEDIA_TYPE.exec(section)?.[0].toLowerCase() : undefined;
    const key = named ?? "";
    mainKey ??= key;
    if (key === mainKey) return body;
    const media = key === "" ? "application/json" : key;
    const list = otherBodies.get(media) ?? [];
    otherBodies.set(media, list);
    return list;
  };
  const responses = new Map<string, ResponseModel>();
  // (`\`\`\`json 201` under `## Response` beside the fields: their status.)
  const defaultCode = model.responseExamples.find((e) => e.code?.startsWith("2"))?.code ?? "200";
  // Keyed by status and media: a `## Stream Response` section is the same status's other media.
  const responseFor = (code: string, line: number, media?: string): ResponseModel => {
    const key = media === undefined ? code : `${code} ${media}`;
    let block = responses.get(key);
    if (block === undefined) {
      block = { code, line, fields: [], paragraphs: [], media };
      responses.set(key, block);
    }
    return block;
  };
  nameFromTemplate(page.groups, endpoint, ctx);
  relocateStrayPathFields(page.groups, endpoint, ctx);
  for (const group of page.groups) {
    const name = group.fields[0]?.name ?? "";
    if (group.unplaced && !endpoint.path.includes(`{${name}}`))
      fail(ctx, group.fields[0]?.line ?? 1, LOCATION_EXPECTED, "no location attribute");
    if (group.kind === "param" && group.location === undefined)
      group.location = tableLocation(group, endpoint);
    if (group.kind === "param") placeParameter(group, model, bodyFor(group));
    // `## Request body` over `<ResponseField>`s: the section says what they describe.
    else if (REQUEST_SECTION.test(group.section ?? "")) addFields(body, group.fields);
    else {
      const status = statusField(group);
      const code = sectionStatus(group.section) ?? defaultCode;
      const media = STREAM_SECTION.test(group.section ?? "") ? "text/event-stream" : undefined;
      if (status === undefined)
        addFields(responseFor(code, group.fields[0]?.line ?? 1, media).fields, group.fields);
      else {
        const block = responseFor(status.code, status.line);
        // What the page says of the status describes it better than its reason phrase.
        const said = group.fields[0]?.description ?? [];
        if (status.description !== "" && said.length === 0)
          block.paragraphs.push(status.description);
        block.paragraphs.push(...said);
        addFields(
          block.fields,
          group.fields.slice(1).map((f) => ({ ...f, path: f.path.slice(1) })),
        );
      }
    }
  }
  // A webhook page documents the payload the receiver gets, often with ResponseField: that is
  // the request body of the event.
  const payload = responses.get(defaultCode);
  if (endpoint.webhook && body.length === 0 && payload !== undefined) {
    responses.delete(defaultCode);
    body.push(...payload.fields);
    if (model.requestExample === undefined) {
      const example = page.responseExamples.find(
        (e) => e.code === undefined || e.code === defaultCode,
      );
      if (example !== undefined)
        model.requestExample = { value: example.value, media: "application/json" };
    }
    model.responseExamples = page.responseExamples.filter(
      (e) => e.code !== undefined && e.code !== defaultCode,
    );
  }
  body.splice(0, body.length, ...nestDottedNames(body));
  // JSON under the body heading that holds none of the listed fields (what a callback the body
  // names receives) is not the request's.
  const shown = page.shownRequest?.value;
  if (isPlainObject(shown) && body.length > 0 && !holdsOneOf(shown, body)) {
    if (model.requestExample?.value === shown) model.requestExample = undefined;
    model.requestTemplate = undefined;
  }
  for (const block of responses.values()) block.fields = nestDottedNames(block.fields);
  const declared = model.body?.media;
  model.body = undefined;
  if (body.length > 0) {
    model.body = {
      fields: body,
      paragraphs: [],
      media: (mainKey || undefined) ?? request?.media ?? declared ?? mediaOfFields(body),
    };
  }
  if (otherBodies.size > 0) {
    model.otherBodies = [...otherBodies].map(([media, fields]) => ({
      fields: nestDottedNames(fields),
      paragraphs: [],
      media,
    }));
  }
  for (const example of model.responseExamples) {
    const block = responseFor(example.code ?? defaultCode, example.line);
    block.example ??= { value: example.value };
  }
  for (const block of responses.values()) {
    listsShown(block.fields, block.example?.value);
    unwrapBody(block);
    // Fields listed for a response whose example is a list describe the list's items, when
    // the items hold any of them (a list of other things contradicts the fields, which win).
    if (listsFields(block)) block.root = { type: "array", items: { type: "object" } };
    else if (listExampleOfField(block, ctx) === "dropped") {
      const dropped = block.example?.value;
      block.example = undefined;
      model.responseExamples = model.responseExamples.filter((e) => e.value !== dropped);
    }
  }
  model.responses = [...responses.values()];
  // "Send your key in the `x-api-key` header" under `## Authentication`, and no field for it.
  if (model.security.length === 0) {
    model.security.push(...page.authHeaders.map(authField));
    model.securityEither = page.authEither;
  }
  addCurlHeaders(model, page.curl);
  return model;
}

/**
 * `<ParamField path="amount">` on `POST /v1/verify`: the template has no place for it, so the page
 * misnamed where it goes; it is sent in the body (the query for a method without one). Only when
 * every placeholder is documented already: one left over may be this field under another name.
 */
function relocateStrayPathFields(groups: FieldGroup[], endpoint: Endpoint, ctx: Context): void {
  // An example's URL holds values, not placeholders: it cannot say a field has no place.
  if (endpoint.fromExample) return;
  const template = [...endpoint.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
  const path = groups.filter((g) => g.kind === "param" && g.location === "path" && !g.unnamed);
  const named = new Set(path.map((g) => g.fields[0]?.name));
  if (template.some((name) => !named.has(name))) return;
  const where = /^(?:POST|PUT|PATCH)$/.test(endpoint.method) ? "body" : "query";
  // `https://{region}.api.x.com/…`: a parameter the host holds has its place (a server variable).
  const host = /^[a-z]+:\/\/([^/]*)/i.exec(endpoint.url ?? "")?.[1] ?? "";
  for (const group of path) {
    const top = group.fields[0];
    if (top === undefined || template.includes(top.name) || host.includes(`{${top.name}}`))
      continue;
    group.location = where;
    note(
      ctx,
      top.line,
      `a placeholder {${top.name}} in ${endpoint.path} for the path parameter ${top.name} (read as a ${where} field)`,
    );
  }
}

/**
 * Gives a path parameter that lost its name the one the template holds and no other field
 * documents; with none or several such, the page cannot say which it is.
 */
function nameFromTemplate(groups: FieldGroup[], endpoint: Endpoint, ctx: Context): void {
  const unnamed = groups.filter((g) => g.unnamed);
  if (unnamed.length === 0) return;
  const named = new Set(
    groups.filter((g) => !g.unnamed && g.location === "path").map((g) => g.fields[0]?.name),
  );
  const left = [...endpoint.path.matchAll(/\{([^{}]+)\}/g)]
    .map((m) => m[1] as string)
    .filter((n) => !named.has(n));
  if (left.length !== 1 || unnamed.length !== 1) {
    const line = unnamed[0]?.fields[0]?.line ?? 1;
    fail(ctx, line, LOCATION_EXPECTED, "no location attribute");
    for (const g of unnamed) groups.splice(groups.indexOf(g), 1);
    return;
  }
  const name = left[0] as string;
  const group = unnamed[0] as FieldGroup;
  group.fields = group.fields.map((f) => ({
    ...f,
    name: f.path.length === 1 ? name : f.name,
    path: [name, ...f.path.slice(1)],
  }));
}

/** A response whose example is a list of objects holding at least one of its top fields. */
function listsFields(block: ResponseModel): boolean {
  const example = block.example?.value;
  if (!Array.isArray(example)) return false;
  const names = block.fields.filter((f) => f.path.length === 1).map((f) => f.name);
  return example.some(
    (item) =>
      typeof item === "object" && item !== null && names.some((name) => Object.hasOwn(item, name)),
  );
}

/**
 * A list shown as the example of a response whose fields make an object (`next_page_token`,
 * `orders`) and whose items hold none of them: the list is the value of the one list field
 * (`orders`), and the example is that object. With no such field, or several, the example
 * contradicts the fields, which win: it is left out, and said so (regen checks every example).
 */
function listExampleOfField(block: ResponseModel, ctx: Context): "kept" | "dropped" {
  const example = block.example?.value;
  if (!Array.isArray(example) || block.fields.length === 0 || block.root !== undefined)
    return "kept";
  const lists = block.fields.filter((f) => f.path.length === 1 && f.schema.type === "array");
  const only = lists.length === 1 ? lists[0] : undefined;
  if (only !== undefined) {
    block.example = { value: { [only.name]: example } };
    return "kept";
  }
  note(ctx, block.line, "an example that is an object, as the response's fields are", "a list");
  return "dropped";
}

/** A field that stands for the whole body (`<ResponseField name="Response" type="object">`). */
const WHOLE_BODY = /^(?:Response|Response [Bb]ody|Response [Oo]bject|Body)$/;

/**
 * One top-level field named for the response itself, with the real fields nested under it:
 * those fields are the response's (an `object[]` wrapper makes the body a list of them).
 */
function unwrapBody(block: ResponseModel): void {
  const top = block.fields.filter((f) => f.path.length === 1);
  const only = top[0];
  if (top.length !== 1 || only === undefined || !WHOLE_BODY.test(only.name)) return;
  if (block.fields.length === 1) return;
  // An API that does wrap its data in `Response`: the example shows the key.
  const example = block.example?.value;
  if (typeof example === "object" && example !== null && only.name in example) return;
  if (!holdsObjects(only.schema)) return;
  if (only.schema.type === "array") block.root = { type: "array", items: { type: "object" } };
  if (only.description.length > 0) block.paragraphs.push(...only.description);
  block.fields = block.fields.slice(1).map((f) => ({ ...f, path: f.path.slice(1) }));
}

// `## Stream Response`, `### Streaming response`: the events a streamed reply sends, each an
// object of these fields, as the same status's `text/event-stream` content.
const STREAM_SECTION =
  /^(?!.*\bnon[- ]?stream)(?:.*\bstream(?:ing|ed)?\s+(?:response|reply|events?|chunks?|output)\b|.*\bresponse\s*\(\s*stream(?:ing|ed)?\s*\)|.*\bserver-sent events\b)/i;

const REQUEST_SECTION = /^(?:request(?: body)?|body|request parameters|body parameters)$/i;

/**
 * The status a heading gives the response fields under it: `### 404 Not Found`, `## Response 201`;
 * `### Error response` names no status, so its fields describe every other response (`default`).
 */
function sectionStatus(section: string | undefined): string | undefined {
  if (section === undefined) return undefined;
  const code = section.split(/[\s:()–-]+/).find((word) => /^[1-5](?:\d\d|XX)$/i.test(word));
  if (code !== undefined) return code.toUpperCase();
  return /\berrors?\b/i.test(section) ? "default" : undefined;
}

/** A body with a `file` field at the top is sent as multipart form data. */
function mediaOfFields(body: Field[]): string | undefined {
  const binary = (s: Field["schema"]) =>
    s.format === "binary" || (s.items as Field["schema"] | undefined)?.format === "binary";
  // A file, or a list of files (`file[]`), goes only in a multipart form.
  const file = body.some((f) => f.path.length === 1 && binary(f.schema));
  return file ? "multipart/form-data" : undefined;
}

/** `<ResponseField name="404 Not Found">` around an Expandable: the fields of another status. */
function statusField(
  group: FieldGroup,
): { code: string; description: string; line: number } | undefined {
  const top = group.fields[0];
  // No type, or `type="object"`: what a status's body is (`<ResponseField name="404" type="object">`).
  const keys = Object.keys(top?.schema ?? {});
  const untyped = keys.length === 0 || (keys.length === 1 && top?.schema.type === "object");
  if (top === undefined || !untyped) return undefined;
  const match = /^([1-5](?:\d\d|XX))(?:\s*[-–:]?\s+(.*))?$/i.exec(top.name);
  if (match === null) return undefined;
  return {
    code: (match[1] as string).toUpperCase(),
    description: match[2]?.trim() ?? "",
    line: top.line,
  };
}

/**
 * Where a field of a `## Parameters` table goes when neither the table nor its heading says: a
 * name the path template holds is a path parameter; the rest are the query of a request with no
 * body, else the body's.
 */
function tableLocation(group: FieldGroup, endpoint: Endpoint): FieldGroup["location"] {
  const name = group.fields[0]?.name ?? "";
  if (endpoint.path.includes(`{${name}}`)) return "path";
  return ["GET", "DELETE", "HEAD"].includes(endpoint.method) ? "query" : "body";
}

function placeParameter(group: FieldGroup, model: OperationModel, body: Field[]): void {
  const top = group.fields[0];
  if (top === undefined) return;
  if (group.location === "body") {
    addFields(body, group.fields);
    return;
  }
  const name = top.name.toLowerCase();
  if (group.location === "header" && (name === "content-type" || name === "accept")) {
    // Not parameters in OpenAPI; a Content-Type field may say how the body is sent.
    const media = /`([\w.+-]+\/[\w.+-]+)`/.exec(top.description.join(" "))?.[1];
    if (name === "content-type" && media !== undefined)
      model.body ??= { fields: [], paragraphs: [], media };
    return;
  }
  top.location = group.location;
  const auth = group.location === "header" && name === "authorization";
  if (auth || (group.location !== "path" && AUTH_SECTION.test(group.section ?? ""))) {
    model.security.push(top);
  } else model.parameters.push(...group.fields);
}

// Objects made up for dotted names whose parent the page never lists (`options.slide_type`).
const madeUp = new WeakSet<Field>();

/**
 * A parent made up for dotted rows (`facetHits.value`, `facetHits.count`) that the example shows
 * as a list of objects: a list of such objects, the rows its items' fields.
 */
function listsShown(fields: Field[], example: unknown): void {
  for (const field of fields) {
    if (!madeUp.has(field) || field.schema.type !== "object") continue;
    let value = example;
    for (const key of field.path) value = isPlainObject(value) ? value[key] : undefined;
    if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject))
      field.schema = { type: "array", items: { type: "object" } };
  }
}

/**
 * Adds a body or response field with its children. A dotted name (`options.slide_type`,
 * `items[].sku`) nests under its parent: one listed before, else an object made up for it,
 * which the parent's own row replaces should it come later.
 */
function addFields(list: Field[], fields: Field[]): void {
  const top = fields[0];
  if (top === undefined) return;
  // Matched by the whole dotted path: `data.otp` replaces the `otp` made up under `data`.
  const stand =
    top.path.length === 1
      ? list.find((f) => madeUp.has(f) && f.path.join(".") === top.name)
      : undefined;
  if (stand !== undefined) {
    // The parent's own row, after rows that named it: it takes the made-up object's place.
    const { path, name } = stand;
    Object.assign(stand, { ...top, path, name });
    madeUp.delete(stand);
    list.push(...fields.slice(1).map((f) => ({ ...f, path: [...path, ...f.path.slice(1)] })));
    return;
  }
  // `pages[]`: the list itself, written as its items are (`pages[].url` rows follow).
  if (top.path.length === 1 && /^[\w-]+\[\]$/.test(top.name)) {
    const name = top.name.slice(0, -2);
    top.name = name;
    top.path = [name];
    if (top.schema.type === undefined) top.schema = { type: "array" };
    for (const field of fields.slice(1)) field.path = [name, ...field.path.slice(1)];
  }
  const written = top.path.length === 1 ? top.name.split(".") : [];
  const parts = written.map((p) => p.replace(/\[\]$/, ""));
  if (parts.length > 1 && parts.every((p) => p !== "")) {
    const parent = parts.slice(0, -1);
    const listed = list.some((f) => f.path.join(".") === parent.join("."));
    // Each level the page never lists (`data` and `data.otp` for `data.otp.reference`) is an
    // object made up for it; a list of objects for `items[]` (`items[].sku`).
    for (let depth = 1; !listed && depth <= parent.length; depth++) {
      const prefix = parent.slice(0, depth);
      if (list.some((f) => f.path.join(".") === prefix.join("."))) continue;
      const owner = newField(prefix.at(-1) as string, top.line, prefix);
      const many = written[depth - 1]?.endsWith("[]") === true;
      owner.schema = many ? { type: "array", items: { type: "object" } } : { type: "object" };
      madeUp.add(owner);
      list.push(owner);
    }
    const name = parts.at(-1) as string;
    // Rows under a list the page never typed the items of: the items are objects.
    const owner = list.find((f) => f.path.join(".") === parent.join("."));
    if (owner?.schema.type === "array" && owner.schema.items === undefined)
      owner.schema = { ...owner.schema, items: { type: "object" } };
    for (const field of fields) {
      field.path = [...parent, name, ...field.path.slice(1)];
      if (field === top) field.name = name;
    }
  }
  list.push(...fields);
}

/**
 * The curl `--data` payload. Hand-written examples are often not JSON (`"amount": 100 // cents`,
 * `...`): where the page lists the body's fields the example only illustrates them, so broken
 * JSON is a warning; with no fields it is the body's one source, and an error.
 */
function requestExample(
  page: PageContent,
  method: string,
  ctx: Context,
): OperationModel["requestExample"] {
  const curl = page.curl?.example;
  const data = inlineData(curl);
  // No curl body: the JSON the page shows under its request body heading, when it shows one
  // (not for a GET or HEAD, which send none unless the curl does).
  const bodied = !/^(?:GET|HEAD)$/.test(method);
  if ((curl === undefined || data === undefined) && page.shownRequest !== undefined && bodied) {
    const { value, elided } = page.shownRequest;
    // A template of type names is no example (`requestTemplate` carries it).
    if (isTypeTemplate(value)) return undefined;
    return { value, media: "application/json", shapeOnly: elided };
  }
  // `-F file=@theme.zip -F name=Casper`: the multipart body's fields, no field list giving them.
  if (data === undefined && curl?.formParts !== undefined) {
    // A name sent twice, or spelt as a list (`-F tags[]=a -F tags[]=b`), is a list.
    const sent = new Map<string, string[]>();
    const lists = new Set<string>();
    const files = new Set<string>();
    for (const [name, text] of curl.formParts) {
      const key = name.replace(/\[\]$/, "");
      sent.set(key, [...(sent.get(key) ?? []), text]);
      if (key !== name) lists.add(key);
      if (text.startsWith("@")) files.add(key);
    }
    const value: Record<string, unknown> = {};
    for (const [key, texts] of sent)
      setOwn(value, key, texts.length > 1 || lists.has(key) ? texts : texts[0]);
    return { value, media: "multipart/form-data", shapeOnly: true, files: [...files] };
  }
  if (curl === undefined || data === undefined) return undefined;
  const media = curlMedia(curl);
  const text = data.text.trim();
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value, media };
  if (text.startsWith("{") || text.startsWith("[")) {
    const bodyFields = page.groups.some(
      (g) => (g.kind === "param" && g.location === "body") || REQUEST_SECTION.test(g.section ?? ""),
    );
    const report = bodyFields ? note : fail;
    report(ctx, data.line, "valid JSON in the curl --data body", parsed.message);
    return undefined;
  }
  // Words that are neither JSON nor form pairs are no example of a JSON body.
  if (media.includes("json")) return undefined;
  return { value: data.text, media };
}

export type { ResponseExample };
