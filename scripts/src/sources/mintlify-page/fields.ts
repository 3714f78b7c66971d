import { type Context, fail, note } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import { SECTION_HEADINGS } from "../model/sections.ts";
import { isLanguageType, parseTypeLine, WORD_TYPES } from "../model/type-line.ts";
import { mintlifySpelling } from "../model/type-spelling.ts";
import { isConstraintLine, readConstraint, readExample, readOptions } from "./field-parts.ts";
import { type Line, skipBlank, skipBlankBack } from "./lines.ts";
import { Placer } from "./placer.ts";
import { expandTables } from "./table-rows.ts";

/** Paragraphs before the first field, and the fields. */
export interface FieldList {
  preamble: { text: string; line: number }[];
  fields: Field[];
  /** The paragraphs after a table of fields: of the section, not of its last row. */
  after?: { text: string; line: number }[] | undefined;
  /** A payload's own `Available options:` above any field: the payload is that enum. */
  rootOptions?: { values: string[]; line: number } | undefined;
}

const EXAMPLE_HEAD = /^Examples?:/;
const LOCATIONS = new Set(["header", "query", "path", "cookie"]);
const TOGGLES = new Set(["Show child attributes", "Hide child attributes"]);
// Mintlify's expandable reads `Show <its title>`: `child attributes` unless the page named it
// (`Show Properties`, `Show Item fields`).
const TITLED_TOGGLE = /^(?:Show|Hide) \S+(?: \S+){0,3}$/;

/** True for an expandable's toggle: Mintlify's own words, or a titled one right above a field. */
export function isToggle(lines: Line[], i: number): boolean {
  const text = (lines[i] as Line).text;
  if (TOGGLES.has(text)) return true;
  if (!TITLED_TOGGLE.test(text)) return false;
  let k = i + 1;
  while (k < lines.length && (lines[k] as Line).text === "") k++;
  const next = lines[k];
  if (next === undefined) return false;
  // A scrape's anchored name, or a copy's name over its type line.
  const pill = lines[k + 1]?.text ?? "";
  return next.anchor !== undefined || (NAME.test(next.text) && marker(pill) === "type");
}
// The types a hand-written field renders as written (`float`), which prose also uses as words.
const SPELLED_TYPES = new Set(["float", "double", "int", "bool"]);
// The type names such a list is made of (`timestamp` over `int` is a field so named).
const LISTED_TYPE =
  /^(?:string|integer|number|boolean|object|array|null|any|file|float|double|int|bool)(?:\[\])?$/;
/** A field name as Mintlify prints it (`amount`, `X-Api-Key`, `items[].id`, `metadata.{key}`). */
export const NAME = /^(?:[A-Za-z_$@]|\{[A-Za-z_][\w-]*\})[\w$@.\-[\]{}]{0,127}$/;
/** `{key}`: how Mintlify names the values of a map (an object's additionalProperties). */
const MAP_KEY = /^(?:[\w$@-]+\.)*\{[\w-]{1,64}\}(?:\.[\w$@-]+)*$/;

/** What the parser knows of the example data: every object key, and the example at a path. */
export interface ExampleHints {
  keys: Set<string>;
  at: (path: string[]) => unknown;
}

/** What a line after a field name says: its type, location, `required`, `deprecated`, default. */
export type Marker = "type" | "invalid-type" | "required" | "deprecated" | "location" | "default";

/** The kind of pill a trimmed line is, if it is one. */
export function marker(text: string): Marker | undefined {
  if (text === "required") return "required";
  if (text === "deprecated") return "deprecated";
  if (LOCATIONS.has(text)) return "location";
  if (/^default:/.test(text)) return "default";
  const type = parseTypeLine(text);
  if (type.kind === "type") return "type";
  return type.kind === "invalid" ? "invalid-type" : undefined;
}

function isTypeMarker(kind: Marker | undefined): boolean {
  return kind === "type" || kind === "invalid-type";
}

/**
 * A marker word (`required`, `path`, `object`...) among a field's marker lines is the next field's
 * name when a type line follows it, unless that type line is itself followed by a type line (then
 * the type line is the name: `required`, `object`, `string`).
 */
function isMarkerWordName(lines: Line[], k: number, end: number): boolean {
  const at = (i: number) => (i < end ? (lines[i] as Line).text : "");
  return NAME.test(at(k)) && isTypeMarker(marker(at(k + 1))) && !isTypeMarker(marker(at(k + 2)));
}

