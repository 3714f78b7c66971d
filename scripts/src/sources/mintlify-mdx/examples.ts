import { type CurlExample, isCurlStart, readCurl } from "../mintlify-page/curl.ts";
import type { Line } from "../mintlify-page/lines.ts";
import { type Context, note } from "../model/context.ts";
import { parseJson } from "../model/json.ts";
import type { ResponseExample } from "../model/operation.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

/** Every fenced code block inside `node`, in order. */
export function codeBlocks(node: MdNode, depth = 0): MdNode[] {
  if (node.type === "code") return [node];
  if (depth > 64) return [];
  return (node.children ?? []).flatMap((child) => codeBlocks(child, depth + 1));
}

/** The curl command of a code block (a `bash`/`sh` tab of `<RequestExample>`), if it is one. */
export function curlOf(code: MdNode, tree: Tree, ctx: Context): CurlExample | undefined {
  const text = code.value ?? "";
  const first = lineOf(code, tree) + 1;
  const lines: Line[] = text
    .split("\n")
    .map((raw, i) => ({ no: first + i, raw, text: raw.trim() }));
  const start = lines.findIndex((line) => line.text !== "" && !line.text.startsWith("#"));
  if (start < 0 || !isCurlStart((lines[start] as Line).text)) return undefined;
  return readCurl(lines, start, ctx);
}

const JSON_LANGS = new Set(["json", "jsonc", "json5"]);

/**
 * A response example: a JSON code block whose title may carry the status (```json 200 Success,
 * ```json 201 - Created, ```json title="404"). Blocks in other languages are not examples.
 */
export function responseExampleOf(
  code: MdNode,
  tree: Tree,
  ctx: Context,
): ResponseExample | undefined {
  const lang = (code.lang ?? "").toLowerCase();
  const text = (code.value ?? "").trim();
  const looksJson = lang === "" && (text.startsWith("{") || text.startsWith("["));
  if (!JSON_LANGS.has(lang) && !looksJson) return undefined;
  const line = lineOf(code, tree);
  const value = readJsonExample(text);
  if (!value.ok) {
    if (looksJson) return undefined;
    // The fence closes, so the page is whole: the docs' own example is broken (a missing comma).
    // The fields say what the response holds; the example is left out, with a warning.
    note(ctx, line + 1, "a JSON response example (left out)", value.message);
    return undefined;
  }
  return { value: value.value, line, code: statusOf(code.meta ?? "") };
}

/** The status code a code block's title names (`200 Success`, `title="201"`), if any. */
export function statusOf(meta: string): string | undefined {
  const title = /\btitle=(["'])(.*?)\1/.exec(meta)?.[2];
  const label = title ?? meta.replace(/\b[\w-]+=(?:\{[^}]*\}|"[^"]*"|'[^']*'|\S+)/g, " ");
  for (const word of label.split(/[\s:()-]+/)) {
    if (/^[1-5](?:\d\d|XX)$/i.test(word)) return word.toUpperCase();
  }
  return undefined;
}

/** JSON, also with the `//` comments and trailing commas hand-written examples carry. */
export function readJsonExample(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed;
  const relaxed = parseJson(stripCommentsAndTrailingCommas(text));
  return relaxed.ok ? relaxed : parsed;
}

/** Removes `//` and `/* *\/` comments, then commas before `}` / `]`, outside strings. */
function stripCommentsAndTrailingCommas(text: string): string {
  return outsideStrings(outsideStrings(text, dropComment), dropTrailingComma);
}

type Rewrite = (text: string, i: number) => { skip: number; out: string } | undefined;

const dropComment: Rewrite = (text, i) => {
  if (text[i] !== "/") return undefined;
  if (text[i + 1] === "/") {
    const end = text.indexOf("\n", i);
    return { skip: (end < 0 ? text.length : end) - i, out: "" };
  }
  if (text[i + 1] === "*") {
    const end = text.indexOf("*/", i + 2);
    return { skip: (end < 0 ? text.length : end + 2) - i, out: " " };
  }
  return undefined;
};

const dropTrailingComma: Rewrite = (text, i) => {
  if (text[i] !== ",") return undefined;
  let j = i + 1;
  while (j < text.length && /\s/.test(text[j] as string)) j++;
  return text[j] === "}" || text[j] === "]" ? { skip: 1, out: "" } : undefined;
};

/** Applies `rewrite` to the text outside JSON strings. */
function outsideStrings(text: string, rewrite: Rewrite): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === "\\" && i + 1 < text.length) out += text[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    const change = rewrite(text, i);
    if (change !== undefined) {
      out += change.out;
      i += change.skip - 1;
    } else {
      if (ch === '"') inString = true;
      out += ch;
    }
  }
  return out;
}
