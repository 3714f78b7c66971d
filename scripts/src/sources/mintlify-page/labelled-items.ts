// A field written as a heading over labelled list items, as some sites render their reference
// pages (in English or Chinese):
//
//   ##### model
//   - **Type**: `enum<string>`        - **类型**: `enum<string>`
//   - **Required**: Yes               - **必填**: 是
//   - **Available options**: `a`, `b` - **可用选项**: `a`, `b`
//
// read into the pill lines and body lines a browser copy of a Mintlify page gives.
import { parseTypeLine } from "../model/type-line.ts";
import { isConstraintLine } from "./field-parts.ts";
import type { Line } from "./lines.ts";

// `* **类型**: \`string\``: a field's parts written as labelled list items, in English or Chinese.
// `* **Type**: x` or `* **Type:** x`.
const BULLET_PART = /^[*+-]\s+\*\*([^*:：]+?)\s*(?:[:：]\*\*|\*\*\s*[:：])\s*(.*)$/;
type Part =
  | "type"
  | "location"
  | "required"
  | "default"
  | "description"
  | "options"
  | "example"
  | "max"
  | "min"
  | "deprecated";
const PART_LABELS: Readonly<Record<string, Part>> = {
  type: "type",
  类型: "type",
  location: "location",
  位置: "location",
  required: "required",
  必填: "required",
  必需: "required",
  default: "default",
  默认值: "default",
  description: "description",
  说明: "description",
  描述: "description",
  "available options": "options",
  可用选项: "options",
  example: "example",
  示例: "example",
  "maximum length": "max",
  最大长度: "max",
  "minimum length": "min",
  最小长度: "min",
  deprecated: "deprecated",
  已弃用: "deprecated",
};
const CODE = /`([^`]*)`/g;
const NESTED_VALUE = /^\s+[*+-]\s+`([^`]*)`/;

/**
 * A field's pills (the type first) and then its body lines (description, options, example,
 * limits), from a run of labelled list items, and the run's last line; undefined with no type.
 */
export function bulletPills(
  lines: Line[],
  at: number,
): { pills: string[]; end: number } | undefined {
  const pills: string[] = [];
  const body: string[] = [];
  let type: string | undefined;
  let k = at;
  for (; k < lines.length; k++) {
    const item = BULLET_PART.exec((lines[k] as Line).text);
    if (item === null) break;
    const label = (item[1] as string).trim();
    const part = PART_LABELS[label.toLowerCase()];
    const raw = (item[2] as string).trim();
    const value = raw.replace(/^`([^`]*)`$/, "$1");
    // Mintlify's own limit labels (`Required range`) as the page prints them; any other fact
    // this reader has no pill for (`Format`, `Nullable`) stays, as words, in the body.
    if (part === undefined) {
      const limit = `${label}: ${value}`;
      body.push(isConstraintLine(limit) ? limit : `${label}: ${raw}`);
    } else if (part === "deprecated") {
      if (/^(?:yes|true|是)$/i.test(value)) pills.push("deprecated");
    } else if (part === "type") {
      // `Type: Optional header` is no type: then the heading is no field.
      if (parseTypeLine(value).kind !== "type") return undefined;
      type = value;
    } else if (part === "location") pills.push(value.toLowerCase());
    else if (part === "default") pills.push(`default:${value}`);
    else if (part === "required") {
      if (/^(?:yes|true|required|是|必填|必需)$/i.test(value)) pills.push("required");
    } else if (part === "description") body.push(raw);
    else if (part === "example") body.push(`Example: ${value}`);
    else if (part === "max" || part === "min") {
      const number = /-?\d+/.exec(value)?.[0];
      if (number !== undefined)
        body.push(`${part === "max" ? "Maximum" : "Minimum"} length: ${number}`);
    } else {
      // `\`a\`, \`b\`` on the item, or one `- \`a\`: meaning` item each under it.
      const coded = [...raw.matchAll(CODE)].map((m) => m[1] as string);
      // `pending, paid, failed` without code spans: the words between the commas.
      const values =
        coded.length > 0
          ? coded
          : raw
              .split(",")
              .map((v) => v.trim())
              .filter((v) => v !== "");
      while (values.length === 0 && NESTED_VALUE.test(lines[k + 1]?.raw ?? "")) {
        k++;
        values.push(NESTED_VALUE.exec((lines[k] as Line).raw)?.[1] as string);
        while (NESTED_VALUE.test(lines[k + 1]?.raw ?? "")) {
          k++;
          values.push(NESTED_VALUE.exec((lines[k] as Line).raw)?.[1] as string);
        }
      }
      if (values.length > 0) body.push(`Available options: ${values.join(", ")}`);
    }
  }
  if (type === undefined) return undefined;
  return { pills: [type, ...pills, ...body.flatMap((line) => ["", line])], end: k - 1 };
}
