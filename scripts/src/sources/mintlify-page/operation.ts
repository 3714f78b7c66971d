import { type Context, fail, note } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import type { OperationModel, ResponseModel } from "../model/operation.ts";
import type { PayloadModel } from "../model/payload.ts";
import { type CurlExample, curlMedia, curlSends, inlineData } from "./curl.ts";
import { marker, readFields } from "./fields.ts";
import type { Header } from "./header.ts";
import { opensJson, parseJson, readJsonBlock } from "./json-block.ts";
import type { Line } from "./lines.ts";
import { hintsFor, readMediaLine, readPayload, statusBlocks } from "./payloads.ts";
import { defaultPlace, type Place, putField } from "./place.ts";
import { isIntroSentence, NOTHING, sentHeaders } from "./section-prose.ts";
import { isExampleHeading, isGenericParameters, type Section } from "./sections.ts";
import { isTableHeader } from "./table-rows.ts";

const NO_HINTS = hintsFor(undefined);

/** What the header and the sections of a rendered page say about its operation. */
export function readOperation(
  lines: Line[],
  header: Header,
  sections: Section[],
  ctx: Context,
  superseded: Field[] = [],
): OperationModel {
  // A webhook page's example is the payload it sends (the request), not a response.
  const payload = header.webhook && header.curl === undefined ? header.examples[0] : undefined;
  const examples = payload === undefined ? header.examples : header.examples.slice(1);
  const listed = sections.some((section) => section.kind === "body");
  const requestExample = payload ?? curlData(header, listed, ctx);
  const model: OperationModel = {
    method: header.method,
    path: header.path,
    webhook: header.webhook || undefined,
    summary: header.summary,
    description: header.description,
    url:
      header.curl?.url ?? (header.server === undefined ? undefined : header.server + header.path),
    security: [],
    parameters: [],
    responses: [],
    responseExamples: examples,
    requestExample:
      requestExample === undefined
        ? undefined
        : {
            value: requestExample.value,
            media: curlMedia(header.curl),
            shapeOnly: payload?.shapeOnly,
          },
  };
  // The responses a hand-written page shows only by an `Example Response` naming no status.
  const shownOnly = new Set<ResponseModel>();
  // The section each parameter was listed in.
  const listedIn = new Map<Field, Section>();
  // The body fields of a hand-written list a later (the reference's) body replaced.
  const replaced: Field[] = [];
  for (const section of sections) {
    const { kind } = section;
    if (kind === "auth") {
      const fields = sectionFields(lines, section, ctx, model.description, { auth: true });
      model.security.push(...placedByCurl(fields, header.curl));
    } else if (kind === "body") {
      const body = readBody(lines, section, header, requestExample?.value, ctx);
      // The body a hand-written `Parameters` list gave, above the reference's: its words stay
      // where the reference has none.
      for (const field of body.fields) {
        const own = model.body?.fields.find((f) => f.path.length === 1 && f.name === field.name);
        if (field.path.length === 1 && field.description.length === 0 && own !== undefined)
          field.description = own.description;
      }
      if (model.body !== undefined) replaced.push(...model.body.fields);
      model.body = body;
    } else if (kind === "response") {
      // The blocks of this section: a status listed twice in one section is a fault of the page
      // (two `Error` tabs), never a later list that supersedes an earlier one.
      const own = new Set<string>();
      for (const block of readResponses(lines, section, examples, ctx)) {
        if (isExampleHeading(section.heading.text) && block.fields.length === 0)
          shownOnly.add(block);
        // A page whose own content lists the response (`## Response` in its MDX) before the
        // reference Mintlify generates from the spec: the generated list, last, is the one.
        const index = model.responses.findIndex((b) => b.code === block.code);
        const earlier = model.responses[index];
        const twice = earlier !== undefined && own.has(block.code);
        own.add(block.code);
        const bothListed =
          earlier !== undefined && earlier.fields.length > 0 && block.fields.length > 0;
        // (In another media, `text/csv` beside JSON, it is one more content of that status.)
        if (twice && bothListed && earlier.media !== block.media) model.responses.push(block);
        else if (twice && bothListed) {
          fail(ctx, block.line, `one block of fields for status ${block.code}`, block.code);
        } else if (bothListed) {
          model.responses[index] = { ...block, example: block.example ?? earlier.example };
          superseded.push(...earlier.fields);
        } else if (
          earlier !== undefined &&
          (earlier.fields.length === 0 || block.fields.length === 0)
        ) {
          // A hand-written page's `Example Response` and its `Responses` list of the same
          // status: one response, the fields of the one and the example of either.
          const [listed, shown] = block.fields.length > 0 ? [block, earlier] : [earlier, block];
          // Two examples with no fields for one status (`Example Response` twice): the first
          // is the one; the other is said, not silently dropped.
          if (listed.fields.length === 0 && listed.example && shown.example && block === shown)
            note(ctx, block.line, `one example for status ${block.code} (this one is left out)`);
          const merged = {
            ...listed,
            example: listed.example ?? shown.example,
            root: listed.root ?? shown.root,
            paragraphs: listed.paragraphs.length > 0 ? listed.paragraphs : shown.paragraphs,
          };
          if (listed.fields.length === 0) shownOnly.add(merged);
          model.responses[index] = merged;
        } else model.responses.push(block);
      }
    } else {
      const generic = isGenericParameters(section.heading.text);
      // Under `Parameters`, where each top-level field went: its children follow it.
      const placed = new Map<string, Place>();
      // (Headers listed after the response are the response's: none the call sends.)
      const sent = !sections.some(
        (other) =>
          other.kind === "response" &&
          other.heading.no < section.heading.no &&
          !isExampleHeading(other.heading.text),
      );
      const fields = sectionFields(lines, section, ctx, model.description, {
        path: model.path,
        sent,
      });
      for (const field of fields) {
        const top = field.path[0] as string;
        if (!generic) {
          // The section heading says where the parameter goes; a location pill may say it too.
          if (field.path.length === 1) {
            field.location = kind;
            replaceEarlier(lines, model.parameters, field, section, listedIn);
          }
          listedIn.set(field, section);
          model.parameters.push(field);
          continue;
        }
        // `Parameters` names no place: a field's pill does, else its default place.
        let where = placed.get(top);
        if (where === undefined) {
          where = (field.location as Place | undefined) ?? defaultPlace(model, top);
          placed.set(top, where);
        }
        putField(model, field, where);
      }
    }
  }
  sayOwnOnly(model, replaced, ctx);
  exampleToSuccess(model, shownOnly);
  return model;
}

