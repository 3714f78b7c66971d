import { describe, expect, it } from "vitest";
import { looseTopKeys } from "../../src/sources/mintlify-mdx/table-part.ts";

describe("the keys of JSON the docs broke", () => {
  it("reads the top level's keys past a missing comma, not the nested ones", () => {
    const text = `{
  "id": "c_1",
  "assistant": { "id": "a_1", "name": "Di" },
  "end_user": {
    "extra": { "Amount": "12"
      "Date": "2024-12-26" }
  }
}`;
    expect(looseTopKeys(text)).toEqual(["id", "assistant", "end_user"]);
  });

  it("reads a list's first item, ignores strings that are values and escaped quotes", () => {
    expect(looseTopKeys('[{"a": "x: \\"y\\"", "b": 1 // note\n}, {"c": 2}]')).toEqual(["a", "b"]);
    expect(looseTopKeys('"just a string"')).toEqual([]);
  });
});
