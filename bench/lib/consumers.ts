/**
 * Generates two equivalent consumer programs from the canonical specs: one calling every
 * operation through the payclients clients, one through plain fetch with hand-written-style
 * interfaces (what a user without a generated client would type out).
 */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are open-ended JSON.
type Json = Record<string, any>;

export interface ProviderSpec {
  id: string;
  /** `createClinkClient` etc. */
  factory: string;
  spec: Json;
}

interface Operation {
  path: string;
  method: string;
  op: Json;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

function operations(spec: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.push({ path, method, op: item[method] });
  }
  return out;
}

function deref(spec: Json, value: Json | undefined): Json {
  let v = value ?? {};
  for (let i = 0; i < 20 && typeof v.$ref === "string"; i++) {
    v = v.$ref
      .slice(2)
      .split("/")
      .reduce(
        (node: Json, key: string) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
        spec,
      );
  }
  return v ?? {};
}

/** A value that satisfies the schema's required structure. */
function sample(spec: Json, raw: Json | undefined, depth = 0): unknown {
  const schema = deref(spec, raw);
  if (depth > 8) return null;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s: Json) => sample(spec, s, depth + 1)));
  if (schema.oneOf || schema.anyOf)
    return sample(spec, (schema.oneOf ?? schema.anyOf)[0], depth + 1);
  if (type === "string") return schema.format === "email" ? "ada@example.com" : "x";
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  const out: Json = {};
  for (const name of schema.required ?? [])
    out[name] = sample(spec, schema.properties?.[name], depth + 1);
  return out;
}

/** A TypeScript type for the schema, spelled out inline as a user would type it. */
function tsType(spec: Json, raw: Json | undefined, indent: string, depth = 0): string {
  const schema = deref(spec, raw);
  if (depth > 8) return "unknown";
  if (Array.isArray(schema.enum))
    return schema.enum.map((v: unknown) => JSON.stringify(v)).join(" | ");
  if (schema.allOf)
    return schema.allOf.map((s: Json) => tsType(spec, s, indent, depth + 1)).join(" & ");
  const union = schema.oneOf ?? schema.anyOf;
  if (union) return union.map((s: Json) => tsType(spec, s, indent, depth + 1)).join(" | ");
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type ?? "object"];
  return types
    .map((type) => {
      if (type === "null") return "null";
      if (type === "string") return "string";
      if (type === "integer" || type === "number") return "number";
      if (type === "boolean") return "boolean";
      if (type === "array") return `${wrap(tsType(spec, schema.items, indent, depth + 1))}[]`;
      const props = Object.entries<Json>(schema.properties ?? {});
      if (props.length === 0) return "Record<string, unknown>";
      const required = new Set<string>(schema.required ?? []);
      const inner = `${indent}  `;
      const lines = props.map(
        ([name, s]) =>
          `${inner}${JSON.stringify(name)}${required.has(name) ? "" : "?"}: ${tsType(spec, s, inner, depth + 1)};`,
      );
      return `{\n${lines.join("\n")}\n${indent}}`;
    })
    .join(" | ");
}

function wrap(type: string): string {
  return /[|&]/.test(type) ? `(${type})` : type;
}

function params(spec: Json, op: Operation, where: string): Json[] {
  return (op.op.parameters ?? [])
    .map((p: Json) => deref(spec, p))
    .filter((p: Json) => p.in === where);
}

function successSchema(op: Operation): Json | undefined {
  const [, response] =
    Object.entries<Json>(op.op.responses ?? {}).find(([status]) => status.startsWith("2")) ?? [];
  return response?.content?.["application/json"]?.schema;
}

/** The consumer written against the payclients clients. */
export function clientConsumer(providers: ProviderSpec[]): string {
  const lines: string[] = [];
  for (const p of providers) lines.push(`import { ${p.factory} } from "@payclients/${p.id}";`);
  lines.push("");
  for (const p of providers) {
    lines.push(`const ${p.id} = ${p.factory}({ apiKey: "key", baseUrl: "https://api.test" });`);
  }
  lines.push("", "export async function run(): Promise<void> {");
  for (const p of providers) {
    for (const op of operations(p.spec)) {
      const init: string[] = [];
      const param = (where: string) => {
        const list = params(p.spec, op, where).filter((x) => x.required || where === "path");
        if (list.length === 0) return "";
        const fields = list.map(
          (x) => `${JSON.stringify(x.name)}: ${JSON.stringify(sample(p.spec, x.schema))}`,
        );
        return `${where}: { ${fields.join(", ")} }`;
      };
      const ps = ["path", "query", "header"].map(param).filter(Boolean);
      if (ps.length > 0) init.push(`params: { ${ps.join(", ")} }`);
      const body = op.op.requestBody?.content?.["application/json"]?.schema;
      if (body) init.push(`body: ${JSON.stringify(sample(p.spec, body))}`);
      const call = `${p.id}.${op.method.toUpperCase()}(${JSON.stringify(op.path)}${init.length ? `, { ${init.join(", ")} }` : ""})`;
      lines.push("  {", `    const { data, error } = await ${call};`);
      lines.push("    if (data) console.log(data);", "    if (error) console.error(error);", "  }");
    }
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** The same calls with plain fetch and interfaces typed by hand from the docs. */
export function fetchConsumer(providers: ProviderSpec[]): string {
  const lines: string[] = ['const BASE_URL = "https://api.test";', 'const API_KEY = "key";', ""];
  const calls: string[] = [];
  for (const p of providers) {
    for (const op of operations(p.spec)) {
      const name = String(op.op.operationId);
      const type = name[0]?.toUpperCase() + name.slice(1);
      const response = successSchema(op);
      lines.push(
        `export type ${type}Response = ${response ? tsType(p.spec, response, "") : "unknown"};`,
      );
      const body = op.op.requestBody?.content?.["application/json"]?.schema;
      if (body) lines.push(`export type ${type}Body = ${tsType(p.spec, body, "")};`);
      const pathParams = params(p.spec, op, "path").map((x) => String(x.name));
      const args = [
        ...pathParams.map((n) => `${n}: string`),
        ...(body ? [`body: ${type}Body`] : []),
      ];
      const url = op.path.replace(/\{([^}]+)\}/g, (_m, n) => `\${encodeURIComponent(${n})}`);
      lines.push(
        `export async function ${name}(${args.join(", ")}): Promise<${type}Response> {`,
        `  const response = await fetch(\`\${BASE_URL}${url}\`, {`,
        `    method: ${JSON.stringify(op.method.toUpperCase())},`,
        `    headers: { "X-API-KEY": API_KEY${body ? ', "Content-Type": "application/json"' : ""} },`,
        ...(body ? ["    body: JSON.stringify(body),"] : []),
        "  });",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: generated source text.
        "  if (!response.ok) throw new Error(`HTTP ${response.status}`);",
        `  return (await response.json()) as ${type}Response;`,
        "}",
        "",
      );
      const values = [
        ...pathParams.map(() => '"x"'),
        ...(body ? [JSON.stringify(sample(p.spec, body))] : []),
      ];
      calls.push(`  console.log(await ${name}(${values.join(", ")}));`);
    }
  }
  lines.push("export async function run(): Promise<void> {", ...calls, "}", "");
  return lines.join("\n");
}
