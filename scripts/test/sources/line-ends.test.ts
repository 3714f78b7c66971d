import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, parserFor } from "../../src/sources/index.ts";

const corpus = new URL("../fixtures/corpus/", import.meta.url);
const pages = ["mintlify-mdx", "mintlify-page", "mintlify-markdown"].flatMap((form) =>
  readdirSync(new URL(`${form}/`, corpus))
    .filter((name) => /\.(?:mdx|md|txt)$/.test(name) && !name.endsWith(".error.txt"))
    .slice(0, 12)
    .map((name) => `${form}/${name}`),
);

describe("a page saved with Windows line ends", () => {
  it.each(pages)("%s reads as it does with \\n", (page) => {
    const text = readFileSync(new URL(page, corpus), "utf8");
    const crlf = text.replaceAll("\n", "\r\n");
    const format = detectFormat(text, page);
    expect(detectFormat(crlf, page)).toBe(format);
    const read = (t: string) => {
      try {
        return parserFor(format)(t, { file: page, warn: () => {} });
      } catch (error) {
        return String(error);
      }
    };
    expect(read(crlf)).toEqual(read(text));
  });
});
