import { isConstraintLine, readConstraint } from "../mintlify-page/field-parts.ts";
import { type Context, fail, note } from "../model/context.ts";
import { type Field, newField } from "../model/field.ts";
import { englishTypeWords } from "../model/type-words.ts";
import { type FieldGroup, LOCATIONS, type Location, sectionLocation } from "./fields.ts";
import { carriesSecret } from "./header-values.ts";
import { readLimitsCell } from "./limits-cell.ts";
import { codeValue, inlineMarkdown, plainText } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";
import { literalUnion, readTypeAttribute } from "./type-attr.ts";

/**
 * Hand-written reference pages (no `<ParamField>`) list their fields in markdown tables:
 * `| Parameter | Type | Required | Description |`. A table is a field table when its header has a
 * name column and at least one of type / required / description; each column is found by its
 * header, in any order, so `| Name | Required | Type | Default | Description |` reads as well.
 */

type Role =
  | "name"
  | "type"
  | "required"
  | "optional"
  | "description"
  | "default"
  | "location"
  | "range"
  | "limits"
  | "example";

const ROLES: [RegExp, Role][] = [
  [
    /^(?:parameters?|params?|(?:field|property|parameter|param|attribute|header|key|argument)(?: name)?|name|fields?|properties|property|attributes?|keys?|headers?|arguments?|参数名?|字段名?|名称|属性|参数名称|头|请求头|поле|параметр|название|имя|заголовок|encabezado|cabe[çc]alho|en-t[êe]te|campo|par[áâa]metro|nombre|nome|champ|param[èe]tre|feld|フィールド|パラメータ(?:名)?|項目|매개변수|필드|파라미터|이름)$/,
    "name",
  ],
  [
    /^(?:types?|data ?types?|value types?|类型|数据类型|参数类型|тип|tipo|typ|型|タイプ|유형|타입|형식)$/,
    "type",
  ],
  [
    /^(?:required\??|mandatory|必填|必需|是否必填|是否必需|是否必须|必选|是否必选|обязательн(?:ое|ый|о)|requerido|obligatorio|obrigat[óo]rio|obligatoire|erforderlich|pflicht(?:feld)?|必須|필수)$/,
    "required",
  ],
  [/^(?:optional\??)$/, "optional"],
  [
    /^(?:description|desc|details|notes?|meaning|comments?|(?:parameter|field) description|描述|说明|含义|备注|参数说明|参数描述|作用|用途|описание|descripci[óo]n|descri[çc][ãa]o|significado|beschreibung|説明|설명)$/,
    "description",
  ],
  [
    /^(?:default(?: value)?|默认值?|по умолчанию|predeterminado|padr[ãa]o|par d[ée]faut|デフォルト(?:値)?|기본값)$/,
    "default",
  ],
  [
    /^(?:in|location|param(?:eter)? type|request type|位置|请求类型|参数位置|local|localiza[çc][ãa]o|ubicaci[óo]n|emplacement)$/,
    "location",
  ],
  [/^(?:range|value range|取值范围|范围)$/, "range"],
  [
    /^(?:(?:default|默认值?|デフォルト)\s*[/／&]\s*(?:limits?|constraints?|限制|约束|范围|制約)|limits?|constraints?|validation|限制|约束|约束条件|制約|제약(?: 조건)?)$/,
    "limits",
  ],
  [
    /^(?:examples?|sample(?: value)?|values?|example value|示例(?:值)?|值|取值|例|値|예|예시|예제|값|значение|пример|valor|valeur|wert|beispiel|ejemplo|exemplo)$/,
    "example",
  ],
];

// A name column titled so lists headers.
const HEADER_TITLE =
  /^(?:headers?|header name|头|请求头|请求头名称|ヘッダー?|헤더|заголов(?:ок|ки)|encabezados?|cabe[çc]alhos?|en-t[êe]tes?)$/i;

