import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own for faults a review of this session's page rules found.

describe("rendered page review", () => {
  it("keeps a Default: line in a description as prose, not a pill", () => {
    const text = [
      "# Get a profile\n\nGET /v2/profile\n\nReads the caller's profile.\n\n#### Query Parameters",
      "[\u200b](#parameter-limit)\n\nlimit\n\ninteger\n\nHow many results to return.\n\nDefault: `20`",
      "[\u200b](#parameter-region)\n\nregion\n\nstring\n\nWhere to look.",
    ].join("\n\n");
    const doc = parseMintlifyPage(text, { file: "p.md" });
    const item = (doc.paths ?? {})["/v2/profile"] as { get: { parameters: { name: string }[] } };
    const params = item.get.parameters;
    expect(params.map((p) => p.name)).toEqual(["limit", "region"]);
  });

  it("leaves a browser copy with glued pills and a table in a description to the page reader", () => {
    const text = [
      "List Things\n\nGET\n/\nthings\n\ncurl --request GET \\\n  --url https://api.x.example/things",
      "Query Parameters\n\u200b\ntimeout\nnumberdefault:None\nSeconds to wait.",
      "\u200b\nlabel\nstringdefault:None\nA label. One of:\n\n| Name | Description |\n|---|---|\n| red | A red label |",
    ].join("\n\n");
    expect(detectFormat(text, "p.txt")).toBe("mintlify-page");
  });
});

describe("rendered page, second review", () => {
  const params = (text: string, path: string, method = "post") => {
    const doc = parseMintlifyPage(text, { file: "p.md" });
    return ((doc.paths ?? {})[path] as Record<string, Record<string, unknown>>)[method];
  };
  const head =
    "# Create payment\n\nCreate a payment.\n\n```bash\ncurl --request POST \\\n  --url https://api.x.example/v1/payments \\\n  --data '{\"amount\": 100}'\n```";

  it("keeps a one-word heading over a list whose Type is no type out of the fields", () => {
    const text = `${head}\n\n#### Body\n\n##### amount\n- **Type**: \`integer\`\n- **Required**: Yes\n- **Description**: Amount in cents.\n\n### Idempotency\n\n- **Type**: Optional header\n- **Description**: Send a key.\n`;
    expect(() => params(text, "/v1/payments")).not.toThrow();
  });

  it("reads every labelled item of a field: unknown ones as words, options without code", () => {
    const text = `${head}\n\n#### Body (application/json)\n\n##### status\n- **Type:** \`enum<string>\`\n- **Format**: short\n- **Available options**: pending, paid\n- **Description**: Where it is.\n`;
    const body = params(text, "/v1/payments")?.requestBody as Record<string, unknown>;
    const schema = JSON.stringify(body);
    expect(schema).toMatch(/"enum":\["pending","paid"\]/);
    expect(schema).toMatch(/Where it is/);
    expect(schema).toMatch(/Format: short/);
  });

  it("keeps a prose line opening with 示例 in the description", () => {
    const text = [
      "语音合成\n创建语音任务\n提交一段文本。\nPOST\n/\nv2\n/\nspeech_jobs\n请求体\napplication/json",
      "\u200b\nlang\nstring\n语言代码。\n示例：zh-CN 表示简体中文。",
    ].join("\n");
    const body = JSON.stringify(params(text, "/v2/speech_jobs")?.requestBody);
    expect(body).toMatch(/语言代码。\\n示例：zh-CN/);
    expect(body).not.toMatch(/examples/);
  });
});

describe("rendered page, third review", () => {
  const operationOf = (text: string) => {
    const doc = parseMintlifyPage(text, { file: "p.txt" });
    const item = Object.values(doc.paths ?? {})[0] as Record<string, Record<string, unknown>>;
    return Object.values(item)[0] as Record<string, unknown>;
  };
  const bodyProperties = (text: string) =>
    (
      operationOf(text).requestBody as {
        content: Record<
          string,
          { schema: { properties: Record<string, Record<string, unknown>> } }
        >;
      }
    ).content["application/json"]?.schema.properties ?? {};

  it("keeps a lone option whose next field is named like a type", () => {
    const text = [
      "Create a charge\nPOST\n/\ncharges\nBody\napplication/json",
      "\u200bkind\nenum<string>\nAvailable options:\ncard",
      "\u200bnumber\nstring\nThe card number.",
    ].join("\n");
    const properties = bodyProperties(text);
    expect(properties.kind?.enum).toEqual(["card"]);
    expect(properties.number?.type).toBe("string");
  });

  it("reads an http block's request line only as the operation, never as text", () => {
    const text = [
      "# List invoices\n\nGET /v1/invoices\n\nLists them. For the next page:\n",
      "```http\nGET https://api.x.example/v1/invoices?cursor=abc\n```\n\n#### Query Parameters\n",
      "[\u200b](#parameter-cursor)\n\ncursor\n\nstring\n\nWhere to go on from.",
    ].join("\n");
    expect(JSON.stringify(operationOf(text))).not.toMatch(/GET https/);
  });

  it("reads a hand-written type in capitals as the type", () => {
    const text = [
      "# Badge\n\nPOST /v1/badges\n\n#### Body\n",
      "[\u200b](#body-label)\n\nlabel\n\nString\n\nThe text.",
      "[\u200b](#body-level)\n\nlevel\n\nInteger\n\nHow senior.",
    ].join("\n");
    const properties = bodyProperties(text);
    expect(properties.label?.type).toBe("string");
    expect(properties.level?.type).toBe("integer");
  });
});

