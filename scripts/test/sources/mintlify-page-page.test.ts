import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeMintlifyPage } from "../../src/sources/mintlify-page.ts";
import { operation, page, parse } from "../fixtures/mintlify-page/page.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/mintlify-page/${name}`, import.meta.url), "utf8");

const curlTo = (url: string, ...headers: string[]) => [
  "curl --request GET \\",
  `  --url ${url}${headers.length > 0 ? " \\" : ""}`,
  ...headers.map((h, i) => `  --header '${h}'${i < headers.length - 1 ? " \\" : ""}`),
];

describe("mintlify-page header", () => {
  it("opens statuses under a lead-in, after a sentence, and keeps one example per status", () => {
    const doc = parse(
      'POST\n/\nv1\n/\nholds\nPlace a hold\n\nExample Response\n\n{"id": "h_1"}\n\n' +
        'Example Response\n\n{"error": "x"}\n\nResponses\n\nThe call answers with one of:\n\n' +
        "201 — Created\n\nFieldTypeDescription\nidstringThe hold.\n\n409 — Conflict\n\n" +
        "Returned when funds are short.\n\nFieldTypeDescription\nerrorstringThe code.\n",
    );
    const responses = doc.paths["/v1/holds"].post.responses;
    expect(Object.keys(responses)).toEqual(["201", "409"]);
    expect(responses["201"].content["application/json"].example).toEqual({ id: "h_1" });
    expect(responses["409"].description).toBe("Returned when funds are short.");
  });

  it("reads a copy whose pills run into names, and a hand-written Response Parameters section", () => {
    const doc = parse(
      "POST\n/\nv1\n/\npayouts\nAuthorizations\nX-Keyheaderrequired\nstring\nThe key.\n" +
        "Body\napplication/json\namountrequired\nnumber\nHow much.\nnote\nstring\nrequiredcurrency\nstring\n" +
        "\nResponse Parameters\n\nid\nstring\n\nThe payout.\n",
    );
    const post = doc.paths["/v1/payouts"].post;
    const body = post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["amount", "note", "currency"]);
    expect(body.required).toEqual(["amount", "note"]);
    expect(doc.components.securitySchemes).toMatchObject({ xKey: { in: "header", name: "X-Key" } });
    expect(
      Object.keys(post.responses["200"].content["application/json"].schema.properties),
    ).toEqual(["id"]);
  });

  it("skips a sample in an SDK's language to its example or to the description after it", () => {
    const sample =
      "import { Tally } from 'tally';\n\nconst t = new Tally();\nawait t.send({ a: 1 });\n";
    const fields = "\nBody\n\napplication/json\nname\nstring\n\nThe name.\n";
    const shown = parse(`POST\n/\nv1\n/\nsend\n${sample}{"id": "s_1"}\n\nSends it.\n${fields}`);
    const post = shown.paths["/v1/send"].post;
    expect(post.description).toBe("Sends it.");
    expect(post.responses["200"].content["application/json"].example).toEqual({ id: "s_1" });
    const bare = parse(`POST\n/\nv1\n/\nsend\n${sample}\nSends it at once.\n${fields}`);
    expect(bare.paths["/v1/send"].post.description).toBe("Sends it at once.");
  });

  it("ends a path that ends with a slash at the example's brace or a section", () => {
    const fields = "Body\n\napplication/json\nname\nstring\nrequired\n\nThe name.\n";
    for (const after of [
      '{\n  "name": "a"\n}\n\n',
      "",
      "Authorizations\n\nX-Key\nstring\nheader\n\n",
    ]) {
      const doc = parse(`POST\n/\nv1\n/\nkeys\n/\n\n${after}${fields}`);
      expect(Object.keys(doc.paths)).toEqual(["/v1/keys/"]);
    }
  });

  it("reads method, path segments, title and description", () => {
    const doc = parse(fixture("create-refund.txt"));
    expect(Object.keys(doc.paths)).toEqual(["/v2/orders/{orderId}/refunds"]);
    const post = doc.paths["/v2/orders/{orderId}/refunds"].post;
    expect(post.summary).toBe("Create a refund");
    expect(post.description).toBe("Refunds part or all of a captured order.");
    expect(post.operationId).toBeUndefined();
    expect(doc.info).toEqual({ title: "Create a refund", version: "0.0.0" });
  });

  it.each([
    ["https://api.acme.io/things/{id}", "https://api.acme.io"],
    ["https://api.acme.io/api/v3/things/{id}?expand=x", "https://api.acme.io/api/v3"],
    ["https://api.acme.io:8443/things/{id}", "https://api.acme.io:8443"],
  ])("takes the server from the curl URL %s", (url, server) => {
    expect(parse(page("", { curl: curlTo(url) })).servers).toEqual([{ url: server }]);
  });

  it.each([
    "https://apiv2.example.com/things/{id}",
    "https://example.org/things/{id}",
    "https://api.acme.example/things/{id}",
    "http://localhost:3000/things/{id}",
    "https://<your-host>/things/{id}",
    "https://{host}/things/{id}",
    "https://your-domain.com/things/{id}",
  ])("gives no server for the placeholder URL %s", (url) => {
    expect(parse(page("", { curl: curlTo(url) })).servers).toBeUndefined();
  });

  it("ignores Mintlify chrome wherever it appears", () => {
    const clean = page("Path Parameters\n\nid\nstring\nrequired\n\nThe id.\n");
    const noisy = [
      "> ## Documentation Index",
      "> Fetch the complete documentation index at: https://docs.acme.io/llms.txt",
      "> Use this file to discover all available pages before exploring further.",
      "Skip to main content",
      ...page("Path Parameters\n\nid\nstring\nrequired\n\nThe id.\n")
        .split("\n")
        .flatMap((l) =>
          l === "curl --request GET \\"
            ? ["cURL", l]
            : l === "The id."
              ? ["Ctrl+I", l, "Assistant"]
              : [l],
        ),
      "Was this page helpful?",
      "Yes",
      "No",
      "List things",
      "Previous",
      "Powered by Mintlify",
    ].join("\n");
    expect(parse(noisy)).toEqual(parse(clean));
  });

  it("accepts a title and description above the method line", () => {
    const doc = parse(`Get a thing\nFetches one thing by id.\n\n${page("")}`);
    expect(operation(doc).summary).toBe("Get a thing");
    expect(operation(doc).description).toBe("Fetches one thing by id.");
  });

  it("accepts the method and path on one line", () => {
    const text = page("").replace("GET\n/\nthings\n/\n{id}\n", "GET /things/{id}\n");
    expect(operation(parse(text)).summary).toBe("Get a thing");
  });

  it("gives the response example to the status tab shown above it", () => {
    const example = '201\n400\n{\n  "id": "x"\n}';
    const doc = parse(
      page("Response\n\n400 - application/json\n\nBad.\n\n201 - application/json\n\nMade.\n", {
        example,
      }),
    );
    const responses = operation(doc).responses;
    expect(responses["201"].content["application/json"].example).toEqual({ id: "x" });
    expect(responses["400"].content["application/json"].example).toBeUndefined();
    expect(operation(parse(page("", { example }))).responses["201"].description).toBe("Created");
  });

  it("drops the previous/next page links that end a page", () => {
    const text = page("Path Parameters\n\nid\nstring\nrequired\n\nThe id.\n");
    const linked = `${text}\nList things\nPrevious\nDelete a thing\nNext\n`;
    expect(parse(linked)).toEqual(parse(text));
    const options = page("Response\n\nkind\nenum<string>\n\nAvailable options:\nPrevious,\nNext\n");
    expect(operation(parse(options)).responses["200"].content["application/json"].schema).toEqual({
      type: "object",
      properties: { kind: { type: "string", enum: ["Previous", "Next"] } },
    });
  });

  it("reads a scalar response example", () => {
    const doc = parse(
      page("Response\n\n200 - application/json\n\nThe name.\n", { example: '"<string>"' }),
    );
    const media = operation(doc).responses["200"].content["application/json"];
    expect(media).toEqual({ schema: { type: "string" }, example: "<string>" });
  });

  it("detects rendered pages and nothing else", () => {
    expect(looksLikeMintlifyPage(fixture("create-refund.txt"))).toBe(true);
    expect(looksLikeMintlifyPage(page(""))).toBe(true);
    expect(looksLikeMintlifyPage("openapi: 3.1.0\ninfo:\n  title: x\n")).toBe(false);
    expect(looksLikeMintlifyPage("> ## Documentation Index\n\n# Get\n\n## OpenAPI\n")).toBe(false);
    expect(looksLikeMintlifyPage("GET\nsomething else\n")).toBe(false);
  });
});

