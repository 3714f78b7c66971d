import { describe, expect, it } from "vitest";
import { looksLikeFieldListPage, parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Hand-written MDX pages: fields in lists with a dash after the name, values in code as JSON
// strings, a header table's optional row, and a webhook page titled with its event's name.

type Schema = Record<string, unknown>;
const convert = (text: string): OpenAPIDocument =>
  parseMintlifyMdx(text, { file: "p.mdx", warn: () => {} });
const operation = (doc: OpenAPIDocument): Schema => {
  const item = Object.values((doc.paths ?? {}) as Record<string, Schema>)[0] ?? {};
  return Object.values(item)[0] as Schema;
};
const bodySchema = (op: Schema): Schema =>
  (((op.requestBody as Schema).content as Record<string, Schema>)["application/json"] as Schema)
    .schema as Schema;

describe("a list of fields with a dash after each name", () => {
  const text = [
    "---",
    "title: 'Grant stamps'",
    "openapi: 'POST /v2/stamps'",
    "---",
    "",
    "### Request fields",
    "",
    "- `stampCount` (integer, required) — how many stamps to grant.",
    "- `note` (string) – why they are granted.",
    "- `channel` - where the grant came from.",
  ].join("\n");

  it("reads each item as a body field of an `openapi:` page, its note giving type and required", () => {
    const schema = bodySchema(operation(convert(text)));
    expect(schema.properties).toEqual({
      stampCount: { type: "integer", description: "how many stamps to grant." },
      note: { type: "string", description: "why they are granted." },
      channel: { description: "where the grant came from." },
    });
    expect(schema.required).toEqual(["stampCount"]);
  });
});

describe("a list of bold terms with a dash after each", () => {
  it("is no list of fields: `**USD** - US Dollars` is a term and its meaning", () => {
    const head = ["---", 'title: "Balance"', "openapi: 'GET /v1/balance'", "---", ""];
    const terms = ["- **USD** - US Dollars", "- **EUR** - Euros"];
    expect(looksLikeFieldListPage([...head, ...terms].join("\n"))).toBe(false);
    const fields = ["- `currency` - the unit", "- `amount` - how much"];
    expect(looksLikeFieldListPage([...head, ...fields].join("\n"))).toBe(true);
  });
});

const tillPage = (...lines: string[]) =>
  [
    "---",
    'title: "Open a till"',
    'api: "POST https://api.tillbird.test/v1/tills"',
    "---",
    "",
    ...lines,
  ].join("\n");

describe("values listed in code as JSON strings", () => {
  it("are the enum's values without their quotes", () => {
    const text = tillPage(
      '<ParamField body="mode" type="string" required>',
      "  How the till takes money. Must be one of:",
      '  - `"cash"` — notes and coins',
      '  - `"card"` — card terminal',
      "</ParamField>",
    );
    const mode = (bodySchema(operation(convert(text))).properties as Record<string, Schema>).mode;
    expect(mode?.enum).toEqual(["cash", "card"]);
  });
});

describe("a page titled with an event's name", () => {
  it("is that event's webhook when its payload's `type` names it", () => {
    const text = [
      "---",
      'title: "till.closed"',
      "---",
      "",
      "Sent once a till is closed for the day.",
      "",
      "```json",
      '{ "type": "till.closed", "till_id": "t_1" }',
      "```",
      "",
      '<ResponseField name="type" type="string">Always `till.closed`.</ResponseField>',
      '<ResponseField name="till_id" type="string">The till.</ResponseField>',
    ].join("\n");
    const doc = convert(text);
    expect(Object.keys(doc.webhooks ?? {})).toEqual(["till.closed"]);
  });
});

// Second review: where the rules above must not fire.
const guide = (...lines: string[]) =>
  ["---", 'title: "Send a parcel"', "---", "", ...lines].join("\n");

describe("lists the dash rule must leave alone", () => {
  it("keeps `- \\`pending\\` — held` under a field one of its values, not a child field", () => {
    const doc = convert(
      guide(
        "`POST /v1/parcels`",
        "",
        "## Body parameters",
        "",
        "- `weight` (integer): Grams.",
        "- `speed` (string): How fast. One of:",
        "  - `standard` — within three days",
        "  - `express` — next day",
      ),
    );
    const speed = (bodySchema(operation(doc)).properties as Record<string, Schema>).speed;
    expect(speed?.type).toBe("string");
    expect(speed?.enum).toEqual(["standard", "express"]);
  });

  it("reads no fields from a bare `## Fields` heading, nor from a list of statuses", () => {
    const fields = convert(
      guide(
        "`GET /v1/parcels/{id}`",
        "",
        "## Fields",
        "",
        "- `id`: The parcel.",
        "- `weight`: Grams.",
      ),
    );
    expect(operation(fields).parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
    ]);
    const statuses = convert(
      guide(
        "`GET /v1/parcels/{id}`",
        "",
        "## Response",
        "",
        "Returns the parcel.",
        "",
        "### Parcel statuses",
        "",
        "- `waiting` — not yet picked up",
        "- `moving` — on its way",
      ),
    );
    const ok = (operation(statuses).responses as Record<string, Schema>)["200"];
    expect(ok?.content).toBeUndefined();
  });
});

