import { describe, expect, it } from "vitest";
import { parseEtags, renderEtags } from "../../src/upstream/etags.ts";

describe(".etags.json", () => {
  it("round-trips, sorted by URL, keys in a fixed order, empty validators dropped", () => {
    const text = renderEtags({
      "https://d.test/b.md": { lastModified: "Tue, 01 Dec 2026 10:00:00 GMT", etag: '"2"' },
      "https://d.test/a.md": { etag: '"1"' },
      "https://d.test/c": {},
    });
    expect(text).toBe(
      `{
  "https://d.test/a.md": {
    "etag": "\\"1\\""
  },
  "https://d.test/b.md": {
    "etag": "\\"2\\"",
    "lastModified": "Tue, 01 Dec 2026 10:00:00 GMT"
  }
}
`,
    );
    expect(renderEtags(parseEtags(text))).toBe(text);
  });

  it("reads a missing or unreadable file as empty, and renders nothing for nothing", () => {
    expect(parseEtags(undefined)).toEqual({});
    expect(parseEtags("{not json")).toEqual({});
    expect(parseEtags("[1]")).toEqual({});
    expect(parseEtags('{"u": {"etag": 5}}')).toEqual({});
    expect(renderEtags({})).toBeUndefined();
  });
});