/**
 * A field starts with a name line followed directly by a type, location, `required`,
 * `deprecated` or `default:` line. A name alone before a blank line counts only when the example
 * data has such a key: otherwise a one-word paragraph would pass for a field.
 */
function isFieldStart(lines: Line[], i: number, end: number, hints: ExampleHints): boolean {
  const text = (lines[i] as Line).text;
  if (!NAME.test(text) && !MAP_KEY.test(text)) return false;
  if ((lines[i] as Line).rowName) return true;
  const next = i + 1 < end ? (lines[i + 1] as Line).text : undefined;
  // `string` over `int`: a list of type names a copy kept without its bullets, not a field.
  if (next !== undefined && SPELLED_TYPES.has(next) && LISTED_TYPE.test(text)) return false;
  if (next !== undefined && next !== "")
    return (
      marker(next) !== undefined ||
      ownTypeWord(lines, i, end) ||
      languageTyped(lines, i, end) ||
      optionsOnly(lines, i, next) ||
      typelessBetween(lines, i, end)
    );
  const prev = i > 0 ? (lines[i - 1] as Line).text : "";
  // (A field's block ends with its constraints: a name right under them starts the next.)
  if (prev !== "" && !isConstraintLine(prev)) return false;
  return hints.keys.has(lastSegment(text)) || isUntypedField(lines, i, end);
}

/**
 * `status` between the pills of the field above (no description there) and the next field's
 * name and type: a field Mintlify shows with no type and nothing else, not a description of
 * one bare identifier.
 */
function typelessBetween(lines: Line[], i: number, end: number): boolean {
  const text = (lines[i] as Line).text;
  if (!UNTYPED_NAME.test(text) || /^(?:true|false|null|none|optional|nullable)$/.test(text))
    return false;
  const prev = lines[i - 1]?.text ?? "";
  if (prev === "" || marker(prev) === undefined || i + 2 >= end) return false;
  const [name, type] = [lines[i + 1] as Line, lines[i + 2] as Line];
  if (!NAME.test(name.text) || marker(name.text) !== undefined || marker(type.text) !== "type")
    return false;
  // Only in a copy that sets every description apart from the pills by a blank line: in one
  // that does not, the word is a one-word description (or a pill in words it does not know).
  return descriptionsSetApart(lines, i, end);
}

const SET_APART = new WeakMap<Line[], Map<number, boolean>>();
const FIELD_PART = /^(?:Available options|Examples?|Allowed value):/;

/**
 * True when, in the section around line `i` (from its heading to `end`), some field's description
 * follows its pills after a blank line, and none directly.
 */
function descriptionsSetApart(lines: Line[], i: number, end: number): boolean {
  // (Back to the heading, or a few hundred lines: every name below shares the answer.)
  let from = i;
  const stop = Math.max(0, i - 400);
  while (from > stop && !Object.hasOwn(SECTION_HEADINGS, (lines[from] as Line).text)) from--;
  const known = SET_APART.get(lines) ?? new Map<number, boolean>();
  SET_APART.set(lines, known);
  const cached = known.get(from);
  if (cached !== undefined) return cached;
  let apart = false;
  for (let k = from; k + 2 < end; k++) {
    if (marker((lines[k] as Line).text) === undefined) continue;
    const [next, after] = [(lines[k + 1] as Line).text, (lines[k + 2] as Line).text];
    const sentence = (t: string) =>
      /\s/.test(t) && marker(t) === undefined && !isConstraintLine(t) && !FIELD_PART.test(t);
    if (sentence(next)) {
      apart = false;
      break;
    }
    if (next === "" && sentence(after)) apart = true;
  }
  known.set(from, apart);
  return apart;
}

/**
 * `chat_mode` right over `Available options:`: a field Mintlify shows with no type (an enum
 * whose schema names none). Not a one-word description right under the pills of a field that
 * takes options (`shape` · `enum<string>`, then `geometry`): those options are that field's.
 */
function optionsOnly(lines: Line[], i: number, next: string): boolean {
  if (!UNTYPED_NAME.test((lines[i] as Line).text) || !next.startsWith("Available options:"))
    return false;
  let k = i - 1;
  while (
    k >= 0 &&
    ["required", "deprecated", "location", "default"].includes(
      marker((lines[k] as Line).text) ?? "",
    )
  )
    k--;
  const above = k >= 0 ? parseTypeLine((lines[k] as Line).text) : undefined;
  if (above?.kind !== "type") return true;
  // (`enum<string>[]`: its items take the options.)
  const held = above.schema.type === "array" ? (above.schema.items ?? {}) : above.schema;
  const types = [held.type].flat();
  return !types.some((t) => t === undefined || ["string", "integer", "number"].includes(t));
}

