import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCrawler } from "../../src/upstream/crawler.ts";
import { refreshProvider } from "../../src/upstream/refresh.ts";
import { type DocsSite, exportOf, type Operation, openapiOf, startDocsSite } from "./docs-site.ts";

// refreshProvider on its own (no pipeline): the index's other shapes and the failures that must
// name their URL.
const thing: Operation = {
  title: "Get a thing",
  method: "get",
  path: "/things/{id}",
  params: ["id"],
  fields: { id: "string" },
};

let site: DocsSite;
beforeAll(async () => {
  site = await startDocsSite();
});
afterAll(() => site.close());
beforeEach(() => {
  site.pages.clear();
  site.files.clear();
  site.redirects.clear();
  site.answers.clear();
  site.index = [];
  site.llms = true;
});

const get = () => createCrawler({ version: "0.0.0-test", sleep: async () => {} }).get;
const provider = (...lines: string[]) =>
  [
    "id: acme",
    "title: Acme",
    'package: "@payclients/acme"',
    `docs: ${site.base}`,
    ...lines,
    "environments: {}",
    "",
  ].join("\n");
const known = (file: string, page: string) => [
  "sources:",
  `  - file: ${file}`,
  `    page: ${page}`,
  "    format: mintlify-markdown",
];
const input = (config: string, sources: Record<string, string> = {}) => ({
  id: "acme",
  config,
  sources,
});

