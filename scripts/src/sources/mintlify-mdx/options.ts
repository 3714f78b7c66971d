import { isConstraintLine, readConstraint } from "../mintlify-page/field-parts.ts";
import type { Schema } from "../model/type-line.ts";
import { plainText } from "./prose.ts";
import type { MdNode } from "./tree.ts";

// The labels pages put before a field's allowed values. Mintlify's own generator writes
// `Available options:`; the others are hand-written, and count only with backticked values.
const LABELS = [
  "Available options",
  "Allowed values",
  "Possible values",
  "Accepted values",
  "Supported values",
  "Valid values",
  "One of",
  "Options",
  "Enum options",
  "Enum values",
  "Enum",
  "可选值",
  "枚举值",
];
const SEPARATOR = /^(?:[\s,;|/.]|and\b|or\b)*$/i;
// A value's meaning in parentheses after it: `eip155:1` (Ethereum Mainnet), `eip155:8453` (Base).
const LABEL_AFTER_VALUE = /\([^()]*\)/;

/**
 * A paragraph that lists a field's allowed values: the values (`labelled` when each says what it
 * means, so the paragraph stays in the description too), or `invalid` when unreadable.
 */
export type OptionsParagraph = { values: string[]; labelled: boolean } | "invalid" | undefined;

/** Reads `Available options: \`a\`, \`b\`` (and the other labels) from one paragraph. */
export function readOptionsParagraph(paragraph: MdNode): OptionsParagraph {
  const children = paragraph.children ?? [];
  const first = children[0];
  if (first?.type !== "text") return undefined;
  const head = (first.value ?? "").trimStart();
  const label = LABELS.find((l) => new RegExp(`^${l}\\s*[:：]`, "i").test(head));
  if (label === undefined) return undefined;
  const afterLabel = head.slice(head.search(/[:：]/) + 1);
  const rest: MdNode[] = [{ type: "text", value: afterLabel }, ...children.slice(1)];
  const codes = rest.filter((node) => node.type === "inlineCode");
  if (codes.length > 0) {
    const between = rest.filter((node) => node.type !== "inlineCode");
    const isSeparator = (node: MdNode) =>
      node.type === "text" &&
      SEPARATOR.test((node.value ?? "").replaceAll(new RegExp(LABEL_AFTER_VALUE, "g"), ""));
    if (!between.every(isSeparator)) {
      return label === "Available options" ? "invalid" : undefined;
    }
    const labelled = between.some((node) => LABEL_AFTER_VALUE.test(node.value ?? ""));
    return { values: codes.map((node) => node.value ?? ""), labelled };
  }
  if (label !== "Available options") return undefined;
  const values = plainText(rest)
    .replace(/\.$/, "")
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return values.length > 0 ? { values, labelled: false } : "invalid";
}

/**
 * A paragraph that is only a label (`Possible values:`), followed by a list whose items each start
 * with a backticked value: the values. Undefined when the paragraph or the list is something else.
 */
export function readOptionsList(paragraph: MdNode, list: MdNode | undefined): string[] | undefined {
  const text = plainText(paragraph.children);
  if (list?.type !== "list" || !LABELS.some((l) => new RegExp(`^${l}\\s*[:：]$`, "i").test(text))) {
    return undefined;
  }
  const values: string[] = [];
  for (const item of list.children ?? []) {
    const first = item.children?.[0]?.children?.[0];
    if (first?.type !== "inlineCode") return undefined;
    values.push(first.value ?? "");
  }
  return values.length > 0 ? values : undefined;
}

// Between a box's values: list markers and separators (`- \`a\` - \`b\``, `\`a\`, \`b\``).
const BOX_SEPARATOR = /^(?:[\s,;|/.\-–•*]|and\b|or\b)*$/i;

/**
 * `<Expandable title="Possible values:">` holding only backticked values (as a list, or on one
 * line): the values. Undefined for any other box.
 */
export function readOptionsBox(
  title: string | undefined,
  children: MdNode[],
): string[] | undefined {
  const label = (title ?? "").trim();
  if (!LABELS.some((l) => new RegExp(`^${l}\\s*[:：]?$`, "i").test(label))) return undefined;
  const leaves = leavesOf(children, 0);
  const codes = leaves.filter((node) => node.type === "inlineCode");
  const between = leaves.filter((node) => node.type !== "inlineCode");
  const separated = between.every((n) => n.type === "text" && BOX_SEPARATOR.test(n.value ?? ""));
  return codes.length > 0 && separated ? codes.map((node) => node.value ?? "") : undefined;
}

/** The inline leaves of some markdown (text, code…), through paragraphs and lists. */
function leavesOf(nodes: MdNode[], depth: number): MdNode[] {
  if (depth > 8) return [];
  return nodes.flatMap((node) =>
    node.children === undefined ? [node] : leavesOf(node.children, depth + 1),
  );
}

/** A paragraph of Mintlify constraint text (`Required range: 1 <= x <= 100`): its keywords. */
export function readConstraintParagraph(
  paragraph: MdNode,
  isArray: boolean,
): Schema | "invalid" | undefined {
  const text = plainText(paragraph.children);
  if (!isConstraintLine(text)) return undefined;
  return readConstraint(text, isArray) ?? "invalid";
}
