import { readFileSync } from "node:fs";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { syntheticSpec } from "../../../bench/lib/synthetic-spec.ts";
import { banner, generateTypes } from "../../src/pipeline/generate.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";
import { parseYamlObject } from "../../src/yaml-source.ts";

const spec = (id: string) => {
  const file = `specs/${id}/openapi.yaml`;
  return parseYamlObject(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"), file);
};

/** What openapi-typescript's own entry point makes of the document (Redocly lint and bundle included). */
async function viaOpenapiTS(doc: OpenAPIDocument, provider: string): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as OpenAPI3, { silent: true });
  return `${banner(provider, "//")}\n${astToString(ast)}`;
}

// Discriminated unions are where openapi-typescript patches the schema it is given.
const union: OpenAPIDocument = {
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getPet",
        parameters: [{ $ref: "#/components/parameters/Expand" }],
        responses: {
          "200": {
            description: "A pet",
            headers: { "X-Rate": { schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
          default: { $ref: "#/components/responses/Error" },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
        discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } },
      },
      Cat: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
      Dog: {
        type: "object",
        properties: { kind: { type: "string" }, bark: { type: ["string", "null"] } },
      },
    },
    parameters: { Expand: { name: "expand", in: "query", schema: { type: "boolean" } } },
    responses: {
      Error: {
        description: "Error",
        content: { "application/json": { schema: { type: "object", additionalProperties: true } } },
      },
    },
  },
};

describe("generateTypes", () => {
  it.each(["clink", "telness", "yorlet"])("is what openapiTS() makes of specs/%s", async (id) => {
    const doc = spec(id);
    const before = structuredClone(doc);
    expect(await generateTypes(doc, id)).toBe(await viaOpenapiTS(doc, id));
    expect(doc).toEqual(before);
  });

  it("is what openapiTS() makes of the benchmark's synthetic spec", async () => {
    const doc = syntheticSpec(50);
    expect(await generateTypes(doc, "synthetic")).toBe(await viaOpenapiTS(doc, "synthetic"));
  });

  it("is what openapiTS() makes of a discriminated union, and leaves its input alone", async () => {
    const before = structuredClone(union);
    expect(await generateTypes(union, "pets")).toBe(await viaOpenapiTS(union, "pets"));
    expect(union).toEqual(before);
  });
});