/**
 * `audioFormat` over `ogg` over `required`: a hand-written field whose type pill holds what its
 * author wrote there (the one value it takes, or a type in another spelling: `date`, `long`),
 * over the field's own pill. Read as that type, else as a field of no type, and said.
 */
function ownTypeWord(lines: Line[], i: number, end: number): boolean {
  if (i + 2 >= end || !UNTYPED_NAME.test((lines[i] as Line).text)) return false;
  const [word, pill] = [(lines[i + 1] as Line).text, (lines[i + 2] as Line).text];
  return (
    /^[a-z][a-z0-9_-]{0,30}$/.test(word) && ["required", "default"].includes(marker(pill) ?? "")
  );
}

/**
 * `react` over `React.ReactNode`, then a blank line: a hand-written field typed in its SDK's
 * language. Only under a field-like name (`Microsoft.Compute` over `Microsoft.Storage` is a
 * list of values).
 */
function languageTyped(lines: Line[], i: number, end: number): boolean {
  const type = i + 1 < end ? (lines[i + 1] as Line).text : "";
  const after = i + 2 < end ? (lines[i + 2] as Line).text : "";
  return UNTYPED_NAME.test((lines[i] as Line).text) && isLanguageType(type) && after === "";
}

/**
 * A field Mintlify shows with no type (`anyOf` of a boolean and a list): its name alone between
 * blank lines, then its description, a sentence. Not a word that ends a lead-in (`One of:`,
 * then values one per paragraph), nor a capitalized word (`Note`), nor a value (`true`, `null`).
 */
function isUntypedField(lines: Line[], i: number, end: number): boolean {
  const text = (lines[i] as Line).text;
  if (!UNTYPED_NAME.test(text) || /^(?:true|false|null|none)$/.test(text)) return false;
  const after = i + 2 < end ? (lines[i + 2] as Line).text : "";
  if (i + 1 >= end || (lines[i + 1] as Line).text !== "") return false;
  if (!/^[A-Z][^\s]*(?:\s+\S+){2,}/.test(after)) return false;
  // Not after a lead-in, nor after `value` and its sentence, again and again, under one. A
  // value stands between blank lines (even a type word: `One of:` / `string` / `number`); a line
  // right under another is a field's pill (`id` / `string` / `required`), where the walk ends.
  for (let k = above(lines, i), pairs = 0; k >= 0 && pairs < 64; pairs++) {
    if (/[:：]\s*$/.test((lines[k] as Line).text)) return false;
    const word = above(lines, k);
    const text = word < 0 ? "" : (lines[word] as Line).text;
    const alone = word > 0 && (lines[word - 1] as Line).text === "" && word + 1 < k;
    if (!UNTYPED_NAME.test(text) || !alone) break;
    k = above(lines, word);
  }
  return true;
}

const UNTYPED_NAME = /^[a-z_][A-Za-z0-9_]*$/;
/** The nearest line above `i` with text, or -1. */
function above(lines: Line[], i: number): number {
  let k = i - 1;
  while (k >= 0 && (lines[k] as Line).text === "") k--;
  return k;
}

/**
 * A field's name and type line: after an empty `Example:`, what else could be its value (`true`
 * over an anchored `query`, which is a name, not a location pill) is not taken for a field.
 */
function namedAndTyped(lines: Line[], i: number, end: number, hints: ExampleHints): boolean {
  const next = lines[i + 1];
  if (next === undefined || next.anchor !== undefined || marker(next.text) !== "type") return false;
  return isFieldStart(lines, i, end, hints);
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1).replace(/\[\]$/, "");
}

