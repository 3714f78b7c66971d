import { type Context, note } from "../model/context.ts";
import { URL_REQUEST_LINE } from "./header.ts";
import type { Line } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/**
 * A hand-written page that goes on to a second operation below the first's reference (`Retrieve
 * Specific Model`, a line `GET https://host/v1/models/{model_id}`, then its own `Path
 * Parameters`): where that part starts (its title, when one stands over the request line), so
 * the page is read up to there; lines.length when there is none. Only a request line whose
 * path is not the operation's, between sections, starts one; the part left out is said.
 */
export function secondOperation(lines: Line[], from: number, path: string, ctx: Context): number {
  // Below the operation's own sections (one above the request line, one after it): a request
  // line in the description (`To list them, call:`) is prose.
  const titled = (line: Line) => isSectionTitle(line.text);
  const same = ownPath(path);
  const first = lines.findIndex((line, i) => i >= from && titled(line));
  let last = lines.length - 1;
  while (last >= 0 && !titled(lines[last] as Line)) last--;
  for (let i = first + 1; first >= 0 && i < last; i++) {
    const match = URL_REQUEST_LINE.exec((lines[i] as Line).text);
    const other = match?.[3] ?? "/";
    if (match === null || same.test(other)) continue;
    note(
      ctx,
      (lines[i] as Line).no,
      "one operation per page",
      `${match[1]} ${other} too (left out)`,
    );
    return titleAbove(lines, i, from);
  }
  return lines.length;
}

/**
 * The request paths that are this operation's: its template with any value in each parameter
 * (`/v1/jobs/job_8f2a` for `/v1/jobs/{job_id}`), under any base path, a trailing slash or not.
 */
function ownPath(path: string): RegExp {
  const parts = path.replace(/\/+$/, "").split(/\{[^}/]+\}/);
  const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
  return new RegExp(`${pattern}/?$`);
}

/**
 * Where the part a request line stands in starts: the title over it (a one-line paragraph, at
 * most two paragraphs up), else the request line's own paragraph.
 */
function titleAbove(lines: Line[], at: number, from: number): number {
  const text = (k: number) => (lines[k] as Line).text;
  let end = at;
  let own = at;
  for (let paragraphs = 0; paragraphs < 3 && end >= from; paragraphs++) {
    let start = end;
    while (start > from && text(start - 1) !== "") start--;
    if (paragraphs === 0) own = start;
    else if (start === end && TITLE.test(text(start))) return start;
    end = start - 1;
    while (end >= from && text(end) === "") end--;
  }
  return own;
}

// Capitalised, a few words, no sentence end: a part's title.
const TITLE = /^\p{Lu}[^.:!?]{0,60}$/u;
