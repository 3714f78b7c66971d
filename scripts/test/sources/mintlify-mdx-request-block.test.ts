import { describe, expect, it } from "vitest";
import { readRequestBlock } from "../../src/sources/mintlify-mdx/request-block.ts";

describe("an HTTP request block", () => {
  it("names the operation on the Host's server, the scheme, and the other headers as parameters", () => {
    const block = readRequestBlock(
      [
        "PUT /v1/shelves/{id} HTTP/1.1",
        "Host: api.shelfly.test",
        "Authorization: Bearer <token>",
        "X-Api-Version: 2026-01-01",
        "X-Mode: draft | live",
        "Content-Type: application/json",
        "Accept: application/json",
      ].join("\n"),
      7,
    );
    expect(block?.endpoint).toBe("PUT https://api.shelfly.test/v1/shelves/{id}");
    expect(block?.auth.map((h) => [h.name, h.line])).toEqual([["Authorization", 9]]);
    const headers = block?.headers ?? [];
    expect(headers.map((h) => h.name)).toEqual(["X-Api-Version", "X-Mode"]);
    expect(headers[0]?.example).toEqual({ value: "2026-01-01" });
    expect(headers[1]?.options?.values).toEqual(["draft", "live"]);
  });

  it("takes an API key header as the scheme when no Authorization line is sent", () => {
    const block = readRequestBlock("GET /v1/shelves\nX-Shelf-Key: <your key>\nX-Trace: abc", 1);
    expect(block?.auth.map((h) => h.name)).toEqual(["X-Shelf-Key"]);
    expect(block?.headers.map((h) => [h.name, h.example])).toEqual([["X-Trace", { value: "abc" }]]);
  });

  it("keeps a key header a parameter beside an Authorization line, without a placeholder example", () => {
    const block = readRequestBlock("POST /v1/run\nAuthorization: Bearer x\nX-Model-Key: <key>", 1);
    expect(block?.headers.map((h) => [h.name, h.example])).toEqual([["X-Model-Key", undefined]]);
  });

  it("is no request block when a line after the request line is not a header", () => {
    expect(readRequestBlock('POST /v1/run\n{"a": 1', 1)).toBeUndefined();
    expect(readRequestBlock("curl https://x.test", 1)).toBeUndefined();
  });
});
