import { type Context, fail, note } from "../model/context.ts";
import type { Schema } from "../model/type-line.ts";
import { parseTypeLine } from "../model/type-line.ts";
import { opensJson, parseJson, readJsonBlock } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";

/** A part of a field body and the index of the line after it. */
export interface Part<T> {
  value: T | undefined;
  next: number;
}

/**
 * `Available options:` then one value per line (blank lines between them allowed), every value but the last ending in a comma; the
 * next field may follow the last value immediately, so only the comma says whether more follow.
 */
export function readOptions(lines: Line[], at: number, end: number, ctx: Context): Part<string[]> {
  const head = lines[at] as Line;
  const inline = head.text.slice("Available options:".length).trim();
  const first = inline
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  // All on one line, unless it ends with a comma: then the rest follow one per line.
  if (inline !== "" && !inline.endsWith(",")) return { value: first, next: at + 1 };
  const values: string[] = first;
  let k = at + 1;
  while (k < end && (lines[k] as Line).text === "") k++;
  for (;;) {
    // Scrapes put a blank line after each value; the comma still says another follows.
    while (values.length > 0 && k < end && (lines[k] as Line).text === "") k++;
    // The label and no value after it, or the next field's name and type: the saved copy lost
    // the options (they are not text on the page). The field is left without them; not an error,
    // as nothing read is wrong, only less precise.
    if (values.length === 0 && (k >= end || lines[k]?.text === "" || typedName(lines, k, end))) {
      const last = lines[Math.min(k, end - 1)] as Line;
      note(
        ctx,
        head.no,
        "the options after Available options: (the saved page lists none)",
        last.text,
      );
      return { value: [], next: k };
    }
    if (k >= end || (lines[k] as Line).text === "") {
      const last = lines[Math.min(k, end - 1)] as Line;
      fail(
        ctx,
        last.no,
        "another option (the list of Available options ended with a comma)",
        last.text,
      );
      return { value: values, next: k };
    }
    const text = (lines[k] as Line).text.replace(/^,\s*/, "");
    k++;
    // `\`200\`, \`401\`, \`404\``: the values on one line under the label, in code.
    if (values.length === 0 && /^`[^`]*`(?:\s*,\s*`[^`]*`)+$/.test(text)) {
      return { value: [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1] as string), next: k };
    }
    if (!text.endsWith(",")) {
      values.push(text);
      // Some renderings put the separator at the start of the next value: `a` / `, b`.
      if (!lines[k]?.text.startsWith(",") || k >= end) return { value: values, next: k };
      continue;
    }
    values.push(text.slice(0, -1).trim());
  }
}

/** A line without a comma whose next non-blank line is a type: a field's name, not a value. */
function typedName(lines: Line[], at: number, end: number): boolean {
  const text = lines[at]?.text ?? "";
  // A value in code (`agent`) is a value, whatever follows it.
  if (text.endsWith(",") || text.startsWith("`") || /\s/.test(text.trim())) return false;
  let k = at + 1;
  while (k < end && lines[k]?.text === "") k++;
  // A line under an anchor names the next field: it is no type, even when it reads as one (`file`);
  // so does a type word with a type line of its own under it (`number` over `string`).
  const next = lines[k];
  if (k >= end || next?.anchor !== undefined || parseTypeLine(next?.text ?? "").kind !== "type")
    return false;
  let after = k + 1;
  while (after < end && lines[after]?.text === "") after++;
  return after >= end || parseTypeLine(lines[after]?.text ?? "").kind !== "type";
}

/**
 * `Example:` (also `Examples:`, `Allowed value:`) then, after an optional blank line, one JSON
 * value, which may span lines.
 */
export function readExample(
  lines: Line[],
  at: number,
  end: number,
  ctx: Context,
  fieldAt?: (index: number) => boolean,
): Part<{ value: unknown }> {
  const head = lines[at] as Line;
  const inline = head.text.slice(head.text.indexOf(":") + 1).trim();
  if (inline !== "") return { value: scalarExample(inline, head.no, ctx), next: at + 1 };
  let k = at + 1;
  while (k < end && (lines[k] as Line).text === "") k++;
  if (k >= end) {
    // Nothing before the next section: the spec's example was empty. Nothing before the page's
    // end: a cut page, unless the copy dropped every example's value (one above went straight
    // on to the next field, as this one would).
    if (end >= lines.length && !valuesDropped(lines, at, fieldAt))
      fail(ctx, head.no, `a value after ${head.text}`, "end of section");
    return { value: undefined, next: k };
  }
  const line = lines[k] as Line;
  // `Example:` with nothing after it (the spec's example was empty) before the next field's
  // anchored name, or its name and type: no example, and that name is the next field's.
  if (line.anchor !== undefined || fieldAt?.(k) === true) return { value: undefined, next: k };
  if (!opensJson(line.text)) return { value: scalarExample(line.text, line.no, ctx), next: k + 1 };
  const block = readJsonBlock(lines.slice(0, end), k, ctx, "example");
  if (block === undefined) return { value: undefined, next: k + 1 };
  if (block.rest.trim() !== "") {
    fail(ctx, (lines[block.end] as Line).no, "the end of the line after the example", block.rest);
  }
  return { value: block.malformed ? undefined : { value: block.value }, next: block.end + 1 };
}

