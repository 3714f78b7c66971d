import { isTag, isText } from "domutils";
import { isConstraintLine, readConstraint } from "../mintlify-page/field-parts.ts";
import { fail } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import { typesOf } from "../model/field-schema.ts";
import { parseJson } from "../model/json.ts";
import { isExpandable, isFieldRoot, type Reader } from "./blocks.ts";
import {
  elementChildren,
  findAll,
  flatText,
  type HtmlElement,
  type HtmlNode,
  textOf,
} from "./dom.ts";

/** Where a field's content is: its block minus the head row, plus sibling blocks after a bare head. */
export interface FieldBlock {
  block: HtmlElement;
  head: HtmlElement;
  after: HtmlElement[];
}

const INLINE = new Set([
  "span",
  "code",
  "a",
  "strong",
  "em",
  "b",
  "i",
  "br",
  "kbd",
  "sup",
  "sub",
  "u",
  "s",
  "small",
  "mark",
]);

// The labels Mintlify prints before a field's options, constraints, default and example.
const LABEL =
  /^(Available options|Allowed values?|Possible values|Examples?|Default|Required range|Required (?:string |array )?length|(?:Maximum|Minimum) (?:string |array )?length|Pattern|Multiple of)\s*:\s*([\s\S]*)$/i;

/**
 * Reads the content of a field: description paragraphs, then the labelled blocks Mintlify adds
 * (`Available options:`, `Required range:`, `Example:`...), whose values are `code` elements;
 * expandables and nested field blocks go to `nested`.
 */
export function readFieldContent(
  content: FieldBlock,
  field: Field,
  reader: Reader,
  nested: (element: HtmlElement) => void,
): void {
  // The wrappers between the block and its head row: walked through, not read as content.
  const wrappers = new Set<HtmlNode>();
  for (let at = content.head.parent; at !== null && at !== content.block; at = at.parent) {
    wrappers.add(at);
  }
  const walk = (node: HtmlElement, depth: number): void => {
    for (const child of elementChildren(node)) {
      if (child === content.head || depth > 64) continue;
      if (wrappers.has(child)) walk(child, depth + 1);
      else readBlock(child, depth);
    }
  };
  // Value blocks already read as the values of the label before them.
  const used = new Set<HtmlElement>();
  const readBlock = (child: HtmlElement, depth: number): void => {
    if (used.has(child) || child.name === "summary") return;
    if (["script", "style", "svg", "button"].includes(child.name)) return;
    if (isExpandable(child) || isFieldRoot(child)) {
      nested(child);
      return;
    }
    const label = labelOf(child);
    if (label !== undefined) {
      const next = readLabel(child, label, field, reader);
      if (next !== undefined) used.add(next);
    } else if (child.name === "ul" || child.name === "ol") {
      const items = findAll(
        child,
        (e) => e.name === "li",
        () => true,
      ).map(flatText);
      if (items.length > 0) field.description.push(items.map((item) => `- ${item}`).join("\n"));
    } else if (child.name === "pre") {
      const code = textOf(child).trim();
      if (code !== "") field.description.push(code);
    } else if (child.name === "p" || isInlineOnly(child, 0)) {
      const text = flatText(child);
      if (text !== "") field.description.push(text);
    } else walk(child, depth + 1);
  };
  if (content.block !== content.head) walk(content.block, 0);
  for (const element of content.after) readBlock(element, 0);
}

function isInlineOnly(element: HtmlElement, depth: number): boolean {
  if (depth > 16) return false;
  return element.children.every(
    (child) =>
      isText(child) || !isTag(child) || (INLINE.has(child.name) && isInlineOnly(child, depth + 1)),
  );
}

/**
 * The label a block starts with: its first own text, or the text of a leading leaf element when
 * no later child starts another label (then the block is a wrapper of several labelled blocks).
 */
function labelOf(element: HtmlElement): { name: string; rest: string } | undefined {
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as HtmlNode;
    let text: string | undefined;
    let fromChild = false;
    if (isText(child)) text = child.data.trim();
    else if (isTag(child) && child.children.every((c) => !isTag(c)) && child.name !== "code") {
      text = flatText(child);
      fromChild = true;
    } else return undefined;
    if (text === "") continue;
    const match = LABEL.exec(text);
    if (match === null) return undefined;
    if (fromChild && children.slice(i + 1).some((c) => isTag(c) && ownLabel(c))) return undefined;
    return { name: (match[1] as string).toLowerCase(), rest: flatText(element) };
  }
  return undefined;
}

/** True when an element's own text (or its text as a leaf) starts with a label. */
function ownLabel(element: HtmlElement): boolean {
  const text = element.children.every((c) => !isTag(c))
    ? flatText(element)
    : element.children
        .filter(isText)
        .map((t) => t.data)
        .join("")
        .trim();
  return LABEL.test(text);
}

/** Values of a labelled block: its `code`/`pre` elements, else the text after the label. */
function valuesOf(element: HtmlElement, rest: string): { values: string[]; coded: boolean } {
  const codes = findAll(
    element,
    (e) => e.name === "code" || e.name === "pre",
    () => true,
  );
  if (codes.length > 0) return { values: codes.map((code) => textOf(code).trim()), coded: true };
  const after = rest.slice(rest.indexOf(":") + 1).trim();
  return { values: after === "" ? [] : [after], coded: false };
}

function readLabel(
  element: HtmlElement,
  label: { name: string; rest: string },
  field: Field,
  reader: Reader,
): HtmlElement | undefined {
  const { page, ctx } = reader;
  const line = page.lineOf(element);
  let { values, coded } = valuesOf(element, label.rest);
  const name = label.name;
  // A label alone in its element (`<p>Available options:</p>`): the values are the next block.
  let consumed: HtmlElement | undefined;
  if (values.length === 0) {
    consumed = nextElement(element);
    const next = consumed === undefined ? undefined : valuesOf(consumed, `:${flatText(consumed)}`);
    if (next === undefined || next.values.length === 0) {
      fail(ctx, line, `a value after ${label.rest}`, "nothing");
      return undefined;
    }
    ({ values, coded } = next);
  }
  if (name === "available options" || name === "possible values" || name === "allowed values") {
    // Without code elements the values are one comma-separated run of text.
    const split = coded ? values : (values[0] as string).split(",").map((v) => v.trim());
    field.options = { values: split.filter((v) => v !== ""), line };
  } else if (name === "allowed value") {
    field.allowed = { value: scalar(values[0] as string) };
  } else if (name === "example" || name === "examples") {
    const text = values[0] as string;
    const parsed = parseJson(text);
    if (parsed.ok) field.example = { value: parsed.value };
    else if (text.startsWith('"') || text.startsWith("{") || text.startsWith("[")) {
      fail(ctx, line, `a complete JSON value as the example of ${field.name}`, text.slice(0, 60));
    } else field.example = { value: text };
  } else if (name === "default") {
    field.defaultText ??= values[0];
  } else {
    const head = label.rest.slice(0, label.rest.indexOf(":"));
    const text = `${head}: ${values.join(" ")}`;
    const isArray = typesOf(field.schema).includes("array");
    const constraint = isConstraintLine(text) ? readConstraint(text, isArray) : undefined;
    if (constraint === undefined) fail(ctx, line, "a readable constraint", text);
    else Object.assign(field.constraints, constraint);
  }
  return consumed;
}

function nextElement(element: HtmlElement): HtmlElement | undefined {
  for (let at = element.next; at !== null; at = at.next) if (isTag(at)) return at;
  return undefined;
}

function scalar(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}
