import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";

// Pages of our own for faults a review of this session's page rules found.

describe("rendered page review", () => {
  it("keeps a Default: line in a description as prose, not a pill", () => {
    const text = [
      "# Get a profile\n\nGET /v2/profile\n\nReads the caller's profile.\n\n#### Query Parameters",
      "[\u200b](#parameter-limit)\n\nlimit\n\ninteger\n\nHow many results to return.\n\nDefault: `20`",
      "[\u200b](#parameter-region)\n\nregion\n\nstring\n\nWhere to look.",
    ].join("\n\n");
    const doc = parseMintlifyPage(text, { file: "p.md" });
    const item = (doc.paths ?? {})["/v2/profile"] as { get: { parameters: { name: string }[] } };
    const params = item.get.parameters;
    expect(params.map((p) => p.name)).toEqual(["limit", "region"]);
  });

  it("leaves a browser copy with glued pills and a table in a description to the page reader", () => {
    const text = [
      "List Things\n\nGET\n/\nthings\n\ncurl --request GET \\\n  --url https://api.x.example/things",
      "Query Parameters\n\u200b\ntimeout\nnumberdefault:None\nSeconds to wait.",
      "\u200b\nlabel\nstringdefault:None\nA label. One of:\n\n| Name | Description |\n|---|---|\n| red | A red label |",
    ].join("\n\n");
    expect(detectFormat(text, "p.txt")).toBe("mintlify-page");
  });
});
