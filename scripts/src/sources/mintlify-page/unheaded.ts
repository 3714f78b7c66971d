import type { Field } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";
import { isCurlStart } from "./curl.ts";
import { marker, NAME } from "./fields.ts";
import type { Line } from "./lines.ts";

/**
 * A hand-written page whose `<ParamField>`s stand under no heading: Mintlify renders them after
 * the example panel with no section title and no location pill, and a copy gives a name over
 * its type. Where they start and end, between the header and the first section; undefined
 * when no field stands there.
 */
export function unheadedRange(
  lines: Line[],
  from: number,
  until: number,
): { start: number; end: number } | undefined {
  let start = -1;
  for (let k = from; k < until; k++) {
    const text = (lines[k] as Line).text;
    if (NAME.test(text) && marker(lines[k + 1]?.text ?? "") === "type") {
      start = k;
      break;
    }
  }
  if (start < 0) return undefined;
  // They end where the panel shows again (a copy that took it twice: its curl) or the sections
  // start; JSON amid them is a field's description.
  let end = start;
  while (end < until && !isCurlStart((lines[end] as Line).text) && !panelAt(lines, end)) end++;
  return { start, end };
}

/** A response example after the fields: a status over JSON, or JSON from a line's start. */
function panelAt(lines: Line[], at: number): boolean {
  const line = lines[at] as Line;
  const status = /^[1-5]\d\d$/.test(line.text);
  let k = at + (status ? 1 : 0);
  while (status && k < lines.length && (lines[k] as Line).text === "") k++;
  const json = /^[{[]/.test(lines[k]?.raw ?? "");
  const after = (lines[at - 1]?.text ?? "") === "";
  return json && (status || after);
}

// The names a credential goes by, which the page's security says, not a parameter.
const CREDENTIAL = /^(?:authorization|x-api-key|api-key|apikey)$/i;

/** What the page's examples show of the fields' places. */
export interface Shown {
  /** The headers the curl sends. */
  headers: string[];
  /** The query parameters in the curl's URL. */
  query: string[];
}

/**
 * Places each such field by what the page shows of it: the credential, a header the curl
 * sends, a name the path holds, a query parameter of the curl's URL, a key of the request's
 * JSON; fields that are all keys of the response example (and none of the request's) are the
 * response's; else the query's for a request without a body and the body's for one with.
 */
export function placeUnheaded(model: OperationModel, fields: Field[], shown: Shown): void {
  const sent = new Set(shown.headers.map((h) => h.toLowerCase()));
  const keysOf = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
  const requestKeys = keysOf(model.requestExample?.value);
  const responseKeys = keysOf(model.responseExamples[0]?.value);
  const tops = fields.filter((f) => f.path.length === 1).map((f) => f.name);
  // (Only where the words just above say so: `It returns these fields:`; an update's fields
  // that the response echoes are still the request's.)
  const said = /\b(?:returns?|response|responds)\b[^.]*:?\s*$/i.test(
    model.description.at(-1) ?? "",
  );
  const responding =
    said &&
    tops.length > 0 &&
    tops.every((name) => responseKeys.includes(name)) &&
    !tops.some((name) => requestKeys.includes(name) || shown.query.includes(name));
  if (responding) {
    let block = model.responses.find((b) => /^2/.test(b.code));
    if (block === undefined) {
      block = { code: "200", line: fields[0]?.line ?? 1, fields: [], paragraphs: [] };
      model.responses.push(block);
    }
    block.fields.push(...fields);
    return;
  }
  const withBody = /^(?:POST|PUT|PATCH)$/.test(model.method);
  const placed = new Map<string, string>();
  for (const field of fields) {
    const top = field.path[0] as string;
    let where = placed.get(top);
    if (where === undefined) {
      if (CREDENTIAL.test(top)) where = "auth";
      else if (sent.has(top.toLowerCase())) where = "header";
      else if (model.path.includes(`{${top}}`)) where = "path";
      else if (shown.query.includes(top)) where = "query";
      else if (requestKeys.includes(top) || withBody) where = "body";
      else where = "query";
      placed.set(top, where);
    }
    if (where === "auth") {
      if (field.path.length === 1) field.location = "header";
      model.security.push(field);
    } else if (where === "body") {
      model.body ??= { media: "application/json", fields: [], paragraphs: [] };
      model.body.fields.push(field);
    } else {
      if (field.path.length === 1) field.location = where;
      model.parameters.push(field);
    }
  }
}
