import { type BracketScan, closingBracket, opensJson } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

// `// PATCH https://api.acme.test/v1/things/{id}`: a hand-written sample that shows the request
// as an HTTP message in comments, where other pages put a curl.
const REQUEST = /^\/\/\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/\S+|\/\S*)$/;
// `// X-API-Key: key_test_...`, `// Content-Type: application/json`: its headers.
const HEADER = /^\/\/\s*[A-Za-z][\w-]*:\s*\S.*$/;
// `// HTTP Status Code 200`, `// HTTP/1.1 201 Created`, `// Status: 404`: the response's status.
const STATUS =
  /^\/\/\s*(?:HTTP\s+Status(?:\s+Code)?|HTTP\/[\d.]+|Status(?:\s+Code)?)\s*:?\s*([1-5]\d\d)\b[\w\s]*$/i;

/**
 * A sample of the call written as commented HTTP (the request line and headers as `//`
 * comments, the request's JSON, then `// HTTP Status Code 200` over the response's): the request
 * part is dropped and the status comment becomes the status tab the response example sits under,
 * so the request's JSON is never read as the response. Only above the first section, and only a
 * sample whose status comment follows its request (else the lines as they are).
 */
export function withoutCommentedSamples(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isSectionTitle(line.text)) break;
    const status = REQUEST.test(line.text) ? statusAfter(lines, i + 1) : undefined;
    if (status === undefined) {
      out.push(line);
      continue;
    }
    const code = STATUS.exec((lines[status] as Line).text)?.[1] as string;
    out.push({ no: (lines[status] as Line).no, raw: code, text: code });
    i = status;
  }
  return [...out, ...lines.slice(i)];
}

/** The index of the status comment that ends the request sample starting at `from`, if any. */
function statusAfter(lines: Line[], from: number): number | undefined {
  let k = from;
  while (k < lines.length && HEADER.test((lines[k] as Line).text)) k++;
  k = skipBlank(lines, k);
  if (opensJson(lines[k]?.text ?? "")) {
    const end = jsonEnd(lines, k);
    if (end === undefined) return undefined;
    k = skipBlank(lines, end + 1);
  }
  return STATUS.test(lines[k]?.text ?? "") ? k : undefined;
}

/** The index of the line that closes the JSON value opening at `start` (a line ≤ 200 on). */
function jsonEnd(lines: Line[], start: number): number | undefined {
  const scan: BracketScan = { depth: 0, inString: false };
  for (let k = start; k < Math.min(lines.length, start + 200); k++) {
    scan.inString = false;
    if (closingBracket((lines[k] as Line).raw, scan) >= 0) return k;
  }
  return undefined;
}
