import { isJsx, type MdNode } from "./tree.ts";

/** Elements that hold fields or examples, never description text. */
export const FIELD_ELEMENTS = ["ParamField", "ResponseField", "Expandable"];
const EXAMPLE_ELEMENTS = ["RequestExample", "ResponseExample"];

/**
 * Inline content as markdown (inline code keeps its backticks, links their targets), soft line
 * breaks as spaces: the description as the page's author wrote it, ready for OpenAPI (CommonMark).
 */
export function inlineMarkdown(nodes: MdNode[] | undefined): string {
  return (nodes ?? [])
    .map(inlineNode)
    .join("")
    .replace(/[ \t]*\n[ \t]*/g, " ")
    .trim();
}

function inlineNode(node: MdNode): string {
  switch (node.type) {
    case "text":
      return node.value ?? "";
    case "inlineCode":
      return `\`${node.value ?? ""}\``;
    case "emphasis":
      return `*${inlineMarkdown(node.children)}*`;
    case "strong":
      return `**${inlineMarkdown(node.children)}**`;
    case "delete":
      return `~~${inlineMarkdown(node.children)}~~`;
    case "link":
      return `[${inlineMarkdown(node.children)}](${node.url ?? ""})`;
    case "break":
      return " ";
    case "mdxJsxTextElement":
      return node.name === "br" ? " " : inlineMarkdown(node.children);
    default:
      return node.children === undefined ? (node.value ?? "") : inlineMarkdown(node.children);
  }
}

/** Inline content as plain text (no markup): what option and constraint lines are read from. */
export function plainText(nodes: MdNode[] | undefined): string {
  const walk = (list: MdNode[] | undefined): string =>
    (list ?? [])
      .map((node) => (node.children === undefined ? (node.value ?? "") : walk(node.children)))
      .join("");
  return walk(nodes).replace(/\s+/g, " ").trim();
}

/**
 * Block content as description paragraphs: paragraphs, lists, code, tables and the text inside
 * prose components (`<Note>`, `<Warning>`, `<Tip>`...). Fields and examples are left out.
 */
export function blockParagraphs(nodes: MdNode[] | undefined, depth = 0): string[] {
  const out: string[] = [];
  if (depth > 64) return out;
  for (const node of nodes ?? []) {
    const text = blockText(node, depth);
    if (text === undefined) {
      if (isJsx(node) && !isJsx(node, ...FIELD_ELEMENTS, ...EXAMPLE_ELEMENTS)) {
        out.push(...blockParagraphs(node.children, depth + 1));
      }
    } else if (text !== "") out.push(text);
  }
  return out;
}

function blockText(node: MdNode, depth: number): string | undefined {
  switch (node.type) {
    case "paragraph": {
      // `{/* comment */}` and MDX import/export lines are source, not prose.
      const text = inlineMarkdown(node.children);
      return /^\{\/\*[\s\S]*\*\/\}$/.test(text) || /^(?:import|export)\s/.test(text) ? "" : text;
    }
    case "heading":
      return `${"#".repeat(node.depth ?? 1)} ${inlineMarkdown(node.children)}`;
    case "code":
      return `\`\`\`${node.lang ?? ""}\n${node.value ?? ""}\n\`\`\``;
    case "list":
      return listText(node, depth);
    case "blockquote":
      return blockParagraphs(node.children, depth + 1)
        .map((p) => `> ${p}`)
        .join("\n>\n");
    case "table": {
      // The delimiter row after the head keeps the description a table where it is rendered.
      const rows = (node.children ?? []).map(
        (row) => `| ${(row.children ?? []).map((c) => inlineMarkdown(c.children)).join(" | ")} |`,
      );
      const columns = node.children?.[0]?.children?.length ?? 0;
      if (rows.length > 0) rows.splice(1, 0, `|${" --- |".repeat(columns)}`);
      return rows.join("\n");
    }
    case "thematicBreak":
    case "yaml":
      return "";
    default:
      return undefined;
  }
}

function listText(node: MdNode, depth: number): string {
  return (node.children ?? [])
    .map((item, i) => {
      const marker = node.ordered === true ? `${i + 1}.` : "-";
      const body = blockParagraphs(item.children, depth + 1)
        .join("\n")
        .replace(/\n/g, "\n  ");
      return `${marker} ${body}`;
    })
    .join("\n");
}

/**
 * A cell that is one code span, `` `sent` `` or `` `"sent"` ``: the value, its quotes taken off;
 * undefined for any other cell.
 */
export function codeValue(cell: MdNode | undefined): string | undefined {
  const parts = (cell?.children ?? []).filter(
    (c) => !(c.type === "text" && (c.value ?? "").trim() === ""),
  );
  const only = parts[0];
  if (parts.length !== 1 || only?.type !== "inlineCode") return undefined;
  const value = (only.value ?? "").trim().replace(/^"(.*)"$|^'(.*)'$/, "$1$2");
  return /^[\w.:/-]+$/.test(value) ? value : undefined;
}
