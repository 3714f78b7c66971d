import { describe, expect, it } from "vitest";
import type { Line } from "../../src/sources/mintlify-page/lines.ts";
import { expandTables } from "../../src/sources/mintlify-page/table-rows.ts";

const lines = (...texts: string[]): Line[] =>
  texts.map((text, k) => ({ no: k + 1, raw: text, text }));
const texts = (out: Line[]) => out.map((line) => line.text);

describe("a copied table of fields", () => {
  it("reads cells run together in the header's order", () => {
    const out = expandTables(
      lines("NameTypeRequiredDescriptionExample", "order_idstring (UUID)YesThe order.ord_1"),
    );
    expect(texts(out)).toEqual([
      "order_id",
      "string<uuid>",
      "required",
      "",
      "The order.",
      "",
      "Example: ord_1",
      "",
    ]);
    expect(out.every((line) => line.no === 2)).toBe(true);
  });

  it("reads a browser's tab-separated copy, with defaults and spelled types", () => {
    const out = expandTables(
      lines("Field\tType\tRequired\tDefault\tDescription", "retries\tint\tNo\t3\tHow often."),
    );
    expect(texts(out)).toEqual(["retries", "int", "default:3", "", "How often.", ""]);
  });

  it("reads a markdown table an extractor kept, separator row and all", () => {
    const out = expandTables(
      lines("| Name | Type | Required |", "|---|---|---|", "| `tag` | string | no |"),
    );
    expect(texts(out)).toEqual(["tag", "string", ""]);
  });

  it("marks the line after a table as no row's description", () => {
    const out = expandTables(lines("NameTypeDescription", "idstringThe id.", "", "Example (cURL)"));
    expect(out.at(-1)).toMatchObject({ text: "Example (cURL)", heading: true });
  });

  it("leaves lines alone that are no table", () => {
    const input = lines("Name", "string", "", "Type Required Description", "NameTypo");
    expect(expandTables(input)).toEqual(input);
    // A header whose rows do not fit is kept as it was.
    const loose = lines("NameTypeRequiredDescription", "a sentence that fits no column");
    expect(expandTables(loose)).toEqual(loose);
  });
});
