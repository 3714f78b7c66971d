import { parseTypeLine } from "../model/type-line.ts";
import { joinFieldHeads } from "./compact.ts";
import {
  defaultBeforeType,
  isPillRun,
  splitAtFieldMarks,
  splitFieldHead,
  splitGlued,
  splitGluedPills,
  splitOptionalMark,
  withoutOptionalMark,
} from "./deglue.ts";
import { NAME } from "./fields.ts";
import { type NameHints, nameHints, splitGluedName } from "./glued-names.ts";
import { restoreMethod } from "./header.ts";
import { looksLikeInlineExtract, unfoldInline } from "./inline-extract.ts";
import { type BracketScan, closingBracket } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import { toEnglish } from "./locale.ts";
import { fromMarkdown, isMarkdownScrape } from "./markdown.ts";
import { splitPills } from "./pills.ts";
import { readPreamble } from "./preamble.ts";
import { respellSections } from "./section-case.ts";
import { isSectionTitle } from "./sections.ts";
import { looksSpaced, splitSpacedFields, standsAlone } from "./spaced-fields.ts";

/** A page in the one shape the reader knows (a browser copy), whatever shape it was saved in. */
export interface NormalPage {
  lines: Line[];
  /** Indexes (into lines) of the page's h1 headings, when the page was markdown. */
  titles: number[];
  /** The title the saving tool recorded, if any. */
  savedTitle?: string | undefined;
  /** The lines a scrape's anchor link (`[](#body-amount)`) marks as a field's name. */
  fieldNames: Line[];
}

// Characters that are never content: zero-width spaces and joiners Mintlify puts before field
// names (for line breaking), the soft hyphen, and a byte order mark.
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\u00AD|\uFEFF/g;
const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
  "#x27": "'",
  "#x2F": "/",
};
const ENTITY = /&(lt|gt|amp|quot|apos|nbsp|#39|#x27|#x2F);/g;
/** The code sample tabs above the request example; never content before the first section. */
const TAB_LABELS = new Set([
  "cURL",
  "curl",
  "Shell",
  "Bash",
  "HTTP",
  "Python",
  "JavaScript",
  "TypeScript",
  "Typescript",
  "Node",
  "Node.js",
  "PHP",
  "Go",
  "Java",
  "Ruby",
  "C#",
  ".NET",
  "Swift",
  "Kotlin",
  "Rust",
  "Dart",
]);
const STATUS = /^(?:[1-5]\d\d|[1-5]XX|default)$/;
const STATUS_ROW = /^(?:[1-5]\d\d|[1-5]XX)(?:\s+(?:[1-5]\d\d|[1-5]XX|default))+$/;
const COPY = new Set(["Copy", "Ask AI", "Copied!", "Copy page"]);
// `<Expandable title="properties">` shows `Show properties`: any title is the same toggle.
const TOGGLE =
  /^(Show|Hide)\s*(?:child attributes|(?:[a-z]+ ){0,2}(?:attributes|properties|parameters|params|fields))$/;
const BARE_TOGGLE = /^(?:Properties|Child attributes)$/;

/** True when a field's type pill is among the last few lines (its name, pills, description). */
function afterField(out: Line[]): boolean {
  const recent = out.filter((l) => l.text !== "").slice(-4);
  return recent.some((l) => parseTypeLine(l.text).kind === "type");
}

const SPLIT_LABEL =
  /^(?:Available options|Allowed values?|Examples?|Required range|Required (?:string |array )?length|(?:Maximum|Minimum) (?:string |array )?length|Pattern)$/;
const DOTTED_HEAD = /^[a-z_$][\w$-]*(?:\[\])?(?:\.[A-Za-z_$][\w$-]*(?:\[\])?)*\.$/;
const NAME_PART = /^[A-Za-z_$][\w$-]*$/;
const OPERATION_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|WEBHOOK)(?:\s+\S+)?$/;

