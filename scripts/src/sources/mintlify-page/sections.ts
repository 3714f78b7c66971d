import { type Context, fail, note, quietly } from "../model/context.ts";
import { SECTION_HEADINGS, type SectionKind } from "../model/sections.ts";
import { isCurlStart, readCurl } from "./curl.ts";
import { isToggle, marker, NAME } from "./fields.ts";
import { type Line, skipBlankBack } from "./lines.ts";
import { isReasonHeading } from "./payloads.ts";

export type { SectionKind };

/** A section of the page: its kind, heading line and the lines after the heading. */
export interface Section {
  kind: SectionKind;
  heading: Line;
  start: number;
  end: number;
}

// A hand-written page's `Parameters`, which names no place: read as the query's, and each
// field placed by the operation (see GENERIC_PARAMETERS in operation.ts).
// (A hand-written page's own groups of them too: `Optional Parameters`, `Fixed Parameters`.)
const GROUPS = "Request Required Optional Fixed Variable Additional Common Input Other"
  .split(" ")
  .map((group) => `${group} Parameters`);
const HEADINGS: Readonly<Record<string, SectionKind>> = {
  ...SECTION_HEADINGS,
  Parameters: "query",
  ...Object.fromEntries(GROUPS.map((title) => [title, "query"])),
};

/** True for a heading that says parameters but not where they go. */
export function isGenericParameters(text: string): boolean {
  return text === "Parameters" || GROUPS.includes(text);
}

const SECTION_NOUNS =
  /^(?:[A-Z][a-z]+ ){0,2}(?:Parameters|Params|Headers|Body|Response|Responses|Cookies|Authorizations|Authentication|Security|Attributes|Fields|Properties|Callbacks|Webhooks|Events|Errors|Examples|Returns|Payload)$/;

/** True when a trimmed line is the title of a known section (whatever follows it). */
export function isSectionTitle(text: string): boolean {
  return Object.hasOwn(HEADINGS, text);
}

const SUBHEADING = /^(?:Params|Parameters|Fields|Properties|Attributes)$/;

function isBlank(lines: Line[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((lines[k] as Line).text !== "") return false;
  return true;
}

const MEDIA_OR_STATUS = /^(?:[a-z*]+\/[\w.+*-]+|[1-5]\d\d|[1-5]XX|default)(?:\s|$)/;

/**
 * The section kind a heading line names, if the line is a heading: followed by a blank line, or,
 * in copies that keep no blank lines, directly by a media type, a status code or a field.
 */
export function headingKind(lines: Line[], i: number): SectionKind | undefined {
  const text = (lines[i] as Line).text;
  if (isExampleResponse(text) && !(lines[i] as Line).own) return exampleKind(lines, i);
  if (!Object.hasOwn(HEADINGS, text) || (lines[i] as Line).own) return undefined;
  const next = lines[i + 1]?.text;
  if (next === undefined || next === "" || MEDIA_OR_STATUS.test(next)) return HEADINGS[text];
  // Or directly by a field: a name (not itself a pill: `Body` / `object` is a field named Body),
  // then its type or pill; or by the section's description, a sentence.
  const after = lines[i + 2]?.text ?? "";
  // `Response` over `CardDetails · object | null`: the titled schema of the whole response (a
  // field's own type line names no schema so).
  if (NAMED_ROOT.test(next) && marker(next) === "type") return HEADINGS[text];
  if (marker(next) !== undefined) return undefined;
  if (NAME.test(next) && after !== "" && marker(after) !== undefined) return HEADINGS[text];
  if (/\s/.test(next) && /[.:)]$/.test(next)) return HEADINGS[text];
  return text === "Response" && ownLines(lines, i) && onlyResponseTitle(lines)
    ? HEADINGS[text]
    : undefined;
}

/**
 * A fact of the whole page, found once per page (headingKind is asked of many lines), again if
 * its lines changed since.
 */
function perPage<T>(
  cache: WeakMap<Line[], { size: number; value: T }>,
  lines: Line[],
  find: () => T,
): T {
  let entry = cache.get(lines);
  if (entry === undefined || entry.size !== lines.length) {
    entry = { size: lines.length, value: find() };
    cache.set(lines, entry);
  }
  return entry.value;
}

