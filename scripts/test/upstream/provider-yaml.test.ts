import { describe, expect, it } from "vitest";
import { withSources } from "../../src/upstream/provider-yaml.ts";

describe("withSources", () => {
  it("replaces the sources list and keeps every other line as written", () => {
    const before = [
      "# Acme: our comment stays.",
      "id: acme",
      'package: "@payclients/acme"',
      "docs: https://docs.acme.test",
      "sources:",
      "  - file: upstream/a.md",
      "    page: /api/a",
      "# The environments, in order.",
      "environments:",
      "  production: https://api.acme.test",
      "",
    ].join("\n");
    const after = withSources(before, [
      { file: "upstream/a.md", page: "/api/a" },
      { file: "upstream/b.html", page: "/api/b", format: "mintlify-html" },
    ]);
    expect(after).toBe(
      [
        "# Acme: our comment stays.",
        "id: acme",
        'package: "@payclients/acme"',
        "docs: https://docs.acme.test",
        "sources:",
        "  - file: upstream/a.md",
        "    page: /api/a",
        "  - file: upstream/b.html",
        "    page: /api/b",
        "    format: mintlify-html",
        "# The environments, in order.",
        "environments:",
        "  production: https://api.acme.test",
        "",
      ].join("\n"),
    );
  });
});