describe("refreshProvider", () => {
  it("uses the whole OpenAPI document llms.txt links with source: openapi", async () => {
    const whole = JSON.stringify(parse(openapiOf(thing)));
    site.files.set("/openapi.json", { body: whole, type: "application/json" });
    site.index = ["/openapi.json", "/specs/gone.yaml"];
    const config = provider("source: openapi", ...known("upstream/a.md", "/api/a"));
    const result = await refreshProvider(input(config, { "specs/acme/upstream/a.md": "x" }), {
      discover: true,
      prune: false,
      get: get(),
    });
    expect(Object.keys(result.sources)).toEqual(["specs/acme/upstream/openapi.json"]);
    expect(result.config).toContain(
      `  - file: upstream/openapi.json\n    url: ${site.base}/openapi.json\n    format: openapi`,
    );
    expect(result.removed).toEqual(["specs/acme/upstream/a.md"]);
    expect(result.notes).toContain(
      `broken link in the index: ${site.base}/specs/gone.yaml (HTTP 404)`,
    );
  });

  it("fails with source: openapi when no linked document serves and parses", async () => {
    site.index = ["/specs/gone.yaml"];
    const config = provider("source: openapi", ...known("upstream/a.md", "/api/a"));
    await expect(
      refreshProvider(input(config), { discover: true, prune: false, get: get() }),
    ).rejects.toThrow(
      `${site.base}/llms.txt: \`source: openapi\`, but the index links no OpenAPI document`,
    );
  });

  it("reads sitemap.xml when the site has no llms.txt", async () => {
    site.llms = false;
    site.pages.set("/api/things/get-a-thing", { kind: "reference", op: thing, exportMd: true });
    site.files.set("/sitemap.xml", {
      body: `<?xml version="1.0"?><urlset><url><loc>${site.base}/api/things/get-a-thing</loc></url></urlset>`,
      type: "application/xml",
    });
    const config = provider("include: /api/", ...known("upstream/x.md", "/api/x"));
    const result = await refreshProvider(input(config, { "specs/acme/upstream/x.md": "x" }), {
      discover: true,
      prune: false,
      get: get(),
    });
    expect(result.counts).toEqual({ checked: 1, changed: 0, added: 1, vanished: 1 });
    expect(result.files.get("specs/acme/upstream/things-get-a-thing.md")).toBe(exportOf(thing));
  });

  it("fails when neither llms.txt nor sitemap.xml serves", async () => {
    site.llms = false;
    const config = provider(...known("upstream/x.md", "/api/x"));
    await expect(
      refreshProvider(input(config), { discover: true, prune: false, get: get() }),
    ).rejects.toThrow(`${site.base}/llms.txt: no index of the site's pages (HTTP 404)`);
  });

  it("refuses a known page that redirects to another host, naming it", async () => {
    site.redirects.set("/api/x.md", `${site.other}/api/x.md`);
    const config = provider(...known("upstream/x.md", "/api/x"));
    await expect(
      refreshProvider(input(config), { discover: false, prune: false, get: get() }),
    ).rejects.toThrow(`${site.base}/api/x.md: refusing a redirect to another host`);
    expect(site.otherHits).toBe(0);
  });

  it("never fetches a known page or document that is not on the docs site's origin", async () => {
    const config = provider(
      "sources:",
      "  - file: upstream/x.md",
      `    page: ${site.other}/api/x`,
      "    format: mintlify-markdown",
      "  - file: upstream/openapi.json",
      `    url: ${site.other}/openapi.json`,
      "    format: openapi",
    );
    const never = (url: string) =>
      `${site.other}${url}: not on the docs site's origin (${site.base}): never fetched`;
    await expect(
      refreshProvider(input(config), { discover: false, prune: false, get: get() }),
    ).rejects.toThrow(`${never("/api/x")}\n${never("/openapi.json")}`);
    // Discovering, the page (not in the site's index) has vanished; the document still fails.
    await expect(
      refreshProvider(input(config), { discover: true, prune: false, get: get() }),
    ).rejects.toThrow(never("/openapi.json"));
    expect(site.otherHits).toBe(0);
  });

  it("without --discover, a 404 says how to find out whether the page vanished", async () => {
    const config = provider(...known("upstream/x.md", "/api/x"));
    await expect(
      refreshProvider(input(config), { discover: false, prune: false, get: get() }),
    ).rejects.toThrow(`${site.base}/api/x: HTTP 404 (run \`pnpm regen --discover\``);
  });

  it("fails on a 503 that asks for a longer wait than the cap, saying so", async () => {
    site.answers.set("/api/x.md", { status: 503, headers: { "retry-after": "3600" } });
    site.answers.set("/api/x", { status: 503, headers: { "retry-after": "3600" } });
    const config = provider(...known("upstream/x.md", "/api/x"));
    await expect(
      refreshProvider(input(config), { discover: false, prune: false, get: get() }),
    ).rejects.toThrow(
      `${site.base}/api/x.md: refusing HTTP 503 (Retry-After 3600: longer than we wait)`,
    );
  });

  it("refreshes a text snapshot whose change the reader leaves out, but keeps a redeployed HTML one", async () => {
    site.pages.set("/api/x", { kind: "reference", op: thing, exportMd: true });
    const served = exportOf(thing);
    // The old export differs only where the reader does not look (a trailing comment): the
    // snapshot must still follow the site, or it would go stale without anyone seeing it.
    const stale = `${served}\n<!-- drafted -->\n`;
    const config = provider(...known("upstream/x.md", "/api/x"));
    const text = await refreshProvider(input(config, { "specs/acme/upstream/x.md": stale }), {
      discover: false,
      prune: false,
      get: get(),
    });
    expect(text.counts.changed).toBe(1);
    expect(text.files.get("specs/acme/upstream/x.md")).toBe(served);

    // Served HTML changes throughout on a redeploy (here its build id): the same document is
    // no change, so the snapshot stays and nothing is written.
    site.pages.set("/api/x", { kind: "reference", op: thing, exportMd: false });
    const html = await (await fetch(`${site.base}/api/x`)).text();
    const redeployed = html.replace(/content="\d+"/, 'content="0"');
    expect(redeployed).not.toBe(html);
    const htmlConfig = provider(
      "sources:",
      "  - file: upstream/x.html",
      "    page: /api/x",
      "    format: mintlify-html",
    );
    const same = await refreshProvider(
      input(htmlConfig, { "specs/acme/upstream/x.html": redeployed }),
      { discover: false, prune: false, get: get() },
    );
    expect(same.counts.changed).toBe(0);
    expect(same.files.has("specs/acme/upstream/x.html")).toBe(false);
  });
});
