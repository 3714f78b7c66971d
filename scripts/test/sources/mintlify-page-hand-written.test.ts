import { describe, expect, it } from "vitest";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Scrapes and copies of hand-written reference pages, and the guards that keep their rules from
// claiming what generated pages say otherwise (each case failed before its fix).
const parse = (text: string): OpenAPIDocument => parseMintlifyPage(text, { file: "p.md" });
const body = (doc: OpenAPIDocument, path: string, method = "post") =>
  doc.paths[path][method].requestBody.content["application/json"].schema;
const field = (name: string, ...pills: string[]) =>
  [`[\u200b](https://docs.x.example/p#param-${name})`, name, ...pills].join("\n\n");

describe("hand-written pages as the reader sees them", () => {
  it("reads sentence-case sections, a `## Response` in Mintlify's spelling notwithstanding", () => {
    const doc = parse(
      [
        "# Record an event",
        "POST",
        "/api/events/{id}",
        "## [\u200b](https://docs.x.example/p#path-parameters)  Path parameters",
        field("id", "string", "required", "The stream."),
        "## [\u200b](https://docs.x.example/p#request-body)  Request body",
        field("name", "string", "required", "The event's name."),
        "## [\u200b](https://docs.x.example/p#response)  Response",
        field("ok", "boolean", "Whether it was stored."),
      ].join("\n\n"),
    );
    expect(doc.paths["/api/events/{id}"].post.parameters[0]).toMatchObject({
      name: "id",
      in: "path",
    });
    expect(body(doc, "/api/events/{id}").required).toEqual(["name"]);
  });

  it("keeps a sentence-case heading as prose where a generated one, bold or not, has the kind", () => {
    const doc = parse(
      [
        "# Get a bot",
        "## GET",
        "```url\nhttps://api.x.example/v1/bots/{id}\n```",
        "## Path parameters",
        "The id the dashboard shows, not the name.",
        "#### **Path Parameters**",
        "[\u200b](https://docs.x.example/bots#parameter-id)",
        "id\n\nstring\n\nrequired\n\nThe bot.",
      ].join("\n\n"),
    );
    const op = doc.paths["/v1/bots/{id}"].get;
    expect(op.parameters).toHaveLength(1);
    expect(op.description).toContain("The id the dashboard shows");
  });

  it("reads a field written as a heading over its pills, which no group heading is", () => {
    const doc = parse(
      [
        "# Create a charge",
        "## POST",
        "```url\nhttps://api.x.example/v1/charges\n```",
        "## Body",
        "### amount",
        "integer\n\nrequired\n\nAmount in cents.",
        "### currency",
        "string\n\nThree-letter code.",
      ].join("\n\n"),
    );
    expect(Object.keys(body(doc, "/v1/charges").properties)).toEqual(["amount", "currency"]);
  });

  it("takes neither a list of type names nor a JSON:API name for fields or pills", () => {
    const listed = parse(
      "Create attribute\n\nPOST\n/\nattributes\n\nBody\n\napplication/json\n\n\u200b\nvalue_type\nstringrequired\nThe kind of value:\n\nstring\nint\nfloat\nbool\n\n\u200b\nlabel\nstring\nShown in the dashboard.\n",
    );
    expect(Object.keys(body(listed, "/attributes").properties)).toEqual(["value_type", "label"]);
    const jsonApi = parse(
      "List orders\nGET\n/\norders\nQuery Parameters\n\u200bpage[size]\ninteger\nHow many per page.\n",
    );
    expect(jsonApi.paths["/orders"].get.parameters[0]).toMatchObject({ name: "page[size]" });
  });

  it("keeps `Default: none` when none is one of the options", () => {
    const doc = parse(
      "Create export\n\nPOST\n/\nexports\n\nBody\n\napplication/json\n\n\u200b\ncompression\nenum<string>\nHow the file is packed. Default: none.\n\nAvailable options: none, gzip, zip\n",
    );
    expect(body(doc, "/exports").properties.compression.default).toBe("none");
  });
});

describe("a `Headers` section of the headers a call sends", () => {
  const page = (...headers: string[]) =>
    [
      "GET",
      "/v2/ledgers",
      "List ledgers",
      "Query Parameters",
      "limit\ninteger\nHow many.",
      "Headers",
      headers.join("\n"),
      "Response",
      "data\nobject[]",
    ].join("\n\n");

  it("reads `Name: value` lines as header parameters with their example, the media ones left out", () => {
    const doc = parse(page("Authorization: Bearer sk_test_0000", "Accept: application/json"));
    const op = doc.paths["/v2/ledgers"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["limit", "Authorization"]);
    expect(op.parameters[1]).toMatchObject({ in: "header", schema: { type: "string" } });
  });

  it("takes none listed after the response (the response's headers) for headers sent", () => {
    const text = [
      "GET",
      "/v2/ledgers",
      "List ledgers",
      "Response",
      "data\nobject[]",
      "Headers",
      "X-Request-Id: req_1",
    ];
    expect(() => parse(text.join("\n\n"))).toThrow(/a field name/);
  });

  it("reads one under Authorizations as the needed credential", () => {
    const text = [
      "GET",
      "/v2/ledgers",
      "List ledgers",
      "Authorizations",
      "Authorization: Bearer sk_test_0000",
      "Response",
      "data\nobject[]",
    ];
    expect(parse(text.join("\n\n")).paths["/v2/ledgers"].get.security).toEqual([
      { bearerAuth: [] },
    ]);
  });

  it("takes no sentence with a colon for a header", () => {
    expect(() => parse(page("Note: every call needs the ledger's key"))).toThrow(/a field name/);
    expect(() => parse(page("Version: 2"))).toThrow(/a field name/);
  });
});

