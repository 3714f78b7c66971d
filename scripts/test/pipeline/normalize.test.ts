import { describe, expect, it } from "vitest";
import { camelCase, normalize } from "../../src/pipeline/normalize.ts";
import type { ProviderConfig } from "../../src/pipeline/provider.ts";

const config: ProviderConfig = {
  id: "acme",
  title: "Acme API",
  package: "@payclients/acme",
  sources: [],
  environments: { sandbox: "https://sandbox.acme.test/api/", production: "https://acme.test" },
  operationIds: "keep",
};

const doc = (operation: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "upstream", version: "2.0" },
  paths: { "/things/{id}": { get: { summary: "Get a thing", responses: {}, ...operation } } },
  ...extra,
});

describe("normalize", () => {
  it("turns */* into application/json", () => {
    const out = normalize(
      doc({
        responses: {
          200: { description: "OK", content: { "*/*": { schema: { type: "string" } } } },
        },
      }),
      config,
    );
    expect(Object.keys(out.paths["/things/{id}"].get.responses["200"].content)).toEqual([
      "application/json",
    ]);
  });

  it("replaces generated operationIds (getSession_1) from the summary", () => {
    const out = normalize(doc({ operationId: "getSession_1" }), config);
    expect(out.paths["/things/{id}"].get.operationId).toBe("getThing");
  });

  it("keeps readable operationIds unless the provider says they are generated", () => {
    expect(
      normalize(doc({ operationId: "fetchThing" }), config).paths["/things/{id}"].get.operationId,
    ).toBe("fetchThing");
    const summary = { ...config, operationIds: "summary" as const };
    expect(
      normalize(doc({ operationId: "fetchThing" }), summary).paths["/things/{id}"].get.operationId,
    ).toBe("getThing");
  });

  it("derives missing operationIds and rejects duplicates", () => {
    // biome-ignore lint/suspicious/noExplicitAny: adding a path the literal type does not have.
    const twice: Record<string, any> = doc({}, {});
    twice.paths["/other"] = { get: { summary: "Get a thing", responses: {} } };
    expect(() => normalize(twice, config)).toThrow("operationId getThing is used by");
  });

  it("camel-cases summaries", () => {
    expect(camelCase("Get agent payment session")).toBe("getAgentPaymentSession");
    expect(camelCase("Create agent-payment session (v2)")).toBe("createAgentPaymentSessionV2");
    expect(camelCase("Retrieve a payment session")).toBe("retrievePaymentSession");
    expect(camelCase("Créer un paiement")).toBe("creerUnPaiement");
    // Another script has no words to camel-case (nor has a summary that mixes one in).
    expect(camelCase("查询渲染任务")).toBe("");
    expect(camelCase("获取 Webhook 列表")).toBe("");
  });

  it("names an operation without a summary by its method and path, and labels it so", () => {
    // biome-ignore lint/suspicious/noExplicitAny: adding a path the literal type does not have.
    const bare: Record<string, any> = doc({}, {});
    bare.paths["/volumes/{id}/info"] = { get: { responses: {} } };
    const op = normalize(bare, config).paths["/volumes/{id}/info"].get;
    expect([op.operationId, op.summary]).toEqual(["getVolumesIdInfo", "GET /volumes/{id}/info"]);
  });

  it("labels a webhook without a summary with its event", () => {
    // biome-ignore lint/suspicious/noExplicitAny: adding webhooks the literal type does not have.
    const hooks: Record<string, any> = doc({}, {});
    hooks.webhooks = { "seed.planted": { post: { responses: { "204": { description: "OK" } } } } };
    expect(normalize(hooks, config).webhooks["seed.planted"].post.summary).toBe("seed.planted");
  });

  it("names an operation whose summary is in another script by its method and path", () => {
    // biome-ignore lint/suspicious/noExplicitAny: adding a path the literal type does not have.
    const zh: Record<string, any> = doc({}, {});
    zh.paths["/v2/renders/{render_id}"] = { get: { summary: "查询渲染任务", responses: {} } };
    const out = normalize(zh, config);
    expect(out.paths["/v2/renders/{render_id}"].get.operationId).toBe("getV2RendersRenderId");
  });

  it("upgrades 3.0 schema idioms to 3.1", () => {
    const schemas = {
      A: {
        type: "object",
        properties: {
          n: { type: "number", minimum: 0.5, exclusiveMinimum: false },
          m: { type: "number", minimum: 1, exclusiveMinimum: true },
          s: { type: "string", nullable: true, example: "x" },
        },
      },
    };
    const out = normalize(doc({}, { components: { schemas } }), config);
    const p = out.components.schemas.A.properties;
    expect(p.n).toEqual({ type: "number", minimum: 0.5 });
    expect(p.m).toEqual({ type: "number", exclusiveMinimum: 1 });
    expect(p.s).toEqual({ type: ["string", "null"], examples: ["x"] });
  });

  it("adds null to a lone anyOf's alternatives, and wraps any other composition", () => {
    const date = { type: "string", format: "date-time" };
    const schemas = {
      A: {
        type: "object",
        properties: {
          when: { anyOf: [date, { type: "string" }], nullable: true },
          again: { anyOf: [date, { type: "null" }], nullable: true },
          ref: { allOf: [{ $ref: "#/components/schemas/B" }], nullable: true },
        },
      },
      B: { type: "string", enum: ["x"] },
    };
    const out = normalize(doc({}, { components: { schemas } }), config);
    const p = out.components.schemas.A.properties;
    expect(p.when).toEqual({ anyOf: [date, { type: "string" }, { type: "null" }] });
    expect(p.again).toEqual({ anyOf: [date, { type: "null" }] });
    expect(p.ref).toEqual({
      anyOf: [{ allOf: [{ $ref: "#/components/schemas/B" }] }, { type: "null" }],
    });
    // A oneOf is wrapped: null added among alternatives one of which admits it would match two.
    const choice = {
      oneOf: [{ type: "string", nullable: true }, { type: "integer" }],
      nullable: true,
    };
    const wrapped = normalize(
      doc({}, { components: { schemas: { C: { type: "object", properties: { choice } } } } }),
      config,
    ).components.schemas.C.properties.choice;
    expect(wrapped).toEqual({
      anyOf: [{ oneOf: [{ type: ["string", "null"] }, { type: "integer" }] }, { type: "null" }],
    });
  });

  it("lists one server per environment, without trailing slashes", () => {
    expect(normalize(doc({}), config).servers).toEqual([
      { url: "https://sandbox.acme.test/api", description: "sandbox" },
      { url: "https://acme.test", description: "production" },
    ]);
  });

  it("declares a baseUrl server variable when no host is published", () => {
    const out = normalize(doc({}), { ...config, environments: {} });
    expect(out.servers[0].url).toBe("{baseUrl}");
  });

  it("hoists security shared by every operation to the root", () => {
    const out = normalize(doc({ security: [{ key: [] }] }), config);
    expect(out.security).toEqual([{ key: [] }]);
    expect(out.paths["/things/{id}"].get.security).toBeUndefined();
  });

  it("takes the title from provider.yaml and orders keys stably", () => {
    const messy = {
      components: { schemas: { B: {}, A: {} } },
      paths: doc({}).paths,
      info: doc({}).info,
      openapi: "3.1.0",
    };
    const out = normalize(messy, config);
    expect(out.info.title).toBe("Acme API");
    expect(Object.keys(out)).toEqual(["openapi", "info", "servers", "paths", "components"]);
    expect(Object.keys(out.components.schemas)).toEqual(["A", "B"]);
  });

  it("is deterministic and does not modify its input", () => {
    const input = doc({ operationId: "x_1" });
    const before = JSON.stringify(input);
    expect(JSON.stringify(normalize(input, config))).toBe(JSON.stringify(normalize(input, config)));
    expect(JSON.stringify(input)).toBe(before);
  });
});
