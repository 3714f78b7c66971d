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

// A response section with no fields, the end of most pages below.
const OK_RESPONSE = ["Response", "", "200 - application/json", "", "OK."];

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
      ...OK_RESPONSE,
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

describe("an extraction that joins a field's parts with spaces", () => {
  it("reads ` name type pills`, fields after two spaces, `}' 200 {` and a footer run into a line", () => {
    const text = [
      "Create Kettle",
      "",
      "curl --request POST \\\\ ",
      " --url https://api.kettlebrewco.dev/kettles \\\\ ",
      " --data '{ ",
      ' "size": 2 ',
      "}' 200 422 { ",
      ' "kettleId" : "<string>" ',
      "} Kettles",
      "",
      "Create Kettle",
      "",
      "POST / kettles Try it",
      "",
      "Authorizations",
      "",
      " Authorization string header required",
      "",
      "Your key.",
      "",
      "Body",
      "",
      "application/json  size integer required",
      "",
      "Litres.",
      "",
      "Required range: x >= 1  colour string",
      "",
      "The colour.",
      "",
      "Response",
      "",
      "200 application/json",
      "",
      "Successful Response",
      "",
      " kettleId string required",
      "",
      "The new kettle.",
      "",
      " boiling boolean default: false",
      "",
      "Whether it boils.",
      "",
      "Introduction Create Kettle github discord Powered by Mintlify ----------",
    ].join("\n");
    const op = operationOf(parse(text), "/kettles", "post");
    expect(json(op.requestBody).schema).toMatchObject({
      properties: {
        size: { type: "integer", description: "Litres.", minimum: 1 },
        colour: { type: "string", description: "The colour." },
      },
      required: ["size"],
    });
    const ok = (op.responses as Record<string, Schema>)["200"] as Schema;
    expect(ok.description).toBe("Successful Response");
    expect(json(ok).schema).toEqual({
      type: "object",
      properties: {
        kettleId: { type: "string", description: "The new kettle." },
        boiling: { type: "boolean", default: false, description: "Whether it boils." },
      },
      required: ["kettleId"],
    });
    expect(json(ok).example).toEqual({ kettleId: "<string>" });
  });
});

describe("a hand-written page's `Errors` after the response", () => {
  it("is left out with a warning, not refused", () => {
    const text = [
      "POST",
      "/",
      "kettles",
      "",
      ...OK_RESPONSE,
      "",
      "id",
      "string",
      "",
      "The kettle.",
      "",
      "Errors",
      "",
      "400 — Size missing",
      "object",
      "Returned when size is missing.",
    ].join("\n");
    const warnings: string[] = [];
    const doc = parseMintlifyPage(text, {
      file: "page.txt",
      warn: (w) => warnings.push(w.message),
    });
    expect(Object.keys(operationOf(doc, "/kettles", "post").responses as Schema)).toEqual(["200"]);
    expect(warnings.join("\n")).toMatch(/page\.txt:16: .*error responses it lists are left out/);
  });

  it("over fields, not statuses, is still an unknown section", () => {
    const text = ["POST", "/", "kettles", "", ...OK_RESPONSE, "", "Errors", "", "name", "string"];
    expect(() => parse(text.join("\n"))).toThrow(/page\.txt:\d+: expected a known section/);
  });
});

describe("a path whose parameter follows a segment with no slash", () => {
  it("keeps `/kettles{kettle_id}` as the page shows it, the parameter no title", () => {
    const text = ["GET", "/", "kettles", "{kettle_id}", "", ...OK_RESPONSE];
    expect(Object.keys(parse(text.join("\n")).paths)).toEqual(["/kettles{kettle_id}"]);
  });
});

describe("lines like the spaced extraction's in an ordinary copy", () => {
  it("stay text: ` Any integer`, `a  JSON object`, `100 requests/minute`, a sentence ending `Powered by Mintlify`", () => {
    const text = [
      "POST",
      "/",
      "kettles",
      "",
      "Kettles as a service. Our docs are Powered by Mintlify",
      "",
      "Body",
      "",
      "application/json",
      "size",
      "integer",
      "",
      "Litres.",
      " Any integer",
      " count integer",
      "",
      "note",
      "string",
      "",
      "Must be a  JSON object",
      "",
      "Response",
      "",
      "200 - application/json",
      "",
      "OK.",
      "",
      "limit",
      "integer",
      "",
      "The rate.",
      "100 requests/minute",
    ].join("\n");
    const doc = parse(text);
    const op = operationOf(doc, "/kettles", "post");
    expect(op.summary).toBe("Kettles as a service. Our docs are Powered by Mintlify");
    expect((json(op.requestBody).schema as Schema).properties).toEqual({
      size: { type: "integer", description: "Litres.\nAny integer\ncount integer" },
      note: { type: "string", description: "Must be a  JSON object" },
    });
    const ok = (op.responses as Record<string, Schema>)["200"];
    expect(Object.keys(op.responses as Schema)).toEqual(["200"]);
    expect((json(ok).schema as Schema).properties).toEqual({
      limit: { type: "integer", description: "The rate.\n100 requests/minute" },
    });
  });
});

describe("a copy that lost the title and the Authorizations heading", () => {
  it("reads `Authorization` under the description as the scheme, its quoted default over `required`", () => {
    const text = [
      "POST",
      "/",
      "kettles",
      "",
      "Every date is written YYYY-MM-DD.",
      "",
      "Authorization",
      "string",
      "default:",
      '"none"',
      "required",
      "",
      "The kettle shop's token.",
      "",
      "Body",
      "",
      "size",
      "string",
      "default:",
      '"small"',
      "required",
      "",
      ...OK_RESPONSE,
    ];
    const doc = parse(text.join("\n"));
    const op = operationOf(doc, "/kettles", "post");
    expect(op.description ?? "").not.toContain("Authorization");
    expect(doc.components?.securitySchemes).toEqual({
      authorization: {
        type: "apiKey",
        in: "header",
        name: "Authorization",
        description: "The kettle shop's token.",
      },
    });
    expect(json(op.requestBody).schema).toMatchObject({
      properties: { size: { type: "string", default: "small" } },
      required: ["size"],
    });
  });

  it("takes no playground's `Authorization` input for it where the page has its own Authorizations", () => {
    const text = [
      "POST",
      "/",
      "kettles",
      "",
      "Send",
      "",
      "Authorization",
      "string",
      "Bearer",
      "",
      "Authorizations",
      "",
      "Authorization",
      "string",
      "header",
      "required",
      "",
      "The token.",
      "",
      ...OK_RESPONSE,
    ];
    const doc = parse(text.join("\n"));
    expect(doc.components?.securitySchemes).toEqual({
      authorization: {
        type: "apiKey",
        in: "header",
        name: "Authorization",
        description: "The token.",
      },
    });
  });

  it("leaves the example panel below a lost Authorizations field read", () => {
    const text = [
      "POST",
      "/",
      "kettles",
      "Start a kettle",
      "",
      "X-Api-Key",
      "string",
      "header",
      "required",
      "",
      "Your key.",
      "",
      "cURL",
      "curl --request POST \\",
      "  --url https://api.kettle.example/kettles \\",
      '  --data \'{"size": "small"}\'',
      '{\n  "id": "k_1",\n  "cups": 2\n}',
      "",
      "Body",
      "",
      "size",
      "string",
      "",
      ...OK_RESPONSE,
    ];
    const op = operationOf(parse(text.join("\n")), "/kettles", "post");
    expect(json(op.requestBody).example).toEqual({ size: "small" });
  });
});
