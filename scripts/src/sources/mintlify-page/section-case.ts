import { SECTION_HEADINGS, sectionSpelling } from "../model/sections.ts";
import { marker, NAME } from "./fields.ts";
import { type Line, skipBlank } from "./lines.ts";

/**
 * A copy of a hand-written page keeps its section titles as the page wrote them: `Request body`,
 * `Path parameters` in sentence case, `Header` over its one header field, `Authorization` or
 * `Authentication` over a credential's field. Respelled as Mintlify's, so the sections read as
 * a generated page's: only a title of two words or more, or one of those words (a bare `body`
 * may be a field's name), in a heading's place (see headingPlace), and not where the page has
 * Mintlify's own title of that kind (then the hand-written one is the page's prose above the
 * reference).
 */
export function respellSections(lines: Line[]): Line[] {
  const kinds = new Set<string>();
  for (const line of lines)
    if (Object.hasOwn(SECTION_HEADINGS, line.text))
      kinds.add(SECTION_HEADINGS[line.text] as string);
  return lines.map((line, i) => {
    const title = respelled(lines, i);
    if (title === undefined || kinds.has(SECTION_HEADINGS[title] as string)) return line;
    return headingPlace(lines, i) ? { ...line, text: title } : line;
  });
}

// A credential's name: an API key or token, an access, auth, bearer or session token, a key, a
// token, a secret or authorization in an `X-` header's name. (Not `refresh_token`, `client_id`:
// what an OAuth page's call sends.)
const CREDENTIAL =
  /^(?:authorization|[\w-]*api[-_]?(?:key|token)|(?:access|auth|bearer|session)[-_]?token|token|x-[\w-]*(?:key|token|secret|auth)[\w-]*)$/i;

function respelled(lines: Line[], i: number): string | undefined {
  const text = (lines[i] as Line).text;
  if (text === "Header") return "Headers";
  // `## Authentication` over the key's field (`X-API-Key` / `string`): the credentials. (Over
  // `client_id`, an OAuth page's, it is the page's own heading over what the body sends.)
  if (text === "Authentication")
    return CREDENTIAL.test(lines[skipBlank(lines, i + 1)]?.text ?? "")
      ? "Authorizations"
      : undefined;
  // `Authorization` over a credential's field (`Authorization`, `X-API-Key`, as older Mintlify
  // pages title the section; a generated page's now is `Authorizations`).
  if (text === "Authorization")
    return CREDENTIAL.test(lines[skipBlank(lines, i + 1)]?.text ?? "")
      ? "Authorizations"
      : undefined;
  // In sentence case (`Request body`): a page all in lower case (`path parameters` over `body`)
  // would have its one-word titles left as names.
  const title = sectionSpelling(text);
  return text.includes(" ") && /^\p{Lu}/u.test(text) && title !== text ? title : undefined;
}

/**
 * Where a heading stands: after a blank line, not under a field's pills (`Request body` is then
 * its description), and right over a field, its name directly over its type or pill. (A
 * playground's inputs, with a blank line between a name and its type, are no field of the
 * reference.)
 */
function headingPlace(lines: Line[], i: number): boolean {
  // Apart from what is above it (a blank line, or the page's top): not the end of a description
  // or of a list of options (`Query,` / `Header`).
  if (i > 0 && (lines[i - 1] as Line).text !== "") return false;
  let above = i - 1;
  while (above >= 0 && (lines[above] as Line).text === "") above--;
  if (above >= 0 && marker((lines[above] as Line).text) !== undefined) return false;
  // (A field named `Header` is no heading: the line after it is its own type, no name.)
  let name = skipBlank(lines, i + 1);
  // The section's own sentence may stand between (`The body is a Browser spec.`), under a title
  // of two words or more: under `Header`, it is an option's description (`Sent as a header.`).
  const words = (lines[i] as Line).text.includes(" ");
  if (words && SENTENCE.test(lines[name]?.text ?? "")) name = skipBlank(lines, name + 1);
  const text = lines[name]?.text ?? "";
  const pill = lines[name + 1]?.text ?? "";
  return NAME.test(text) && marker(text) === undefined && marker(pill) !== undefined;
}

// One line of prose: words, ending with a full stop or colon.
const SENTENCE = /^\p{Lu}[^\n]*\s[^\n]*[.:]$/u;