/** Where a dropped code sample must stop: the status tabs, a section, the operation, a curl. */
function endsSample(text: string): boolean {
  return (
    STATUS.test(text) ||
    STATUS_ROW.test(text) ||
    isSectionTitle(text) ||
    OPERATION_LINE.test(text) ||
    /^curl(?:\s|$)/.test(text)
  );
}

/**
 * `}'{`: the curl's `--data` quote closed and the response example opened on the same line (a
 * text extraction that dropped the line break between the two panels). The lines to split, by
 * index, each into the command's end and the example's start; found by following the curl's
 * single quotes from its first line.
 */
function examplesAfterData(raws: string[]): Map<number, string[]> {
  const splits = new Map<number, string[]>();
  let inCurl = false;
  let quoted = false;
  let doubled = false;
  const jsonFrom: number[] = [];
  raws.forEach((raw, index) => {
    if (!inCurl && /^\s*curl\s/.test(raw)) inCurl = true;
    if (!inCurl) return;
    for (let c = 0; c < raw.length; c++) {
      // A double-quoted argument may hold an apostrophe (and escaped quotes): only the single
      // quotes delimit here.
      if (raw[c] === "\\" && !quoted) {
        c++;
        continue;
      }
      if (raw[c] === '"' && !quoted) doubled = !doubled;
      if (raw[c] !== "'" || doubled) continue;
      quoted = !quoted;
      // (`}' 200 422 {`: the response panel's status tabs between, a space apart.)
      const tabs = quoted ? null : /^\s*((?:[1-5]\d\d\s+)*)(?=[{[])/.exec(raw.slice(c + 1));
      if (tabs !== null) {
        const json = raw.slice(c + 1 + tabs[0].length);
        const codes = (tabs[1] as string).trim();
        splits.set(index, [raw.slice(0, c + 1), ...(codes === "" ? [] : [codes]), json]);
        inCurl = false;
        jsonFrom.push(index);
        return;
      }
    }
    // The command ends at a line that neither continues it nor stays inside its quote.
    if (!quoted && !doubled && !/\\\s*$/.test(raw)) inCurl = false;
  });
  for (const from of jsonFrom) splitAfterJson(raws, from, splits);
  return splits;
}

/**
 * `}Documentation Index`: the example that opened after the curl closed on a line the next
 * panel's text runs on from. That line, split after the example's last bracket.
 */
function splitAfterJson(raws: string[], from: number, splits: Map<number, string[]>): void {
  const scan: BracketScan = { depth: 0, inString: false };
  // (An example never closed, in a huge input, is not followed to the end of it.)
  let budget = 200_000;
  for (let index = from; index < raws.length && budget > 0; index++) {
    const glued = index === from ? splits.get(index) : undefined;
    const raw = glued?.at(-1) ?? (raws[index] as string);
    if (index > from && /^\s*curl\s/.test(raw)) return;
    budget -= raw.length;
    const close = closingBracket(raw, scan);
    if (close < 0) continue;
    // `}Documentation Index`, `} Manage MCP Server`, `}فهرس`: the next panel's text, on a
    // line of its own.
    const rest = raw.slice(close + 1).trim();
    if (/^\p{L}/u.test(rest)) {
      const json = raw.slice(0, close + 1);
      splits.set(index, [...(glued ?? [json]).slice(0, -1), json, rest]);
    }
    return;
  }
}

// `GET v1 / users`: older Mintlify's method and path, the path's segments a slash and spaces apart
// and no slash first.
const SPACED_PATH = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) ([\w{}.:~-]+(?: \/ [\w{}.:~-]+)+)$/;

/**
 * The line of a page in older Mintlify's layout that holds its method and path (`GET v1 /
 * users`, the first such): only where no line shows them as the page now does (the method alone
 * or before a path with slashes), or -1.
 */
function olderMethodLine(raws: string[]): number {
  const older = raws.findIndex((raw) => SPACED_PATH.test(raw));
  if (older < 0 || raws.some((raw) => MODERN_METHOD.test(raw.trim()))) return -1;
  return older;
}

const MODERN_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?:\s+\/\S*)?$/;

