import { type Field, newField } from "../model/field.ts";
import type { FieldGroup } from "./fields.ts";
import { inlineMarkdown, plainText } from "./prose.ts";
import { isFieldElement, isJsx, type MdNode } from "./tree.ts";

// Where a hand-written page puts a field's children apart from the field: a table under a
// heading or sentence that names the object, an `<Expandable>` beside the field.

/**
 * The field an `<Expandable>` right after a field element unfolds, when its title names that
 * field (`Data fields` after `data`).
 */
export function besideField(
  node: MdNode,
  previous: MdNode | undefined,
  title: string | undefined,
  before: FieldGroup[],
): string | undefined {
  if (!isJsx(node, "Expandable") || previous === undefined || !isFieldElement(previous))
    return undefined;
  const name = before.at(-1)?.fields[0]?.name;
  if (name === undefined || title === undefined) return undefined;
  const words = title.toLowerCase().split(/[^\w$-]+/);
  return words.includes(name.toLowerCase()) ? name : undefined;
}

/** A paragraph that introduces values, not fields (`The \`status\` is one of:`). */
export function listsValues(node: MdNode | undefined): boolean {
  if (node?.type !== "paragraph") return false;
  return /\b(?:one of|values?|options?|either)\b[^.]*:\s*$/i.test(plainText(node.children));
}

// `The \`pagination\` object in every response holds:`: a sentence that opens an object's fields.
const OBJECT_LEAD =
  /^(?:the|each|every|an?)\s+`[A-Za-z_$][\w.$-]*`\s+(?:object|对象)\b[^.]*\b(?:holds|includes|contains|has|fields|properties|attributes)\b[^.]*:$/i;

/** The field a paragraph names as an object whose fields the table under it lists. */
export function objectNamed(node: MdNode | undefined): string | undefined {
  if (node?.type !== "paragraph") return undefined;
  const text = inlineMarkdown(node.children).trim();
  if (text.length > 160 || !OBJECT_LEAD.test(text)) return undefined;
  return (node.children ?? []).find((c) => c.type === "inlineCode")?.value?.trim();
}

/**
 * The table's rows as children of the field `parent` names, when that field came earlier in the
 * same kind of list with an object type (`data | object` in the response, then a table under
 * `Response \`data\` Object`); the rows as they are with no parent, undefined when there is one
 * but no such field.
 */
export function nestUnder(
  before: FieldGroup[],
  groups: FieldGroup[],
  parent: string | undefined,
): FieldGroup[] | undefined {
  const kind = groups[0]?.kind;
  if (parent === undefined || kind === undefined) return groups;
  // `### Object \`data.campaign\``: a field of an object the page lists (`data`), which the
  // page itself never lists; it is made up here as an object, each level of it.
  const [head = parent, ...deeper] = /^[\w-]+(?:\.[\w-]+)+$/.test(parent)
    ? parent.split(".")
    : [parent];
  const owner = [...before]
    .reverse()
    .find((g) => g.kind === kind && g.fields[0]?.path.length === 1 && g.fields[0].name === head)
    ?.fields[0];
  if (owner === undefined) return undefined;
  // A list the page never typed the items of (`data | array`) holds the objects listed for it.
  if (owner.schema.type === "array" && owner.schema.items === undefined)
    owner.schema.items = { type: "object" };
  if (!(holdsObjects(owner.schema) || holdsNamedObjects(owner))) return undefined;
  const prefix = [head, ...deeper];
  const line = groups[0]?.fields[0]?.line ?? owner.line;
  const levels = deeper.map((name, i) => {
    const level = newField(name, line, prefix.slice(0, i + 2));
    level.schema = { type: "object" };
    return level;
  });
  return groups.map((g, i) => ({
    ...g,
    fields: [
      ...(i === 0 ? levels : []),
      ...g.fields.map((f) => ({ ...f, path: [...prefix, ...f.path] })),
    ],
  }));
}

// `### Result object fields`, `### 结果对象字段`: a heading over the fields of an object it names
// in words, not in code.
const OBJECT_HEADING = /\bobjects?\b|对象|オブジェクト|객체|개체|\bobjeto\b|\bobjet\b|объект/i;

