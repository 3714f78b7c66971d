import { isTag, isText } from "domutils";
import { type Media, parseMedia } from "../mintlify-page/payloads.ts";
import { type Context, fail } from "../model/context.ts";
import { SECTION_HEADINGS, type SectionKind } from "../model/sections.ts";
import { parseTypeLine, type Schema } from "../model/type-line.ts";
import { isFieldRoot, isHead } from "./blocks.ts";
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

export type { SectionKind };

/** One `api-section` of the page: its kind, its heading, and what the heading area shows. */
export interface HtmlSection {
  kind: SectionKind;
  element: HtmlElement;
  /** The heading area (title, media type, status selector), left out when reading fields. */
  headingArea: HtmlElement;
  line: number;
  media?: Media | undefined;
  /** Status codes the heading offers (a Response section), in page order. */
  codes: string[];
  /** The code whose fields the page shows (the selected option, else the first). */
  shown?: string | undefined;
}

// The served page also titles a single-scheme Authorizations section in the singular (a copy
// cannot: there "Authorization" is as likely a header field's name).
const HEADINGS: Record<string, SectionKind> = { ...SECTION_HEADINGS, Authorization: "auth" };

const STATUS = /^([1-5]\d\d|[1-5]XX|default)(?:\s*-\s*(.+))?$/;

/** True for an `api-section` container (class or data-component-part). */
export function isApiSection(element: HtmlElement): boolean {
  return hasClass(element, "api-section") || part(element) === "api-section";
}

function isHeading(element: HtmlElement): boolean {
  return element.name === "h4" || hasClass(element, "api-section-heading-title");
}

/**
 * The API sections in page order. A section whose heading this parser does not know is an error
 * (its fields would otherwise land nowhere); in lenient mode it is skipped.
 */
export function readSections(page: Page, ctx: Context): HtmlSection[] {
  const sections: HtmlSection[] = [];
  for (const element of findAll(page.document, isApiSection, () => true)) {
    const heading = findFirst(element, isHeading);
    const line = page.lineOf(heading ?? element);
    const title = heading === undefined ? "" : flatText(heading);
    if (heading === undefined || !Object.hasOwn(HEADINGS, title)) {
      fail(
        ctx,
        line,
        "a known API section heading (Authorizations, Path, Query, Header or Cookie Parameters, Body, Response)",
        heading === undefined ? "a section without an h4 heading" : title,
      );
      continue;
    }
    const headingArea = areaOf(heading, element);
    const info = headingInfo(headingArea, heading);
    sections.push({
      kind: HEADINGS[title] as SectionKind,
      element,
      headingArea,
      line,
      media: info.media,
      codes: info.codes,
      shown: info.shown,
    });
  }
  return sections;
}

/** The heading's wrapper (`api-section-heading`), else the heading's own parent row. */
function areaOf(heading: HtmlElement, section: HtmlElement): HtmlElement {
  for (let at = heading.parent as HtmlNode | null; at !== null && at !== section; ) {
    if (isTag(at) && (hasClass(at, "api-section-heading") || part(at) === "api-section-heading"))
      return at;
    at = at.parent as HtmlNode | null;
  }
  const parent = heading.parent;
  return parent !== null && isTag(parent) && parent !== section ? parent : heading;
}

/**
 * The media type and status codes the heading area shows beside the title: a status selector
 * (`select`/`option`, or tab buttons) and a media type label, or one `200 - application/json`.
 */
function headingInfo(
  area: HtmlElement,
  heading: HtmlElement,
): { media?: Media | undefined; codes: string[]; shown?: string | undefined } {
  const chunks: { text: string; selected: boolean }[] = [];
  const visit = (node: HtmlNode, depth: number): void => {
    if (node === heading || depth > 32) return;
    if (isText(node)) {
      const text = node.data.trim();
      if (text !== "") chunks.push({ text, selected: false });
      return;
    }
    if (!isTag(node) || node.name === "script" || node.name === "style") return;
    // A heading area never holds fields; in a page with broken nesting it may swallow them.
    if (isFieldRoot(node) || isHead(node) || part(node)?.startsWith("field-")) return;
    if (node.name === "option" || node.attribs.role === "tab" || node.attribs.role === "option") {
      const selected =
        node.attribs.selected !== undefined || node.attribs["aria-selected"] === "true";
      chunks.push({ text: flatText(node), selected });
      return;
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(area, 0);
  const codes: string[] = [];
  let shown: string | undefined;
  let media: Media | undefined;
  let root: Schema | undefined;
  for (const chunk of chunks) {
    const status = STATUS.exec(chunk.text);
    if (status !== null) {
      const code = status[1] as string;
      if (!codes.includes(code)) codes.push(code);
      if (chunk.selected) shown ??= code;
      if (status[2] !== undefined) media ??= parseMedia(status[2].trim());
      continue;
    }
    const asMedia = parseMedia(chunk.text);
    if (asMedia !== undefined) media ??= asMedia;
    else {
      // A bare type beside the media type (`object[]`): the payload's own type.
      // Named types (`Option 1 · object`, a oneOf selector) would need their components; skipped.
      const type = parseTypeLine(chunk.text);
      // An enum type needs the options a field would list; a heading has none.
      const plain =
        type.kind === "type" &&
        type.named.length === 0 &&
        !JSON.stringify(type.schema).includes('"enum"');
      if (plain && root === undefined) root = type.schema;
    }
  }
  if (root !== undefined) media = { ...(media ?? {}), root: media?.root ?? root };
  return { media, codes, shown: shown ?? codes[0] };
}
