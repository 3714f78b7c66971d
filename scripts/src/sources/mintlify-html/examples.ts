import { isTag } from "domutils";
import { type CurlExample, isCurlStart, readCurlText } from "../mintlify-page/curl.ts";
import { type Context, note } from "../model/context.ts";
import { parseJson } from "../model/json.ts";
import type { ResponseExample } from "../model/operation.ts";
import {
  findAll,
  flatText,
  type HtmlElement,
  type HtmlNode,
  hasClass,
  type Page,
  part,
  textOf,
} from "./dom.ts";
import { isApiSection } from "./sections.ts";

/** The code examples of the page: the curl request, and the response examples by status tab. */
export interface HtmlExamples {
  curl?: CurlExample | undefined;
  /** The request payload shown as a JSON block (a webhook page's event payload). */
  payload?: { value: unknown; line: number } | undefined;
  responses: ResponseExample[];
}

const STATUS = /^([1-5]\d\d|[1-5]XX|default)\b/;

/**
 * Reads the code blocks outside the API sections. Mintlify renders the example panel twice (inline
 * for small screens, sticky for large ones), so a repeated block is read once.
 */
export function readExamples(page: Page, ctx: Context): HtmlExamples {
  const result: HtmlExamples = { responses: [] };
  const seen = new Set<string>();
  const blocks = findAll(
    page.document,
    (e) => e.name === "pre" || isApiSection(e),
    () => true,
  ).filter((e) => e.name === "pre");
  for (const pre of blocks) {
    const text = textOf(pre).trim();
    const group = groupOf(pre);
    const code = statusFor(pre, group);
    const key = `${code ?? ""}\u0000${text}`;
    if (text === "" || seen.has(key)) continue;
    seen.add(key);
    const line = page.lineOf(pre);
    if (isCurlStart(text)) {
      result.curl ??= readCurlText(text, line, ctx);
      continue;
    }
    // JSON outside a code group is a code block of the page's prose, not an example panel.
    if (group === undefined || (!text.startsWith("{") && !text.startsWith("["))) continue;
    const parsed = parseJson(text);
    if (!parsed.ok) {
      // A served page is whole: the docs' own example is broken. Left out, with a warning.
      note(ctx, line, "valid JSON in the example (left out)", parsed.message);
      continue;
    }
    if (code === undefined && isRequestPanel(group)) {
      result.payload ??= { value: parsed.value, line };
      continue;
    }
    result.responses.push({ value: parsed.value, line, code });
  }
  return result;
}

/** The code group a block sits in: the nearest ancestor with a tab bar or a title bar. */
function groupOf(pre: HtmlElement): HtmlElement | undefined {
  let at = pre.parent as HtmlNode | null;
  for (let level = 0; at !== null && level < 8; level++) {
    if (isTag(at) && (part(at) === "code-group" || hasClass(at, "code-group") || tabsOf(at)))
      return at;
    at = at.parent as HtmlNode | null;
  }
  return undefined;
}

function tabsOf(element: HtmlElement): boolean {
  return element.children.some(
    (child) =>
      isTag(child) &&
      (part(child) === "code-group-tab-bar" ||
        child.attribs.role === "tablist" ||
        findAll(
          child,
          (e) => e.attribs.role === "tablist",
          () => true,
        ).length > 0),
  );
}

/**
 * The status tab of a block: the tab at the block's position among the group's blocks, or the
 * selected tab when the group renders only the selected one.
 */
function statusFor(pre: HtmlElement, group: HtmlElement | undefined): string | undefined {
  if (group === undefined) return undefined;
  const tabs = findAll(
    group,
    (e) => e.attribs.role === "tab" || e.name === "option",
    () => true,
  );
  const codes = tabs.map((tab) => ({ code: STATUS.exec(flatText(tab))?.[1], tab }));
  const statuses = codes.filter((c) => c.code !== undefined);
  if (statuses.length === 0) return undefined;
  const pres = findAll(
    group,
    (e) => e.name === "pre",
    () => true,
  );
  if (pres.length === statuses.length) return statuses[pres.indexOf(pre)]?.code;
  const selected = statuses.find(
    ({ tab }) =>
      tab.attribs["aria-selected"] === "true" ||
      tab.attribs["data-active"] !== undefined ||
      tab.attribs.selected !== undefined,
  );
  return (selected ?? statuses[0])?.code;
}

/** A group whose tabs or title name a request (a webhook's payload panel), not a response. */
function isRequestPanel(group: HtmlElement | undefined): boolean {
  if (group === undefined) return false;
  const title = findAll(
    group,
    (e) => part(e) === "code-group-tab-bar",
    () => true,
  )[0];
  return title !== undefined && /\b(?:request|payload)\b/i.test(flatText(title));
}