/** `GET v1 / users` → `GET /v1/users`. */
function spacedPath(raw: string): string {
  const [, method, path] = SPACED_PATH.exec(raw) as unknown as [string, string, string];
  return `${method} /${path.split(" / ").join("/")}`;
}

/** Brings a page saved as a browser copy, a text extraction or a markdown scrape into one shape. */
export function normalizePage(text: string): NormalPage {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const raws = body
    .split("\n")
    .map((raw) => (raw.endsWith("\r") ? raw.slice(0, -1) : raw))
    .map((raw, index, all) =>
      toEnglish(
        raw,
        () => nextText(all, index + 1),
        isPillRun,
        () => prevText(all, index - 1),
      ),
    );
  const inline = looksLikeInlineExtract(raws);
  const untyped = inline ? new Set<number>() : untypedNames(raws);
  const glued = examplesAfterData(raws);
  const older = olderMethodLine(raws);
  const spaced = !inline && looksSpaced(raws, older >= 0);
  const split = (raw: string, index: number) =>
    index === older
      ? [spacedPath(raw)]
      : inline
        ? unfoldInline(raw).flatMap((piece) => deglue(piece, nextText(raws, index + 1)))
        : untyped.has(index)
          ? [raw, "any"]
          : glued.has(index)
            ? (glued.get(index) as string[])
            : ((spaced
                ? splitSpacedFields(raw, older >= 0 && standsAlone(raws, index))
                : undefined) ??
              defaultBeforeType(raw.trim(), prevText(raws, index - 1)) ??
              splitGluedPills(raw.trim(), prevText(raws, index - 1), nextText(raws, index + 1)) ??
              splitOptionalMark(
                raw.replace(INVISIBLE, "").trim(),
                prevText(raws, index - 1),
                nextText(raws, index + 1),
              ) ??
              deglue(raw, nextText(raws, index + 1)));
  const all = raws.flatMap((raw, index) =>
    split(raw, index).map((piece, k) => {
      const clean = piece
        .replace(INVISIBLE, "")
        .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "");
      const line: Line = { no: index + 1, raw: clean, text: clean.trim() };
      // (Or the mark alone on the line above, as some copies keep it.)
      const alone = /^\s*\u200B\s*$/.test(raws[index - 1] ?? "");
      if (k === 0 && (/^\s*\u200B\S/.test(raw) || (alone && raw.trim() !== ""))) line.marked = true;
      return line;
    }),
  );
  const preamble = readPreamble(all);
  let lines = all.slice(preamble.start);
  let titles: number[] = [];
  let anchors: number[] = [];
  let anchorIds: (string | undefined)[] = [];
  if (isMarkdownScrape(lines)) ({ lines, titles, anchors, anchorIds } = fromMarkdown(lines));
  else lines = respellSections(lines);
  const unglued = unglue(lines, [titles, anchors]);
  const anchored = new Set<Line>();
  anchors.forEach((a, k) => {
    const name = unglued[skipBlank(unglued, a)];
    if (name === undefined) return;
    anchored.add(name);
    // The fragment (`response-data-id`) spells where the field sits, for the placer.
    const id = anchorIds[k];
    if (id !== undefined) name.anchor = id;
  });
  const named = splitGluedNames(unglued, nameHints(body));
  const starts = new Set(named.flatMap((line, i) => (anchored.has(line) ? [i] : [])));
  const marked = new Set(titles.map((t) => unglued[t]));
  // An `http` block's request line, kept to name a page's operation, is no text of the page.
  const joined = restoreMethod(joinFieldHeads(named, starts)).filter((l) => !l.requestLine);
  return {
    lines: joined,
    titles: joined.flatMap((line, i) => (marked.has(line) ? [i] : [])),
    savedTitle: preamble.title,
    fieldNames: [...starts].map((i) => named[i] as Line),
  };
}

