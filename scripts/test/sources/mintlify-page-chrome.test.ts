import { describe, expect, it } from "vitest";
import { dropNoise, splitLines } from "../../src/sources/mintlify-page/lines.ts";

const texts = (page: string) =>
  dropNoise(splitLines(page), () => false)
    .map((line) => line.text)
    .filter((text) => text !== "");

describe("mintlify-page chrome", () => {
  it("drops the footer above Powered by Mintlify: previous/next titles the sidebar listed, social links", () => {
    const page = [
      "Refunds",
      "Create a refund",
      "List refunds",
      ...Array.from({ length: 30 }, (_, i) => `line ${i}`),
      "reason",
      "string",
      "",
      "Create a refund",
      "List refunds",
      "Ask a question...",
      "x",
      "github",
      "Powered by Mintlify",
      "List refunds - Acme Docs",
    ].join("\n");
    const kept = texts(page);
    expect(kept.slice(-2)).toEqual(["reason", "string"]);
  });

  it("keeps the last lines when they are no titles the page listed before", () => {
    const page = [
      "Refunds",
      ...Array.from({ length: 30 }, (_, i) => `line ${i}`),
      "reason",
      "The reason.",
      "",
      "Powered by Mintlify",
    ].join("\n");
    expect(texts(page).slice(-2)).toEqual(["reason", "The reason."]);
  });

  it("ends the page at a scrape's previous / next links after the sections, and only there", () => {
    const heading = (lines: { text: string }[], i: number) => lines[i]?.text === "Response";
    const kept = (page: string[]) =>
      dropNoise(splitLines(page.join("\n")), heading)
        .map((line) => line.text)
        .filter((text) => text !== "");
    const pager = ["[Previous](/a)[", "", "Cancel a renderStop it.", "", "Next", "", "](/b)"];
    // At the top (before any section) only the links go: the title after them stays.
    expect(kept([...pager, "Start a render", "Response", "id", "string"])).toEqual([
      "Start a render",
      "Response",
      "id",
      "string",
    ]);
    // After the sections, the links and the example panel Mintlify repeats under them go.
    expect(
      kept(["Response", "id", "string", ...pager, "Start a render", "cURL", "curl x"]),
    ).toEqual(["Response", "id", "string"]);
    // `[Title` / `Previous](/a)`: the other shape, one link over lines.
    expect(kept(["Response", "id", "string", "[Cancel a render", "", "Previous](/a)"])).toEqual([
      "Response",
      "id",
      "string",
    ]);
  });
});
