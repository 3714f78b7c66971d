import type { OpenAPIDocument } from "../sources/types.ts";
import { isObject, sameJson } from "./json.ts";
import { lookupPointer } from "./refs.ts";

/**
 * The local `$ref`s whose target is the same in both documents, and so is everything it
 * references in turn. Comparing two uses of such a reference can find nothing, so the walk
 * skips them: an unchanged spec with a densely shared schema graph then compares in linear time.
 */
export function unchangedRefs(before: OpenAPIDocument, after: OpenAPIDocument): Set<string> {
  const refs = new Set<string>();
  collectRefs(before, refs);
  collectRefs(after, refs);
  const dirty = new Set<string>();
  const usedBy = new Map<string, string[]>();
  for (const ref of refs) {
    const b = lookupPointer(before, ref);
    const a = lookupPointer(after, ref);
    if (b === undefined || a === undefined || !sameJson(b, a)) dirty.add(ref);
    const inner = new Set<string>();
    collectRefs(b, inner);
    collectRefs(a, inner);
    for (const target of inner) usedBy.set(target, [...(usedBy.get(target) ?? []), ref]);
  }
  const queue = [...dirty];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const user of usedBy.get(next) ?? []) {
      if (!dirty.has(user)) {
        dirty.add(user);
        queue.push(user);
      }
    }
  }
  return new Set([...refs].filter((ref) => ref.startsWith("#") && !dirty.has(ref)));
}

function collectRefs(node: unknown, into: Set<string>): void {
  const stack = [node];
  const seen = new Set<unknown>();
  for (
    let current = stack.pop();
    current !== undefined || stack.length > 0;
    current = stack.pop()
  ) {
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    if (isObject(current) && typeof current.$ref === "string") into.add(current.$ref);
    for (const value of Object.values(current)) stack.push(value);
  }
}
