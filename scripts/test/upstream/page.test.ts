import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCrawler } from "../../src/upstream/crawler.ts";
import { fetchPage } from "../../src/upstream/page.ts";
import { type DocsSite, type Operation, startDocsSite } from "./docs-site.ts";

// One page in its most exact form, fetched from a docs site of our own on 127.0.0.1.

const getPart: Operation = {
  title: "Get a part",
  method: "get",
  path: "/parts/{part_id}",
  params: ["part_id"],
  fields: { id: "string", weight: "integer" },
};

let site: DocsSite;
const crawler = createCrawler({ version: "0.0.0-test", timeoutMs: 5_000 });

beforeAll(async () => {
  site = await startDocsSite();
  site.pages.set("/api/parts/get", { kind: "reference", op: getPart, exportMd: "hand-written" });
  site.pages.set("/guides/start", { kind: "guide", title: "Start here" });
});
afterAll(() => site.close());

describe("a hand-written page whose export lost its operation", () => {
  it("is read from the served page, which shows the method and path", async () => {
    const result = await fetchPage(`${site.base}/api/parts/get`, undefined, {}, crawler.get);
    expect(result.kind).toBe("document");
    if (result.kind !== "document") return;
    expect(result.form).toBe("mintlify-html");
    expect(Object.keys(result.doc.paths ?? {})).toEqual(["/parts/{part_id}"]);
    expect(site.log.map((l) => l.path)).toEqual(["/api/parts/get.md", "/api/parts/get"]);
  });

  it("keeps the export's reason when the served page is no document either", async () => {
    site.log.length = 0;
    site.pages.set("/api/parts/lost", { kind: "reference", op: getPart, exportMd: "hand-written" });
    site.answers.set("/api/parts/lost", { status: 200, headers: {} });
    const result = await fetchPage(`${site.base}/api/parts/lost`, undefined, {}, crawler.get);
    expect(result).toMatchObject({ kind: "no-operation", lostOperation: true });
    expect(result.kind === "no-operation" && result.reason).toMatch(/expected the operation/);
  });

  it("leaves a guide's export at one request (no operation lost, none to find)", async () => {
    site.log.length = 0;
    const result = await fetchPage(`${site.base}/guides/start`, undefined, {}, crawler.get);
    expect(result.kind).toBe("no-operation");
    expect(site.log.map((l) => l.path)).toEqual(["/guides/start.md"]);
  });
});
