import { describe, expect, it } from "vitest";
import { parseJson } from "../../src/sources/model/json.ts";

describe("parseJson", () => {
  it("reads an example annotated as JSONC: line and block comments, trailing commas", () => {
    const text = '{\n  "a": 1, // the first\n  "b": /* inline */ [2, 3,],\n}';
    expect(parseJson(text)).toEqual({ ok: true, value: { a: 1, b: [2, 3] } });
  });

  it("drops a comma left trailing once the comment after it is gone", () => {
    const text = '{\n  "id": "w_1",\n  "label": "x",\n  //...\n}';
    expect(parseJson(text)).toEqual({ ok: true, value: { id: "w_1", label: "x" } });
  });

  it("leaves what only looks like a comment or a trailing comma inside a string", () => {
    const text = '{"url": "https://x.example//y", "list": "a,]", "n": 1,}';
    expect(parseJson(text)).toEqual({
      ok: true,
      value: { url: "https://x.example//y", list: "a,]", n: 1 },
    });
  });

  it("reports the error of the text as written when it is not JSON either way", () => {
    const result = parseJson('{"a": 1 "b": 2} // note');
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/JSON at position 8/);
  });
});
