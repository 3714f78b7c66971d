import { makeContext, quietly } from "../model/context.ts";
import { isCurlStart, readCurl } from "./curl.ts";
import { findMethodLine } from "./header.ts";
import type { Line } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/**
 * A copy that starts at the page's example panel (the title, method and path above it lost, as
 * a search excerpt or a selection from the panel down gives it): the curl's request line stands
 * for the lost method line (`POST https://host/v1/path`), put before the curl, where the page
 * shows it, so the page reads as any other. Only for a page with no method line of its own, a
 * curl that names its method and a whole URL, and a known section below it; else the lines as
 * they are.
 */
export function withCurlCall(lines: Line[]): Line[] {
  const first = lines.findIndex((line) => line.text !== "");
  if (first < 0 || !isCurlStart((lines[first] as Line).text) || findMethodLine(lines) >= 0)
    return lines;
  // (Its faults are the panel's, read again with the page: here it only names the call.)
  const curl = readCurl(lines, first, quietly(makeContext("", true, undefined)));
  const method = curl.method?.toUpperCase();
  if (method === undefined || !/^https?:\/\/[^/\s]+\/\S*$/.test(curl.url ?? "")) return lines;
  if (!lines.slice(curl.end + 1).some((line) => isSectionTitle(line.text))) return lines;
  const at = lines[first] as Line;
  const text = `${method} ${curl.url}`;
  return [...lines.slice(0, first), { no: at.no, raw: text, text }, ...lines.slice(first)];
}
