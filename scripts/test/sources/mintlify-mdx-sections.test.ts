import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/errors.ts";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Where a hand-written page's section is not the operation's own: another operation's section,
// another object's table, and a field's values said in a paragraph under its table.

type Schema = Record<string, unknown>;
const convert = (text: string) => {
  const warnings: Warning[] = [];
  const doc = parseMintlifyMdx(text, { file: "p.mdx", warn: (w) => warnings.push(w) });
  return { doc, warnings: warnings.map((w) => w.message) };
};
const operation = (doc: OpenAPIDocument): Schema => {
  const item = Object.values((doc.paths ?? {}) as Record<string, Schema>)[0] ?? {};
  return Object.values(item)[0] as Schema;
};
const propertiesOf = (holder: unknown): Schema =>
  (((holder as Schema).content as Record<string, Schema>)["application/json"]?.schema as Schema)
    .properties as Schema;
const bodyNames = (doc: OpenAPIDocument) => Object.keys(propertiesOf(operation(doc).requestBody));
const responseProps = (doc: OpenAPIDocument) =>
  propertiesOf((operation(doc).responses as Record<string, unknown>)["200"]);

const page = (...lines: string[]) =>
  ["---", 'title: "Book a slot"', 'api: "POST /v1/slots"', "---", "", ...lines].join("\n");
const bodyTable = [
  "## Body",
  "",
  "| Field | Type | Required | Description |",
  "|---|---|---|---|",
  "| `start` | string | yes | When |",
  "| `seats` | integer | no | How many |",
  "",
];

describe("a section naming another operation", () => {
  it("is left out, with a warning, up to the next heading as high", () => {
    const { doc, warnings } = convert(
      page(
        ...bodyTable,
        "## Cancel a slot",
        "",
        "`DELETE /v1/slots/{id}`",
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
        "| `start` | string | yes | Again |",
        "",
        "## Response",
        "",
        "| Field | Type | Description |",
        "|---|---|---|",
        "| `slot_id` | string | The slot |",
      ),
    );
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
    expect(Object.keys(responseProps(doc))).toEqual(["slot_id"]);
    expect(warnings.join("\n")).toMatch(/"Cancel a slot" documents DELETE \/v1\/slots\/\{id\}/);
  });

  it("is kept when it names the page's own operation (with a query, or its full URL)", () => {
    for (const line of [
      "`POST /v1/slots?dry_run=true`",
      "`POST https://api.quillon.dev/v1/slots`",
    ]) {
      const { doc, warnings } = convert(page("## Endpoint", "", line, "", ...bodyTable));
      expect(bodyNames(doc)).toEqual(["start", "seats"]);
      expect(warnings).toEqual([]);
    }
  });
});

describe("a second table under one heading", () => {
  const callback = (json: string) =>
    page(
      ...bodyTable,
      "With `notify` set, we send:",
      "",
      "```json",
      json,
      "```",
      "",
      "| Field | Description |",
      "|---|---|",
      "| `event` | Always `slot.changed` |",
      "| `slot_id` | The slot |",
    );

  it("is another object's when its rows are the keys of JSON shown just above it", () => {
    const { doc, warnings } = convert(callback('{ "event": "slot.changed", "slot_id": "s_1" }'));
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
    expect(warnings.join("\n")).toMatch(/keys of another object, shown just above it/);
  });

  it("is still the part's own when the JSON above lacks one of its rows", () => {
    const { doc } = convert(callback('{ "event": "slot.changed" }'));
    expect(bodyNames(doc)).toEqual(["start", "seats", "event", "slot_id"]);
  });
});

describe("a paragraph of a field's values", () => {
  const response = (paragraph: string) =>
    page(
      "## Response",
      "",
      "| Field | Type | Description |",
      "|---|---|---|",
      "| `state` | string | Where the slot stands |",
      "",
      paragraph,
    );

  it("gives the values to the field it names", () => {
    for (const text of [
      "**`state` values:** `held`, `booked`, `freed`.",
      "**`state` 枚举：** `held`（保留）、`booked`（已订）、`freed`（已释放）。",
      "**Possible `state` values:** `held` or `booked` or `freed`",
    ])
      expect(responseProps(convert(response(text)).doc).state).toMatchObject({
        enum: ["held", "booked", "freed"],
      });
  });

  it("gives none when the label says more than that these are its values", () => {
    const text = "**`state` changes when:** `held` turns `booked` on payment.";
    expect(responseProps(convert(response(text)).doc).state).not.toHaveProperty("enum");
  });
});
