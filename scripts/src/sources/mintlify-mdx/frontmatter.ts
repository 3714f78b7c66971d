import { LineCounter, parseDocument } from "yaml";
import { type Context, fail } from "../model/context.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

/** A frontmatter value and the line of its key. */
export interface Located {
  value: string;
  line: number;
}

/** What a page's YAML frontmatter says about its operation. */
export interface Frontmatter {
  title?: Located | undefined;
  description?: Located | undefined;
  /** `api: "POST https://host/v1/things"`: the page documents the operation itself. */
  api?: Located | undefined;
  /** `openapi: "POST /v1/things"`: the operation's fields live in an OpenAPI spec, not here. */
  openapi?: Located | undefined;
  deprecated: boolean;
  /** Line of the opening `---`, or 1 when the page has no frontmatter. */
  line: number;
}

const KEYS = ["title", "description", "api", "openapi"] as const;

/** Reads the frontmatter block that opens the page, if any. */
export function readFrontmatter(tree: Tree, ctx: Context): Frontmatter {
  const node: MdNode | undefined = tree.root.children?.[0];
  const result: Frontmatter = { deprecated: false, line: 1 };
  if (node?.type !== "yaml") return result;
  result.line = lineOf(node, tree);
  let counter = new LineCounter();
  let doc = parseDocument(node.value ?? "", { lineCounter: counter, uniqueKeys: false });
  // `description: "` over lines at the left margin (`- one`), closed by a `"` line: a quoted
  // value the site's own YAML reader takes, ours only once its lines are indented (same lines).
  const indented = doc.errors.length > 0 ? indentQuotedLines(node.value ?? "") : undefined;
  if (indented !== undefined) {
    const lines = new LineCounter();
    const again = parseDocument(indented, { lineCounter: lines, uniqueKeys: false });
    if (again.errors.length === 0) [doc, counter] = [again, lines];
  }
  const first = result.line + 1;
  for (const error of doc.errors) {
    const line = first + counter.linePos(error.pos[0]).line - 1;
    fail(ctx, line, "valid YAML in the frontmatter", error.message.split("\n")[0]);
    return result;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // toJS throws (not reports) an alias to an anchor defined later or never, and alias bombs.
    const message = error instanceof Error ? error.message : String(error);
    fail(ctx, first, "valid YAML in the frontmatter", message.split("\n")[0]);
    return result;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return result;
  const record = data as Record<string, unknown>;
  for (const key of KEYS) {
    const value = record[key];
    if (value === undefined || value === null || !Object.hasOwn(record, key)) continue;
    const line = first + keyLine(doc, counter, key) - 1;
    if (typeof value !== "string" && typeof value !== "number") {
      fail(ctx, line, `a text value for the frontmatter key ${key}`, JSON.stringify(value));
      continue;
    }
    result[key] = { value: String(value).trim(), line };
  }
  result.deprecated = record.deprecated === true || record.deprecated === "true";
  return result;
}

/** 1-based line of a top-level key inside the YAML text. */
function keyLine(doc: ReturnType<typeof parseDocument>, counter: LineCounter, key: string): number {
  const contents = doc.contents as { items?: { key?: { value?: unknown; range?: number[] } }[] };
  for (const pair of contents?.items ?? []) {
    const start = pair.key?.range?.[0];
    if (pair.key?.value === key && typeof start === "number") return counter.linePos(start).line;
  }
  return 1;
}

/** The text with the lines inside a multi-line double-quoted value indented; undefined if none. */
function indentQuotedLines(text: string): string | undefined {
  const lines = text.split("\n");
  let open = false;
  let changed = false;
  const out = lines.map((line) => {
    const quotes = (line.replace(/\\./g, "").match(/"/g) ?? []).length;
    if (!open) {
      open = /^[\w-]+:\s*"/.test(line) && quotes % 2 === 1;
      return line;
    }
    if (quotes % 2 === 1) open = false;
    if (line === "" || /^\s/.test(line)) return line;
    changed = true;
    return `  ${line}`;
  });
  return changed ? out.join("\n") : undefined;
}
