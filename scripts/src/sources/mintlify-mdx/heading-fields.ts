import { type Context, fail } from "../model/context.ts";
import { newField } from "../model/field.ts";
import { type FieldGroup, LOCATIONS, type Location, sectionLocation } from "./fields.ts";
import { inlineMarkdown, plainText } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";
import { readTypeAttribute } from "./type-attr.ts";

// `### \`limit\` *Optional*`, `#### customer_id (required)`: a heading that names one field.
const NAME_HEADING =
  /^`?([A-Za-z_$][\w.$-]*(?:\[\])?)`?\s*(?:\(?\s*(required|optional)\s*\)?)?\s*$/i;
// `- **Type:** \`integer\``: one fact of the field per list item.
const FACT = /^(type|location|in|required|default|description|format)\s*:\s*(.*)$/is;
const YES = /^(?:yes|true|required)$/i;
const PARAMETERS = /\b(?:param(?:eter)?s?|arguments?|fields?|attributes?|properties)\b/i;

/**
 * A hand-written page's field as a heading with a list of its facts under it:
 *
 *     ### `limit` *Optional*
 *     - **Type:** `integer`
 *     - **Location:** query
 *
 * The field, or undefined when the heading names no field or the list is no such list (it must
 * say the type). The location comes from the list, else from the section heading above.
 */
export function readHeadingField(
  heading: MdNode,
  list: MdNode | undefined,
  tree: Tree,
  ctx: Context,
  section: string | undefined,
): FieldGroup | undefined {
  if ((heading.depth ?? 1) < 3 || list?.type !== "list") return undefined;
  const named = NAME_HEADING.exec(plainText(heading.children));
  if (named === null) return undefined;
  const facts = new Map<string, { text: string; node: MdNode }>();
  for (const item of list.children ?? []) {
    const paragraph = item.children?.[0];
    const fact = FACT.exec(plainText(paragraph?.children));
    if (fact === null || paragraph === undefined) return undefined;
    facts.set((fact[1] as string).toLowerCase(), { text: (fact[2] as string).trim(), node: item });
  }
  const type = facts.get("type");
  const written = (facts.get("location") ?? facts.get("in"))?.text.replace(/[`*_]/g, "").trim();
  // Only where it says where it goes, or sits under a heading of parameters: `### Idempotency`
  // over `- **Type:** string` in a page's notes is prose, and so is one whose type is no type
  // (`- **Type:** Bearer token`).
  const placed = written !== undefined || sectionLocation(section) !== undefined;
  if (type === undefined || !(placed || PARAMETERS.test(section ?? ""))) return undefined;
  const read = readTypeAttribute(type.text.replace(/`/g, ""));
  if (read.kind !== "type") return undefined;
  const line = lineOf(heading, tree);
  const field = newField(named[1] as string, line);
  field.schema = read.schema;
  field.named = read.named;
  const said = facts.get("required")?.text.replace(/[`*_]/g, "");
  field.required = said === undefined ? /required/i.test(named[2] ?? "") : YES.test(said);
  const fallback = facts.get("default")?.text.replace(/^`(.*)`$/, "$1");
  if (fallback !== undefined && fallback !== "") field.defaultText = fallback;
  const description = facts.get("description");
  if (description !== undefined) {
    const paragraph = description.node.children?.[0];
    field.description.push(
      inlineMarkdown(paragraph?.children).replace(/^\*\*Description:?\*\*:?\s*/i, ""),
    );
  }
  const location = LOCATIONS.find((l) => l === written?.toLowerCase()) as Location | undefined;
  if (written !== undefined && location === undefined) {
    fail(ctx, line, `a location (path, query, header, cookie or body) for ${field.name}`, written);
  }
  return {
    kind: "param",
    location: location ?? sectionLocation(section),
    fields: [field],
    node: heading,
  };
}