/** Reads the fields of one section (lines[start..end)). */
export function readFields(
  lines: Line[],
  start: number,
  end: number,
  ctx: Context,
  hints: ExampleHints,
  payload = false,
): FieldList {
  // A hand-written page's table of fields: its rows, as the lines Mintlify renders for fields.
  const section = lines.slice(start, end);
  const { lines: expanded, misfits, after } = expandTables(section);
  for (const row of misfits) fail(ctx, row.no, "a table row with a cell for each column", row.text);
  if (expanded.length !== section.length || expanded.some((line, k) => line !== section[k])) {
    const read = readFields(expanded, 0, expanded.length, ctx, hints, payload);
    return { ...read, after };
  }
  const result: FieldList = { preamble: [], fields: [] };
  let i = start;
  while (i < end && !isFieldStart(lines, i, end, hints)) {
    const line = lines[i] as Line;
    // A payload that is an enum itself (a status string): its options, under its description.
    if (payload && line.text.startsWith("Available options:") && result.rootOptions === undefined) {
      const part = readOptions(lines, i, end, ctx);
      result.rootOptions = { values: part.value ?? [], line: line.no };
      i = part.next;
      continue;
    }
    // A field's parts without the field: a scrape that lost the names (rendered by CSS).
    if (isConstraintLine(line.text) || /^(?:Available options|Examples?):/.test(line.text)) {
      fail(ctx, line.no, "a field name and type before this line", line.text);
    }
    if (line.text !== "" && !isToggle(lines, i) && !line.heading) {
      const last = result.preamble.at(-1);
      const joined = last !== undefined && (lines[i - 1] as Line).text !== "";
      if (joined) last.text += `\n${line.text}`;
      else result.preamble.push({ text: line.text, line: line.no });
    }
    i++;
  }
  const variants = markVariantTitles(lines, i, end, hints);
  let variant: string | undefined;
  const placer = new Placer(hints);
  // The raw line a scrape glued a toggle's children onto (`Show Properties`, then
  // `[](#param-id)idinteger…[](#param-start)start…` on one line): they end where it ends.
  let glued: number | undefined;
  // Whether a toggle came since the last field: its children, if shown, are placed by it.
  let toggled = false;
  while (i < end) {
    const line = lines[i] as Line;
    if (glued !== undefined && line.text !== "" && line.no !== glued) {
      placer.closeAll();
      glued = undefined;
    }
    if (line.text === "") i++;
    else if (line.heading) {
      // `### Cost` between groups of fields: what follows is no child of the last field, and
      // the text under the heading introduces the group, not a field.
      placer.closeAll();
      if (variants.has(line)) variant = line.text;
      i++;
      while (i < end && !isToggle(lines, i) && !(lines[i] as Line).heading) {
        if (isFieldStart(lines, i, end, hints)) break;
        i++;
      }
    } else if (isToggle(lines, i)) {
      glued = gluedChildren(lines, i, end);
      const collapsed = line.text.startsWith("Show ") && glued === undefined;
      const last = result.fields.at(-1);
      if (collapsed && last !== undefined) last.folded = true;
      placer.open(collapsed);
      toggled = true;
      i++;
    } else if (isFieldStart(lines, i, end, hints)) {
      const read = readField(lines, i, end, ctx, hints);
      if (!toggled && opensOwnChildren(result.fields.at(-1), read.field.name)) placer.open();
      toggled = false;
      read.field.path = placer.place(read.field.name, line.anchor);
      if (variant !== undefined && read.field.path.length === 1) read.field.variant = variant;
      result.fields.push(read.field);
      i = read.next;
    } else if (isItemsLine(line, result.fields.at(-1))) {
      // `teamRoles` · `enum<string>[]`, its toggle, then a child with no name (its anchor is a
      // bare `#parameter`) typed `enum<string>` with options: the items, whose options are the
      // array's.
      const read = readField(lines, i - 1, end, ctx, hints, "items");
      const owner = result.fields.at(-1) as Field;
      owner.options ??= read.field.options;
      placer.closeAll();
      i = read.next;
    } else if (EXAMPLE_HEAD.test(line.text) && result.fields.length > 0) {
      // An object's example comes after its `Show child attributes` toggle: the children were
      // folded, so the example is the object's own.
      const part = readExample(lines, i, end, ctx);
      const owner = result.fields.at(-1) as Field;
      if (part.value !== undefined) owner.example ??= part.value;
      i = line.text.startsWith("Examples:") ? moreExamples(lines, part.next, end) : part.next;
    } else {
      fail(ctx, line.no, "a field name followed by its type or `required`", line.text);
      i++;
    }
  }
  // A payload of several shapes requires none of one shape's fields (another may lack them).
  if (variant !== undefined)
    for (const field of result.fields) if (field.path.length === 1) field.required = false;
  return result;
}

