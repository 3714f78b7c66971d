import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyMarkdown } from "../../src/sources/mintlify-markdown.ts";

const seed = readFileSync(
  new URL("../../../specs/clink/upstream/get-agent-payment-session.md", import.meta.url),
  "utf8",
);
const file = "page.md";

function parseError(text: string): ParseError {
  try {
    parseMintlifyMarkdown(text, { file });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

describe("mintlify-markdown", () => {
  it("is auto-detected and yields the embedded operation", () => {
    expect(detectFormat(seed, file)).toBe("mintlify-markdown");
    const doc = parseMintlifyMarkdown(seed, { file });
    expect(doc.paths["/order/payment-session/{sessionId}"].get.operationId).toBe("getSession_1");
  });

  it("reports a truncated fence with the file and the last line", () => {
    const cut = seed.slice(0, seed.indexOf("components:"));
    const error = parseError(cut);
    expect(error.message).toMatch(
      /^page\.md:\d+: expected the closing ```` of the OpenAPI fence opened on line 13/,
    );
  });

  it("reports YAML errors on the line of the page, not of the fence", () => {
    const lines = seed.split("\n");
    const at = lines.findIndex((l) => l.includes("operationId: getSession_1"));
    lines[at] = "      operationId: [unclosed";
    const error = parseError(lines.join("\n"));
    expect(error.line).toBeGreaterThanOrEqual(at + 1);
    expect(error.line).toBeLessThanOrEqual(at + 2);
    expect(error.message).toContain("expected valid YAML");
  });

  it("fails when the fence names an operation the document lacks", () => {
    const error = parseError(seed.replace("````yaml GET /order", "````yaml POST /order"));
    expect(error.line).toBe(13);
    expect(error.message).toContain(
      "expected the document to define POST /order/payment-session/{sessionId}",
    );
  });

  it("fails on a page with no OpenAPI fence", () => {
    expect(parseError("# Title\n\n## OpenAPI\n\nnothing here\n").message).toContain(
      "expected a ````yaml METHOD /path fence",
    );
  });
});
