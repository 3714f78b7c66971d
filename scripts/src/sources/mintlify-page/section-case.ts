import { SECTION_HEADINGS, sectionSpelling } from "../model/sections.ts";
import { marker } from "./fields.ts";
import type { Line } from "./lines.ts";

/**
 * A copy of a hand-written page keeps its section titles as the page wrote them: `Request body`,
 * `Path parameters` in sentence case, `Authorization` over its one header field. Respelled as
 * Mintlify's, so the sections read as a generated page's. Only a title standing alone (a blank
 * line or the page's edge on each side) of two words or more (a bare `body` may be a field's
 * name), and not where the page also has Mintlify's own title of that kind (then the hand-written
 * one is the page's prose above the reference).
 */
export function respellSections(lines: Line[]): Line[] {
  const kinds = new Set<string>();
  for (const line of lines)
    if (Object.hasOwn(SECTION_HEADINGS, line.text))
      kinds.add(SECTION_HEADINGS[line.text] as string);
  const blank = (k: number) => (lines[k]?.text ?? "") === "";
  return lines.map((line, i) => {
    if (!blank(i - 1) || !blank(i + 1)) return line;
    const title = authorizationOver(lines, i) ? "Authorizations" : wordsTitle(line.text);
    if (title === undefined || kinds.has(SECTION_HEADINGS[title] as string)) return line;
    return { ...line, text: title };
  });
}

function wordsTitle(text: string): string | undefined {
  const title = sectionSpelling(text);
  return text.includes(" ") && title !== text ? title : undefined;
}

/**
 * `Authorization`, a blank line, then the `Authorization` field right over its type: the title
 * of the auth section. (A playground's `Authorization` with blank lines between all its parts is
 * its input, no title.)
 */
function authorizationOver(lines: Line[], i: number): boolean {
  const at = (k: number) => lines[k]?.text ?? "";
  return at(i) === "Authorization" && at(i + 2) === "Authorization" && marker(at(i + 3)) === "type";
}
