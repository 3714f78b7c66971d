import { BaseResolver, createConfig, lintDocument, Source } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../../src/errors.ts";
import { toYaml } from "../../src/pipeline/emit.ts";
import { normalize } from "../../src/pipeline/normalize.ts";
import type { ProviderConfig } from "../../src/pipeline/provider.ts";
import { checkExamples, lintSpec } from "../../src/pipeline/validate.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

const FILE = "specs/acme/openapi.yaml";
const CONFIG: ProviderConfig = {
  id: "acme",
  title: "Acme API",
  package: "@payclients/acme",
  sources: [],
  environments: { production: "https://api.acme.test" },
  operationIds: "keep",
};

const order = {
  type: "object",
  required: ["id"],
  properties: {
    id: { type: "string" },
    amount: { type: "number", format: "double" },
    email: { type: "string", format: "email" },
    note: { type: ["string", "null"] },
    count: { type: "integer", format: "int32" },
    lines: {
      type: "array",
      items: { type: "object", properties: { sku: { type: "string" } } },
    },
  },
};

/** A spec that passes the recommended lint, with one example per media type given. */
function spec(
  media: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): OpenAPIDocument {
  return {
    openapi: "3.1.0",
    info: { title: "Acme", version: "1.0.0" },
    servers: [{ url: "https://api.acme.test" }],
    security: [{ key: [] }],
    paths: {
      "/orders/{id}": {
        get: {
          summary: "Get an order",
          operationId: "getOrder",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The order", content: { "application/json": media } },
            "404": { description: "Not found" },
          },
        },
      },
    },
    components: {
      schemas: { Order: order },
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
    },
    ...extra,
  };
}

const ref = { $ref: "#/components/schemas/Order" };

function failure(doc: OpenAPIDocument): string {
  try {
    checkExamples(doc, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineError);
    return (e as Error).message;
  }
  throw new Error("expected checkExamples to fail");
}

describe("checkExamples", () => {
  it("accepts examples that match their schemas (refs, nullable, OpenAPI-only formats)", () => {
    const value = { id: "o1", amount: 1.5, email: "ada@example.com", note: null, count: 2 };
    expect(() =>
      checkExamples(spec({ schema: ref, example: value, examples: { b: { value } } }), FILE),
    ).not.toThrow();
    expect(() => checkExamples(spec({ schema: order, example: value }), FILE)).not.toThrow();
  });

  it("names the file, the operation, the example, the instance path and what was expected", () => {
    const message = failure(
      spec({
        schema: ref,
        example: { id: "o1", amount: "12" },
        examples: { other: { value: {} } },
      }),
    );
    expect(message).toContain(`${FILE}: examples do not match their schemas:`);
    expect(message).toMatch(/GET \/orders\/\{id\} 200 response example: \/amount\b.*number/);
    expect(message).toMatch(/GET \/orders\/\{id\} 200 response example other: \(root\).*\bid\b/);
  });

  it("reports a nested failure at its own path, in an inline schema too", () => {
    const message = failure(spec({ schema: order, example: { id: "o1", lines: [{ sku: 7 }] } }));
    expect(message).toMatch(/200 response example: \/lines\/0\/sku\b.*string/);
  });

  it("checks formats that JSON Schema knows", () => {
    const message = failure(spec({ schema: ref, example: { id: "o1", email: "not an email" } }));
    expect(message).toMatch(/\/email\b.*email/);
  });

  it("says which property is not allowed, and which $ref does not resolve", () => {
    const closed = { ...order, additionalProperties: false };
    expect(failure(spec({ schema: closed, example: { id: "o1", extra: 1 } }))).toMatch(
      /200 response example: \(root\).*"extra"/,
    );
    const missing = { $ref: "#/components/schemas/Missing" };
    expect(failure(spec({ schema: missing, example: {} }))).toMatch(
      /200 response example: .*\$ref "#\/components\/schemas\/Missing"/,
    );
  });

  it("checks request bodies and refs to other components", () => {
    const doc = spec({ schema: ref });
    doc.components.schemas.Wrapper = { type: "object", properties: { order: ref } };
    doc.paths["/orders/{id}"].get.requestBody = {
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/Wrapper" },
          example: { order: { amount: 1 } },
        },
      },
    };
    expect(failure(doc)).toMatch(/GET \/orders\/\{id\} request example: \/order\b.*\bid\b/);
  });
});

