import { type Context, fail, note } from "../model/context.ts";
import type { ResponseExample } from "../model/operation.ts";
import { type CurlExample, isCurlStart, readCurl } from "./curl.ts";
import { opensJson, parseJson, readJsonBlock } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import {
  hasAuthorizations,
  headingKind,
  isProse,
  isSectionTitle,
  isUnknownHeading,
  lostAuthorizations,
} from "./sections.ts";

export const METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)$/;
// Text extractors glue the method pill to the path: `GET/v1/things`.
// `POST /v1/ask`; a hand-written page's header may give the whole URL (`POST https://host/v1/ask`).
// (Only the path: a query the URL shows is an example's.)
const METHOD_AND_PATH =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s*(https?:\/\/[^\s/?#]+)?(\/[^\s?#]*)(?:[?#]\S*)?$/;
/** A webhook reference page shows `WEBHOOK` where a method would be, and the event name. */
const WEBHOOK_AND_EVENT = /^WEBHOOK\s+([^\s/][^\s]*)$/;
const EVENT = /^[A-Za-z_][\w.:{}/-]*$/;
const STATUS_TAB = /^(?:[1-5]\d\d|default)$/;
/** What Mintlify shows under a status tab whose response has no example. */
const NO_BODY = /^This response (?:has no body data|does not have an example)\.?$/;

/** Everything above the first section: the operation line, title, examples. */
export interface Header {
  method: string;
  path: string;
  /** A webhook page: `path` is the event name, `method` the one it is delivered with. */
  webhook: boolean;
  /** The base URL the page shows between the method and the path (its server selector). */
  server?: string | undefined;
  summary: string;
  description: string[];
  curl?: CurlExample | undefined;
  /** The response examples after the curl command, with the status tab shown above them. */
  examples: ResponseExample[];
  /** Index of the first line after the examples. */
  next: number;
}

/** Titles known apart from the line after the path: h1 headings (by index) and a saved title. */
export interface TitleHints {
  titles: number[];
  saved?: string | undefined;
}

/** Reads the header of the page; undefined (after reporting) when there is no method line. */
export function readHeader(
  lines: Line[],
  ctx: Context,
  hints: TitleHints = { titles: [] },
): Header | undefined {
  const at = findMethodLine(lines);
  const methodLine = lines[at];
  if (methodLine === undefined) {
    const first = lines[skipBlank(lines, 0)];
    fail(
      ctx,
      first?.no ?? 1,
      "an HTTP method line followed by the path",
      first?.text ?? "end of page",
    );
    return undefined;
  }
  const joined = METHOD_AND_PATH.exec(methodLine.text);
  const event = WEBHOOK_AND_EVENT.exec(methodLine.text);
  const webhook = event !== null || methodLine.text === "WEBHOOK";
  const pieces =
    joined !== null ? [joined[3] as string] : event !== null ? [event[1] as string] : [];
  const servers: string[] = joined?.[2] !== undefined ? [joined[2]] : [];
  // `GET /api/v2/wallet/` then `reveal_card_details`: a path the page wrapped after a slash.
  const wrapped = joined !== null && (joined[3] as string).endsWith("/");
  let i =
    (joined !== null && !wrapped) || event !== null
      ? at + 1
      : readPath(lines, skipServers(lines, at + 1, servers), pieces, webhook, wrapped);
  const header: Header = {
    method: webhook ? "POST" : joined === null ? methodLine.text : (joined[1] as string),
    path: "",
    webhook,
    server: servers[0],
    summary: "",
    description: [],
    examples: [],
    next: i,
  };
  const heading = hints.titles.filter((t) => t < at).at(-1);
  // Scrapes and text extractions leave blank lines (and dropped `Try it` chrome) before the title.
  if (
    lines[i]?.text === "" &&
    isTitleLine(lines[skipBlank(lines, i)], lines, skipBlank(lines, i))
  ) {
    i = skipBlank(lines, i);
  }
  const summaryLine = lines[i];
  if (heading !== undefined) {
    header.summary = (lines[heading] as Line).text;
    // The title again, as the code group's name, after the path.
    const again = skipBlank(lines, i);
    if (lines[again]?.text === header.summary) i = again + 1;
  } else if (
    isTitleLine(summaryLine, lines, i) &&
    !notTitle(summaryLine as Line, lines, at, hints.saved)
  ) {
    header.summary = (summaryLine as Line).text;
    i++;
  } else {
    // The title shown only above the method line (a copy whose path runs into the sections).
    const above = leadTitle(lines, at);
    const last = pieces.at(-1) as string;
    if (above !== undefined) header.summary = above;
    else if (hints.saved !== undefined) header.summary = hints.saved;
    // A one-word title after a trailing "/" reads like a path segment: give it back. Titles are
    // capitalised; a lower-case word (`create-batch-call`) is the path's own segment.
    else if (pieces.length > 1 && /^\p{Lu}/u.test(last)) header.summary = pieces.pop() as string;
    // Otherwise the saving tool dropped the title: the operation stands without a summary.
  }
  // `/knowledge-bases/:id` (a hand-written page's path): OpenAPI writes the parameter `{id}`.
  const path = pieces.join("");
  header.path = webhook ? path : path.replace(/(?<=\/):([A-Za-z_][\w-]*)(?=\/|$)/g, "{$1}");
  header.description = leadDescription(lines, at, heading, header.summary);
  // A status tab alone starts the response examples (when no curl sample was kept).
  // An SDK sample where the panel would be; a code line under a lead-in (`With the Node SDK:`)
  // is the description's.
  // (A paragraph with a line ending in `:`: the sample it introduces goes on in it.)
  const leadIn = () => /:\s*(?:\n|$)/.test(header.description.at(-1) ?? "");
  const stop = (text: string) =>
    isCurlStart(text) ||
    opensJson(text) ||
    STATUS_TAB.test(text) ||
    (SDK_SAMPLE.test(text) && !leadIn());
  // (A copy that lost the `Authorizations` heading and shows no example panel: its fields end
  // the description. Not where the page has Authorizations of its own, nor above a panel: the
  // fields a page shows there are a playground's inputs, and what follows them the panel.)
  let end = i;
  while (end < lines.length && headingKind(lines, end) === undefined) end++;
  const panel = lines.slice(i, end).some((line) => stop(line.text));
  const auth =
    panel || hasAuthorizations(lines) ? undefined : lostAuthorizations(lines, i, end)?.start;
  i = readParagraphs(lines, i, header.description, stop, auth);
  if (i < lines.length && isCurlStart((lines[i] as Line).text)) {
    header.curl = readCurl(lines, i, ctx);
    i = header.curl.end + 1;
  } else if (i < lines.length && SDK_SAMPLE.test((lines[i] as Line).text))
    i = afterSample(lines, i);
  header.next = readExamples(lines, i, ctx, header.examples);
  if (header.curl === undefined && header.examples.length === 0)
    readPanelAbove(lines, at, header, ctx);
  return header;
}

// The first line of a code sample in an SDK's language, which a copy keeps where the page's
// example panel shows that language first (`import { Novu } from '@novu/node';`).
const SDK_SAMPLE =
  /^(?:import\s+[\w{*]|from\s+[\w.]+\s+import\s|const\s+\w+\s*=|let\s+\w+\s*=|await\s+\w|require\(|package\s+\w+)/;

/**
 * Where an SDK sample ends: at the response example (JSON from the line's start, where the
 * sample's own objects are indented), a status tab, a section, or a sentence after a blank line
 * (the description the copy put after the panel). Its code is no example.
 */
function afterSample(lines: Line[], start: number): number {
  let k = start + 1;
  while (k < lines.length) {
    const line = lines[k] as Line;
    if (/^[{[]/.test(line.raw) || STATUS_TAB.test(line.text) || headingKind(lines, k)) break;
    const prose = /^\p{Lu}[^;{}()=<>]*[.!?:]$/u.test(line.text) && /\s/.test(line.text);
    if (prose && (lines[k - 1] as Line).text === "") break;
    k++;
  }
  return k;
}

/**
 * A browser copy takes the page in document order, where the example panel (the right-hand
 * column) comes before the title: the curl command and response examples are then above the
 * method line.
 */
function readPanelAbove(lines: Line[], at: number, header: Header, ctx: Context): void {
  const start = lines.findIndex((line, k) => k < at && isCurlStart(line.text));
  if (start < 0) return;
  const above = lines.slice(0, at);
  header.curl = readCurl(above, start, ctx);
  readExamples(above, header.curl.end + 1, ctx, header.examples);
}

/**
 * A copy that shows the title only above the method line: the block of lines right above it is
 * `[breadcrumb] title [description]`; one line is the title, more end with the description.
 */
function leadTitle(lines: Line[], at: number): string | undefined {
  const whole = blockAbove(lines, at);
  // The example panel, when a copy puts it right above the title, is no part of it.
  let code = whole.lines.length - 1;
  while (code >= 0 && !isCode(whole.lines[code] as string)) code--;
  const block = { start: whole.start + code + 1, lines: whole.lines.slice(code + 1) };
  let title = block.lines.length === 1 ? block.lines[0] : block.lines.at(-2);
  // `Title`, a blank line, then the one-sentence description: the title is the block above.
  if (block.lines.length === 1 && isSentence(title as string)) {
    const above = blockAbove(lines, block.start);
    if (above.lines.length > 0 && !isSentence(above.lines.at(-1) as string)) {
      title = above.lines.at(-1);
    }
  }
  return title === undefined || isServerList(title) ? undefined : title;
}

/**
 * The servers a copy lists on one line (`https://eu.x.test https://us.x.test`), or the method
 * alone above them: no title.
 */
function isServerList(text: string): boolean {
  return /^(?:https?:\/\/\S+\s*)+$/.test(text) || /^(?:GET|POST|PUT|PATCH|DELETE)$/.test(text);
}

/** The lines of the paragraph that ends above line `at` (text extractors leave blank lines). */
function blockAbove(lines: Line[], at: number): { start: number; lines: string[] } {
  let end = at;
  while (end > 0 && (lines[end - 1] as Line).text === "") end--;
  let start = end;
  while (start > 0 && (lines[start - 1] as Line).text !== "") start--;
  return { start, lines: lines.slice(start, end).map((line) => line.text) };
}

/** A line of the example panel: a curl command or JSON. */
function isCode(text: string): boolean {
  return isCurlStart(text) || opensJson(text) || /^(?:[}\]]|"[^"]*":)/.test(text);
}

/**
 * After the path, a sentence (the description) or a hand-written page's own heading
 * (`Endpoint`) where the page's title stands above the method line: no title.
 */
function notTitle(line: Line, lines: Line[], at: number, saved?: string): boolean {
  // A sentence of some length that ends with a full stop, where the page gives its title
  // elsewhere (above the method, or the saving tool's): the description. A single sentence with
  // no other title is the title (a generated page's summary may end with a full stop).
  const long = /\.$/.test(line.text) && line.text.split(/\s+/).length >= 6;
  // (Or two sentences, which no title is.)
  const sentences = /[.!?]\s+\p{Lu}/u.test(line.text);
  if (long && (sentences || saved !== undefined || leadTitle(lines, at) !== undefined)) return true;
  if (!isSentence(line.text) && !OWN_HEADINGS.test(line.text)) return false;
  const above = leadTitle(lines, at);
  return OWN_HEADINGS.test(line.text) || (above !== undefined && !isSentence(above));
}

// The headings hand-written reference pages open with, which are no operation's title.
const OWN_HEADINGS = /^(?:endpoint|endpoints|http request|request|overview|description|url)$/i;

function isSentence(text: string): boolean {
  return /[.!?:]$/.test(text) || text.length > 80;
}

function isTitleLine(line: Line | undefined, lines: Line[], i: number): boolean {
  if (line === undefined || line.text === "") return false;
  const text = line.text;
  // Right after the path a title-like line is the title, even where it could head a section.
  if (headingKind(lines, i) !== undefined) return false;
  if (isServerList(text)) return false;
  return !isCurlStart(text) && !opensJson(text) && !STATUS_TAB.test(text) && !SDK_SAMPLE.test(text);
}

/**
 * The description above the method line: the paragraphs after the page title when the title is
 * found there (a breadcrumb, logo or site navigation comes before it), else all of them but the
 * lines that repeat the title.
 */
function leadDescription(
  lines: Line[],
  at: number,
  heading: number | undefined,
  summary: string,
): string[] {
  let from = heading === undefined ? -1 : heading + 1;
  if (from < 0) {
    for (let k = at - 1; k >= 0; k--) {
      if ((lines[k] as Line).text === summary) {
        from = k + 1;
        break;
      }
    }
  }
  const lead: string[] = [];
  readParagraphs(lines, Math.max(from, 0), lead, () => false, at);
  // The code panel some copies show above the method line (curl, status tab, example) is no
  // description.
  const prose = lead.filter(
    (text) => !text.split("\n").some(isCode) && !STATUS_TAB.test(text) && text !== "'",
  );
  if (from >= 0) return prose;
  return prose
    .map((text) =>
      text
        .split("\n")
        .filter((line) => line !== summary && !isServerList(line))
        .join("\n"),
    )
    .filter((text) => text !== "");
}

/**
 * The operation line: a method alone followed by a path line (blank lines between allowed),
 * method and path on one line, or `WEBHOOK` and an event name.
 */
export function findMethodLine(lines: Line[]): number {
  // A whole URL (`POST https://host/v1/ask`) names the operation only on a page with no other
  // method line: in prose it is an example of another call.
  const own = methodLine(lines, false);
  return own >= 0 ? own : methodLine(lines, true);
}

function methodLine(lines: Line[], withHost: boolean): number {
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (WEBHOOK_AND_EVENT.test(text) || isSplitMethod(lines, i)) return i;
    const joined = METHOD_AND_PATH.exec(text);
    if (joined === null || (joined[2] !== undefined) !== withHost) continue;
    // (A scrape's `http` block request line names the operation another way: endpointLine; a
    // curl to another path shows the call the URL is not.)
    if (withHost && (lines[i] as Line).requestLine) continue;
    if (withHost && !sameAsCurl(lines, joined[3] as string)) continue;
    // A title spelled as the operation (`GET /status/{id}`, in the breadcrumb) above the page's
    // own method pill and path: the pill is the method line.
    const method = text.split(/\s/)[0];
    for (let k = i + 1; k < Math.min(lines.length, i + 80); k++) {
      if ((lines[k] as Line).text === method && isSplitMethod(lines, k)) return k;
    }
    return i;
  }
  return -1;
}

/** True when the page's first curl, if any, calls `path` (its URL ends with it). */
function sameAsCurl(lines: Line[], path: string): boolean {
  const start = lines.findIndex((line) => isCurlStart(line.text));
  if (start < 0) return true;
  for (let k = start; k < Math.min(lines.length, start + 12); k++) {
    const url = /https?:\/\/[^\s'"\\]+/.exec((lines[k] as Line).text)?.[0];
    if (url !== undefined) return (url.split(/[?#]/)[0] as string).endsWith(path);
  }
  return true;
}

/** A method (or `WEBHOOK`) alone on its line, then (past any servers) the path or the event. */
function isSplitMethod(lines: Line[], i: number): boolean {
  const text = (lines[i] as Line).text;
  if (!METHOD.test(text) && text !== "WEBHOOK") return false;
  const after = text === "WEBHOOK" ? skipBlank(lines, i + 1) : skipServers(lines, i + 1, []);
  const next = lines[skipBlank(lines, after)]?.text ?? "";
  return text === "WEBHOOK" ? EVENT.test(next) : next.startsWith("/") && !/\s/.test(next);
}

/**
 * A page whose method pill the saving tool lost shows the path alone, right above the curl
 * example; the example's method (`--request`, else GET, or POST with data) and URL, which must end
 * with that path, restore it. Returns the lines with the method put back, or the lines as they were.
 */
export function restoreMethod(lines: Line[]): Line[] {
  if (findMethodLine(lines) >= 0) return lines;
  const labelled = endpointLine(lines);
  if (labelled !== undefined) return labelled;
  for (let i = 0; i < lines.length; i++) {
    const path = (lines[i] as Line).text;
    if (!/^\/\S*$/.test(path)) continue;
    const start = skipBlank(lines, i + 1);
    if (!isCurlStart(lines[start]?.text ?? "")) continue;
    const curl = curlEndpointOf(lines, start);
    if (curl === undefined || !curl.path.endsWith(path)) continue;
    const method = curl.method;
    const line = lines[i] as Line;
    return [...lines.slice(0, i), { no: line.no, raw: method, text: method }, ...lines.slice(i)];
  }
  return curlEndpoint(lines) ?? requestLineEndpoint(lines) ?? lines;
}

// `POST https://api.acme.io/v1/things` in an `http` block: an HTTP request line with its URL.
export const URL_REQUEST_LINE =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(https?:\/\/[^/\s]+)(\/[^\s?#]*)?(?:[?#]\S*)?(?:\s+HTTP\/[\d.]+)?$/;

/**
 * A hand-written reference page whose copy shows no method pill nor curl example but an HTTP
 * request in a code block (`POST https://api.acme.io/v1/x` over its headers): the method, server
 * and path, put back above it, when the page's sections follow it.
 */
function requestLineEndpoint(lines: Line[]): Line[] | undefined {
  const start = lines.findIndex((line) => line.requestLine === true);
  if (start < 0 || !lines.slice(start).some((line) => isSectionTitle(line.text))) return undefined;
  const match = URL_REQUEST_LINE.exec((lines[start] as Line).text);
  if (match === null) return undefined;
  const [, method, origin, path] = match;
  return withEndpoint(lines, start, [method as string, origin as string, path ?? "/"], 1);
}

/** The method, server and path lines put in at `start`, in place of `replaced` lines there. */
function withEndpoint(lines: Line[], start: number, parts: string[], replaced: number): Line[] {
  const no = (lines[start] as Line).no;
  const line = (text: string): Line => ({ no, raw: text, text });
  return [...lines.slice(0, start), ...parts.map(line), line(""), ...lines.slice(start + replaced)];
}

/** The method (`--request`, else GET, or POST with data) and URL of the curl command at `start`. */
function curlEndpointOf(
  lines: Line[],
  start: number,
): { method: string; origin: string; path: string } | undefined {
  let end = start;
  while (end + 1 < lines.length && (lines[end] as Line).text.endsWith("\\")) end++;
  const command = lines
    .slice(start, end + 1)
    .map((line) => line.text)
    .join(" ");
  const url = /(https?:\/\/[^/\s'"\\]+)(\/[^\s'"\\?#]*)?/.exec(command);
  const method =
    /(?:--request|-X)\s+['"]?([A-Z]+)/.exec(command)?.[1] ??
    (/\s(?:--data\S*|-d|--form|-F)(?:\s|$)/.test(command) ? "POST" : "GET");
  if (url === null || !METHOD.test(method)) return undefined;
  return { method, origin: url[1] as string, path: url[2] ?? "" };
}

/**
 * A copy that lost the method pill and the path both: the first curl example, when the page's
 * sections follow it, says them (its method and URL), put back above it.
 */
function curlEndpoint(lines: Line[]): Line[] | undefined {
  const start = lines.findIndex((line) => isCurlStart(line.text));
  if (start < 0 || !lines.slice(start).some((line) => isSectionTitle(line.text))) return undefined;
  const curl = curlEndpointOf(lines, start);
  if (curl === undefined) return undefined;
  const { method, origin, path } = curl;
  return withEndpoint(lines, start, [method, origin, path], 0);
}

// One server or several: a selector copied as `https://a.io https://sandbox.a.io`.
const SERVER = /^https?:\/\/\S+(?:\s+https?:\/\/\S+)*$/;

/**
 * Pages of an API with servers show the base URL(s) between the method and the path (one per
 * line, or glued together by a text extractor); collects them and returns where the path starts.
 */
function skipServers(lines: Line[], from: number, into: string[]): number {
  let i = skipBlank(lines, from);
  while (i < lines.length && SERVER.test((lines[i] as Line).text)) {
    into.push(...(lines[i] as Line).text.split(/\s+|(?=https?:\/\/)/).filter((url) => url !== ""));
    i = skipBlank(lines, i + 1);
  }
  return i;
}

/**
 * The path, one segment per line (`/`, `v1`, `/`, `{id}`), a line may also hold several, and
 * scrapes put blank lines between them; for a webhook, the event name.
 */
// A path segment on a line of its own; `{` or `[` alone opens the example JSON after a path
// that ends with a slash (`/api-keys/`), when the copy kept no title between them.
const SEGMENT = /^(?![{[]$)[^\s/]+$/;

/** A segment, not the section after a path that ends with a slash (`/v1/memories/`, `Authorizations`). */
function isSegment(text: string): boolean {
  return SEGMENT.test(text) && !isSectionTitle(text);
}

function readPath(
  lines: Line[],
  from: number,
  pieces: string[],
  webhook: boolean,
  afterSlash = false,
): number {
  // A wrapped path goes on at once on the next line; after a blank line, that is a title.
  if (afterSlash && lines[from]?.text === "") return from;
  let i = skipBlank(lines, from);
  if (webhook) {
    // A truncated page may end at the WEBHOOK pill: no event name, which the caller reports.
    if (i < lines.length) pieces.push((lines[i] as Line).text);
    return i + 1;
  }
  let expectSegment = afterSlash;
  for (; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (text === "") {
      const next = lines[skipBlank(lines, i)]?.text ?? "";
      const continues = expectSegment ? isSegment(next) : next === "/";
      if (!continues) break;
      continue;
    }
    // `/invoices{invoice_id}`, a spec's path missing its slash, split at the parameter: a
    // title is never a `{name}` alone.
    const parameter = !expectSegment && pieces.length > 0 && /^\{[\w-]+\}$/.test(text);
    if (text.startsWith("/") && !/\s/.test(text)) expectSegment = text.endsWith("/");
    else if (expectSegment && isSegment(text)) expectSegment = false;
    else if (!parameter) break;
    pieces.push(text);
  }
  return i;
}

/** The response examples from line `from` on (status tabs, then JSON); the index after them. */
export function readExamples(
  lines: Line[],
  from: number,
  ctx: Context,
  into: Header["examples"],
): number {
  let i = from;
  // Once an example was left out (no JSON), an example with no status tab cannot be placed: the
  // status an example's place gives is the one it would have had.
  let lost = false;
  for (;;) {
    i = skipBlank(lines, i);
    // The panel's `Response` label over an example with no status tabs (hand-written pages).
    const after = skipBlank(lines, i + 1);
    if (lines[i]?.text === "Response" && opensJson(lines[after]?.text ?? "")) i = after;
    // Status tabs above the example ("200", "400"): the example shown is the first tab's.
    // Scrapes put blank lines between the tabs.
    let tabs = i;
    let code: string | undefined;
    for (; tabs < lines.length; tabs++) {
      const text = (lines[tabs] as Line).text;
      if (STATUS_TAB.test(text)) code ??= text;
      else if (text !== "" || code === undefined) break;
    }
    const line = lines[tabs];
    if (line === undefined) return code === undefined ? i : tabs;
    if (NO_BODY.test(line.text)) {
      i = tabs + 1;
      continue;
    }
    if (!opensJson(line.text)) {
      if (code !== undefined && headingKind(lines, tabs) !== undefined) return tabs;
      // A scalar example (`"<string>"`, `123`) for a response that is not an object.
      const scalar = line.text === "" ? undefined : parseJson(line.text);
      if (scalar?.ok !== true || !isExampleEnd(lines, tabs + 1)) return i;
      into.push({ value: scalar.value, line: line.no, code });
      i = tabs + 1;
      continue;
    }
    const block = readJsonBlock(lines, tabs, ctx, "response example", true);
    if (block === undefined) return nextHeading(lines, tabs + 1);
    if (block.rest.trim() !== "") {
      fail(ctx, (lines[block.end] as Line).no, "the end of the line after the example", block.rest);
    }
    if (!block.malformed && lost && code === undefined)
      note(
        ctx,
        line.no,
        "an example after the one left out with a status tab to place it (left out)",
      );
    else if (!block.malformed)
      into.push({ value: block.value, line: line.no, code, shapeOnly: block.shapeOnly });
    lost ||= block.malformed === true;
    i = block.end + 1;
  }
}

/** Collects paragraphs (blank-separated) until a heading or a line `stop` accepts. */
export function readParagraphs(
  lines: Line[],
  from: number,
  into: string[],
  stop: (text: string) => boolean,
  until = lines.length,
): number {
  let i = from;
  let open = false;
  for (; i < until; i++) {
    const text = (lines[i] as Line).text;
    // A heading of the page's own over prose (`Errors`) stays in the description.
    const unknown = isUnknownHeading(lines, i) && !isProse(lines, i + 1);
    if (stop(text) || headingKind(lines, i) !== undefined || unknown) break;
    if (text === "" || isRequestLabel(lines, i)) open = false;
    else if (open) into[into.length - 1] += `\n${text}`;
    else {
      into.push(text);
      open = true;
    }
  }
  return i;
}

/** `Request` over the first request section: a hand-written page's label, no description. */
function isRequestLabel(lines: Line[], i: number): boolean {
  if ((lines[i] as Line).text !== "Request") return false;
  const next = skipBlank(lines, i + 1);
  return next < lines.length && headingKind(lines, next) !== undefined;
}

/** A scalar example stands alone: a blank line, a section heading or the end follows it. */
function isExampleEnd(lines: Line[], i: number): boolean {
  return i >= lines.length || (lines[i] as Line).text === "" || headingKind(lines, i) !== undefined;
}

function nextHeading(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && headingKind(lines, i) === undefined) i++;
  return i;
}

/** `**Endpoint:** \`GET https://api.acme.io/v1/x\``: a scraper's own line for what the pill said. */
// `**Endpoint:** \`GET /v1/x\``, or without the code span under a label that names the
// operation (`Endpoint: GET /v1/x`); never a sentence's `See also: DELETE /v1/x`.
const LABELLED_ENDPOINT =
  /^(?:\*\*)?(?:[A-Z][\w ]{0,30}:(?:\*\*)?\s*(`)|(?:endpoint|url|request|http request|route|method)\s*:(?:\*\*)?\s*())(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+(?:https?:\/\/[^/\s`]+)?(\/[^\s`]*)\1$/i;

/**
 * Some scrapers drop the method pill and the path and print a labelled line of their own in its
 * place; before the first section, that line becomes the method and path line.
 */
function endpointLine(lines: Line[]): Line[] | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isSectionTitle(line.text)) return undefined;
    const match = LABELLED_ENDPOINT.exec(line.text);
    if (match === null) continue;
    const text = `${(match[3] as string).toUpperCase()} ${(match[4] as string).split(/[?#]/)[0]}`;
    return [...lines.slice(0, i), { no: line.no, raw: text, text }, ...lines.slice(i + 1)];
  }
  return undefined;
}
