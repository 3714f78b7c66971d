import { curlLines, responseLines } from "./curl.ts";
import { constraintLines, pathOf, type TField, type TOperation, typeLine } from "./operation.ts";
import { apiKeyField } from "./page.ts";

/**
 * The rendered page as a markdown scraper saves it: frontmatter, a skip link, `#` title,
 * segments and pills as paragraphs, fenced examples, `####` section headings, a `[](…#anchor)`
 * line before each field, backticked values and escaped underscores.
 */
export function renderScrape(op: TOperation): string {
  const url = `https://docs.${op.host}/api-reference${pathOf(op).replace(/[{}]/g, "")}`;
  // Presentation: the tool's frontmatter, or a `# Source:` line.
  const front =
    op.style & 1 ? [`# Source: ${url}`] : ["---", `title: ${op.title}`, `url: ${url}`, "---"];
  const out: string[] = [
    ...front,
    `[Skip to main content](${url}#content-area)`,
    `# ${op.title}`,
    scrapeEscape(op.description),
  ];
  if (op.webhook !== undefined) out.push("WEBHOOK", scrapeEscape(op.webhook));
  else out.push(op.method.toUpperCase());
  for (const segment of op.segments) out.push("/", scrapeEscape(segment));
  // A code block is one block: its lines stay together.
  const fence = (lines: string[]) => ["```", ...lines, "```"].join("\n");
  if (op.webhook === undefined) {
    out.push("Try it", "cURL", fence(curlLines(op)), fence(responseLines(op)));
  }
  const anchor = (kind: string, path: string[]) =>
    `[](${url}#${kind}-${path.join("-").replace(/_/g, "-").toLowerCase()})`;
  const section = (title: string, kind: string, fields: TField[], location?: string) => {
    if (fields.length === 0) return;
    out.push(`#### ${title}`);
    for (const field of fields) fieldLines(out, field, [], kind, anchor, location);
  };
  section(
    "Authorizations",
    "authorization",
    op.apiKey === undefined ? [] : [apiKeyField(op)],
    "header",
  );
  section("Path Parameters", "parameter", op.path);
  section("Query Parameters", "parameter", op.query);
  section("Headers", "parameter", op.headers);
  if (op.body !== undefined) {
    out.push("#### Body", "application/json");
    for (const field of op.body) fieldLines(out, field, [], "body", anchor);
  }
  if (op.response !== undefined) {
    out.push("#### Response", `${op.response.code} - application/json`);
    for (const field of op.response.fields) fieldLines(out, field, [], "response", anchor);
  }
  out.push("Was this page helpful?");
  // A scraper separates every block with a blank line.
  return `${out.join("\n\n")}\n`;
}

function fieldLines(
  out: string[],
  field: TField,
  parents: string[],
  kind: string,
  anchor: (kind: string, path: string[]) => string,
  location?: string,
): void {
  const path = [...parents, field.name];
  out.push(anchor(kind, path), scrapeEscape(path.join(".")), scrapeEscape(typeLine(field)));
  if (location !== undefined) out.push(location);
  if (field.default !== undefined) out.push(`default:${field.default}`);
  if (field.required) out.push("required");
  if (field.deprecated) out.push("deprecated");
  for (const paragraph of field.description) out.push(scrapeEscape(paragraph));
  if (field.options !== undefined) {
    out.push("Available options:");
    const last = field.options.length - 1;
    field.options.forEach((option, i) => {
      out.push(`\`${option}\`${i < last ? "," : ""}`);
    });
  }
  for (const [label, value] of constraintLines(field)) out.push(`${label} \`${value}\``);
  if (field.example !== undefined) out.push("Example:", `\`${JSON.stringify(field.example)}\``);
  if (field.children !== undefined) {
    out.push("Show child attributes");
    for (const child of field.children) fieldLines(out, child, path, kind, anchor);
  }
}

/** Markdown escapes a scraper adds to text: `_`, `[` and `]`, but not inside code or links. */
function scrapeEscape(text: string): string {
  return text
    .split(/(`[^`]*`|\[[^\]]*\]\([^)]*\))/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([_[\]])/g, "\\$1")))
    .join("");
}
