import { describe, expect, it } from "vitest";
import type { DocsSite } from "../../src/pipeline/provider.ts";
import {
  canonicalPage,
  classifyLinks,
  extensionOf,
  indexUrls,
  linksOfLlmsTxt,
  linksOfSitemap,
  snapshotFile,
} from "../../src/upstream/discover.ts";

const site: DocsSite = { url: "https://docs.acme.test", include: [], exclude: [], source: "pages" };

describe("reading a site's index", () => {
  it("takes every link of an llms.txt, in order, with a markdown parser", () => {
    const llms = [
      "# Acme",
      "",
      "> Payments for everyone. Not a [link in a quote](https://docs.acme.test/quoted).",
      "",
      "## Docs",
      "",
      "- [Introduction](https://docs.acme.test/introduction.md): start here",
      "- [Get a thing](https://docs.acme.test/api/things/get-a-thing.md)",
      "- `[not a link](https://docs.acme.test/code)` in code",
      "",
      "## OpenAPI Specs",
      "",
      "- [openapi](https://docs.acme.test/openapi.json)",
    ].join("\n");
    expect(linksOfLlmsTxt(llms)).toEqual([
      "https://docs.acme.test/quoted",
      "https://docs.acme.test/introduction.md",
      "https://docs.acme.test/api/things/get-a-thing.md",
      "https://docs.acme.test/openapi.json",
    ]);
  });

  it("takes the <loc> of every sitemap entry with an XML parser", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://docs.acme.test/api/a</loc><lastmod>2026-11-01</lastmod></url>
  <url><loc>
    https://docs.acme.test/api/b?x=1&amp;y=2
  </loc></url>
</urlset>`;
    expect(linksOfSitemap(xml)).toEqual([
      "https://docs.acme.test/api/a",
      "https://docs.acme.test/api/b?x=1&y=2",
    ]);
  });

  it("finds the index beside the site, under its path too", () => {
    expect(indexUrls(site)).toEqual({
      llms: "https://docs.acme.test/llms.txt",
      sitemap: "https://docs.acme.test/sitemap.xml",
    });
    expect(indexUrls({ ...site, url: "https://acme.test/docs" }).llms).toBe(
      "https://acme.test/docs/llms.txt",
    );
  });
});

describe("classifyLinks", () => {
  const links = [
    "https://docs.acme.test/api/things/get-a-thing.md",
    "https://docs.acme.test/api/things/get-a-thing#response",
    "/api/things/list-things",
    "https://docs.acme.test/api/internal/debug",
    "https://docs.acme.test/guides/start",
    "https://docs.acme.test/openapi.yaml",
    "https://other.test/api/x",
    "http://docs.acme.test/api/insecure",
    "mailto:team@acme.test",
    "https://docs.acme.test/llms-full.txt",
  ];

  it("keeps the site's own pages, once each, and sets other hosts aside", () => {
    expect(classifyLinks(links, site)).toEqual({
      pages: [
        "https://docs.acme.test/api/internal/debug",
        "https://docs.acme.test/api/things/get-a-thing",
        "https://docs.acme.test/api/things/list-things",
        "https://docs.acme.test/guides/start",
      ],
      openapi: ["https://docs.acme.test/openapi.yaml"],
      // Another scheme is another origin.
      elsewhere: ["http://docs.acme.test/api/insecure", "https://other.test/api/x"],
    });
  });

  it("applies include and exclude path prefixes", () => {
    const { pages } = classifyLinks(links, {
      ...site,
      include: ["/api/"],
      exclude: ["/api/internal/"],
    });
    expect(pages).toEqual([
      "https://docs.acme.test/api/things/get-a-thing",
      "https://docs.acme.test/api/things/list-things",
    ]);
  });

  it("keeps to the site's path when docs: has one", () => {
    const { pages } = classifyLinks(
      ["https://acme.test/docs/api/a.md", "https://acme.test/blog/post"],
      { ...site, url: "https://acme.test/docs" },
    );
    expect(pages).toEqual(["https://acme.test/docs/api/a"]);
  });
});

describe("snapshot names", () => {
  it("strips the export suffix, query, anchor and trailing slash from a page", () => {
    expect(canonicalPage("https://docs.acme.test/api/a.md?x=1#y")).toBe(
      "https://docs.acme.test/api/a",
    );
    expect(canonicalPage("https://docs.acme.test/api/a/")).toBe("https://docs.acme.test/api/a");
  });

  it("names a snapshot for its path below the include prefix, and resolves collisions", () => {
    const taken = new Set<string>();
    const scoped = { ...site, include: ["/api/"] };
    expect(snapshotFile("https://docs.acme.test/api/things/get", scoped, ".md", taken)).toBe(
      "upstream/things-get.md",
    );
    expect(snapshotFile("https://docs.acme.test/api/things-get", scoped, ".md", taken)).toBe(
      "upstream/things-get-2.md",
    );
    expect(snapshotFile("https://docs.acme.test/guides/x", scoped, ".html", taken)).toBe(
      "upstream/guides-x.html",
    );
  });

  it("gives each form its extension", () => {
    expect(extensionOf("mintlify-markdown", "")).toBe(".md");
    expect(extensionOf("mintlify-html", "")).toBe(".html");
    expect(extensionOf("openapi", '{"openapi":"3.1.0"}')).toBe(".json");
    expect(extensionOf("openapi", "openapi: 3.1.0")).toBe(".yaml");
    expect(extensionOf("mintlify-page", "")).toBe(".txt");
  });
});
