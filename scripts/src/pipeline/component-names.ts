import type { OpenAPIDocument } from "../sources/types.ts";
import { isObject, operationsOf } from "./openapi-walk.ts";

// OpenAPI 3.1 allows only these characters in a component's key (a providers' spec may name a
// security scheme `API Key`, which the linter refuses and no generator can name a type after).
const KEY = /^[a-zA-Z0-9.\-_]+$/;

/**
 * Renames the components whose keys OpenAPI does not allow (`API Key` → `API_Key`, kept unique),
 * with every `$ref` to them and, for security schemes, every security requirement naming them.
 * In place; a document whose keys are all allowed is left as it was.
 */
export function nameComponents(doc: OpenAPIDocument): void {
  const components = doc.components;
  if (!isObject(components)) return;
  const refs = new Map<string, string>();
  const schemes = new Map<string, string>();
  for (const [section, entries] of Object.entries(components)) {
    if (!isObject(entries)) continue;
    const renamed: Record<string, unknown> = {};
    let changed = false;
    for (const [key, value] of Object.entries(entries)) {
      let name = key;
      if (!KEY.test(key)) {
        const base = key.replace(/[^a-zA-Z0-9.\-_]+/g, "_").replace(/^_+|_+$/g, "") || "component";
        name = base;
        for (let n = 2; Object.hasOwn(entries, name) || Object.hasOwn(renamed, name); n++)
          name = `${base}_${n}`;
        changed = true;
        refs.set(`#/components/${section}/${pointerKey(key)}`, `#/components/${section}/${name}`);
        if (section === "securitySchemes") schemes.set(key, name);
      }
      renamed[name] = value;
    }
    if (changed) (components as Record<string, unknown>)[section] = renamed;
  }
  if (refs.size === 0) return;
  rewriteRefs(doc, refs, 0);
  const requirements = [doc.security, ...operationsOf(doc).map((op) => op.operation.security)];
  for (const list of requirements) {
    if (!Array.isArray(list)) continue;
    list.forEach((requirement, i) => {
      if (!isObject(requirement)) return;
      list[i] = Object.fromEntries(
        Object.entries(requirement).map(([key, scopes]) => [schemes.get(key) ?? key, scopes]),
      );
    });
  }
}

/** A key as a JSON pointer spells it. */
function pointerKey(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function rewriteRefs(node: unknown, refs: Map<string, string>, depth: number): void {
  if (depth > 256) return;
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item, refs, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  const ref = node.$ref;
  if (typeof ref === "string") {
    // The component itself, or a place inside it (`…/API Key/properties/x`).
    const head = ref.split("/").slice(0, 4).join("/");
    const renamed = refs.get(head);
    if (renamed !== undefined) node.$ref = renamed + ref.slice(head.length);
  }
  for (const value of Object.values(node)) rewriteRefs(value, refs, depth + 1);
}
