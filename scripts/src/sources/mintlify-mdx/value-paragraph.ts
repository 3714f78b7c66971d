// A field's values said in one paragraph under its table: a bold label naming the field in code
// and a word for values, then the values in code (`` **`status` values:** `open`, `paid` ``,
// `` **`status` 枚举：** `created`（已创建）、`paid`（已支付） ``).
import { plainText } from "./prose.ts";
import type { ValueTable } from "./tables.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

// What the label says besides the field's name: only that these are its values.
const VALUES_LABEL =
  /^(?:(?:possible|allowed|valid|accepted)\s+)?(?:values?|enum(?:eration)?|options|枚举值?|可选值|取值|valores(?:\s+(?:posibles|possíveis|permitidos))?|valeurs(?:\s+possibles)?|werte)\s*(?:[(（][^)）]*[)）])?\s*[:：]?$/i;
// A label's note that makes the list no closed set: `(examples)`, `(e.g.)`, `(partial)`.
const OPEN_NOTE = /example|e\.g\.|such as|partial|some|例|示例|ejemplo|exemplo|beispiel/i;
// What may stand between the values: separators, and a short gloss in parentheses after each.
const BETWEEN =
  /^(?:\s|[,，、;；/|.。]|\b(?:or|and|o|y|ou|e|oder|und)\b|或|和|及|[(（][^()（）]{0,40}[)）])*$/i;

/** The values such a paragraph lists for its field; undefined for any other node. */
export function readValueParagraph(node: MdNode, tree: Tree): ValueTable | undefined {
  if (node.type !== "paragraph") return undefined;
  const [label, ...rest] = node.children ?? [];
  if (label?.type !== "strong") return undefined;
  const codes = (label.children ?? []).filter((c) => c.type === "inlineCode");
  const name = codes.length === 1 ? (codes[0]?.value ?? "").trim() : "";
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const words = plainText((label.children ?? []).filter((c) => c.type !== "inlineCode")).trim();
  if (!VALUES_LABEL.test(words) || OPEN_NOTE.test(words)) return undefined;
  // `` `10`, `50`, `100` are typical `` or `and others`: examples, not every value.
  const between = plainText(rest.filter((c) => c.type !== "inlineCode"));
  if (!BETWEEN.test(between)) return undefined;
  const values = rest.filter((c) => c.type === "inlineCode").map((c) => (c.value ?? "").trim());
  if (values.length < 2 || !values.every((v) => /^[\w.:-]+$/.test(v))) return undefined;
  return { name, values, line: lineOf(node, tree) };
}
