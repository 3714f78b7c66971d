import { type Context, fail, note } from "../model/context.ts";
import { parseJson, withoutElisions } from "../model/json.ts";
import { parseTypeLine } from "../model/type-line.ts";
import type { Line } from "./lines.ts";

/** A JSON value read from one or more lines, with the index of its last line. */
export interface JsonBlock {
  value: unknown;
  /** Index (into the lines array) of the line holding the closing bracket. */
  end: number;
  /** Text after the closing bracket on that line. */
  rest: string;
  /** Its brackets close but its text is no JSON (the page's own mistake): no value, said. */
  malformed?: true;
  /** JSON only once its elisions (`[...]`, `{…}`) are empty: the payload's shape, no example. */
  shapeOnly?: true;
}

/** How far a scan of JSON text has got: brackets open, and whether it is inside a string. */
export interface BracketScan {
  depth: number;
  inString: boolean;
}

/**
 * Scans one line of JSON text on from `scan`: the index of the bracket that closes the value
 * (depth back to 0), or -1 when it stays open (`scan` then holds where it got).
 */
export function closingBracket(raw: string, scan: BracketScan): number {
  for (let c = 0; c < raw.length; c++) {
    const ch = raw[c];
    if (scan.inString) {
      if (ch === "\\") c++;
      else if (ch === '"') scan.inString = false;
    } else if (ch === '"') scan.inString = true;
    else if (ch === "{" || ch === "[") scan.depth++;
    else if ((ch === "}" || ch === "]") && --scan.depth <= 0) return c;
  }
  return -1;
}

/**
 * Reads a brace-balanced JSON value that starts at lines[start] (first non-blank char `{` or `[`).
 * Strings may contain brackets; a string never spans lines (JSON forbids raw newlines), which lets a
 * truncated page fail at the right line instead of swallowing the rest of the file.
 * Returns undefined after reporting the problem (lenient mode).
 */
export function readJsonBlock(
  lines: Line[],
  start: number,
  ctx: Context,
  what: string,
  elisions = false,
): JsonBlock | undefined {
  const scan: BracketScan = { depth: 0, inString: false };
  let text = "";
  for (let i = start; i < lines.length; i++) {
    const raw = (lines[i] as Line).raw;
    scan.inString = false;
    const close = closingBracket(raw, scan);
    if (close >= 0) {
      text += raw.slice(0, close + 1);
      return finish(
        lines,
        { start, end: i, text, rest: raw.slice(close + 1) },
        ctx,
        what,
        elisions,
      );
    }
    if (scan.inString) {
      fail(ctx, (lines[i] as Line).no, `a closing quote in the ${what}`, raw.trim());
      return undefined;
    }
    text += `${raw}\n`;
  }
  const first = lines[start] as Line;
  fail(ctx, first.no, `the end of the ${what} that starts here (closing bracket)`, "end of page");
  return undefined;
}

function finish(
  lines: Line[],
  block: { start: number; end: number; text: string; rest: string },
  ctx: Context,
  what: string,
  elisions: boolean,
): JsonBlock | undefined {
  const { start, end, rest } = block;
  // A markdown scraper's escapes: a hard line break (`[\` at a line's end), `\_`, `\[`. None can
  // stand in valid JSON, so they are undone only when the text does not parse as it is.
  let text = block.text;
  let parsed = parseJson(text);
  if (!parsed.ok) {
    const unescaped = text.replace(/\\\r?\n/g, "\n").replace(MARKDOWN_ESCAPE, "$1");
    parsed = parseJson(unescaped);
    if (parsed.ok) text = unescaped;
  }
  // A response shown with its lists elided (`"games": [...]`): the shape, though no example.
  if (!parsed.ok && elisions) {
    const shape = parseJson(withoutElisions(text));
    if (shape.ok) return { value: shape.value, end, rest, shapeOnly: true };
  }
  if (!parsed.ok && !whole(lines, start, end)) {
    fail(ctx, (lines[start] as Line).no, `valid JSON in the ${what}`, parsed.message);
    return undefined;
  }
  if (!parsed.ok) {
    // Whole yet no JSON: the docs' own slip (`"…," "next": …`), not a cut-off page. The example
    // is left out, with a warning; what the fields say stands.
    note(ctx, (lines[start] as Line).no, `valid JSON in the ${what} (left out)`, parsed.message);
    return { value: undefined, end, rest, malformed: true };
  }
  return { value: parsed.value, end, rest };
}

/**
 * True when lines[start..end] can be one example: no blank line, no bare word and no type on a
 * line of its own (`frame` over `string`, `page[size]` over `integer<int32>`). A block whose
 * brackets closed only on a later field's text (`in (0, 1]`) swallowed the fields after a
 * cut-off example: that is an error, not a slip.
 */
function whole(lines: Line[], start: number, end: number): boolean {
  for (let k = start; k <= end; k++) {
    const text = (lines[k] as Line).text;
    if (/^(?:true|false|null),?$/.test(text)) continue;
    if (text === "" || parseTypeLine(text).kind !== "none") return false;
    if (/^[A-Za-z_][\w.[\]-]*$/.test(text)) return false;
  }
  return true;
}

const MARKDOWN_ESCAPE = /\\([[\]_*#<>`~|!-])/g;

/** True when a trimmed line opens a JSON object or array. */
export function opensJson(text: string): boolean {
  // `[Get an API key](/keys) and …`: a markdown link opening a sentence, not an array.
  // `{key}` alone on its line: the name Mintlify gives a map's entries, a field, not an object.
  if (/^\{[\w-]+\}(?:\.[\w.-]+)?$/.test(text)) return false;
  return text.startsWith("{") || /^\[(?:\s|$|[[{"\d\-\]]|true\b|false\b|null\b)/.test(text);
}

export { parseJson };
