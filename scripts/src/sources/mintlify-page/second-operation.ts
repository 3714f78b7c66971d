import { type Context, note } from "../model/context.ts";
import { SECTION_HEADINGS } from "../model/sections.ts";
import { endsWithTemplate } from "../model/server.ts";
import { URL_REQUEST_LINE } from "./header.ts";
import { type Line, skipBlank, skipBlankBack } from "./lines.ts";
import { isSectionTitle } from "./sections.ts";

/**
 * A hand-written page that goes on to a second operation below the first's reference (`Retrieve
 * Specific Model`, a line `GET https://host/v1/models/{model_id}`, then its own `Path
 * Parameters`): where that part starts (its title, when one stands over the request line), so
 * the page is read up to there; lines.length when there is none. Only a request line for another
 * call, below the operation's first section and over a request's section of its own, starts one
 * (one in a description, `To see the slots, call:`, is prose); the part left out is said.
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
    if (match === null || !opensRequestSections(lines, i + 1)) continue;
    const [, method, , path = "/"] = match;
    if (method === operation.method && sameCall(path, operation.path)) continue;
    note(ctx, (lines[i] as Line).no, "one operation per page", `${method} ${path} too (left out)`);
    return partStart(lines, i, first);
  }
  return lines.length;
}

/**
 * True when the request line's part goes on to a section of a request's own (its parameters or
 * body) after at most a short paragraph (`Creates one roost.`): a `Response` right below it is
 * the operation's own, the request line only an example of a call in its text.
 */
function opensRequestSections(lines: Line[], from: number): boolean {
  let k = skipBlank(lines, from);
  const prose = k;
  while (
    k < lines.length &&
    k - prose < 3 &&
    (lines[k] as Line).text !== "" &&
    !isSectionTitle((lines[k] as Line).text)
  )
    k++;
  k = skipBlank(lines, k);
  return REQUEST_SECTIONS.has(SECTION_HEADINGS[lines[k]?.text ?? ""] ?? "");
}

const REQUEST_SECTIONS = new Set(["path", "query", "header", "cookie", "body"]);

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
  let k = skipBlankBack(lines, at - 1);
  if (k > from && /:$/.test(text(k))) {
    start = k;
    k = skipBlankBack(lines, k - 1);
  }
  return k > from && isTitle(text(k)) ? k : start;
}

/** A part's title: a few words, most of them capitalised, no sentence end (`Get One Roost`). */
function isTitle(text: string): boolean {
  if (!/^\p{Lu}[^.:!?]{0,60}$/u.test(text)) return false;
  const words = text.split(/\s+/);
  return words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 >= words.length + 1;
}
