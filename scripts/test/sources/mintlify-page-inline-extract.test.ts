import { describe, expect, it } from "vitest";
import {
  looksLikeInlineExtract,
  unfoldInline,
} from "../../src/sources/mintlify-page/inline-extract.ts";

const anchor = (id: string) => `[\u200B ](#${id})`;

describe("mintlify-page inline extraction", () => {
  it("splits a field line into its head, pills and description", () => {
    expect(
      unfoldInline(` ${anchor("limit")} limitinteger required default25 How many to return.`),
    ).toEqual([
      "",
      "",
      `[\u200B](#limit)limitinteger`,
      "required",
      "default:25",
      "",
      "How many to return.",
    ]);
  });

  it("starts a piece at a label glued to its value, not at the same word in prose", () => {
    expect(
      unfoldInline("Hex colour. Example: `#fff`. Example:#000 Required range:items: 1–3"),
    ).toEqual(["Hex colour. Example: `#fff`.", "Example: #000", "Required range: items: 1–3"]);
  });

  it("takes the method glued to its path and the panel's run-together parts apart", () => {
    expect(unfoldInline("GET/v1/things cURL")).toEqual(["GET", "/v1/things", "cURL"]);
    expect(unfoldInline("}' 200 404 Copy {")).toEqual(["}'", "", "200 404", "", "{"]);
    expect(unfoldInline("} [Read more](/x) first. ### Body")).toEqual([
      "}",
      "",
      "[Read more](/x) first.",
      "### Body",
    ]);
  });

  it("is claimed only by pages with fields after mid-line anchors", () => {
    const fields = [
      `a. ${anchor("x")} xstring`,
      `b. ${anchor("y")} yinteger`,
      ` ${anchor("z")} zboolean`,
      ` ${anchor("w")} wnumber`,
    ];
    expect(looksLikeInlineExtract(fields)).toBe(true);
    // A scrape's headings carry anchors too: `## [​](#body) Body` is no inline field.
    expect(
      looksLikeInlineExtract([
        `## ${anchor("a")} A`,
        `## ${anchor("b")} B`,
        `### ${anchor("c")} C`,
      ]),
    ).toBe(false);
  });
});
