import { describe, expect, it } from "vitest";
import { scorePage, type Truth, templateOf } from "../../src/holdout/score.ts";

// A converted document of our own: a server with a base path, a path parameter, a body and a
// response under a $ref, and a webhook.
const doc = {
  openapi: "3.1.0",
  servers: [{ url: "https://api.example.test/v2" }],
  paths: {
    "/widgets/{widget_id}": {
      post: {
        parameters: [
          { in: "path", name: "widget_id", required: true, schema: { type: "string" } },
          { in: "header", name: "Idempotency-Key", schema: { type: "string", maxLength: 64 } },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["size"],
                properties: {
                  size: { type: "integer", minimum: 1, default: 3 },
                  tags: { type: "array", items: { type: "string", enum: ["a", "b"] } },
                  note: { type: ["string", "null"] },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" } } },
          },
        },
      },
    },
  },
  webhooks: { "widget.made": { post: { requestBody: { content: {} } } } },
  components: {
    schemas: {
      Widget: { type: "object", properties: { id: { type: "string", format: "uuid" } } },
    },
  },
};

const truth = (fields: Truth["fields"], path = "/v2/widgets/{id}"): Truth => ({
  method: "POST",
  path,
  fields,
});

describe("holdout scorer", () => {
  it("matches a path through the server's base path and any parameter names", () => {
    expect(templateOf("/v2/widgets/:id/")).toBe("/v2/widgets/{}");
    expect(scorePage(doc, truth([])).operation).toBe(true);
    expect(scorePage(doc, truth([], "/v2/gadgets/{id}")).operation).toBe(false);
    // The page's path without the server's base segments is the same request.
    expect(scorePage(doc, truth([], "/widgets/{id}")).operation).toBe(true);
    expect(scorePage(doc, truth([], "/gets/{id}")).operation).toBe(false);
    expect(scorePage(doc, { method: "WEBHOOK", path: "widget.made", fields: [] }).operation).toBe(
      true,
    );
  });

  it("counts a field right only when every stated fact matches and nothing is added", () => {
    const result = scorePage(
      doc,
      truth([
        { in: "path", name: "widget_id", type: "string" },
        { in: "header", name: "idempotency-key", type: "string", maxLength: 64 },
        { in: "body", name: "size", type: "integer", required: true, minimum: 1, default: 3 },
        { in: "body", name: "tags", type: "array", items: "string", enum: ["a", "b"] },
        { in: "body", name: "note", type: "string", nullable: true },
        { in: "response", name: "id", type: "string" },
        { in: "body", name: "colour", type: "string" },
      ]),
    );
    expect(result.fields.map((f) => [f.field, f.found, f.wrong])).toEqual([
      ["path:widget_id", true, []],
      ["header:idempotency-key", true, []],
      ["body:size", true, []],
      ["body:tags", true, []],
      ["body:note", true, []],
      ["response:id", true, ['format: — ≠ "uuid"']],
      ["body:colour", false, []],
    ]);
  });

  it("reads a truth's OpenAPI 3.0 bounds (`exclusiveMinimum: true`) and `any` items as 3.1's", () => {
    const exclusive = structuredClone(doc);
    const body = exclusive.paths["/widgets/{widget_id}"].post.requestBody.content[
      "application/json"
    ].schema.properties as Record<string, Record<string, unknown>>;
    body.size = { type: "integer", exclusiveMinimum: 0, default: 3 };
    body.tags = { type: "array", items: {} };
    const size = (bound: Record<string, unknown>) =>
      truth([
        { in: "body", name: "size", type: "integer", required: true, default: 3, ...bound },
        { in: "body", name: "tags", type: "array", items: "any" },
      ]);
    const wrong = (bound: Record<string, unknown>) =>
      scorePage(exclusive, size(bound)).fields.map((f) => f.wrong);
    expect(wrong({ minimum: 0, exclusiveMinimum: true })).toEqual([[], []]);
    expect(wrong({ exclusiveMinimum: 0 })).toEqual([[], []]);
    expect(wrong({ minimum: 0, exclusiveMinimum: false })[0]).toEqual([
      "minimum: 0 ≠ —",
      "exclusiveMinimum: — ≠ 0",
    ]);
  });

  it("reads a truth's `file` items as binary strings, and `nullable` with no type as any value", () => {
    const upload = structuredClone(doc);
    const body = upload.paths["/widgets/{widget_id}"].post.requestBody.content["application/json"]
      .schema.properties as Record<string, Record<string, unknown>>;
    body.tags = { type: "array", items: { type: "string", format: "binary" } };
    body.note = {};
    const wrong = (note: Record<string, unknown>) =>
      scorePage(
        upload,
        truth([
          { in: "body", name: "tags", type: "array", items: "file" },
          { in: "body", name: "note", ...note },
        ]),
      ).fields.map((f) => f.wrong);
    expect(wrong({ nullable: true })).toEqual([[], []]);
    expect(wrong({ type: "string", nullable: true })[1]).toEqual([
      'type: "string" ≠ —',
      "nullable: true ≠ —",
    ]);
  });

  it("lets a fact stated only in prose be left out, but not be wrong", () => {
    const fields = (maxLength: number) =>
      truth([
        { in: "header", name: "Idempotency-Key", type: "string", maxLength, prose: ["maxLength"] },
        {
          in: "body",
          name: "size",
          type: "integer",
          required: true,
          minimum: 1,
          default: 3,
          maxLength: 9,
          prose: ["maxLength"],
        },
      ]);
    expect(scorePage(doc, fields(64)).fields.map((f) => f.wrong)).toEqual([[], []]);
    expect(scorePage(doc, fields(65)).fields[0]?.wrong).toEqual(["maxLength: 65 ≠ 64"]);
  });

  it("takes a security requirement for the page's own Authorization header", () => {
    const want = truth([{ in: "header", name: "Authorization", type: "string", required: true }]);
    expect(scorePage(doc, want).fields[0]?.found).toBe(false);
    expect(scorePage({ ...doc, security: [{ bearer: [] }] }, want).fields[0]?.found).toBe(true);
  });

  it("reads a list response's fields from its items", () => {
    const list = structuredClone(doc);
    const ok = list.paths["/widgets/{widget_id}"].post.responses["200"].content["application/json"];
    (ok as { schema: unknown }).schema = {
      type: "array",
      items: { $ref: "#/components/schemas/Widget" },
    };
    const want = truth([{ in: "response", name: "id", type: "string", format: "uuid" }]);
    expect(scorePage(list, want).fields[0]).toEqual({
      field: "response:id",
      found: true,
      wrong: [],
    });
  });

  it("takes a map's entries (`{key}` on the page) for the object's additionalProperties", () => {
    const map = structuredClone(doc);
    const ok = map.paths["/widgets/{widget_id}"].post.responses["200"].content["application/json"];
    (ok as { schema: unknown }).schema = {
      type: "object",
      additionalProperties: { type: "array", items: { type: "object" } },
    };
    const want = truth([{ in: "response", name: "{key}", type: "array", items: "object" }]);
    expect(scorePage(map, want).fields[0]).toEqual({
      field: "response:{}",
      found: true,
      wrong: [],
    });
    expect(scorePage(doc, want).fields[0]?.found).toBe(false);
  });

  it("reads a response that is one of several objects as all their fields", () => {
    const either = structuredClone(doc);
    const ok =
      either.paths["/widgets/{widget_id}"].post.responses["200"].content["application/json"];
    (ok as { schema: unknown }).schema = {
      oneOf: [
        { type: "object", required: ["id"], properties: { id: { type: "string" } } },
        {
          type: "object",
          required: ["id", "code"],
          properties: { id: { type: "string" }, code: { type: "integer" } },
        },
      ],
    };
    const want = truth([
      { in: "response", name: "id", type: "string", required: true },
      { in: "response", name: "code", type: "integer" },
    ]);
    expect(scorePage(either, want).fields.map((f) => f.found && f.wrong.length === 0)).toEqual([
      true,
      true,
    ]);
  });

  it("reads allOf parts as one schema and an enum-or-null as the enum, nullable", () => {
    const merged = structuredClone(doc);
    const body = merged.paths["/widgets/{widget_id}"].post.requestBody.content["application/json"]
      .schema.properties as Record<string, unknown>;
    body.size = { allOf: [{ $ref: "#/components/schemas/Widget" }, { description: "more" }] };
    body.note = { anyOf: [{ type: "string", enum: ["x", "y"] }, { type: "null" }], default: null };
    body.tags = { type: "array", items: { allOf: [{ type: "integer" }] } };
    const want = truth([
      { in: "body", name: "size", type: "object", required: true },
      { in: "body", name: "note", type: "string", nullable: true, enum: ["x", "y"], default: null },
      { in: "body", name: "tags", type: "array", items: "integer" },
      { in: "body", name: "scan", type: "file" },
    ]);
    body.scan = { type: "string", format: "binary" };
    const seen = scorePage(merged, want).fields;
    expect(seen.map((f) => f.wrong)).toEqual([[], [], [], []]);
    // An enum behind `allOf: [$ref]` is the field's.
    const schemas = merged.components.schemas as Record<string, unknown>;
    schemas.Kind = { type: "string", enum: ["a", "b"] };
    body.kind = { allOf: [{ $ref: "#/components/schemas/Kind" }] };
    const kind = truth([{ in: "body", name: "kind", type: "string", enum: ["a", "b"] }]);
    expect(scorePage(merged, kind).fields[0]?.wrong).toEqual([]);
    // The enum is read from the one non-null branch only: two branches say no single enum.
    body.note = { anyOf: [{ type: "string", enum: ["x", "y"] }, { type: "integer" }] };
    expect(scorePage(merged, want).fields[1]?.wrong.length).toBeGreaterThan(0);
  });

  it("takes the one webhook for a page whose truth names it by its title", () => {
    const named = (path: string) => ({ method: "WEBHOOK", path, fields: [] });
    expect(scorePage(doc, named("widget.made")).operation).toBe(true);
    expect(scorePage(doc, named("Widget Made Payload")).operation).toBe(true);
    // An event name the page gives must be the one the document gives.
    expect(scorePage(doc, named("widget.sold")).operation).toBe(false);
  });

  it("takes a server variable for a path parameter the page puts in the host", () => {
    const hosted = structuredClone(doc) as typeof doc & { servers: unknown[] };
    hosted.servers = [
      { url: "https://{region}.example.test/v2", variables: { region: { default: "eu" } } },
    ];
    const want = truth([{ in: "path", name: "region", type: "string", required: true }]);
    expect(scorePage(hosted, want).fields).toEqual([
      { field: "path:region", found: true, wrong: [] },
    ]);
    expect(scorePage(doc, want).fields[0]?.found).toBe(false);
  });

  it("takes an API key security scheme for the header it names", () => {
    const want = truth([{ in: "header", name: "X-Api-Key", type: "string", required: true }]);
    expect(scorePage(doc, want).fields[0]?.found).toBe(false);
    const keyed = {
      ...doc,
      components: {
        ...doc.components,
        securitySchemes: { key: { type: "apiKey", in: "header", name: "x-api-key" } },
      },
    };
    expect(scorePage(keyed, want).fields[0]?.found).toBe(true);
  });

  it("does not score Accept and Content-Type headers, which OpenAPI ignores", () => {
    const want = truth([{ in: "header", name: "Content-Type", type: "string", required: true }]);
    expect(scorePage(doc, want).fields).toEqual([]);
  });

  it("scores every field wrong when the page is refused", () => {
    const result = scorePage(undefined, truth([{ in: "query", name: "q", type: "string" }]));
    expect(result.operation).toBe(false);
    expect(result.fields[0]?.found).toBe(false);
  });
});
