import { describe, expect, it } from "vitest";
import { mergeDocuments } from "../../src/pipeline/merge.ts";

const part = (file: string, path: string, method: string, schemas = {}, security?: unknown) => ({
  file,
  doc: {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    ...(security ? { security } : {}),
    paths: { [path]: { [method]: { summary: `${method} ${path}`, responses: {} } } },
    components: { schemas },
  },
});

describe("mergeDocuments", () => {
  it("unions paths and operations from several documents", () => {
    const merged = mergeDocuments([
      part("a.md", "/x", "get"),
      part("b.md", "/x", "post"),
      part("c.md", "/y", "get"),
    ]);
    expect(Object.keys(merged.paths)).toEqual(["/x", "/y"]);
    expect(Object.keys(merged.paths["/x"])).toEqual(["get", "post"]);
  });

  it("keeps a component defined identically twice once", () => {
    const s = { A: { type: "object", properties: { id: { type: "string" } } } };
    const merged = mergeDocuments([part("a.md", "/x", "get", s), part("b.md", "/y", "get", s)]);
    expect(merged.components.schemas).toEqual(s);
  });

  it("treats key order as irrelevant when comparing components", () => {
    const a = { A: { type: "object", properties: {} } };
    const b = { A: { properties: {}, type: "object" } };
    expect(() =>
      mergeDocuments([part("a.md", "/x", "get", a), part("b.md", "/y", "get", b)]),
    ).not.toThrow();
  });

  it("fails naming both files when a component differs", () => {
    const a = { A: { type: "object" } };
    const b = { A: { type: "string" } };
    expect(() =>
      mergeDocuments([part("a.md", "/x", "get", a), part("b.md", "/y", "get", b)]),
    ).toThrow("#/components/schemas/A is defined differently in a.md and in b.md");
  });

  it("unions webhook events, and fails naming both files when an event is defined twice", () => {
    const hook = (file: string, event: string) => ({
      file,
      doc: {
        openapi: "3.1.0",
        info: { title: "T", version: "1" },
        paths: {},
        webhooks: { [event]: { post: { summary: event, responses: {} } } },
      },
    });
    const merged = mergeDocuments([
      hook("a.md", "order.paid"),
      part("b.md", "/x", "get"),
      hook("c.md", "order.refunded"),
    ]);
    expect(Object.keys(merged.webhooks)).toEqual(["order.paid", "order.refunded"]);
    expect(Object.keys(merged.paths)).toEqual(["/x"]);
    expect(() => mergeDocuments([hook("a.md", "order.paid"), hook("b.md", "order.paid")])).toThrow(
      "webhook POST order.paid is defined twice: in a.md and in b.md",
    );
    // No webhook pages: no `webhooks` key at all.
    expect(mergeDocuments([part("a.md", "/x", "get")]).webhooks).toBeUndefined();
  });

  it("fails naming both files when an operation is defined twice", () => {
    expect(() => mergeDocuments([part("a.md", "/x", "get"), part("b.md", "/x", "get")])).toThrow(
      "GET /x is defined twice: in a.md and in b.md",
    );
  });

  it("moves each document's root security onto its own operations", () => {
    const merged = mergeDocuments([
      part("a.md", "/x", "get", {}, [{ key: [] }]),
      part("b.md", "/y", "get", {}, [{ bearer: [] }]),
    ]);
    expect(merged.paths["/x"].get.security).toEqual([{ key: [] }]);
    expect(merged.paths["/y"].get.security).toEqual([{ bearer: [] }]);
    expect(merged.security).toBeUndefined();
  });
});