/**
 * A page that lists its parameters by hand (a `Path Parameters` table) above the reference
 * Mintlify generates from its spec (`Path Parameters` again): the later listing of a name in a
 * section of the same kind, after one that is a table, is the one (with the earlier's
 * description where it has none); the earlier, with its children, is left out.
 */
function replaceEarlier(
  lines: Line[],
  parameters: Field[],
  field: Field,
  section: Section,
  listedIn: Map<Field, Section>,
): void {
  const earlier = (p: Field) => {
    const where = listedIn.get(p);
    return (
      p.path[0] === field.name &&
      where !== undefined &&
      where !== section &&
      where.kind === section.kind &&
      handListed(lines, where)
    );
  };
  const first = parameters.find((p) => earlier(p) && p.path.length === 1);
  if (first === undefined) return;
  // (Its description, where the generated listing has none, is still the page's word.)
  if (field.description.length === 0) field.description = first.description;
  const kept = parameters.filter((p) => !earlier(p));
  parameters.splice(0, parameters.length, ...kept);
}

/** A section listed by hand: its fields in a table (which Mintlify's reference never shows). */
function handListed(lines: Line[], section: Section): boolean {
  return lines.slice(section.start, section.end).some((line) => isTableHeader(line.text));
}

/**
 * What the page's curl says of its credentials: where one with no location pill goes (a header
 * or a query parameter: `X-API-Key` / `string` under a hand-written `Authentication`), and the
 * value a header carries where the field shows none (`Bearer <token>`: the scheme it is).
 */
function placedByCurl(fields: Field[], curl: CurlExample | undefined): Field[] {
  const { headers, query } = curlSends(curl);
  for (const field of fields) {
    if (field.path.length > 1) continue;
    const name = field.name.toLowerCase();
    if (field.location === undefined && headers.has(name)) field.location = "header";
    else if (field.location === undefined && query.includes(field.name)) field.location = "query";
    // (Only a value that starts with a scheme's word, where the field's words name none.)
    const sent = curl?.headers.find(([header]) => header.toLowerCase() === name)?.[1] ?? "";
    const said = /\b(?:bearer|basic)\b/i.test(field.description.join(" "));
    if (field.location === "header" && /^(?:Bearer|Basic)\s/i.test(sent) && !said)
      field.example ??= { value: sent };
  }
  return fields;
}

/**
 * `Example Response` (no status, so 200) on a page that lists its success as another 2XX
 * (`201 — Created`) with fields and no example: that response's example.
 */
function exampleToSuccess(model: OperationModel, shownOnly: Set<ResponseModel>): void {
  const shown = model.responses.find((b) => shownOnly.has(b) && b.code === "200");
  const listed = model.responses.find(
    (b) => /^2/.test(b.code) && b.code !== "200" && b.fields.length > 0 && b.example === undefined,
  );
  if (shown === undefined || listed === undefined) return;
  listed.example = shown.example;
  model.responses.splice(model.responses.indexOf(shown), 1);
}

