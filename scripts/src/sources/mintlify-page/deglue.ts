import { SECTION_HEADINGS } from "../model/sections.ts";
import { parseTypeLine } from "../model/type-line.ts";
import { NAME } from "./fields.ts";
import { MEDIA } from "./glued-names.ts";
import { splitPills } from "./pills.ts";

/**
 * Some text extractors keep no line break between a rendered page's blocks: the field list comes
 * out as `200 - application/json​statusenum<string>requiredAvailable options: a, b Example:` and
 * the header as `Copy pageGET/v2/usersTry itList users`. What survives is the zero-width space
 * Mintlify puts before every field name (for line breaking), the fixed labels it prints, and its
 * chrome words. This module puts the line breaks back at those marks, so the reader sees the
 * lines a browser copy gives. Pure string work; line numbers are the caller's.
 */

const ZWSP = "\u200B";
/** Chrome Mintlify prints around the title and the operation line. */
const CHROME =
  /Copy page|Try it|Ask AI|⌘I|Ctrl ?\+ ?I|(?<=\p{Ll})cURL$|(?<=^[1-5]\d\d)Copy(?=Ask AI|$)/gu;
/** A path (after its method pill) with the `Copy` button of its panel glued on (`/v1/thingsCopy`). */
const PATH_COPY = /^((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s*)?(\/\S*?)(?:Copy)?$/;
const METHOD_URL = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)(https?:\/\/[^/\s]+)(\/\S*)?$/;
const GLUED_TABS = /^[1-5]\d\d(?:\s-\s[^\d\n]*?)?(?:[1-5]\d\d(?:\s-\s[^\d\n]*?)?)+Copy$/;
const CODED_OPERATION =
  /^`(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)`\s*`(https?:\/\/[^/\s`]+)?(\/[^\s`]*)?`$/;
/** The labels Mintlify prints on their own line under a field; glued when a letter runs into them. */
const LABELS =
  "Available options:|Allowed values?:|Examples?:|Required range:|Required (?:string |array )?length:|(?:Maximum|Minimum) (?:string |array )?length:|(?:Show|Hide) child attributes";
const LABEL = new RegExp(`(?<=[\\p{L}\\p{N}.)\`>\\]])(?=${LABELS})`, "u");
/** Inside a label's line another label can only start a new line, even after a space. */
const LABEL_LINE = new RegExp(`^(?:${LABELS})`);
const NEXT_LABEL = new RegExp(`\\s+(?=${LABELS})`);
const STATUS_MEDIA = new RegExp(`^(?:(?:[1-5]\\d\\d|[1-5]XX|default) - )?${MEDIA.source.slice(1)}`);

/**
 * Splits a raw line at each zero-width space that is not an anchor link's text (`[​](#id)`): the
 * pieces after one start with a field name. Returns the pieces with `head` set on those.
 */
export function splitAtFieldMarks(raw: string): { text: string; head: boolean }[] {
  if (!raw.includes(ZWSP)) return [{ text: raw, head: false }];
  const pieces: { text: string; head: boolean }[] = [];
  let start = 0;
  for (let at = raw.indexOf(ZWSP); at >= 0; at = raw.indexOf(ZWSP, at + 1)) {
    if (raw[at - 1] === "[") continue;
    pieces.push({ text: raw.slice(start, at), head: start > 0 });
    start = at + 1;
  }
  pieces.push({ text: raw.slice(start), head: start > 0 });
  // The mark opening a line only says what the line break already said.
  const first = pieces[0];
  if (first !== undefined && first.text.trim() === "" && pieces.length > 1) pieces.shift();
  return pieces.filter((piece, i) => i === 0 || piece.text.trim() !== "");
}

/**
 * The pieces of one trimmed line with glued chrome dropped and glued labels moved to their own
 * line; a line of code (JSON, a shell command) is left alone.
 */
export function splitGlued(text: string): string[] {
  // `` `GET` `https://api.x.com/v1/tasks/{id}` ``: a scrape kept the method and URL pills as code.
  // `200 - Image task200 - Video task400401Copy`: the example panel's status tabs, glued.
  if (GLUED_TABS.test(text)) return text.match(/(?:^|(?<=\D))[1-5]\d\d(?=\D|$)/g) ?? [text];
  const coded = CODED_OPERATION.exec(text);
  if (coded !== null) return coded.slice(1).filter((piece): piece is string => piece !== undefined);
  if (/^(?:["'{}\]-]|\[\s*$|\[\s*["{\d-]|curl\s)|":\s/.test(text)) return [text];
  // `200 - application/jsonTrade history retrieved`: the response's description glued on.
  const media = STATUS_MEDIA.exec(text);
  if (media !== null && /^\p{Lu}/u.test(text.slice(media[0].length))) {
    return [media[0], text.slice(media[0].length)];
  }
  const copy = PATH_COPY.exec(text);
  if (copy !== null) return [`${copy[1] ?? ""}${once(copy[2] as string)}`];
  const parts: string[] = [];
  for (const chunk of text.split(CHROME)) {
    if (chunk.trim() === "") continue;
    // `POSThttps://api.x.com/v2/clips`: the method pill, the server and the path, as a copy
    // with line breaks gives them.
    const operation = METHOD_URL.exec(chunk.trim());
    if (operation !== null) {
      parts.push(...operation.slice(1).filter((piece): piece is string => piece !== undefined));
      continue;
    }
    for (const part of chunk.split(LABEL)) {
      parts.push(...(LABEL_LINE.test(part.trim()) ? splitLabels(part.trim()) : [part.trim()]));
    }
  }
  return parts.length === 0 ? [text] : parts.filter((part) => part !== "");
}

/** The path once, where an extractor took it twice (the shown path and its copy-button text). */
function once(path: string): string {
  const half = path.length / 2;
  return path.length > 2 && path.slice(0, half) === path.slice(half) ? path.slice(0, half) : path;
}

/** `Available options: a, b Example:` → the options line and the example label. */
function splitLabels(text: string): string[] {
  const head = LABEL_LINE.exec(text)?.[0] ?? "";
  const rest = text.slice(head.length).split(NEXT_LABEL);
  return [`${head}${rest[0]}`, ...rest.slice(1)];
}

/**
 * `Default: "20"integer` right under a field's name: a layout that shows the default before the
 * type, the two glued by the copy. The default as the pill a copy keeps after the type
 * (`default:"20"`), then the type. (Elsewhere, a description's line, it stays as written.)
 */
export function defaultBeforeType(text: string, prev: string): string[] | undefined {
  if (!NAME.test(prev)) return undefined;
  // A quoted value, a number or a JSON word: where it ends is plain (`Default: phone_number` is
  // a word, whatever type names it ends in).
  const match = DEFAULT_BEFORE_TYPE.exec(text);
  if (match === null || !isPillRun(match[2] as string)) return undefined;
  return [`default:${match[1]}`, match[2] as string];
}

const DEFAULT_BEFORE_TYPE =
  /^Default:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)([a-z]\S*)$/;

/**
 * A field's name with its pills glued on (`limitinteger`, `idstringrequired`): the name and the
 * pills, split where what follows the name reads as a type with pills. The shortest such tail
 * wins, so a name that ends in a type word keeps it (`is_arraystring`). With `slug` (the anchor
 * id a scrape kept), the name must also match it. Some scrapes glue the description on too
 * (`userstringrequiredUser account address`): it comes back as a third part. Undefined when the
 * text is not such a head. (A name alone can look glued, `page_number`: the caller asks only where
 * pills do not follow.)
 */
export function splitFieldHead(text: string, slug?: string): string[] | undefined {
  if (slug !== undefined && NAME.test(text) && matchesSlug(text, slug)) return undefined;
  for (let cut = text.length - 1; cut > 0; cut--) {
    const name = text.slice(0, cut);
    const rest = text.slice(cut);
    if (!NAME.test(name)) continue;
    if (slug !== undefined && !matchesSlug(name, slug)) continue;
    if (!isPillRun(rest)) {
      const prose = splitProse(rest);
      if (prose !== undefined) return [name, ...prose];
      continue;
    }
    // `integerdefault:10Maximum number…`: a default with a space in it is a description glued on.
    const prose = /default:\s*\S*\s/.test(rest) ? splitProse(rest) : undefined;
    return prose === undefined ? [name, rest] : [name, ...prose];
  }
  return undefined;
}

/** Where a description may start: a capital, a quote, a code span, a parenthesis, CJK text. */
const PROSE_START = /[\p{Lu}\p{Lo}`"'(]/u;

/**
 * `stringrequiredUser account address` → the pills and the description; the last place a
 * description may start wins, as long as a `default:` value before it holds no space.
 */
function splitProse(text: string): [string, string] | undefined {
  for (let at = text.length - 1; at > 0; at--) {
    if (!PROSE_START.test(text[at] as string)) continue;
    const pills = text.slice(0, at);
    if (/\s$/.test(pills) || /default:\s*\S*\s/.test(pills) || !isPillRun(pills)) continue;
    // `default:"gpt-4"requiredName…`: a quoted default ends at its quote, then pills only.
    const quoted = /default:\s*"[^"]*("?)(.*)$/.exec(pills);
    if (
      quoted !== null &&
      (quoted[1] === "" || !/^(?:required|deprecated)*$/.test(quoted[2] ?? ""))
    )
      continue;
    return [pills, text.slice(at)];
  }
  return undefined;
}

/** A type (`string`, `object[]`), then any pills (`stringheaderrequired`, `integerdefault:10`). */
/** True when a line is a field's pills (what follows a name that stands alone). */
export function isPillRun(text: string): boolean {
  if (/^\s/.test(text)) return false;
  const first = (splitPills(text) ?? [text])[0] as string;
  return parseTypeLine(first).kind === "type";
}

/**
 * Anchor ids are the name behind a prefix (`parameter-`, `body-`), lower-cased, with other
 * characters as `-` and camelCase sometimes split (`hookId` → `hook-id`): compared letters only.
 */
function matchesSlug(name: string, slug: string): boolean {
  const letters = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const flat = letters(name);
  // `response-branch-one-of-0`: the first alternative of a union field's type.
  const field = slug.replace(/-(?:one|any|all)-of-\d+$/i, "");
  // `param-language-1`: the page's second field of that name (anchors are made unique so).
  const again = field.replace(/-\d+$/, "");
  return flat !== "" && [field, again].some((f) => letters(f).endsWith(flat));
}

// The pills an extractor glues on: `required` (or `deprecated`), a location before it or alone.
const GLUED_PILLS = /^(header|query|path|cookie)?(required|deprecated)?/;

/**
 * An extractor that keeps no break after a field's last pill glues it to what follows: the
 * next field's name (`requiredaccountId`, `headerrequiredX-Workspace` over its type) or the
 * description (`requiredBearer authentication…`, `requiredthe display name…`, `headerThe
 * workspace…`); with the type on the next line, the name runs into its own pills
 * (`Authorizationheaderrequired`, `amountrequired`, `X-Workspaceheader`). Split back into lines:
 * after a type line, the pills first; before one, the name first. Undefined when the line is no
 * such run: a camelCase name that starts with the word (`requiredHeaders`, `pathPrefix`), a
 * plural (`headers`), a sentence that merely starts so.
 */
export function splitGluedPills(text: string, prev: string, next: string): string[] | undefined {
  const lead = GLUED_PILLS.exec(text) ?? [""];
  if (lead[0] !== "" && parseTypeLine(prev).kind === "type") {
    const rest = text.slice(lead[0].length);
    const pills = lead.slice(1).filter((w): w is string => w !== undefined);
    const flag = lead[2] !== undefined;
    // The next name over its type, not a camelCase continuation (`Headers`) nor a letter (`s`).
    const name =
      /^[A-Za-z_$][\w$-]+$/.test(rest) &&
      !/^[A-Z][a-z]/.test(rest) &&
      (flag || /^[A-Z]/.test(rest)) &&
      parseTypeLine(next).kind === "type";
    // A description: as one starts (a capital, code, a quote, a name with `_`), or, after
    // `required`, any words that make a sentence.
    const said =
      /\s/.test(rest) &&
      (/^(?:[\p{Lu}\d`"'(]|[a-z]+_[\w]*\s)/u.test(rest) || (flag && rest.split(/\s+/).length >= 4));
    // Or the next section's title (`headerrequiredBody`).
    const section = Object.hasOwn(SECTION_HEADINGS, rest) && parseTypeLine(next).kind !== "type";
    return name || said || section ? [...pills, rest] : undefined;
  }
  if (parseTypeLine(next).kind !== "type") return undefined;
  const tail =
    /^([A-Za-z_$][\w$.-]*?[A-Za-z0-9])(header|query|path|cookie)?(required|deprecated)?$/.exec(
      text,
    );
  if (tail === null || (tail[2] === undefined && tail[3] === undefined)) return undefined;
  // A location alone ends only a header's name (`X-Workspaceheader`), not `pageheader`.
  if (tail[3] === undefined && !/[-]|^[A-Z]/.test(tail[1] as string)) return undefined;
  if (parseTypeLine(tail[1] as string).kind === "type") return undefined;
  return tail.slice(1).filter((w): w is string => w !== undefined);
}

/**
 * A hand-written list's own mark of required-ness after a name or a type, in parentheses:
 * `session_id (opt)` over its type, `string (optional)`, `amount (required)`. The name alone;
 * the type, then `required` where it or the name above it says so (after the type, where
 * Mintlify's pill stands; optional is what no pill says). A name right over its type is read as
 * a name first (`object (required)` over `string` is a field named `object`). Undefined for
 * anything else (a sentence that ends so stays one).
 */
export function splitOptionalMark(text: string, prev: string, next: string): string[] | undefined {
  const match = OPTIONAL_MARK.exec(text);
  const head = match?.[1] ?? text;
  if (match !== null && NAME.test(head) && isPillRun(withoutOptionalMark(next))) return [head];
  if (parseTypeLine(head).kind !== "type") return undefined;
  // The type under a marked name: the name's mark is the field's.
  const above = OPTIONAL_MARK.exec(prev);
  const named = above !== null && NAME.test(above[1] as string) ? above[2] : undefined;
  if (match === null && named === undefined) return undefined;
  return [match?.[2], named].some((mark) => mark !== undefined && /^req/i.test(mark))
    ? [head, "required"]
    : [head];
}

const OPTIONAL_MARK = /^(\S+) \((opt|optional|req|required)\)$/i;

/** The line without such a mark (`string (optional)` → `string`). */
export function withoutOptionalMark(text: string): string {
  return OPTIONAL_MARK.exec(text)?.[1] ?? text;
}
