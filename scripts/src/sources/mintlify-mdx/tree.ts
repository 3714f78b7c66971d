import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { mdxJsxFromMarkdown } from "mdast-util-mdx-jsx";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmTable } from "micromark-extension-gfm-table";
import { mdxJsx } from "micromark-extension-mdx-jsx";
import { type Context, fail, note } from "../model/context.ts";
import {
  withAttributeQuotesMended,
  withoutExports,
  withoutScripts,
  withPlaceholdersEscaped,
  withVoidElementsClosed,
} from "./esm.ts";

/** A JSX attribute as mdast-util-mdx-jsx gives it (`required`, `type="x"`, `default={10}`). */
export interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

/** The parts of an mdast node this parser reads (mdast types are not a dependency of scripts). */
export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  name?: string | null;
  attributes?: JsxAttribute[];
  lang?: string | null;
  meta?: string | null;
  url?: string;
  depth?: number;
  ordered?: boolean | null;
  position?: { start: { line: number; offset?: number } } | undefined;
}

/** The page as a tree, and how many lines before the parsed text the file has. */
export interface Tree {
  root: MdNode;
  /** Added to every node's line: blank lines dropped before a frontmatter block. */
  offset: number;
  /** Lines a repair added (the line each starts at, in the parsed text): not the file's. */
  added?: number[] | undefined;
}

// MDX is not CommonMark: indentation never makes code (JSX children are indented), and raw HTML
// and autolinks are JSX syntax errors rather than markup. Mintlify compiles pages the same way.
const MDX_LIKE = { disable: { null: ["codeIndented", "htmlFlow", "htmlText", "autolink"] } };
const MAX_REPAIRS = 25;

function parse(text: string, jsx: boolean): MdNode {
  const extensions = [frontmatter(["yaml"]), gfmTable(), MDX_LIKE, ...(jsx ? [mdxJsx()] : [])];
  const mdastExtensions = [
    frontmatterFromMarkdown(["yaml"]),
    gfmTableFromMarkdown(),
    ...(jsx ? [mdxJsxFromMarkdown()] : []),
  ];
  // biome-ignore lint/suspicious/noExplicitAny: the micromark extension types live in @types/mdast.
  return fromMarkdown(text, { extensions, mdastExtensions } as any) as unknown as MdNode;
}

interface SyntaxProblem {
  line: number;
  offset: number;
  reason: string;
}

interface Point {
  line?: unknown;
  offset?: unknown;
}

/**
 * Where micromark says the MDX broke: a point, or, for an unclosed element, the tag's position
 * named in the message (the error's own range is the enclosing paragraph).
 */
function syntaxProblem(error: unknown, text: string): SyntaxProblem {
  const record = (error ?? {}) as {
    place?: Point & { start?: Point; end?: Point };
    reason?: unknown;
  };
  const reason = typeof record.reason === "string" ? record.reason : String(error);
  const point = record.place?.start ?? record.place ?? {};
  const line = typeof point.line === "number" ? point.line : 1;
  const tag = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  if (tag !== null) {
    const at = offsetOf(text, Number(tag[1]), Number(tag[2]));
    return { line: Number(tag[1]), offset: at, reason };
  }
  const end = record.place?.end?.offset ?? point.offset;
  return { line, offset: typeof end === "number" ? end : -1, reason };
}

/** Offset of a 1-based line and column; -1 when the text has no such line. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    at = text.indexOf("\n", at) + 1;
    if (at === 0) return -1;
  }
  return at + column - 1;
}

/**
 * Parses MDX: markdown with JSX elements and a YAML frontmatter block; HTML comments are dropped.
 * Strict: a JSX syntax error (a stray `<`, an unclosed tag) is a ParseError at its line. Lenient: the `<`
 * before the error is escaped and parsing retried, each repair a warning; if that does not help,
 * the page is read as plain markdown (no fields).
 */
