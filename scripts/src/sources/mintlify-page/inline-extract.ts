/**
 * A text extraction that keeps the page's inline flow: each field on one line after its anchor
 * link, `[​ ](#model) modelenum<string> required The model name.`, its labels run on after a space
 * (` Available options:a,b Example:a [​ ](#next) …`), section headings mid-line
 * (`… the header. ### Body`), and fences whose line breaks were written as `\n`. This splits such
 * lines into the pieces a browser copy has on lines of their own; the reader then takes them as it
 * takes any copy. Pure text work, one raw line at a time, so every piece keeps its line number.
 */

// `[​ ](#model)`: the anchor link Mintlify puts before a field, with its zero-width space.
const ANCHOR = /\[[\u200B\s]*\]\(#([\w.-]+)\)/g;
const ANCHOR_MID = /[^\s#][ \t]+\[[\u200B\s]*\]\(#[\w.-]+\)/;
const ANCHOR_START = /^\s*\[[\u200B\s]*\]\(#[\w.-]+\)\s+\S/;

// Where a new piece starts inside running text: a field's label glued to its value
// (`Example:2K`; prose writes `Example: \`#fff\``) or over a copied block (`Example: Copy [`),
// a toggle, a section heading, a status glued to its media type (`200-application/json`).
const LABELS =
  "Available options|Allowed value|Examples?|Required range|Required (?:string |array )?length|(?:Maximum|Minimum) (?:string |array )?length|Pattern";
const BREAK = new RegExp(
  `\\s(?=(?:(?:${LABELS}):(?:\\S| Copy\\b)|(?:Show|Hide) child attributes|#{2,4} \\S|[1-5]\\d\\d-[a-z]+\\/))`,
  "g",
);

// What may follow a field's name and type before its description.
const PILL = /^(?:required|deprecated|optional|header|query|path|cookie)$/;
const GLUED_DEFAULT = /^default(?!s\b)(\S+)$/;
const METHOD_PATH = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(\/\S*)(?:\s+(.*))?$/;

/** True when the page is such an extraction: several fields after mid-line anchor links. */
export function looksLikeInlineExtract(raws: string[]): boolean {
  let mid = 0;
  let fields = 0;
  for (const raw of raws.slice(0, 4000)) {
    if (ANCHOR_MID.test(raw)) mid++;
    if (ANCHOR_START.test(raw)) fields++;
    if (mid >= 2 && mid + fields >= 4) return true;
  }
  return false;
}

/** One raw line of the extraction as the lines a browser copy would show. */
export function unfoldInline(raw: string): string[] {
  if (raw.trim() === "") return [raw];
  const out: string[] = [];
  for (const part of raw.replace(/```\\n/g, "```\n").split("\n")) {
    for (const piece of splitFences(part)) {
      if (piece === "```") out.push(piece);
      else out.push(...splitAtAnchors(piece));
    }
  }
  return out;
}

/** `Copy ```` and ```` 200 400 Copy ````: fence marks on lines of their own. */
function splitFences(text: string): string[] {
  if (!text.includes("```")) return [text];
  const out: string[] = [];
  for (const [i, part] of text.split(/\s*```\s*/).entries()) {
    if (i > 0) out.push("```");
    if (part.trim() !== "") out.push(part);
  }
  return out;
}

function splitAtAnchors(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  let id: string | undefined;
  for (const match of text.matchAll(ANCHOR)) {
    const before = text.slice(at, match.index);
    out.push(...(id === undefined ? running(before) : field(before, id)));
    id = match[1] as string;
    at = (match.index ?? 0) + match[0].length;
  }
  const rest = text.slice(at);
  out.push(...(id === undefined ? running(rest) : field(rest, id)));
  return out;
}

/**
 * `modelenum<string> required The model name.`: the anchor with the head (name and type, which
 * the scrape reader splits by the anchor's slug), each pill, then the description.
 */
function field(text: string, id: string): string[] {
  const words = text.trim().split(/(\s+)/);
  const head = words[0] ?? "";
  const out = ["", `[\u200B](#${id})${head}`];
  if (head === "") return out;
  let k = 2;
  for (; k < words.length; k += 2) {
    const word = words[k] as string;
    const glued = GLUED_DEFAULT.exec(word);
    if (PILL.test(word)) out.push(word);
    else if (glued !== null) out.push(`default:${glued[1]}`);
    else break;
  }
  const rest = words.slice(k).join("");
  if (rest.trim() !== "") out.push("", ...running(rest));
  return out;
}

// The example panel's run-together parts: `Copy curl …`, `}' 200 400 Copy {` (the end of the
// curl sample, the status tabs, the response sample), `} Then the description.`.
const COPY_FIRST = /^\s*Copy\s+(?=curl\b|[{[])/;
const STATUS_TABS = /^(.*?\S)\s+((?:[1-5]\d\d\s+)*[1-5]\d\d)\s+Copy\s+([{[])$/;
const AFTER_JSON = /^([}\]])\s+(\S.*)$/;

/** Running text: split before each label, toggle and heading it holds. */
function running(text: string): string[] {
  if (text.trim() === "") return text === "" ? [] : [""];
  const method = METHOD_PATH.exec(text.trim());
  if (method !== null) {
    return [method[1] as string, method[2] as string, ...(method[3] ? [method[3]] : [])];
  }
  if (COPY_FIRST.test(text)) return ["Copy", ...running(text.replace(COPY_FIRST, ""))];
  const tabs = STATUS_TABS.exec(text);
  if (tabs !== null) return [tabs[1] as string, "", tabs[2] as string, "", tabs[3] as string];
  const after = AFTER_JSON.exec(text.trim());
  if (after !== null) return [after[1] as string, "", ...running(after[2] as string)];
  const out: string[] = [];
  for (const piece of text.split(BREAK)) {
    const status = /^([1-5]\d\d)-([a-z]+\/\S+)(.*)$/.exec(piece.trim());
    if (status !== null) out.push("", status[1] as string, status[2] as string, status[3] ?? "");
    else if (/^(?:Show|Hide) child attributes/.test(piece.trim())) {
      const toggle = piece.trim().slice(0, 21);
      out.push("", toggle, piece.trim().slice(21));
    } else out.push(piece);
  }
  return out
    .map((piece) =>
      piece
        .replace(new RegExp(`^\\s*(${LABELS}): Copy\\b\\s*`), "$1:\n")
        .replace(new RegExp(`^\\s*(${LABELS}):(?=\\S)`), "$1: "),
    )
    .flatMap((piece) => piece.split("\n"));
}
