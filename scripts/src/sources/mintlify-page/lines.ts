/** One line of the page: its 1-based number in the file, the raw text and the trimmed text. */
export interface Line {
  no: number;
  raw: string;
  text: string;
  /** A scrape's anchor link before a field's name: its fragment (`response-data-id`). */
  anchor?: string | undefined;
  /** A scrape's heading inside a section (`### Cost` over a group of fields): no field's text. */
  heading?: true | undefined;
  /**
   * A scrape's `## Headers` in the page's own text above the generated reference, whose
   * `#### Headers` is the section: a heading of prose, never a section's.
   */
  own?: true | undefined;
  /** A browser copy's zero-width space before the text: how Mintlify marks a field's name. */
  marked?: true | undefined;
  /** The blank line a scrape's fenced code block ends with, once the fences are gone. */
  codeEnd?: true | undefined;
  /** A markdown scrape's `http` block request line (`POST https://…`), kept only to name the operation. */
  requestLine?: true | undefined;
  /** The name of a field a table's row describes: a field starts there, whatever follows. */
  rowName?: true | undefined;
}

/** The index of the last line with text in lines[0..from] (-1 when there is none). */
export function skipBlankBack(lines: Line[], from: number): number {
  let k = from;
  while (k >= 0 && (lines[k] as Line).text === "") k--;
  return k;
}

/** The index of the first line with text in lines[from..end] (end when there is none). */
export function skipBlank(lines: Line[], from: number, end = lines.length): number {
  let i = from;
  while (i < end && (lines[i] as Line).text === "") i++;
  return i;
}

// Chrome that Mintlify renders around the reference content; never part of the API description.
const NOISE = new Set([
  "Skip to main content",
  "الانتقال إلى المحتوى الرئيسي",
  "跳转到主要内容",
  "cURL",
  "Ctrl+I",
  "Ctrl + I",
  "⌘I",
  "Powered by Mintlify",
  "Assistant",
  "Ask AI",
  "Copy",
  "Copy page",
  "Try it",
  "On this page",
  // The assistant panel's disclaimer, which some saves keep.
  "Responses are generated using AI and may contain mistakes.",
  "Copied!",
]);

// The code sample's language tabs, glued by a scrape (`cURLPythonJavaScriptGoCopy`).
const TAB_NAMES =
  "(?:cURL|Python|JavaScript|TypeScript|Node(?:\\.js)?|Go|Java|PHP|Ruby|Swift|Kotlin|Rust|Dart|OCaml|Objective-C|C#|C\\+\\+|C|R|Shell|Bash|HTTP|PowerShell)";
// Opening with cURL, or ending with the panel's Copy button: a lone `Go` may be anything.
const LANGUAGE_TABS = new RegExp(`^cURL${TAB_NAMES}+(?:Copy)?$|^${TAB_NAMES}+Copy$`);

// `> **Source:** https://…` under the title: the saving tool's note of where the page was.
const SOURCE_NOTE = /^>\s*(?:\*\*)?Source:(?:\*\*)?\s+https?:\/\/\S+$/i;

const INDEX_LINES = [
  SOURCE_NOTE,
  /^(?:>\s*)?(?:#+\s*)?Documentation Index$/,
  /^(?:>\s*)?Fetch the complete documentation index at:/,
  /^(?:>\s*)?Use this file to discover all available pages/,
];

// `- Option 1`, `- Option 2`: the tabs of a field that is one of several schemas, which a copy
// keeps as a list; the options' fields follow them.
const OPTION_TABS = /^(?:[-*]\s+)?Option \d+$/;

const FEEDBACK = "Was this page helpful?";

/** Splits the page into numbered lines (BOM and CR removed). */
export function splitLines(text: string): Line[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return body.split("\n").map((raw, index) => {
    const clean = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    return { no: index + 1, raw: clean, text: clean.trim() };
  });
}

/**
 * Drops page chrome. The feedback footer ("Was this page helpful?", Yes/No, previous/next links)
 * runs until the next section heading, because some captures place sections after it.
 */
export function dropNoise(lines: Line[], isHeading: (lines: Line[], i: number) => boolean): Line[] {
  const kept: Line[] = [];
  let inFooter = false;
  const footer = siteFooter(lines);
  const pager = pagerRanges(lines);
  for (const i of gluedPager(lines)) pager.add(i);
  let sawSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A scrape's previous / next links after the sections end the page as the feedback
    // question does (the example panel Mintlify repeats may follow).
    if (pager.has(i) && sawSection) inFooter = true;
    if (pager.has(i)) continue;
    sawSection ||= isHeading(lines, i);
    // After "Powered by Mintlify" (the page's last line), as after the feedback question: chrome.
    if (footer.has(i) && !footer.has(i + 1)) {
      inFooter = true;
      continue;
    }
    if (footer.has(i)) continue;
    if (line.text === FEEDBACK) {
      inFooter = true;
      continue;
    }
    if (inFooter) {
      if (!isHeading(lines, i)) continue;
      inFooter = false;
    }
    if (NOISE.has(line.text) || OPTION_TABS.test(line.text) || LANGUAGE_TABS.test(line.text))
      continue;
    if (INDEX_LINES.some((re) => re.test(line.text))) continue;
    kept.push(line);
  }
  return dropPageLinks(kept);
}

