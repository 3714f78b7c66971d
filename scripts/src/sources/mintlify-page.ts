import { withoutCommentedSamples } from "./mintlify-page/commented-sample.ts";
import { withCurlCall } from "./mintlify-page/curl-first.ts";
import { checkCutEnd } from "./mintlify-page/cut-end.ts";
import { readExamplesBelow } from "./mintlify-page/examples-below.ts";
import { isNamelessType } from "./mintlify-page/fields.ts";
import { findMethodLine, readHeader, readParagraphs } from "./mintlify-page/header.ts";
import { dropNoise, type Line } from "./mintlify-page/lines.ts";
import { normalizePage } from "./mintlify-page/normalize.ts";
import { readOperation } from "./mintlify-page/operation.ts";
import { addOwnFields } from "./mintlify-page/own-fields.ts";
import { readPayloadPage } from "./mintlify-page/payload-page.ts";
import { secondOperation } from "./mintlify-page/second-operation.ts";
import {
  headingKind,
  isSectionTitle,
  lostAuthorizations,
  splitSections,
} from "./mintlify-page/sections.ts";
import { readUnheaded, unheadedRange } from "./mintlify-page/unheaded.ts";
import { type Context, fail, makeContext } from "./model/context.ts";
import type { Field } from "./model/field.ts";
import { buildDocument, type OperationModel } from "./model/operation.ts";
import { SECTION_HEADINGS, sectionSpelling } from "./model/sections.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/**
 * Parses the rendered text of a Mintlify API reference page (method, path one segment per line,
 * title, curl example, response example, then field sections) into a one-operation OpenAPI 3.1
 * document. Strict unless `lenient`: a cut-off page or an unknown construct is a ParseError.
 */
export const parseMintlifyPage: Parser = (saved, options) => {
  const ctx = makeContext(options.file, options.lenient, options.warn);
  const page = normalizePage(looksLikeOwnPage(saved) ? saved : (embeddedPage(saved) ?? saved));
  const kept = keep(withoutCommentedSamples(withCurlCall(page.lines)), page.titles);
  let { lines } = kept;
  const payload = findMethodLine(lines) < 0 ? readPayloadPage(lines) : undefined;
  if (payload !== undefined) {
    const { sections } = splitSections(lines, payload.body.end, ctx);
    const model = readOperation(lines, payload.header, [payload.body, ...sections], ctx);
    return buildDocument(model, ctx);
  }
  const header = readHeader(lines, ctx, { titles: kept.titles, saved: page.savedTitle });
  if (header === undefined) return emptyDocument();
  lines = lines.slice(0, secondOperation(lines, header.next, header, ctx));
  const { before, sections, leftOut } = splitSections(lines, header.next, ctx);
  const auth = lostAuthorizations(lines, header.next, before);
  if (auth !== undefined) sections.unshift(auth);
  // Text between the examples and the first section can only be more of the page description,
  // or fields a hand-written page put under no heading.
  const until = auth?.start ?? before;
  const unheaded = unheadedRange(lines, header.next, until);
  readParagraphs(
    lines,
    header.next,
    header.description,
    () => false,
    ownTitle(lines, unheaded?.start) ?? until,
  );
  if (header.summary === "") titleFromDescription(header);
  // `**Summary:** Update Contact Information`: the title again, as a saving tool labelled it.
  header.description = header.description.filter(
    (p) => p.replace(/^\**Summary:\**\s*/i, "") !== header.summary || !/^\**Summary:/i.test(p),
  );
  readExamplesBelow(lines, until, header, ctx);
  const superseded: Field[] = [];
  const model = readOperation(lines, header, sections, ctx, superseded);
  if (unheaded !== undefined) readUnheaded(lines, unheaded, until, header, model, ctx);
  // The page's own text left out above the reference names fields the reference reads.
  const first = sections[0] === undefined ? before : lines.indexOf(sections[0].heading);
  addOwnFields(model, lines, leftOut, first < 0 ? lines.length : first, ctx);
  const checked = leftOut.length > 0 ? Math.max(before, first) : before;
  checkAnchoredFields([...modelFields(model), ...superseded], page.fieldNames, lines, checked, ctx);
  checkCutEnd(lines, page.lines, modelFields(model), ctx);
  return buildDocument(model, ctx);
};

/**
 * Where the fields under no heading start, or the title of their own above them (`Path
 * parameters` in sentence case, no heading where the page has Mintlify's): no description's.
 */
function ownTitle(lines: Line[], start: number | undefined): number | undefined {
  if (start === undefined) return undefined;
  let above = start - 1;
  while (above >= 0 && (lines[above] as Line).text === "") above--;
  const text = lines[above]?.text ?? "";
  // (Not a response's title: the fields under it are placed by what it says.)
  const kind = Object.hasOwn(SECTION_HEADINGS, sectionSpelling(text))
    ? SECTION_HEADINGS[sectionSpelling(text)]
    : undefined;
  return above >= 0 && kind !== undefined && kind !== "response" ? above : start;
}

function modelFields(model: OperationModel): Field[] {
  return [
    ...model.parameters,
    ...model.security,
    ...(model.body?.fields ?? []),
    ...model.responses.flatMap((r) => r.fields),
  ];
}

