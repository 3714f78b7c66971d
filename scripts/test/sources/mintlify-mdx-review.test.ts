import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/errors.ts";
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
