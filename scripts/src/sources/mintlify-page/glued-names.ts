import { SECTION_HEADINGS } from "../model/sections.ts";
import { NAME } from "./fields.ts";

/**
 * Some scrapers keep no break between a rendered page's blocks where one ends in text and the
 * next starts with a field's name: `#### Path Parametersledger`, `application/jsonamount`,
 * `` `usd`memo ``, `Shown on statements.reference_id`, `The ID of the entryschema`, each followed
 * (after blank lines) by the field's type. This module finds where the name starts. Only a line
 * whose next line with text is a type is ever split, since only a field's name stands there.
 */

/** What a page offers for telling a glued name from the text before it. */
export interface NameHints {
  /** Object keys of the page's JSON examples and its path parameters: known names. */
  keys: Set<string>;
  /** Every word the page uses anywhere, lower-cased, plus common short words. */
  words: Set<string>;
}

// The words a description most often ends in before a name is glued on (`belongs toaccount`).
const SHORT_WORDS = ["a", "an", "and", "as", "at", "be", "by", "for", "from", "if", "in", "is"]
  .concat(["it", "its", "of", "on", "or", "per", "than", "that", "the", "this", "to", "via"])
  .concat(["when", "which", "with"]);

const LABEL_LINE =
  /^(?:Available options|Allowed values?|Examples?|Required range|Required (?:string |array )?length|(?:Maximum|Minimum) (?:string |array )?length|Pattern|Multiple of):/;

/** The media types Mintlify pages show, for finding where one ends when text is glued on. */
export const MEDIA =
  /^(?:application|text|multipart|image|audio|video)\/(?:json|xml|x-www-form-urlencoded|form-data|plain|html|csv|octet-stream|event-stream|x-ndjson|pdf|png|jpeg|\*)/;

/** Keys of the page's JSON examples (`"name":`) and names in its path templates (`{id}`). */
export function nameHints(page: string): NameHints {
  const keys = new Set<string>();
  for (const match of page.matchAll(/"([A-Za-z_$][\w$-]{0,127})"\s*:/g))
    keys.add(match[1] as string);
  for (const match of page.matchAll(/\{([A-Za-z_][\w-]{0,63})\}/g)) keys.add(match[1] as string);
  const words = new Set(SHORT_WORDS);
  for (const word of page.replace(/\\_/g, "_").split(/[^A-Za-z0-9_]+/)) {
    if (word !== "") words.add(word.toLowerCase());
  }
  return { keys, words };
}

/**
 * The line as [text before, name] where a field's name is glued to its end; [line] otherwise.
 * Tried in order: a section heading, a media type or an option list before the name; a key the
 * page knows; a name after a sentence's end; then a split of the last word into a word the page
 * uses and a name, the best-scored split winning.
 */
export function splitGluedName(text: string, nextIsType: boolean, hints: NameHints): string[] {
  if (!nextIsType) return [text];
  // `AuthorizationsAuthorization` reads as one name; no field's name starts with that word.
  if (NAME.test(text))
    return /^Authorizations[A-Z]/.test(text) ? [text.slice(0, 14), text.slice(14)] : [text];
  const name = (head: string) => {
    const rest = text.slice(head.length);
    return NAME.test(rest) && /^[A-Za-z_$@]/.test(rest) ? [head, rest] : undefined;
  };
  const heading = Object.keys(SECTION_HEADINGS)
    .filter((title) => text.startsWith(title))
    .sort((a, b) => b.length - a.length)[0];
  const media = MEDIA.exec(text)?.[0];
  const option = /^`[^`]+`,?$/.test(text.replace(/[A-Za-z_$][\w$]*$/, ""))
    ? text.replace(/[A-Za-z_$][\w$]*$/, "")
    : undefined;
  for (const head of [heading, media, option]) {
    const parts = head === undefined ? undefined : name(head);
    if (parts !== undefined) return parts;
  }
  // A label's line (`Available options: a, b`) ends in its values, never in a glued name.
  if (!/\s/.test(text) || LABEL_LINE.test(text)) return [text];
  const key = knownKey(text, hints.keys);
  if (key !== undefined) return [text.slice(0, -key.length), key];
  const sentence = /^(.*\S[.!?)\]:])([A-Za-z_][\w]*)$/.exec(text);
  if (sentence !== null) return [sentence[1] as string, sentence[2] as string];
  return splitLastWord(text, hints) ?? [text];
}

/** The longest key the line ends in, right after a lower-case letter, digit, `.` or `)`. */
function knownKey(text: string, keys: Set<string>): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    if (key.length < 2 || key.length >= text.length || !text.endsWith(key)) continue;
    if (!/[\p{Ll}\p{N}.)]/u.test(text[text.length - key.length - 1] as string)) continue;
    if (best === undefined || key.length > best.length) best = key;
  }
  return best;
}

/**
 * `The ID of the ledger the account belongs toaccount`: the last word is a word the page uses
 * (`to`) followed by a name; the name scores higher when the page uses it as a word too
 * (`account`), or its first part (`reference` of `reference_id`). On a tie the longer name wins.
 */
function splitLastWord(text: string, hints: NameHints): string[] | undefined {
  const run = /(?<=\s)[A-Za-z][A-Za-z0-9_]*$/.exec(text)?.[0];
  if (run === undefined || run.length < 4) return undefined;
  let best: { cut: number; score: number } | undefined;
  for (let cut = 1; cut <= run.length - 2; cut++) {
    const word = run.slice(0, cut).toLowerCase();
    const rest = run.slice(cut);
    if (!/^[a-z_]/.test(rest)) continue;
    const first = (rest.split(/_|(?=[A-Z])/)[0] as string).toLowerCase();
    const nameScore = hints.keys.has(rest)
      ? 3
      : hints.words.has(rest.toLowerCase())
        ? 2
        : first.length >= 2 && hints.words.has(first)
          ? 1
          : 0;
    // A word of the page, or a short word (`to`) only when the name is known too: `be` + `ta`
    // must not split `beta`.
    const wordScore = hints.words.has(word) && (word.length >= 3 || nameScore > 0) ? 2 : 0;
    const score = wordScore + nameScore;
    if (score < 2 || (best !== undefined && score <= best.score)) continue;
    best = { cut, score };
  }
  if (best === undefined) return undefined;
  const at = text.length - run.length + best.cut;
  return [text.slice(0, at), text.slice(at)];
}