// A scrape's previous / next links, each spread over lines: `[Previous](/a)[` / title and
// summary / `Next` / `](/b)`, or `[Title` / `Previous](/a)`.
const PAGER_OPEN = /^\[(?:Previous|Next)\]\(\S*\)/;
const PAGER_CLOSE = /^(?:Previous|Next)\]\(\S*\)/;
const LINK_END = /\]\(\S*\)$/;

// Two page titles run together (`List avatar groupsGet avatar group`): no sentence, one case
// change from a lower-case letter straight to a capital.
const GLUED_TITLES = /^\p{Lu}[^.!?:`]*\p{Ll}\p{Lu}[^.!?:`]*$/u;
const ASSISTANT_KEY = new Set(["⌘I", "Ctrl+I", "Ctrl + I", "Assistant"]);

/**
 * A scrape that dropped the pager's Previous / Next words keeps its two titles glued on the line
 * above the assistant's shortcut (`⌘I`): that line is the pager.
 */
function gluedPager(lines: Line[]): number[] {
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (!ASSISTANT_KEY.has(line.text)) return;
    let k = i - 1;
    while (k >= 0 && (lines[k] as Line).text === "") k--;
    if (k >= 0 && GLUED_TITLES.test((lines[k] as Line).text)) found.push(k);
  });
  return found;
}

/** The lines of the pager links a markdown scrape keeps where the page's footer was. */
function pagerRanges(lines: Line[]): Set<number> {
  const drop = new Set<number>();
  const text = (i: number) => lines[i]?.text ?? "";
  for (let i = 0; i < lines.length; i++) {
    let [start, end] = [-1, -1];
    if (PAGER_OPEN.test(text(i))) {
      start = i;
      end = i;
      // `[Previous](/a)[` opens the next link: it runs to the line that closes it.
      if (text(i).endsWith("[")) {
        for (let j = i + 1; j <= i + 10 && j < lines.length; j++) {
          if (LINK_END.test(text(j))) {
            end = j;
            break;
          }
        }
      }
    } else if (PAGER_CLOSE.test(text(i))) {
      end = i;
      for (let j = i; j >= Math.max(0, i - 8); j--) {
        if (text(j).startsWith("[")) {
          start = j;
          break;
        }
      }
    }
    if (start < 0) continue;
    for (let j = start; j <= end; j++) drop.add(j);
    i = end;
  }
  return drop;
}

/** The "<title> / Previous / <title> / Next" links that end a page, when nothing follows them. */
function dropPageLinks(lines: Line[]): Line[] {
  let end = lines.length;
  for (let round = 0; round < 2; round++) {
    let last = end - 1;
    while (last >= 0 && (lines[last] as Line).text === "") last--;
    const word = lines[last]?.text;
    const title = lines[last - 1]?.text;
    // A title, not an enum option list (`a,` / `Next`) nor its head (`Available options:`).
    const isTitle = title !== undefined && title !== "" && !/[,:]$/.test(title);
    if ((word !== "Previous" && word !== "Next") || !isTitle) break;
    end = last - 1;
  }
  return end === lines.length ? lines : lines.slice(0, end);
}

// The site footer's links and the assistant's input box, above "Powered by Mintlify".
const SOCIAL =
  /^(?:x|twitter|discord|github|linkedin|youtube|slack|bluesky|telegram|facebook|instagram|website|ask a question\.{0,3}|search\.{3})$/i;

/**
 * The lines of the footer a copy ends with, when it has no "Was this page helpful?": the social
 * links and assistant box above "Powered by Mintlify", and the previous / next links above them,
 * which are page titles the sidebar listed at the top of the copy.
 */
function siteFooter(lines: Line[]): Set<number> {
  // (`… github discord Powered by Mintlify ----`: an extraction that ran the footer into the
  // page's last line; a sentence ending so above it is the page's own.)
  let last = lines.length - 1;
  while (last > 0 && lines[last]?.text === "") last--;
  const ranIn = /\sPowered by Mintlify\s*-*$/.test(lines[last]?.text ?? "");
  const end = ranIn ? last : lines.findIndex((line) => line.text === "Powered by Mintlify");
  const out = new Set<number>();
  if (end < 0) return out;
  let top = end;
  while (top > 0 && (lines[top - 1]?.text === "" || SOCIAL.test(lines[top - 1]?.text ?? ""))) top--;
  let links = top;
  while (links > 0 && top - links < 2) {
    const text = lines[links - 1]?.text ?? "";
    const earlier = lines.slice(0, Math.max(0, links - 30)).some((line) => line.text === text);
    if (text === "" || !earlier) break;
    links--;
  }
  // Only a block of its own: the links follow a blank line.
  if (links < top && lines[links - 1]?.text === "") top = links;
  for (let i = top; i <= end; i++) out.add(i);
  return out;
}