/**
 * A hand-written page that lists the payload once per shape it takes, each under a title of its
 * own (`Default Format`, then `OpenRouter Format` over `data` again): a title line (blank lines
 * around it, a few capitalised words, no sentence end) over a field whose name a field above
 * already has. Marked as a heading inside the section (no field's description), and returned.
 * (A dry run of the reader marks it too: the line is such a title whoever reads it.)
 */
function markVariantTitles(
  lines: Line[],
  from: number,
  end: number,
  hints: ExampleHints,
): Set<Line> {
  const titles = new Set<Line>();
  // Only where every field is a top-level one: no toggle nests any, no anchor places any.
  for (let i = from; i < end; i++)
    if (isToggle(lines, i) || (lines[i] as Line).anchor !== undefined) return titles;
  const names = new Set<string>();
  for (let i = from; i < end; i++) {
    const line = lines[i] as Line;
    if (isFieldStart(lines, i, end, hints)) names.add(line.text);
    const apart = lines[i - 1]?.text === "" && lines[i + 1]?.text === "";
    if (!apart || !VARIANT_TITLE.test(line.text) || marker(line.text)) continue;
    // Under a field's pills, the line is its description (`The plan identifier`).
    const above = skipBlankBack(lines, i - 1);
    if (above >= from && marker((lines[above] as Line).text) !== undefined) continue;
    const next = skipBlank(lines, i + 1, end);
    if (
      next < end &&
      names.has((lines[next] as Line).text) &&
      isFieldStart(lines, next, end, hints)
    ) {
      line.heading = true;
      titles.add(line);
    }
  }
  return titles;
}

// Two to four words, the first capitalised (`Default Format`, `OpenRouter Format`).
const VARIANT_TITLE = /^\p{Lu}[\p{L}\d()/-]*(?: [\p{L}\d()/-]+){1,3}$/u;

/**
 * `sentiment` · `object`, no description, then `sentiment` again: nested fields shown open with
 * no toggle (a hand-written page), the first of them named as their parent. Only a repeated
 * name says so; the fields after it are the object's too, unless the example shows them beside
 * it (the placer's rule). (After a toggle, the toggle places them.)
 */
function opensOwnChildren(last: Field | undefined, name: string): boolean {
  if (last === undefined || last.name !== name || last.description.length > 0) return false;
  // (No deeper than objects nest: `obj` / `object` a thousand times is one field written again.)
  if (last.path.length >= 8) return false;
  const { type, items } = last.schema;
  return type === "object" || (type === "array" && items?.type === "object");
}

/** A type line whose anchor names no field (`#parameter`): an array's items, in its toggle. */
export function isNamelessType(line: Line): boolean {
  const bare = line.anchor !== undefined && /^(?:parameter|param|response|body)$/.test(line.anchor);
  return bare && marker(line.text) === "type";
}

function isItemsLine(line: Line, owner: Field | undefined): boolean {
  return isNamelessType(line) && [owner?.schema.type].flat().includes("array");
}

/**
 * The raw line number the fields after a toggle share, when two or more anchored fields follow
 * it on one raw line: a scrape kept the folded children, glued together; undefined otherwise.
 */
function gluedChildren(lines: Line[], toggle: number, end: number): number | undefined {
  let k = toggle + 1;
  while (k < end && (lines[k] as Line).text === "") k++;
  const first = lines[k];
  if (first?.anchor === undefined) return undefined;
  for (let j = k + 1; j < end && (lines[j] as Line).no === first.no; j++)
    if ((lines[j] as Line).anchor !== undefined) return first.no;
  return undefined;
}

