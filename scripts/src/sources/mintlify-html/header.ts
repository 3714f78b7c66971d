import { isTag, isText } from "domutils";
import { type Context, fail } from "../model/context.ts";
import {
  findAll,
  findFirst,
  flatText,
  type HtmlElement,
  type HtmlNode,
  hasClass,
  type Page,
  part,
} from "./dom.ts";
import { isApiSection } from "./sections.ts";

/** What the top of an API page says: title, description, method and path (or webhook event). */
export interface HtmlHeader {
  summary: string;
  description: string[];
  method: string;
  path: string;
  webhook: boolean;
  /** A full URL, when the page shows one in place of the path. */
  url?: string | undefined;
  line: number;
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]);
// Short labels some themes print in the pill.
const SHORT: Record<string, string> = { DEL: "DELETE", OPTS: "OPTIONS" };

/** True for the method pill of the page (not the sidebar's `method-nav-pill`). */
function isMethodPill(element: HtmlElement): boolean {
  return hasClass(element, "method-pill") || part(element) === "method-pill";
}

/** Reads the title (h1), its description, and the method pill with the path beside it. */
export function readHeader(page: Page, ctx: Context): HtmlHeader | undefined {
  const root = page.document;
  // Mintlify's title carries id="page-title"; any other h1 only when it has none.
  const title =
    findFirst(root, (e) => e.name === "h1" && e.attribs.id === "page-title") ??
    findFirst(root, (e) => e.name === "h1");
  const pill = findFirst(root, isMethodPill);
  if (pill === undefined) {
    fail(
      ctx,
      title === undefined ? 1 : page.lineOf(title),
      "the method pill of an API reference page (class or data-component-part method-pill)",
    );
    return undefined;
  }
  const line = page.lineOf(pill);
  let summary = title === undefined ? "" : flatText(title);
  if (summary === "") {
    fail(ctx, title === undefined ? line : page.lineOf(title), "a page title (h1)");
    summary = titleElementText(root);
  }
  const label = flatText(pill).toUpperCase();
  const method = SHORT[label] ?? label;
  const webhook = method === "WEBHOOK";
  if (!webhook && !METHODS.has(method)) {
    fail(ctx, line, "an HTTP method or WEBHOOK in the method pill", flatText(pill));
    return undefined;
  }
  const target = textBeside(pill);
  let read = readTarget(target, webhook);
  if (read === undefined) {
    fail(
      ctx,
      line,
      webhook ? "the event name beside the WEBHOOK pill" : "the path beside the method pill",
      target,
    );
    // Lenient: a webhook without its event name is still named by its title.
    if (!webhook || summary === "") return undefined;
    read = { path: summary };
  }
  return {
    summary,
    description: title === undefined ? [] : descriptionAfter(title),
    method: webhook ? "POST" : method,
    path: read.path,
    webhook,
    url: read.url,
    line,
  };
}

function titleElementText(root: HtmlNode): string {
  const title = findFirst(root, (e) => e.name === "title");
  return title === undefined ? "" : flatText(title);
}

/**
 * The text that follows the pill inside the endpoint card: the path, split by Mintlify into one
 * element per segment, so the pieces are joined without the white space between them. Buttons
 * (Try it, copy) are left out. Climbs at most four levels to find the card.
 */
function textBeside(pill: HtmlElement): string {
  let card: HtmlNode = pill;
  for (let level = 0; level < 4 && card.parent !== null; level++) {
    card = card.parent as HtmlNode;
    const text = textAfter(card, pill);
    if (text !== "") return text;
  }
  return "";
}

function textAfter(card: HtmlNode, pill: HtmlElement): string {
  const parts: string[] = [];
  let after = false;
  const visit = (node: HtmlNode, depth: number): void => {
    if (node === pill) {
      after = true;
      return;
    }
    if (isText(node)) {
      if (after) parts.push(node.data);
      return;
    }
    if (!isTag(node) || depth > 64) return;
    if (["button", "script", "style", "svg", "select"].includes(node.name)) return;
    if (hasClass(node, "tryit-button") || isApiSection(node)) return;
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(card, 0);
  return parts.join("").replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, "");
}

function readTarget(
  text: string,
  webhook: boolean,
): { path: string; url?: string | undefined } | undefined {
  if (text === "") return undefined;
  if (webhook) return { path: text };
  const url = /^https?:\/\/[^/]+(\/.*)?$/.exec(text);
  if (url !== null) return { path: url[1] ?? "/", url: text };
  return text.startsWith("/") ? { path: text } : undefined;
}

/**
 * Paragraphs of the description Mintlify prints under the title: `prose` blocks that follow the
 * h1, or follow one of its wrappers (the title sits in a row inside `#header`).
 */
function descriptionAfter(title: HtmlElement): string[] {
  let at: HtmlNode = title;
  for (let level = 0; level < 4 && at.parent !== null; level++) {
    const found = paragraphsAfter(at);
    if (found === undefined) return [];
    if (found.length > 0) return found;
    if (isTag(at.parent) && at.parent.attribs.id === "header") return [];
    at = at.parent as HtmlNode;
  }
  return [];
}

/** Paragraphs in the siblings after `node`; undefined once the endpoint card or a section starts. */
function paragraphsAfter(node: HtmlNode): string[] | undefined {
  const paragraphs: string[] = [];
  for (let sibling = node.next; sibling !== null; sibling = sibling.next) {
    if (!isTag(sibling)) continue;
    if (isApiSection(sibling) || findFirst(sibling, isMethodPill) !== undefined) {
      return paragraphs.length > 0 ? paragraphs : undefined;
    }
    const blocks = findAll(
      sibling,
      (e) => ["p", "li"].includes(e.name),
      () => true,
    );
    if (blocks.length === 0) {
      const text = flatText(sibling);
      if (text !== "" && hasClass(sibling, "prose")) paragraphs.push(text);
    }
    for (const block of blocks) {
      const text = flatText(block);
      if (text !== "") paragraphs.push(text);
    }
  }
  return paragraphs;
}
