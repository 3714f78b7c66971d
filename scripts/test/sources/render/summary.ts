import YAML from "yaml";
import { lowerCamelCase } from "../../../src/sources/model/security.ts";
import { fieldSchema, objectSchema } from "./openapi.ts";
import { exampleOf, pathOf, type TField, type TOperation } from "./operation.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is open-ended JSON.
type Schema = Record<string, any>;

/**
 * The older markdown export: the fence holds Mintlify's summary of the operation (`paths:` with
 * `path`, `method`, `request`, `response`), top-level properties wrapped in a one-member `allOf`,
 * parameters as `schema` lists with `required` and `description` merged in.
 */
export function renderSummaryExport(op: TOperation): string {
  const request: Schema = {
    security:
      op.apiKey === undefined
        ? []
        : [
            {
              title: lowerCamelCase(op.apiKey.header),
              parameters: {
                query: {},
                header: {
                  [op.apiKey.header]: { type: "apiKey", description: op.apiKey.description },
                },
                cookie: {},
              },
            },
          ],
    parameters: {
      path: parameters(op.path),
      query: parameters(op.query),
      header: parameters(op.headers),
      cookie: {},
    },
    body:
      op.body === undefined ? {} : { "application/json": media(op.body, op.webhook === undefined) },
  };
  if (op.body?.some((f) => f.required)) {
    request.body["application/json"].schemaArray[0].required = true;
  }
  const response: Schema = {};
  if (op.response !== undefined) {
    const description = op.response.code === "200" ? "OK" : "Created";
    response[op.response.code] = {
      "application/json": { ...media(op.response.fields, true), description },
    };
  }
  const summary = {
    paths: {
      path: op.webhook ?? pathOf(op),
      method: op.method,
      servers: [{ url: `https://${op.host}` }],
      request,
      response,
      deprecated: false,
      type: op.webhook === undefined ? "path" : "webhook",
    },
    components: { schemas: {} },
  };
  const target = op.webhook === undefined ? `${op.method} ${pathOf(op)}` : `webhook ${op.webhook}`;
  return [
    `# Source: https://docs.${op.host}/api-reference/page.md`,
    "",
    `# ${op.title}`,
    "",
    `> ${op.description}`,
    "",
    "## OpenAPI",
    "",
    `\`\`\`\`yaml openapi-public.yaml ${target}`,
    YAML.stringify(summary, { lineWidth: 0 }).trimEnd(),
    "````",
    "",
  ].join("\n");
}

function parameters(fields: TField[]): Schema {
  const out: Schema = {};
  for (const field of fields) {
    const schema = fieldSchema(field);
    if (field.required) schema.required = true;
    out[field.name] = { schema: [schema] };
  }
  return out;
}

function media(fields: TField[], withExample: boolean): Schema {
  const { properties, required, ...rest } = objectSchema(fields);
  const wrapped: Schema = {};
  for (const [name, schema] of Object.entries(properties as Schema))
    wrapped[name] = { allOf: [schema] };
  const item: Schema = { ...rest, properties: wrapped };
  if (required !== undefined) item.requiredProperties = required;
  const out: Schema = { schemaArray: [item] };
  out.examples = withExample ? { example: { value: exampleOf(fields) } } : {};
  return out;
}