function readField(
  lines: Line[],
  at: number,
  end: number,
  ctx: Context,
  hints: ExampleHints,
  /** A field the page shows without a name (an array's items): named so, its type on `at + 1`. */
  unnamed?: string,
): { field: Field; next: number } {
  const head = lines[at] as Line;
  const field =
    unnamed === undefined
      ? newField(head.text, head.no)
      : newField(unnamed, (lines[at + 1] as Line).no);
  let k = at + 1;
  // Its type in an SDK's language (`React.ReactNode`): any type.
  if (unnamed === undefined && languageTyped(lines, at, end)) k++;
  else if (
    unnamed === undefined &&
    marker((lines[k] as Line | undefined)?.text ?? "") === undefined &&
    ownTypeWord(lines, at, end)
  ) {
    const word = lines[k] as Line;
    // (`date`, `email`, `long`: a type in another spelling, which it is.)
    const spelled = parseTypeLine(mintlifySpelling(word.text) ?? "");
    if (spelled.kind === "type") field.schema = spelled.schema;
    else
      note(
        ctx,
        word.no,
        `a known type, not ${JSON.stringify(word.text)} (read as no type)`,
        word.text,
      );
    k++;
  }
  let union: string | undefined;
  let typed = false;
  const tabs: string[] = [];
  for (let first = true; k < end; k++, first = false) {
    const line = lines[k] as Line;
    // A blank line between a union and its alternatives' tabs (a scrape's paragraphs).
    if (line.text === "" && union !== undefined && tabsOfUnion(lines, k + 1, end, union)) continue;
    const kind = line.text === "" ? undefined : marker(line.text);
    if (kind === undefined) break;
    // (`timestamp` under the field's own type: a one-word description.)
    if (typed && WORD_TYPES.has(line.text)) break;
    // The alternatives' tabs under a union (`string` then the union again) are no field: each
    // is one type the value may take.
    if (!first && union !== undefined && tabsOfUnion(lines, k, end, union)) {
      tabs.push(line.text);
      continue;
    }
    // (Before the field's own type, `required` over `string` is its pill and its late type.)
    if (!first && (typed || field.location === undefined) && isMarkerWordName(lines, k, end)) break;
    if (isTypeMarker(kind)) {
      const type = parseTypeLine(line.text);
      // After a union type (`(Text · object | File · object)[]`), Mintlify prints the type of
      // each alternative again on its own line: the union already says them all.
      if (!first && type.kind === "type" && union !== undefined) continue;
      // The type after the location and `required` pills (`Authorization`, `header`,
      // `required`, then `string`): an extractor's order, still the field's one type.
      const late = !first && type.kind === "type" && field.schema.type === undefined && !typed;
      if ((!first && !late) || type.kind !== "type") {
        const reason = type.kind === "invalid" ? type.reason : "the type line right after the name";
        fail(ctx, line.no, reason, line.text);
        continue;
      }
      typed = true;
      field.schema = type.schema;
      field.named = type.named;
      if (/[|·]/.test(line.text)) union = line.text;
    } else if (kind === "required") field.required = true;
    else if (kind === "deprecated") field.deprecated = true;
    else if (kind === "location") field.location = line.text;
    else {
      field.defaultText = line.text.slice("default:".length).trim();
      // `default:` with the value on the next line (after a blank line in scrapes).
      const value = field.defaultText === "" ? nextValue(lines, k + 1, end, typed) : undefined;
      if (value !== undefined) {
        field.defaultText = (lines[value] as Line).text;
        k = value;
      }
    }
  }
  if (tabs.length > 0) takeTabs(field, [...tabs, union as string]);
  return { field, next: readBody(lines, k, end, ctx, hints, field) };
}

/** A union shown with tabs of other types (`string` beside `(A · object)[]`): any of them. */
function takeTabs(field: Field, tabs: string[]): void {
  const schemas: Field["schema"][] = [];
  for (const text of new Set(tabs)) {
    const type = parseTypeLine(text);
    if (type.kind !== "type") return;
    schemas.push(type.schema);
    field.named = [
      ...field.named,
      ...type.named.filter((n) => !field.named.some((m) => m.name === n.name)),
    ];
  }
  if (schemas.length > 1) field.schema = { anyOf: schemas };
}

/** True when the type lines from lines[k] on repeat the union's own line among them. */
function tabsOfUnion(lines: Line[], k: number, end: number, union: string): boolean {
  for (let i = k; i < end && isTypeMarker(marker((lines[i] as Line).text)); i++) {
    if ((lines[i] as Line).text === union) return true;
  }
  return false;
}

/**
 * `Examples:` may list several values, one per line; the model keeps the first, so the others
 * are skipped rather than read as description. Only JSON scalars count as further values.
 */