// The keys the page's JSON shows (`"hook_id": …`).
const KEYS = new WeakMap<Line[], { size: number; value: Set<string> }>();

function jsonKeys(lines: Line[]): Set<string> {
  return perPage(KEYS, lines, () => {
    const keys = new Set<string>();
    for (const line of lines) {
      for (const m of line.text.matchAll(/"([^"\\]+)"\s*:/g)) keys.add(m[1] as string);
    }
    return keys;
  });
}

const REASON_WORD = /^(?:OK|Success|Successful|Created|Accepted|[1-5]\d\d)$/;

// Whether the page has one line titling a response (`Response`, `Response Fields`, …).
const ONE_TITLE = new WeakMap<Line[], { size: number; value: boolean }>();

/**
 * Whether the page has one response title only. (A `Response` read by its own lines alone must
 * be it: with another, one of them is a description's line, `Email` / `Response` / `Pager` in a
 * list of options, and which cannot be told without the blank lines.)
 */
function onlyResponseTitle(lines: Line[]): boolean {
  return perPage(ONE_TITLE, lines, () => {
    const titles = lines.filter(
      (line) => Object.hasOwn(HEADINGS, line.text) && HEADINGS[line.text] === "response",
    );
    return titles.length === 1;
  });
}

/**
 * A copy that kept no blank lines: the response's own lines (`Successful Response`, `OK`, its
 * description, a few at most) between its title and its first field, a name over its type.
 * (Other sections need none: a media type or a field comes right under their titles.)
 */
function ownLines(lines: Line[], i: number): boolean {
  for (let k = 1; k <= 4; k++) {
    const own = lines[i + k]?.text ?? "";
    if (own === "" || marker(own) !== undefined) return false;
    // A sentence or a status's reason, not a word of a list (`Email` / `Response` / `Pager`).
    if (!/\s/.test(own) && !REASON_WORD.test(own)) return false;
    const name = lines[i + k + 1]?.text ?? "";
    // (Its first field a key of the page's JSON, where it shows any: a description's list of
    // options that runs `Request` / `The call` / `Response` / `The reply` has none there.)
    if (NAME.test(name) && marker(lines[i + k + 2]?.text ?? "") === "type")
      return jsonKeys(lines).size === 0 || jsonKeys(lines).has(name);
  }
  return false;
}

const NAMED_ROOT = /^[A-Za-z][\w.-]* · /;

// A hand-written page's `Example Response` (`Response Structure`) over its JSON: the response,
// shown by example. (`Example Response (404)`: the example of that status.)
const EXAMPLE_RESPONSE =
  /^(?:(?:example|sample) responses?|responses? examples?)(?: \([1-5]\d\d\))?:?$/i;
// (`Response Structure` only as a title is written: `Response shape:` is a description's.)
const SHAPE_TITLE = /^Response (?:Structure|Shape)$/;
function isExampleResponse(text: string): boolean {
  return EXAMPLE_RESPONSE.test(text) || SHAPE_TITLE.test(text);
}

// A hand-written page's sample request (`Example (cURL)`, `Sample Request`): prose, not fields.
const EXAMPLE_TITLE =
  /^(?:(?:example|sample) (?:request|call|usage|code)s?(?: \([^)]{1,20}\))?|(?:request|code) (?:examples?|samples?)|examples? \([^)]{1,20}\))$/i;

/** True for a hand-written page's `Example Response` heading that names no status. */
export function isExampleHeading(text: string): boolean {
  return isExampleResponse(text) && !/\d/.test(text);
}