/**
 * One pill per line, one status tab per line, toggles spelled one way, and no code-sample tabs
 * (nor a sample in another language than curl) above the first section.
 */
function unglue(lines: Line[], indexes: number[][]): Line[] {
  const out: Line[] = [];
  // Where each line went; only the indexes asked for are remembered.
  const wanted = new Set(indexes.flat());
  const moved = new Map<number, number>();
  let inSections = false;
  let lastSection = -1;
  lines.forEach((line, i) => {
    if (isSectionTitle(line.text)) lastSection = i;
  });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    if (wanted.has(i)) moved.set(i, out.length);
    inSections ||= isSectionTitle(text);
    // The "On this page" table of contents lists the section titles: not sections.
    if (text === "On this page") {
      while (i + 1 < lines.length) {
        const next = (lines[i + 1] as Line).text;
        if (next !== "" && !isSectionTitle(next)) break;
        i++;
      }
      continue;
    }
    const toggle = TOGGLE.exec(text);
    if (toggle !== null) {
      out.push({ ...line, text: `${toggle[1]} child attributes` });
      continue;
    }
    // An open `<Expandable>` whose scrape kept only its title (`Properties`), right after a
    // field's type pill and description: its children follow. Elsewhere it is the page's word.
    if (BARE_TOGGLE.test(text) && afterField(out)) {
      out.push({ ...line, text: "Hide child attributes" });
      continue;
    }
    // Extractors that put every text node on a line of its own: `Available options` / `:`,
    // `A` / `,` / `B`, `stats.` / `status` (a dotted name broken after the dot).
    if (SPLIT_LABEL.test(text) && lines[skipBlank(lines, i + 1)]?.text === ":") {
      out.push({ ...line, raw: `${text}:`, text: `${text}:` });
      i = skipBlank(lines, i + 1);
      continue;
    }
    const previous = out.at(-1);
    if (text === "," && previous !== undefined && previous.text !== "") {
      out[out.length - 1] = { ...previous, raw: `${previous.raw},`, text: `${previous.text},` };
      continue;
    }
    // The two halves sit on consecutive lines; a sentence ending "OK." above a name does not.
    const rest = i + 1;
    // (Not the last word of a sentence wrapped over lines: `in the expand` / `parameter.`, a
    // line that starts mid-sentence, lower-case, or ends on a word no sentence ends on.)
    const above = lines[i - 1]?.text ?? "";
    const wrapped =
      /^\p{Ll}[^.!?]*\s.*[\p{L},]$/u.test(above) ||
      /\s(?:the|a|an|of|in|to|for|and|or|with|by|on|at|from|as|is|are|be|this|that|your|its)$/i.test(
        above,
      );
    if (
      !wrapped &&
      DOTTED_HEAD.test(text) &&
      NAME_PART.test(lines[rest]?.text ?? "") &&
      isPillRun(lines[skipBlank(lines, rest + 1)]?.text ?? "")
    ) {
      const name = `${text}${(lines[rest] as Line).text}`;
      out.push({ ...line, raw: name, text: name });
      i = rest;
      continue;
    }
    // Text extractors break the toggle in two: `Show` / blank / `child attributes`.
    if (text === "Show" || text === "Hide") {
      const rest = skipBlank(lines, i + 1);
      if (lines[rest]?.text === "child attributes") {
        out.push({ ...line, text: `${text} child attributes` });
        i = rest;
        continue;
      }
    }
    if (STATUS_ROW.test(text)) {
      for (const code of text.split(/\s+/)) out.push({ no: line.no, raw: code, text: code });
      continue;
    }
    if (isTokenCurl(lines, i)) {
      const joined = joinCurlTokens(lines, i);
      out.push({ no: line.no, raw: joined.text, text: joined.text });
      i = joined.end;
      continue;
    }
    if (TAB_LABELS.has(text)) {
      const after = skipSample(lines, i);
      if (!inSections) {
        i = after;
        continue;
      }
      // Some scrapes repeat the example panel after the last section: chrome to the end.
      if (i > lastSection && isSampleStart(lines[after + 1]?.text ?? "")) break;
    }
    const pills = splitPills(text);
    if (pills !== undefined && !STATUS.test(text)) {
      for (const pill of pills) out.push({ no: line.no, raw: pill, text: pill });
      continue;
    }
    out.push(line);
  }
  for (const list of indexes) {
    for (let t = 0; t < list.length; t++) list[t] = moved.get(list[t] as number) ?? out.length;
  }
  return out;
}

