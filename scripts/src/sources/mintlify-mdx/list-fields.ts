import { type Field, newField } from "../model/field.ts";
import { type FieldGroup, sectionLocation } from "./fields.ts";
import { headerField, PROTOCOL } from "./header-values.ts";
import { blockParagraphs, inlineMarkdown, plainText } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

// What joins several names on one item: `` `created_after` / `created_before` ``, `` `a` and `b` ``.
const JOIN = /^\s*(?:\/|,|and|or|&)\s*$/i;
const RESPONSE = /\b(?:respon[sc]es?|returns?)\b/i;
const REQUEST =
  /^(?:(?:request )?(?:parameters|params|arguments)|(?:request |body |request body )fields|(?:请求)?参数(?:说明)?|リクエストパラメータ|パラメータ|요청 매개변수|par[áâa]metros(?: de (?:la solicitud|requisi[çc][ãa]o))?|param[èe]tres(?: de la requ[êe]te)?)$/i;

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
  typeNames: Set<string> = new Set(),
): FieldGroup[] | undefined {
  // `### Errors` under `## Response`: the error codes, not the response's fields; `### Payout
  // statuses`, the values one field takes.
  if (/\berrors?\b|\b(?:statuses|states|values|codes|kinds)\b/i.test(section ?? ""))
    return undefined;
  // `### IntentReceipt Structure`: the fields of a model an item named, not the payload's (the
  // models its own items name are such too).
  if (typeNames.has((section ?? "").trim().split(/\s+/)[0] ?? "")) {
    for (const item of list.children ?? []) itemFields(item, tree, [], false, 0, typeNames);
    return undefined;
  }
  const response = RESPONSE.test(outer ?? "") || RESPONSE.test(section ?? "");
  const location = sectionLocation(section) ?? sectionLocation(outer);
  // `## Request Parameters`: where they go, the method says (query for a GET, else the body).
  const request = REQUEST.test(outer ?? "") || REQUEST.test(section ?? "");
  if (!response && location === undefined && !request) return undefined;
  const required = /^required(?: (?:parameters|fields))?$/i.test(section ?? "");
  const groups: FieldGroup[] = [];
  for (const item of list.children ?? []) {
    const fields = itemFields(item, tree, [], required, 0, typeNames);
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
  typeNames: Set<string>,
): Field[] | undefined {
  const [paragraph, ...rest] = item.children ?? [];
  // (A dash after a name in code only at the top: `- \`pending\` — held` under a field is
  // one of its values.)
  const read =
    paragraph?.type === "paragraph" ? namesOf(paragraph.children ?? [], depth === 0) : undefined;
  if (read === undefined || depth > 8) return undefined;
  const line = lineOf(item, tree);
  const out: Field[] = [];
  for (const name of read.names) {
    const field = newField(name, line, [...parent, name]);
    field.typeless = true;
    field.required = (required && parent.length === 0) || /^\(?required\b/i.test(read.rest);
    applyNote(field, read.note, typeNames);
    if (read.rest !== "") field.description.push(read.rest);
    out.push(field);
    for (const block of rest) {
      const children =
        block.type === "list"
          ? (block.children ?? []).map((c) =>
              itemFields(c, tree, field.path, false, depth + 1, typeNames),
            )
          : [];
      const values = block.type === "list" ? listedValues(block) : undefined;
      // `- \`TEXT\`: text message` under `type`: constants, the values a field naming a kind of
      // thing takes, not fields (`NODE_ENV` under `env` is a field).
      const kind = KIND_FIELD.test(`${field.name} ${read.rest}`);
      const constants =
        kind && children.flat().every((c) => c !== undefined && CONSTANT.test(c.name));
      if (children.length > 0 && children.every((c) => c !== undefined) && !(constants && values)) {
        field.schema = { type: "object" };
        out.push(...children.flat());
      } else if (values !== undefined && field.options === undefined) {
        field.options = { values, line: lineOf(block, tree) };
        // `- 0: …`, `- 1: …` on a field the page gives no type: the values are numbers.
        // `- TEXT: …`, `- IMAGE: …`: words, so strings.
        if (Object.keys(field.schema).length === 0)
          field.schema = { type: values.every((v) => /^-?\d+$/.test(v)) ? "integer" : "string" };
        field.description.push(...blockParagraphs([block]));
      } else field.description.push(...blockParagraphs([block]));
    }
  }
  return out;
}

// A field that names a kind of thing (`type`, `status`, 消息类型), whose values are listed.
const KIND_FIELD =
  /(?:^|[^a-z])(?:type|kind|status|state|mode|category|level|role|tier|plan)(?:$|[^a-z])|类型|类别|状态|模式|種類|タイプ|状態|tipo|estado|statut/i;

// A name in upper case, as enum values are written (`TEXT`, `IN_PROGRESS`); one letter (`X`,
// `Y`) is as likely a field.
const CONSTANT = /^[A-Z][A-Z0-9_]+$/;

/**
 * `- 0: Dynamic authentication` / `- 1: Static authentication` under a field: the values it
 * takes, each with what it means; undefined unless every item is so written (two or more).
 */
function listedValues(list: MdNode): string[] | undefined {
  const values = (list.children ?? []).map((item) => {
    const [paragraph] = item.children ?? [];
    const text = paragraph?.type === "paragraph" ? inlineMarkdown(paragraph.children ?? []) : "";
    return /^`?([\w.-]+)`?\s*[:=]\s+\S/.exec(text)?.[1];
  });
  if (values.length < 2 || values.some((v) => v === undefined)) return undefined;
  return values as string[];
}

interface ItemNames {
  names: string[];
  rest: string;
  /** What a bold name's brackets say: `(required)`, `(string)`, `(IntentReceipt)`. */
  note?: string | undefined;
}

/**
 * `` `a` / `b`: text ``: the names in code before the colon, and the text after it; or one name
 * in bold, with a note in brackets before the colon (`**intentId** (string): …`).
 */
function namesOf(children: MdNode[], top: boolean): ItemNames | undefined {
  const bold = boldName(children);
  if (bold !== undefined) return bold;
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
  const after = top ? AFTER_CODE_NAME : AFTER_NAME;
  const head = colon?.type === "text" ? after.exec(colon.value ?? "") : null;
  if (colon === undefined || names.length === 0 || head === null) return undefined;
  const text = { ...colon, value: (colon.value ?? "").slice(head[0].length) };
  return {
    names,
    rest: inlineMarkdown([text, ...children.slice(k + 1)]).trim(),
    note: head[1]?.trim(),
  };
}

// After a name: `: text`, or ` (note): text`, the brackets and colon full-width too
// (`` `threadId` (必需)：… ``).
const AFTER_NAME = /^\s*(?:[(（]([^()（）\n]{1,40})[)）])?\s*[:：]\s*/;
// After a name in code, a dash between spaces too (`` `reason` (string) — why ``); a bold word
// so is a term and its meaning (`**USD** - US Dollars`).
const AFTER_CODE_NAME = /^\s*(?:[(（]([^()（）\n]{1,40})[)）])?(?:\s*[:：]|\s+[—–-]\s)\s*/;

function boldName(children: MdNode[]): ItemNames | undefined {
  const [strong, after, ...more] = children;
  const inner = strong?.type === "strong" ? (strong.children ?? []) : [];
  const name = inner.length === 1 && inner[0]?.type === "text" ? inner[0].value?.trim() : "";
  if (name === undefined || !/^[A-Za-z_$][\w.$-]*$/.test(name) || after?.type !== "text")
    return undefined;
  const head = AFTER_NAME.exec(after.value ?? "");
  if (head === null) return undefined;
  const text = { ...after, value: (after.value ?? "").slice(head[0].length) };
  return { names: [name], rest: inlineMarkdown([text, ...more]).trim(), note: head[1]?.trim() };
}

const TYPE_NOTE: Record<string, string> = {
  string: "string",
  number: "number",
  integer: "integer",
  int: "integer",
  boolean: "boolean",
  bool: "boolean",
  object: "object",
  array: "array",
};

// `(required)` in the languages pages are written in.
const REQUIRED_NOTE =
  /^(?:required|mandatory|必需|必填|必须|必須|필수|obligatorio|obligatoria|obrigatório|obrigatoria|obligatoire|erforderlich|pflicht)$/;

/** What a bold name's note says of the field: required, a plain type, or a model's name. */
function applyNote(field: Field, note: string | undefined, typeNames: Set<string>): void {
  for (const part of (note ?? "").split(/\s*[,，、]\s*/)) {
    const word = part.toLowerCase();
    if (REQUIRED_NOTE.test(word)) field.required = true;
    else if (Object.hasOwn(TYPE_NOTE, word)) field.schema = { type: TYPE_NOTE[word] };
    else if (/^[a-z]+\[\]$/.test(word) && Object.hasOwn(TYPE_NOTE, word.slice(0, -2)))
      field.schema = { type: "array", items: { type: TYPE_NOTE[word.slice(0, -2)] } };
    // `(IntentReceipt)`: a model the page describes under a heading of its own; `(Intent[])`,
    // a list of them.
    else if (/^[A-Z][A-Za-z0-9]+$/.test(part)) typeNames.add(part);
    else if (/^[A-Z][A-Za-z0-9]+\[\]$/.test(part)) {
      typeNames.add(part.slice(0, -2));
      field.schema = { type: "array" };
    }
  }
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
  applyMark(field, said);
  return field;
}

/**
 * What an item says after the name, `(required, PNG or JPEG)` or `(required) the request's
 * HMAC`: required when its note says so, the rest the description.
 */
function applyMark(field: Field, said: string): void {
  const leading = /^[(（]([^()（）]*)[)）]\s*(\S.*)$/s.exec(said);
  const inner =
    leading !== null ? `${leading[1]} ${leading[2]}` : (BRACKETED.exec(said)?.[1] ?? said);
  const mark = MARK.exec(inner);
  field.required = mark?.[1] !== undefined;
  const text = inner.slice(mark?.[0].length ?? 0).trim();
  if (text !== "") field.description.push(text);
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

// `Headers:` (or `**Headers**:`) as a list item over the headers themselves.
const HEADERS_LABEL = /^headers?\s*[:：]?$/i;
// `` `Idempotency-Key: <string>` `` and what follows it: `(optional, …)`.
const HEADER_ITEM = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

/**
 * A bullet list that gives the request's headers as an item of its own (`- **Headers**:` over
 * `` - `Idempotency-Key: <string>` (optional) ``): one header parameter each, required when the
 * text after it says so. `Authorization` among them is the operation's security, as a header
 * field of that name always is; `Content-Type` and `Accept` the media types say already.
 */
export function readHeaderItems(list: MdNode, tree: Tree): FieldGroup[] | undefined {
  for (const item of list.children ?? []) {
    const [paragraph, nested] = item.children ?? [];
    if (paragraph?.type !== "paragraph" || nested?.type !== "list") continue;
    if (!HEADERS_LABEL.test(plainText(paragraph.children).trim())) continue;
    const groups: FieldGroup[] = [];
    for (const header of nested.children ?? []) {
      const [line, ...rest] = header.children?.[0]?.children ?? [];
      const pair = line?.type === "inlineCode" ? HEADER_ITEM.exec(line.value ?? "") : null;
      if (pair === null) return undefined;
      const name = pair[1] as string;
      if (PROTOCOL.test(name)) continue;
      const field = headerField(name, pair[2] as string, lineOf(header, tree));
      // `Authorization: Bearer <key>` becomes the security, whose scheme its value says (the
      // value itself never reaches the spec).
      if (/^authorization$/i.test(name)) field.example = { value: (pair[2] as string).trim() };
      applyMark(field, inlineMarkdown(rest).trim());
      groups.push({ kind: "param", location: "header", fields: [field], node: header });
    }
    return groups.length > 0 ? groups : undefined;
  }
  return undefined;
}
