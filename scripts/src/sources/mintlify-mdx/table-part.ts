// Which part of the operation a hand-written page's table belongs to when its own heading does
// not say: the response it follows, an object it describes, or none (its rows left out).
// Pure: the walk passes what it saw of the page.

import { newField } from "../model/field.ts";
import type { ResponseExample } from "../model/operation.ts";
import type { FieldGroup } from "./fields.ts";
import {
  headingObject,
  headingWords,
  isObjectHeading,
  namesObject,
  nestUnder,
  PART_WORDS,
} from "./nesting.ts";
import { RESPONSE_SECTION } from "./tables.ts";

/** The keys of an example object (of its first item, for a list). */
export function topKeys(value: unknown): string[] {
  const object = Array.isArray(value) ? value[0] : value;
  return object !== null && typeof object === "object" ? Object.keys(object) : [];
}

/**
 * The keys of a JSON object's top level (its first item's, for a list), read from text the docs
 * broke (a missing comma, a comment): a scan of strings and brackets, not a parse. Only what a
 * key can be: a string at depth one followed by a colon.
 */
export function looseTopKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let list = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== "\n")
        end += text[end] === "\\" ? 2 : 1;
      const objectDepth = list ? 2 : 1;
      if (depth === objectDepth && /^\s*:/.test(text.slice(end + 1, end + 40)))
        keys.push(text.slice(i + 1, end));
      i = end;
    } else if (c === "{" || c === "[") {
      if (depth === 0) list = c === "[";
      depth++;
      // A list's first item is done: what follows is the next item's.
      if (list && depth === 2 && keys.length > 0) break;
    } else if (c === "}" || c === "]") depth--;
  }
  return [...new Set(keys)];
}

/** True when most of a table's rows are keys of a response example the page shows. */
export function shownInResponse(
  groups: FieldGroup[],
  keys: Set<string>,
  examples: ResponseExample[],
): boolean {
  const all = new Set([...keys, ...examples.flatMap((e) => topKeys(e.value))]);
  const names = groups.map((g) => g.fields[0]?.name ?? "");
  return names.length > 0 && names.filter((n) => all.has(n)).length * 2 >= names.length;
}

/** True when a table's rows are named as fields already listed in the same part. */
export function repeats(before: FieldGroup[], groups: FieldGroup[]): boolean {
  const kind = groups[0]?.kind;
  const names = new Set(
    before
      .filter((g) => g.kind === kind && g.fields[0]?.path.length === 1)
      .map((g) => g.fields[0]?.name),
  );
  return groups.some((g) => names.has(g.fields[0]?.name));
}

/**
 * A table under an object heading that found no owner: one naming an object in words
 * (`Recipient Object`), or whose rows repeat names already listed (`id` again under `## 对象`).
 */
export function ownsNothing(
  section: string | undefined,
  outer: string | undefined,
  before: FieldGroup[],
  groups: FieldGroup[],
): boolean {
  if (!isObjectHeading(section)) return false;
  // `## Response object`, `## Returns a Customer object`, `### The Payment object` under
  // `## Response`: the response's own fields.
  if (RESPONSE_SECTION.test(section ?? "") || RESPONSE_SECTION.test(outer ?? "")) return false;
  const kind = groups[0]?.kind;
  const same = before.filter((g) => g.kind === kind);
  if (namesObject(section) && same.length > 0) return true;
  const listed = new Set(
    same.filter((g) => g.fields[0]?.path.length === 1).map((g) => g.fields[0]?.name),
  );
  return groups.some((g) => listed.has(g.fields[0]?.name));
}

