import { readCjkProse } from "./prose-cjk.ts";
import { typed, unquote } from "./prose-value.ts";
import type { Schema } from "./type-line.ts";

/**
 * Hand-written reference pages often state a field's limits only in its description: "Minimum
 * `1`, maximum `100`", "(2-100 characters)", "One of `guest`, `lead`, or `customer`", "Defaults
 * to 20". This reads the few phrasings that cannot mean anything else, for the field's own type
 * (numbers get minimum/maximum, strings lengths, arrays item counts) and returns the keywords; what
 * the page also states in its structured pills always wins (the caller only fills gaps).
 */

/** A value as prose writes it: in backticks or quotes, or a bare token. */
const QUOTED = String.raw`\x60[^\x60]+\x60|"[^"]+"|'[^']+'|\u201C[^\u201D]+\u201D`;
// A bare word may hold dots (`v1.2`) but not end with one: that is the sentence's.
const TOKEN = String.raw`[\w:/+-]+(?:\.[\w:/+-]+)*`;
const ITEM = `(?:${QUOTED}|${TOKEN})`;
const SEP = String.raw`\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*\|\s*|\s*/\s*)`;
const LIST = `(${ITEM}(?:${SEP}${ITEM})+)`;
// "One of" opens a list of values where it opens the sentence or follows "must be" ("at least one
// of `html` or `text`" is about fields, "accepts either `a` or `b`" about spellings).
const ENUM_HEAD = String.raw`\b(?:must|can|should|may) be (?:either|one of)|(?:^|[.:;]\s+|\(\s*)one of|\b(?:possible|allowed|valid|accepted|supported|available) (?:values|options)(?: are| include)?|\benum(?:eration)?`;
const ENUM = new RegExp(`(?:${ENUM_HEAD})\\s*:?\\s*${LIST}`, "i");

