import { describe, expect, it } from "vitest";
import { isLanguageType, parseTypeLine } from "../../src/sources/model/type-line.ts";

function schemaOf(text: string) {
  const result = parseTypeLine(text);
  if (result.kind !== "type") throw new Error(`${text}: ${result.kind}`);
  return result.schema;
}

describe("mintlify-page type lines", () => {
  it.each([
    ["string", { type: "string" }],
    ["number", { type: "number" }],
    ["integer", { type: "integer" }],
    ["boolean", { type: "boolean" }],
    ["object", { type: "object" }],
    ["null", { type: "null" }],
    ["any", {}],
    // A hand-written field's type as written: words that can only be a type.
    ["timestamp", { type: "string", format: "date-time" }],
    ["uuid | null", { type: ["string", "null"], format: "uuid" }],
    ["decimal", { type: "number" }],
    ["string[]", { type: "array", items: { type: "string" } }],
    ["integer[][]", { type: "array", items: { type: "array", items: { type: "integer" } } }],
    // TypeScript's spelling, as a hand-written page prints it.
    ["Array<object>", { type: "array", items: { type: "object" } }],
    // Older Mintlify's spelling.
    ["array<object>", { type: "array", items: { type: "object" } }],
    [
      "Array<Array<number>>",
      { type: "array", items: { type: "array", items: { type: "number" } } },
    ],
    ["Array<string | null>", { type: "array", items: { type: ["string", "null"] } }],
    ["Array<string> | null", { type: ["array", "null"], items: { type: "string" } }],
    [
      "Array<Array<string | null>>",
      { type: "array", items: { type: "array", items: { type: ["string", "null"] } } },
    ],
    ["enum<string>", { type: "string", enum: [] }],
    ["enum<integer>[]", { type: "array", items: { type: "integer", enum: [] } }],
    ["string<date-time>", { type: "string", format: "date-time" }],
    ["string<uuid>", { type: "string", format: "uuid" }],
    ["string<email>", { type: "string", format: "email" }],
    ["integer<int64>", { type: "integer", format: "int64" }],
    ["number<double>", { type: "number", format: "double" }],
    ["string | null", { type: ["string", "null"] }],
    ["string | integer", { type: ["string", "integer"] }],
    ["string<date-time> | null", { type: ["string", "null"], format: "date-time" }],
    ["string[] | null", { type: ["array", "null"], items: { type: "string" } }],
    ["enum<string> | null", { type: ["string", "null"], enum: [] }],
    ["(string | number)[]", { type: "array", items: { type: ["string", "number"] } }],
    ["map<string, Question>", { type: "object", additionalProperties: true }],
    ["map<string, integer>", { type: "object", additionalProperties: { type: "integer" } }],
    [
      "string<uuid> | integer",
      { anyOf: [{ type: "string", format: "uuid" }, { type: "integer" }] },
    ],
  ])("reads %s", (line, expected) => {
    expect(schemaOf(line)).toEqual(expected);
  });

  it("reads `Array<…>` nested deeper than any type as no type, without a crash", () => {
    const deep = `${"Array<".repeat(20000)}string${">".repeat(20000)}`;
    expect(parseTypeLine(deep).kind).not.toBe("type");
  });

  it("names a `Title · object` schema and references it", () => {
    const result = parseTypeLine("Stripe Payment Intent Configuration \u00B7 object");
    expect(result).toEqual({
      kind: "type",
      schema: { $ref: "#/components/schemas/StripePaymentIntentConfiguration" },
      named: [{ name: "StripePaymentIntentConfiguration", schema: { type: "object" } }],
    });
  });

  it("wraps the reference of `Title · object[]` in an array", () => {
    const result = parseTypeLine("refund line \u00B7 object[]");
    expect(result.kind === "type" && result.schema).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/RefundLine" },
    });
  });

  it("reads an array of a union of named objects, `(Text · object | File · object)[]`", () => {
    const result = parseTypeLine("(Text part \u00B7 object | File \u00B7 object)[]");
    expect(result).toEqual({
      kind: "type",
      schema: {
        type: "array",
        items: {
          anyOf: [{ $ref: "#/components/schemas/TextPart" }, { $ref: "#/components/schemas/File" }],
        },
      },
      named: [
        { name: "TextPart", schema: { type: "object" } },
        { name: "File", schema: { type: "object" } },
      ],
    });
  });

  it.each([
    [
      "stringstring[]stringstring[]",
      { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    ],
    ["integernumber", { type: ["integer", "number"] }],
  ])("reads the glued one-of tab labels %s as their union", (line, expected) => {
    expect(schemaOf(line)).toEqual(expected);
  });

  it("makes a nullable named object an anyOf with null", () => {
    expect(schemaOf("Address \u00B7 object | null")).toEqual({
      anyOf: [{ $ref: "#/components/schemas/Address" }, { type: "null" }],
    });
  });

  it.each(["map<integer, string>", "string<>", "enum<date>", "uint32[]", "Foo \u00B7 widget"])(
    "rejects the unknown type syntax %s",
    (line) => {
      expect(parseTypeLine(line).kind).toBe("invalid");
    },
  );

  it("takes JSON for any value, and no lower-case dotted name for a type", () => {
    expect(isLanguageType("JSON")).toBe(true);
    expect(isLanguageType("data.items")).toBe(false);
  });

  it.each(["React.ReactNode", "Stripe.Customer"])("knows %s for a language's type", (line) => {
    expect(isLanguageType(line)).toBe(true);
    // Only where a type must stand: as a line, it may be a value (`Microsoft.Compute`).
    expect(parseTypeLine(line).kind).toBe("none");
  });

  it.each(["enum<str", "string<date-", "integer<"])("says %s is cut off", (line) => {
    expect(parseTypeLine(line)).toMatchObject({ kind: "invalid", reason: /cut off/ });
  });

  it.each(["The unique identifier.", "Hello", "payment_session", "required", "PENDING,"])(
    "does not take %s for a type line",
    (line) => {
      expect(parseTypeLine(line).kind).toBe("none");
    },
  );
});