describe("mintlify-page security", () => {
  const auth = (fields: string) => parse(page(`Authorizations\n\n${fields}`));

  it("makes an Authorization header that says Bearer an http bearer scheme", () => {
    const doc = auth('Authorization\nstring\nheader\nrequired\n\nUse "Bearer YOUR_API_KEY".\n');
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: "http", scheme: "bearer", description: 'Use "Bearer YOUR_API_KEY".' },
    });
    expect(operation(doc).security).toEqual([{ bearerAuth: [] }]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it("makes other headers and query keys apiKey schemes named in lowerCamelCase", () => {
    const doc = auth(
      "X-Api-Key\nstring\nheader\nrequired\n\nKey.\n\napi_key\nstring\nquery\nrequired\n\nAlso key.\n",
    );
    expect(doc.components.securitySchemes).toEqual({
      xApiKey: { type: "apiKey", in: "header", name: "X-Api-Key", description: "Key." },
      apiKey: { type: "apiKey", in: "query", name: "api_key", description: "Also key." },
    });
    expect(operation(doc).security).toEqual([{ xApiKey: [], apiKey: [] }]);
  });

  it("treats an Authorization header without Bearer as an api key, unless the curl sends one", () => {
    const fields = "Authorizations\n\nAuthorization\nstring\nheader\nrequired\n\nYour token.\n";
    const curl = (value: string) => [
      "curl --request GET \\",
      "  --url https://api.acme.io/things/{id} \\",
      `  --header 'Authorization: ${value}'`,
    ];
    const doc = parse(page(fields, { curl: curl("<api-key>") }));
    expect(doc.components.securitySchemes.authorization).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "Authorization",
    });
    const sent = parse(page(fields, { curl: curl("Bearer <token>") }));
    expect(sent.components.securitySchemes).toEqual({
      bearerAuth: { type: "http", scheme: "bearer", description: "Your token." },
    });
  });
});

