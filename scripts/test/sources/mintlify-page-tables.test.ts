import { describe, expect, it } from "vitest";
import type { Line } from "../../src/sources/mintlify-page/lines.ts";
import { expandTables } from "../../src/sources/mintlify-page/table-rows.ts";

const lines = (...raws: string[]): Line[] =>
  raws.map((raw, k) => ({ no: k + 1, raw, text: raw.trim() }));
const texts = (...raws: string[]) => expandTables(lines(...raws)).lines.map((line) => line.text);
/** The name, type and description lines of each field, in order. */
const named = (...raws: string[]) => texts(...raws).filter((t) => t !== "");

describe("a copied table of fields", () => {
  it("reads cells run together in the header's order", () => {
    const out = expandTables(
      lines("NameTypeRequiredDescriptionExample", "order_idstring (UUID)YesThe order.ord_1"),
    );
    expect(out.lines.map((line) => line.text)).toEqual([
      "order_id",
      "string<uuid>",
      "required",
      "",
      "The order.",
      "",
      "Example: ord_1",
      "",
    ]);
    expect(out.lines.every((line) => line.no === 2)).toBe(true);
  });

  it("takes the longest name whose rest fits (a type word inside a name)", () => {
    expect(
      named("FieldTypeDescription", "account_numberstringThe number.", "idstringString id."),
    ).toEqual(["account_number", "string", "The number.", "id", "string", "String id."]);
  });

  it("splits a description from its example at the first sentence end", () => {
    expect(named("FieldTypeDescriptionExample", "amountnumberThe amount.12.50")).toEqual([
      "amount",
      "number",
      "The amount.",
      "Example: 12.50",
    ]);
  });

  it("reads a one-word value column before the description", () => {
    expect(named("FieldTypeDefaultDescription", "retriesinteger3How often.")).toEqual([
      "retries",
      "integer",
      "default:3",
      "How often.",
    ]);
  });

  it("reads a browser's tab-separated copy, an empty last cell and all", () => {
    expect(
      named("Field\tType\tRequired\tDefault\tDescription", "retries\tint\tNo\t3\tHow often."),
    ).toEqual(["retries", "int", "default:3", "How often."]);
    expect(named("Field\tType\tRequired\tDescription", "tag\tstring\tNo\t")).toEqual([
      "tag",
      "string",
    ]);
  });

  it("reads a markdown table an extractor kept, escaped pipes and all", () => {
    expect(
      named(
        "| Name | Type | Description |",
        "|---|---|---|",
        "| `tag` | string \\| null | A tag. |",
      ),
    ).toEqual(["tag", "string | null", "A tag."]);
  });

  it("reads pipe rows that lost their first pipe, under a rule that lost its cells", () => {
    expect(
      named(
        "| Field | Type | Description |",
        "|---|",
        "retired | boolean | Whether the badge is retired |",
        "badgeId | string | The badge |",
      ),
    ).toEqual([
      "retired",
      "boolean",
      "Whether the badge is retired",
      "badgeId",
      "string",
      "The badge",
    ]);
    // A sentence with a pipe in it is no row, its pipes at both ends or not, nor a misfit.
    const prose = expandTables(
      lines(
        "| Field | Type | Description |",
        "|---|---|---|",
        "| a | string | An a |",
        "Use | to split labels |",
      ),
    );
    expect(prose.misfits).toEqual([]);
    expect(named("| Field | Type | Description |", "|---|---|---|", "Use a | b here.")).toEqual([
      "| Field | Type | Description |",
      "|---|---|---|",
      "Use a | b here.",
    ]);
  });

  it("reads rows with blank lines between them", () => {
    expect(named("NameTypeDescription", "aintegerOne.", "", "bstringTwo.")).toEqual([
      "a",
      "integer",
      "One.",
      "b",
      "string",
      "Two.",
    ]);
  });

  it("keeps the text after a table apart, of the section and not of the last row", () => {
    const out = expandTables(
      lines("NameTypeDescription", "idstringThe id.", "", "All ids are opaque."),
    );
    expect(out.after).toEqual([{ text: "All ids are opaque.", line: 4 }]);
    expect(out.lines.map((line) => line.text)).not.toContain("All ids are opaque.");
  });

  it("reports a row that fits no column, right under the rows or shaped as a row", () => {
    expect(
      expandTables(lines("NameTypeDescription", "idstringThe id.", "sizewidgetBig.")).misfits,
    ).toHaveLength(1);
    expect(
      expandTables(lines("Name\tType\tDescription", "a\tstring\tOne.", "b\tstring")).misfits,
    ).toHaveLength(1);
  });

  it("leaves lines alone that are no table", () => {
    const input = lines("Name", "string", "", "Type Required Description", "NameTypo");
    expect(expandTables(input).lines).toEqual(input);
    // A header whose first row does not fit is kept as it was.
    const loose = lines("NameTypeRequiredDescription", "a sentence that fits no column");
    expect(expandTables(loose).lines).toEqual(loose);
  });

  it("reads lower-case types first, so a capitalised word inside a camelCase name stays in it", () => {
    expect(named("FieldTypeDescription", "parentObjectIdstringid of the parent.")).toEqual([
      "parentObjectId",
      "string",
      "id of the parent.",
    ]);
    expect(named("FieldTypeDescription", "totalint64The total.")).toEqual([
      "total",
      "integer<int64>",
      "The total.",
    ]);
  });

  it("reads a number before a lower-case description, and an example after a bracket", () => {
    expect(named("NameTypeDefaultDescription", "retriesinteger3how often.")).toEqual([
      "retries",
      "integer",
      "default:3",
      "how often.",
    ]);
    expect(named("FieldTypeDescriptionExample", "codestringA code (ISO 4217)USD")).toEqual([
      "code",
      "string",
      "A code (ISO 4217)",
      "Example: USD",
    ]);
  });

  it("reports a lower-case row right under the rows that fits no column", () => {
    const out = expandTables(
      lines("NameTypeDescription", "idstringthe id.", "labelsmapthe labels."),
    );
    expect(out.misfits.map((line) => line.text)).toEqual(["labelsmapthe labels."]);
  });
});