/**
 * True when the copy dropped every example's value: each `Example:` line above lines[at] goes
 * straight on to the next field's name (and there is one).
 */
function valuesDropped(lines: Line[], at: number, fieldAt?: (index: number) => boolean): boolean {
  let empty = 0;
  for (let i = 0; i < at; i++) {
    if (!/^Examples?:$/.test((lines[i] as Line).text)) continue;
    const k = skipBlank(lines, i + 1, at);
    if (k >= at || fieldAt?.(k) !== true) return false;
    empty++;
  }
  return empty > 0;
}

/** A one-line example: JSON when it parses; otherwise the text itself, unless it is a cut string. */
function scalarExample(text: string, line: number, ctx: Context): { value: unknown } | undefined {
  let parsed = parseJson(text);
  // `\[{ "amount": 10 }\]`: a markdown scraper escaped the brackets.
  if (!parsed.ok && text.startsWith("\\")) parsed = parseJson(text.replace(/\\([[\]_*])/g, "$1"));
  if (parsed.ok) return { value: parsed.value };
  if (text.startsWith('"')) {
    fail(ctx, line, "a complete JSON string as the example", text);
    return undefined;
  }
  return { value: text };
}

const NUM = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const RANGE = new RegExp(`^(?:(${NUM})\\s*(<=|<)\\s*)?x(?:\\s*(<=|<|>=|>)\\s*(${NUM}))?$`);
const CONSTRAINT_HEAD =
  /^(?:Required range|Required (?:string |array )?length|(?:Maximum|Minimum) (?:string |array )?length|Pattern|Multiple of):/;

/** True when a trimmed line is a constraint line (known or malformed). */
export function isConstraintLine(text: string): boolean {
  return CONSTRAINT_HEAD.test(text);
}

/**
 * Reads `Required range: 100 <= x <= 99999900`, `Maximum length: 256`, `Pattern: ...` and the like
 * into JSON Schema keywords. `isArray` decides what a bare "length" bounds.
 */
export function readConstraint(text: string, isArray: boolean): Schema | undefined {
  const colon = text.indexOf(":");
  const label = text.slice(0, colon);
  const value = text.slice(colon + 1).trim();
  if (label === "Pattern") return value === "" ? undefined : { pattern: value };
  if (label === "Multiple of") return /^\d/.test(value) ? { multipleOf: Number(value) } : undefined;
  if (label === "Required range") return readRange(value);
  const kind =
    label.includes("array") || (isArray && !label.includes("string")) ? "Items" : "Length";
  if (label.startsWith("Required")) {
    // `1 - 64`, or one number when both bounds are equal (`Required string length: 3`).
    const m = /^(\d+)(?:\s*-\s*(\d+))?(?:\s+elements?|\s+characters?)?$/.exec(value);
    if (m === null) return undefined;
    return { [`min${kind}`]: Number(m[1]), [`max${kind}`]: Number(m[2] ?? m[1]) };
  }
  const m = /^(\d+)(?:\s+elements?|\s+characters?)?$/.exec(value);
  if (m === null) return undefined;
  return { [`${label.startsWith("Maximum") ? "max" : "min"}${kind}`]: Number(m[1]) };
}

// `items: 1–1`, `length <= 5000`: a range of an array's items or a string's length, as some
// sites' renderers spell it under the same label.
const SIZE_SPAN = /^(items|length)\s*:\s*(\d+)\s*[-–]\s*(\d+)$/;
const SIZE_BOUND = /^(items|length)\s*(<=|>=)\s*(\d+)$/;

function readRange(value: string): Schema | undefined {
  const span = SIZE_SPAN.exec(value);
  const bound = SIZE_BOUND.exec(value);
  const kind = (span ?? bound)?.[1] === "items" ? "Items" : "Length";
  if (span !== null) return { [`min${kind}`]: Number(span[2]), [`max${kind}`]: Number(span[3]) };
  if (bound !== null) return { [`${bound[2] === "<=" ? "max" : "min"}${kind}`]: Number(bound[3]) };
  const m = RANGE.exec(value);
  if (m === null || (m[1] === undefined && m[3] === undefined)) return undefined;
  const out: Schema = {};
  if (m[1] !== undefined) out[m[2] === "<" ? "exclusiveMinimum" : "minimum"] = Number(m[1]);
  if (m[3] !== undefined) {
    const keyword = {
      "<=": "maximum",
      "<": "exclusiveMaximum",
      ">=": "minimum",
      ">": "exclusiveMinimum",
    };
    out[keyword[m[3] as keyof typeof keyword]] = Number(m[4]);
  }
  return out;
}
