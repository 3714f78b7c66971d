import { type Context, fail } from "../model/context.ts";
import { collectKeys, exampleAt } from "../model/infer.ts";
import type { PayloadModel } from "../model/payload.ts";
import { type NamedSchema, parseTypeLine, type Schema } from "../model/type-line.ts";
import { type ExampleHints, marker, NAME, readFields } from "./fields.ts";
import { opensJson } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isTableHeader } from "./table-rows.ts";

// (`application/json - object`: older Mintlify's dash where the dot now stands.)
const MEDIA = /^([a-z*]+\/[\w.+*-]+(?:\s*;[^\u00B7]*)?)(?:\s*\u00B7\s*(.+)|\s+-\s+(.+))?$/i;
// (`200 application/json`: an extraction that dropped the dash.)
const STATUS =
  /^([1-5]\d\d|[1-5]XX|default)(?:\s+[-—–]\s+(.+)|\s+((?:application|text|multipart|image|audio|video)\/[\w.+*-]+))?$/;
// `500 — Server Error`: a reason phrase after the code, where Mintlify would put the media type.
const REASON_PHRASE = /^[A-Z][A-Za-z']*(?: [A-Za-z']+){0,4}$/;
/** The reasons FastAPI gives its responses, which Mintlify shows beside or instead of the code. */
// FastAPI's reasons, and the headings hand-written pages put over each response example.
const REASON_CODES = new Map([
  ["Successful Response", "200"],
  // Fastify's description of a response its schema gives no description.
  ["Default Response", "200"],
  ["Validation Error", "422"],
  ["Success Response", "200"],
  ["Error Response", "default"],
  ["Failure Response", "default"],
]);

/** True for a response's reason shown where its status code would be (`Successful Response`). */
export function isReasonHeading(text: string): boolean {
  return REASON_CODES.has(text);
}
// Tab titles a hand-written page puts over each response's fields (`Success` / `Error`, no code):
// they open a block only at the section's top or beside another such tab, over fields or JSON.
const TAB_CODES = new Map([
  ["Success", "200"],
  ["Error", "default"],
]);
const STATUS_RUN = /^(?:(?:[1-5]\d\d|[1-5]XX)+|default)$/;
const OF_TYPE = /^The (?:response|body|request body|request) is of type (.+?)\.?$/;

/** Example hints for the field reader from an example value. */
export function hintsFor(example: unknown): ExampleHints {
  return { keys: collectKeys(example), at: (path) => exampleAt(example, path) };
}

/**
 * Reads the fields of a Body section or of one status block of a Response section; a preamble
 * line `The response is of type X` gives the payload's own type.
 */
export function readPayload(
  lines: Line[],
  start: number,
  end: number,
  media: Media,
  example: unknown,
  ctx: Context,
): PayloadModel {
  const list = readFields(lines, start, end, ctx, hintsFor(example), true);
  const paragraphs: string[] = [];
  let root = media.root;
  let named: NamedSchema[] = [];
  for (const paragraph of list.preamble) {
    const ofType = OF_TYPE.exec(paragraph.text);
    // Scrapes put the type in backticks.
    const typeText = (ofType?.[1] ?? "").replace(/^`(.*)`$/, "$1");
    const type = ofType === null ? undefined : parseTypeLine(typeText);
    if (type?.kind === "type") {
      root = type.schema;
      named = type.named;
    } else paragraphs.push(paragraph.text);
  }
  const options = list.rootOptions;
  const listed = options && enumRoot(root, options.values, example, list.fields.length);
  if (listed !== undefined) root = listed;
  else if (options !== undefined && !(Array.isArray(root?.enum) && options.values.length === 0)) {
    fail(ctx, options.line, "a field name and type before this line", "Available options:");
    // (Lenient: the options stay in the text, as the page shows them.)
    paragraphs.push(`Available options: ${options.values.join(", ")}`);
  }
  // `The response is of type enum<string>.` over no options: a copy that lost them.
  if (Array.isArray(root?.enum) && root.enum.length === 0) {
    const at = list.rootOptions?.line ?? (lines[start] as Line | undefined)?.no ?? 1;
    fail(ctx, at, "the Available options of the enum payload");
    root = { ...root };
    delete root.enum;
  }
  for (const paragraph of list.after ?? []) paragraphs.push(paragraph.text);
  return { media: media.media, root, named, fields: list.fields, paragraphs };
}

/**
 * A payload that is one of a few values (`Available options: created, running` under a task
 * status's description): an enum of the type the page or its example gives. Only where no field
 * follows and the page says so (an enum type) or shows one value (a string, a number); undefined
 * otherwise (options with no field above them are then a copy that lost the field's name).
 */
