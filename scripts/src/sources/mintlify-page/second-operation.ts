import { type Context, note } from "../model/context.ts";
import { endsWithTemplate } from "../model/server.ts";
import { URL_REQUEST_LINE } from "./header.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/**
 * A hand-written page that goes on to a second operation below the first's reference (`Retrieve
 * Specific Model`, a line `GET https://host/v1/models/{model_id}`, then its own `Path
 * Parameters`): where that part starts (its title, when one stands over the request line), so
 * the page is read up to there; lines.length when there is none. Only a request line for another
 * call, below the operation's first section and right over a section of its own, starts one (one
 * in a description, `To see the slots, call:`, is prose); the part left out is said.
 */
export function secondOperation(
  lines: Line[],
  from: number,
  operation: { method: string; path: string },
  ctx: Context,
): number {
  const first = lines.findIndex((line, i) => i >= from && isSectionTitle(line.text));
  for (let i = first + 1; first >= 0 && i < lines.length; i++) {
    const match = URL_REQUEST_LINE.exec((lines[i] as Line).text);
    if (match === null || !isSectionTitle(lines[skipBlank(lines, i + 1)]?.text ?? "")) continue;
    const [, method, , path = "/"] = match;
    if (method === operation.method && sameCall(path, operation.path)) continue;
    note(ctx, (lines[i] as Line).no, "one operation per page", `${method} ${path} too (left out)`);
    return partStart(lines, i, first);
  }
  return lines.length;
}

/**
 * True when `path` calls the operation's `template`: under any base path, a value in each of its
 * parameters (`/v1/jobs/job_8f2a` for `/v1/jobs/{job_id}`), though not a plain word, which is a
 * path of its own (`/v1/jobs/search`).
 */
function sameCall(path: string, template: string): boolean {
  if (!endsWithTemplate(path, template)) return false;
  const names = template
    .replace(/(?<=.)\/$/, "")
    .split("/")
    .reverse();
  const values = path
    .replace(/(?<=.)\/$/, "")
    .split("/")
    .reverse();
  return names.every((name, i) => !/^\{.*\}$/.test(name) || !/^[a-z]+$/.test(values[i] ?? ""));
}

/**
 * Where the part a request line stands in starts: the title over it (with a lead-in sentence
 * ending in `:` between, `Append the id to get one:`), else the lead-in, else the line itself.
 */
function partStart(lines: Line[], at: number, from: number): number {
  const text = (k: number) => (lines[k] as Line).text;
  let start = at;
  let k = at - 1;
  if (k > from && /:$/.test(text(k))) start = k--;
  while (k > from && text(k) === "") k--;
  return k > from && TITLE.test(text(k)) ? k : start;
}

// Capitalised, a few words, no sentence end: a part's title.
const TITLE = /^\p{Lu}[^.:!?]{0,60}$/u;
