// `<Tabs>` whose tabs show the same request (or response) in variants (`Full refund`, `Partial
// refund`), each listing its fields: one set of fields, the union of the tabs'. A field is
// required only where every tab lists it as required; one that a tab leaves out is optional.
import { attribute, stringValue } from "./attributes.ts";
import type { FieldGroup } from "./fields.ts";
import { isJsx, type MdNode } from "./tree.ts";

/** True for `<Tabs>` of titled tabs none of which names a status code (`200`, `4XX`). */
export function isVariantTabs(node: MdNode): boolean {
  if (!isJsx(node, "Tabs")) return false;
  const tabs = (node.children ?? []).filter((c) => isJsx(c, "Tab"));
  const titles = tabs.map((tab) => stringValue(attribute(tab, "title")) ?? "");
  return tabs.length >= 2 && titles.every((t) => t !== "" && !/^\s*[1-5](?:\d\d|XX)\b/i.test(t));
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
  if (listed.length < 2 || !shared) return listed.flat();
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

/** `param:body:amount` for a top-level field; "" for a group with none. */
function keyOf(group: FieldGroup): string {
  const field = group.fields[0];
  if (field === undefined || field.path.length !== 1) return "";
  return `${group.kind}:${group.location ?? ""}:${field.name}`;
}