function enumRoot(
  root: Schema | undefined,
  options: string[],
  example: unknown,
  fields: number,
): Schema | undefined {
  const declared = Array.isArray(root?.enum);
  const shownScalar = typeof example === "string" || typeof example === "number";
  if (options.length === 0 || fields > 0 || (!declared && !shownScalar)) return undefined;
  // Numbers where the example is one: whole numbers all, else any numbers.
  const whole = options.every((v) => /^-?\d+$/.test(v));
  const shown = typeof example === "number" ? (whole ? "integer" : "number") : "string";
  const type = root?.type ?? shown;
  if (type !== "string" && type !== "integer" && type !== "number") return undefined;
  const numeric = type !== "string";
  if (numeric && options.some((v) => !Number.isFinite(Number(v)))) return undefined;
  const values = options.map((v) => (numeric ? Number(v) : v));
  // (The example shown must be one of them: else they are some field's, whose name was lost.)
  if (shownScalar && !values.includes(example as string | number)) return undefined;
  return { ...root, type: type === "integer" && !whole ? "number" : type, enum: values };
}

/** A media type, with the root type Mintlify may print after it (`application/json · Body · object`). */
export interface Media {
  media?: string | undefined;
  root?: Schema | undefined;
}

/** Reads `type/subtype[; params][ · Name · type]`; the name is dropped, since Mintlify's body and
 * response names ("Body") are not unique across pages. */
export function parseMedia(text: string): Media | undefined {
  const match = MEDIA.exec(text);
  if (match === null) return undefined;
  const media = (match[1] as string).trim();
  const typeText = (match[2] ?? match[3])?.split("\u00B7").at(-1)?.trim();
  const type = typeText === undefined ? undefined : parseTypeLine(typeText);
  return { media, root: type?.kind === "type" ? type.schema : undefined };
}

/** The media type line that may open a Body section (skipping blanks), and where fields start. */
export function readMediaLine(
  lines: Line[],
  start: number,
  end: number,
): { media?: Media | undefined; next: number } {
  let i = start;
  while (i < end && (lines[i] as Line).text === "") i++;
  const media = i < end ? parseMedia((lines[i] as Line).text) : undefined;
  return media === undefined ? { next: start } : { media, next: i + 1 };
}

/** One status block of a Response section. */
export interface StatusBlock {
  code: string;
  media?: Media | undefined;
  line: number;
  start: number;
  end: number;
  /** The reason phrase a hand-written page puts beside the code (`500 — Server Error`). */
  reason?: string | undefined;
}

/**
 * Splits a Response section on its status lines (`200 - application/json`, or `201` followed by a
 * media type line). Content before any status line is a 200 block.
 */
export function statusBlocks(
  lines: Line[],
  start: number,
  end: number,
  ctx: Context,
): StatusBlock[] {
  const blocks: StatusBlock[] = [];
  // Whether a field came since the last status: a status listed under a lead-in there is part
  // of that field's description.
  let amidFields = false;
  // Whether the blocks so far are tabs titled `Success` / `Error`.
  let tabbed = false;
  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    const first = !hasContent(lines, start, i);
    const head = readStatusHead(lines, i, end, ctx, first, amidFields, tabbed);
    if (head === undefined) {
      if (NAME.test(line.text) && marker(lines[i + 1]?.text ?? "") === "type") amidFields = true;
      continue;
    }
    amidFields = false;
    tabbed = head.tab === true;
    const last = blocks.at(-1);
    if (last !== undefined) last.end = i;
    // Fields before the first status are the success's; a lead-in sentence alone
    // (`The endpoint answers with one of the following:`) is no response.
    else if (hasContent(lines, start, i) && !leadInOnly(lines, start, i))
      blocks.push({ code: "200", line: line.no, start, end: i });
    blocks.push({
      code: head.code,
      media: head.media,
      line: line.no,
      start: head.next,
      end,
      reason: head.reason,
    });
    i = head.next - 1;
  }
  if (blocks.length === 0) {
    // No status at all: the section may still open with the media type.
    const { media, next } = readMediaLine(lines, start, end);
    blocks.push({ code: "200", media, line: lines[start - 1]?.no ?? 1, start: next, end });
  }
  return blocks;
}

/**
 * A status block's head: `200 - application/json`; or `201`, a media line (scrapes put a blank
 * line between); or a row of status tabs (`200` / `422`: the first is the one shown) then the
 * media; or FastAPI's reason (`Successful Response`, `200 - Validation Error`) with or without
 * a code, before the media.
 */