/**
 * One raw line as the lines it would have been had the extractor kept the page's line breaks
 * (see deglue.ts): split at field marks and glued labels, a field's glued pills off its name.
 */
function deglue(raw: string, next: string): string[] {
  const out: string[] = [];
  const pieces = splitAtFieldMarks(raw);
  pieces.forEach((piece, k) => {
    const parts = piece.text.trim() === "" ? [piece.text] : splitGlued(piece.text.trim());
    // A name alone on the last piece, with its pills on the next line, is not glued.
    const alone = k === pieces.length - 1 && isPillRun(next);
    const head =
      piece.head && !alone
        ? splitFieldHead((parts[0] as string).replace(INVISIBLE, ""))
        : undefined;
    if (head !== undefined) parts.splice(0, 1, ...head);
    // A field glued to what came before it starts after a blank line, as in a browser copy.
    if (piece.head && k > 0) out.push("");
    // A line nothing was glued to keeps its indentation (code samples need it).
    if (parts.length === 1 && parts[0] === piece.text.trim()) out.push(piece.text);
    else out.push(...parts);
  });
  return out;
}

/**
 * A field whose schema names no type (`boolean | object[]` written as a oneOf) shows no type
 * pill: after its mark (a line holding only the zero-width space) comes the name, then the
 * description. Such names (lower-case first, as field names are and section headings are not)
 * get the pill `any`, which says what the page says: any JSON value.
 */
function untypedNames(raws: string[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < raws.length; i++) {
    if (!/^\s*\u200B\s*$/.test(raws[i] as string)) continue;
    let j = i + 1;
    while (j < raws.length && (raws[j] as string).trim() === "") j++;
    const name = (raws[j] ?? "").trim();
    // `stats.` is the first half of a dotted name the extractor broke (`stats.` / `numDocs`).
    if (!/^[a-z_$@]/.test(name) || !NAME.test(name) || name.endsWith(".")) continue;
    const next = withoutOptionalMark(nextText(raws, j + 1));
    if (
      next === "" ||
      isPillRun(next) ||
      MARKS.test(next) ||
      /^\s*\u200B\s*$/.test(raws[j + 1] ?? "")
    )
      continue;
    found.add(j);
  }
  return found;
}

const MARKS = /^(?:required|deprecated|optional|header|query|path|cookie|default:.*)$/;

/** Each line's text without invisible characters, and the nearest line with text on each side. */
interface TextIndex {
  texts: string[];
  /** next[i]: the first index >= i whose text is not empty (raws.length when none). */
  next: Int32Array;
  /** prev[i]: the last index <= i whose text is not empty (-1 when none). */
  prev: Int32Array;
}

// Built once per page: asking for the next line with text from every line of a long run of
// blank lines would otherwise walk the run again each time.
const INDEXES = new WeakMap<string[], TextIndex>();

function indexOf(raws: string[]): TextIndex {
  const known = INDEXES.get(raws);
  if (known !== undefined) return known;
  const texts = raws.map((raw) => raw.replace(INVISIBLE, "").trim());
  const next = new Int32Array(raws.length + 1);
  const prev = new Int32Array(raws.length);
  next[raws.length] = raws.length;
  for (let i = raws.length - 1; i >= 0; i--)
    next[i] = texts[i] !== "" ? i : (next[i + 1] as number);
  for (let i = 0; i < raws.length; i++)
    prev[i] = texts[i] !== "" ? i : i > 0 ? (prev[i - 1] as number) : -1;
  const index = { texts, next, prev };
  INDEXES.set(raws, index);
  return index;
}