describe("a two-column table of names and descriptions", () => {
  it("splits a run-together row where the description's first capitalised word starts", () => {
    expect(
      named(
        "ParameterDescription",
        "depotIdThe depot to pour from",
        "brewerNameBrewer’s name, as the till shows it",
        "sizeCup size",
      ),
    ).toEqual([
      "depotId",
      "The depot to pour from",
      "brewerName",
      "Brewer’s name, as the till shows it",
      "size",
      "Cup size",
    ]);
  });

  it("splits before an acronym, never inside one, and reads a row whose description is short", () => {
    expect(
      named("ParameterDescription", "userIdID of the owner", "skuSKU to match", "sizeCup size"),
    ).toEqual(["userId", "ID of the owner", "sku", "SKU to match", "size", "Cup size"]);
  });

  it("is a field's description under a field (its values), not the section's fields", () => {
    const rows = ["status", "string", "One of:", "", "Name\tDescription", "active\tLive."];
    expect(named(...rows)).toEqual([
      "status",
      "string",
      "One of:",
      "Name\tDescription",
      "active\tLive.",
    ]);
  });

  it("reads tab-separated cells, and no other pair of columns", () => {
    expect(named("Field\tDescription", "cups\tHow many")).toEqual(["cups", "How many"]);
    expect(named("NameType", "cupsinteger")).toEqual(["NameType", "cupsinteger"]);
  });
});

describe("a union written with a slash", () => {
  it("is one type cell, run together or not", () => {
    expect(
      named(
        "FieldTypeDescription",
        "receiptobject/nullThe till's receipt",
        "notestring/nullA note",
      ),
    ).toEqual([
      "receipt",
      "object | null",
      "The till's receipt",
      "note",
      "string | null",
      "A note",
    ]);
  });

  it("is one type cell where the union is said in words, run together", () => {
    expect(
      named("FieldTypeDescription", "seen_atstring or nullWhen the badge was last seen"),
    ).toEqual(["seen_at", "string | null", "When the badge was last seen"]);
    expect(
      named("FieldTypeDescription", "seen_atstring or integer or nullWhen it was seen"),
    ).toEqual(["seen_at", "string | integer | null", "When it was seen"]);
    expect(named("FieldTypeDescription", "modeString or NullThe mode")).toEqual([
      "mode",
      "string | null",
      "The mode",
    ]);
    // Each word whole: `nullable` is the description's, and the row fits no column.
    expect(named("FieldTypeDescription", "labelstring or nullable, the label.")).toEqual([
      "FieldTypeDescription",
      "labelstring or nullable, the label.",
    ]);
    // (Nor a hyphenated word: `integer-like` is the description's.)
    expect(named("FieldTypeDescription", "kindstring or integer-like value.")).toEqual([
      "FieldTypeDescription",
      "kindstring or integer-like value.",
    ]);
    // A database's `numeric`, the name before it whole.
    expect(named("FieldTypeDescription", "ratenumericThe rate.")).toEqual([
      "rate",
      "number",
      "The rate.",
    ]);
  });
});
