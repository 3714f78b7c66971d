import { makeContext, quietly } from "../model/context.ts";
import { isCurlStart, readCurl } from "./curl.ts";
import { findMethodLine } from "./header.ts";
import type { Line } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/**
 * A copy that lost the page's method line: the curl's request line (`POST https://host/v1/path`)
 * stands for it, so the page reads as any other. Two shapes: the copy starts at the example panel
 * (the title, method and path above it lost, as a search excerpt or a selection from the panel
 * down gives it), the line put before the curl; or a hand-written page shows its method alone
 * (`GET`, the path only in its curl below), the line put in the method's place. Only for a page
 * with no method line of its own, a curl that names its method and a whole URL, and a known
 * section below the line; else the lines as they are.
 */
export function withCurlCall(lines: Line[]): Line[] {
  const first = lines.findIndex((line) => line.text !== "");
  if (first < 0 || findMethodLine(lines) >= 0) return lines;
  const start = lines.findIndex((line, i) => i >= first && isCurlStart(line.text));
  if (start < 0) return lines;
  // (Its faults are the panel's, read again with the page: here it only names the call.)
  const curl = readCurl(lines, start, quietly(makeContext("", true, undefined)));
  const method = (curl.method ?? (curl.data === undefined ? "GET" : "POST")).toUpperCase();
  if (!/^https?:\/\/[^/\s]+\/\S*$/.test(curl.url ?? "")) return lines;
  const alone = lines.findIndex((line, i) => i < start && line.text === method);
  const at = start === first ? start : alone;
  if (at < 0 || (start === first && curl.method === undefined)) return lines;
  if (!lines.slice(at + 1).some((line) => isSectionTitle(line.text))) return lines;
  const text = `${method} ${curl.url}`;
  const line = { no: (lines[at] as Line).no, raw: text, text };
  return [...lines.slice(0, at), line, ...lines.slice(at === alone ? at + 1 : at)];
}
