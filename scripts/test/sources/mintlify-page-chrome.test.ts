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
});