/** Where a table sits on the page, as the walk last saw it. */
export interface TablePlace {
  /** The heading (or bold label) over the table. */
  section: string | undefined;
  /** The `##` heading over that. */
  outer: string | undefined;
  /** The field the heading names in code (`Response \`data\` Object`). */
  sectionField: string | undefined;
  /** The object a lead-in line names (`The \`pagination\` object includes:`). */
  lead: string | undefined;
  /** The last heading that said which part its tables hold (`## Response`). */
  kindSection: string | undefined;
  /** Keys of the response JSON shown under a response heading so far. */
  responseKeys: Set<string>;
  /** Keys of every JSON example shown so far, anywhere on the page. */
  shownKeys: Set<string>;
  examples: ResponseExample[];
  /** Every JSON example shown so far, whole (`<ResponseExample>`s and plain code blocks). */
  shown: unknown[];
  /** The response's own examples: `<ResponseExample>`s and the JSON under its heading. */
  response: unknown[];
  /** The JSON of a code block right above the table, if any. */
  above?: unknown;
}

/**
 * A table's groups placed among those listed before it: nested under the field that owns them,
 * as they are, or none with the reason (a note at the table's line).
 */
export function placeTable(
  groups: FieldGroup[],
  before: FieldGroup[],
  at: TablePlace,
): { add: FieldGroup[]; note?: string } {
  let owner = at.lead ?? at.sectionField ?? headingObject(at.section, before, groups, at.shown);
  // Rows that would repeat the request's names, owned by no field, under a heading that says
  // nothing of where they go (`## Field reference` after `## Response`): the part the page was
  // last in.
  if (
    owner === undefined &&
    RESPONSE_SECTION.test(at.kindSection ?? "") &&
    shownInResponse(groups, at.responseKeys, at.examples) &&
    repeats(before, groups)
  ) {
    for (const g of groups) Object.assign(g, { kind: "response", location: undefined });
    owner = headingObject(at.section, before, groups, at.shown);
  }
  const nested = nestUnder(before, groups, owner);
  if (nested === undefined && at.lead !== undefined)
    return { add: [], note: `a field the table's \`${at.lead}\` object belongs to` };
  // `## Assistant Object` over rows named as the top-level ones are (`id`): the fields of an
  // object the page lists nowhere else, not more top-level fields.
  const shown = owner === undefined ? shownObject(at.section, at.shownKeys, before, groups) : [];
  if (shown.length > 0) return { add: shown };
  if (owner === undefined && ofObjectAbove(at, before, groups))
    return {
      add: [],
      note: `a field the table under "${at.section}" belongs to (its rows are the keys of another object, shown just above it)`,
    };
  // Not under a field (none named, or `kind: "reply"`, which names none).
  if ((owner === undefined || nested === undefined) && apartFromResponse(at, before, groups))
    return {
      add: [],
      note: `a field the table under "${at.section}" belongs to (its rows are not in the response's example)`,
    };
  // `### End of Conversation Event` under `## Supported Events`: headings that name no part,
  // over rows that repeat names already listed: the fields as one variant (an event, a case)
  // sends them, not more of the operation's own.
  // Only a sub-heading (`###` under a `##`), and one naming no object an example shows
  // (`## Pagination` over `limit` again may be the response's `pagination`: that stays an error).
  const partless = !PART_WORDS.test(at.section ?? "") && !PART_WORDS.test(at.outer ?? "");
  const sub = at.section !== undefined && at.outer !== undefined && at.outer !== at.section;
  const shownKey = [...at.shownKeys].some((k) => k.toLowerCase() === at.section?.toLowerCase());
  if (owner === undefined && partless && sub && !shownKey && repeats(before, groups))
    return {
      add: [],
      note: `a field the table under "${at.section}" belongs to (its rows repeat fields listed before)`,
    };
  if (owner === undefined && ownsNothing(at.section, at.outer, before, groups))
    return {
      add: [],
      note: `a field the table under "${at.section}" belongs to (its rows are left out)`,
    };
  return { add: nested ?? groups };
}

/**
 * `### Assistant Object` over rows, on a page whose example shows an `assistant` object that no
 * row lists: that object, its rows as its fields (one group); none when the heading names no
 * such key.
 */
