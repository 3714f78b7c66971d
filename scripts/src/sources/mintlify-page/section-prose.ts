import { type Field, newField } from "../model/field.ts";
import { type Line, skipBlankBack } from "./lines.ts";
import type { Section } from "./sections.ts";

// What a hand-written page puts in a section besides its fields' listing: its own sentence over
// them, the headers a call sends written as the request carries them, `None.`.

/**
 * One line, a capital, five words or more, a full stop, naming a field of the section, and no
 * field's mark (a zero-width space, an anchor) on it or on a line of its own right above it.
 */
export function isIntroSentence(
  text: string,
  fields: Field[],
  lines: Line[],
  section: Section,
): boolean {
  if (!/^\p{Lu}[^\n]*\.$/u.test(text) || text.split(/\s+/).length < 5) return false;
  const words = new Set(text.split(/[^\w.]+/).flatMap((word) => [word, word.replace(/\.$/, "")]));
  if (!fields.some((field) => field.path.length === 1 && words.has(field.name))) return false;
  const at = lines.findIndex((line, k) => k >= section.start && line.text === text);
  const marked = (line: Line | undefined) => line?.marked === true || line?.anchor !== undefined;
  return at >= 0 && !marked(lines[at]) && !marked(lines[skipBlankBack(lines, at - 1)]);
}

export const NOTHING =
  /^(?:none|n\/a|-|no(?: \w+)? (?:parameters|headers|fields)(?: are (?:needed|required))?)\.?$/i;

/** A header's name: hyphenated words (`X-Api-Key`), or one the standard names alone. */
const HEADER_LINE =
  /^((?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)|Authorization|Cookie|Accept|Prefer):[ \t]+(\S+(?:[ \t]+\S+)?)$/;

/**
 * The paragraph's lines as headers sent (`Name: value` each, a value of at most two words, so
 * that no sentence with a colon is taken), or undefined. `Accept` and `Content-Type` say the
 * media, no parameter.
 */
export function sentHeaders(
  paragraph: { text: string; line: number },
  auth: boolean,
): Field[] | undefined {
  const fields: Field[] = [];
  for (const [offset, text] of paragraph.text.split("\n").entries()) {
    const match = HEADER_LINE.exec(text.trim());
    if (match === null) return undefined;
    const [, name = "", value = ""] = match;
    if (/^(?:accept|content-type)$/i.test(name)) continue;
    const field = newField(name, paragraph.line + offset);
    field.location = "header";
    field.typeless = true;
    field.example = { value };
    // (A credential the page shows the call sending is needed, not optional.)
    field.required = auth;
    fields.push(field);
  }
  return fields;
}