/** The line with text before `from` (included), without its invisible characters. */
function prevText(raws: string[], from: number): string {
  if (from < 0) return "";
  const { texts, prev } = indexOf(raws);
  const at = prev[Math.min(from, raws.length - 1)] as number;
  return at < 0 ? "" : (texts[at] as string);
}

/** The next line with text, without its invisible characters ("" at the end). */
function nextText(raws: string[], from: number): string {
  if (from >= raws.length) return "";
  const { texts, next } = indexOf(raws);
  const at = next[Math.max(from, 0)] as number;
  return at >= raws.length ? "" : (texts[at] as string);
}

/** A field name glued to the text above it goes on its own line (see glued-names.ts). */
function splitGluedNames(lines: Line[], hints: NameHints): Line[] {
  const out: Line[] = [];
  lines.forEach((line, i) => {
    const at = skipBlank(lines, i + 1);
    const next = lines[at]?.text ?? "";
    const after = lines[skipBlank(lines, at + 1)]?.text ?? "";
    // A type word followed by a type is a field named like a type (`object`, then `string`).
    const isType = typeLine(next) && !typeLine(after);
    const parts = line.text === "" ? [line.text] : splitGluedName(line.text, isType, hints);
    if (parts.length === 1) out.push(line);
    else {
      // What came before, a blank line, then the name: as the field reader expects a field to
      // start. An option glued to the name loses its code span here, as fromMarkdown's would.
      const [before, name] = parts as [string, string];
      const text = before.trim().replace(/^`([^`]+)`(,?)$/, "$1$2");
      out.push({ no: line.no, raw: text, text }, { no: line.no, raw: "", text: "" });
      out.push({ no: line.no, raw: name, text: name });
    }
  });
  return out;
}

function typeLine(text: string): boolean {
  return text !== "" && parseTypeLine(splitPills(text)?.[0] ?? text).kind === "type";
}

function isSampleStart(text: string): boolean {
  return /^curl(?:\s|$)/.test(text) || text.startsWith("{") || text.startsWith("[");
}

/**
 * After the code-sample tabs: the sample shown, when it is not curl (`const options = {…}`,
 * `import requests`), runs up to the response status tabs or the first section; drop it.
 */
function skipSample(lines: Line[], at: number): number {
  let i = at;
  while (i + 1 < lines.length) {
    const text = (lines[i + 1] as Line).text;
    if (isTokenCurl(lines, i + 1)) break;
    if (text === "" || TAB_LABELS.has(text) || COPY.has(text)) i++;
    else break;
  }
  const first = lines[i + 1]?.text ?? "";
  if (first.startsWith("{") || first.startsWith("[") || endsSample(first)) return i;
  let k = i + 1;
  while (k < lines.length && !endsSample((lines[k] as Line).text)) k++;
  return k - 1;
}

/**
 * Some extractors put each token of the curl sample on a line of its own (`curl`, `--request`,
 * `GET`, `\\`, `--url`, …): one command line again, up to the status tabs or the example.
 */
function isTokenCurl(lines: Line[], at: number): boolean {
  return lines[at]?.text === "curl" && (lines[at + 1]?.text ?? "").startsWith("-");
}

function joinCurlTokens(lines: Line[], at: number): { text: string; end: number } {
  const words = ["curl"];
  let k = at + 1;
  for (; k < lines.length; k++) {
    const text = (lines[k] as Line).text;
    if (text === "" || STATUS.test(text) || STATUS_ROW.test(text) || isSectionTitle(text)) break;
    if (COPY.has(text) || text.startsWith("{") || text === "[") break;
    if (text !== "\\") words.push(text);
  }
  return { text: words.join(" "), end: k - 1 };
}
