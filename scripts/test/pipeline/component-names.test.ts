import { describe, expect, it } from "vitest";
import { nameComponents } from "../../src/pipeline/component-names.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

describe("component names", () => {
  it("renames keys OpenAPI refuses, with their references and security requirements", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      security: [{ "API Key": [] }],
      paths: {
        "/things": {
          get: {
            security: [{ "API Key": [] }, { bearer: [] }],
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": {
                    schema: { $ref: "#/components/schemas/Thing Page/properties/items" },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          "Thing Page": { type: "object", properties: { items: { type: "array" } } },
          Thing_Page: { type: "string" },
        },
        securitySchemes: {
          "API Key": { type: "apiKey", in: "header", name: "X-Key" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    } as unknown as OpenAPIDocument;
    nameComponents(doc);
    const text = JSON.stringify(doc);
    const d = JSON.parse(text);
    expect(Object.keys(d.components.schemas)).toEqual(["Thing_Page_2", "Thing_Page"]);
    expect(Object.keys(d.components.securitySchemes)).toEqual(["API_Key", "bearer"]);
    expect(d.security).toEqual([{ API_Key: [] }]);
    expect(d.paths["/things"].get.security).toEqual([{ API_Key: [] }, { bearer: [] }]);
    expect(text).toContain('"$ref":"#/components/schemas/Thing_Page_2/properties/items"');
  });

  it("leaves a document whose keys are all allowed as it was", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Thing: { type: "string" } } },
    } as unknown as OpenAPIDocument;
    const before = JSON.stringify(doc);
    nameComponents(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
