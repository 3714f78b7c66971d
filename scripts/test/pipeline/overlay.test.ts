import { describe, expect, it } from "vitest";
import { applyOverlay, parseOverlay } from "../../src/pipeline/overlay.ts";

const spec = () => ({
  paths: {
    "/a": { get: { responses: { 401: { content: { "application/json": { schema: {} } } } } } },
  },
  tags: [{ name: "T" }],
});

describe("overlay", () => {
  it("merges updates, appends to arrays and removes targets", () => {
    const actions = parseOverlay(
      `overlay: 1.0.0
info: { title: t, version: "1" }
actions:
  - target: $.paths.*.*.responses['401'].content
    update: { text/plain: { schema: { type: string } } }
  - target: "$.paths.*.*.responses['401'].content['application/json']"
    remove: true
  - target: $.tags
    update: [{ name: U }]
`,
      "overlay.yaml",
    );
    const out = applyOverlay(spec(), actions, "overlay.yaml");
    expect(out.paths["/a"].get.responses["401"].content).toEqual({
      "text/plain": { schema: { type: "string" } },
    });
    expect(out.tags).toEqual([{ name: "T" }, { name: "U" }]);
  });

  it("fails when a target matches nothing, naming the overlay", () => {
    const actions = parseOverlay(
      "overlay: 1.0.0\nactions:\n  - target: $.nope\n    update: {}\n",
      "o.yaml",
    );
    expect(() => applyOverlay(spec(), actions, "o.yaml")).toThrow(
      "o.yaml: actions[0] target $.nope matches nothing",
    );
  });

  it("rejects documents that are not overlays", () => {
    expect(() => parseOverlay("openapi: 3.1.0\n", "o.yaml")).toThrow(
      "o.yaml:1: expected `overlay: 1.0.0`",
    );
  });
});
