// `<Tabs>` whose tabs show the same request (or response) in variants (`Full refund`, `Partial
// refund`), each listing its fields: one set of fields, the union of the tabs'. A field is
// required only where every tab lists it as required; one that a tab leaves out is optional.
import { attribute, stringValue } from "./attributes.ts";
import type { FieldGroup } from "./fields.ts";
import { isJsx, type MdNode } from "./tree.ts";

// A tab title that says where its fields go: a status (`Created (201)`, `Error`), the request
// or the response, a media type. Such tabs are parts, not variants of one payload.
const DESTINATION =
  /\b[1-5](?:\d\d|XX)\b|\b(?:success(?:ful)?|errors?|fail(?:ed|ure)?|request|response|body|json|form|multipart|xml|query|path|headers?|respuesta|solicitud|resposta|requisi[çc][ãa]o|r[ée]ponse|requ[êe]te)\b|\/|请求|响应|返回|错误|成功/i;

/** True for `<Tabs>` of titled tabs none of which says where its fields go. */
export function isVariantTabs(node: MdNode): boolean {
  if (!isJsx(node, "Tabs")) return false;
  const tabs = (node.children ?? []).filter((c) => isJsx(c, "Tab"));
  const titles = tabs.map((tab) => stringValue(attribute(tab, "title")) ?? "");
  return tabs.length >= 2 && titles.every((t) => t !== "" && !DESTINATION.test(t));
}

/**
 * The groups of each tab, in tab order, as one list. Tabs that share no top-level field are
 * not variants of one payload (a tab per part): their groups are kept as they are.
 */
export function mergeVariants(tabs: FieldGroup[][]): FieldGroup[] {
  const listed = tabs.filter((groups) => groups.length > 0);
  const keysOf = (groups: FieldGroup[]) => new Set(groups.map(keyOf).filter((k) => k !== ""));
  const keySets = listed.map(keysOf);
  const shared = keySets.some((keys, i) =>
    [...keys].some((k) => keySets.some((other, j) => j !== i && other.has(k))),
  );
  if (listed.length < 2 || !shared || disagree(listed)) return listed.flat();
  const merged: FieldGroup[] = [];
  const byKey = new Map<string, FieldGroup>();
  for (const groups of listed)
    for (const group of groups) {
      const key = keyOf(group);
      if (key === "") {
        merged.push(group);
        continue;
      }
      const first = byKey.get(key);
      const field = group.fields[0];
      if (first === undefined) {
        byKey.set(key, group);
        merged.push(group);
      } else if (first.fields[0] !== undefined && field !== undefined && !field.required)
        first.fields[0].required = false;
    }
  // A field some tab leaves out is not required of every request.
  for (const [key, group] of byKey)
    if (keySets.some((keys) => !keys.has(key)) && group.fields[0] !== undefined)
      group.fields[0].required = false;
  return merged;
}

/**
 * True when a field two tabs share differs in its type or its children (`source` an object of
 * `card_ref` in one tab, a string in another): no one field stands for both, so the tabs are
 * left as they are (and the name listed twice is reported).
 */
function disagree(tabs: FieldGroup[][]): boolean {
  const shapes = new Map<string, string>();
  for (const group of tabs.flat()) {
    const key = keyOf(group);
    if (key === "") continue;
    const shape = JSON.stringify([
      group.fields[0]?.schema.type,
      group.fields.slice(1).map((f) => [f.path.join("."), f.schema.type]),
    ]);
    if ((shapes.get(key) ?? shape) !== shape) return true;
    shapes.set(key, shape);
  }
  return false;
}

/** `param:body:amount` for a top-level field; "" for a group with none. */
function keyOf(group: FieldGroup): string {
  const field = group.fields[0];
  if (field === undefined || field.path.length !== 1) return "";
  return `${group.kind}:${group.location ?? ""}:${field.name}`;
}