describe("a section's own sentence over its first field", () => {
  const page = (intro: string) =>
    [
      "GET",
      "/v2/depots",
      "List depots",
      "Query Parameters",
      intro,
      "city\nstring\nThe depot's city.",
      "Response",
      "200\napplication/json",
      "count\ninteger",
    ].join("\n\n");

  it("is the operation's prose, said in a warning", () => {
    const warnings: string[] = [];
    const doc = parseMintlifyPage(page("Filter by city or more, and every filter is optional."), {
      file: "p.txt",
      warn: (w) => warnings.push(w.message),
    });
    const op = doc.paths["/v2/depots"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["city"]);
    expect(op.description).toContain("every filter is optional");
    expect(warnings.join("\n")).toMatch(/p\.txt:9: .*section's own prose/);
  });

  it("is still an error where it could be what is left of a field", () => {
    expect(() => parse(page("search"))).toThrow(/a field name/);
    expect(() => parse(page("The search text"))).toThrow(/a field name/);
    // A sentence naming none of the fields, as a lost field's description reads.
    expect(() => parse(page("The most depots to return at once."))).toThrow(/a field name/);
    // One under a field's mark (a zero-width space alone on the line above).
    expect(() =>
      parse(page("\u200b\nFilter by city or more, and every filter is optional.")),
    ).toThrow(/a field name/);
  });
});

describe("a copy that starts at the example panel", () => {
  const text = (...sections: string[]) =>
    [
      "curl --request POST \\",
      "  --url https://api.kettle.example/v1/brews \\",
      "  --header 'Content-Type: application/json' \\",
      "  --data '{",
      '  "blend": "<string>",',
      '  "cups": 2',
      "}'",
      ...sections,
    ].join("\n");

  it("takes the call from the curl, and a hand-written group of parameters for the body", () => {
    const warnings: string[] = [];
    const doc = parseMintlifyPage(
      text(
        "",
        "Fixed Parameters",
        "",
        "blend\nassam\nrequired\n\nThe one blend served.",
        "",
        "Optional Parameters",
        "",
        "cups\nint\ndefault: 1\n\nHow many.",
      ),
      { file: "p.txt", warn: (w) => warnings.push(w.message) },
    );
    const schema = body(doc, "/v1/brews");
    expect(schema.properties).toEqual({
      blend: { description: "The one blend served." },
      cups: { type: "integer", default: 1, description: "How many." },
    });
    expect(schema.required).toEqual(["blend"]);
    expect(warnings.join("\n")).toMatch(/p\.txt:12: expected a known type, not "assam"/);
  });

  it("is still no page where no section follows the curl", () => {
    expect(() => parse(text("", "Brews are poured hot."))).toThrow(/a known format|method/);
  });
});

describe("a hand-written page that shows its method alone", () => {
  it("takes the path from its curl, the method line put in the method's place", () => {
    const doc = parse(
      [
        "List kettles",
        "Every kettle the shop stocks.\nGET",
        "Response",
        '{\n  "kettles": [{ "id": 4 }]\n}',
        "Example",
        'curl -X GET "https://api.kettle.example/v1/kettles" \\\n  -H "Authorization: Bearer KEY"',
      ].join("\n\n"),
    );
    const op = doc.paths["/v1/kettles"].get;
    expect(op.summary).toBe("List kettles");
    expect(op.responses["200"].content["application/json"].schema.properties.kettles).toMatchObject(
      {
        type: "array",
      },
    );
  });

  it("is no page where the curl calls with another method", () => {
    const text = [
      "List kettles",
      "GET",
      "Response",
      '{ "ok": true }',
      'curl -X POST "https://api.kettle.example/v1/kettles"',
    ].join("\n\n");
    expect(() => parse(text)).toThrow();
  });
});

describe("a two-column table of a field's values", () => {
  it("stays in the field's description, and the next field is read", () => {
    const doc = parse(
      [
        "GET",
        "/v1/accounts",
        "List accounts",
        "Response",
        "200\napplication/json",
        "status\nstring\nThe state of the account, one of:",
        "Name\tDescription\nactive\tThe account is live.\nfrozen\tNo payouts are made.",
        "created_at\nstring\nWhen it was opened.",
      ].join("\n\n"),
    );
    const schema =
      doc.paths["/v1/accounts"].get.responses["200"].content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["status", "created_at"]);
    expect(schema.properties.status.description).toContain("frozen");
  });
});

