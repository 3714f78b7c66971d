import { type Field, newField } from "../model/field.ts";
import { type FieldGroup, sectionLocation } from "./fields.ts";
import { blockParagraphs, inlineMarkdown } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

// What joins several names on one item: `` `created_after` / `created_before` ``, `` `a` and `b` ``.
const JOIN = /^\s*(?:\/|,|and|or|&)\s*$/i;
const RESPONSE = /\b(?:respon[sc]es?|returns?)\b/i;

/**
 * A hand-written page's fields as a list under a parameters heading, a name (or a few) in code
 * and what it means, with no type:
 *
 *     ## Query Parameters
 *     ### Required
 *     - `workspace_id`: Workspace to query.
 *
 * One group per name, typeless; required under a heading that says so. Undefined unless every
 * item of the list is such an item and the headings say where the fields go.
 */
export function readListFields(
  list: MdNode,
  tree: Tree,
  section: string | undefined,
  outer: string | undefined,
): FieldGroup[] | undefined {
  // `### Errors` under `## Response`: the error codes, not the response's fields.
  if (/\berrors?\b/i.test(section ?? "")) return undefined;
  const response = RESPONSE.test(outer ?? "") || RESPONSE.test(section ?? "");
  const location = sectionLocation(section) ?? sectionLocation(outer);
  if (!response && location === undefined) return undefined;
  const required = /^required(?: (?:parameters|fields))?$/i.test(section ?? "");
  const groups: FieldGroup[] = [];
  for (const item of list.children ?? []) {
    const fields = itemFields(item, tree, [], required, 0);
    if (fields === undefined) return undefined;
    for (const field of fields.filter((f) => f.path.length === 1)) {
      const own = fields.filter((f) => f.path[0] === field.name);
      groups.push(
        response
          ? { kind: "response", fields: own, node: item, section }
          : { kind: "param", location, fields: own, node: item, section },
      );
    }
  }
  return groups.length > 0 ? groups : undefined;
}

/**
 * The fields one item names, then those of a list nested in it (`- \`settings\`: …` over
 * `- \`color\`: …`), which make it an object; undefined when the item names no field.
 */
function itemFields(
  item: MdNode,
  tree: Tree,
  parent: string[],
  required: boolean,
  depth: number,
): Field[] | undefined {
  const [paragraph, ...rest] = item.children ?? [];
  const read = paragraph?.type === "paragraph" ? namesOf(paragraph.children ?? []) : undefined;
  if (read === undefined || depth > 8) return undefined;
  const line = lineOf(item, tree);
  const out: Field[] = [];
  for (const name of read.names) {
    const field = newField(name, line, [...parent, name]);
    field.required = (required && parent.length === 0) || /^\(?required\b/i.test(read.rest);
    if (read.rest !== "") field.description.push(read.rest);
    out.push(field);
    for (const block of rest) {
      const children =
        block.type === "list"
          ? (block.children ?? []).map((c) => itemFields(c, tree, field.path, false, depth + 1))
          : [];
      if (children.length > 0 && children.every((c) => c !== undefined)) {
        field.schema = { type: "object" };
        out.push(...children.flat());
      } else field.description.push(...blockParagraphs([block]));
    }
  }
  return out;
}

/** `` `a` / `b`: text ``: the names in code before the colon, and the text after it. */
function namesOf(children: MdNode[]): { names: string[]; rest: string } | undefined {
  const names: string[] = [];
  let k = 0;
  for (; k < children.length; k++) {
    const child = children[k] as MdNode;
    if (child.type === "inlineCode" && /^[A-Za-z_$][\w.$-]*$/.test(child.value ?? "")) {
      names.push(child.value as string);
    } else if (child.type === "text" && JOIN.test(child.value ?? "") && names.length > 0) {
    } else break;
  }
  const colon = children[k];
  if (names.length === 0 || colon?.type !== "text" || !/^\s*:/.test(colon.value ?? ""))
    return undefined;
  const after = { ...colon, value: (colon.value ?? "").replace(/^\s*:\s*/, "") };
  return { names, rest: inlineMarkdown([after, ...children.slice(k + 1)]).trim() };
}

// `receipt=@/path/to/receipt.png`: a form field as curl's `-F` takes it; `@` sends a file.
const FORM_PAIR = /^([A-Za-z_][\w.-]*)(\[\])?=(.*)$/s;
// What such an item says after it, in brackets: `(required, PNG or JPEG)`, `（可选，…）`.
const BRACKETED = /^\s*[(（](.*)[)）]\s*$/s;
const MARK =
  /^(?:(required|mandatory|必填|必需|必须)|optional|可选|选填|非必填)(?![A-Za-z])\s*[,，;；:：]?\s*/i;

/**
 * A list of form fields written as curl sends them (`` - `note=Lunch` (optional, shown beside
 * the expense) ``): body fields, a file where the value starts with `@`, the value otherwise an
 * example. Undefined unless most items are so written.
 */
export function readFormItems(list: MdNode, tree: Tree): FieldGroup[] | undefined {
  const items = list.children ?? [];
  const groups: FieldGroup[] = [];
  for (const item of items) {
    const [paragraph] = item.children ?? [];
    const [code, ...rest] = paragraph?.type === "paragraph" ? (paragraph.children ?? []) : [];
    const pair = code?.type === "inlineCode" ? FORM_PAIR.exec(code.value ?? "") : null;
    const line = lineOf(item, tree);
    const field = pair === null ? queryItem(paragraph, line) : formField(pair, rest, line);
    if (field !== undefined)
      groups.push({
        kind: "param",
        location: field.location === "query" ? "query" : "body",
        fields: [field],
        node: item,
      });
  }
  // Most items so written: a note among them (`- the file may be a PDF`) is no field.
  const forms = groups.filter((g) => g.location === "body").length;
  return forms > 0 && groups.length * 2 >= items.length ? groups : undefined;
}

function formField(pair: RegExpExecArray, rest: MdNode[], line: number): Field {
  const [, name, many, value] = pair as unknown as [string, string, string | undefined, string];
  const field = newField(name, line);
  field.location = "body";
  const file = value.startsWith("@");
  const one = file ? { type: "string", format: "binary" } : { type: "string" };
  field.schema = many === undefined ? one : { type: "array", items: one };
  if (!file && value !== "" && many === undefined) field.example = { value };
  const said = inlineMarkdown(rest).trim();
  const inner = BRACKETED.exec(said)?.[1] ?? said;
  const mark = MARK.exec(inner);
  field.required = mark?.[1] !== undefined;
  const text = inner.slice(mark?.[0].length ?? 0).trim();
  if (text !== "") field.description.push(text);
  return field;
}

// `?scan=<mode>` in an item among them: a query parameter, in the URL's own spelling.
const QUERY_PAIR = /^\?([A-Za-z_][\w.-]*)=/;
const DEFAULT_SAID = /(?:默认(?:值)?(?:为)?|defaults?(?:\s+(?:to|is))?)\s*[:：]?\s*`([^`]+)`/i;

function queryItem(paragraph: MdNode | undefined, line: number): Field | undefined {
  const codes = (paragraph?.children ?? []).filter((c) => c.type === "inlineCode");
  const name = codes.map((c) => QUERY_PAIR.exec(c.value ?? "")?.[1]).find((n) => n !== undefined);
  if (paragraph === undefined || name === undefined) return undefined;
  const field = newField(name, line);
  field.location = "query";
  field.schema = { type: "string" };
  const text = inlineMarkdown(paragraph.children ?? []).trim();
  field.description.push(text);
  field.defaultText = DEFAULT_SAID.exec(text)?.[1];
  return field;
}
