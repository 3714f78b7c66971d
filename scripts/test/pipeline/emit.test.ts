import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../src/pipeline/emit.ts";
import { parseYamlAt } from "../../src/yaml-source.ts";

const roundTrip = (doc: Record<string, unknown>) => parseYamlAt(toYaml(doc), "spec.yaml");

// Strings that some YAML reader takes for something else, or that need a particular style.
const TRICKY = [
  "",
  " ",
  // Whitespace-only lines: js-yaml writes them as `|2` blocks that the yaml package reads as "".
  " \n",
  " \n \n",
  "  \n\t\n",
  "\ufeff",
  "null",
  "Null",
  "~",
  "true",
  "False",
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "0",
  "012",
  "0o17",
  "0x1F",
  "1e3",
  "1_000",
  ".inf",
  "-.Inf",
  ".nan",
  "2024-09-29",
  "2024-09-29T10:00:00Z",
  "12:30:45",
  "<<",
  "#/components/schemas/X",
  "- item",
  "? key",
  "key: value",
  "a #comment",
  "{baseUrl}",
  "[1, 2]",
  "*alias",
  "&anchor",
  "!tag",
  "%directive",
  "@at",
  "`tick",
  "'single'",
  '"double"',
  "|",
  ">",
  "---",
  "...",
  "trailing space ",
  " leading space",
  "tab\there",
  "line\nbreak",
  "line\n",
  "line\n\n",
  "\nleading newline",
  "  indented\nfirst line",
  "trailing spaces  \non a line",
  "windows\r\nline",
  "unicode é ✓ 😀",
  "\u0000 control \u0007",
  "\u2028 separator",
  "\ufeffbom",
  "x".repeat(200),
  `${"word ".repeat(40)}end`,
];

describe("toYaml", () => {
  it("round-trips tricky strings exactly, as keys and as values", () => {
    for (const s of TRICKY) {
      const doc = { value: s, list: [s], map: { [s]: s } };
      expect(roundTrip(doc)).toEqual(doc);
    }
  });

  it("round-trips any JSON document exactly", () => {
    const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary" }), fc.string());
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(text, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(text, json, { maxKeys: 5 }), (doc) => {
        expect(roundTrip(doc)).toEqual(doc);
      }),
      { numRuns: 500 },
    );
  });

  it("writes readable, stable YAML: block style, literal multi-line strings, no folding", () => {
    const long = `${"A long description ".repeat(10)}that never wraps.`;
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/orders/{id}": {
          get: {
            description: "First paragraph.\n\nSecond paragraph,\n  indented.",
            summary: long,
            responses: { "200": { $ref: "#/components/responses/Ok" } },
          },
        },
      },
      tags: [{ name: "orders" }, { name: "orders" }],
      skipped: undefined,
    };
    const yaml = toYaml(doc);
    expect(yaml).toBe(
      [
        "openapi: 3.1.0",
        "paths:",
        "  /orders/{id}:",
        "    get:",
        "      description: |-",
        "        First paragraph.",
        "",
        "        Second paragraph,",
        "          indented.",
        `      summary: ${long}`,
        "      responses:",
        '        "200":',
        '          $ref: "#/components/responses/Ok"',
        "tags:",
        "  - name: orders",
        "  - name: orders",
        "",
      ].join("\n"),
    );
    expect(toYaml(structuredClone(doc))).toBe(yaml);
  });

  it("writes the same object twice in full, never as an alias", () => {
    const shared = { type: "string" };
    expect(toYaml({ a: shared, b: shared })).not.toMatch(/[&*]/);
  });
});