/**
 * A section's fields. `auth`: the Authorizations section; `path`: the operation's path (a
 * parameter written as its name over its description); `sent`: `Name: value` lines under it are
 * headers the call sends.
 */
function sectionFields(
  lines: Line[],
  section: Section,
  ctx: Context,
  description: string[],
  { auth = false, path = "", sent = false }: { auth?: boolean; path?: string; sent?: boolean },
): Field[] {
  const list = readFields(lines, section.start, section.end, ctx, NO_HINTS);
  const untyped: Field[] = [];
  // What a hand-written page says below a table of parameters is of the operation.
  for (const paragraph of list.after ?? []) description.push(paragraph.text);
  for (const [index, paragraph] of list.preamble.entries()) {
    const first = index === 0 && list.preamble.length === 1;
    // `session_id` right over its description, no type: the path parameter the template
    // names (a hand-written page's list of parameters, copied).
    const [name = "", ...rest] = paragraph.text.split("\n");
    if (path.includes(`{${name}}`) && rest.length > 0) {
      const field = newField(name, paragraph.line);
      field.location = "path";
      field.description.push(rest.join("\n"));
      untyped.push(field);
      continue;
    }
    // `Path Parameters` / `None.`: a hand-written page saying the section holds nothing.
    if (list.fields.length === 0 && NOTHING.test(paragraph.text)) continue;
    // `Authorization: Bearer <key>` under `Headers`: a hand-written page shows the headers a
    // call sends as the request would carry them, one a line, no type.
    const headers =
      (section.kind === "header" && sent) || auth ? sentHeaders(paragraph, auth) : undefined;
    if (headers !== undefined) {
      untyped.push(...headers);
      continue;
    }
    // A page with several security schemes shows their tabs above the fields (`ApiKeyAuth`,
    // glued by scrapes: `ApiKeyAuthBearerAuth`, two needed together `ClientID & ClientSecret`):
    // names only, no field.
    if (auth && list.fields.length > 0 && isSchemeTabs(paragraph.text)) continue;
    // `#### Headers`, a sentence, `Show child attributes`, and no field: the page lost the
    // name of the one object the section holds, so there is nothing to read, only to say.
    if (list.fields.length === 0 && foldedOnly(lines, section)) {
      note(
        ctx,
        paragraph.line,
        "a field name (the section's fields are folded away)",
        paragraph.text,
      );
      continue;
    }
    // `Search across fields including title, …` over the first of the section's fields: the
    // section's own sentence, the operation's prose, where it names one of them (a description
    // of a field that lost its name and type names none as a rule). (Under Authorizations, where
    // no page writes prose of its own, it is what is left of a scheme that lost both.)
    if (!auth && first && isIntroSentence(paragraph.text, list.fields, lines, section)) {
      note(ctx, paragraph.line, "a field name (read as the section's own prose)", paragraph.text);
      description.push(paragraph.text);
      continue;
    }
    fail(ctx, paragraph.line, "a field name", paragraph.text);
  }
  return [...untyped, ...list.fields];
}

/**
 * The security schemes' tab labels: names joined by `&`, or run together; tabs a copy keeps with
 * a space between (`ApiKeyQuery ApiKeyHeader`) only when each label is a schema-style name (a
 * capital or `_` inside it), which a sentence's words are not.
 */
function isSchemeTabs(text: string): boolean {
  const names = text.split(/\s*&\s*/);
  if (names.every((name) => !/\s/.test(name))) return true;
  return text.split(/\s+/).every((word) => /^[A-Za-z][a-z0-9]*[A-Z_][\w-]*$/.test(word));
}

/** True when the section shows a child-attributes toggle and nothing after it. */
function foldedOnly(lines: Line[], section: Section): boolean {
  const texts = lines.slice(section.start, section.end).map((l) => l.text);
  const toggle = texts.indexOf("Show child attributes");
  return toggle >= 0 && texts.slice(toggle + 1).every((t) => t === "");
}

/**
 * The curl `--data` payload: JSON when it is JSON, reported when it looks like broken JSON; with
 * the body's fields listed (`listed`), only an example is lost (`# … more files` in it): a warning,
 * as the MDX reader says it.
 */
