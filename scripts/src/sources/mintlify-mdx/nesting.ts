import type { Field } from "../model/field.ts";
import type { FieldGroup } from "./fields.ts";
import { inlineMarkdown, plainText } from "./prose.ts";
import { isFieldElement, isJsx, type MdNode } from "./tree.ts";

// Where a hand-written page puts a field's children apart from the field: a table under a
// heading or sentence that names the object, an `<Expandable>` beside the field.

/**
 * The field an `<Expandable>` right after a field element unfolds, when its title names that
 * field (`Data fields` after `data`).
 */
export function besideField(
  node: MdNode,
  previous: MdNode | undefined,
  title: string | undefined,
  before: FieldGroup[],
): string | undefined {
  if (!isJsx(node, "Expandable") || previous === undefined || !isFieldElement(previous))
    return undefined;
  const name = before.at(-1)?.fields[0]?.name;
  if (name === undefined || title === undefined) return undefined;
  const words = title.toLowerCase().split(/[^\w$-]+/);
  return words.includes(name.toLowerCase()) ? name : undefined;
}

/** A paragraph that introduces values, not fields (`The \`status\` is one of:`). */
export function listsValues(node: MdNode | undefined): boolean {
  if (node?.type !== "paragraph") return false;
  return /\b(?:one of|values?|options?|either)\b[^.]*:\s*$/i.test(plainText(node.children));
}

// `The \`pagination\` object in every response holds:`: a sentence that opens an object's fields.
const OBJECT_LEAD =
  /^(?:the|each|every|an?)\s+`[A-Za-z_$][\w.$-]*`\s+(?:object|对象)\b[^.]*\b(?:holds|includes|contains|has|fields|properties|attributes)\b[^.]*:$/i;

/** The field a paragraph names as an object whose fields the table under it lists. */
export function objectNamed(node: MdNode | undefined): string | undefined {
  if (node?.type !== "paragraph") return undefined;
  const text = inlineMarkdown(node.children).trim();
  if (text.length > 160 || !OBJECT_LEAD.test(text)) return undefined;
  return (node.children ?? []).find((c) => c.type === "inlineCode")?.value?.trim();
}

/**
 * The table's rows as children of the field `parent` names, when that field came earlier in the
 * same kind of list with an object type (`data | object` in the response, then a table under
 * `Response \`data\` Object`); the rows as they are with no parent, undefined when there is one
 * but no such field.
 */
export function nestUnder(
  before: FieldGroup[],
  groups: FieldGroup[],
  parent: string | undefined,
): FieldGroup[] | undefined {
  const kind = groups[0]?.kind;
  if (parent === undefined || kind === undefined) return groups;
  const owner = [...before]
    .reverse()
    .find((g) => g.kind === kind && g.fields[0]?.path.length === 1 && g.fields[0].name === parent)
    ?.fields[0];
  if (owner === undefined || !holdsObjects(owner.schema)) return undefined;
  return groups.map((g) => ({
    ...g,
    fields: g.fields.map((f) => ({ ...f, path: [parent, ...f.path] })),
  }));
}

/** An object, or a list of objects: a schema whose fields a page can list apart from it. */
export function holdsObjects(schema: Field["schema"]): boolean {
  const items = schema.items as Field["schema"] | undefined;
  return schema.type === "object" || (schema.type === "array" && items?.type === "object");
}
