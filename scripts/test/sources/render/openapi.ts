import { lowerCamelCase } from "../../../src/sources/model/security.ts";
import type { OpenAPIDocument } from "../../../src/sources/types.ts";
import { exampleOf, pathOf, type TField, type TOperation } from "./operation.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is open-ended JSON.
type Schema = Record<string, any>;

const REASONS = { "200": "OK", "201": "Created" };

/**
 * The OpenAPI 3.1 document the operation is: what the markdown export's fence holds, and what
 * every other form must convert to.
 */
export function toOpenAPI(op: TOperation): OpenAPIDocument {
  const operation: Schema = { summary: op.title, description: op.description };
  const parameters = [
    ...op.path.map((f) => parameter(f, "path")),
    ...op.query.map((f) => parameter(f, "query")),
    ...op.headers.map((f) => parameter(f, "header")),
  ];
  if (parameters.length > 0) operation.parameters = parameters;
  if (op.body !== undefined) {
    operation.requestBody = {
      required: op.body.some((f) => f.required),
      content: {
        "application/json": { schema: objectSchema(op.body), example: exampleOf(op.body) },
      },
    };
  }
  if (op.response === undefined) operation.responses = { "200": { description: "OK" } };
  else {
    operation.responses = {
      [op.response.code]: {
        description: REASONS[op.response.code],
        content: {
          "application/json": {
            schema: objectSchema(op.response.fields),
            example: exampleOf(op.response.fields),
          },
        },
      },
    };
  }
  if (op.webhook !== undefined && op.body !== undefined) {
    // A webhook page shows no example of its payload.
    delete operation.requestBody.content["application/json"].example;
  }
  const doc: OpenAPIDocument = { openapi: "3.1.0", info: { title: op.title, version: "0.0.0" } };
  if (op.webhook !== undefined) {
    return { ...doc, paths: {}, webhooks: { [op.webhook]: { post: operation } } };
  }
  doc.servers = [{ url: `https://${op.host}` }];
  if (op.apiKey !== undefined) {
    const name = lowerCamelCase(op.apiKey.header);
    operation.security = [{ [name]: [] }];
    doc.security = [{ [name]: [] }];
  }
  doc.paths = { [pathOf(op)]: { [op.method]: operation } };
  if (op.apiKey !== undefined) {
    const scheme = { type: "apiKey", in: "header", name: op.apiKey.header };
    doc.components = {
      securitySchemes: {
        [lowerCamelCase(op.apiKey.header)]: { ...scheme, description: op.apiKey.description },
      },
    };
  }
  return doc;
}

function parameter(field: TField, where: string): Schema {
  const out: Schema = { name: field.name, in: where, description: field.description.join("\n\n") };
  if (field.required || where === "path") out.required = true;
  const { description: _, deprecated, ...schema } = fieldSchema(field);
  if (deprecated === true) out.deprecated = true;
  out.schema = schema;
  return out;
}

/** An object of fields: properties in order, `required` when any is. */
export function objectSchema(fields: TField[]): Schema {
  const schema: Schema = { type: "object", properties: {} };
  for (const field of fields) schema.properties[field.name] = fieldSchema(field);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  if (required.length > 0) schema.required = required;
  return schema;
}

export function fieldSchema(field: TField): Schema {
  let schema: Schema;
  if (field.kind === "object") schema = objectSchema(field.children ?? []);
  else {
    const type =
      field.kind === "enum" ? "string" : field.kind === "enum-int" ? "integer" : field.kind;
    schema = { type };
    if (field.format !== undefined) schema.format = field.format;
    if (field.options !== undefined) schema.enum = [...field.options];
  }
  if (field.array) schema = { type: "array", items: schema };
  if (field.nullable) {
    schema.type = [schema.type, "null"];
    // A nullable enum lists null among its values, or null would fail it.
    if (Array.isArray(schema.enum)) schema.enum.push(null);
  }
  Object.assign(schema, field.constraints);
  if (field.default !== undefined) schema.default = field.default;
  if (field.deprecated) schema.deprecated = true;
  if (field.example !== undefined) schema.examples = [field.example];
  schema.description = field.description.join("\n\n");
  return schema;
}
