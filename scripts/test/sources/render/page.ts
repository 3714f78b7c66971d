import { curlLines, responseLines } from "./curl.ts";
import {
  constraintLines,
  pathOf,
  plain,
  type TField,
  type TOperation,
  typeLine,
} from "./operation.ts";

/**
 * The rendered page as a browser copy gives it: method and one path segment per line, title,
 * description, the curl and response examples, then the field sections, nested fields under
 * `Show child attributes` with their dotted names.
 */
export function renderPageCopy(op: TOperation): string {
  const out: string[] = [];
  if (op.webhook !== undefined) {
    // A webhook page: the event name where the path would be, no request or response example.
    if (op.style & 2) out.push("Wren home page", "Webhooks", op.title, plain(op.description));
    out.push("WEBHOOK", op.webhook);
    if (!(op.style & 2)) out.push(op.title, plain(op.description));
    out.push("");
  } else if (op.style & 2) {
    // Today's layout: logo and breadcrumb, title and description, then method and path on one
    // line, the playground button, the example tabs.
    out.push("Wren home page", "Ledgers", op.title, plain(op.description));
    out.push(
      `${op.method.toUpperCase()} ${pathOf(op)}`,
      "Try it",
      op.title,
      "cURL",
      "Python",
      "Copy",
    );
    out.push(
      "Ask AI",
      ...curlLines(op),
      op.response?.code ?? "200",
      "Copy",
      "Ask AI",
      ...responseLines(op),
      "",
    );
  } else {
    // The older layout: method and path first (one segment per line, or on one line).
    if (op.style & 1) out.push(`${op.method.toUpperCase()} ${pathOf(op)}`);
    else {
      out.push(op.method.toUpperCase());
      for (const segment of op.segments) out.push("/", segment);
    }
    out.push(
      op.title,
      plain(op.description),
      "",
      "cURL",
      ...curlLines(op),
      ...responseLines(op),
      "",
    );
  }
  const style = op.style;
  section(out, "Authorizations", op.apiKey === undefined ? [] : [apiKeyField(op)], style, "header");
  section(out, "Path Parameters", op.path, style);
  section(out, "Query Parameters", op.query, style);
  section(out, "Headers", op.headers, style);
  if (op.body !== undefined) {
    out.push("Body", "", "application/json", "");
    for (const field of op.body) fieldLines(out, field, [], style);
  }
  if (op.response !== undefined) {
    out.push("Response", "", `${op.response.code} - application/json`, "");
    for (const field of op.response.fields) fieldLines(out, field, [], style);
  }
  out.push("Was this page helpful?", "Yes", "No");
  return `${out.join("\n")}\n`;
}

/** The API key as the Authorizations section lists it. */
export function apiKeyField(op: TOperation): TField {
  return {
    name: op.apiKey?.header ?? "",
    kind: "string",
    required: true,
    description: [op.apiKey?.description ?? ""],
    constraints: {},
  };
}

function section(
  out: string[],
  title: string,
  fields: TField[],
  style: number,
  location?: string,
): void {
  if (fields.length === 0) return;
  out.push(title, "");
  for (const field of fields) fieldLines(out, field, [], style, location);
}

function fieldLines(
  out: string[],
  field: TField,
  parents: string[],
  style: number,
  location?: string,
): void {
  out.push([...parents, field.name].join("."), typeLine(field));
  if (location !== undefined) out.push(location);
  if (field.default !== undefined) out.push(`default:${field.default}`);
  if (field.required) out.push("required");
  if (field.deprecated) out.push("deprecated");
  out.push("");
  for (const paragraph of field.description) out.push(plain(paragraph), "");
  if (field.options !== undefined) {
    // Presentation: options one per line, or all on the label's line.
    if (style & 8) out.push(`Available options: ${field.options.join(", ")}`);
    else {
      out.push("Available options:");
      field.options.forEach((option, i) => {
        out.push(i < (field.options?.length ?? 0) - 1 ? `${option},` : String(option));
      });
    }
  }
  for (const [label, value] of constraintLines(field)) out.push(`${label} ${value}`);
  if (field.options !== undefined || constraintLines(field).length > 0) out.push("");
  if (field.example !== undefined) {
    // Presentation: the example on the label's line or after it.
    if (style & 8) out.push(`Example: ${JSON.stringify(field.example)}`, "");
    else out.push("Example:", "", JSON.stringify(field.example), "");
  }
  if (field.children !== undefined) {
    // Presentation: the toggle's label, or (a copy of an expanded list) none.
    if (!(style & 4)) out.push("Show child attributes", "");
    for (const child of field.children) fieldLines(out, child, [...parents, field.name], style);
  }
}
