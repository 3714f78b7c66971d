import type { CurlExample } from "../mintlify-page/curl.ts";
import { type Context, fail } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import { parseJson } from "../model/json.ts";
import type { OperationModel, ResponseModel } from "../model/operation.ts";
import type { PayloadModel } from "../model/payload.ts";
import { type NamedSchema, parseTypeLine, type Schema } from "../model/type-line.ts";
import type { Reader } from "./blocks.ts";
import type { Page } from "./dom.ts";
import type { HtmlExamples } from "./examples.ts";
import { collectFields } from "./fields.ts";
import type { HtmlHeader } from "./header.ts";
import type { HtmlSection } from "./sections.ts";

/** What the header, the examples and the API sections of a served page say about its operation. */
export function readOperation(
  page: Page,
  header: HtmlHeader,
  sections: HtmlSection[],
  examples: HtmlExamples,
  ctx: Context,
): OperationModel {
  const curl = examples.curl;
  const data = curlData(curl, ctx);
  const payload = data ?? examples.payload;
  const model: OperationModel = {
    method: header.method,
    path: header.path,
    webhook: header.webhook || undefined,
    summary: header.summary,
    description: header.description,
    url: header.url ?? curl?.url,
    security: [],
    parameters: [],
    responses: [],
    responseExamples: examples.responses,
    requestExample:
      payload === undefined ? undefined : { value: payload.value, media: curlMedia(curl) },
  };
  if (curl?.method !== undefined && !header.webhook && curl.method !== header.method) {
    fail(ctx, header.line, `the curl example to use ${header.method}`, curl.method);
  }
  for (const section of sections) {
    const { fields, paragraphs, root, named } = sectionFields(page, section, ctx);
    if (section.kind === "auth") model.security.push(...fields);
    else if (section.kind === "body") {
      const media = section.media?.media ?? curlMedia(curl);
      model.body = { media, fields, paragraphs, root: root ?? section.media?.root, named };
    } else if (section.kind === "response") {
      const shown = { fields, paragraphs, root: root ?? section.media?.root, named };
      model.responses.push(...responses(section, shown, examples));
    } else {
      for (const field of fields) {
        if (field.path.length > 1) continue;
        // The section says where the parameter goes; a location pill that says otherwise is a
        // page this parser does not understand.
        if (field.location !== undefined && field.location !== section.kind) {
          fail(
            ctx,
            field.line,
            `the ${section.kind} location of its section for ${field.name}`,
            field.location,
          );
        }
        field.location = section.kind;
      }
      model.parameters.push(...fields);
    }
  }
  model.responses.push(...untabbedCodes(model.responses, examples));
  return model;
}

/**
 * Status codes the example panel has a tab for but no Response section shows (a served page
 * renders the fields of one status at a time): each is a response known from its example alone.
 */
function untabbedCodes(known: ResponseModel[], examples: HtmlExamples): ResponseModel[] {
  const found: ResponseModel[] = [];
  for (const tab of examples.responses) {
    const code = tab.code;
    if (
      code === undefined ||
      known.some((r) => r.code === code) ||
      found.some((r) => r.code === code)
    )
      continue;
    found.push({ code, line: tab.line, fields: [], paragraphs: [], example: { value: tab.value } });
  }
  return found;
}

const OF_TYPE = /^The (?:response|body|request body|request) is of type (.+?)\.?$/;

/**
 * The fields of a section and the text around them; a `The response is of type X` line gives the
 * payload's own type (an array, a string) and is not description.
 */
function sectionFields(
  page: Page,
  section: HtmlSection,
  ctx: Context,
): { fields: Field[]; paragraphs: string[]; root?: Schema | undefined; named: NamedSchema[] } {
  const reader: Reader = { page, ctx, out: [] };
  const paragraphs: string[] = [];
  let root: Schema | undefined;
  let named: NamedSchema[] = [];
  collectFields(
    section.element,
    [],
    reader,
    (text) => {
      const ofType = OF_TYPE.exec(text);
      const type = ofType === null ? undefined : parseTypeLine(ofType[1] as string);
      if (type?.kind === "type") {
        root = type.schema;
        named = type.named;
      } else paragraphs.push(text);
    },
    section.headingArea,
  );
  return { fields: reader.out, paragraphs, root, named };
}

/**
 * A Response section documents the status it shows; the other codes of its selector are
 * responses whose fields the served page does not render (they load when selected).
 */
function responses(
  section: HtmlSection,
  payload: Omit<PayloadModel, "media">,
  examples: HtmlExamples,
): ResponseModel[] {
  const shown = section.shown ?? "200";
  const media = section.media?.media;
  const codes = section.codes.length > 0 ? section.codes : [shown];
  return codes.map((code) => {
    if (code === shown) return { ...payload, code, line: section.line, media };
    // What the page says of a code it does not render: its example tab, if it has one.
    const tab = examples.responses.find((example) => example.code === code);
    const example = tab === undefined ? undefined : { value: tab.value };
    return { code, line: section.line, fields: [], paragraphs: [], example };
  });
}

/** The curl `--data` payload: JSON when it is JSON, reported when it looks like broken JSON. */
function curlData(
  curl: CurlExample | undefined,
  ctx: Context,
): { value: unknown; line: number } | undefined {
  const data = curl?.data;
  if (data === undefined) return undefined;
  const text = data.text.trim();
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value, line: data.line };
  if (text.startsWith("{") || text.startsWith("[")) {
    fail(ctx, data.line, "valid JSON in the curl --data body", parsed.message);
    return undefined;
  }
  return { value: data.text, line: data.line };
}

function curlMedia(curl: CurlExample | undefined): string {
  const type = curl?.headers.find(([name]) => name.toLowerCase() === "content-type");
  if (type !== undefined) return type[1];
  return curl?.form === true ? "multipart/form-data" : "application/json";
}