// `50,000`: thousands separated by commas, as prose writes large limits.
// (Digits before a separator are never a number of their own: `2,048 bytes` is not `2`.)
const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+(?!,\d{3}))(?:\.\d+)?`;
/** A number as prose writes it, separators and all. */
const numberOf = (text: string): number => Number(text.replace(/,/g, ""));
const Q = (re: string) => `[\x60"']?(${re})[\x60"']?`;
// "generally between -300 and 300": a hedged range is advice, not a limit.
const BETWEEN = new RegExp(
  String.raw`(?<!\b(?:generally|usually|typically|normally|often|roughly|approximately|around)\s+)\b(?:between|from)\s+${Q(NUM)}\s+(?:and|to|through)\s+${Q(NUM)}`,
  "i",
);
const DASHED = new RegExp(String.raw`\(\s*${Q(NUM)}\s*[-\u2013\u2014]\s*${Q(NUM)}\b`);
const MIN = new RegExp(
  String.raw`\b(?:min(?:imum)?(?: value)?(?: is| of)?|at least|must be >=|>=|\u2265)\s*:?\s*${Q(NUM)}`,
  "i",
);
const MAX = new RegExp(
  String.raw`\b(?:max(?:imum)?(?: value)?(?: is| of)?|at most|up to|no more than|cannot exceed|must be <=|<=|\u2264)\s*:?\s*${Q(NUM)}`,
  "i",
);
const UNIT = {
  string: "(?:characters?|chars?)",
  array: "(?:items?|elements?|entries|values)",
} as const;
// What a number followed by these words counts: the value's digits or its text, not the value.
const NOT_A_VALUE = String.raw`(?![\x60"']?(?:\d|\.\d|\s*(?:decimals?|digits?|places|characters?|chars?|bytes?|significant)\b))`;
const DEFAULT = new RegExp(
  String.raw`\bdefaults?(?: value)?(?: is| to|:)\s*(${QUOTED}|${NUM}|true|false|null|[A-Za-z_][\w-]*(?:\.[\w-]+)*)`,
  "i",
);

// "`null` if not yet authorized", "or `null` while in flight", "can be null": null is a value.
const NULLABLE =
  /(?:^|[\s(])[`"]?null[`"]?\s+(?:if|when|while|until|unless|otherwise|before)\b|\bor\s+[`"]?null[`"]?(?=[\s.,;)]|$)|\b(?:can|may|will)\s+be\s+[`"]?null\b|\bis\s+[`"]?null[`"]?\s+(?:if|when|while|until|before)\b|\bnullable\b/gi;
// What turns a match around: "non-nullable", "not nullable", "must not be null", "never null".
const NEGATED =
  /(?:\bnon-?|\bnot\s+(?:be\s+)?|\bnever\s+(?:be\s+)?|\bcannot\s+be\s+|\bcan't\s+be\s+)[`"]?$/i;
// "when `refund_id` is null": another field's value, not this one's.
const OTHER_SUBJECT = /`[^`]+`\s*$/;

/** True when the description says the value may be null. */
export function saysNullable(text: string): boolean {
  for (const match of text.matchAll(NULLABLE)) {
    const before = text.slice(
      Math.max(0, match.index - 40),
      match.index + (match[0].length - match[0].trimStart().length),
    );
    if (NEGATED.test(before)) continue;
    if (/^\s*is\b/i.test(match[0]) && OTHER_SUBJECT.test(before)) continue;
    return true;
  }
  return false;
}

/** The keywords the description states for a schema of the given types; empty when none. */
export function readProse(text: string, types: string[]): Schema {
  const out: Schema = {};
  if (text === "") return out;
  const kind =
    types.includes("integer") || types.includes("number")
      ? "number"
      : types.includes("array")
        ? "array"
        : types.includes("string")
          ? "string"
          : types.includes("boolean")
            ? "boolean"
            : undefined;
  if (kind === undefined) return out;
  if (kind !== "boolean") readLimits(text, kind, out);
  if (kind === "number" || kind === "string") {
    const values = readEnum(text, kind, types) ?? readListedEnum(text, kind, types);
    if (values !== undefined) out.enum = values;
  }
  const def = DEFAULT.exec(text);
  // A bare word is a default only when it ends the phrase ("defaults to the account's" is not).
  const after = def === null ? "" : text.slice(def.index + def[0].length);
  const ends = def !== null && /^\s*(?:[.,;)]|$)/.test(after);
  // "Defaults to `A`, `B`, or `C` based on the type": one of several, so no default of its own.
  const oneOf =
    /^\s*(?:,|\s+or)\s*[`"']/i.test(after) ||
    /^[^.]*\b(?:based on|depending on|depends on|according to)\b/i.test(after);
  if (def !== null && kind !== "array" && ends && !oneOf) {
    const written = unquote(def[1] as string);
    const plain = kind === "number" && /^-?\d{1,3}(?:,\d{3})+/.test(written);
    const value = typed(plain ? String(numberOf(written)) : written, kind, types);
    if (value !== undefined) out.default = value;
  }
  // What a Chinese, Japanese or Korean description says in its own words fills what is left.
  for (const [key, value] of Object.entries(readCjkProse(text, kind, types)))
    if (out[key] === undefined) out[key] = value;
  return out;
}

function readLimits(text: string, kind: "number" | "string" | "array", out: Schema): void {
  const [low, high] =
    kind === "number"
      ? ["minimum", "maximum"]
      : kind === "string"
        ? ["minLength", "maxLength"]
        : ["minItems", "maxItems"];
  // Lengths and counts must name their unit ("2-100 characters", "at most 10 items"); a number's
  // limit must not ("max 2 decimal places" limits its digits, not its value).
  const unit = kind === "number" ? NOT_A_VALUE : String.raw`\s*${UNIT[kind]}`;
  // With a unit the parentheses are not needed: "3-200 characters".
  const dashed =
    kind === "number" ? DASHED.source : String.raw`(?<![\w.-])${Q(NUM)}\s*[-\u2013]\s*${Q(NUM)}`;
  const range = new RegExp(`(?:${BETWEEN.source}|${dashed})${unit}`, "i").exec(text);
  if (range !== null) {
    const [a, b] = (range.slice(1).filter((g) => g !== undefined) as string[]).map(numberOf);
    if (a !== undefined && b !== undefined && a <= b) {
      out[low] = a;
      out[high] = b;
      finish(out, kind, low, high);
      return;
    }
  }
  const min = new RegExp(`${MIN.source}${unit}`, "i").exec(text);
  if (min !== null) out[low] = numberOf(min[1] as string);
  const max = new RegExp(`${MAX.source}${unit}`, "i").exec(text);
  if (max !== null) out[high] = numberOf(max[1] as string);
  // A length limit also reads "100 characters max" / "max length 100".
  if (kind === "string" && out[high] === undefined) {
    const length = new RegExp(
      String.raw`\bmax(?:imum)?\s+length(?: is| of)?\s*:?\s*${Q(NUM)}`,
      "i",
    ).exec(text);
    if (length !== null) out[high] = numberOf(length[1] as string);
  }
  finish(out, kind, low, high);
}

/**
 * Lengths and counts are whole and not negative; a reversed pair is no range; a length or count
 * of at least 0 (`0-500 characters`) says nothing a schema needs.
 */
function finish(out: Schema, kind: string, low: string, high: string): void {
  if (kind !== "number" && out[low] === 0) delete out[low];
  for (const key of [low, high]) {
    const n = out[key];
    if (n === undefined) continue;
    if (!Number.isFinite(n) || (kind !== "number" && (!Number.isInteger(n) || n < 0)))
      delete out[key];
  }
  if (out[low] !== undefined && out[high] !== undefined && out[low] > out[high]) {
    delete out[low];
    delete out[high];
  }
}

// `Options:` (`Possible values:`, `One of:`) closing a line, then a bullet per value, each
// opening with the value in code: `- \`gpu\` (GPU instance)`.
const LIST_HEAD =
  /(?:\boptions|\b(?:possible|allowed|valid|accepted|supported|available) values|(?<!examples? )\bvalues|\bone of)\s*:\s*\n/i;
const LISTED_VALUE = /^\s*[-*•]\s+`([^`]+)`(?:\s|:|$)/;

/** The values a bullet list under a lead-in names, each in code; undefined for any other list. */
function readListedEnum(
  text: string,
  kind: "number" | "string",
  types: string[],
): unknown[] | undefined {
  const head = LIST_HEAD.exec(text);
  if (head === null) return undefined;
  // A comma-separated value (said before the list) holds several of the listed values: the
  // list is not the enum.
  if (/\bcomma[- ]separated\b/i.test(text.slice(0, head.index))) return undefined;
  const lines = text.slice(head.index + head[0].length).split("\n");
  while (lines[0]?.trim() === "") lines.shift();
  const items: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") break;
    const value = LISTED_VALUE.exec(line)?.[1];
    if (value === undefined) return undefined;
    items.push(value);
  }
  // `` `"pix"` ``: the value a JSON string, quotes and all, in code.
  const values = items.map((item) => typed(unquote(`\`${item}\``), kind, types));
  if (values.some((v) => v === undefined) || new Set(values).size !== values.length)
    return undefined;
  return values.length >= 2 ? values : undefined;
}

function readEnum(text: string, kind: "number" | "string", types: string[]): unknown[] | undefined {
  // A comma-separated value holds several of the listed values: the list is not the field's enum.
  if (/\bcomma[- ]separated\b/i.test(text)) return undefined;
  const match = ENUM.exec(text);
  if (match === null) return undefined;
  const items = (match[1] as string).split(new RegExp(SEP)).map((item) => item.trim());
  const quoted = items.every((item) => new RegExp(`^(?:${QUOTED})$`).test(item));
  // Bare words only when the list is the end of the sentence ("One of a, b, or c.").
  const rest = text.slice((match.index ?? 0) + match[0].length);
  if (!quoted && !/^\s*(?:[.;)]|$)/.test(rest)) return undefined;
  const values: unknown[] = [];
  for (const item of items) {
    const value = typed(unquote(item), kind, types);
    if (value === undefined || values.includes(value)) return undefined;
    values.push(value);
  }
  return values.length >= 2 ? values : undefined;
}
