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
  const doc: OpenAPIDocument = {
    openapi: "3.1.0",
    info: { title: op.title, version: "0.0.0" },
    servers: [{ url: `https://${op.host}` }],
  };
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
  const out: Schema = { name: field.name, in: where, description: field.description };
  if (field.required || where === "path") out.required = true;
  const { description: _, ...schema } = fieldSchema(field);
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

function fieldSchema(field: TField): Schema {
  let schema: Schema;
  switch (field.kind) {
    case "enum":
      schema = { type: "string", enum: field.options };
      break;
    case "date-time":
      schema = { type: "string", format: "date-time" };
      break;
    case "string[]":
      schema = { type: "array", items: { type: "string" } };
      break;
    case "object":
      schema = objectSchema(field.children ?? []);
      break;
    case "object[]":
      schema = { type: "array", items: objectSchema(field.children ?? []) };
      break;
    default:
      schema = { type: field.kind };
  }
  Object.assign(schema, field.constraints);
  if (field.default !== undefined) schema.default = field.default;
  schema.description = field.description;
  return schema;
}
