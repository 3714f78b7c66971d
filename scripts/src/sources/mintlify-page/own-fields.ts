import { type Context, quietly } from "../model/context.ts";
import type { Field } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";
import { SECTION_HEADINGS, type SectionKind } from "../model/sections.ts";
import { readFields } from "./fields.ts";
import type { Line } from "./lines.ts";
import { hintsFor } from "./payloads.ts";

// The section titles, whatever their case (`## Body parameters` in a page's own MDX).
const KINDS = new Map(
  Object.entries(SECTION_HEADINGS).map(([title, kind]) => [title.toLowerCase(), kind]),
);

/**
 * The page's own sections above the generated reference (`## Body parameters` in its MDX), which
 * the reference supersedes: the fields they list that the reference lacks (its spec is behind its
 * prose) are added, the reference's own always winning. Read best effort, as the reference is
 * what the page is measured by: what cannot be read here was said when the sections were left out.
 */
export function addOwnFields(
  model: OperationModel,
  lines: Line[],
  leftOut: number[],
  end: number,
  ctx: Context,
): void {
  const quiet = quietly(ctx);
  leftOut.forEach((at, k) => {
    const kind = KINDS.get((lines[at] as Line).text.toLowerCase());
    if (kind === undefined || kind === "auth") return;
    const stop = Math.min(leftOut[k + 1] ?? end, end);
    const { fields } = readFields(lines, at + 1, stop, quiet, hintsFor(undefined));
    const into = placeFor(model, kind);
    if (into === undefined) return;
    // Header names in any case; the credentials the Authorizations section gives; a path
    // parameter only where the path has it.
    const key = (name: string) => (kind === "header" ? name.toLowerCase() : name);
    const known = new Set(into.existing.filter((f) => f.path.length === 1).map((f) => key(f.name)));
    if (kind === "header") {
      known.add("authorization");
      for (const credential of model.security) known.add(credential.name.toLowerCase());
    }
    for (const field of fields) {
      const top = field.path[0] as string;
      if (known.has(key(top))) continue;
      if (kind === "path" && !model.path.includes(`{${top}}`)) continue;
      if (field.path.length === 1 && kind !== "body" && kind !== "response") field.location = kind;
      into.add(field);
    }
  });
}

/** Where fields of a kind go: the parameters, the body's fields, the first success's fields. */
function placeFor(
  model: OperationModel,
  kind: SectionKind,
): { existing: Field[]; add: (field: Field) => void } | undefined {
  const list =
    kind === "body"
      ? model.body?.fields
      : kind === "response"
        ? model.responses.find((block) => /^2/.test(block.code))?.fields
        : undefined;
  if (list !== undefined) return { existing: list, add: (field) => list.push(field) };
  if (kind === "body" || kind === "response") return undefined;
  // Parameters of the kind only: a name may be a query and a header parameter both.
  return {
    existing: model.parameters.filter((f) => f.location === kind),
    add: (field) => model.parameters.push(field),
  };
}