function readStatusHead(
  lines: Line[],
  at: number,
  end: number,
  ctx: Context,
  first: boolean,
  amidFields = false,
  tabbed = false,
):
  | {
      code: string;
      media?: Media | undefined;
      next: number;
      reason?: string | undefined;
      tab?: boolean;
    }
  | undefined {
  const text = (lines[at] as Line).text;
  const tabCode = TAB_CODES.get(text);
  if (tabCode !== undefined) {
    const m = skipBlank(lines, at + 1, end);
    // Not a value listed under a lead-in in a field's description (`One of:` / `Success` /
    // `Error`). The title stays the response's description.
    // (`Available options:` / `Success,` / `Error`: options, as a copy lists them.)
    const listed = underLeadIn(lines, at, (t) => TAB_CODES.has(t.replace(/,$/, "")));
    return (first || tabbed) && !listed && opensFields(lines, m, end)
      ? { code: tabCode, next: m, tab: true, reason: text }
      : undefined;
  }
  const reasonOnly = REASON_CODES.get(text);
  const match = reasonOnly === undefined ? STATUS.exec(text) : null;
  if (match === null && reasonOnly === undefined) return undefined;
  const code = reasonOnly ?? (match?.[1] as string);
  let reason = reasonOnly !== undefined;
  const inline = match?.[2] ?? match?.[3];
  let phrase: string | undefined;
  if (inline !== undefined) {
    if (REASON_CODES.has(inline)) reason = true;
    // `200 - undefined`: Mintlify's own rendering of a response that declares no content.
    else if (inline === "undefined") return { code, next: at + 1 };
    else if (parseMedia(inline) === undefined && REASON_PHRASE.test(inline)) {
      reason = true;
      phrase = inline;
    } else {
      const media = parseMedia(inline);
      if (media === undefined)
        fail(ctx, (lines[at] as Line).no, "a media type after the status code", inline);
      return { code, media, next: at + 1 };
    }
  }
  let m = skipBlank(lines, at + 1, end);
  // More status tabs (only the first tab's content is shown), then the reason.
  // (Text extractions glue the dropdown's codes together: `200404500`.)
  while (!reason && m < end && STATUS_RUN.test((lines[m] as Line).text))
    m = skipBlank(lines, m + 1, end);
  if (m < end && REASON_CODES.has((lines[m] as Line).text)) {
    reason = true;
    m = skipBlank(lines, m + 1, end);
  }
  const media = m < end ? parseMedia((lines[m] as Line).text) : undefined;
  if (media !== undefined) return { code, media, next: m + 1, reason: phrase };
  // A reason alone after the media type is the response's description, not a new block; a code
  // alone opens a block (with no media: a response without a body) only at the section's top,
  // or over its example JSON (scrapes that show each status's example in place of fields).
  const json = m < end && opensJson((lines[m] as Line).text);
  if (reasonOnly !== undefined) return json ? { code, next: m } : undefined;
  // `402 - Card Declined` amid a field's description opens no block: only over its JSON or
  // at the section's top.
  if (phrase !== undefined) {
    // Not a status listed under a lead-in (`…returns one of:`) in a field's description.
    // (Over the statuses listed before it, if any.)
    const listed = amidFields && underLeadIn(lines, at, (t) => STATUS.test(t));
    const over = m >= end || json || opensFields(lines, m, end);
    const opens = first || (!listed && (over || STATUS.test((lines[m] as Line).text)));
    return opens ? { code, next: m, reason: phrase } : undefined;
  }
  return reason || first || json ? { code, next: m } : undefined;
}

/**
 * True when the line above `at`, past blank lines and the items of its list (`listed`), ends a
 * lead-in (`One of:`). A few lines up at most: such lists are short, and a page of them stays
 * linear.
 */
function underLeadIn(lines: Line[], at: number, listed: (text: string) => boolean): boolean {
  let above = at - 1;
  const stop = Math.max(-1, at - 64);
  while (
    above > stop &&
    ((lines[above] as Line).text === "" || listed((lines[above] as Line).text))
  )
    above--;
  return /[:：]$/.test(lines[above]?.text ?? "");
}

/**
 * A table of fields (its header), a field (a name over its type) or JSON at line `at`, or
 * after a sentence or two that describe the response (`Returned when no hold has that id.`).
 */
function opensFields(lines: Line[], at: number, end: number): boolean {
  let k = at;
  for (let said = 0; k < end && said <= 2; said++) {
    const text = (lines[k] as Line).text;
    if (isTableHeader(text) || opensJson(text)) return true;
    if (NAME.test(text) && marker(lines[k + 1]?.text ?? "") === "type") return true;
    if (!/^\p{Lu}.*\s.*[.!?:]$/u.test(text)) return false;
    k = skipBlank(lines, k + 1, end);
  }
  return false;
}

/** True when lines[start..end) hold sentences only (no field, table or JSON). */
function leadInOnly(lines: Line[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const text = (lines[k] as Line).text;
    if (text !== "" && !/^\p{Lu}.*\s.*[.!?:]$/u.test(text)) return false;
  }
  return true;
}

function hasContent(lines: Line[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((lines[i] as Line).text !== "") return true;
  return false;
}