function exampleKind(lines: Line[], i: number): SectionKind | undefined {
  let k = i + 1;
  while (k < lines.length && (lines[k] as Line).text === "") k++;
  return /^[{[]/.test(lines[k]?.text ?? "") ? "response" : undefined;
}

/** True for a line shaped like a section heading that this parser does not know. */
export function isUnknownHeading(lines: Line[], i: number): boolean {
  if ((lines[i] as Line).own) return true;
  const text = (lines[i] as Line).text;
  // A response's reason, shown under or instead of the status: a description, not a heading.
  if (isReasonHeading(text)) return false;
  if (Object.hasOwn(HEADINGS, text) || isToggle(lines, i)) return false;
  // `Example usage` over a sample ends a section only where no field follows it: amid a
  // field's description, it is the description's.
  if (!SECTION_NOUNS.test(text) && !(EXAMPLE_TITLE.test(text) && isProse(lines, i + 1)))
    return false;
  const prev = i > 0 ? (lines[i - 1] as Line).text : "";
  const next = lines[i + 1]?.text;
  if (prev !== "" || (next !== undefined && next !== "")) return false;
  // Right under `200 - application/json`: the response's description (`Default Response`).
  let above = i - 1;
  while (above >= 0 && (lines[above] as Line).text === "") above--;
  return !MEDIA_OR_STATUS.test(lines[above]?.text ?? "");
}

/**
 * True when lines[from..] up to the next known section holds no type line: the page's own prose
 * under a heading of its own (`### Errors` over a paragraph), not a section of fields.
 */
export function isProse(lines: Line[], from: number): boolean {
  for (let k = from; k < lines.length && headingKind(lines, k) === undefined; k++) {
    const text = (lines[k] as Line).text;
    // Any pill (a type, even one this reader does not know, `required`, `default: 1`) is a field's.
    if (text !== "" && marker(text) !== undefined) return false;
  }
  return true;
}

function knownAfter(lines: Line[], from: number): boolean {
  for (let k = from; k < lines.length; k++) if (headingKind(lines, k) !== undefined) return true;
  return false;
}

/**
 * Splits lines[from..] into sections. Text before the first heading is returned as `before`
 * (the caller decides what it may be); an unknown heading is an error, and in lenient mode its
 * lines are skipped up to the next known heading.
 */
export function splitSections(
  lines: Line[],
  from: number,
  ctx: Context,
): { before: number; sections: Section[]; leftOut: number[] } {
  const sections: Section[] = [];
  // Where each part left out above the reference starts: its lines are no section's.
  const leftOut: number[] = [];
  let before = lines.length;
  let current: Section | undefined;
  let skipping = false;
  for (let i = from; i < lines.length; i++) {
    let kind = headingKind(lines, i);
    // `Parameters` under a Response or Body section is that section's sub-heading.
    const inPayload = current?.kind === "response" || current?.kind === "body";
    if (kind !== undefined && inPayload && isGenericParameters((lines[i] as Line).text)) {
      // A label inside the section, as a scrape's sub-heading is: no field's text.
      (lines[i] as Line).heading = true;
      kind = undefined;
    }
    if (kind === undefined && current !== undefined && sampleBelow(lines, i, ctx)) {
      // A curl sample below the section (under its `Example` label), fields after it none: no
      // part of the section (not a response's description, not a field that lost its name).
      const label = skipBlankBack(lines, i - 1);
      current.end = label > current.start && isSampleLabel(lines, label) ? label : i;
      current = undefined;
      continue;
    }
    if (kind !== undefined) {
      if (current !== undefined) current.end = i;
      else if (!skipping) before = Math.min(before, i);
      current = { kind, heading: lines[i] as Line, start: i + 1, end: lines.length };
      sections.push(current);
      skipping = false;
    } else if (isUnknownHeading(lines, i)) {
      const line = lines[i] as Line;
      // Before the first section, a heading over prose is the description's own. After one
      // (`## Usage`, `## Errors` a page adds above the generated reference), it ends that
      // section: nothing in it is a field, so nothing is lost.
      if (!skipping && isProse(lines, i + 1)) {
        if (current !== undefined) current.end = i;
        current = undefined;
        continue;
      }
      // `Body` then `#### Params` before any field: a label inside the section, not another one.
      if (current !== undefined && SUBHEADING.test(line.text) && isBlank(lines, current.start, i)) {
        current.start = i + 1;
        continue;
      }
      // Above the reference, a scrape's `## Request Parameters` (an h2 of the page's own MDX,
      // which Mintlify renders there; its sections are h4s) lists by hand what the reference
      // below documents: left out with a warning rather than refused. A copy that kept no
      // heading levels cannot tell it from a section, and stays refused.
      const known =
        "a known section (Authorizations, Path Parameters, Query Parameters, " +
        "Headers, Cookies, Body, Response)";
      // `Errors` after the response, over statuses: the errors a hand-written page lists (a
      // reason, a type, a sentence each); no part of the success it documents. Left out, and said.
      const next = lines.slice(i + 1).find((l) => l.text !== "")?.text ?? "";
      if (
        sections.at(-1)?.kind === "response" &&
        ERRORS.test(line.text) &&
        /^[1-5]\d\d\b/.test(next)
      ) {
        note(ctx, line.no, `${known} (the error responses it lists are left out)`, line.text);
      } else if (sections.length === 0 && line.heading === true && knownAfter(lines, i + 1)) {
        note(
          ctx,
          line.no,
          `${known}; above the reference, read only for fields the reference lacks`,
          line.text,
        );
        leftOut.push(i);
      } else fail(ctx, line.no, known, line.text);
      if (current !== undefined) current.end = i;
      else before = Math.min(before, i);
      current = undefined;
      skipping = true;
    }
  }
  return { before, sections, leftOut };
}

const ERRORS = /^(?:errors|error (?:codes|responses)|errors? and status codes)$/i;

/**
 * A curl command in a section with nothing after it up to the next section (or the page's end)
 * but blank lines and sentences: no pill, no table, no name on a line of its own.
 */
function sampleBelow(lines: Line[], i: number, ctx: Context): boolean {
  if (!isCurlStart((lines[i] as Line).text)) return false;
  const from = readCurl(lines, i, quietly(ctx)).end + 1;
  // (A few paragraphs at most: a scan bounded, so that a page of many samples stays linear.)
  for (let k = from; k < Math.min(lines.length, from + 200); k++) {
    if (headingKind(lines, k) !== undefined) return true;
    const text = (lines[k] as Line).text;
    if (text !== "" && (!AFTER_SAMPLE.test(text) || marker(text) !== undefined)) return false;
  }
  return from + 200 >= lines.length;
}

// A sentence (`Returns the new brew.`), or a status line under the sample (`200 OK`).
const AFTER_SAMPLE = /^(?:\p{Lu}[^\t|]*\s[^\t|]*[.!?]|[1-5]\d\d(?: [A-Z][\w ]*)?)$/u;

/** `Example`, `Request`, `cURL`: a one- or two-word label over a sample, blank above it. */
function isSampleLabel(lines: Line[], i: number): boolean {
  const text = (lines[i] as Line).text;
  return /^(?:[A-Za-z]+(?: [A-Za-z]+)?)$/.test(text) && (lines[i - 1]?.text ?? "") === "";
}

/**
 * A copy that lost the `Authorizations` heading: before the first section, a field whose pills
 * include `header` (or `query`, `cookie`), or named `Authorization` (a header by its name), where
 * Mintlify lists the authorization fields. Returns
 * the section those fields make, or undefined.
 */
export function lostAuthorizations(lines: Line[], from: number, end: number): Section | undefined {
  // (By its name only over a section of the page's (a field of a page with no heading at all is
  // placed by the unheaded reader), and where the page has no `Authorizations` of its own: a
  // playground's `Authorization` input above it is no field.)
  let byName: boolean | undefined;
  const nameCounts = () => {
    byName ??= end < lines.length && !hasAuthorizations(lines);
    return byName;
  };
  for (let i = from; i < end; i++) {
    const name = (lines[i] as Line).text;
    if (!NAME.test(name) || (i > from && (lines[i - 1] as Line).text !== "")) continue;
    const pills: string[] = [];
    for (let k = i + 1; k < end && marker((lines[k] as Line).text) !== undefined; k++)
      pills.push((lines[k] as Line).text);
    if (
      pills.length > 0 &&
      marker(pills[0] as string) === "type" &&
      (pills.some((p) => AUTH_PLACES.has(p)) || (/^authorization$/i.test(name) && nameCounts()))
    )
      return { kind: "auth", heading: lines[i] as Line, start: i, end };
  }
  return undefined;
}

const AUTH_PLACES = new Set(["header", "query", "cookie"]);

/** True when the page has an `Authorizations` section of its own. */
export function hasAuthorizations(lines: Line[]): boolean {
  return lines.some((_, k) => headingKind(lines, k) === "auth");
}
