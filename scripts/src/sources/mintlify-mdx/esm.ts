import { type Context, fail, note } from "../model/context.ts";

/**
 * The `export const X = …` statements a page's MDX holds (Mintlify's markdown export inlines the
 * snippets a page uses so), blanked out with their newlines kept so lines stay right: they are
 * JavaScript, which this reader neither parses nor runs. A snippet that renders fields
 * (`<ParamField>` in its JSX) and that the page uses on a line of its own (`<QueryParams />`)
 * has those fields put on that line, the first listing of each (the snippet's conditions are
 * not run), with a warning; used any other way, its fields would be lost: an error in strict
 * mode, a warning in lenient.
 */
export function withoutExports(text: string, ctx: Context, offset: number): string {
  const lines = text.split("\n");
  outsideFences(lines, (i) => {
    const line = lines[i] as string;
    if (!/^export\s+(?:const|function|let|default)\b/.test(line)) return undefined;
    const end = statementEnd(lines, i);
    const body = lines.slice(i, end + 1).join("\n");
    const name = /^export\s+(?:const|function|let)\s+([A-Za-z_$][\w$]*)/.exec(line)?.[1];
    const rest = [...lines.slice(0, i), ...lines.slice(end + 1)].join("\n");
    // A wrapper used with a field's attributes (`<KwParamField body="x" type="string">`) is
    // read where it is used; only a snippet that holds its fields loses them.
    const used = name === undefined ? [] : [...rest.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))];
    const holds = used.some((tag) => !/\b(?:body|query|path|header|cookie|name)=/.test(tag[0]));
    const fields = holds ? snippetFields(body) : undefined;
    for (let k = i; k <= end; k++) lines[k] = "";
    if (fields !== undefined && name !== undefined) {
      const usage = new RegExp(`^\\s*<${name}\\b[^>]*/>\\s*$`);
      const at = lines.findIndex((l) => usage.test(l));
      if (at >= 0) {
        // `<QueryParams type="emails" />` over `Number of {type} to return`: the prop's text.
        const props = new Map(
          [...(lines[at] as string).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
        );
        lines[at] = fields.replace(/\{(\w+)\}/g, (whole, prop) => props.get(prop) ?? whole);
        note(
          ctx,
          at + 1 + offset,
          `fields in the page's markup (read from the snippet ${name}, the first listing of each: its conditions are not run)`,
          `<${name} />`,
        );
      } else
        fail(
          ctx,
          i + 1 + offset,
          `fields in the page's markup, not in a JavaScript snippet (<${name} /> renders fields this reader does not run)`,
          `export const ${name}`,
        );
    }
    return end;
  });
  return lines.join("\n");
}

/**
 * The `<ParamField>` / `<ResponseField>` elements a snippet's JSX holds, the first of each name,
 * on one line (their text's line breaks become spaces); undefined when it holds none.
 */
function snippetFields(body: string): string | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  const open = /<(ParamField|ResponseField)\b/g;
  for (let match = open.exec(body); match !== null; match = open.exec(body)) {
    const end = elementEnd(body, match.index, match[1] as string);
    if (end < 0) break;
    const element = body.slice(match.index, end);
    const key = /\b(?:body|query|path|header|cookie|name|response)=["'][^"']*["']/.exec(
      element,
    )?.[0];
    if (!seen.has(key ?? element)) {
      seen.add(key ?? element);
      out.push(element.replace(/\s*\n\s*/g, " "));
    }
    open.lastIndex = end;
  }
  return out.length > 0 ? out.join(" ") : undefined;
}

/** Where the element opened at `start` ends (after its closing tag); -1 if it does not. */
function elementEnd(text: string, start: number, tag: string): number {
  const head = text.indexOf(">", start);
  if (head < 0) return -1;
  if (text[head - 1] === "/") return head + 1;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, "g");
  tags.lastIndex = head + 1;
  let depth = 1;
  for (let m = tags.exec(text); m !== null; m = tags.exec(text)) {
    if (m[1] === "/") depth--;
    else if (m[2] !== "/") depth++;
    if (depth === 0) return tags.lastIndex;
  }
  return -1;
}

/**
 * A page's `<script>` and `<style>` elements (`<script>{\`…\`}</script>`), blanked with their
 * newlines kept: code the page runs in the browser, never a field, and JavaScript this reader
 * does not parse.
 */
export function withoutScripts(text: string): string {
  const lines = text.split("\n");
  outsideFences(lines, (i) => {
    const tag = /^\s*<(script|style)\b/i.exec(lines[i] as string)?.[1];
    if (tag === undefined) return undefined;
    const close = new RegExp(`</${tag}\\s*>`, "i");
    let end = i;
    while (end < lines.length && !close.test(lines[end] as string)) end++;
    if (end === lines.length) return undefined;
    for (let k = i; k <= end; k++) lines[k] = "";
    return end;
  });
  return lines.join("\n");
}

