import { BaseResolver, createConfig, lintDocument, Source } from "@redocly/openapi-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ambiguousPaths } from "../../src/pipeline/ambiguous-paths.ts";

const FILE = "specs/acme/openapi.yaml";

interface Finding {
  pointer: string;
  message: string;
}

/** Redocly's own no-ambiguous-paths rule, alone, on a document with these paths. */
const onlyTheRule = createConfig({ extends: [], rules: { "no-ambiguous-paths": "warn" } });

async function redocly(paths: readonly string[]): Promise<Finding[]> {
  const doc = {
    openapi: "3.1.0",
    info: { title: "Acme", version: "1.0.0" },
    paths: Object.fromEntries(paths.map((p) => [p, {}])),
  };
  const problems = await lintDocument({
    document: { source: new Source(FILE, JSON.stringify(doc)), parsed: doc },
    config: (await onlyTheRule).styleguide,
    externalRefResolver: new BaseResolver(),
  });
  return problems.map((p) => {
    expect(p.ruleId).toBe("no-ambiguous-paths");
    expect(p.severity).toBe("warn");
    return { pointer: p.location[0]?.pointer ?? "", message: p.message };
  });
}

/** Ours, in the same shape: the pointer is what Redocly gives for the key of the reported path. */
function ours(paths: readonly string[]): Finding[] {
  return ambiguousPaths(paths).map(({ path, first }) => ({
    pointer: `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`,
    message: `Paths should resolve unambiguously. Found two ambiguous paths: \`${first}\` and \`${path}\`.`,
  }));
}

// [paths, how many of them Redocly reports]: the count proves the reference really runs the rule.
const CASES: [string[], number][] = [
  [[], 0],
  [["/a"], 0],
  [["/a", "/b"], 0],
  // Template against template, whatever the names; literal against template is not ambiguous.
  [["/a/{x}", "/a/{y}"], 1],
  [["/a/b", "/a/{x}"], 0],
  [["/a/{x}", "/a/b"], 0],
  // Templates in different places, as many of them: the brief's example.
  [["/a/{x}", "/{y}/b"], 1],
  [["/{y}/b", "/a/{x}"], 1],
  [["/a/{x}", "/{y}/c", "/{z}/b"], 2],
  // Different template counts, different segment counts.
  [["/{x}/{y}", "/a/{z}"], 0],
  [["/{x}/{y}", "/{a}/{b}"], 1],
  [["/a/{x}", "/a/{x}/b"], 0],
  [["/{x}", "/{x}/{y}"], 0],
  // Trailing slashes are one more, empty, literal segment.
  [["/a", "/a/"], 0],
  [["/a/{x}/", "/a/{y}/"], 1],
  [["/a/{x}/", "/a/{y}"], 0],
  [["/{x}/", "/a/{y}"], 1],
  [["/a/{x}/", "/{y}/b/"], 1],
  // Only a whole segment `{…}` with something inside is a template.
  [["/a/{}", "/a/{x}"], 0],
  [["/a/{}", "/a/b"], 0],
  [["/a/x{y}", "/a/{z}"], 0],
  [["/a/{x}.json", "/a/{y}.json"], 0],
  [["/a/{x}{y}", "/a/{z}"], 1],
  [["/a/{x}", "/a/{{y}}"], 1],
  // Each path is reported once, against the first path before it that it is ambiguous with.
  [["/{a}/x", "/{b}/x", "/{c}/x"], 2],
  [["/p/{a}", "/{b}/q", "/p/q", "/{c}/{d}", "/{e}/q", "/p/{f}"], 3],
  [["/x/{a}/c", "/{b}/y/c", "/x/y/{d}", "/{e}/y/c", "/x/{f}/c"], 4],
  // A later literal match comes before the template edge's first path: the earliest wins.
  [["/{t}/b/{u}", "/a/b/{v}", "/a/{w}/c", "/a/b/{z}"], 2],
  [["/a/{t}/c", "/{u}/b/c", "/{v}/{w}/c", "/a/b/{x}"], 2],
  // Not only `/`-rooted keys, and JSON pointer escapes in the reported key.
  [["a/{x}", "{y}/b", "a/b"], 1],
  [["/a~b/{x}", "/a~b/{y}"], 1],
];

describe("ambiguousPaths agrees with Redocly's no-ambiguous-paths", () => {
  it.each(CASES)("%j", async (paths, count) => {
    const expected = await redocly(paths);
    expect(expected).toHaveLength(count);
    expect(ours(paths)).toEqual(expected);
  });

  it("on random path lists", async () => {
    // A small alphabet so that most lists hold ambiguous pairs, several templates, empty segments.
    const segment = fc.constantFrom("a", "b", "", "{x}", "{y}", "{}", "{x}{y}", "v{x}");
    const path = fc
      .tuple(fc.boolean(), fc.array(segment, { minLength: 0, maxLength: 3 }))
      .map(([rooted, segments]) => `${rooted ? "/" : ""}${segments.join("/")}`);
    const lists = fc.uniqueArray(path, { minLength: 0, maxLength: 24, size: "max" });
    let reported = 0;
    await fc.assert(
      fc.asyncProperty(lists, async (paths) => {
        const expected = await redocly(paths);
        reported += expected.length;
        expect(ours(paths)).toEqual(expected);
      }),
      { numRuns: 400, seed: 20240601 },
    );
    // The lists do exercise the reports, not only agree on finding nothing.
    expect(reported).toBeGreaterThan(300);
  });

  // Its speed is measured by `pnpm bench` (lint µs per operation stays flat up to 5,000
  // operations), never timed here.
  it("finds the collisions among 9,000 paths that share templates", () => {
    const paths: string[] = [];
    for (let i = 0; i < 3000; i++) {
      paths.push(`/v1/r${i}`, `/v1/r${i}/{id}`, `/v1/r${i}/{id}/items/{item}`);
    }
    paths.push("/v1/{any}/items", "/{version}/r7/{id}/items/x", "/v1/{any}");
    expect(ambiguousPaths(paths)).toEqual([
      { path: "/v1/{any}/items", first: "/v1/r0/{id}" },
      { path: "/{version}/r7/{id}/items/x", first: "/v1/r7/{id}/items/{item}" },
    ]);
  });
});
