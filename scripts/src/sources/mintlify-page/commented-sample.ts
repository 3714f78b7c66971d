import { marker, NAME } from "./fields.ts";
import { findMethodLine } from "./header.ts";
import { type BracketScan, closingBracket, opensJson } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

// `// PATCH https://api.acme.test/v1/things/{id}`: a hand-written sample that shows the request
// as an HTTP message in comments, where other pages put a curl.
const REQUEST = /^\/\/\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/\S+|\/\S*)$/;
// `// X-API-Key: key_test_...`, `// Content-Type: application/json`: its headers.
const HEADER = /^\/\/\s*[A-Za-z][\w-]*:\s*\S.*$/;
// `// HTTP Status Code 200`, `// HTTP/1.1 201 Created`, `// Status: 404`, `// Response 200 OK`:
// the response's status (a reason after it, or a dash and a reason).
const STATUS =
  /^\/\/\s*(?:HTTP\s+Status(?:\s+Code)?|HTTP\/[\d.]+|Status(?:\s+Code)?|Response)\s*:?\s*([1-5]\d\d)(?:\s*(?:[-–—:]\s*)?[A-Za-z][\w\s'-]*)?$/i;
// The panel's labels over the request and the response, as a copy may keep them.
const LABEL = /^(?:Request|Response)$/;

/**
 * A sample of the call written as commented HTTP (the request line and headers as `//`
 * comments, the request's JSON, then `// HTTP Status Code 200` over the response's): the request
 * part is dropped, and each status comment over JSON becomes the status tab its example sits
 * under, so the request's JSON is never read as the response (a status comment over no JSON, a
 * 204's, is dropped: it shows no example). Only in the panel, above the first section and the
 * first field, on a page with its method line, never a webhook's: its request is the payload
 * the page documents.
 */
export function withoutCommentedSamples(lines: Line[]): Line[] {
  if (!lines.some((line) => REQUEST.test(line.text))) return lines;
  if (lines.some((line) => /^WEBHOOK(?:\s|$)/.test(line.text)) || findMethodLine(lines) < 0)
    return lines;
  const out: Line[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isSectionTitle(line.text) && !LABEL.test(line.text)) break;
    if (NAME.test(line.text) && marker(lines[i + 1]?.text ?? "") === "type") break;
    const sample = REQUEST.test(line.text) ? readSample(lines, i + 1) : undefined;
    if (sample === undefined) {
      out.push(line);
      continue;
    }
    // The request part goes (a `Request` tab label over it too); each status comment becomes
    // its tab, the response JSON stays.
    while (out.length > 0 && (out.at(-1) as Line).text === "") out.pop();
    if (out.length > 0 && (out.at(-1) as Line).text === "Request") out.pop();
    const first = sample.statuses[0] as number;
    for (let k = first; k <= sample.end; k++) {
      const kept = lines[k] as Line;
      // (The response's own headers as comments, `// Location: …`, go with the request's.)
      if (HEADER.test(kept.text) && !isStatus(lines, k)) continue;
      if (!sample.statuses.includes(k)) out.push(kept);
      else if (opensJson(lines[afterHeaders(lines, k + 1)]?.text ?? "")) {
        const code = STATUS.exec(kept.text)?.[1] as string;
        out.push({ no: kept.no, raw: code, text: code });
      }
    }
    i = sample.end;
  }
  return [...out, ...lines.slice(i)];
}

/**
 * The sample whose request line is right above `from`: its status comments (each but the first
 * after the response JSON above it) and the index of its last line; undefined where no status
 * comment follows the request.
 */
function readSample(lines: Line[], from: number): { statuses: number[]; end: number } | undefined {
  let k = skipLabel(lines, afterHeaders(lines, from));
  if (opensJson(lines[k]?.text ?? "")) {
    const end = jsonEnd(lines, k);
    if (end === undefined) return undefined;
    k = skipLabel(lines, skipBlank(lines, end + 1));
  }
  const statuses: number[] = [];
  let last = k - 1;
  while (isStatus(lines, k)) {
    statuses.push(k);
    last = k;
    const json = afterHeaders(lines, k + 1);
    // (A status over no JSON, a 204's: the next status may follow it.)
    if (!opensJson(lines[json]?.text ?? "")) {
      k = json;
      continue;
    }
    const end = jsonEnd(lines, json);
    if (end === undefined) break;
    last = end;
    k = skipBlank(lines, end + 1);
  }
  return statuses.length === 0 ? undefined : { statuses, end: last };
}

/** Past the header comments (and blank lines) from `from` on: where the JSON would start. */
function afterHeaders(lines: Line[], from: number): number {
  let k = skipBlank(lines, from);
  while (k < lines.length && !isStatus(lines, k) && HEADER.test((lines[k] as Line).text))
    k = skipBlank(lines, k + 1);
  return k;
}

function isStatus(lines: Line[], k: number): boolean {
  return STATUS.test(lines[k]?.text ?? "");
}

/** Past a `Request` / `Response` tab label at `k` (and the blank lines after it). */
function skipLabel(lines: Line[], k: number): number {
  return LABEL.test(lines[k]?.text ?? "") ? skipBlank(lines, k + 1) : k;
}

/** The index of the line that closes the JSON value opening at `start` (a line ≤ 200 on). */
function jsonEnd(lines: Line[], start: number): number | undefined {
  const scan: BracketScan = { depth: 0, inString: false };
  for (let k = start; k < Math.min(lines.length, start + 200); k++) {
    scan.inString = false;
    // (A JSONC comment's brackets are no JSON's.)
    const raw = (lines[k] as Line).raw.replace(/^\s*\/\/.*$/, "");
    if (closingBracket(raw, scan) >= 0) return k;
  }
  return undefined;
}
