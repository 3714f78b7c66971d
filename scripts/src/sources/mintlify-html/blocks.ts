import type { Context } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import { elementChildren, type HtmlElement, hasClass, type Page, part } from "./dom.ts";

const ROOT_CLASSES = ["primitive-param-field", "object-param-field", "array-param-field"];

/** A field's outer block: Mintlify's `*-param-field` wrappers or a `field` part. */
export function isFieldRoot(element: HtmlElement): boolean {
  if (part(element) === "field") return true;
  if (ROOT_CLASSES.some((name) => hasClass(element, name))) return true;
  return hasClass(element, "field") && elementChildren(element).some(isHead);
}

/** A field's head row (`param-head`), or a bare `field-name` when a version has no head row. */
export function isHead(element: HtmlElement): boolean {
  return hasClass(element, "param-head") || part(element) === "field-name";
}

/** A nested-attributes toggle (`<details data-component-part="expandable">`) or its content. */
export function isExpandable(element: HtmlElement): boolean {
  const name = part(element);
  return (
    name === "expandable" ||
    name === "expandable-content" ||
    element.name === "details" ||
    hasClass(element, "expandable") ||
    hasClass(element, "expandable-content")
  );
}

/** What a field reader needs besides the node it reads. */
export interface Reader {
  page: Page;
  ctx: Context;
  out: Field[];
}
