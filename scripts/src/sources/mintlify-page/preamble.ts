import type { Line } from "./lines.ts";

/** What the tool that saved the page wrote above it. */
export interface Preamble {
  /** The page title the saving tool recorded (frontmatter `title`, `Title:`). */
  title?: string | undefined;
  /** Index of the first line of the page itself. */
  start: number;
}

// Lines that page savers put above the content: `# Source: <url>`, `> Source: <url>`, the reader
// services' `URL Source:` / `Markdown Content:` block, a skip link.
const SAVER_LINE =
  /^(?:#+\s*|>\s*)?(?:\*\*)?(?:Source|URL Source|Published Time|Markdown Content|Crawled at|Scraped at):(?:\*\*)?(?:\s+\S.*)?$/i;
const SKIP_LINK = /^\[Skip to (?:main )?content\]\([^)]*\)$/i;
/** `<!-- Source: <url> -->`: the comment some savers put first. */
const COMMENT = /^<!--.*-->$/;
const TITLE_LINE = /^Title:\s+(.+)$/;
/** How far the frontmatter may run before we decide the `---` was a rule, not frontmatter. */
const FRONTMATTER_LIMIT = 80;

/**
 * Reads what a saving tool added before the page: YAML frontmatter (only `title` is kept: the
 * `url`/`source` keys name the docs page, not the API), `Title:` / `Source:` lines, a skip link.
 */
export function readPreamble(lines: Line[]): Preamble {
  const result: Preamble = { start: 0 };
  let i = 0;
  if (lines[0]?.text === "---") {
    const close = lines.findIndex(
      (line, k) => k > 0 && k <= FRONTMATTER_LIMIT && line.text === "---",
    );
    if (close > 0) {
      for (let k = 1; k < close; k++) {
        const m = /^title:\s*(.*)$/.exec((lines[k] as Line).text);
        if (m !== null) result.title = unquote(m[1] as string);
      }
      i = close + 1;
    }
  }
  for (; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    const title = TITLE_LINE.exec(text);
    if (title !== null && result.title === undefined) result.title = (title[1] as string).trim();
    else if (text !== "" && !SAVER_LINE.test(text) && !SKIP_LINK.test(text) && !COMMENT.test(text))
      break;
  }
  result.start = i;
  if (result.title === "") result.title = undefined;
  return result;
}

function unquote(value: string): string {
  const text = value.trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0]) {
    return text.slice(1, -1);
  }
  return text;
}