/** A header cell's words without their emphasis or code marks. */
function clean(cell: string): string {
  return cell.replace(/[*_`]/g, "").trim();
}

/** The role each column plays, by its header cell; undefined when the table lists no fields. */
export function tableColumns(
  header: string[],
  firstName?: string,
): (Role | undefined)[] | undefined {
  const roles = header.map((cell) => {
    const text = clean(cell).toLowerCase();
    return ROLES.find(([pattern]) => pattern.test(text))?.[1];
  });
  const name = roles.indexOf("name");
  if (name < 0 || roles.lastIndexOf("name") !== name) return undefined;
  const more = roles.some((r) => r === "type" || r === "required" || r === "optional");
  // `| Header | Value |`: the headers every request sends, each with its value.
  const headerValues = HEADER_TITLE.test(clean(header[name] ?? "")) && roles.includes("example");
  if (more || headerValues || roles.includes("description")) return roles;
  // `| 字段 | 契约 |` over `` `requestId` ``: a name column and one of words, whatever its title.
  const codeName = firstName !== undefined && /^\s*`[A-Za-z_][\w.[\]-]*`/.test(firstName);
  return header.length === 2 && name === 0 && roles[1] === undefined && codeName
    ? ["name", "description"]
    : undefined;
}

const YES =
  /^(?:yes|y|true|required|mandatory|✅|✓|✔|✔️|☑|x|是|必填|必须|必需|必选|да|s[íi]|sim|oui|ja|はい|必須|예|필수|requerid[oa]|obligatori[oa]|obrigat[óo]ri[oa]|obligatoire|erforderlich|pflicht)$/i;
const NO =
  /^(?:no|n|false|optional|-|—|–|✗|✘|❌|否|可选|非必填|нет|n[ãa]o|non|nein|いいえ|任意|아니요|아니오|선택|opcional|optionnel(?:le)?|facultati(?:f|ve))$/i;
// No default: a dash, "n/a", or `null` / `None` in a table whose field is not nullable.
const NONE =
  /^(?:-|—|–|n\/a|null|none|no limit|unlimited|not set|без лимита|не задано|нет|无|不限|sin límite|sem limite|)$/i;
// `### Required` (`### Обязательные`) over a table with no Required column: every row is.
const REQUIRED_HEADING =
  /^(?:(?:campos|champs|felder|par[áâa]metros|param[èe]tres)\s+)?(?:required|mandatory|обязательные|必填|必需|obligatori[oa]s|obligatoires|obrigat[óo]rios|erforderliche)(?:\s+(?:parameters|params|fields|headers|параметры|参数|字段))?$/i;

/** The fields of a field table, one group per row; undefined when it is not a field table. */
export function readFieldTable(
  table: MdNode,
  tree: Tree,
  ctx: Context,
  section: string | undefined,
  outer?: string,
): FieldGroup[] | undefined {
  const [head, ...rows] = table.children ?? [];
  const titles = (head?.children ?? []).map((cell) => plainText(cell.children));
  const firstCell = rows[0]?.children?.[0]?.children?.[0];
  const firstName = firstCell?.type === "inlineCode" ? `\`${firstCell.value}\`` : undefined;
  const roles = tableColumns(titles, firstName);
  if (roles === undefined) return undefined;
  // Rows named `0`, `1`, `2` under a heading that names a field (`… the property \`kind\``): the
  // values it takes (see readValueTable), which no field is named.
  if (numericRows(rows, roles.indexOf("name")) && titledBy(section, "", true) !== undefined)
    return undefined;
  // `| Header | Type | Description |`: the name column's title says the rows are headers.
  const headers = HEADER_TITLE.test(clean(titles[roles.indexOf("name")] ?? ""));
  // A sub-heading that says nothing of where its table goes (`### 行对象字段`) is under the
  // section over it (`## 响应字段说明`).
  const silent =
    sectionLocation(section) === undefined && !/request|body|param/i.test(section ?? "");
  const notRequest = !/request|solicitud|requisi/i.test(section ?? "");
  // `### Body` / `### Headers` under the response's own heading (`## Successful response`),
  // not one that mentions results (`## Filtering results`), where they are the request's.
  const ofResponse = RESPONSE_HEADING.test((outer ?? "").trim()) && notRequest;
  const bodyOnly = /^(?:body|cuerpo|corpo|corps|正文)$/i.test((section ?? "").trim());
  if (ofResponse && (headers || sectionLocation(section) === "header")) {
    note(
      ctx,
      lineOf(table, tree),
      "a table of request fields",
      "the response's headers (left out)",
    );
    return [];
  }
  const response =
    RESPONSE_SECTION.test(section ?? "") ||
    (silent && RESPONSE_SECTION.test(outer ?? "")) ||
    (bodyOnly && ofResponse);
  // The groups' section says what they are of: the response's `Body` is the response's.
  const part = bodyOnly && ofResponse ? outer : section;
  const kind: FieldGroup["kind"] = response ? "response" : "param";
  const groups: FieldGroup[] = [];
  // The rows above that an indented row may belong to, each with its name's indentation.
  const open: { indent: number; field: Field }[] = [];
  const seen = new Set<string>();
  let dotted = false;
  for (const row of rows) {
    const cells = row.children ?? [];
    const cell = (role: Role): MdNode | undefined => cells[roles.indexOf(role)];
    const text = (role: Role): string | undefined => {
      const found = roles.includes(role) ? cell(role) : undefined;
      return found === undefined ? undefined : plainText(found.children).trim();
    };
    const line = lineOf(row, tree);
    const lead = cell("name")?.children?.[0];
    const indented = lead?.type === "text" ? (INDENT.exec(lead.value ?? "")?.[0].length ?? 0) : 0;
    const nameText = (text("name") ?? "").replace(INDENT, "");
    const field = readName(cell("name"), nameText, line);
    if (field === undefined) continue;
    field.typeless = !roles.includes("type");
    // `actions.id`, then `_id` again: after a child row, a name the table already listed starts
    // the fields of objects it does not name (a trigger's, an action's). They cannot be placed;
    // the top-level fields above are whole, so the rest is left out and said.
    if (dotted && indented === 0 && seen.has(field.name)) {
      note(ctx, line, "a name not listed before in this table (the rest is left out)", field.name);
      break;
    }
    dotted ||= field.name.includes(".");
    seen.add(field.name);
    let marked = field.required;
    const typeText = text("type");
    if (typeText !== undefined && typeText !== "")
      marked =
        readType(
          typeText,
          field,
          ctx,
          cell("type")?.children?.some((c) => c.type === "link"),
        ) || marked;
    // `[CoreAccountLocation](/data-types/core-objects)`: a link to a model's own page, an object.
    const linked = linkedModel(cell("type"));
    if (linked !== undefined && Object.keys(field.schema).length === 0) field.schema = linked;
    else if (linked?.type === "array" && JSON.stringify(field.schema.items) === "{}")
      field.schema = linked;
    const required = text("required");
    const optional = text("optional");
    const headerValues = headers && roles.includes("example") && !roles.includes("type");
    // `*(optional)* A unique key…`, `Optional. A key…`, `` `uuid` (optional) ``: the cell marks
    // a header not every request sends; what is left says what it is, or (in code) its value.
    const valueCell = headerValues ? inlineMarkdown(cell("example")?.children ?? []) : "";
    const optionalMark = OPTIONAL_MARK.test(valueCell);
    const left = optionalMark ? valueCell.replace(OPTIONAL_MARK, "").trim() : "";
    // An empty cell (beside rows marked ✅) says nothing more: only what the name's mark says.
    const blank = required !== undefined && required.trim() === "";
    if (required !== undefined && !blank)
      marked = when(yesNo(required, field, ctx, "required"), false) ?? marked;
    else if (blank) marked ||= false;
    else if (optional !== undefined)
      marked = !(when(yesNo(optional, field, ctx, "optional"), true) ?? !marked);
    else if (REQUIRED_HEADING.test((section ?? "").trim().replace(/^\d+(?:\.\d+)*\.?\s+/, "")))
      marked = true;
    // `| Header | Value |`: what every request sends, but one the cell says is optional
    // (`*(optional)* A unique key…`), whose cell then says what it is, no value.
    else if (headerValues) marked = !optionalMark;
    const description = cell("description");
    if (description !== undefined) {
      const words = inlineMarkdown(description.children);
      // `Required range: \`1 <= x <= 100\``: Mintlify's own label, written into the cell.
      // Only a cell that is the label and its value in code: `Pattern: \`^x$\` — a code` keeps
      // its words.
      const plain = /^[^:`]+:\s*`[^`]+`\s*$/.test(words) ? words.replace(/`/g, "") : "";
      const isArray = [field.schema.type].flat().includes("array");
      const limits = isConstraintLine(plain) ? readConstraint(plain, isArray) : undefined;
      if (limits !== undefined) Object.assign(field.constraints, limits);
      else if (words !== "") field.description.push(words);
      const saysRequired = limits === undefined && REQUIRED_NOTE.test(words);
      if (required === undefined && optional === undefined && saysRequired) marked = true;
    }
    field.required = marked;
    const fallback = text("default");
    // `(required)` in the Default column: no default, because the caller must send it;
    // `(end)`, `(now)`: a note on what happens, not a value.
    if (fallback !== undefined && /^\(\s*required\s*\)$/i.test(fallback)) field.required = true;
    else if (fallback !== undefined && !NONE.test(fallback) && !/^\(.*\)$/.test(fallback))
      field.defaultText = fallback;
    // `null` on a field typed `string | null`: the default is null itself.
    else if (
      /^null$/i.test(fallback ?? "") &&
      [field.schema.type].flat().includes("null") &&
      !field.required
    )
      field.defaultText = "null";
    const example = text("example");
    // (A credential's or a signature's value never goes into the spec; `Authorization`'s says
    // its scheme, `Bearer <token>`, and becomes a security scheme, its value left out.)
    const secret =
      headerValues && carriesSecret(field.name) && !/^authorization$/i.test(field.name);
    const coded = /^`[^`]+`$/.test(left);
    if (optionalMark && coded) {
      if (!secret) field.example = { value: left.slice(1, -1) };
    } else if (optionalMark && left !== "") field.description.push(left);
    else if (!optionalMark && !secret && example !== undefined && !NONE.test(example))
      field.example = { value: example };
    // A Location column says where each row goes, whatever the section says of the table
    // (`Request & Response` over rows in Path, Query, Form, File and Response).
    readRange(text("range"), field);
    const limits = cell("limits");
    if (limits !== undefined) readLimitsCell(inlineMarkdown(limits.children), field);
    const where = rowLocation(text("location") ?? field.location);
    const rowKind = where === "response" ? "response" : where === undefined ? kind : "param";
    let location: Location | undefined;
    if (rowKind === "param")
      location =
        where === undefined || where === "response"
          ? (sectionLocation(section) ?? (headers ? "header" : undefined))
          : where;
    // `&nbsp;&nbsp;id` under `docs | array`: a row indented past the one above is its child.
    while ((open.at(-1)?.indent ?? -1) >= indented) open.pop();
    const parent = open.at(-1)?.field;
    open.push({ indent: indented, field });
    if (parent !== undefined && indented > 0) {
      field.path = [...parent.path, field.name];
      // A list the page never typed the items of holds the objects its child rows describe.
      if (parent.schema.type === "array" && parent.schema.items === undefined)
        parent.schema.items = { type: "object" };
      groups.at(-1)?.fields.push(field);
      continue;
    }
    groups.push({ kind: rowKind, location, fields: [field], node: row, section: part });
    // `` `total` / `finished` ``: one row for fields that share everything but their name.
    for (const other of sharedNames(cell("name")).slice(1))
      groups.push({
        kind: rowKind,
        location,
        fields: [{ ...structuredClone(field), name: other, path: [other] }],
        node: row,
        section: part,
      });
  }
  return groups;
}

/** The names of a cell that lists several in code, joined by `/`, `,`, `&` or `or`; else []. */
function sharedNames(cell: MdNode | undefined): string[] {
  const parts = cell?.children ?? [];
  const codes = parts.filter((c) => c.type === "inlineCode").map((c) => (c.value ?? "").trim());
  const joins = parts.filter((c) => c.type !== "inlineCode");
  const joined = joins.every(
    (c) => c.type === "text" && /^\s*(?:[/,&、]|or|and|或)\s*$/i.test(c.value ?? ""),
  );
  return codes.length >= 2 && joined && codes.every((c) => /^[A-Za-z_][\w.]*$/.test(c))
    ? codes
    : [];
}

// What indents a nested row's name: non-breaking and wide spaces (`&nbsp;`, `&emsp;`, which a
// table cell keeps) and tree marks (`└`, `↳`).
const INDENT = /^[\s\u00a0\u2002\u2003\u3000└├─↳»›]+/;

/** The schema of a type cell that is one link to a model's page (then `[]` for a list of them). */
function linkedModel(cell: MdNode | undefined): Field["schema"] | undefined {
  const parts = (cell?.children ?? []).filter(
    (c) => !(c.type === "text" && (c.value ?? "").trim() === ""),
  );
  const [link, after] = parts;
  if (link?.type !== "link" || parts.length > 2) return undefined;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(plainText(link.children).trim())) return undefined;
  // Only a link to where the models live (`/data-types/…`, `#objects`); `[Currency](/currencies)`
  // may be a list of codes.
  if (!/object|model|schema|data-?types?|entit|resource/i.test(link.url ?? "")) return undefined;
  if (after === undefined) return { type: "object" };
  const list = after.type === "text" && (after.value ?? "").trim() === "[]";
  return list ? { type: "array", items: { type: "object" } } : undefined;
}

const LOCATION_WORDS: Record<string, RegExp> = {
  header:
    /^(?:cabe[çc]alho|encabezado|cabecera|en-t[êe]te|kopfzeile|请求头|头部|ヘッダー?|헤더|заголовок)$/,
  path: /^(?:caminho|ruta|chemin|pfad|路径|パス|경로|путь)$/,
  query: /^(?:consulta|requ[êe]te|查询|クエリ|쿼리|запрос)$/,
  body: /^(?:corpo|cuerpo|corps|请求体|正文|ボディ|본문|тело)$/,
};

/** A Location cell: a parameter location, the body (`Form`, `File`), or the response. */
function rowLocation(text: string | undefined): Location | "response" | undefined {
  const where = (text ?? "").replace(/[`*_]/g, "").trim().toLowerCase();
  if ((LOCATIONS as readonly string[]).includes(where)) return where as Location;
  // The location's name in the page's language (`cabeçalho`, `consulta`, 请求头, 路径).
  const named = Object.entries(LOCATION_WORDS).find(([, words]) => words.test(where))?.[0];
  if (named !== undefined) return named as Location;
  if (/^(?:form|form ?data|file|multipart|json|request body)$/.test(where)) return "body";
  if (/^(?:response|returns?|output)$/.test(where)) return "response";
  return undefined;
}

// A heading that is the response's own (`## Response`, `## 200 OK`, `## Respuesta`), not one
// that only mentions results (`## Filtering results`).
const RESPONSE_HEADING =
  /^(?:[1-5]\d\d\b.*|(?:[\p{L}-]+\s+){0,2}(?:respon[sc]es?|respuestas?|respostas?|r[ée]ponses?|antworten?)\b.*|响应.*|返回.*|レスポンス.*|응답.*|ответ.*)$/iu;

export const RESPONSE_SECTION =
  /\b(?:respon[sc]es?|returns?|returned|output|results?|respuesta|resposta|r[ée]ponse|antwort)\b|^(?:respuestas|respostas|r[ée]ponses|antworten)(?:\s+(?:de|del|da|do|des|du|der)\b.*)?$|^[1-5]\d\d\b|^(?:voorbeeld)?respons\b|返回|响应|出参|レスポンス|応答|응답|ответ/i;
// A description that opens with "Required" (or "**Required.**") marks the field required.
// So does one that opens with the word in the page's language (`必填，…`, `必須。…`).
const REQUIRED_NOTE = /^\**[(（]?(?:required\b|必填|必需|必須|필수)/i;

/** The field a name cell names: `amount`, `` `amount` *``, `amount (required)`, `customer.email`. */
function readName(cell: MdNode | undefined, text: string, line: number): Field | undefined {
  const code = (cell?.children ?? []).find((c) => c.type === "inlineCode")?.value?.trim();
  let name = code ?? text;
  let required = /\*\s*$|\(required\)|\brequired\b/i.test(text.replace(name, ""));
  // `` `task_id` (Path) ``: where the field goes, after its name.
  const location = /\((path|query|header|cookie|body)\)/i.exec(text.replace(name, ""))?.[1];
  name = name
    .replace(/\s*\((?:path|query|header|cookie|body)\)\s*$/i, "")
    .replace(/\s*\((?:required|optional)\)\s*$/i, "")
    .replace(/\s*\*\s*$/, "")
    .trim();
  if (code === undefined && /\s*\*$/.test(text)) required = true;
  // A header cell wrapped (`name<br>string`) or a sentence is no field name.
  if (name === "" || /\s/.test(name) || name.length > 100) return undefined;
  const field = newField(name, line);
  field.required = required;
  field.location = location?.toLowerCase();
  return field;
}

/** A Range column of a number (`` `-1` ~ `2147483647` ``, `1-100`): its minimum and maximum. */
function readRange(text: string | undefined, field: Field): void {
  const type = field.schema.type;
  if (text === undefined || (type !== "integer" && type !== "number")) return;
  const range = /^(-?\d+(?:\.\d+)?)\s*(?:~|to|\u2013|-|\.\.)\s*(-?\d+(?:\.\d+)?)$/.exec(
    text.replace(/`/g, "").trim(),
  );
  if (range === null) return;
  const [low, high] = [Number(range[1]), Number(range[2])];
  if (low > high) return;
  field.constraints.minimum = low;
  field.constraints.maximum = high;
}

/** The type cell; true when it also says the field is required (`string, required`). */
function readType(text: string, field: Field, ctx: Context, linked = false): boolean {
  const required = /\brequired\b/i.test(text);
  // `float (0-2)`, `integer (1..30)`: the range in the note after the type.
  const range = /\(\s*(-?\d+(?:\.\d+)?)\s*(?:\.\.|-|–|to)\s*(-?\d+(?:\.\d+)?)\s*\)$/.exec(text);
  // `string (UUID)`: a format named in the note after the type; `string (ISO 8601)` is the
  // date-time the limits column reads it as too.
  const noted =
    /\(\s*(uuid|email|uri|url|date-time|date|time|int32|int64|binary|ISO[\s-]?8601|RFC\s?3339)\s*\)$/i.exec(
      text,
    );
  const bare = englishTypeWords(text)
    .replace(/[(,]?\s*\b(?:required|optional)\b\)?/gi, "")
    .replace(/`/g, "")
    // `string (ISO 8601)`, `integer (cents)`: a note after the type.
    .replace(/\s+\([^)]*\)$/, "")
    // `[String*](…)`: a footnote's mark after a type linked to its note. (A bare `string*` may
    // mean required, as a legend says: not guessed.)
    .replace(linked ? /\s*\*+$/ : /$^/, "")
    .trim();
  if (bare === "") return required;
  // `"stock" | "etf" | "all"`: a TypeScript union of literals is an enum of strings.
  const literals = literalUnion(bare);
  if (literals !== undefined) {
    field.schema = { type: "string" };
    field.options = { values: literals, line: field.line };
    return required;
  }
  // `enum` alone: a table has no place for the options but the description's prose, so the
  // field is a string whose values the schema cannot state.
  if (/^enum$/i.test(bare)) {
    field.schema = { type: "string" };
    return required;
  }
  // `string/null`, `integer / string`, `string or string[]`: alternatives written with a slash
  // or in words.
  const slashed = /^[a-z][\w<>[\]-]*(?:(?:\s*\/\s*|\s+or\s+)[a-z][\w<>[\]-]*)+$/i.test(bare)
    ? bare.replace(/\s*\/\s*|\s+or\s+/gi, " | ")
    : bare;
  const read = readTypeAttribute(slashed);
  if (read.kind === "type") {
    field.schema = read.schema;
    field.named = read.named;
    const numeric = ["integer", "number"].some((t) => [field.schema.type].flat().includes(t));
    if (range !== null && numeric && Number(range[1]) <= Number(range[2])) {
      field.constraints.minimum = Number(range[1]);
      field.constraints.maximum = Number(range[2]);
    }
    const format = noted?.[1]
      ?.toLowerCase()
      .replace(/^url$/, "uri")
      .replace(/^(?:iso[\s-]?8601|rfc\s?3339)$/, "date-time");
    // A timestamp in seconds is no date-time string, whatever its note says.
    const fits =
      format === "date-time" ? field.schema.type === "string" : field.schema.type !== "object";
    if (format !== undefined && field.schema.format === undefined && fits)
      field.schema = { ...field.schema, format };
  } else {
    fail(
      ctx,
      field.line,
      `a type (string, integer, object[], enum<string>...) for ${field.name}`,
      text,
    );
  }
  return required;
}

/** A cell's answer, with `sometimes` (a condition) read as the column's `no` for required. */
function when(answer: boolean | "sometimes" | undefined, sometimes: boolean): boolean | undefined {
  return answer === "sometimes" ? sometimes : answer;
}

/**
 * A Required (or Optional) cell: yes, no, `sometimes` (a condition the schema cannot state,
 * which is no requirement), or undefined after reporting a cell it cannot read.
 */
function yesNo(
  text: string,
  field: Field,
  ctx: Context,
  what: string,
): boolean | "sometimes" | undefined {
  // `✅ Yes`, `❌ No`: the mark and the word say the same.
  const word = text
    .replace(/[*_`.]/g, "")
    .trim()
    .replace(/^(?:✅|✓|✔️?|☑️?|❌|✗|✖️?)\s+(?=\p{L})/u, "");
  if (YES.test(word)) return true;
  if (NO.test(word)) return false;
  // `Yes, for card payments`: a conditional requirement is no requirement the schema can state.
  // (Its words are kept out of the description, whose prose would read `One of a or b` as
  // the field's values.)
  if (/^yes\b/i.test(word)) return "sometimes";
  // `Conditional*`, `Condicional`, `Depends`: required only sometimes, which a schema cannot say.
  // So too `See note` / `见说明` (the note says which of several is needed), `条件必填`, and a
  // condition said outright: `One of to or contact`, `When the template has tags`.
  if (/^no\b/i.test(word)) return false;
  if (/^condi[ct]ional|^depends|^depende|^see\b|^见|^參見|^参见|^条件|^條件|^視|^视/i.test(word))
    return "sometimes";
  if (
    /^(?:one of|either|when|if|unless|only (?:if|when|for)|required (?:if|when|for)|cuando|si|wenn|falls)\b/i.test(
      word,
    ) ||
    // `Mode 1/2`, `For refunds`: required in the cases it names.
    /^(?:for|in|with|on|per|mode|modes|type|kind|plan|tier|case|option|variant|version)\s+\S/i.test(
      word,
    )
  )
    return "sometimes";
  // `Recommended`: the API works without it, so it is not required.
  if (/^(?:recommended|suggested|preferred|advised)$/i.test(word)) return false;
  fail(ctx, field.line, `yes or no in the ${what} column for ${field.name}`, text);
  return undefined;
}

// `(optional) A unique key…` in a header's Value cell.
const OPTIONAL_MARK =
  /^[*_]*\(\s*optional\s*\)[*_]*\s*(?:[—–:-]\s*)?|^[*_]*optional[*_]*\s*(?:[.:,—–-]\s*|$)|\s*[*_]*\(\s*optional\s*\)[*_]*\s*$/i;

/** The values a table lists for one field, as written. */
export interface ValueTable {
  name: string;
  values: string[];
  line: number;
  /**
   * The anchor of the heading over a table that names its field only in plain words
   * (`| Status | Meaning |` under `## Status values`): it applies only to a field whose
   * description links there (`see [Status values](#status-values)`).
   */
  linkedFrom?: string | undefined;
}

// The first column's title names the field in parentheses or code: `状态(status)`, `` `status` ``.
const VALUES_OF = /^(?:[^(（`]*[(（]\s*`?([A-Za-z_][\w]*)`?\s*[)）]|`([A-Za-z_][\w]*)`)$/;

// `| 状态 | 含义 |`: the field a value table is of, named in the page's language; a field of that
// name must still be on the page (the values go to the one top-level field so named).
const TRANSLATED_NAMES: Record<string, string> = {
  状态: "status",
  狀態: "status",
  任务状态: "status",
  ステータス: "status",
  상태: "status",
  事件: "event",
  事件类型: "event",
  イベント: "event",
};

/**
 * `| 状态(status) | 描述 |` over rows `| 1 | 成功 |`: the values one field takes, each with what
 * it means; undefined for any other table.
 */
export function readValueTable(
  table: MdNode,
  tree: Tree,
  heading?: string,
): ValueTable | undefined {
  const [head, ...rows] = table.children ?? [];
  const titles = (head?.children ?? []).map((cell) => plainText(cell.children));
  if (titles.length < 2 || rows.length < 2) return undefined;
  // `### Status values` over `| Status | Meaning | Is it an error? |`: the heading names the field.
  const headed = titledBy(heading, titles[0] ?? "", numericRows(rows, 0));
  if (headed !== undefined) {
    const values = rows.map((row) => codeValue(row.children?.[0]));
    if (values.every((v): v is string => v !== undefined))
      return { name: headed, values, line: lineOf(table, tree) };
  }
  if (titles.length !== 2) return undefined;
  // The markdown parser has taken the backticks off `` `event` ``: a cell that is one code span.
  const first = head?.children?.[0]?.children ?? [];
  const coded = first.length === 1 && first[0]?.type === "inlineCode" ? first[0].value : undefined;
  const match = VALUES_OF.exec(titles[0] ?? "");
  const name =
    match?.[1] ??
    match?.[2] ??
    (coded !== undefined && /^[A-Za-z_]\w*$/.test(coded) ? coded : undefined) ??
    TRANSLATED_NAMES[clean(titles[0] ?? "")];
  const plain = clean(titles[0] ?? "");
  const linkedFrom =
    name === undefined && heading !== undefined && /^[A-Za-z_]\w*$/.test(plain)
      ? `#${anchorOf(heading)}`
      : undefined;
  if (name === undefined && linkedFrom === undefined) return undefined;
  const values = rows.map((row) => plainText(row.children?.[0]?.children).replace(/`/g, ""));
  if (!values.every((v) => /^[\w.:-]+$/.test(v))) return undefined;
  return { name: name ?? plain, values, line: lineOf(table, tree), linkedFrom };
}

/** True when every row's cell in column `at` is a whole number in code (`0`, `1`, `2`). */
function numericRows(rows: MdNode[], at: number): boolean {
  const cells = rows.map((row) => codeValue(row.children?.[at]));
  return rows.length >= 2 && cells.every((cell) => cell !== undefined && /^-?\d+$/.test(cell));
}

/**
 * `Status values` over a `Status` column: the field's name, as the column writes it. Or a
 * heading that names the field whatever the column says: `Values of the property \`kind\``,
 * or `… related to the property \`kind\`` over rows numbered `0`, `1`, `2`.
 */
function titledBy(
  heading: string | undefined,
  title: string,
  numeric: boolean,
): string | undefined {
  // (`the property ****\`type\`**:**`: emphasis marks the markdown left unpaired.)
  const text = heading?.replace(/\*+/g, "").trim() ?? "";
  const named =
    /\b(?:the )?(?:property|field|parameter|attribute)\s+`?([A-Za-z_]\w*)`?\s*:?$/i.exec(text)?.[1];
  // Values said so (`Values of the property \`kind\``); or rows numbered `0`, `1` under a
  // heading that relates them to the property (not `Status codes returned for …`).
  const said = /\b(?:values?|options|enum)\b/i.test(text);
  const related =
    /\b(?:related|meanings?)\b/i.test(text) && !/\b(?:status|errors?|codes?)\b/i.test(text);
  if (named !== undefined && (said || (numeric && related))) return named;
  const word = /^(?:possible |allowed |valid )?([A-Za-z_]\w*)\s+(?:values|options|enum)$/i.exec(
    text,
  )?.[1];
  return word !== undefined && word.toLowerCase() === clean(title).toLowerCase() ? word : undefined;
}

/** The anchor Mintlify gives a heading: `Status values` → `status-values`. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s+/g, "-");
}
