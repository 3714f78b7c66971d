import { type Context, fail } from "../model/context.ts";

/**
 * The `export const X = …` statements a page's MDX holds (Mintlify's markdown export inlines the
 * snippets a page uses so), blanked out with their newlines kept so lines stay right: they are
 * JavaScript, which this reader neither parses nor runs. A snippet that renders fields
 * (`<ParamField>` in its JSX) and that the page uses (`<QueryParams />`) would lose them: an
 * error in strict mode, a warning in lenient.
 */
export function withoutExports(text: string, ctx: Context, offset: number): string {
  const lines = text.split("\n");
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (mark !== undefined && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    if (fence !== undefined || !/^export\s+(?:const|function|let|default)\b/.test(line)) continue;
    const end = statementEnd(lines, i);
    const body = lines.slice(i, end + 1).join("\n");
    const name = /^export\s+(?:const|function|let)\s+([A-Za-z_$][\w$]*)/.exec(line)?.[1];
    const rest = [...lines.slice(0, i), ...lines.slice(end + 1)].join("\n");
    // A wrapper used with a field's attributes (`<KwParamField body="x" type="string">`) is
    // read where it is used; only a snippet that holds its fields loses them.
    const used = name === undefined ? [] : [...rest.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))];
    const holds = used.some((tag) => !/\b(?:body|query|path|header|cookie|name)=/.test(tag[0]));
    if (holds && /<(?:ParamField|ResponseField)\b/.test(body))
      fail(
        ctx,
        i + 1 + offset,
        `fields in the page's markup, not in a JavaScript snippet (<${name} /> renders fields this reader does not run)`,
        `export const ${name}`,
      );
    for (let k = i; k <= end; k++) lines[k] = "";
    i = end;
  }
  return lines.join("\n");
}

/**
 * A page's `<script>` and `<style>` elements (`<script>{\`…\`}</script>`), blanked with their
 * newlines kept: code the page runs in the browser, never a field, and JavaScript this reader
 * does not parse.
 */
export function withoutScripts(text: string): string {
  const lines = text.split("\n");
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (mark !== undefined && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    const tag = fence === undefined ? /^\s*<(script|style)\b/i.exec(line)?.[1] : undefined;
    if (tag === undefined) continue;
    const close = new RegExp(`</${tag}\\s*>`, "i");
    let end = i;
    while (end < lines.length && !close.test(lines[end] as string)) end++;
    if (end === lines.length) continue;
    for (let k = i; k <= end; k++) lines[k] = "";
    i = end;
  }
  return lines.join("\n");
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
