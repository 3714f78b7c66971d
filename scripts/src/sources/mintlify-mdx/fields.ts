import { type Context, fail, note } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import { allowNull, typesOf } from "../model/field-schema.ts";
import { parseJson } from "../model/json.ts";
import {
  type AttributeValue,
  attribute,
  booleanValue,
  describe,
  stringValue,
} from "./attributes.ts";
import {
  readConstraintParagraph,
  readOptionsBox,
  readOptionsList,
  readOptionsParagraph,
} from "./options.ts";
import { blockParagraphs, codeValue, plainText } from "./prose.ts";
import { isFieldElement, isJsx, lineOf, type MdNode, type Tree } from "./tree.ts";
import { literalUnion, readTypeAttribute, wordUnion } from "./type-attr.ts";

/** Where a `<ParamField>` says its parameter goes; `body` for request body fields. */
export const LOCATIONS = ["path", "query", "header", "cookie", "body"] as const;
export type Location = (typeof LOCATIONS)[number];

/** A top-level field with the fields nested in it (parent first, each with its full path). */
export interface FieldGroup {
  /** `param` for `<ParamField>`, `response` for `<ResponseField>`. */
  kind: "param" | "response";
  location?: Location | undefined;
  fields: Field[];
  node: MdNode;
  /** The `##`-or-deeper heading the field sits under (`Authorizations`, `Error response`). */
  section?: string | undefined;
  /** A `<ParamField>` with no location attribute nor a heading that names one. */
  unplaced?: true | undefined;
  /** A `<ParamField type="string">` under `## Path Parameters` that lost its name. */
  unnamed?: true | undefined;
}

// Numeric constraint attributes some pages put on fields (`minimum={1}`); `pattern` is text.
const NUMERIC = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength"];
const NUMERIC_MORE = ["maxLength", "minItems", "maxItems", "multipleOf"];

