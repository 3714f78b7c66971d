import { type Field, newField } from "../model/field.ts";

/**
 * `merchant.id` in the table of `data`'s fields: `data.merchant.id`, under an object made up for
 * `merchant` where the page lists none. Only below the top level (addFields nests
 * top-level ones as they come); a name that is not all identifiers (`a.b c`) stays as written.
 * Hand-written tables only: a rendered page strips the parent's prefix, so a dot left in a
 * child's name there is the name's own.
 */
export function nestDottedNames(fields: Field[]): Field[] {
  if (!fields.some(isDottedChild)) return fields;
  const out: Field[] = [];
  const paths = new Set(fields.map((f) => f.path.join("\u0000")));
  for (const field of fields) {
    if (!isDottedChild(field)) {
      out.push(field);
      continue;
    }
    const parts = (field.path.at(-1) as string).split(".");
    const parent = field.path.slice(0, -1);
    for (let depth = 1; depth < parts.length; depth++) {
      const path = [...parent, ...parts.slice(0, depth)];
      const key = path.join("\u0000");
      if (paths.has(key)) continue;
      paths.add(key);
      out.push({
        ...newField(path.at(-1) as string, field.line, path),
        schema: { type: "object" },
      });
    }
    out.push({ ...field, name: parts.at(-1) as string, path: [...parent, ...parts] });
  }
  return out;
}

function isDottedChild(field: Field): boolean {
  const last = field.path.at(-1) ?? "";
  return field.path.length > 1 && /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/.test(last);
}