describe("parameters listed by hand above the generated reference", () => {
  it("are the reference's, the hand listing's description kept where the reference has none", () => {
    const doc = parse(
      [
        "GET",
        "/v1/depots/{depotId}",
        "Get a depot",
        "Path Parameters",
        "ParameterTypeRequiredDescription\ndepotIdintegerYesThe depot's number",
        "Authorizations",
        "Authorization\nstring\nheader\nrequired\n\nA key.",
        "Path Parameters",
        "depotId\ninteger\nrequired",
        "Response",
        "200 - application/json",
        "id\ninteger",
      ].join("\n\n"),
    );
    expect(doc.paths["/v1/depots/{depotId}"].get.parameters).toEqual([
      {
        name: "depotId",
        in: "path",
        description: "The depot's number",
        required: true,
        schema: { type: "integer" },
      },
    ]);
  });

  it("still refuses one name listed twice in one section", () => {
    const text = [
      "GET",
      "/v1/depots",
      "List",
      "Query Parameters",
      "city\nstring",
      "city\ninteger",
      "Response",
      "id\ninteger",
    ];
    expect(() => parse(text.join("\n\n"))).toThrow(/one field named city/);
  });
});

describe("a hand-written section that holds nothing, and a curl below it", () => {
  it("reads `None.` as no fields, and the curl after it as no part of the section", () => {
    const doc = parse(
      [
        "POST",
        "/v1/brews",
        "Start a brew",
        "Body",
        "blend\nstring\nrequired",
        "Path Parameters",
        "None.",
        'curl --request POST \\\n  --url https://api.kettle.example/v1/brews \\\n  --data \'{"blend": "assam"}\'',
      ].join("\n\n"),
    );
    const op = doc.paths["/v1/brews"].post;
    expect(op.parameters).toBeUndefined();
    expect(op.requestBody.content["application/json"].schema.required).toEqual(["blend"]);
  });

  it("ends no section at a curl with a table or a field after it", () => {
    const head = ["GET", "/v1/kettles", "List kettles", "Query Parameters"];
    const tail = ["Response", "200 - application/json", "id\nstring"];
    const doc = parse(
      [
        ...head,
        "Name\tType\tDescription\nlimit\tinteger\tHow many, e.g.",
        "curl https://api.kettle.example/v1/kettles?limit=5",
        "Name\tType\tDescription\ncursor\tstring\tWhere the page starts.",
        ...tail,
      ].join("\n\n"),
    );
    expect(doc.paths["/v1/kettles"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "limit",
      "cursor",
    ]);
    const sample = "Example\n\ncurl 'https://api.kettle.example/v1/kettles?limit=5'";
    const table = "Parameter\tType\tDescription\nlimit\tinteger\tHow many.";
    expect(() => parse([...head, sample, table, ...tail].join("\n\n"))).toThrow(/Example/);
  });

  it("still refuses a sentence there that is no such word", () => {
    const text = [
      "POST",
      "/v1/brews",
      "Start",
      "Path Parameters",
      "Nothing to see",
      "Body",
      "blend\nstring",
    ];
    expect(() => parse(text.join("\n\n"))).toThrow(/a field name/);
  });
});

describe("the second review's cases", () => {
  const tail = ["Response", "200 - application/json", "id\nstring"];

  it("refuses a name listed in two sections of a kind where the first is no table", () => {
    const text = [
      "GET",
      "/v1/kettles",
      "List kettles",
      "Query Parameters",
      "limit\ninteger\nrequired",
      "Query Parameters",
      "limit\nstring",
      ...tail,
    ];
    expect(() => parse(text.join("\n\n"))).toThrow(/one field named limit/);
  });

  it("reads a two-column table after a field's description as the section's fields", () => {
    const doc = parse(
      [
        "GET",
        "/v1/kettles",
        "List kettles",
        "Query Parameters",
        "limit\ninteger",
        "How many to return.",
        "Parameter\tDescription\ncursor\tWhere the page starts.\norder\tThe sort order.",
        ...tail,
      ].join("\n\n"),
    );
    const names = doc.paths["/v1/kettles"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(["limit", "cursor", "order"]);
  });

  it("weighs the blank-line evidence for a typeless field within its own section", () => {
    const doc = parse(
      [
        "POST",
        "/v1/brews",
        "Start a brew",
        "Query Parameters",
        "dry_run\nboolean\nValidate only, do not start.",
        "Body",
        "application/json",
        "since\nstring\nstage\nlimit\ninteger",
        "At most this many.",
        ...tail,
      ].join("\n\n"),
    );
    const body = doc.paths["/v1/brews"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["since", "stage", "limit"]);
  });

  it("takes headers after an example response shown above the request for headers sent", () => {
    const doc = parse(
      [
        "GET",
        "/v1/kettles",
        "List kettles",
        "Example Response",
        '{"id": "k1"}',
        "Headers",
        "X-Kettle-Key: your_key",
        "Query Parameters",
        "limit\ninteger\nHow many.",
      ].join("\n\n"),
    );
    const names = doc.paths["/v1/kettles"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(["X-Kettle-Key", "limit"]);
  });
});