function shownObject(
  section: string | undefined,
  shown: Set<string>,
  before: FieldGroup[],
  groups: FieldGroup[],
): FieldGroup[] {
  const first = groups[0];
  const rows = first?.fields[0];
  if (!namesObject(section) || first === undefined || rows === undefined) return [];
  const words = headingWords(section as string);
  const spellings = [words.join("_"), words.join(""), words.join("-")];
  const key = [...shown].find(
    (k) =>
      spellings.includes(k.toLowerCase().replace(/-/g, "_")) || spellings.includes(k.toLowerCase()),
  );
  const listed = before.some((g) => g.kind === first.kind && g.fields[0]?.name === key);
  if (key === undefined || listed) return [];
  const parent = newField(key, rows.line);
  parent.schema = { type: "object" };
  parent.required = false;
  const fields = groups.flatMap((g) => g.fields.map((f) => ({ ...f, path: [key, ...f.path] })));
  return [{ ...first, fields: [parent, ...fields] }];
}

/**
 * A table under headings that say nothing of the part (`### 1. Reply` under `## Activity
 * entry kinds`), after the response's fields, none of whose rows the response's example holds
 * (at its top level or one wrapper down): the fields of something inside the response the page
 * did not say, not more of the response's own.
 */
function apartFromResponse(at: TablePlace, before: FieldGroup[], groups: FieldGroup[]): boolean {
  if (groups[0]?.kind !== "response" || at.response.length === 0) return false;
  if (PART_WORDS.test(at.section ?? "") || PART_WORDS.test(at.outer ?? "")) return false;
  if (!before.some((g) => g.kind === "response")) return false;
  const keys = new Set(
    at.response.flatMap((value) => {
      const top = topKeys(value);
      const object = Array.isArray(value) ? value[0] : value;
      const inner = top.flatMap((k) => topKeys((object as Record<string, unknown>)[k]));
      return [...top, ...inner];
    }),
  );
  return groups.every((g) => !keys.has(g.fields[0]?.name ?? ""));
}

/**
 * `### Request body` over the body's table, then a callback's JSON and a table of its keys: a
 * second table in one section, whose rows are the keys of the JSON right above it, an object no
 * earlier example holds: the fields of that other object, not more of this part's.
 */
function ofObjectAbove(at: TablePlace, before: FieldGroup[], groups: FieldGroup[]): boolean {
  const keys = new Set(topKeys(at.above));
  const { kind, location } = groups[0] ?? {};
  if (keys.size === 0 || at.section === undefined) return false;
  if (!groups.every((g) => keys.has(g.fields[0]?.name ?? ""))) return false;
  // The same part, in the same place (a header table above a body table is another part).
  const same = before.filter(
    (g) => g.kind === kind && g.location === location && g.section === at.section,
  );
  if (same.length === 0) return false;
  // JSON holding a field already listed there is that part's own example (`{"sku", "note"}`
  // after a table of `sku`), whose other keys the table goes on to describe.
  if (same.some((g) => keys.has(g.fields[0]?.name ?? ""))) return false;
  // (The shown JSON includes the block above itself, parsed apart.)
  const itself = JSON.stringify(at.above);
  // The response's own example is the response's, whatever came before it.
  if (at.response.some((value) => JSON.stringify(value) === itself)) return false;
  return !at.shown.some((value) => JSON.stringify(value) !== itself && holds(value, keys, 0));
}

/** True when `value` is, or holds at any depth, an object with every one of `keys`. */
function holds(value: unknown, keys: Set<string>, depth: number): boolean {
  if (depth > 16 || value === null || typeof value !== "object") return false;
  const own = Array.isArray(value) ? [] : Object.keys(value);
  if (own.length > 0 && [...keys].every((k) => own.includes(k))) return true;
  return Object.values(value).some((inner) => holds(inner, keys, depth + 1));
}
