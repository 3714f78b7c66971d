import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";

// mdast's node types, reached through the parser's own signature (mdast's types are not a
// dependency of their own here).
type Root = ReturnType<typeof fromMarkdown>;
type RootContent = Root["children"][number];
type Code = Extract<RootContent, { type: "code" }>;
type Heading = Extract<RootContent, { type: "heading" }>;
type Nodes = Root | RootContent;

/** The operation a fence's info string names: `post /v1/things` or `webhook thing.created`. */
export type FenceTarget =
  | { kind: "operation"; method: string; path: string }
  | { kind: "webhook"; name: string };

/** The OpenAPI fence of an export: where it is and what its info string says. */
export interface Fence {
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based line where the fence's content starts (for YAML errors on the right line). */
  bodyLine: number;
  /** The content, as the markdown parser dedented it. */
  value: string;
  lang: string;
  /** The spec file the info string names (`openapi.json`, a URL), when it names one. */
  specFile?: string | undefined;
  target?: FenceTarget | undefined;
  /** False when the file ends inside the fence (a truncated export). */
  closed: boolean;
  /** The opening fence line as written, for error messages. */
  opening: string;
  /** The fence's backticks or tildes (```` ```` ````). */
  marker: string;
}

/** What the markdown of an export holds besides the fence. */
export interface ExportPage {
  tree: Root;
  text: string;
  lines: string[];
  /** The `## OpenAPI` (or `# OpenAPI definition`) heading, when the page has one. */
  heading?: Heading | undefined;
  fence?: Fence | undefined;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const SPEC_LANGS = new Set(["yaml", "yml", "json"]);
// Mintlify's `## OpenAPI`; other exporters title the same section `OpenAPI definition`.
const OPENAPI_HEADING = /^open\s?api(?:\s+(?:definition|spec(?:ification)?))?$/i;

// A closing fence whose newline an exporter wrote escaped (`\`\`\`\`\\n`, the file's last line):
// still the fence's end. Only backslash-n sequences follow the marker, so nothing is lost.
const ESCAPED_CLOSING = /^([ \t>]*(?:`{3,}|~{3,}))(?:\\r)?(?:\\n)+[ \t]*$/gm;

/** Parses the export's markdown (CommonMark with YAML frontmatter) and finds its OpenAPI fence. */
export function readExport(saved: string): ExportPage {
  const text = saved.replace(ESCAPED_CLOSING, "$1");
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(["yaml"])],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"])],
  });
  const lines = text.split(/\r?\n/);
  const nodes = tree.children;
  const headingAt = nodes.findIndex(
    (node) => node.type === "heading" && OPENAPI_HEADING.test(plainText(node).trim()),
  );
  const heading = headingAt >= 0 ? (nodes[headingAt] as Heading) : undefined;
  let code: Code | undefined;
  if (heading !== undefined) {
    // The fence is the first code block of the section (blank lines and spaces are the parser's).
    for (const node of nodes.slice(headingAt + 1)) {
      if (node.type === "heading" && node.depth <= heading.depth) break;
      if (node.type === "code") {
        code = node;
        break;
      }
    }
  } else {
    // No heading: the first spec-language block whose info string names an operation.
    code = nodes.find(
      (node): node is Code =>
        node.type === "code" &&
        SPEC_LANGS.has((node.lang ?? "").toLowerCase()) &&
        parseTarget(node.meta ?? "") !== undefined,
    );
  }
  return {
    tree,
    text,
    lines,
    heading,
    fence: code === undefined ? undefined : toFence(code, lines),
  };
}

function toFence(code: Code, lines: string[]): Fence {
  const line = code.position?.start.line ?? 1;
  const end = code.position?.end.line ?? line;
  const opening = lines[line - 1] ?? "";
  const marker = /^\s*(`{3,}|~{3,})/.exec(opening)?.[1] ?? "```";
  const last = (lines[end - 1] ?? "").replace(/^[\s>]*/, "");
  // mdast ends an unclosed fence at the end of the file; a closed one ends on its closing line.
  const closed =
    end > line &&
    last.startsWith(marker[0]?.repeat(marker.length) ?? marker) &&
    /^(`+|~+)\s*$/.test(last);
  const meta = (code.meta ?? "").trim();
  const { specFile, target } = parseInfo(meta);
  return {
    line,
    bodyLine: line + 1,
    value: code.value,
    lang: (code.lang ?? "").toLowerCase(),
    specFile,
    target,
    closed,
    opening: opening.trim(),
    marker,
  };
}

/** `openapi.json post /v1/things`, `GET /x`, `spec.yaml webhook thing.created`. */
function parseInfo(meta: string): { specFile?: string; target?: FenceTarget } {
  const words = meta.split(/\s+/).filter((w) => w !== "");
  const target = parseTarget(meta);
  if (target === undefined) return words.length > 0 ? { specFile: words.join(" ") } : {};
  const rest = words.slice(0, -2);
  return rest.length > 0 ? { specFile: rest.join(" "), target } : { target };
}

function parseTarget(meta: string): FenceTarget | undefined {
  const words = meta.split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return undefined;
  const [verb = "", name = ""] = words.slice(-2);
  if (verb.toLowerCase() === "webhook") return { kind: "webhook", name };
  if (!METHODS.has(verb.toLowerCase())) return undefined;
  return { kind: "operation", method: verb.toLowerCase(), path: name };
}

/** The text of a node and its children, without markup. */
export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** The page's `#` title and the text under it, for the operation summary and description. */
export function titleAndDescription(page: ExportPage): { title?: string; description: string[] } {
  const nodes: RootContent[] = page.tree.children;
  // Scrapers add `# Source: <url>` headings above the page's own title.
  const titleAt = nodes.findIndex(
    (node) =>
      node.type === "heading" &&
      node.depth === 1 &&
      !/^source:\s*\S+$/i.test(plainText(node).trim()),
  );
  if (titleAt < 0) return { description: [] };
  const title = plainText(nodes[titleAt] as Heading).trim();
  const description: string[] = [];
  for (const node of nodes.slice(titleAt + 1)) {
    if (node.type === "heading" || node.type === "code") break;
    if (node.type !== "paragraph" && node.type !== "blockquote") continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    // The source text, not the plain text: descriptions are CommonMark, links and code included.
    const source = page.text.slice(start, end);
    const text = node.type === "blockquote" ? source.replace(/^[ \t]*> ?/gm, "") : source;
    if (text.trim() !== "") description.push(text.trim());
  }
  return title === "" ? { description } : { title, description };
}
