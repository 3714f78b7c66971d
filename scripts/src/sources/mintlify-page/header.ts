import { type Context, fail } from "../model/context.ts";
import { type CurlExample, isCurlStart, readCurl } from "./curl.ts";
import { opensJson, parseJson, readJsonBlock } from "./json-block.ts";
import type { Line } from "./lines.ts";
import { headingKind, isUnknownHeading } from "./sections.ts";

export const METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)$/;
const METHOD_AND_PATH = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+(\/\S*)$/;
const STATUS_TAB = /^(?:[1-5]\d\d|default)$/;
/** How many content lines (a page title, its description) may come before the method line. */
const LEAD_LIMIT = 12;

/** Everything above the first section: the operation line, title, examples. */
export interface Header {
  method: string;
  path: string;
  summary: string;
  description: string[];
  curl?: CurlExample | undefined;
  /** The response examples after the curl command, with the status tab shown above them. */
  examples: { value: unknown; line: number; code?: string | undefined }[];
  /** Index of the first line after the examples. */
  next: number;
}

/** Reads the header of the page; undefined (after reporting) when there is no method line. */
export function readHeader(lines: Line[], ctx: Context): Header | undefined {
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
  // A title and description above the method line: kept as description unless it repeats the title.
  const lead: string[] = [];
  readParagraphs(lines, 0, lead, () => false, at);
  const joined = METHOD_AND_PATH.exec(methodLine.text);
  const pieces = joined === null ? [] : [joined[2] as string];
  let i = joined === null ? readPath(lines, at + 1, pieces) : at + 1;
  const header: Header = {
    method: joined === null ? methodLine.text : (joined[1] as string),
    path: "",
    summary: "",
    description: [],
    examples: [],
    next: i,
  };
  const summaryLine = lines[i];
  if (summaryLine === undefined || summaryLine.text === "" || isCurlStart(summaryLine.text)) {
    // A one-word title after a trailing "/" reads like a path segment: give it back.
    const last = pieces.at(-1) as string;
    if (pieces.length > 1 && !last.startsWith("/")) header.summary = pieces.pop() as string;
    else {
      const found = summaryLine?.text ?? "end of page";
      fail(ctx, summaryLine?.no ?? methodLine.no, "the operation title after the path", found);
    }
  } else {
    header.summary = summaryLine.text;
    i++;
  }
  header.path = pieces.join("");
  header.description = lead
    .map((text) =>
      text
        .split("\n")
        .filter((line) => line !== header.summary)
        .join("\n"),
    )
    .filter((text) => text !== "");
  i = readParagraphs(lines, i, header.description, (text) => isCurlStart(text) || opensJson(text));
  if (i < lines.length && isCurlStart((lines[i] as Line).text)) {
    header.curl = readCurl(lines, i, ctx);
    i = header.curl.end + 1;
  }
  header.next = readExamples(lines, i, ctx, header.examples);
  return header;
}

/** The method line: a method alone followed by a path line, or method and path on one line. */
function findMethodLine(lines: Line[]): number {
  let content = 0;
  for (let i = 0; i < lines.length && content <= LEAD_LIMIT; i++) {
    const text = (lines[i] as Line).text;
    if (text === "") continue;
    if (METHOD_AND_PATH.test(text)) return i;
    if (METHOD.test(text) && lines[i + 1]?.text.startsWith("/")) return i;
    content++;
  }
  return -1;
}

/** The path, one segment per line (`/`, `v1`, `/`, `{id}`); a line may also hold several. */
function readPath(lines: Line[], from: number, pieces: string[]): number {
  let i = from;
  let expectSegment = false;
  for (; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (text.startsWith("/") && !/\s/.test(text)) expectSegment = text.endsWith("/");
    else if (expectSegment && /^[^\s/]+$/.test(text)) expectSegment = false;
    else break;
    pieces.push(text);
  }
  return i;
}

function readExamples(lines: Line[], from: number, ctx: Context, into: Header["examples"]): number {
  let i = from;
  for (;;) {
    i = skipBlank(lines, i);
    // Status tabs above the example ("200", "400"): the example shown is the first tab's.
    let tabs = i;
    while (tabs < lines.length && STATUS_TAB.test((lines[tabs] as Line).text)) tabs++;
    const code = tabs > i ? (lines[i] as Line).text : undefined;
    const line = lines[tabs];
    if (line === undefined) return i;
    if (!opensJson(line.text)) {
      // A scalar example (`"<string>"`, `123`) for a response that is not an object.
      const scalar = line.text === "" ? undefined : parseJson(line.text);
      if (scalar?.ok !== true || !isExampleEnd(lines, tabs + 1)) return i;
      into.push({ value: scalar.value, line: line.no, code });
      i = tabs + 1;
      continue;
    }
    const block = readJsonBlock(lines, tabs, ctx, "response example");
    if (block === undefined) return nextHeading(lines, tabs + 1);
    if (block.rest.trim() !== "") {
      fail(ctx, (lines[block.end] as Line).no, "the end of the line after the example", block.rest);
    }
    into.push({ value: block.value, line: line.no, code });
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
    if (stop(text) || headingKind(lines, i) !== undefined || isUnknownHeading(lines, i)) break;
    if (text === "") open = false;
    else if (open) into[into.length - 1] += `\n${text}`;
    else {
      into.push(text);
      open = true;
    }
  }
  return i;
}

/** A scalar example stands alone: a blank line, a section heading or the end follows it. */
function isExampleEnd(lines: Line[], i: number): boolean {
  return i >= lines.length || (lines[i] as Line).text === "" || headingKind(lines, i) !== undefined;
}

function skipBlank(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] as Line).text === "") i++;
  return i;
}

function nextHeading(lines: Line[], from: number): number {
  let i = from;
  while (i < lines.length && headingKind(lines, i) === undefined) i++;
  return i;
}
