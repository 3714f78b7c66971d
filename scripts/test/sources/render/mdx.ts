import { curlLines, responseLines } from "./curl.ts";
import { constraintLines, pathOf, type TField, type TOperation, typeLine } from "./operation.ts";

/**
 * The MDX source a docs repository keeps: `api:` frontmatter, `<ParamField>` per parameter and
 * body field (nested ones inside `<Expandable>`), `<ResponseField>` per response field, and the
 * examples in `<RequestExample>` / `<ResponseExample>`.
 */
export function renderMdx(op: TOperation): string {
  const out: string[] = [
    "---",
    `title: ${JSON.stringify(op.title)}`,
    `description: ${JSON.stringify(op.description)}`,
    op.webhook === undefined
      ? `api: "${op.method.toUpperCase()} https://${op.host}${pathOf(op)}"`
      : `api: "WEBHOOK ${op.webhook}"`,
    "---",
    "",
  ];
  if (op.apiKey !== undefined) {
    const key = op.apiKey;
    out.push("## Authorizations", "");
    out.push(`<ParamField header="${key.header}" type="string" required>`);
    out.push(`  ${key.description}`, "</ParamField>", "");
  }
  out.push("## Parameters", "");
  for (const field of op.path) paramField(out, field, "path", "");
  for (const field of op.query) paramField(out, field, "query", "");
  for (const field of op.headers) paramField(out, field, "header", "");
  if (op.body !== undefined) {
    out.push("## Body", "");
    // Presentation: children inside <Expandable>, or listed after the parent with dotted names.
    for (const field of op.body) paramField(out, field, "body", "", op.style & 4 ? "" : undefined);
  }
  if (op.response === undefined) return out.join("\n");
  out.push("## Response", "");
  for (const field of op.response.fields) responseField(out, field, "");
  out.push("<RequestExample>", "```bash cURL", ...curlLines(op), "```", "</RequestExample>", "");
  out.push("<ResponseExample>", `\`\`\`json ${op.response.code}`, ...responseLines(op), "```");
  out.push("</ResponseExample>", "");
  return out.join("\n");
}

function attributes(field: TField): string {
  let text = ` type="${typeLine(field)}"`;
  if (field.required) text += " required";
  if (field.deprecated) text += " deprecated";
  if (field.default !== undefined) text += ` default="${field.default}"`;
  if (typeof field.example === "string") text += ` example="${field.example}"`;
  if (typeof field.example === "number") text += ` example={${field.example}}`;
  return text;
}

function content(out: string[], field: TField, indent: string): void {
  out.push(field.description.map((p) => `${indent}  ${p}`).join("\n\n"));
  if (field.options !== undefined) {
    out.push(
      "",
      `${indent}  Available options: ${field.options.map((o) => `\`${o}\``).join(", ")}`,
    );
  }
  for (const [label, value] of constraintLines(field))
    out.push("", `${indent}  ${label} \`${value}\``);
}

function paramField(
  out: string[],
  field: TField,
  where: string,
  indent: string,
  dotted?: string,
): void {
  const name = dotted === undefined || dotted === "" ? field.name : `${dotted}.${field.name}`;
  out.push(`${indent}<ParamField ${where}="${name}"${attributes(field)}>`);
  content(out, field, indent);
  if (field.children !== undefined && dotted !== undefined) {
    // Hand-written pages often list children after their parent with dotted names instead.
    out.push(`${indent}</ParamField>`, "");
    const prefix = field.array ? `${name}[]` : name;
    for (const child of field.children) paramField(out, child, where, indent, prefix);
    return;
  }
  if (field.children !== undefined) {
    out.push(`${indent}  <Expandable title="properties">`);
    for (const child of field.children) paramField(out, child, where, `${indent}    `);
    out.push(`${indent}  </Expandable>`);
  }
  out.push(`${indent}</ParamField>`, "");
}

function responseField(out: string[], field: TField, indent: string): void {
  out.push(`${indent}<ResponseField name="${field.name}"${attributes(field)}>`);
  content(out, field, indent);
  if (field.children !== undefined) {
    out.push(`${indent}  <Expandable title="properties">`);
    for (const child of field.children) responseField(out, child, `${indent}    `);
    out.push(`${indent}  </Expandable>`);
  }
  out.push(`${indent}</ResponseField>`, "");
}
