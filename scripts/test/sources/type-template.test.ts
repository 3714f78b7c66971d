import { describe, expect, it } from "vitest";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import { isTypeTemplate, templateSchema } from "../../src/sources/model/template.ts";

// A hand-written page may show the body as JSON of type names: the fields' types, no example.

type Schema = Record<string, unknown>;
const body = (text: string): Schema => {
  const doc = parseMintlifyMdx(text, { file: "p.mdx", warn: () => {} });
  const op = Object.values(
    Object.values(doc.paths as Record<string, Schema>)[0] ?? {},
  )[0] as Schema;
  return ((op.requestBody as Schema).content as Record<string, Schema>)[
    "application/json"
  ] as Schema;
};

const head = [
  "---",
  'title: "Add a courier"',
  'api: "POST https://api.parcelbee.test/v1/couriers"',
  "---",
  "",
];
const template = [
  "## Request body",
  "",
  "```json",
  '{ "handle": "string", "vans": "integer", "active": "boolean" }',
  "```",
  "",
];
const list = [
  "### Fields",
  "",
  "- `handle` (required): the courier's public name",
  "- `vans` (optional): how many vans",
  "- `active` (optional): whether they take parcels",
  "",
];
const curl = [
  "```bash",
  "curl -X POST https://api.parcelbee.test/v1/couriers \\",
  `  -d '{"handle": "zip", "vans": 3, "active": true}'`,
  "```",
];

describe("a JSON template of type names", () => {
  it("is told from an example: every value a type name, two or more", () => {
    expect(isTypeTemplate({ a: "string", b: { c: "integer" }, d: ["number"] })).toBe(true);
    expect(isTypeTemplate({ type: "object" })).toBe(false);
    expect(isTypeTemplate({ a: "string", b: "zip" })).toBe(false);
    expect(isTypeTemplate({ a: "string", b: 3 })).toBe(false);
    expect(templateSchema({ a: "int", b: ["string"] })).toEqual({
      type: "object",
      properties: { a: { type: "integer" }, b: { type: "array", items: { type: "string" } } },
    });
  });

  it("types the listed fields that have none, and the curl stays the example", () => {
    const media = body([...head, ...template, ...list, ...curl].join("\n"));
    const properties = (media.schema as Schema).properties as Record<string, Schema>;
    expect(properties.handle?.type).toBe("string");
    expect(properties.vans?.type).toBe("integer");
    expect(properties.active?.type).toBe("boolean");
    expect(media.example).toEqual({ handle: "zip", vans: 3, active: true });
  });

  it("is no example where it is all the page shows of the body", () => {
    const media = body([...head, ...template].join("\n"));
    expect(media.example).toBeUndefined();
    expect((media.schema as Schema).properties).toEqual({
      handle: { type: "string" },
      vans: { type: "integer" },
      active: { type: "boolean" },
    });
  });

  it("leaves a type the page states as it is", () => {
    const typed = list.map((l) => l.replace("`vans` (optional)", "`vans` (number, optional)"));
    const media = body([...head, ...template, ...typed, ...curl].join("\n"));
    const properties = (media.schema as Schema).properties as Record<string, Schema>;
    expect(properties.vans?.type).toBe("number");
  });
});

describe("values that are type names but no template", () => {
  it("in a curl body or a response example stay the example (a mapping, a JSON Schema)", () => {
    const text = [
      ...head,
      "```bash",
      "curl -X POST https://api.parcelbee.test/v1/couriers \\",
      `  -d '{"columns": {"weight": "number", "label": "string"}}'`,
      "```",
    ].join("\n");
    const media = body(text);
    expect(media.example).toEqual({ columns: { weight: "number", label: "string" } });
    const columns = ((media.schema as Schema).properties as Record<string, Schema>).columns;
    expect(columns?.properties).toEqual({ weight: { type: "string" }, label: { type: "string" } });
  });

  it("a template's date and list words type the fields too", () => {
    const words = [
      "## Request body",
      "",
      "```json",
      '{ "joined": "date", "zones": "string[]" }',
      "```",
    ];
    const media = body([...head, ...words].join("\n"));
    expect((media.schema as Schema).properties).toEqual({
      joined: { type: "string", format: "date" },
      zones: { type: "array", items: { type: "string" } },
    });
  });
});
