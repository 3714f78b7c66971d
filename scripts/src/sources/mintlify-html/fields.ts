import { isTag, isText } from "domutils";
import { type Context, fail } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import { parseTypeLine } from "../model/type-line.ts";
import { isExpandable, isFieldRoot, isHead, type Reader } from "./blocks.ts";
import {
  elementChildren,
  findAll,
  findFirst,
  flatText,
  type HtmlElement,
  type HtmlNode,
  hasClass,
  isInside,
  type Page,
  part,
  textOf,
} from "./dom.ts";
import { readFieldContent } from "./field-content.ts";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/**
 * Collects the fields under `container` into `reader.out`, nested under `parent`. Elements that
 * are neither fields nor hold any are loose text, handed to `loose` (a section's description).
 * Linear in the size of the section: the search for a field inside a wrapper stops at the first.
 */
export function collectFields(
  container: HtmlNode,
  parent: string[],
  reader: Reader,
  loose: (text: string) => void,
  skip?: HtmlElement,
): void {
  const children = elementChildren(container);
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as HtmlElement;
    if (child === skip || child.name === "summary" || part(child) === "expandable-button") continue;
    if (isFieldRoot(child)) {
      readField(child, [], parent, reader);
    } else if (isHead(child)) {
      // A head row with its content in the following siblings, up to the next field.
      let end = i + 1;
      while (end < children.length && !holdsField(children[end] as HtmlElement)) end++;
      readField(child, children.slice(i + 1, end), parent, reader);
      i = end - 1;
    } else if (skip !== undefined && isInside(skip, child)) {
      collectFields(child, parent, reader, loose, skip);
    } else if (holdsField(child) || isExpandable(child)) {
      collectFields(child, parent, reader, loose);
    } else if (!["script", "style", "svg", "button"].includes(child.name)) {
      const text = flatText(child);
      if (text !== "") loose(text);
    }
  }
}

/** Reads what a field's content holds nested: a field block, or the fields under a container. */
function readNested(element: HtmlElement, parent: string[], reader: Reader): void {
  if (isFieldRoot(element)) readField(element, [], parent, reader);
  else collectFields(element, parent, reader, () => {});
}

function holdsField(element: HtmlElement): boolean {
  return isFieldRoot(element) || isHead(element) || findFirst(element, isHead) !== undefined;
}

/**
 * Reads one field: name and pills from its head, then description, options, constraints and
 * examples from the rest of `block` and from `after` (siblings holding its content), and the
 * child attributes of its expandables, nested under it.
 */
function readField(block: HtmlElement, after: HtmlElement[], parent: string[], reader: Reader) {
  const { page, ctx } = reader;
  const nameElement = part(block) === "field-name" ? block : findFirst(block, isNamePart);
  const line = page.lineOf(nameElement ?? block);
  const name = nameElement === undefined ? "" : nameOf(nameElement);
  if (name === "") {
    fail(ctx, line, "a field name (data-component-part field-name)", "an empty field name");
    return;
  }
  const field = newField(name, line, [...parent, name]);
  reader.out.push(field);
  const head = headOf(block, nameElement as HtmlElement);
  readPills(head, field, page, ctx);
  const content = { block, head, after };
  readFieldContent(content, field, reader, (child) => readNested(child, field.path, reader));
}

function isNamePart(element: HtmlElement): boolean {
  return part(element) === "field-name";
}

/**
 * The name without the parent prefix newer versions print in grey inside the same element
 * (`<span>data.</span>amount`, `<span>filter[</span>status<span>]</span>` for a deepObject, and
 * `statement_<wbr>descriptor`): the element's own text nodes when it has both those and elements.
 */
function nameOf(element: HtmlElement): string {
  const own = element.children
    .filter(isText)
    .map((t) => t.data)
    .join("")
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, "");
  if (own !== "" && element.children.some(isTag)) return own;
  return textOf(element).replace(/\s+/g, " ").trim();
}

/** The head row holding the name and its pills: `param-head`, else the name's parent. */
function headOf(block: HtmlElement, name: HtmlElement): HtmlElement {
  if (block === name) return block;
  for (let at = name.parent as HtmlNode | null; at !== null; at = at.parent as HtmlNode | null) {
    if (isTag(at) && hasClass(at, "param-head")) return at;
    if (at === block) break;
  }
  const parent = name.parent;
  return parent !== null && isTag(parent) ? parent : name;
}

const PILL_PARTS = new Set([
  "field-info-pill",
  "field-required-pill",
  "field-deprecated-pill",
  "field-meta-pre",
  "field-meta-post",
]);

/** Type, location, default, required and deprecated, from the pills of the head row. */
function readPills(head: HtmlElement, field: Field, page: Page, ctx: Context): void {
  let typed = false;
  const pills = findAll(
    head,
    (e) => PILL_PARTS.has(part(e) ?? "") || hasClass(e, "option-dropdown"),
    () => true,
  );
  for (const pill of pills) {
    const kind = part(pill);
    const line = page.lineOf(pill);
    if (kind === "field-required-pill") field.required = true;
    else if (kind === "field-deprecated-pill") field.deprecated = true;
    else if (kind === "field-meta-pre" || kind === "field-meta-post") continue;
    else if (kind !== "field-info-pill") {
      // A type selector (oneOf/anyOf): its options are the alternatives.
      const options = findAll(pill, (e) => e.name === "option").map(flatText);
      if (!typed && options.length > 0) typed = setType(field, options.join(" | "), line, ctx);
    } else {
      const spans = elementChildren(pill);
      const text = flatText(pill);
      // The default pill is the only one with a prefix label (`default`, localized) before the value.
      if (spans.length >= 2) field.defaultText = spans.slice(1).map(flatText).join(" ");
      else if (/^default:?\s/i.test(text)) field.defaultText = text.replace(/^default:?\s*/i, "");
      else if (LOCATIONS.has(text) && (typed || parseTypeLine(text).kind !== "type")) {
        field.location = text;
      } else if (!typed) typed = setType(field, text, line, ctx);
      else fail(ctx, line, `a known pill (type, location, default) for ${field.name}`, text);
    }
  }
}

function setType(field: Field, text: string, line: number, ctx: Context): boolean {
  const type = parseTypeLine(text);
  if (type.kind !== "type") {
    fail(ctx, line, `a Mintlify type for ${field.name}`, text);
    return false;
  }
  field.schema = type.schema;
  field.named = type.named;
  return true;
}
