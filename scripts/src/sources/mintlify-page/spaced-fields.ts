import { parseTypeLine } from "../model/type-line.ts";

/**
 * Some text extractors join a field's parts with spaces and the blocks of a section with two:
 * ` Authorization string header required`, `application/json  serverName enum<string> required`,
 * `Minimum length: 1  platformName string required`. This puts each part of such a field head on
 * a line of its own, as a browser copy has it. Only a part that stands after whitespace (a
 * line's own text starts at its margin) and is a name, a type Mintlify spells and its pills.
 */

const HEAD =
  /^([A-Za-z_$][\w.$-]*) (\S+(?: \| \S+)*)((?: (?:required|deprecated|optional|header|query|path|cookie|default: ?(?:"[^"]*"|\S+)))*)$/;
const PILL = /required|deprecated|optional|header|query|path|cookie|default: ?(?:"[^"]*"|\S+)/g;

/**
 * True for a page so extracted: two or more field heads with a pill (` id string required`),
 * which prose never writes. Only then is a line split (a description's ` Any integer` or
 * `be a  JSON object` stays as it is elsewhere).
 */
export function looksSpaced(raws: string[], older = false): boolean {
  let heads = 0;
  for (const [k, raw] of raws.slice(0, 4000).entries()) {
    // (Or, on a page in older Mintlify's layout, a line of its own between blank lines, as it
    // shows a field's head: `users array<object> required`.)
    if (older && standsAlone(raws, k) && fieldHead(raw, true) !== undefined) return true;
    if (raw.length > 20_000 || !/^\s|\S\s{2,}\S/.test(raw)) continue;
    for (const [i, part] of raw.split(/\s{2,}/).entries()) {
      const head = i > 0 || /^\s/.test(raw) ? fieldHead(part.trim()) : undefined;
      if (head !== undefined && head[3] !== "" && ++heads >= 2) return true;
    }
  }
  return false;
}

/**
 * `name type pills`, when the type is one Mintlify spells; a name alone with its type only when
 * written as code names are (`userId string`), not a word of prose (`Any integer`).
 */
function fieldHead(text: string, anyName = false): RegExpExecArray | undefined {
  const head = HEAD.exec(text);
  if (head === null || parseTypeLine(head[2] as string).kind !== "type") return undefined;
  return anyName || head[3] !== "" || /^[a-z_$]/.test(head[1] as string) ? head : undefined;
}

/** A line with text, between blank lines (or the page's ends), its text at its margin. */
export function standsAlone(raws: string[], k: number): boolean {
  const raw = raws[k] as string;
  const blank = (at: number) => at < 0 || at >= raws.length || (raws[at] as string).trim() === "";
  return raw.length < 200 && /^\S/.test(raw) && blank(k - 1) && blank(k + 1);
}

/** The line's pieces when it holds such a field head; undefined otherwise. */
export function splitSpacedFields(raw: string, alone = false): string[] | undefined {
  const head = alone ? fieldHead(raw.trim(), true) : undefined;
  if (head !== undefined) {
    return [
      head[1] as string,
      head[2] as string,
      ...[...(head[3] as string).matchAll(PILL)].map((p) => p[0]),
    ];
  }
  if (!/^\s|\S\s{2,}\S/.test(raw) || raw.length > 20_000) return undefined;
  const parts = raw.split(/\s{2,}/);
  const out: string[] = [];
  let found = false;
  for (const [i, part] of parts.entries()) {
    const text = part.trim();
    const spaced = i > 0 || /^\s/.test(raw);
    const head = spaced ? fieldHead(text) : undefined;
    if (head !== undefined) {
      found = true;
      out.push(head[1] as string, head[2] as string);
      for (const pill of (head[3] as string).matchAll(PILL)) out.push(pill[0]);
    } else if (text !== "") out.push(text);
  }
  return found ? out : undefined;
}