// HTML's void elements, which HTML lets a page leave open (`<br>`, `<img src="…">`) and MDX not.
// Lower case only: `<Link>` is a component with children, not HTML's `<link>`.
const OPEN_VOID =
  /<(area|br|col|embed|hr|img|input|link|meta|source|wbr)\b((?:[^<>"']|"[^"]*"|'[^']*')*?)\s*(?<!\/)>/g;

/**
 * HTML void elements written open (`<p><img src="a.png" width="500"></p>`), closed as MDX needs
 * them (`<img … />`): the page's own markup, which Mintlify's renderer takes, not an error of
 * its MDX. Code, fenced or inline, is left as written.
 */
export function withVoidElementsClosed(text: string): string {
  if (!/<(?:area|br|col|embed|hr|img|input|link|meta|source|wbr)\b/.test(text)) return text;
  return eachLineOutsideFences(text, (line) =>
    line
      .split(/(`+[^`]*`+)/)
      .map((part, k) => (k % 2 === 1 ? part : part.replace(OPEN_VOID, "<$1$2 />")))
      .join(""),
  );
}

// `type=""MOTOR" | "PROPERTY""`: a generator wrapped a union of quoted values in quotes again.
// Only a union (`"A" | "B"`) so quoted: `default="" type="string"` is two attributes.
const DOUBLED_QUOTES =
  /(\s[A-Za-z][\w-]*)=""([^"'\s|][^"'\n|]*"\s*\|\s*"[^"'\n|]*(?:"\s*\|\s*"[^"'\n|]*)*)""(?=\s|\/?>)/g;

/**
 * An attribute whose value a generator quoted twice (`type=""A" | "B""`), which no MDX parser
 * reads, written with outer single quotes (`type='"A" | "B"'`): the value the page meant.
 */
export function withAttributeQuotesMended(text: string): string {
  if (!text.includes('=""')) return text;
  return eachLineOutsideFences(text, (line) => line.replace(DOUBLED_QUOTES, `$1='"$2"'`));
}

// `<deployment-url>` in a sentence: a copy's placeholder (its source had it in code). No MDX
// element is named so unless the page closes one; escaped, it reads as the text it is. Quoted
// attribute values (`default="<api-key>"`, `'<api-key>'`), code and frontmatter are left as
// written.
const PLACEHOLDER_OR_VALUE = /(=\s*(?:"[^"\n]*"|'[^'\n]*'))|<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)>/g;
const CLOSING_TAG = /<\/([a-z][\w.-]*)\s*>/g;

/** The text with each unclosed placeholder element outside code escaped (one pass). */
export function withPlaceholdersEscaped(text: string): string {
  if (!/<[a-z][a-z0-9]*[-_][a-z0-9]/.test(text)) return text;
  const closed = new Set([...text.matchAll(CLOSING_TAG)].map((m) => m[1] as string));
  const escaped = (part: string) =>
    part.replace(PLACEHOLDER_OR_VALUE, (match, value: string | undefined, name: string) =>
      value !== undefined || closed.has(name) ? match : `\\${match}`,
    );
  // (The frontmatter is YAML, which a backslash would break: left as written.)
  const front = /^---\r?\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? "";
  const body = eachLineOutsideFences(text.slice(front.length), (line) =>
    line
      .split(/(`+[^`]*`+)/)
      .map((part, k) => (k % 2 === 1 ? part : escaped(part)))
      .join(""),
  );
  return front + body;
}

/** The text with `rewrite` applied to each line outside fenced code (line count unchanged). */
function eachLineOutsideFences(text: string, rewrite: (line: string) => string): string {
  const lines = text.split("\n");
  outsideFences(lines, (i) => {
    lines[i] = rewrite(lines[i] as string);
    return undefined;
  });
  return lines.join("\n");
}

/**
 * Calls `take` on each line outside fenced code, in order; it returns the last line of the block
 * it took (the walk goes on after it), or undefined.
 */
function outsideFences(lines: string[], take: (index: number) => number | undefined): void {
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(lines[i] as string)?.[1];
    if (mark !== undefined && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    if (fence === undefined) i = take(i) ?? i;
  }
}

/** The last line of the statement that starts at lines[start]: where its brackets balance. */
function statementEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let k = start; k < lines.length && k < start + 2000; k++) {
    for (const ch of lines[k] as string) {
      if (ch === "{" || ch === "(" || ch === "[") depth++;
      else if (ch === "}" || ch === ")" || ch === "]") depth--;
    }
    if (depth <= 0) return k;
  }
  return start;
}
