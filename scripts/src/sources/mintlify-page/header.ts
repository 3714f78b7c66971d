import { type Context, fail } from "./context.ts";
import { type CurlExample, isCurlStart, readCurl } from "./curl.ts";
import { opensJson, readJsonBlock } from "./json-block.ts";
import type { Line } from "./lines.ts";
import { headingKind, isUnknownHeading } from "./sections.ts";

export const METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)$/;

/** Everything above the first section: the operation line, title, examples. */
export interface Header {
  method: string;
  path: string;
  summary: string;
  description: string[];
  curl?: CurlExample | undefined;
  /** The response examples printed after the curl command. */
  examples: { value: unknown; line: number }[];
  /** Index of the first line after the examples. */
  next: number;
}

/** Reads the header of the page; undefined (after reporting) when there is no method line. */
export function readHeader(lines: Line[], ctx: Context): Header | undefined {
  let i = skipBlank(lines, 0);
  const methodLine = lines[i];
  if (methodLine === undefined || !METHOD.test(methodLine.text)) {
    const found = methodLine === undefined ? "end of page" : methodLine.text;
    fail(ctx, methodLine?.no ?? 1, "an HTTP method line such as GET or POST", found);
    return undefined;
  }
  i++;
  const pieces: string[] = [];
  let expectSegment = false;
  for (; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (text.startsWith("/") && !/\s/.test(text)) expectSegment = text.endsWith("/");
    else if (expectSegment && /^[^\s/]+$/.test(text)) expectSegment = false;
    else break;
    pieces.push(text);
  }
  if (pieces.length === 0) {
    fail(
      ctx,
      lines[i]?.no ?? methodLine.no,
      "the path, one segment per line, after the method",
      lines[i]?.text ?? "end of page",
    );
    pieces.push("/");
  }
  const header: Header = {
    method: methodLine.text,
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
    else
      fail(
        ctx,
        summaryLine?.no ?? methodLine.no,
        "the operation title after the path",
        summaryLine?.text ?? "end of page",
      );
  } else {
    header.summary = summaryLine.text;
    i++;
  }
  header.path = pieces.join("");
  i = readParagraphs(lines, i, header.description, (text) => isCurlStart(text) || opensJson(text));
  if (i < lines.length && isCurlStart((lines[i] as Line).text)) {
    header.curl = readCurl(lines, i, ctx);
    i = header.curl.end + 1;
  }
  header.next = readExamples(lines, i, ctx, header.examples);
  return header;
}

function readExamples(lines: Line[], from: number, ctx: Context, into: Header["examples"]): number {
  let i = from;
  for (;;) {
    i = skipBlank(lines, i);
    const line = lines[i];
    if (line === undefined || !opensJson(line.text)) return i;
    const block = readJsonBlock(lines, i, ctx, "response example");
    if (block === undefined) return nextHeading(lines, i + 1);
    if (block.rest.trim() !== "") {
      fail(ctx, (lines[block.end] as Line).no, "the end of the line after the example", block.rest);
    }
    into.push({ value: block.value, line: line.no });
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
