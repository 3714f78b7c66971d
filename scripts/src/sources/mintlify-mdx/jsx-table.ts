import { isJsx, type MdNode } from "./tree.ts";

const ROW_GROUPS = ["thead", "tbody", "tfoot"];

/**
 * An HTML table written in MDX (`<Table>` or `<table>`, `<thead>`, `<tr>`, `<th>` / `<td>`) as the
 * markdown table it shows: a `table` of `tableRow`s of `tableCell`s holding the cells' inline
 * content, header row first, so the field-table reader reads either. Undefined for any other node.
 */
export function jsxTable(node: MdNode): MdNode | undefined {
  if (!isJsx(node, "Table", "table")) return undefined;
  const rows = rowsOf(node.children ?? [], 0);
  if (rows.length < 2) return undefined;
  const table: MdNode = {
    type: "table",
    position: node.position,
    children: rows.map((row) => ({
      type: "tableRow",
      position: row.position,
      children: (row.children ?? [])
        .filter((cell) => isJsx(cell, "th", "td"))
        .map((cell) => ({ type: "tableCell", position: cell.position, children: inline(cell) })),
    })),
  };
  const width = table.children?.[0]?.children?.length ?? 0;
  return width >= 2 ? table : undefined;
}

/** The `<tr>`s inside a table, through its row groups, in order. */
function rowsOf(nodes: MdNode[], depth: number): MdNode[] {
  if (depth > 3) return [];
  return nodes.flatMap((n) =>
    isJsx(n, "tr") ? [n] : isJsx(n, ...ROW_GROUPS) ? rowsOf(n.children ?? [], depth + 1) : [],
  );
}

/** A cell's content as inline nodes: its paragraphs joined by a space. */
function inline(cell: MdNode): MdNode[] {
  const out: MdNode[] = [];
  for (const child of cell.children ?? []) {
    if (out.length > 0) out.push({ type: "text", value: " " });
    out.push(...(child.type === "paragraph" ? (child.children ?? []) : [child]));
  }
  return out;
}