describe("rendered page, third review (hand-written copies)", () => {
  const parse = (text: string) => parseMintlifyPage(text, { file: "p.txt" });
  const op = (doc: ReturnType<typeof parse>) =>
    Object.values(Object.values(doc.paths ?? {})[0] as object)[0] as OpenAPIDocument;
  const props = (holder: OpenAPIDocument) =>
    Object.keys(holder.content["application/json"].schema.properties);

  it("keeps `Request body` / `Request headers` under a field's pills as its description", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nechoes\n",
        "Response\n\n200 - application/json\n",
        "headers\nobject\n\nRequest headers\n",
        "payload\nstring\n\nRequest body\n",
        "status\ninteger\n\nUpstream status.",
      ].join("\n"),
    );
    expect(op(doc).parameters).toBeUndefined();
    expect(op(doc).requestBody).toBeUndefined();
    expect(props(op(doc).responses["200"])).toEqual(["headers", "payload", "status"]);
  });

  it("reads `Success` / `Error` listed under a lead-in as values, and names tabs by their titles", () => {
    const doc = parse(
      [
        "POST https://api.heron.example/v1/parcels\nSend a parcel.\n",
        "Response\n\nSuccess\n",
        "result\nstring\nHow it went. One of:\n\nSuccess\n\nError\n",
        "parcel_id\nstring\nThe parcel.\n",
        "Error\n\nmessage\nstring\nWhat went wrong.",
      ].join("\n"),
    );
    const responses = op(doc).responses;
    expect(props(responses["200"])).toEqual(["result", "parcel_id"]);
    expect(responses["200"].description).toBe("Success");
    expect(responses.default.description).toBe("Error");
  });

  it("refuses two blocks of fields for one status in one section, and a toggled object's repeat", () => {
    const twice = [
      "GET https://api.heron.example/v1/parcels\nList parcels.\n",
      "Response\n\nSuccess\n\nparcels\nobject[]\nThe parcels.\n",
      "Error\n\ncode\nstring\nA code.\n\nError\n\nmessage\nstring\nWhat went wrong.",
    ].join("\n");
    expect(() => parse(twice)).toThrow(/one block of fields for status default/);
    const toggled = [
      "GET\n/\nv1\n/\nparcels\n",
      "Response\n\n200 - application/json\n\naddress\nobject\n\nShow child attributes\n",
      "address\nstring\n\nStreet.\n\nid\nstring\n\nThe parcel.",
    ].join("\n");
    expect(() => parse(toggled)).toThrow(/one field named address/);
  });

  it("gives `Available options:` under an enum's one-word description to that enum", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nshapes\n",
        "Body\n\napplication/json\nshape\nenum<string>\nrequired\ngeometry\nAvailable options:\ncircle,\nsquare",
      ].join("\n"),
    );
    const shape = op(doc).requestBody.content["application/json"].schema.properties.shape;
    expect(shape.enum).toEqual(["circle", "square"]);
  });

  it("refuses an example whose brackets close only on a later field's text", () => {
    const text = [
      "POST\n/\nv1\n/\nframes\n",
      "Body\n\napplication/json\n",
      "frame\nobject\nThe frame.\nExample:\n{",
      '  "w": 3',
      "line\nstring\nThe line.\nlift\nnumber\nA lift in (0, 1]",
    ].join("\n");
    expect(() => parse(text)).toThrow(/valid JSON in the example/);
  });

  it("leaves out a curl body that is no JSON where the body's fields are listed; refuses it where not", () => {
    const curl = [
      "curl -X POST https://api.heron.example/v1/repos \\",
      "  -H 'Content-Type: application/json' \\",
      "  -d '{",
      '    "files": [',
      '      { "name": "a.ts" }',
      "      # ... more files",
      "    ]",
      "  }'",
    ].join("\n");
    const head = "POST\n/\nv1\n/\nrepos\nCreate a repo\n";
    const warnings: string[] = [];
    const listed = parseMintlifyPage(
      [head, curl, "", "Body\n\napplication/json\nfiles\nobject[]\nThe files."].join("\n"),
      { file: "p.txt", warn: (w) => warnings.push(w.message) },
    );
    const body = op(listed).requestBody.content["application/json"];
    expect(Object.keys(body.schema.properties)).toEqual(["files"]);
    expect(body.example).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/valid JSON in the curl --data body/)]);
    expect(() => parse([head, curl].join("\n"))).toThrow(/valid JSON in the curl --data body/);
  });

  it("places no example by its position once one before it was left out", () => {
    const text = [
      "GET\n/\nv1\n/\nparcels\nGet parcels",
      "curl https://api.heron.example/v1/parcels",
      '{ "id": "p_1" "weight": 3 }',
      '{ "error": "not_found" }',
      "",
      "Response\n200 - application/json\nid\nstring\nThe id.",
      "404 - application/json\nerror\nstring\nWhat went wrong.",
    ].join("\n");
    const warnings: string[] = [];
    const doc = parseMintlifyPage(text, { file: "p.txt", warn: (w) => warnings.push(w.message) });
    const ok = op(doc).responses["200"].content["application/json"];
    expect(ok.example).toBeUndefined();
    expect(Object.keys(ok.schema.properties)).toEqual(["id"]);
    expect(warnings).toHaveLength(2);
  });

  it("refuses a non-JSON example that ran into bracketed names and typed pills", () => {
    const text = [
      "GET\n/\nv1\n/\nposts\n",
      "Query Parameters\n",
      'filter[tags]\nstring[]\nTags.\nExample:\n[ "news",',
      "page[size]\ninteger<int32>\nHow many, in (0, 100]",
    ].join("\n");
    expect(() => parse(text)).toThrow(/valid JSON in the example/);
  });

  it("keeps a field named Header, a default that is a word, and an array of enums' options", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\ncards\n",
        "Body\n\napplication/json\n",
        "Header\nstring\nrequired\nThe card's title.\n",
        "contact\nstring\nHow to reach you.\nDefault: phone_number\n",
        "scopes\nenum<string>[]\nrequired\npermissions\nAvailable options:\nread,\nwrite",
      ].join("\n"),
    );
    const properties = op(doc).requestBody.content["application/json"].schema.properties;
    expect(Object.keys(properties)).toEqual(["Header", "contact", "scopes"]);
    expect(properties.contact.default).toBe("phone_number");
    expect(properties.scopes.items.enum).toEqual(["read", "write"]);
  });

  it("reads one status's fields in two media as two contents of it", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nreports\n",
        "Response\n\n200 - application/json\n\nid\nstring\nThe report.\n",
        "200 - text/csv\n\nrow\nstring\nOne row.",
      ].join("\n"),
    );
    expect(Object.keys(op(doc).responses["200"].content)).toEqual(["application/json", "text/csv"]);
  });

  it("takes no `Header` at a description's end or in a list of options for a section's title", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nbanners\n",
        "Body\n\napplication/json\n",
        "slot\nenum<string>\nWhere it goes.\nAvailable options:\nFooter,\nHeader\n",
        "label\nstring\nrequired\nThe text. Shown in the\nHeader\n",
        "color\nstring\nA hex colour.",
      ].join("\n"),
    );
    const body = op(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["slot", "label", "color"]);
    expect(body.properties.slot.enum).toEqual(["Footer", "Header"]);
    expect(op(doc).parameters).toBeUndefined();
  });

  it("reads `Success,` / `Error` under `Available options:` as options, not tabs", () => {
    const doc = parse(
      [
        "POST https://api.heron.example/v1/parcels\nSend a parcel.\n",
        "Response\n\nSuccess\n",
        "outcome\nenum<string>\nHow it went.\nAvailable options:\nSuccess,\nError\n",
        "parcel_id\nstring\nThe parcel.\n",
        "Error\n\nmessage\nstring\nWhat went wrong.",
      ].join("\n"),
    );
    const ok = op(doc).responses["200"].content["application/json"].schema;
    expect(ok.properties.outcome.enum).toEqual(["Success", "Error"]);
    expect(Object.keys(ok.properties)).toEqual(["outcome", "parcel_id"]);
  });

  it("nests a repeated object name only so deep, and leaves lower-case titles as written", () => {
    const repeated = Array.from({ length: 2000 }, () => "obj\nobject").join("\n");
    const text = ["GET\n/\nv1\n/\nobjs\n", "Response\n", repeated].join("\n");
    expect(() => parseMintlifyPage(text, { file: "p.txt", lenient: true })).not.toThrow();
    const lower = parse(
      ["POST\n/\nv1\n/\nnotes\n", "request body\n\ntext\nstring\nThe note."].join("\n"),
    );
    expect(op(lower).requestBody).toBeUndefined();
  });
});
