import { describe, expect, it } from "vitest";
import { inferSchema, widen } from "../../src/sources/model/infer.ts";

describe("the schema an example shows", () => {
  it("reads a whole number as an integer and a fraction as a number", () => {
    expect(inferSchema({ code: 200, rate: 0.5 })).toMatchObject({
      properties: { code: { type: "integer" }, rate: { type: "number" } },
    });
  });

  it("widens an integer to a number when another example has a fraction, not to any value", () => {
    const schema = inferSchema([{ amount: 1500 }, { amount: 15.5 }]);
    expect(schema).toMatchObject({ items: { properties: { amount: { type: "number" } } } });
    const again = widen(inferSchema(2.5), 3);
    expect(again).toEqual({ type: "number" });
  });

  it("still gives up on a type that disagrees", () => {
    expect(widen(inferSchema(7), "seven")).toEqual({});
  });
});

describe("a number written with a fraction that parses whole", () => {
  it("is a number, as written (`25.0`, `1e3`)", async () => {
    const { parseJson } = await import("../../src/sources/model/json.ts");
    const parsed = parseJson('{ "subtotal": 25.0, "count": 3, "items": [1.0, 2], "big": 1e3 }');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(inferSchema(parsed.value)).toMatchObject({
      properties: {
        subtotal: { type: "number" },
        count: { type: "integer" },
        items: { items: { type: "number" } },
        big: { type: "number" },
      },
    });
  });
});

describe("Mintlify's generated example", () => {
  it("reads its `123` as an integer, as any whole number, and a fraction anywhere as a number", () => {
    expect(inferSchema({ origin: "<string>", size: { weight_kg: 123 } })).toMatchObject({
      properties: { size: { properties: { weight_kg: { type: "integer" } } } },
    });
    expect(inferSchema({ origin: "<string>", size: [{ kg: 123 }, { kg: 1.5 }] })).toMatchObject({
      properties: { size: { items: { properties: { kg: { type: "number" } } } } },
    });
  });
});