function curlData(header: Header, listed: boolean, ctx: Context): { value: unknown } | undefined {
  const data = inlineData(header.curl);
  if (data === undefined) return undefined;
  const text = data.text.trim();
  const parsed = parseJson(text);
  if (parsed.ok) return { value: parsed.value };
  if (text.startsWith("{") || text.startsWith("[")) {
    (listed ? note : fail)(ctx, data.line, "valid JSON in the curl --data body", parsed.message);
    return undefined;
  }
  // Words that are neither JSON nor form pairs (a scrape that lost the braces) are no example
  // of a JSON body.
  if (curlMedia(header.curl).includes("json")) return undefined;
  return { value: data.text };
}

function readBody(
  lines: Line[],
  section: Section,
  header: Header,
  example: unknown,
  ctx: Context,
): PayloadModel {
  const { media, next } = readMediaLine(lines, section.start, section.end);
  return readPayload(
    lines,
    next,
    section.end,
    media ?? { media: curlMedia(header.curl) },
    example,
    ctx,
  );
}

/** The JSON value that opens a status block (after blank lines), when one does. */
function ownExample(lines: Line[], start: number, end: number, ctx: Context) {
  let i = start;
  // A hand-written page's labels over the JSON (`Response - Success`, then the code block's
  // `response`): up to two short lines that are no sentence nor field.
  const labels: string[] = [];
  for (;;) {
    while (i < end && (lines[i] as Line).text === "") i++;
    const text = lines[i]?.text ?? "";
    if (i >= end || opensJson(text) || labels.length === 2 || !EXAMPLE_LABEL.test(text)) break;
    if (marker(lines[i + 1]?.text ?? "") !== undefined) return undefined;
    labels.push(text);
    i++;
  }
  if (i >= end || !opensJson((lines[i] as Line).text)) return undefined;
  const block = readJsonBlock(lines, i, ctx, "response example", true);
  if (block === undefined || block.end >= end || block.rest.trim() !== "") return undefined;
  return {
    ...block,
    labels: labels.filter((label) => !/^(?:response|json|example)$/i.test(label)),
  };
}

const EXAMPLE_LABEL = /^[A-Za-z][\w ()-]{0,39}$/;

function readResponses(
  lines: Line[],
  section: Section,
  examples: Header["examples"],
  ctx: Context,
): ResponseModel[] {
  const blocks = statusBlocks(lines, section.start, section.end, ctx);
  // `Example Response (404)` over its JSON: the status the heading names.
  const headed = /\(([1-5]\d\d)\):?$/.exec(section.heading.text)?.[1];
  if (headed !== undefined && blocks.length === 1) (blocks[0] as { code: string }).code = headed;
  const first = examples[0];
  const exampleFor =
    blocks.find((b) => b.code === first?.code) ??
    blocks.find((b) => b.code.startsWith("2")) ??
    blocks[0];
  return blocks.map((block) => {
    // Some scrapes show a status's example JSON under it, in place of fields.
    const own = ownExample(lines, block.start, block.end, ctx);
    const example = own?.value ?? (block === exampleFor ? first?.value : undefined);
    const media = block.media ?? (own === undefined ? {} : { media: "application/json" });
    const start = own === undefined ? block.start : own.end + 1;
    const payload = readPayload(lines, start, block.end, media, example, ctx);
    // Fields listed for a response whose example is a list describe the list's items.
    const top = payload.fields.some((f) => f.path.length === 1);
    if (payload.root === undefined && top && Array.isArray(example)) {
      payload.root = { type: "array", items: { type: "object" } };
    }
    if (own !== undefined && !own.malformed)
      payload.example = { value: own.value, shapeOnly: own.shapeOnly };
    if (own !== undefined) payload.paragraphs.unshift(...own.labels);
    if (block.reason !== undefined && payload.paragraphs.length === 0)
      payload.paragraphs.push(block.reason);
    return { ...payload, code: block.code, line: block.line };
  });
}

/**
 * The top-level fields a hand-written list above the reference gave the body and the reference
 * names nowhere (no parameter, credential or body field of that name, at any depth): said, not
 * kept. The reference, generated from the spec, is the contract; the list's names may be
 * spelled another way (`penName`, a wrapper, a header), which a field added beside it would
 * duplicate.
 */
function sayOwnOnly(model: OperationModel, own: Field[], ctx: Context): void {
  const body = model.body;
  if (body === undefined || own.length === 0) return;
  // (A child's name too, however the page spelled its path: `data.name` under `data`.)
  const named = new Set(
    [...model.parameters, ...model.security, ...body.fields]
      .flatMap((f) => [f.name, ...f.path, ...f.name.split(".")])
      .map((name) => name.toLowerCase()),
  );
  for (const field of own.filter((f) => f.path.length === 1)) {
    if (named.has(field.name.toLowerCase()) || /^authorization$/i.test(field.name)) continue;
    note(
      ctx,
      field.line,
      "the field in the reference's body too (left out: the reference lists the body)",
      field.name,
    );
  }
}
