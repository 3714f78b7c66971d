import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own for each fault a review of this session's MDX rules found: each test fails on
// the rule as it was first written.

type Schema = Record<string, unknown>;
const convert = (text: string) => {
  const warnings: Warning[] = [];
  const doc = parseMintlifyMdx(text, { file: "p.mdx", warn: (w) => warnings.push(w) });
  return { doc, warnings };
};
const operation = (doc: OpenAPIDocument): Schema => {
  const item = Object.values((doc.paths ?? {}) as Record<string, Schema>)[0] ?? {};
  return Object.values(item)[0] as Schema;
};
const jsonSchema = (holder: unknown): Schema =>
  ((holder as Schema).content as Record<string, Schema>)["application/json"]?.schema as Schema;
const responseOf = (doc: OpenAPIDocument, code = "200"): Schema =>
  jsonSchema((operation(doc).responses as Record<string, unknown>)[code]);
const bodyOf = (doc: OpenAPIDocument): Schema => jsonSchema(operation(doc).requestBody);
const table = (head: string, rows: string[]) =>
  [
    `| ${head} |`,
    `|${head
      .split("|")
      .map(() => "---")
      .join("|")}|`,
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");

// A page of parts: its frontmatter naming the operation, then blocks one blank line apart.
const front = (api: string) => `---\ntitle: "X"\napi: "${api}"\n---`;
const page = (...parts: string[]) => convert(parts.join("\n\n")).doc;

describe("tables under object headings", () => {
  it("keeps a `## Response object` table as the response, apart from a body object", () => {
    const { doc } = convert(
      [
        '---\ntitle: "Create customer"\napi: "POST https://api.x.com/v1/customers"\n---',
        "## Body",
        table("Parameter | Type | Required | Description", [
          "name | string | yes | Name",
          "metadata | object | no | Pairs",
        ]),
        "## Response object",
        table("Field | Type | Description", [
          "id | string | Customer id",
          "created | integer | When",
        ]),
      ].join("\n\n"),
    );
    expect(Object.keys(responseOf(doc).properties as Schema)).toEqual(["id", "created"]);
    expect((bodyOf(doc).properties as Record<string, Schema>).metadata?.properties).toBeUndefined();
  });

  it("keeps a response table whose names repeat a path parameter's", () => {
    const { doc } = convert(
      [
        '---\ntitle: "Get customer"\napi: "GET https://api.x.com/v1/customers/{id}"\n---',
        "## Path parameters",
        table("Parameter | Type | Required | Description", ["id | string | yes | Customer id"]),
        "## Returns a Customer object",
        table("Field | Type | Description", ["id | string | Customer id", "name | string | Name"]),
      ].join("\n\n"),
    );
    expect(Object.keys(responseOf(doc).properties as Schema)).toEqual(["id", "name"]);
  });

  it("nests each object's table under the field its heading names", () => {
    const { doc } = convert(
      [
        "---\ntitle: Get payment\n---",
        "## GET /v1/payments/{id}",
        "## Response",
        table("Field | Type | Description", [
          "id | string | Payment id",
          "customer | object | The customer",
          "source | object | The card",
        ]),
        "### Customer object",
        table("Field | Type | Description", ["name | string | Name"]),
        "### Source object",
        table("Field | Type | Description", ["brand | string | Brand"]),
      ].join("\n\n"),
    );
    const properties = responseOf(doc).properties as Record<string, Schema>;
    expect(Object.keys(properties)).toEqual(["id", "customer", "source"]);
    expect(Object.keys(properties.customer?.properties as Schema)).toEqual(["name"]);
    expect(Object.keys(properties.source?.properties as Schema)).toEqual(["brand"]);
  });
});

describe("streamed responses", () => {
  it("keeps a non-streaming response as JSON and reads the streaming one in either order", () => {
    const field = (name: string) => `<ResponseField name="${name}" type="string">x</ResponseField>`;
    const front = '---\ntitle: "Chat"\napi: "POST https://api.x.com/v1/chat"\n---';
    for (const order of [
      ["## Non-streaming response", field("text"), "## Streaming response", field("delta")],
      ["## Streaming response", field("delta"), "## Response", field("text")],
    ]) {
      const { doc } = convert([front, ...order].join("\n\n"));
      const content = (operation(doc).responses as Record<string, Schema>)["200"]
        ?.content as Record<string, Schema>;
      expect(Object.keys(content).sort()).toEqual(["application/json", "text/event-stream"]);
      expect(Object.keys(jsonSchema({ content }).properties as Schema)).toEqual(["text"]);
    }
  });

  it("does not take a section that only mentions a stream for a streamed reply", () => {
    const { doc } = convert(
      '---\ntitle: "Get stream"\napi: "GET https://api.x.com/v1/streams/{id}"\n---\n\n## Response: live stream\n\n<ResponseField name="id" type="string">x</ResponseField>',
    );
    expect(
      Object.keys((operation(doc).responses as Record<string, Schema>)["200"]?.content as Schema),
    ).toEqual(["application/json"]);
  });
});

describe("operations", () => {
  it("folds a doubled base, and only collapses any other double slash", () => {
    const url = (u: string) =>
      Object.keys(
        convert(`---\ntitle: "X"\n---\n\n\`\`\`bash\ncurl -X POST ${u} -d '{"a": 1}'\n\`\`\`\n`).doc
          .paths ?? {},
      );
    expect(url("https://api.x.com/v2//v2/things")).toEqual(["/v2/things"]);
    expect(url("https://api.x.com/v1//payments")).toEqual(["/v1/payments"]);
    expect(url("https://api.x.com/api/v1/submit//api/v1/query/list")).toEqual([
      "/api/v1/query/list",
    ]);
    expect(url("https://api.x.com/v1//v1x/things")).toEqual(["/v1/v1x/things"]);
  });

  it("leaves a path field alone when the operation is only an example's URL", () => {
    const { doc } = convert(
      '---\ntitle: "Get payment"\n---\n\n```bash\ncurl https://api.x.com/v1/payments/pay_123\n```\n\n<ParamField path="id" type="string" required>The payment.</ParamField>\n',
    );
    const params = (operation(doc).parameters ?? []) as Schema[];
    expect(params.some((p) => p.in === "query")).toBe(false);
  });

  it("takes no webhook from a version title, nor from 'in the event of'", () => {
    const fails = (text: string) => expect(() => convert(text)).toThrow(/expected the operation/);
    fails(
      "---\ntitle: v2.4.0\n---\n\nNew webhook events.\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n",
    );
    fails(
      '---\ntitle: payments.list\n---\n\nIn the event of an error, retry.\n\n<ParamField body="limit" type="integer">x</ParamField>\n',
    );
  });

  it("warns when the webhook event is read from the title", () => {
    const { warnings } = convert(
      '---\ntitle: "order.shipped"\n---\n\nSent by webhook.\n\n<ResponseField name="id" type="string">x</ResponseField>\n',
    );
    expect(warnings.map((w) => w.message).join("\n")).toMatch(/webhook event the page names/);
  });
});

describe("repairs and types", () => {
  it("does not close an open example block over the fields after it", () => {
    const text = [
      '---\ntitle: "Create payment"\napi: "POST https://api.x.com/v1/payments"\n---',
      "<RequestExample>\n```bash\ncurl -X POST https://api.x.com/v1/payments\n```",
      "## Body",
      "| Parameter | Type | Required | Description |\n|---|---|---|---|\n| amount | integer | yes | Cents |",
    ].join("\n\n");
    expect(() => convert(text)).toThrow(/valid MDX/);
  });

  it("types a link to a model's page as an object, and a link elsewhere not at all", () => {
    const { doc } = convert(
      '---\ntitle: "Create"\napi: "POST https://api.x.com/v1/things"\n---\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n| owner | [Owner](/data-types/objects#owner) | yes | x |\n| currency | [Currency](/reference/currencies) | yes | x |\n',
    );
    const properties = bodyOf(doc).properties as Record<string, Schema>;
    expect(properties.owner?.type).toBe("object");
    expect(properties.currency?.type).toBeUndefined();
  });
});

// From a second review, of the rules added after the first.
describe("second review", () => {
  const fails = (text: string, pattern: RegExp) => expect(() => convert(text)).toThrow(pattern);

  it("reads a Required range cell as limits, not as required", () => {
    const { doc } = convert(
      `${front("GET https://api.x.com/v1/things")}\n\n${table("Parameter | Type | Description", ["limit | integer | Required range: `1 <= x <= 100`"])}\n`,
    );
    const limit = (operation(doc).parameters as Schema[])[0] as Schema;
    expect(limit.required).toBeUndefined();
    expect(limit.schema).toMatchObject({ minimum: 1, maximum: 100 });
  });

  it("keeps a Pattern cell's words when more follows the value", () => {
    const { doc } = convert(
      `${front("POST https://api.x.com/v1/things")}\n\n${table("Field | Type | Description", ["currency | string | Pattern: `^[A-Z]{3}$` — the code"])}\n`,
    );
    const currency = (bodyOf(doc).properties as Record<string, Schema>).currency as Schema;
    expect(currency.pattern).toBeUndefined();
    expect(currency.description).toMatch(/the code/);
  });

  it("keeps a Returns … object table in the response though the body has that type", () => {
    const { doc } = convert(
      [
        front("POST https://api.x.com/v1/orders"),
        "## Body",
        table("Field | Type | Description", ["order | Order · object | The order"]),
        "## Returns an Order object",
        table("Field | Type | Description", ["id | string | Id", "status | string | Status"]),
      ].join("\n\n"),
    );
    expect(Object.keys(responseOf(doc).properties as Schema)).toEqual(["id", "status"]);
  });

  it("takes no owner from a clash under a heading without Latin words", () => {
    fails(
      [
        front("POST https://api.x.com/v1/orders"),
        "## 响应参数",
        "### 成功",
        table("字段 | 类型 | 说明", [
          "code | integer | 码",
          "msg | string | 信息",
          "data | object | 数据",
        ]),
        "### 失败",
        table("字段 | 类型 | 说明", ["code | integer | 码", "msg | string | 信息"]),
      ].join("\n\n"),
      /one field named code/,
    );
  });

  it("keeps a table that repeats the query's names apart from the response unless the example shows them", () => {
    fails(
      [
        front("GET https://api.x.com/v1/things"),
        "## Query parameters",
        table("Parameter | Type | Description", [
          "limit | integer | Most",
          "cursor | string | Where",
        ]),
        "## Response",
        '```json\n{ "data": [], "pagination": { "limit": 10 } }\n```',
        "## Pagination",
        table("Field | Type | Description", ["limit | integer | Most", "cursor | string | Where"]),
      ].join("\n\n"),
      /one field named limit/,
    );
  });

  it("reports lines of the file after an example block's fence was repaired", () => {
    const text = `${front("POST https://api.x.com/v1/things")}\n\n<RequestExample>\n\`\`\`bash\ncurl -X POST https://api.x.com/v1/things\n</RequestExample>\n\n<ParamField body="amount" type="intger" required>\nx\n</ParamField>\n`;
    fails(text, /p\.mdx:11:/);
  });

  it("replaces a made-up parent by its own row at any depth", () => {
    const { doc } = convert(
      `${front("POST https://api.x.com/v1/codes")}\n\n<ResponseField name="data.otp.reference" type="string">x</ResponseField>\n\n<ResponseField name="data.otp" type="object">The code</ResponseField>\n`,
    );
    const data = (responseOf(doc).properties as Record<string, Schema>).data as Schema;
    expect((data.properties as Record<string, Schema>).otp?.description).toBe("The code");
  });

  it("names an Authorizations header Authorization whatever its scheme", () => {
    const { doc } = convert(
      `${front("GET https://api.x.com/v1/things")}\n\n#### Authorizations\n\n<ParamField header="Authorizations" type="string" required>Your secret API key.</ParamField>\n`,
    );
    expect(JSON.stringify(doc.components)).toMatch(/"name":"Authorization"/);
  });

  it("lets a location attribute win over one glued onto the type", () => {
    const { doc } = convert(
      `${front("POST https://api.x.com/v1/things")}\n\n<ParamField body="x_trace" type="string | header">x</ParamField>\n`,
    );
    expect(Object.keys(bodyOf(doc).properties as Schema)).toEqual(["x_trace"]);
  });

  it("takes a table of values inside a field, never one of an object's children", () => {
    const { doc } = convert(
      `${front("GET https://api.x.com/v1/thing")}\n\n<ResponseField name="data" type="object">\nThe thing.\n\n${table("Field | Type | Description", ["`id` | string | Its id", "`name` | string | Its name"])}\n</ResponseField>\n\n<ResponseField name="state" type="string">\n${table("Value | Meaning", ["`on` | running", "`off` | stopped"])}\n</ResponseField>\n`,
    );
    const properties = responseOf(doc).properties as Record<string, Schema>;
    expect(properties.data?.enum).toBeUndefined();
    expect(properties.state?.enum).toEqual(["on", "off"]);
  });
});

describe("third review", () => {
  it("takes a self-hosted API's localhost curl for its operation, not a receiver test", () => {
    const doc = page(
      '---\ntitle: "Models"\n---',
      '<ParamField query="limit" type="integer">How many.</ParamField>',
      "```bash\ncurl http://localhost:8080/v1/models?limit=5\n```",
    );
    expect(Object.keys(doc.paths ?? {})).toEqual(["/v1/models"]);
  });

  it("leaves a <Link> component as written while closing HTML's open void elements", () => {
    const doc = page(
      front("GET https://api.x.com/v1/refunds"),
      'Lists refunds.<br>\nSee <Link href="/guides/refunds">the refunds guide</Link>.',
    );
    expect(String(operation(doc).description)).toContain("the refunds guide");
    expect(String(operation(doc).description)).not.toContain("</Link>");
  });

  it("mends only a union quoted twice, never two empty attributes", () => {
    const doc = page(
      front("POST https://api.x.com/v1/notes"),
      '<ParamField body="text" default="" type="string" placeholder="">The text.</ParamField>',
      '<ParamField body="kind" type=""plain" | "rich"">The kind.</ParamField>',
    );
    const properties = bodyOf(doc).properties as Record<string, Schema>;
    expect(properties.text).toMatchObject({ type: "string", default: "" });
    expect(properties.kind?.enum).toEqual(["plain", "rich"]);
  });

  it("takes a format from a type's note only when the note names nothing else", () => {
    const doc = page(
      front("POST https://api.x.com/v1/users"),
      '<ParamField body="contact" type="string (email or phone number)">How to reach them.</ParamField>',
      '<ParamField body="seen" type="string (Unix timestamp, seconds)">When.</ParamField>',
      '<ParamField body="born" type="string (ISO 8601 date)">Birthday.</ParamField>',
    );
    const properties = bodyOf(doc).properties as Record<string, Schema>;
    expect(properties.contact?.format).toBeUndefined();
    expect(properties.seen?.format).toBeUndefined();
    expect(properties.born?.format).toBe("date");
  });

  it("reads no request header from a Headers list under the response", () => {
    const doc = page(
      front("GET https://api.x.com/v1/items"),
      "## Response",
      "- **Headers**:\n  - `X-RateLimit-Remaining: 99`\n  - `X-Next-Cursor: c_1`",
    );
    expect(operation(doc).parameters).toBeUndefined();
  });

  it("keeps one-letter upper-case items under a field as its fields", () => {
    const doc = page(
      '---\ntitle: "Place"\n---',
      "## Body parameters",
      "- `position`: where it goes\n  - `X`: across\n  - `Y`: down",
      "```bash\ncurl -X POST https://api.x.com/v1/place\n```",
    );
    const position = (bodyOf(doc).properties as Record<string, Schema>).position as Schema;
    expect(Object.keys(position.properties as Schema)).toEqual(["X", "Y"]);
  });

  it("takes no enum from a table inside an untyped or model-typed field", () => {
    const rows = ["`line1` | First line", "`city` | City"];
    const doc = page(
      front("GET https://api.x.com/v1/orders/1"),
      `<ResponseField name="shipping" type="Address">\n${table("Field | Description", rows)}\n</ResponseField>`,
      `<ResponseField name="billing">\n${table("Field | Description", rows)}\n</ResponseField>`,
    );
    const properties = responseOf(doc).properties as Record<string, Schema>;
    expect(properties.shipping?.enum).toBeUndefined();
    expect(properties.billing?.enum).toBeUndefined();
  });

  it("keeps a curl's secret header values out of the spec, and knows an idempotency key", () => {
    const doc = page(
      front("GET https://api.x.com/v1/balance"),
      "```bash\ncurl https://api.x.com/v1/balance \\\n" +
        '  -H "EX-ACCESS-PASSPHRASE: correct-horse" \\\n' +
        '  -H "X-Client-Credentials: cid_1:csec_2" \\\n' +
        '  -H "X-Idempotency-Key: k-77"\n```',
    );
    const text = JSON.stringify(doc);
    expect(text).not.toContain("correct-horse");
    expect(text).not.toContain("csec_2");
    expect(JSON.stringify(operation(doc).parameters)).toContain("X-Idempotency-Key");
  });

  it("takes a guide with a curl example or an operation in a sentence for no reference page, one that names its operation on a line for one", () => {
    const guide =
      '---\ntitle: "Authentication"\n---\n\nSend your key.\n\n```bash\ncurl https://api.x.com/v1/me -H "Authorization: Bearer k"\n```\n';
    expect(() => detectFormat(guide, "g.mdx")).toThrow(/known format/);
    const said = guide.replace("Send your key.", "Read yourself with `GET /v1/me`.");
    expect(() => detectFormat(said, "g.mdx")).toThrow(/known format/);
    const named = guide.replace("Send your key.", "**GET** `/v1/me`");
    expect(detectFormat(named, "g.mdx")).toBe("mintlify-mdx");
  });
});

describe("fourth review", () => {
  it("keeps an openapi: page's path when the page names another path with a parameter", () => {
    const doc = page(
      '---\ntitle: "Send"\nopenapi: "post /messages"\n---',
      "To reply in a thread, use `POST /threads/{thread_id}/messages` instead.",
      '<ParamField body="text" type="string" required>The message.</ParamField>',
    );
    expect(Object.keys(doc.paths ?? {})).toEqual(["/messages"]);
  });

  it("takes a media type from a body heading only", () => {
    const doc = page(
      front("POST https://api.x.com/v1/imports"),
      "## Body",
      '<ParamField body="file" type="file" required>The file.</ParamField>',
      "### Options for text/csv files",
      '<ParamField body="delimiter" type="string">The separator.</ParamField>',
    );
    const content = (operation(doc).requestBody as { content: Schema }).content;
    expect(Object.keys(content)).toEqual(["multipart/form-data"]);
  });

  it("keeps upper-case items under a field that names no kind as its fields", () => {
    const doc = page(
      '---\ntitle: "Deploy"\n---',
      "POST /v1/deployments",
      "## Body parameters",
      "- `env`: Environment variables.\n  - `NODE_ENV`: the mode\n  - `PORT`: the port",
    );
    const env = (bodyOf(doc).properties as Record<string, Schema>).env as Schema;
    expect(Object.keys(env.properties as Schema)).toEqual(["NODE_ENV", "PORT"]);
  });

  it("names a webhook by its payload's first event key, not a nested one", () => {
    const doc = page(
      '---\ntitle: "Audit record created"\ndescription: "The webhook sent for each audit record."\n---',
      '<ResponseField name="type" type="string">The event.</ResponseField>',
      '```json\n{"type": "audit_record.created", "data": {"event": "user.login"}}\n```',
    );
    expect(Object.keys(doc.webhooks ?? {})).toEqual(["audit_record.created"]);
  });

  it("puts a format attribute on strings only, and an enum's words with its default", () => {
    const doc = page(
      front("POST https://api.x.com/v1/plans"),
      '<ParamField body="at" type="integer" format="timestamp">Unix seconds.</ParamField>',
      '<ParamField body="ids" type="string[]" format="uuid">The ids.</ParamField>',
      '<ParamField body="state" type="enum" default="ACTIVE">"ACTIVE" or "PAUSED"</ParamField>',
      '<ParamField body="mode" type="enum">"test", "live" or "sandbox"</ParamField>',
    );
    const properties = bodyOf(doc).properties as Record<string, Schema>;
    expect(properties.at?.format).toBeUndefined();
    expect((properties.ids?.items as Schema | undefined)?.format).toBe("uuid");
    expect(properties.state?.enum).toEqual(["ACTIVE", "PAUSED"]);
    expect(properties.mode?.enum).toEqual(["test", "live", "sandbox"]);
  });
});

describe("value tables and placeholders, third review", () => {
  it("takes no values from a code table under `… related to the field x` that names no values", () => {
    const doc = page(
      front("POST /v1/transfers"),
      "## Body",
      table("Parameter | Type | Description", [
        "`target` | string | Where to",
        "`amount` | integer | How much",
      ]),
      "### Errors related to the field `target`",
      table("Code | HTTP status", ["`target_closed` | 409", "`target_unknown` | 404"]),
    );
    const target = (bodyOf(doc).properties as Record<string, Schema>).target as Schema;
    expect(target.enum).toBeUndefined();
  });

  it("keeps rows named `1`, `2` as fields under a heading that names no field's values", () => {
    const doc = page(
      front("GET /v1/zones"),
      "## Response",
      table("Field | Type | Description", ["`zones` | object | By floor"]),
      "### Fields of `zones`",
      table("Field | Type | Description", ["`1` | string | Ground", "`2` | string | First"]),
    );
    const zones = (responseOf(doc).properties as Record<string, Schema>).zones as Schema;
    expect(Object.keys(zones.properties as Schema)).toEqual(["1", "2"]);
  });

  it("reads any number of placeholders in sentences as text, fields and all", () => {
    const said = Array.from({ length: 40 }, (_, k) => `Call <host-${k}> with <api-key>.`);
    const doc = page(
      front("GET /v1/rooms"),
      said.join("\n\n"),
      '<ParamField query="floor" type="integer">Which floor.</ParamField>',
    );
    const parameters = operation(doc).parameters as Schema[];
    expect(parameters.map((p) => p.name)).toEqual(["floor"]);
  });

  it("takes no values from tables of errors or status codes for a field", () => {
    const doc = page(
      front("POST /v1/signups"),
      "## Body",
      table("Parameter | Type | Description", [
        "`email` | string | Where to write",
        "`plan` | integer | Which plan",
      ]),
      "### Possible errors for the field `email`",
      table("Code | Meaning", ["`invalid_format` | Not an address", "`already_taken` | Used"]),
      "### Status codes returned for the parameter `plan`",
      table("Code | Meaning", ["`402` | Unpaid", "`404` | No such plan"]),
    );
    const properties = bodyOf(doc).properties as Record<string, Schema>;
    expect(properties.email?.enum).toBeUndefined();
    expect(properties.plan?.enum).toBeUndefined();
  });

  it("reads a placeholder inside a one-line element as text", () => {
    const doc = page(
      front("GET /v1/rooms"),
      "<Note>Call <deployment-url> first.</Note>",
      '<ParamField query="floor" type="integer">Use <deployment-url> for tests.</ParamField>',
    );
    const parameters = operation(doc).parameters as Schema[];
    expect(parameters.map((p) => p.description)).toEqual(["Use <deployment-url> for tests."]);
  });
});