/** Reads one `<ParamField>` / `<ResponseField>` and everything nested in it; undefined if unnamed. */
export function readFieldGroup(
  node: MdNode,
  tree: Tree,
  ctx: Context,
  section?: string,
): FieldGroup | undefined {
  // `<ParamField response="usage">`: a response field, whatever the tag; so is
  // `<ParamField status="200" type="BookingResponse">` over the fields of that status's body.
  const statusCode = stringValue(attribute(node, "status"))?.trim();
  const ofStatus =
    statusCode !== undefined &&
    /^[1-5](?:\d\d|XX)$/i.test(statusCode) &&
    LOCATIONS.every((l) => attribute(node, l) === undefined);
  const kind =
    (node.name ?? "").endsWith("ParamField") &&
    attribute(node, "response") === undefined &&
    !ofStatus
      ? "param"
      : "response";
  const line = lineOf(node, tree);
  let location: Location | undefined;
  let name: string | undefined;
  if (kind === "param") {
    const found = LOCATIONS.filter((l) => attribute(node, l) !== undefined).filter(
      (l, _, all) => !(l === "path" && all.length > 1 && namesTheField(node, all)),
    );
    // `<ParamField body name="guest_id">`: the location as a bare flag, the name apart.
    const flagged = found.filter((l) => attribute(node, l)?.kind === "flag");
    const named = stringValue(attribute(node, "name"));
    if (found.length === 1 && flagged.length === 1 && named !== undefined) {
      found.length = 0;
      location = flagged[0];
      name = named;
    }
    // `<ParamField body={resolvedBody} path={resolvedPath}>` inside a component the page defines
    // (`export const ResendParamField = ...`): a template, not a field.
    const computed = found.filter((l) => stringValue(attribute(node, l)) === undefined);
    if (found.length > 0 && computed.length === found.length) return undefined;
    if (name !== undefined) {
      // Placed and named by the flag and `name=` above.
    } else if (found.length === 0) {
      // `<ParamField name="id">` (or `title=`): the heading above (`## Query Parameters`) says
      // where it goes, else the operation decides (a name the path template holds is a path
      // parameter; any other is an error there).
      name = stringValue(attribute(node, "name")) ?? stringValue(attribute(node, "title"));
      location = sectionLocation(section);
      // A copy that dropped `path="id"` (Mintlify's llms-full.txt does) under a Path Parameters
      // heading: the operation names it, when the template holds one parameter left unnamed.
      if (name === undefined && location === "path") {
        const fields: Field[] = [];
        readField(node, "", [], tree, ctx, fields, 0);
        return { kind, location, fields, node, unnamed: true };
      }
      if (name === undefined) {
        fail(ctx, line, LOCATION_EXPECTED, "no location attribute");
        return undefined;
      }
    } else if (found.length > 1) {
      fail(ctx, line, LOCATION_EXPECTED, found.join(" and "));
      return undefined;
    } else {
      location = found[0] as Location;
      name = stringValue(attribute(node, location));
    }
  }
  // (`<ResponseField path="session_id">`: a page that spelled every field as a ParamField
  // would, the name in `path=`.)
  else
    name =
      stringValue(attribute(node, "name")) ??
      stringValue(attribute(node, "response")) ??
      (ofStatus ? statusCode : undefined) ??
      stringValue(attribute(node, "path"));
  if (name === undefined || name.trim() === "") {
    const attr = kind === "param" ? `${location}="name"` : 'name="..."';
    fail(ctx, line, `a field name (${attr}) on ${node.name}`, attributesText(node));
    return undefined;
  }
  const fields: Field[] = [];
  const unplaced = kind === "param" && location === undefined;
  const status = kind === "response" ? statusPhrase(node, name.trim()) : undefined;
  if (status !== undefined) readField(status.node, status.name, [], tree, ctx, fields, 0);
  else readField(node, name.trim(), [], tree, ctx, fields, 0);
  // A location glued onto the type (`string | header`) wins only over `path`, which a copy puts
  // on every field it could not place; any other attribute says where the field goes.
  // So does a location pill after the name (`post={["header"]}`).
  const glued = (fields[0]?.location ?? pills(node).find(isLocation)) as Location | undefined;
  if (kind === "param" && glued !== undefined && (location === undefined || location === "path"))
    return { kind, location: glued, fields, node };
  return { kind, location, fields, node, unplaced: unplaced || undefined };
}

/**
 * `<ParamField body="userIds" path="parameters.userIds">`: beside another location, a `path`
 * that repeats the field's name (or ends with it after dots) is where the field sits in the
 * body, not a location.
 */
function namesTheField(node: MdNode, found: Location[]): boolean {
  const path = stringValue(attribute(node, "path"));
  const other = found.find((l) => l !== "path");
  const name = other === undefined ? undefined : stringValue(attribute(node, other));
  return path !== undefined && name !== undefined && (path === name || path.endsWith(`.${name}`));
}