export function parseTree(input: string, ctx: Context): Tree {
  let text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  // A frontmatter block must open the file; saved copies sometimes start with blank lines.
  let offset = 0;
  const lead = /^(?:[ \t]*\r?\n)+(?=---\r?\n)/.exec(text);
  if (lead !== null) {
    offset = (lead[0].match(/\n/g) ?? []).length;
    text = text.slice(lead[0].length);
  }
  text = withPlaceholdersEscaped(
    withAttributeQuotesMended(
      withVoidElementsClosed(withoutScripts(withoutExports(text, ctx, offset))),
    ),
  );
  // Each comment blanked makes the text shorter by one `<!--`: that loop ends without a budget,
  // and uses none of the repairs' (else a page of many comments would fall back to plain markdown).
  const added: number[] = [];
  // A line of the parsed text as a line of the file.
  const fileLine = (line: number) => line + offset - added.filter((a) => a < line).length;
  let attempt = 0;
  let spent = false;
  for (;;) {
    try {
      return { root: parse(text, true), offset, added };
    } catch (error) {
      const problem = syntaxProblem(error, text);
      const comment = htmlCommentAt(text, problem.offset);
      if (comment !== undefined) {
        text = comment;
        continue;
      }
      // Out of repairs: markdown only, no elements.
      if (attempt === MAX_REPAIRS) {
        spent = true;
        break;
      }
      attempt++;
      const closed = repairExampleBlock(text, problem);
      if (closed !== undefined) {
        // An example block left open to the end (the page's last lines were lost), or its code
        // fence left open: closing it changes only what it shows, never a field.
        note(
          ctx,
          fileLine(problem.line),
          "valid MDX (the example block repaired: its code fence or its closing tag added)",
          problem.reason,
        );
        text = closed.text;
        added.push(...closed.added);
        continue;
      }
      fail(ctx, fileLine(problem.line), "valid MDX (JSX elements and markdown)", problem.reason);
      if (problem.offset < 0) break;
      const at = text.lastIndexOf("<", Math.min(problem.offset, text.length - 1));
      // Nothing left to escape, or this `<` was escaped already: the repair cannot help.
      if (at < 0 || text[at - 1] === "\\") break;
      text = `${text.slice(0, at)}\\${text.slice(at)}`;
    }
  }
  // (A repair that could not help was said above.)
  if (spent) fail(ctx, 1 + offset, `valid MDX within ${MAX_REPAIRS} repairs`, "more problems");
  return { root: parse(text, false), offset, added };
}

const EXAMPLE_BLOCKS = new Set(["RequestExample", "ResponseExample", "CodeGroup"]);

/**
 * The text with an example block (`<ResponseExample>`, `<CodeGroup>`) closed: its open code fence
 * closed before its closing tag, or, with no closing tag, the tag added at the end when no field,
 * table or heading follows its opening.
 */
function repairExampleBlock(
  text: string,
  problem: SyntaxProblem,
): { text: string; added: number[] } | undefined {
  const name = /Expected a closing tag for `<(\w+)>`/.exec(problem.reason)?.[1];
  if (name === undefined || !EXAMPLE_BLOCKS.has(name) || problem.offset < 0) return undefined;
  const rest = text.slice(problem.offset);
  const close = rest.indexOf(`</${name}>`);
  if (close >= 0) {
    // The block's code fence was never closed, so it swallowed the closing tag: close the
    // fence just before it.
    const inside = rest.slice(0, close);
    const fences = inside.match(/^[ \t]*(?:`{3,}|~{3,})/gm) ?? [];
    if (fences.length % 2 === 0) return undefined;
    const fence = (fences.at(-1) as string).trim();
    const at = problem.offset + close;
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    // The tag at the end of the code's last line (`}</ResponseExample>`) needs a line break too.
    const own = before.endsWith("\n");
    return {
      text: `${before}${own ? "" : "\n"}${fence}\n${text.slice(at)}`,
      added: own ? [line] : [line + 1, line + 1],
    };
  }
  // Fields, a table or a heading after it: closing it at the end would hide them.
  const outside = rest.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
  if (/<\w*(?:ParamField|ResponseField)\b|^\s*\|.*\|\s*$|^#{1,6}\s/m.test(outside))
    return undefined;
  return { text: `${text.replace(/\s*$/, "")}\n\n</${name}>\n`, added: [] };
}

/**
 * The text with the HTML comment (`<!-- mirrored from … -->`) that broke the parse blanked out,
 * newlines kept so lines stay right; undefined when the error is not at one. Markdown allows
 * comments and they say nothing about fields; only MDX's JSX syntax rejects them.
 */
function htmlCommentAt(text: string, offset: number): string | undefined {
  if (offset < 0) return undefined;
  const at = text.lastIndexOf("<", Math.min(offset, text.length - 1));
  if (at < 0 || !text.startsWith("<!--", at)) return undefined;
  const end = text.indexOf("-->", at + 4);
  if (end < 0) return undefined;
  const blank = text.slice(at, end + 3).replace(/[^\n]/g, " ");
  return text.slice(0, at) + blank + text.slice(end + 3);
}

/** The 1-based line of a node in the file. */
export function lineOf(node: MdNode | undefined, tree: Tree): number {
  const line = node?.position?.start.line ?? 1;
  const added = tree.added?.filter((a) => a < line).length ?? 0;
  return line + tree.offset - added;
}

/** True for a JSX element (block or inline), optionally of one of the given names. */
export function isJsx(node: MdNode, ...names: string[]): boolean {
  if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return false;
  return names.length === 0 || names.includes(node.name ?? "");
}

/**
 * True for a field element: `<ParamField>`, `<ResponseField>`, or a site's own wrapper named so
 * (`<ResendParamField>`, which renders a ParamField with the same attributes).
 */
export function isFieldElement(node: MdNode): boolean {
  return isJsx(node) && /^\w*(?:ParamField|ResponseField)$/.test(node.name ?? "");
}
