import { isTag, isText } from "domutils";
import { parseDocument } from "htmlparser2";

/** The parsed page. */
export type HtmlDocument = ReturnType<typeof parseDocument>;
/** Any node of the page. */
export type HtmlNode = HtmlDocument["children"][number];
/** An element of the page. */
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

/** The page and a way to turn a node's source offset into a 1-based line. */
export interface Page {
  document: HtmlDocument;
  lineOf: (node: HtmlNode) => number;
  /** The last line of the file, for problems found at its end. */
  lastLine: number;
}

/** Parses the page with htmlparser2, keeping each node's source offset for located errors. */
export function parsePage(text: string): Page {
  const document = parseDocument(text, { withStartIndices: true });
  const breaks: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks.push(i);
  const lineAt = (offset: number): number => {
    // Binary search: the number of line breaks before `offset`, plus one.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return {
    document,
    lineOf: (node) => lineAt(node.startIndex ?? 0),
    lastLine: breaks.length + 1,
  };
}

/** The `data-component-part` Mintlify gives an element, if any. */
export function part(element: HtmlElement): string | undefined {
  return element.attribs["data-component-part"];
}

/** True when the element's class attribute holds `name` as one whole class. */
export function hasClass(element: HtmlElement, name: string): boolean {
  const value = element.attribs.class;
  if (value === undefined) return false;
  // Without splitting: called for every element several times, and pages carry long class lists.
  for (let at = value.indexOf(name); at >= 0; at = value.indexOf(name, at + 1)) {
    const before = at === 0 ? " " : (value[at - 1] as string);
    const after = value[at + name.length] ?? " ";
    if (/\s/.test(before) && /\s/.test(after)) return true;
  }
  return false;
}

/** The element children of a node. */
export function elementChildren(node: HtmlNode): HtmlElement[] {
  return "children" in node ? node.children.filter((child) => isTag(child)) : [];
}

// Zero-width characters that Mintlify puts in anchors and that copy tools carry along.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** The text of a node, without script and style contents, zero-width characters removed. */
export function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  collectText(node, parts, 0);
  return parts.join("").replace(INVISIBLE, "");
}

function collectText(node: HtmlNode, parts: string[], depth: number): void {
  if (isText(node)) {
    parts.push(node.data);
    return;
  }
  if (!isTag(node) || depth > 400) return;
  if (node.name === "script" || node.name === "style" || node.name === "template") return;
  if (node.name === "br") parts.push("\n");
  for (const child of node.children) collectText(child, parts, depth + 1);
}

/** Text of a node with runs of white space collapsed to one space, trimmed. */
export function flatText(node: HtmlNode): string {
  return textOf(node).replace(/\s+/g, " ").trim();
}

/**
 * Every element under `root` for which `take` is true, in document order, without descending
 * into taken elements when `stop` says so. One pass over the tree: never quadratic.
 */
export function findAll(
  root: HtmlNode,
  take: (element: HtmlElement) => boolean,
  stop: (element: HtmlElement) => boolean = () => false,
): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlNode[] = "children" in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isTag(node)) continue;
    const taken = take(node);
    if (taken) found.push(node);
    if (taken && stop(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return found;
}

/** The first element under `root` for which `take` is true, in document order. */
export function findFirst(
  root: HtmlNode,
  take: (element: HtmlElement) => boolean,
): HtmlElement | undefined {
  const stack: HtmlNode[] = "children" in root ? [...root.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isTag(node)) continue;
    if (take(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return undefined;
}

/** True when `node` lies inside `ancestor` (or is it). */
export function isInside(node: HtmlNode, ancestor: HtmlNode): boolean {
  for (let at: HtmlNode | null = node; at !== null; at = at.parent as HtmlNode | null) {
    if (at === ancestor) return true;
  }
  return false;
}