// A heading that names a part of the operation: its tables are that part's.
export const PART_WORDS =
  /\b(?:request|response|returns?|body|param(?:eter)?s?|query|headers?|respuesta|resposta|r[ée]ponse|par[áâa]metros|param[èe]tres|cuerpo|corpo)\b|^(?:solicitud|requisi[çc][ãa]o|requ[êe]te|respuestas|respostas|r[ée]ponses)$|\b(?:de la solicitud|da requisi[çc][ãa]o|de la requ[êe]te)\b|请求|响应|返回|응답|요청|ответ|запрос|リクエスト|レスポンス/i;

// Words of an object heading that name no field: the payload itself, or the heading's own.
const GENERIC = new Set([
  ...["the", "field", "fields", "properties", "attributes", "response", "request", "body"],
  ...["payload", "event", "webhook", "root", "main", "top", "level", "json"],
]);

/** The Latin-letter words of a heading that may name a field (`End User Object` → end, user). */
export function headingWords(heading: string): string[] {
  return heading
    .toLowerCase()
    .replace(new RegExp(OBJECT_HEADING.source, "gi"), " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !GENERIC.has(w));
}

/** True when an object heading names something in words (`Recipient Object`), not the payload. */
export function namesObject(section: string | undefined): boolean {
  return isObjectHeading(section) && headingWords(section as string).length > 0;
}

/** `### Result object`, `## 结果对象字段`: a heading over an object's fields. */
export function isObjectHeading(section: string | undefined): boolean {
  return section !== undefined && OBJECT_HEADING.test(section);
}

/**
 * The field the rows under a heading belong to: the one earlier field whose type the heading
 * names (`Line attributes (OrderLine)`); else, under an object heading or when the rows repeat
 * names already listed, the one earlier field of the same kind that holds objects (a list whose
 * items the page never typed counts, and becomes a list of objects) and that the heading may
 * name. None, or several, and the heading says too little.
 */
export function headingObject(
  section: string | undefined,
  before: FieldGroup[],
  groups: FieldGroup[],
  shown: unknown[] = [],
): string | undefined {
  if (section === undefined || groups.length === 0) return undefined;
  // A heading that names a field's type (`Line attributes (OrderLine)` for `lines: OrderLine ·
  // object[]`) says whose fields these are, wherever the table would otherwise go.
  const said = new Set(section.toLowerCase().split(/[^a-z0-9_]+/));
  const typed = before.filter((g) => {
    const f = g.fields[0];
    return f?.path.length === 1 && f.named.some((n) => said.has(n.name.toLowerCase()));
  });
  const named = typed.length === 1 ? typed[0] : undefined;
  // Across parts only when the heading names neither (`Line attributes (OrderLine)`):
  // `Returns an Order object` is the response's, whatever the request holds.
  const partless = !PART_WORDS.test(section);
  const sameKind = named?.kind === groups[0]?.kind;
  if (
    named !== undefined &&
    holdsNamedObjects(named.fields[0] as Field) &&
    (partless || sameKind)
  ) {
    for (const g of groups) Object.assign(g, { kind: named.kind, location: named.location });
    return named.fields[0]?.name;
  }
  const kind = groups[0]?.kind;
  const same = before.filter((g) => g.kind === kind && g.fields[0]?.path.length === 1);
  // Only where the heading speaks of an object, or the rows could not be top-level fields
  // (`max_tokens` again under `### Reasoning parameters`).
  const names = new Set(same.map((g) => g.fields[0]?.name));
  const collides = groups.some((g) => names.has(g.fields[0]?.name));
  if (!OBJECT_HEADING.test(section) && !collides) return undefined;
  const untyped = (f: Field) => f.schema.type === "array" && f.schema.items === undefined;
  // A clash alone needs the heading's own words to name the owner (`### 失败` under the
  // response names nothing); an object heading in a script without Latin letters may not.
  const freePass = OBJECT_HEADING.test(section);
  const owners = same.filter((g) => {
    const f = g.fields[0] as Field;
    const holds = holdsObjects(f.schema) || untyped(f) || holdsNamedObjects(f);
    return holds && mayName(section, f, freePass);
  });
  const owner =
    owners.length === 1
      ? owners[0]?.fields[0]
      : (inTurn(section, owners, before) ?? shownOwner(same, groups, freePass, shown));
  if (owner === undefined) return undefined;
  if (untyped(owner)) owner.schema.items = { type: "object" };
  return owner.name;
}

/**
 * `### Contact Object` over `id`, `email`…, where no field is named for contacts but the page's
 * example shows them: `{"data": [{"id": …, "email": …}], "nextCursor": …}`. The one field whose
 * example value (an object, or a list's first item) holds every one of these names, which the
 * example's top level does not, owns them. Only under a heading that speaks of an object.
 */
function shownOwner(
  same: FieldGroup[],
  groups: FieldGroup[],
  objectHeading: boolean,
  shown: unknown[],
): Field | undefined {
  if (!objectHeading) return undefined;
  const names = groups.map((g) => g.fields[0]?.name ?? "");
  const found = new Set<Field>();
  for (const value of shown) {
    if (!isRecord(value) || names.some((n) => Object.hasOwn(value, n))) continue;
    for (const g of same) {
      const field = g.fields[0] as Field;
      const held = value[field.name];
      const item = Array.isArray(held) ? held[0] : held;
      if (isRecord(item) && names.every((n) => Object.hasOwn(item, n))) found.add(field);
    }
  }
  const [owner, ...more] = found;
  if (owner === undefined || more.length > 0) return undefined;
  const type = owner.schema.type;
  if (type === "array" && owner.schema.items === undefined) owner.schema.items = { type: "object" };
  return type === undefined || type === "object" || type === "array" ? owner : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * `### 모델 객체`, `### 제한 개체` after a table listing `models`, `restrictions`, `filters`: object
 * headings in a script the field names are not written in, one per object, in the order the table
 * lists them. The first of them whose fields are not listed yet is the one.
 */
function inTurn(heading: string, owners: FieldGroup[], before: FieldGroup[]): Field | undefined {
  if (/[A-Za-z]/.test(heading.replace(new RegExp(OBJECT_HEADING.source, "gi"), "")))
    return undefined;
  const listed = (name: string) =>
    before.some((g) => g.fields.some((f) => f.path.length > 1 && f.path[0] === name));
  return owners.find((g) => g.fields.length === 1 && !listed(g.fields[0]?.name ?? ""))?.fields[0];
}

/**
 * Whether a heading may name the field: its words (`Result object`) include the name or its type's,
 * singular or plural; a heading with no words in Latin letters to tell (`结果对象字段`) may when
 * `freePass` says so.
 */
function mayName(heading: string, field: Field, freePass = true): boolean {
  const latin = /[A-Za-z]/.test(heading.replace(new RegExp(OBJECT_HEADING.source, "gi"), ""));
  if (!latin) return freePass;
  const words = headingWords(heading);
  if (words.length === 0) return false;
  const forms = (w: string) => [w, `${w}s`, w.replace(/s$/, "")];
  const said = new Set([...words, words.join("")].flatMap(forms));
  // The field's name (`end_user` for `End User Object`), or the name of its type
  // (`Item Attributes (JurisdictionsMetrics)` for `items: JurisdictionsMetrics · object[]`).
  const names = [field.name, ...field.named.map((n) => n.name)];
  return names.some((n) => said.has(n.toLowerCase().replace(/[_-]+/g, "")));
}

/** An object, or a list of objects: a schema whose fields a page can list apart from it. */
export function holdsObjects(schema: Field["schema"]): boolean {
  const items = schema.items as Field["schema"] | undefined;
  return schema.type === "object" || (schema.type === "array" && items?.type === "object");
}

/** A field typed as a named object, or a list of them (`Order · object[]`). */
function holdsNamedObjects(field: Field): boolean {
  const items = field.schema.items as Field["schema"] | undefined;
  const ref = (field.schema.$ref ?? items?.$ref) as string | undefined;
  const name = ref?.split("/").at(-1);
  return field.named.some((n) => n.name === name && n.schema.type === "object");
}
