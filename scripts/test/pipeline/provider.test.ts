import { describe, expect, it } from "vitest";
import { PipelineError } from "../../src/errors.ts";
import { pageUrl, parseProviderConfig } from "../../src/pipeline/provider.ts";

describe("pageUrl", () => {
  const template = "https://docs.clinkbill.com/api-reference/endpoint/<page>.md";

  it("fills in the page, encoding each segment", () => {
    expect(pageUrl(template, "get-agent-payment-session")).toBe(
      "https://docs.clinkbill.com/api-reference/endpoint/get-agent-payment-session.md",
    );
    expect(pageUrl(template, "orders/get order")).toBe(
      "https://docs.clinkbill.com/api-reference/endpoint/orders/get%20order.md",
    );
  });

  it("returns a template without a placeholder as it is", () => {
    expect(pageUrl("https://docs.example/spec.yaml", "ignored")).toBe(
      "https://docs.example/spec.yaml",
    );
  });

  it("refuses pages that would leave the template's folder", () => {
    expect(() => pageUrl(template, "../admin")).toThrow(PipelineError);
    expect(() => pageUrl(template, "")).toThrow(PipelineError);
    expect(() => pageUrl(template, "a//b")).toThrow(PipelineError);
  });
});

describe("provider.yaml docs:", () => {
  const base = ["id: acme", "title: Acme", 'package: "@payclients/acme"', "environments: {}"];
  const parse = (...lines: string[]) =>
    parseProviderConfig([...base, ...lines, ""].join("\n"), "specs/acme/provider.yaml");

  it("reads the site, its prefixes, and each page with its own form", () => {
    const config = parse(
      "docs: https://docs.acme.test",
      "include: /api/",
      "sources:",
      "  - file: upstream/a.md",
      "    page: /api/things/get-a-thing",
      "    format: mintlify-markdown",
      "  - file: upstream/spec.json",
      "    url: https://docs.acme.test/openapi.json",
      "    format: openapi",
    );
    expect(config.docs).toEqual({
      url: "https://docs.acme.test",
      include: ["/api/"],
      exclude: [],
      source: "pages",
    });
    expect(config.sources).toEqual([
      {
        file: "upstream/a.md",
        format: "mintlify-markdown",
        page: "https://docs.acme.test/api/things/get-a-thing",
      },
      { file: "upstream/spec.json", format: "openapi", url: "https://docs.acme.test/openapi.json" },
    ]);
  });

  it("names the line of a bad docs:, prefix, source or a page without a site", () => {
    const entry = [
      "sources:",
      "  - file: upstream/a.md",
      "    page: /api/a",
      "    format: openapi",
    ];
    expect(() => parse("docs: docs.acme.test", ...entry)).toThrow(
      /provider\.yaml:5: expected `docs`: the docs site's http\(s\) URL/,
    );
    expect(() => parse("docs: https://d.test", "include: api", ...entry)).toThrow(
      /provider\.yaml:6: expected `include`: path prefixes starting with \//,
    );
    expect(() => parse("docs: https://d.test", "source: html", ...entry)).toThrow(
      /expected `source`: `pages` or `openapi`/,
    );
    expect(() => parse(...entry)).toThrow(/expected `docs:` for sources\[0\]\.page/);
  });
});
