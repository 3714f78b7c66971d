// Which part of the operation a hand-written page's table belongs to when its own heading does
// not say: the response it follows, an object it describes, or none (its rows left out).
import type { ResponseExample } from "../model/operation.ts";
import type { FieldGroup } from "./fields.ts";
import { isObjectHeading, namesObject } from "./nesting.ts";
import { RESPONSE_SECTION } from "./tables.ts";

/** The keys of an example object (of its first item, for a list). */
export function topKeys(value: unknown): string[] {
  const object = Array.isArray(value) ? value[0] : value;
  return object !== null && typeof object === "object" ? Object.keys(object) : [];
}

/** True when most of a table's rows are keys of a response example the page shows. */
export function shownInResponse(
  groups: FieldGroup[],
  keys: Set<string>,
  examples: ResponseExample[],
): boolean {
  const all = new Set([...keys, ...examples.flatMap((e) => topKeys(e.value))]);
  const names = groups.map((g) => g.fields[0]?.name ?? "");
  return names.length > 0 && names.filter((n) => all.has(n)).length * 2 >= names.length;
}

/** True when a table's rows are named as fields already listed in the same part. */
export function repeats(before: FieldGroup[], groups: FieldGroup[]): boolean {
  const kind = groups[0]?.kind;
  const names = new Set(
    before
      .filter((g) => g.kind === kind && g.fields[0]?.path.length === 1)
      .map((g) => g.fields[0]?.name),
  );
  return groups.some((g) => names.has(g.fields[0]?.name));
}

/**
 * A table under an object heading that found no owner: one naming an object in words
 * (`Recipient Object`), or whose rows repeat names already listed (`id` again under `## 对象`).
 */
export function ownsNothing(
  section: string | undefined,
  outer: string | undefined,
  before: FieldGroup[],
  groups: FieldGroup[],
): boolean {
  if (!isObjectHeading(section)) return false;
  // `## Response object`, `## Returns a Customer object`, `### The Payment object` under
  // `## Response`: the response's own fields.
  if (RESPONSE_SECTION.test(section ?? "") || RESPONSE_SECTION.test(outer ?? "")) return false;
  const kind = groups[0]?.kind;
  const same = before.filter((g) => g.kind === kind);
  if (namesObject(section) && same.length > 0) return true;
  const listed = new Set(
    same.filter((g) => g.fields[0]?.path.length === 1).map((g) => g.fields[0]?.name),
  );
  return groups.some((g) => listed.has(g.fields[0]?.name));
}
