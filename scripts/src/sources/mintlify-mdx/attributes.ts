import type { JsxAttribute, MdNode } from "./tree.ts";

/**
 * One JSX attribute's value as written: `flag` (bare: `required`), `text` (`type="x"`) or
 * `expression` (`default={10}`, `required={true}`, kept as source: MDX pages are not evaluated).
 */
export type AttributeValue =
  | { kind: "flag" }
  | { kind: "text"; text: string }
  | { kind: "expression"; text: string };

/** The attribute named `name` (the last one, as React would use), if present. */
export function attribute(node: MdNode, name: string): AttributeValue | undefined {
  let found: JsxAttribute | undefined;
  for (const attr of node.attributes ?? []) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name) found = attr;
  }
  if (found === undefined) return undefined;
  const value = found.value;
  if (value === null || value === undefined) return { kind: "flag" };
  if (typeof value === "string") return { kind: "text", text: value };
  return { kind: "expression", text: typeof value.value === "string" ? value.value.trim() : "" };
}

/** The value of a string attribute, also `{"x"}` / `{'x'}` / `{`x`}` expression spellings. */
export function stringValue(value: AttributeValue | undefined): string | undefined {
  if (value === undefined || value.kind === "flag") return undefined;
  if (value.kind === "text") return value.text;
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(value.text);
  if (quoted === null) return undefined;
  const inner = quoted[2] as string;
  if (quoted[1] !== '"') return inner;
  try {
    const parsed: unknown = JSON.parse(value.text);
    return typeof parsed === "string" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A boolean attribute: bare `required`, `required={true}`, `required="true"`; undefined when
 * absent, `invalid` when it says something else.
 */
export function booleanValue(value: AttributeValue | undefined): boolean | "invalid" | undefined {
  if (value === undefined) return undefined;
  if (value.kind === "flag") return true;
  const text = value.kind === "expression" ? value.text : value.text.trim();
  if (text === "true") return true;
  if (text === "false") return false;
  return "invalid";
}

/** The attribute as written, for error messages. */
export function describe(name: string, value: AttributeValue): string {
  if (value.kind === "flag") return name;
  if (value.kind === "text") return `${name}="${value.text}"`;
  return `${name}={${value.text}}`;
}