describe("mintlify-page hand-written POST page", () => {
  const doc = parse(fixture("create-refund.txt"));
  const post = doc.paths["/v2/orders/{orderId}/refunds"].post;

  it("requires both header schemes together and has no placeholder server", () => {
    expect(doc.servers).toBeUndefined();
    expect(post.security).toEqual([{ xApiKey: [], xAccount: [] }]);
  });

  it("reuses named objects across the body and the response", () => {
    const body = post.requestBody.content["application/json"].schema;
    const created = post.responses["201"].content["application/json"].schema;
    expect(body.properties.lines.items).toEqual({ $ref: "#/components/schemas/RefundLine" });
    expect(created.properties.lines.items).toEqual({ $ref: "#/components/schemas/RefundLine" });
    expect(created.properties.billing).toEqual({ $ref: "#/components/schemas/Address" });
    expect(Object.keys(doc.components.schemas)).toEqual(["RefundLine", "Address"]);
    expect(doc.components.schemas.RefundLine.required).toEqual(["sku"]);
    expect(doc.components.schemas.Address.properties).toEqual({
      line1: { type: "string" },
      postalCode: { type: "string" },
    });
  });

  it("keeps the body example with braces inside strings", () => {
    expect(post.requestBody.content["application/json"].example.note).toBe(
      "customer asked {politely}",
    );
  });

  it("reads the 400 block after the 201 block", () => {
    expect(Object.keys(post.responses)).toEqual(["201", "400"]);
    expect(post.responses["400"].description).toBe("Invalid request");
  });
});

describe("mintlify-page compact page (fields without blank lines)", () => {
  const doc = parse(fixture("create-subscription-compact.txt"));
  const post = doc.paths["/v1/subscriptions"].post;
  const body = post.requestBody.content["application/json"].schema;
  const response = post.responses["200"].content["application/json"].schema;

  it("reads fields that follow each other with no blank line or description", () => {
    expect(Object.keys(body.properties)).toEqual([
      "customer",
      "plan_types",
      "metadata",
      "return_url",
      "send_email",
      "path",
      "required",
    ]);
    expect(body.required).toEqual(["customer", "plan_types"]);
    expect(body.properties.plan_types).toEqual({
      type: "array",
      items: { type: "string", enum: ["monthly", "yearly"] },
      minItems: 1,
    });
    expect(body.properties.return_url).toEqual({ type: "string", format: "uri" });
  });

  it("tells field names that are marker words from markers", () => {
    expect(body.properties.path).toEqual({ type: "string" });
    expect(body.properties.required).toEqual({ type: "boolean" });
    expect(response.properties.object.type).toBe("string");
    expect(response.required).toEqual(["id", "object", "plan_types"]);
  });

  it("reads Allowed value, Examples and options separated at the line start", () => {
    expect(response.properties.object).toEqual({
      type: "string",
      enum: ["subscription"],
      examples: ["subscription"],
    });
    expect(response.properties.plan_types.items.enum).toEqual(["monthly", "yearly"]);
  });

  it("reads the root type after the media type and drops its generic name", () => {
    expect(response.type).toBe("object");
    expect(doc.components.schemas).toBeUndefined();
    expect(post.responses["200"].description).toBe("Returns the subscription.");
  });
});

describe("mintlify-page compact page: a section's own lines before its first field", () => {
  const page = (own: string[]) =>
    parse(
      [
        "POST",
        "/",
        "v1",
        "/",
        "badges",
        "Issue a badge",
        "curl --request POST \\",
        "  --url https://api.lanyard.example/v1/badges",
        "{",
        '  "badge_id": "b_1"',
        "}",
        "Body",
        "application/json",
        "holder",
        "string",
        "required",
        "Who wears it",
        "Response",
        ...own,
        "badge_id",
        "string",
        "required",
        "The badge printed",
      ].join("\n"),
    );

  it("reads the response's title, a status word or a description line as the section's", () => {
    for (const own of [
      ["OK"],
      ["Badge issued"],
      ["Successful Response", "The badge, issued."],
      ["Successful Response", "A badge as printed.", "Returned by POST /v1/badges (201)."],
    ]) {
      const post = page(own).paths["/v1/badges"].post;
      expect(Object.keys(post.requestBody.content["application/json"].schema.properties)).toEqual([
        "holder",
      ]);
      const shown = post.responses["200"].content["application/json"].schema;
      expect(shown.required).toEqual(["badge_id"]);
    }
  });
});
