import { curlLines, responseLines } from "./curl.ts";
import { constraintLines, pathOf, type TField, type TOperation, typeLine } from "./operation.ts";
import { apiKeyField } from "./page.ts";

/**
 * The rendered page as some sites' markdown renderers print it: each field a heading over
 * labelled list items (`- **Type**: \`string\``, `- **Required**: Yes`, `- **Description**: …`),
 * nested fields under their dotted names, section headings with the media type after them.
 */
export function renderLabelled(op: TOperation): string {
  const url = `https://docs.${op.host}/api-reference${pathOf(op).replace(/[{}]/g, "")}`;
  const out: string[] = [`---\ntitle: ${op.title}\nurl: ${url}\n---`, `# ${op.title}`];
  out.push(op.description);
  if (op.webhook !== undefined) out.push("WEBHOOK", op.webhook);
  else out.push(op.method.toUpperCase());
  for (const segment of op.segments) out.push("/", segment);
  const fence = (lines: string[]) => ["```", ...lines, "```"].join("\n");
  if (op.webhook === undefined) out.push(fence(curlLines(op)), fence(responseLines(op)));
  const section = (title: string, fields: TField[], location?: string) => {
    if (fields.length === 0) return;
    out.push(`#### ${title}`);
    for (const field of fields) fieldItems(out, field, [], location);
  };
  section("Authorizations", op.apiKey === undefined ? [] : [apiKeyField(op)], "header");
  section("Path Parameters", op.path);
  section("Query Parameters", op.query);
  section("Headers", op.headers);
  if (op.body !== undefined) {
    out.push("#### Body (application/json)");
    for (const field of op.body) fieldItems(out, field, []);
  }
  if (op.response !== undefined) {
    out.push("#### Response", `${op.response.code} - application/json`);
    for (const field of op.response.fields) fieldItems(out, field, []);
  }
  return `${out.join("\n\n")}\n`;
}

function fieldItems(out: string[], field: TField, parents: string[], location?: string): void {
  const path = [...parents, field.name];
  const items = [`- **Type**: \`${typeLine(field)}\``];
  if (location !== undefined) items.push(`- **Location**: \`${location}\``);
  if (field.default !== undefined) items.push(`- **Default**: \`${field.default}\``);
  items.push(`- **Required**: ${field.required ? "Yes" : "No"}`);
  if (field.deprecated) items.push("- **Deprecated**: Yes");
  for (const paragraph of field.description) items.push(`- **Description**: ${paragraph}`);
  if (field.options !== undefined) {
    items.push(`- **Available options**: ${field.options.map((o) => `\`${o}\``).join(", ")}`);
  }
  for (const [label, value] of constraintLines(field))
    items.push(`- **${label.replace(/:$/, "")}**: \`${value}\``);
  if (field.example !== undefined)
    items.push(`- **Example**: \`${JSON.stringify(field.example)}\``);
  out.push(`${parents.length === 0 ? "#####" : "######"} ${path.join(".")}\n${items.join("\n")}`);
  for (const child of field.children ?? []) fieldItems(out, child, path);
}