describe("rows named `items[].sku`", () => {
  it("are the fields of a list of objects the table never lists, and the example stays", () => {
    const doc = convert(
      [
        "---",
        'title: "Create an order"',
        'api: "POST https://api.jarrow.test/v1/orders"',
        "---",
        "",
        "## Request body",
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
        "| `lines[].sku` | string | Yes | The product. |",
        "| `note` | string | No | For the packer. |",
        "",
        "```json",
        '{ "lines": [ { "sku": "JAR-2" } ], "note": "fragile" }',
        "```",
      ].join("\n"),
    );
    const media = ((operation(doc).requestBody as Schema).content as Record<string, Schema>)[
      "application/json"
    ] as Schema;
    const lines = ((media.schema as Schema).properties as Record<string, Schema>).lines;
    expect(lines).toMatchObject({
      type: "array",
      items: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] },
    });
    expect(media.example).toEqual({ lines: [{ sku: "JAR-2" }], note: "fragile" });
  });
});

describe("a page titled with one word its example's `type` names", () => {
  it("is no webhook: `type` names an object's own kind", () => {
    const text = guide(
      "```json",
      '{ "type": "gift_card", "gift_card": { "last4": "1234" } }',
      "```",
      "",
      '<ResponseField name="type" type="string">Always `gift_card`.</ResponseField>',
    ).replace('title: "Send a parcel"', 'title: "gift_card"');
    expect(() => convert(text)).toThrow(/expected the operation/);
  });
});

describe("a `| Header | Value |` table", () => {
  it("takes a row whose cell says it is optional (in any spelling) as an optional header", () => {
    const text = tillPage(
      "| Header | Value |",
      "|---|---|",
      "| `X-Till-Region` | `north` |",
      "| `Idempotency-Key` | *(optional)* Makes a retry safe. |",
      "| `X-Request-Tag` | Optional. Names the request in logs. |",
      "| `X-Trace-Id` | `abc-123` (optional) |",
      "| `X-Debug` | (optional) |",
      "| `X-Mode` | (Optional) — `test` or `live` |",
      "| `X-Signing-Secret` | `whsec_0000` (optional) |",
    );
    const parameters = operation(convert(text)).parameters as Schema[];
    const header = (name: string, more: Schema = {}) => ({
      name,
      in: "header",
      ...more,
      schema: { type: "string", ...(more.schema as Schema) },
    });
    expect(parameters).toEqual([
      header("X-Till-Region", { required: true, schema: { examples: ["north"] } }),
      header("Idempotency-Key", { description: "Makes a retry safe." }),
      header("X-Request-Tag", { description: "Names the request in logs." }),
      header("X-Trace-Id", { schema: { examples: ["abc-123"] } }),
      header("X-Debug"),
      header("X-Mode", { description: "`test` or `live`" }),
      // (A secret's value never goes into the spec.)
      header("X-Signing-Secret"),
    ]);
  });
});

describe("a ResponseField named by `path=`", () => {
  it("is named so, as a page that spelled every field as a path ParamField wrote it", () => {
    const text = tillPage(
      '<ResponseField path="till_id" type="string">The till.</ResponseField>',
    ).replace("/v1/tills", "/v1/tills/{till_id}");
    const ok = (operation(convert(text)).responses as Record<string, Schema>)["200"] as Schema;
    const media = (ok.content as Record<string, Schema>)["application/json"] as Schema;
    expect((media.schema as Schema).properties).toEqual({
      till_id: { type: "string", description: "The till." },
    });
  });
});
