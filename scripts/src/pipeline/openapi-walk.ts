import type { OpenAPIDocument } from "../sources/types.ts";

// biome-ignore lint/suspicious/noExplicitAny: schemas are open-ended JSON.
export type Schema = Record<string, any>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Visits one operation of the document with its path and method. */
export interface OperationVisit {
  path: string;
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: operations are open-ended JSON.
  operation: Record<string, any>;
}

/** Lists every operation in document order. */
export function operationsOf(doc: OpenAPIDocument): OperationVisit[] {
  const out: OperationVisit[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) out.push({ path, method, operation });
    }
  }
  return out;
}

/**
 * Calls `visit` on every schema object in the document, depth first, children before the
 * parent is left: component schemas, parameter, header and media-type schemas, and all nested ones.
 */
export function walkSchemas(doc: OpenAPIDocument, visit: (schema: Schema) => void): void {
  const seen = new Set<object>();
  const schema = (value: unknown): void => {
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    visit(value);
    for (const key of ["items", "not", "additionalProperties", "contains", "if", "then", "else"]) {
      schema(value[key]);
    }
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
      if (Array.isArray(value[key])) value[key].forEach(schema);
    }
    for (const key of ["properties", "patternProperties", "$defs"]) {
      if (isObject(value[key])) Object.values(value[key]).forEach(schema);
    }
  };
  const content = (value: unknown): void => {
    if (!isObject(value)) return;
    for (const media of Object.values(value)) if (isObject(media)) schema(media.schema);
  };
  const parameters = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const p of list) {
      if (!isObject(p)) continue;
      schema(p.schema);
      content(p.content);
    }
  };
  const headers = (map: unknown): void => {
    if (isObject(map)) for (const h of Object.values(map)) if (isObject(h)) schema(h.schema);
  };
  const response = (r: unknown): void => {
    if (!isObject(r)) return;
    content(r.content);
    headers(r.headers);
  };
  const components = doc.components ?? {};
  for (const s of Object.values(components.schemas ?? {})) schema(s);
  parameters(Object.values(components.parameters ?? {}));
  for (const r of Object.values(components.responses ?? {})) response(r);
  for (const b of Object.values(components.requestBodies ?? {}))
    if (isObject(b)) content(b.content);
  headers(components.headers);
  for (const [, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    parameters(item.parameters);
  }
  for (const { operation } of operationsOf(doc)) {
    parameters(operation.parameters);
    if (isObject(operation.requestBody)) content(operation.requestBody.content);
    for (const r of Object.values(operation.responses ?? {})) response(r);
  }
}

/** A plain (non-array, non-null) object. */
// biome-ignore lint/suspicious/noExplicitAny: narrowing helper for JSON data.
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A deep copy without `undefined` values, in objects and arrays alike: the YAML written leaves
 * them out (js-yaml's skipInvalid), so the document that is linted and generated from must too.
 */
export function withoutUndefined<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map(withoutUndefined) as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (key === "__proto__") {
      // A "__proto__" key from a parsed document stays a key, not the copy's prototype.
      Object.defineProperty(out, key, {
        value: withoutUndefined(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = withoutUndefined(item);
  }
  return out as T;
}

/** JSON with object keys sorted: equal data gives equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    isObject(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}
