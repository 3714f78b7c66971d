import type { OpenAPIDocument } from "../sources/types.ts";
import { isObject, type JsonObject } from "./json.ts";
import { refName, resolveRef } from "./refs.ts";
import { code } from "./report.ts";
import { subject, type Walk, walk } from "./schema.ts";
import { formatTypes, shapeOf, typeSet, variantsOf } from "./schema-shape.ts";

/**
 * Compares the alternatives of two union schemas (`oneOf`/`anyOf`), matched by what a reader
 * knows them by: the referenced schema's name, else the title, else the types they admit.
 */
export function diffVariants(state: Walk, b: JsonObject, a: JsonObject, path: string): void {
  const { scope } = state;
  const before = keyed(scope.before, variantsOf(b) ?? []);
  const after = keyed(scope.after, variantsOf(a) ?? []);
  const what = subject(scope, path);
  for (const [key, variant] of before) {
    const match = after.get(key);
    if (match === undefined) {
      scope.emit("major", `Removed variant ${code(key)} from ${what} in ${scope.op}`);
    } else {
      walk(state, variant, match, path);
    }
  }
  for (const key of after.keys()) {
    if (before.has(key)) continue;
    // A request may accept a new shape; a response that may return one breaks its readers.
    const bump = scope.direction === "request" ? "minor" : "major";
    scope.emit(bump, `Added variant ${code(key)} to ${what} in ${scope.op}`);
  }
}

function keyed(doc: OpenAPIDocument, variants: unknown[]): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const variant of variants) {
    const base = variantName(doc, variant);
    let key = base;
    for (let n = 2; result.has(key); n++) key = `${base} #${n}`;
    result.set(key, variant);
  }
  return result;
}

function variantName(doc: OpenAPIDocument, variant: unknown): string {
  if (isObject(variant) && typeof variant.$ref === "string") return refName(variant.$ref);
  const { node } = resolveRef(doc, variant);
  if (!isObject(node)) return JSON.stringify(node) ?? "schema";
  if (typeof node.title === "string" && node.title !== "") return node.title;
  return formatTypes(typeSet(doc, shapeOf(doc, node)));
}