/** The labels Mintlify shows after a field's name: `post={["header", "eip712|eip191"]}`. */
function pills(node: MdNode): string[] {
  const value = attribute(node, "post");
  if (value?.kind !== "expression") return [];
  try {
    const parsed: unknown = JSON.parse(value.text.replace(/'/g, '"'));
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

function isLocation(text: string): boolean {
  return (LOCATIONS as readonly string[]).includes(text);
}

export const LOCATION_EXPECTED =
  "one location attribute on ParamField (path, query, header, cookie or body)";

/**
 * `<ResponseField name="422" type="Validation Error">` under `## Response Codes`: a status and
 * its reason phrase, not a field. Read as `<ResponseField name="422 Validation Error">`, which the
 * operation takes for a status; undefined when the type is one with a schema (`string`, `object`).
 */
function statusPhrase(node: MdNode, name: string): { node: MdNode; name: string } | undefined {
  // `<ResponseField name="200 Success" type="OK">`: the phrase in the name already.
  const named = /^[1-5](?:\d\d|XX)\s+[A-Za-z][A-Za-z' -]*$/i.test(name);
  if (!named && !/^[1-5](?:\d\d|XX)$/i.test(name)) return undefined;
  const phrase = stringValue(attribute(node, "type"))?.trim();
  if (named && (phrase === undefined || /^[A-Za-z][A-Za-z' -]*$/.test(phrase))) {
    const read = phrase === undefined ? undefined : readTypeAttribute(phrase);
    if (read?.kind === "type" && Object.keys(read.schema).length > 0) return undefined;
    return { node: { ...node, attributes: withoutType(node) }, name };
  }
  if (phrase === undefined || !/^[A-Za-z][A-Za-z' -]*$/.test(phrase)) return undefined;
  // `Success` reads as a model's name (any value); `string` or `object` is a real type.
  const read = readTypeAttribute(phrase);
  if (read?.kind === "type" && Object.keys(read.schema).length > 0) return undefined;
  return { node: { ...node, attributes: withoutType(node) }, name: `${name} ${phrase}` };
}

function withoutType(node: MdNode): MdNode["attributes"] {
  return (node.attributes ?? []).filter((a) => a.name !== "type");
}

const SECTION_LOCATIONS: [RegExp, Location][] = [
  [
    /\bpath\b|路径参数|路徑參數|パスパラメータ|경로 매개변수|param[èe]tres de chemin|par[áâa]metros de (?:ruta|caminho)|pfadparameter/i,
    "path",
  ],
  [
    /\bquery\b|查询参数|查詢參數|クエリパラメータ|쿼리 매개변수|param[èe]tres de requ[êe]te|par[áâa]metros de consulta|abfrageparameter/i,
    "query",
  ],
  [
    /\bheaders?\b|请求头|請求頭|ヘッダー|헤더|en-t[êe]tes|encabezados|cabe[çc]alhos|заголовки/i,
    "header",
  ],
  [/\bcookies?\b/i, "cookie"],
  [
    /\bbody\b|请求体|請求體|リクエストボディ|요청 본문|corps de la requ[êe]te|cuerpo de la (?:solicitud|petici[óo]n)|corpo da requisi[çc][ãa]o|параметры тела|тело запроса/i,
    "body",
  ],
];

/** The location a section heading names (`## Query Parameters`, `### Request Body`), if one. */
export function sectionLocation(section: string | undefined): Location | undefined {
  if (section === undefined) return undefined;
  const hits = SECTION_LOCATIONS.filter(([pattern]) => pattern.test(section));
  return hits.length === 1 ? (hits[0] as [RegExp, Location])[1] : undefined;
}

function readField(
  node: MdNode,
  name: string,
  parent: string[],
  tree: Tree,
  ctx: Context,
  out: Field[],
  depth: number,
): void {
  const line = lineOf(node, tree);
  const field = newField(name, line, [...parent, name]);
  readAttributes(node, field, ctx);
  const nested: MdNode[] = [];
  // A field written on one line (`<ResponseField ...>text</ResponseField>`) holds inline content.
  const children =
    node.type === "mdxJsxTextElement"
      ? [{ type: "paragraph", children: node.children }]
      : node.children;
  readChildren(children, field, nested, tree, ctx, depth);
  valuesFromWords(field);
  onlyValueFromDefault(field);
  out.push(field);
  for (const child of nested) {
    // `<ParamField body="customer.email">` inside `customer`: the name repeats the parent's.
    const written = nestedName(child);
    const prefix = [`${name}.`, `${name}[].`].find((p) => written?.startsWith(p) === true);
    const childName = prefix === undefined ? written : written?.slice(prefix.length);
    if (childName === undefined) {
      fail(
        ctx,
        lineOf(child, tree),
        `a field name on the ${child.name} nested in ${name}`,
        attributesText(child),
      );
      continue;
    }
    if (depth > 48) {
      fail(ctx, lineOf(child, tree), "fields nested at most 48 deep", childName);
      continue;
    }
    readField(child, childName, field.path, tree, ctx, out, depth + 1);
  }
}

/**
 * `type="enum<string>" defaultValue="x"` with no options listed (Mintlify's generator writes
 * single-value enums so): the default is the one value the page shows.
 */
function onlyValueFromDefault(field: Field): void {
  const isEnum = Array.isArray(field.schema.enum) || Array.isArray(field.schema.items?.enum);
  if (!isEnum || field.options !== undefined || field.defaultText === undefined) return;
  const parsed = parseJson(field.defaultText);
  const value =
    parsed.ok && typeof parsed.value !== "object" ? String(parsed.value) : field.defaultText;
  field.options = { values: [value], line: field.line };
}

/**
 * `type="enum"` with no options but a description that says them (`"ACTIVE" ou "INACTIVE"
 * (padrão: "ACTIVE")`): those values; with none said, a string whose values the page keeps in
 * its prose (read there, if it states them as a list).
 */
function valuesFromWords(field: Field): void {
  const open = Array.isArray(field.schema.enum) && field.schema.enum.length === 0;
  if (!open || field.options !== undefined) return;
  const first = (field.description[0] ?? "").split("\n")[0] ?? "";
  const said = literalUnion(first.replace(/\s*\([^)]*\)\s*\.?$/, "").trim());
  if (said !== undefined) field.options = { values: said, line: field.line };
  // With a default, that is its one value (`onlyValueFromDefault`); else it is a plain string.
  else if (field.defaultText === undefined) {
    const { enum: _, ...rest } = field.schema;
    field.schema = rest;
  }
}

/** A nested field's name: its location attribute or `name` (pages mix both inside Expandable). */
function nestedName(node: MdNode): string | undefined {
  for (const key of ["name", ...LOCATIONS]) {
    const value = stringValue(attribute(node, key));
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/** Description, options and constraints from the children; nested fields collected in order. */
function readChildren(
  children: MdNode[] | undefined,
  field: Field,
  nested: MdNode[],
  tree: Tree,
  ctx: Context,
  depth: number,
): void {
  const prose: MdNode[] = [];
  const list = children ?? [];
  for (const [index, written] of list.entries()) {
    const box = optionsBox(written);
    if (box !== undefined) field.options = { values: box.values, line: lineOf(written, tree) };
    const child = box?.rest ?? written;
    if (box !== undefined && child === undefined) continue;
    if (isFieldElement(child)) nested.push(child);
    else if (isJsx(child, "Expandable")) collectNested(child.children, nested, depth + 1);
    else if (child.type === "paragraph" && hasInlineField(child))
      collectNested([child], nested, depth + 1);
    else if (child.type === "paragraph" && readOptionsList(child, list[index + 1]) !== undefined) {
      // The list stays in the description: its items often say what each value means.
      const values = readOptionsList(child, list[index + 1]) as string[];
      field.options = { values, line: lineOf(child, tree) };
      prose.push(child);
    } else if (child.type === "paragraph") {
      const options = readOptionsParagraph(child);
      const constraint =
        options === undefined
          ? readConstraintParagraph(child, typesOf(field.schema).includes("array"))
          : undefined;
      if (options === "invalid" || constraint === "invalid") {
        fail(
          ctx,
          lineOf(child, tree),
          `a list of values or a constraint for ${field.name}`,
          blockParagraphs([child])[0],
        );
      } else if (options !== undefined) {
        field.options = { values: options.values, line: lineOf(child, tree) };
        if (options.labelled) prose.push(child);
      } else if (constraint !== undefined) Object.assign(field.constraints, constraint);
      else prose.push(child);
    } else {
      if (isJsx(child)) collectNested(child.children, nested, depth + 1);
      // A table inside the field whose rows each start with a value in code: the values it
      // takes (the table stays in the description, saying what each means).
      const values = child.type === "table" ? tableValues(child) : undefined;
      // Of a field typed as a scalar: an untyped one, or one of a model's name, may be an object.
      const types = typesOf(field.schema);
      const scalar =
        types.length > 0 && types.every((t) => ["string", "integer", "number"].includes(t));
      if (values !== undefined && scalar && field.options === undefined)
        field.options = { values, line: lineOf(child, tree) };
      prose.push(child);
    }
  }
  field.description.push(...blockParagraphs(prose));
}

// The columns only a table of fields has.
const FIELD_COLUMN =
  /^(?:types?|data ?type|tipo|typ|类型|型|タイプ|유형|required\??|obligatorio|obrigat[óo]rio|必填|必需|必須|필수)$/i;

/**
 * The first column of a table whose every row starts with one code span, two rows or more; not
 * a table of fields (one with a Type or Required column lists an object's children).
 */
function tableValues(table: MdNode): string[] | undefined {
  const [head, ...rows] = table.children ?? [];
  const titles = (head?.children ?? []).map((cell) => plainText(cell.children).trim());
  if (titles.some((t) => FIELD_COLUMN.test(t))) return undefined;
  const values = rows.map((row) => codeValue(row.children?.[0]));
  return rows.length >= 2 && values.every((v) => v !== undefined)
    ? (values as string[])
    : undefined;
}

/**
 * The values of a `<Expandable title="Possible values:">`, and what is left of its block without
 * it (the paragraph's text before it, as the box may sit at the end of a paragraph).
 */
function optionsBox(node: MdNode): { values: string[]; rest: MdNode | undefined } | undefined {
  const read = (box: MdNode) =>
    isJsx(box, "Expandable")
      ? readOptionsBox(stringValue(attribute(box, "title")), box.children ?? [])
      : undefined;
  if (node.type !== "paragraph") {
    const values = read(node);
    return values === undefined ? undefined : { values, rest: undefined };
  }
  const children = node.children ?? [];
  const at = children.findIndex((c) => read(c) !== undefined);
  if (at < 0) return undefined;
  const others = children.filter((_, i) => i !== at);
  const empty = others.every((c) => c.type === "text" && (c.value ?? "").trim() === "");
  return {
    values: read(children[at] as MdNode) as string[],
    rest: empty ? undefined : { ...node, children: others },
  };
}

/** Fields inside an `<Expandable>` (or a prose component inside a field), at any depth. */
function collectNested(children: MdNode[] | undefined, nested: MdNode[], depth: number): void {
  if (depth > 64) return;
  for (const child of children ?? []) {
    if (isFieldElement(child)) nested.push(child);
    else if (isJsx(child) || child.type === "paragraph")
      collectNested(child.children, nested, depth + 1);
  }
}

function readAttributes(node: MdNode, field: Field, ctx: Context): void {
  const line = field.line;
  const type = attribute(node, "type");
  if (type !== undefined) {
    // `string | header`: the location pill a copy glued onto the type; where the field goes.
    const glued = /^(.*?)\s*\|\s*(header|query|cookie)\s*$/i.exec(stringValue(type) ?? "");
    if (glued !== null) field.location = (glued[2] as string).toLowerCase();
    const text = glued === null ? stringValue(type) : (glued[1] as string);
    const literals = text === undefined ? undefined : (literalUnion(text, 1) ?? wordUnion(text));
    const read = text === undefined || literals ? undefined : readTypeAttribute(text);
    if (literals !== undefined) {
      field.schema = { type: "string" };
      field.options = { values: literals, line };
    } else if (read?.kind === "type") {
      field.schema = read.schema;
      field.named = read.named;
    } else if (text?.trim().toLowerCase() === field.name.toLowerCase()) {
      // `<ParamField body="address" type="address">`: the name again where the type goes, so
      // no type is stated (a copy-paste slip, not a type to refuse).
      note(ctx, line, `a type for ${field.name} (its name was written in the type's place)`, text);
    } else {
      const reason = read?.kind === "invalid" ? ` (${read.reason})` : "";
      fail(
        ctx,
        line,
        `a type Mintlify writes (string, integer<int64>, object[], enum<string>...) for ${field.name}${reason}`,
        describe("type", type),
      );
    }
  }
  field.required = flag(node, "required", field, ctx);
  field.deprecated = flag(node, "deprecated", field, ctx);
  // `<ResponseField name="x" type="string" nullable />`: null is a value too.
  if (attribute(node, "nullable")?.kind === "flag") allowNull(field.schema);
  // A pill of values (`post={["eip712|eip191"]}`): the values the field takes.
  const values = pills(node).find((pill) => /^[\w.-]+(?:\s*\|\s*[\w.-]+)+$/.test(pill));
  if (values !== undefined && field.options === undefined)
    field.options = { values: values.split("|").map((v) => v.trim()), line };
  const fallback = attribute(node, "default") ?? attribute(node, "defaultValue");
  if (fallback !== undefined && fallback.kind !== "flag") field.defaultText = fallback.text;
  const example = attribute(node, "example") ?? attribute(node, "initialValue");
  if (example !== undefined && example.kind !== "flag")
    field.example = { value: exampleValue(example, field) };
  for (const key of [...NUMERIC, ...NUMERIC_MORE]) {
    const value = attribute(node, key);
    if (value === undefined) continue;
    const text = value.kind === "flag" ? "" : value.text.trim();
    const number = Number(text);
    if (text === "" || !Number.isFinite(number))
      fail(ctx, line, `a number for ${key} on ${field.name}`, describe(key, value));
    else field.constraints[key] = number;
  }
  const pattern = stringValue(attribute(node, "pattern"));
  if (pattern !== undefined) field.constraints.pattern = pattern;
  // `format="datetime"`: the format as an attribute of its own, in OpenAPI's spelling.
  // (On a string, or a list's string items: `integer` + `timestamp` is seconds, no date-time.)
  const format = stringValue(attribute(node, "format"))?.trim();
  if (format !== undefined && /^[a-z][\w-]*$/i.test(format) && field.schema.format === undefined) {
    const spelled = FORMAT_SPELLINGS[format.toLowerCase()] ?? format;
    const items = field.schema.items as Field["schema"] | undefined;
    if (field.schema.type === "string") field.schema = { ...field.schema, format: spelled };
    else if (
      field.schema.type === "array" &&
      items?.type === "string" &&
      items.format === undefined
    )
      field.schema = { ...field.schema, items: { ...items, format: spelled } };
  }
}

// Formats written as other tools spell them, in OpenAPI's spelling.
const FORMAT_SPELLINGS: Record<string, string> = {
  datetime: "date-time",
  date_time: "date-time",
  timestamp: "date-time",
  url: "uri",
};

function flag(node: MdNode, key: string, field: Field, ctx: Context): boolean {
  const value = attribute(node, key);
  const read = booleanValue(value);
  if (read === "invalid") {
    fail(
      ctx,
      field.line,
      `${key}, ${key}={true} or ${key}={false} on ${field.name}`,
      describe(key, value as AttributeValue),
    );
    return false;
  }
  return read === true;
}

/** An example as typed: `{10}` and `{true}` are values; quoted text is text unless the field is not a string. */
function exampleValue(value: AttributeValue, field: Field): unknown {
  if (value.kind === "flag") return true;
  const parsed = parseJson(value.text);
  if (value.kind === "expression") return parsed.ok ? parsed.value : value.text;
  const types = typesOf(field.schema);
  return parsed.ok &&
    !types.includes("string") &&
    types.length > 0 &&
    typeof parsed.value !== "string"
    ? parsed.value
    : value.text;
}

function attributesText(node: MdNode): string {
  const parts = (node.attributes ?? []).map((a) => {
    const value = a.name === undefined ? undefined : attribute(node, a.name);
    return value === undefined || a.name === undefined ? "{...}" : describe(a.name, value);
  });
  return `<${node.name ?? ""} ${parts.join(" ")}>`.replace(" >", ">");
}

/** True for a paragraph holding one-line field elements. */
export function hasInlineField(paragraph: MdNode): boolean {
  return (paragraph.children ?? []).some((c) => isFieldElement(c));
}