/**
 * Every line in the field sections that a scrape's anchor link marked as a field's name (not a
 * heading: sections have anchors too) must have become a field: one whose type line the reader
 * did not know would otherwise end up, silently, in the previous field's description.
 */
function checkAnchoredFields(
  fields: Field[],
  names: Line[],
  lines: Line[],
  before: number,
  ctx: Context,
): void {
  const marked = new Set(names);
  const read = new Set(fields.map((field) => field.line));
  for (let i = before; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!marked.has(line) || read.has(line.no) || headingKind(lines, i) !== undefined) continue;
    // An array's nameless items line was read into the array (the field reader refuses any other).
    if (isNamelessType(line)) continue;
    fail(ctx, line.no, "a field name followed by its type or `required`", line.text);
  }
}

/**
 * A copy whose example panel came first, with no method line: the title is the first line of
 * what follows the examples (`Generate Images` over `Generate an image based on...`).
 */
function titleFromDescription(header: { summary: string; description: string[] }): void {
  const [first, ...rest] = (header.description[0] ?? "").split("\n");
  if (first === undefined || rest.length === 0 || !TITLE.test(first)) return;
  header.summary = first;
  header.description[0] = rest.join("\n");
}

// Capitalised, short, no sentence end: a title, not the first line of a description.
const TITLE = /^\p{Lu}[^.:!?]{0,80}$/u;

/** Drops the page chrome, keeping the title indexes pointing at their lines. */
function keep(all: Line[], titles: number[]): { lines: Line[]; titles: number[] } {
  const marked = new Set(titles.map((t) => all[t]));
  const lines = dropNoise(all, (list, i) => headingKind(list, i) !== undefined);
  const kept: number[] = [];
  lines.forEach((line, i) => {
    if (marked.has(line)) kept.push(i);
  });
  return { lines, titles: kept };
}

function emptyDocument(): OpenAPIDocument {
  return { openapi: "3.1.0", info: { title: "", version: "0.0.0" }, paths: {} };
}

/**
 * Detection: after whatever chrome the saving tool added, a method line followed by the path (or
 * `WEBHOOK` and an event), then a known section or a curl example: a browser copy, a text
 * extraction or a markdown scrape of a rendered reference page. Reads a bounded prefix.
 */
export function looksLikeMintlifyPage(text: string): boolean {
  return looksLikeOwnPage(text) || embeddedPage(text) !== undefined;
}

/** Detection, last of all forms: a webhook's payload as a field list under its title. */
export function looksLikePayloadPage(text: string): boolean {
  const lines = dropNoise(normalizePage(text.slice(0, 60_000)).lines, () => false);
  return findMethodLine(lines) < 0 && readPayloadPage(lines) !== undefined;
}

function looksLikeOwnPage(text: string): boolean {
  const lines = withCurlCall(dropNoise(normalizePage(text.slice(0, 60_000)).lines, () => false));
  const at = findMethodLine(lines);
  // A copy cut below the page's header still shows the fields as only a rendered page does:
  // its sections' titles and an anchor link per field. Read as one, it is refused naming
  // the operation line it lacks.
  if (at < 0)
    return (
      FIELD_ANCHORS.test(text.slice(0, 60_000)) && lines.some((line) => isSectionTitle(line.text))
    );
  const content = lines.filter((line, i) => i < at && line.text !== "").length;
  if (content === 0) return true;
  for (let i = at + 1; i < lines.length; i++) {
    const line = (lines[i] as Line).text;
    if (isSectionTitle(line) || /^curl(?:\s|$)/.test(line)) return true;
  }
  return false;
}

// Two fields' anchor links, as the rendered page gives every field one: `[](…#body-amount)`.
const FIELD_ANCHORS =
  /\]\([^)\s]*#(?:body|response|param|parameter|authorization|path|query|header)-[\w-]+\)[\s\S]*?\]\([^)\s]*#(?:body|response|param|parameter|path|query|header)-[\w-]+\)/;

const FENCE_OPEN = /^(`{3,}|~{3,})\s*(\S*)/;
const PLAIN_INFO = new Set(["", "text", "txt", "markdown", "md", "plaintext"]);

/**
 * A copy of the page kept inside someone's own notes: a fenced block (`## Full Content` then
 * three backticks) holding the rendered page. Returns the text with every line outside the
 * largest such block blanked, so line numbers stay those of the file; undefined when there is none.
 */
function embeddedPage(text: string): string | undefined {
  const lines = text.slice(0, 600_000).split("\n");
  let best: { start: number; end: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE_OPEN.exec(lines[i] as string);
    if (fence === null) continue;
    const open = fence[1] as string;
    let end = i + 1;
    while (end < lines.length && !(lines[end] as string).trimEnd().startsWith(open)) end++;
    const plain = PLAIN_INFO.has((fence[2] as string).toLowerCase());
    if (plain && (best === undefined || end - i > best.end - best.start))
      best = { start: i + 1, end };
    i = end;
  }
  if (best === undefined || best.end - best.start < 5) return undefined;
  const { start, end } = best;
  const inner = lines.map((line, i) => (i >= start && i < end ? line : "")).join("\n");
  return looksLikeOwnPage(inner) ? inner : undefined;
}
