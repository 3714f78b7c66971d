import { type Context, note } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";
import { type CurlExample, curlSends, isCurlStart } from "./curl.ts";
import { marker, NAME, readFields } from "./fields.ts";
import { type Header, readExamples } from "./header.ts";
import type { Line } from "./lines.ts";
import { hintsFor } from "./payloads.ts";
import { defaultPlace, type Place, putField } from "./place.ts";

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

/**
 * Reads the fields under no heading (lines[range]) into the model, then the response example
 * after them where the page showed none above; the example panel again after them (a copy that
 * took it twice) holds nothing new: said, not read.
 */
export function readUnheaded(
  lines: Line[],
  range: { start: number; end: number },
  until: number,
  header: Header,
  model: OperationModel,
  ctx: Context,
): void {
  const { fields } = readFields(lines, range.start, range.end, ctx, hintsFor(undefined));
  placeUnheaded(model, fields, header.curl);
  const shown = model.responseExamples.length === 0 && range.end < until;
  const next = shown ? readExamples(lines, range.end, ctx, model.responseExamples) : range.end;
  if (next < until && next === range.end) {
    const line = (lines[range.end] as Line).no;
    note(ctx, line, "a section", "the example panel again (left out)");
  }
}

/**
 * Places each field by what the page shows of it: the credential, a header the curl sends, a
 * name the path holds, a query parameter of the curl's URL, a key of the request's JSON; fields
 * that are all keys of the response example (and none of the request's) are the response's where
 * the words above say it returns them; else their default place.
 */
export function placeUnheaded(
  model: OperationModel,
  fields: Field[],
  curl: CurlExample | undefined,
): void {
  const { headers: sent, query } = curlSends(curl);
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
    !tops.some((name) => requestKeys.includes(name) || query.includes(name));
  if (responding) {
    let block = model.responses.find((b) => /^2/.test(b.code));
    if (block === undefined) {
      block = { code: "200", line: fields[0]?.line ?? 1, fields: [], paragraphs: [] };
      model.responses.push(block);
    }
    block.fields.push(...fields);
    return;
  }
  const placed = new Map<string, Place>();
  // The fields the sections listed (not those placed here).
  const sectioned = new Set([
    ...model.parameters,
    ...model.security,
    ...(model.body?.fields ?? []),
  ]);
  // The names read here so far: one twice is the page's fault, which the field tree says.
  const seen = new Set<string>();
  // (One with children here is never left out: the section's listing may not show them.)
  const parents = new Set(fields.filter((f) => f.path.length > 1).map((f) => f.path[0]));
  // Whether the top-level field now read (and so its children) is one a section lists already.
  let ditto = false;
  for (const field of fields) {
    const top = field.path[0] as string;
    let where = placed.get(top);
    if (where === undefined) {
      if (CREDENTIAL.test(top)) where = "auth";
      else if (sent.has(top.toLowerCase())) where = "header";
      else if (model.path.includes(`{${top}}`)) where = "path";
      else if (query.includes(top)) where = "query";
      else if (requestKeys.includes(top)) where = "body";
      else where = defaultPlace(model, top);
      placed.set(top, where);
    }
    if (field.path.length === 1) {
      const again = seen.has(top) || parents.has(top);
      const listed = again ? undefined : listedAlready(model, field, where, sectioned);
      seen.add(top);
      if (listed !== undefined) keepFacts(listed, field);
      ditto = listed !== undefined;
    }
    if (!ditto) putField(model, field, where);
  }
}

/**
 * Whether two listings of a field say the same of its value: its type and required-ness alike,
 * and no fact (default, options, limits, deprecation) that both state and state differently.
 * (A fact only one states is no disagreement: the kept listing takes it, see keepFacts.)
 */
function agree(a: Field, b: Field): boolean {
  const same = (x: unknown, y: unknown) =>
    x === undefined || y === undefined || JSON.stringify(x) === JSON.stringify(y);
  const limits = { ...a.constraints, ...b.constraints };
  return (
    a.required === b.required &&
    JSON.stringify(a.schema) === JSON.stringify(b.schema) &&
    same(a.defaultText, b.defaultText) &&
    same(a.options?.values, b.options?.values) &&
    same(a.allowed, b.allowed) &&
    (a.deprecated === b.deprecated || !a.deprecated || !b.deprecated) &&
    Object.keys(limits).every((key) => same(a.constraints[key], b.constraints[key])) &&
    holdTogether(a, b, limits)
  );
}

/**
 * Whether what the two say, taken together, can be one field's: its bounds in order, an allowed
 * value or a default among its options (a default written as a value one of them spells).
 */
function holdTogether(a: Field, b: Field, limits: Field["constraints"]): boolean {
  const bound = (keys: string[], pick: (...n: number[]) => number) => {
    const values = keys.map((key) => limits[key]).filter((v): v is number => typeof v === "number");
    return values.length === 0 ? undefined : pick(...values);
  };
  const low = bound(["minimum", "exclusiveMinimum"], Math.max);
  const high = bound(["maximum", "exclusiveMaximum"], Math.min);
  if (low !== undefined && high !== undefined && low > high) return false;
  const options = a.options?.values ?? b.options?.values;
  const written = (a.defaultText ?? b.defaultText)?.replace(/^"(.*)"$/, "$1");
  const allowed = a.allowed?.value ?? b.allowed?.value;
  if (options !== undefined && written !== undefined && !options.includes(written)) return false;
  if (options !== undefined && allowed !== undefined && !options.includes(String(allowed)))
    return false;
  const value = written === undefined ? Number.NaN : Number(written);
  return !(low !== undefined && value < low) && !(high !== undefined && value > high);
}

/** The facts the page's own listing states that the kept one does not: the page's word too. */
function keepFacts(kept: Field, own: Field): void {
  if (kept.description.length === 0) kept.description = own.description;
  kept.defaultText ??= own.defaultText;
  kept.options ??= own.options;
  kept.allowed ??= own.allowed;
  kept.deprecated ||= own.deprecated;
  kept.constraints = { ...own.constraints, ...kept.constraints };
}

/**
 * The field a section lists in that place that agrees with this one: a page's own list over its
 * sentence-case title (`Path parameters`, no heading where the page has Mintlify's too) above
 * the reference, which lists it again, and is the one. (Where the two disagree, neither is
 * dropped: the field tree says the name is listed twice.)
 */
function listedAlready(
  model: OperationModel,
  field: Field,
  where: Place,
  sectioned: Set<Field>,
): Field | undefined {
  const cased = where === "header" || where === "auth";
  const same = (other: Field) =>
    sectioned.has(other) &&
    other.path.length === 1 &&
    (cased ? other.name.toLowerCase() === field.name.toLowerCase() : other.name === field.name) &&
    agree(other, field);
  if (where === "body") return model.body?.fields.find(same);
  if (where === "auth") return model.security.find(same);
  return model.parameters.find((other) => other.location === where && same(other));
}
