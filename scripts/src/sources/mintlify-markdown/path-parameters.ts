import { type Context, note } from "../model/context.ts";
import { undocumentedPathParameters } from "../model/parameters.ts";
import type { OpenAPIDocument } from "../types.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
type Json = Record<string, unknown>;

/**
 * An exported operation whose path names `{flowId}` but whose parameters leave it out (some
 * exporters copy `parameters: []`): the client could not fill the path, and every linter refuses
 * it. The path itself says the parameter exists, so it is declared as the required string a path
 * segment is, with a warning. Declared parameters are looked up through `$ref`s.
 */
export function declarePathParameters(doc: OpenAPIDocument, line: number, ctx: Context): void {
  const resolve = resolver(doc);
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    const common = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const declared = [...common, ...own].map(resolve).filter((p) => p !== undefined);
      const missing = undocumentedPathParameters(path, declared);
      if (missing.length === 0) continue;
      const names = missing.map((p) => p.name).join(", ");
      note(
        ctx,
        line,
        `a declaration of the path parameter ${names} of ${path} (declared as a string)`,
      );
      operation.parameters = [...own, ...missing];
    }
  }
}

/**
 * `/v1/automations/:id` with a path parameter `id` declared: the exporter kept the router's
 * spelling. OpenAPI reads `:id` as literal text, so the parameter could never be filled; the
 * segment becomes `{id}` (with a warning). Segments no declared path parameter names stay.
 */
export function templateColonSegments(doc: OpenAPIDocument, line: number, ctx: Context): void {
  if (!isObject(doc.paths)) return;
  const resolve = resolver(doc);
  const renamed: [string, unknown][] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const names = new Set<string>();
    if (isObject(item)) {
      for (const key of ["parameters", ...METHODS]) {
        const holder = key === "parameters" ? item : item[key];
        const list = isObject(holder) && Array.isArray(holder.parameters) ? holder.parameters : [];
        for (const p of list.map(resolve))
          if (p?.in === "path" && typeof p.name === "string") names.add(p.name);
      }
    }
    const templated = path
      .split("/")
      .map((s) => (s.startsWith(":") && names.has(s.slice(1)) ? `{${s.slice(1)}}` : s))
      .join("/");
    if (templated !== path && !Object.hasOwn(doc.paths, templated))
      note(ctx, line, `a path template ({name}) in ${path} (read as ${templated})`);
    renamed.push([
      templated !== path && !Object.hasOwn(doc.paths, templated) ? templated : path,
      item,
    ]);
  }
  doc.paths = Object.fromEntries(renamed);
}

/** A parameter as declared, looked up through a `$ref` to `components/parameters`. */
function resolver(doc: OpenAPIDocument): (value: unknown) => Json | undefined {
  const components = isObject(doc.components) ? doc.components : {};
  const shared = isObject(components.parameters) ? components.parameters : {};
  return (value) => {
    if (!isObject(value)) return undefined;
    const ref = value.$ref;
    if (typeof ref !== "string") return value;
    const name = /^#\/components\/parameters\/([^/]+)$/.exec(ref)?.[1];
    const found = name === undefined ? undefined : shared[name];
    return isObject(found) ? found : undefined;
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
