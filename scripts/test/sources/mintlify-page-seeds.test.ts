import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { looksLikeMintlifyPage, parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

const seed = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const TELNESS = "specs/telness/upstream/get-payment-session.txt";
const YORLET = "specs/yorlet/upstream/retrieve-a-payment-session.txt";

/**
 * Validates `value` against `schema`, resolving the page's component references. Mintlify fills
 * generated examples with `"<string>"` whatever the format; those format errors are upstream's.
 */
function validate(doc: OpenAPIDocument, schema: OpenAPIDocument, value: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  addFormats.default(ajv);
  const check = ajv.compile({ ...schema, components: doc.components ?? {} });
  check(value);
  return (check.errors ?? [])
    .filter((e) => !(e.keyword === "format" && e.data === "<string>"))
    .map((e) => ({ keyword: e.keyword, params: e.params }));
}

/** Every property schema with `examples`, with the path to it. */
function fieldExamples(schema: OpenAPIDocument, path = ""): [string, OpenAPIDocument][] {
  const found: [string, OpenAPIDocument][] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const p = property as OpenAPIDocument;
    if (p.examples !== undefined) found.push([`${path}${name}`, p]);
    found.push(...fieldExamples(p, `${path}${name}.`));
  }
  return found;
}

describe("mintlify-page seed: Telness get payment session", () => {
  const doc = parseMintlifyPage(seed(TELNESS), { file: TELNESS });
  const op = doc.paths["/payment-sessions/{paymentSessionId}"].get;
  const media = op.responses["200"].content["application/json"];
  const props = media.schema.properties;

  it("is detected as a rendered page", () => {
    expect(looksLikeMintlifyPage(seed(TELNESS))).toBe(true);
  });

  it("has the operation, no placeholder server and the X-Api-Key scheme", () => {
    expect(op.summary).toBe("Get payment session");
    expect(doc.servers).toBeUndefined();
    expect(doc.components.securitySchemes.xApiKey).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-Api-Key",
    });
    expect(op.security).toEqual([{ xApiKey: [] }]);
    expect(op.parameters).toEqual([
      {
        name: "paymentSessionId",
        in: "path",
        description: "The unique identifier of the payment session to retrieve.",
        required: true,
        schema: { type: "string" },
      },
    ]);
  });

  it("holds every field with the right type, required-ness and enum", () => {
    expect(Object.keys(props)).toHaveLength(13);
    expect(props.status.enum).toEqual(["PENDING", "REQUIRES_ACTION", "COMPLETED", "FAILED"]);
    expect(props.createdAt).toMatchObject({ type: "string", format: "date-time" });
    expect(props.updatedAt).toMatchObject({ type: "string", format: "date-time" });
    expect(props.savePaymentProfile.type).toBe("boolean");
    expect(media.schema.required).toEqual([
      "paymentSessionId",
      "orderId",
      "paymentProvider",
      "savePaymentProfile",
      "hosted",
      "provider",
      "status",
      "metadata",
      "createdAt",
      "updatedAt",
    ]);
    expect(op.responses["200"].description).toBe("Payment session retrieved successfully");
    expect(media.schema.description).toMatch(/^A payment session that wraps/);
  });

  it("names the provider schema and recovers its properties from the example", () => {
    expect(props.provider.$ref).toBe("#/components/schemas/StripePaymentIntentConfiguration");
    const provider = doc.components.schemas.StripePaymentIntentConfiguration;
    expect(Object.keys(provider.properties)).toEqual([
      "clientSecret",
      "publishableKey",
      "paymentIntentId",
    ]);
    expect(provider.required).toBeUndefined();
  });

  it("keeps metadata's multi-line example", () => {
    expect(props.metadata.type).toBe("object");
    expect(props.metadata.examples).toEqual([{ source: "mobile_app", campaign: "summer_2024" }]);
  });

  it("has a response example that validates against the schema", () => {
    expect(media.example.paymentSessionId).toBe("d2e3f4a5-b6c7-8901-2345-012345678901");
    expect(validate(doc, media.schema, media.example)).toEqual([]);
  });

  it("has field examples that validate against their fields", () => {
    const examples = fieldExamples(media.schema);
    expect(examples.length).toBeGreaterThan(10);
    for (const [path, property] of examples) {
      expect([path, validate(doc, property, property.examples[0])]).toEqual([path, []]);
    }
  });
});

describe("mintlify-page seed: Yorlet retrieve a payment session", () => {
  const doc = parseMintlifyPage(seed(YORLET), { file: YORLET });
  const op = doc.paths["/v1/payment_sessions/{id}"].get;
  const media = op.responses["200"].content["application/json"];
  const props = media.schema.properties;

  it("has the server, bearer auth and the id parameter", () => {
    expect(doc.servers).toEqual([{ url: "https://api.yorlet.com" }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(op.parameters[0]).toMatchObject({ name: "id", in: "path", required: true });
  });

  it("holds every field with the right type, nullability and enum", () => {
    expect(Object.keys(props)).toHaveLength(18);
    expect(props.status.enum).toEqual(["paid", "unpaid", "canceled"]);
    expect(props.object).toEqual({ type: "string", enum: ["payment_session"] });
    expect(props.mode.enum).toEqual(["payment"]);
    expect(props.description.type).toEqual(["string", "null"]);
    expect(props.url.type).toEqual(["string", "null"]);
    expect(props.customer).toEqual({ description: "The customer the payment session is for." });
    expect(props.transaction).toEqual({
      description: "The transaction created for this payment session.",
    });
    expect(props.deleted).toMatchObject({ type: "boolean", default: false });
    expect(props.created.type).toBe("number");
    expect(props.payment_method_types).toMatchObject({ type: "array", items: { type: "string" } });
    expect(media.schema.required).toContain("status");
    expect(media.schema.required).not.toContain("account");
  });

  it("recovers the merchant object from the example and leaves metadata open", () => {
    expect(Object.keys(props.merchant.properties)).toHaveLength(9);
    expect(props.merchant.properties.support_email).toEqual({ type: "string" });
    expect(props.metadata).toMatchObject({ type: "object", additionalProperties: true });
  });

  it("has an example that fails only on the status the page marks required but omits", () => {
    // Upstream inconsistency kept visible on purpose: the overlay decides, not the parser.
    expect(validate(doc, media.schema, media.example)).toEqual([
      { keyword: "required", params: { missingProperty: "status" } },
    ]);
  });
});

describe("mintlify-page hand-written fixtures: examples validate against recovered schemas", () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../fixtures/mintlify-page/${name}`, import.meta.url), "utf8");

  it.each(["create-refund.txt", "create-subscription-compact.txt"])("%s", (name) => {
    const doc = parseMintlifyPage(fixture(name), { file: name });
    const [item] = Object.values(doc.paths) as OpenAPIDocument[];
    const [op] = Object.values(item as OpenAPIDocument) as OpenAPIDocument[];
    const media = [
      ...Object.values(op?.requestBody?.content ?? {}),
      ...Object.values(op?.responses ?? {}).flatMap((r) =>
        Object.values((r as OpenAPIDocument).content ?? {}),
      ),
    ] as OpenAPIDocument[];
    const withExamples = media.filter((m) => m.example !== undefined);
    expect(withExamples.length).toBeGreaterThan(0);
    for (const m of withExamples) expect(validate(doc, m.schema, m.example)).toEqual([]);
  });
});
