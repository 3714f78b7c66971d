import { describe, expect, it } from "vitest";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Copies of rendered pages in shapes the other suites do not hold: a site in Arabic, and an
// extraction that ran the example's closing brace into the next panel's text.

type Schema = Record<string, unknown>;
const parse = (text: string): OpenAPIDocument => parseMintlifyPage(text, { file: "page.txt" });
const operationOf = (doc: OpenAPIDocument, path: string, method: string): Schema =>
  (doc.paths as Record<string, Record<string, Schema>>)[path]?.[method] as Schema;
const json = (holder: unknown): Schema =>
  ((holder as Schema).content as Record<string, Schema>)["application/json"] as Schema;

describe("a page from a site in Arabic", () => {
  it("reads Mintlify's Arabic labels as the English ones, and skips the skip link", () => {
    const text = [
      "الانتقال إلى المحتوى الرئيسي",
      "POST",
      "/",
      "parcels",
      "",
      "التفويضات",
      "",
      "Authorization",
      "string",
      "header",
      "مطلوب",
      "",
      "Bearer token.",
      "",
      "الجسم",
      "",
      "application/json",
      "weight",
      "integer",
      "مطلوب",
      "",
      "Grams.",
      "",
      "مثال:",
      "",
      "1200",
      "",
      "الاستجابة",
      "",
      "Created.",
      "",
      "parcel_id",
      "string",
      "",
      "The new parcel.",
    ].join("\n");
    const doc = parse(text);
    expect(doc.info.title).toBe("POST /parcels");
    const op = operationOf(doc, "/parcels", "post");
    expect(json(op.requestBody).schema).toEqual({
      type: "object",
      properties: { weight: { type: "integer", description: "Grams.", examples: [1200] } },
      required: ["weight"],
    });
    const ok = (op.responses as Record<string, Schema>)["200"];
    expect((json(ok).schema as Schema).properties).toEqual({
      parcel_id: { type: "string", description: "The new parcel." },
    });
    expect(op.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe("an example run into the next panel's text", () => {
  it("ends at its closing brace: `}Documentation Index` is the brace, then a line of its own", () => {
    const text = [
      "List parcels",
      "curl --request GET \\",
      "--url https://api.parcelbee.test/parcels \\",
      "--header 'Authorization: Bearer <token>'{",
      '"parcels": [',
      '{ "id": "p_1" }',
      "]",
      "}Documentation Index",
      "GET",
      "/",
      "parcels",
      "",
      "Response",
      "",
      "200 - application/json",
      "",
      "OK.",
    ].join("\n");
    const op = operationOf(parse(text), "/parcels", "get");
    const ok = (op.responses as Record<string, Schema>)["200"];
    expect(json(ok).example).toEqual({ parcels: [{ id: "p_1" }] });
  });
});

describe("a hand-written page's rendered header and fields", () => {
  it("reads `POST https://host/path?query`, an untyped path parameter and `String or null`", () => {
    const text = [
      "POST https://api.kettlebrewco.dev/v1/brews/{brew_id}?dry_run=false",
      "Start a brew.",
      "",
      "Parameters",
      "",
      "brew_id",
      "The brew to start.",
      "",
      "Body",
      "",
      "strength",
      "integer",
      "required",
      "How strong.",
      "",
      "Response",
      "",
      "started_at",
      "String or null",
      "",
      "When it started.",
    ].join("\n");
    const doc = parse(text);
    expect(doc.servers).toEqual([{ url: "https://api.kettlebrewco.dev" }]);
    const op = operationOf(doc, "/v1/brews/{brew_id}", "post");
    expect(op.parameters).toEqual([
      {
        name: "brew_id",
        in: "path",
        description: "The brew to start.",
        required: true,
        schema: {},
      },
    ]);
    expect((json(op.requestBody).schema as Schema).required).toEqual(["strength"]);
    const ok = (op.responses as Record<string, Schema>)["200"];
    expect((json(ok).schema as Schema).properties).toEqual({
      started_at: { type: ["string", "null"], description: "When it started." },
    });
  });
});

describe("a whole URL after a method in a page's prose", () => {
  it("names no operation when the page's curl calls another path", () => {
    const text = [
      "Get balance",
      "Returns the balance. Call it with a token from:",
      "POST https://api.kettlebrewco.dev/v1/tokens",
      "curl https://api.kettlebrewco.dev/v1/balance \\",
      "  -H 'Authorization: Bearer <token>'",
      "",
      "Response",
      "",
      "amount",
      "integer",
      "",
      "The balance.",
    ].join("\n");
    expect(Object.keys(parse(text).paths)).toEqual(["/v1/balance"]);
  });
});

describe("the Arabic example label opening a sentence", () => {
  it("is the description, as Chinese `例:` in prose is", () => {
    const text = [
      "POST",
      "/",
      "weights",
      "",
      "Body",
      "",
      "application/json",
      "unit",
      "string",
      "",
      "مثال: g للغرام",
    ].join("\n");
    const unit = (json(operationOf(parse(text), "/weights", "post").requestBody).schema as Schema)
      .properties as Record<string, Schema>;
    expect(unit.unit).toEqual({ type: "string", description: "مثال: g للغرام" });
  });
});

describe("an example run into text in another script", () => {
  it("ends at its brace: `}فهرس` is the brace, then the next panel's line", () => {
    const text = [
      "Delete parcel",
      "curl --request DELETE \\",
      "--url https://api.parcelbee.test/parcels/{id} \\",
      "--header 'Authorization: Bearer <token>'{",
      '"deleted": true',
      "}فهرس الوثائق",
      "DELETE",
      "/",
      "parcels",
      "/",
      "{id}",
      "",
      "Response",
      "",
      "200 - application/json",
      "",
      "Deleted.",
    ].join("\n");
    const op = operationOf(parse(text), "/parcels/{id}", "delete");
    const ok = (op.responses as Record<string, Schema>)["200"];
    expect(json(ok).example).toEqual({ deleted: true });
  });
});