const lint = (doc: OpenAPIDocument) => lintSpec(doc, toYaml(doc), FILE);

describe("lintSpec", () => {
  it("passes a valid spec and returns the warnings", async () => {
    expect(await lint(spec({ schema: ref }))).toEqual([]);
    const doc = spec({ schema: ref }, { servers: [{ url: "https://example.com" }] });
    expect(await lint(doc)).toEqual([
      `${FILE} at /servers/0/url: Server \`url\` should not point to example.com or localhost. (no-server-example.com)`,
    ]);
  });

  it("takes an operation the docs give no auth (a public endpoint, a webhook), with a warning", async () => {
    const doc = spec({ schema: ref });
    delete doc.security;
    doc.webhooks = {
      "order.paid": {
        post: {
          summary: "Order paid",
          operationId: "orderPaid",
          responses: { "200": { description: "OK" } },
        },
      },
    };
    const warnings = await lint(doc);
    expect(warnings.filter((w) => w.endsWith("(security-defined)")).length).toBeGreaterThan(0);
  });

  it("still fails on a requirement that names a scheme the spec does not define", async () => {
    const doc = spec({ schema: ref });
    doc.paths["/orders/{id}"].get.security = [{ bearerAuth: [] }];
    await expect(lint(doc)).rejects.toThrow(
      `${FILE} at /paths/~1orders~1{id}/get/security/0/bearerAuth: There is no \`bearerAuth\` security scheme defined. (security-defined)`,
    );
  });

  it("keeps a provider's trailing-slash path, with a warning", async () => {
    const doc = spec({ schema: ref });
    doc.paths["/orders/"] = {
      post: {
        operationId: "listOrders",
        summary: "List",
        responses: { "200": { description: "OK" } },
      },
    };
    const warnings = await lint(doc);
    expect(warnings.some((w) => w.includes("(no-path-trailing-slash)"))).toBe(true);
  });

  it("fails with the file, the JSON pointer and the rule of every error", async () => {
    const doc = spec({ schema: ref });
    delete doc.paths["/orders/{id}"].get.summary;
    doc.paths["/orders/{id}"].post = { operationId: "getOrder", responses: {} };
    const run = lint(doc);
    await expect(run).rejects.toBeInstanceOf(PipelineError);
    const message = await run.catch((e: Error) => e.message);
    expect(message).toContain("the spec does not pass the OpenAPI linter:");
    expect(message).toContain(
      `${FILE} at /paths/~1orders~1{id}/get/summary: Operation object should contain \`summary\` field. (operation-summary)`,
    );
    expect(message).toContain("(operation-operationId-unique)");
    expect(message).toContain("(path-parameters-defined)");
  });

  it("reports an unresolved reference", async () => {
    const doc = spec({ schema: { $ref: "#/components/schemas/Missing" } });
    await expect(lint(doc)).rejects.toThrow(/no-unresolved-refs/);
  });

  it("refuses a reference to another file, even one that exists", async () => {
    const doc = spec({ schema: { $ref: "package.json#/name" } });
    await expect(lint(doc)).rejects.toThrow(
      /at \/paths\/.*\/schema: .*only local references .*\(no-unresolved-refs\)/,
    );
  });

  it("lints what normalize hands on: undefined values, which the YAML leaves out, are gone", async () => {
    const doc = spec({ schema: ref });
    doc.paths["/orders/{id}"].get.description = undefined;
    doc.paths["/orders/{id}"].get.parameters?.push(undefined);
    const loose = { ...doc, info: { ...doc.info, summary: undefined } };
    const normalized = normalize(loose as OpenAPIDocument, CONFIG);
    expect("summary" in normalized.info).toBe(false);
    const get = normalized.paths["/orders/{id}"].get;
    expect("description" in get).toBe(false);
    expect(get.parameters).not.toContain(undefined);
    await expect(lintSpec(normalized, toYaml(normalized), FILE)).resolves.toBeDefined();
  });

  it("reports a path with a literal % without crashing", async () => {
    const doc = spec({ schema: ref });
    doc.paths["/100%/{id}/b"] = doc.paths["/orders/{id}"];
    doc.paths["/100%/a/{x}"] = doc.paths["/orders/{id}"];
    const warnings = await lint(doc).catch((e: Error) => [e.message]);
    expect(warnings.join("\n")).toContain("/100%/");
  });

  it("leaves the document as it was", async () => {
    const doc = spec({ schema: ref, example: { id: "o1" } });
    const before = structuredClone(doc);
    await lint(doc);
    expect(doc).toEqual(before);
  });
});

