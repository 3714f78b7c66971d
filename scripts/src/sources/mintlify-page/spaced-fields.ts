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

/** The line's pieces when it holds such a field head; undefined otherwise. */
export function splitSpacedFields(raw: string): string[] | undefined {
  if (!/^\s|\S\s{2,}\S/.test(raw) || raw.length > 20_000) return undefined;
  const parts = raw.split(/\s{2,}/);
  const out: string[] = [];
  let found = false;
  for (const [i, part] of parts.entries()) {
    const text = part.trim();
    const spaced = i > 0 || /^\s/.test(raw);
    const head = spaced ? HEAD.exec(text) : null;
    if (head !== null && parseTypeLine(head[2] as string).kind === "type") {
      found = true;
      out.push(head[1] as string, head[2] as string);
      for (const pill of (head[3] as string).matchAll(PILL)) out.push(pill[0]);
    } else if (text !== "") out.push(text);
  }
  return found ? out : undefined;
}
