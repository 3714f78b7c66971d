import type { Context } from "./context.ts";
import type { Field } from "./field.ts";
import type { Components } from "./field-schema.ts";
import { buildTree } from "./tree.ts";
import type { Schema } from "./type-line.ts";

export type ParameterIn = "path" | "query" | "header" | "cookie";

/** Parameters from one Path/Query/Headers/Cookies section; description and deprecation move up. */
export function readParameters(
  fields: Field[],
  location: ParameterIn,
  components: Components,
  ctx: Context,
): Schema[] {
  const root: Schema = { type: "object" };
  buildTree(fields, root, undefined, components, ctx);
  const required = new Set<string>(root.required ?? []);
  const parameters: Schema[] = [];
  for (const [name, property] of Object.entries((root.properties ?? {}) as Schema)) {
    const { description, deprecated, ...schema } = property as Schema;
    const parameter: Schema = { name, in: location };
    if (description !== undefined) parameter.description = description;
    if (location === "path" || required.has(name)) parameter.required = true;
    if (deprecated === true) parameter.deprecated = true;
    parameter.schema = location === "header" ? asHeaderValue(schema) : schema;
    parameters.push(parameter);
  }
  return parameters;
}

/** Path template variables the page did not document: still required strings of the path. */
export function undocumentedPathParameters(path: string, parameters: Schema[]): Schema[] {
  const documented = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
  const missing: Schema[] = [];
  for (const match of path.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] as string;
    if (documented.has(name)) continue;
    documented.add(name);
    missing.push({ name, in: "path", required: true, schema: { type: "string" } });
  }
  return missing;
}

/**
 * A header the page gave no type: its value is text on the wire, so a string (an empty schema
 * made the clients take `unknown`). One whose values say otherwise is left as it is.
 */
function asHeaderValue(schema: Schema): Schema {
  const shaped = ["type", "$ref", "anyOf", "oneOf", "allOf", "not", "const"].some((k) =>
    Object.hasOwn(schema, k),
  );
  const values = [...((schema.enum as unknown[]) ?? []), schema.default, schema.example];
  const text = values.every((v) => v === undefined || typeof v === "string");
  return shaped || !text ? schema : { type: "string", ...schema };
}