describe("lintSpec reports ambiguous paths as Redocly's recommended ruleset did", () => {
  /** The recommended ruleset with lintSpec's changes, but with Redocly's own no-ambiguous-paths. */
  const withTheRule = createConfig({
    extends: ["recommended"],
    rules: { "info-license": "off", "no-invalid-media-type-examples": "off" },
  });

  const get = (summary: string, parameters: string[]) => ({
    get: {
      summary,
      operationId: summary.replace(/\W/g, ""),
      parameters: parameters.map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      // No 4XX response: a warning (operation-4xx-response) beneath each path.
      responses: { "200": { description: "OK" } },
    },
  });
  const doc: OpenAPIDocument = {
    openapi: "3.1.0",
    // No description or contact: a warning before `paths` (info-contact, if warned).
    info: { title: "Acme", version: "1.0.0" },
    servers: [{ url: "https://example.com/api" }],
    security: [{ key: [] }],
    paths: {
      "/orders/{id}": get("get order", ["id"]),
      "/orders/mine": get("mine", []),
      "/{kind}/mine": get("by kind", ["kind"]),
      "/{kind}/open": get("open by kind", ["kind"]),
    },
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
      schemas: { Unused: { type: "string" } },
    },
  };

  it("with the same message, pointer, rule and place among the other warnings", async () => {
    const config = await withTheRule;
    const yaml = toYaml(doc);
    const problems = await lintDocument({
      document: { source: new Source(FILE, yaml), parsed: doc },
      config: config.styleguide,
      externalRefResolver: new BaseResolver(config.resolve),
    });
    const expected = problems
      .filter((p) => p.severity === "warn")
      .map((p) => {
        const where = (p.location[0]?.pointer ?? "").replace(/^#/, "");
        return `${FILE}${where ? ` at ${decodeURIComponent(where)}` : ""}: ${p.message} (${p.ruleId})`;
      });
    const ambiguous = expected.filter((w) => w.endsWith("(no-ambiguous-paths)"));
    expect(ambiguous).toEqual([
      `${FILE} at /paths/~1{kind}~1mine: Paths should resolve unambiguously. Found two ambiguous paths: \`/orders/{id}\` and \`/{kind}/mine\`. (no-ambiguous-paths)`,
      `${FILE} at /paths/~1{kind}~1open: Paths should resolve unambiguously. Found two ambiguous paths: \`/orders/{id}\` and \`/{kind}/open\`. (no-ambiguous-paths)`,
    ]);
    // Other warnings before and after them, so that their place is checked too.
    expect(expected.indexOf(ambiguous[0] as string)).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(expected.indexOf(ambiguous[1] as string) + 1);
    expect(await lintSpec(doc, yaml, FILE)).toEqual(expected);
  });
});