function moreExamples(lines: Line[], from: number, end: number): number {
  let k = from;
  for (;;) {
    let next = k;
    while (next < end && (lines[next] as Line).text === "") next++;
    const text = next < end ? (lines[next] as Line).text : "";
    if (!/^(?:"[^"]*"|-?\d+(?:\.\d+)?|true|false|null)$/.test(text)) return k;
    k = next + 1;
  }
}

/** The line holding a value that a `default:` left for the next line: one word or JSON. */
function nextValue(lines: Line[], from: number, end: number, typed = false): number | undefined {
  let k = from;
  if (k < end && (lines[k] as Line).text === "") k++;
  const text = k < end ? (lines[k] as Line).text : "";
  // (A type word under `default:` of a field already typed is its value, `file`, where no pill
  // follows it: the field has its one type. Over a pill it is the next field's name: `object`
  // over `required`.)
  const word = typed && isTypeMarker(marker(text)) && !/[<>[\]|]/.test(text);
  if (text === "" || (marker(text) !== undefined && !word) || isToggle(lines, k)) return undefined;
  if (isConstraintLine(text) || /^(?:Available options|Examples?|Allowed value):/.test(text)) {
    return undefined;
  }
  // A word followed by a type line is the next field's name, not the value (a quoted one never
  // is: `"none"` over `required` is the value over the field's last pill).
  const quoted = /^"[^"]*"$/.test(text);
  if (!quoted && k + 1 < end && marker((lines[k + 1] as Line).text) !== undefined) return undefined;
  return quoted || /^\S+$/.test(text) ? k : undefined;
}

/** Description paragraphs, options, example and constraints, up to the next field. */
function readBody(
  lines: Line[],
  from: number,
  end: number,
  ctx: Context,
  hints: ExampleHints,
  field: Field,
): number {
  let k = from;
  let paragraphOpen = false;
  // The description's paragraphs when the example was read: what follows the example and a
  // lost field's constraint belongs to that field, not this one.
  let described = -1;
  let lost = false;
  while (k < end) {
    const line = lines[k] as Line;
    const text = line.text;
    if (isToggle(lines, k) || line.heading || isFieldStart(lines, k, end, hints)) break;
    paragraphOpen &&= text !== "";
    if (text === "" || lost) k++;
    else if (text.startsWith("Available options:")) {
      const part = readOptions(lines, k, end, ctx);
      if (part.value?.length === 0) field.folded = true;
      else if (part.value !== undefined) field.options = { values: part.value, line: line.no };
      k = part.next;
      paragraphOpen = false;
    } else if (EXAMPLE_HEAD.test(text)) {
      const part = readExample(lines, k, end, ctx, (at) => namedAndTyped(lines, at, end, hints));
      if (part.value !== undefined) field.example = part.value;
      described = field.description.length;
      k = text.startsWith("Examples:") ? moreExamples(lines, part.next, end) : part.next;
      paragraphOpen = false;
    } else if (text.startsWith("Allowed value:")) {
      // Mintlify's rendering of a one-value enum (`const`).
      const part = readExample(lines, k, end, ctx);
      if (part.value !== undefined) field.allowed = part.value;
      k = part.next;
      paragraphOpen = false;
    } else if (isConstraintLine(text)) {
      const isArray = [field.schema.type].flat().includes("array");
      // `Required range:` with the value on the next line (after a blank line in extractions).
      let constraint = text;
      if (/:$/.test(text)) {
        const value = k + 1 < end && (lines[k + 1] as Line).text === "" ? k + 2 : k + 1;
        if (value < end && (lines[value] as Line).text !== "") {
          constraint = `${text} ${(lines[value] as Line).text}`;
          k = value;
        }
      }
      const keywords = readConstraint(constraint, isArray);
      // A string's length under a number, after its example (`limit`, its `Example:`, then
      // `Maximum string length: 100`; Mintlify shows a field's constraints above its example):
      // the parts of a field after it whose name the copy lost, never this one's.
      const types = [field.schema.type].flat();
      const foreign =
        field.example !== undefined &&
        /string length/.test(constraint) &&
        types.length > 0 &&
        types.every((t) => ["number", "integer", "boolean", "null"].includes(String(t)));
      if (keywords === undefined)
        fail(ctx, line.no, "a constraint such as `Maximum length: 10`", constraint);
      else if (foreign) {
        fail(ctx, line.no, "a field name and type before this line", constraint);
        // (Leniently: the rest, up to the next field, is the lost field's, left out.)
        if (described >= 0) field.description.length = described;
        lost = true;
      } else Object.assign(field.constraints, keywords);
      k++;
    } else if (text === "required" || /^default:/.test(text)) {
      fail(ctx, line.no, "a field name before this line", text);
      k++;
    } else {
      if (paragraphOpen) field.description[field.description.length - 1] += `\n${text}`;
      else field.description.push(text);
      paragraphOpen = true;
      k++;
    }
  }
  return k;
}
