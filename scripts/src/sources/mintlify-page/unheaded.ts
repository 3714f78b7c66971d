import type { Field } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";
import { isCurlStart } from "./curl.ts";
import { marker, NAME } from "./fields.ts";
import { opensJson } from "./json-block.ts";
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
  // They end where the panel shows again (a copy that took it twice) or the sections start.
  let end = start;
  while (
    end < until &&
    !isCurlStart((lines[end] as Line).text) &&
    !opensJson((lines[end] as Line).text)
  )
    end++;
  return { start, end };
}

/**
 * Places each such field by what the page shows of it: the credential the curl sends
 * (`Authorization`), a name the path holds, a key of the request's JSON, else the query's for a
 * request without a body and the body's for one with.
 */
// The names a credential goes by, which the page's security says, not a parameter.
const CREDENTIAL = /^(?:authorization|x-api-key|api-key|apikey|x-[\w-]*-key|[\w-]*-token)$/i;

export function placeUnheaded(model: OperationModel, fields: Field[], sentHeaders: string[]): void {
  const sent = new Set(sentHeaders.map((h) => h.toLowerCase()));
  const example = model.requestExample?.value;
  const keys = example !== null && typeof example === "object" ? Object.keys(example) : [];
  const withBody = /^(?:POST|PUT|PATCH)$/.test(model.method);
  const placed = new Map<string, string>();
  for (const field of fields) {
    const top = field.path[0] as string;
    let where = placed.get(top);
    if (where === undefined) {
      if (CREDENTIAL.test(top)) where = "auth";
      else if (sent.has(top.toLowerCase())) where = "header";
      else if (model.path.includes(`{${top}}`)) where = "path";
      else if (keys.includes(top) || withBody) where = "body";
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
