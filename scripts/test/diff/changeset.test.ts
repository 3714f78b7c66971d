import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { changesetExists, renderChangeset } from "../../src/diff/changeset.ts";
import { classifyChanges, type SpecChange } from "../../src/diff/index.ts";

const changes: SpecChange[] = [
  {
    bump: "major",
    message: "Removed response field `url` from `GET /v1/payment_sessions/{id}` (breaking)",
  },
  {
    bump: "minor",
    message: "Added optional request field `metadata` to `POST /payment-sessions` (additive)",
  },
  {
    bump: "patch",
    message:
      "Changed description of response field `created` in `GET /v1/payment_sessions/{id}` (documentation)",
  },
];

/** The frontmatter and summary lines of a changeset, the way changesets reads them. */
function read(content: string): { releases: Record<string, string>; summary: string[] } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(content);
  if (!match) throw new Error(`not a changeset:\n${content}`);
  return {
    releases: parse(match[1] as string),
    summary: (match[2] as string).trimEnd().split("\n"),
  };
}

describe("renderChangeset", () => {
  it("writes the highest bump and one line per change", () => {
    const { fileName, content } = renderChangeset("@payclients/yorlet", "yorlet", changes);
    expect(content).toBe(
      [
        "---",
        '"@payclients/yorlet": major',
        "---",
        "",
        "Regenerated from upstream docs: 3 changes",
        "",
        ...changes.map((change) => `- ${change.message}`),
        "",
      ].join("\n"),
    );
    expect(read(content).releases).toEqual({ "@payclients/yorlet": "major" });
    expect(fileName).toMatch(/^regen-yorlet-[0-9a-f]{8}\.md$/);
  });

  it("bumps exactly as classified, 0.x included", () => {
    const bumpFor = (list: SpecChange[]) =>
      read(renderChangeset("@payclients/clink", "clink", list).content).releases[
        "@payclients/clink"
      ];
    expect(bumpFor(changes.slice(1))).toBe("minor");
    expect(bumpFor(changes.slice(2))).toBe("patch");
    expect(read(renderChangeset("p", "p", changes.slice(2)).content).summary[0]).toBe(
      "Regenerated from upstream docs: 1 change",
    );
  });

  it("names the file by its content: same changes, same file; other changes, another", () => {
    const first = renderChangeset("@payclients/yorlet", "yorlet", changes);
    const again = renderChangeset("@payclients/yorlet", "yorlet", [...changes]);
    const other = renderChangeset("@payclients/yorlet", "yorlet", changes.slice(1));
    const otherPackage = renderChangeset("@payclients/clink", "clink", changes);
    expect(again).toEqual(first);
    expect(other.fileName).not.toBe(first.fileName);
    expect(otherPackage.fileName).not.toBe(first.fileName);
  });

  it("renders what classifyChanges finds, as the same file every time", () => {
    const before = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} };
    const after = { ...before, paths: { "/a": { get: { responses: { "200": {} } } } } };
    const render = () =>
      renderChangeset("@payclients/t", "t", classifyChanges(before, structuredClone(after)));
    expect(render().content).toContain("- Added operation `GET /a` (additive)");
    expect(render()).toEqual(render());
  });

  it("keeps each change on one line and the file name safe", () => {
    const { content, fileName } = renderChangeset("@payclients/x", "Weird Name/..", [
      { bump: "patch", message: "Changed\nsomething (documentation)" },
    ]);
    expect(read(content).summary).toEqual([
      "Regenerated from upstream docs: 1 change",
      "",
      "- Changed something (documentation)",
    ]);
    expect(fileName).toMatch(/^regen-weird-name-[0-9a-f]{8}\.md$/);
  });

  it("refuses an empty list of changes", () => {
    expect(() => renderChangeset("@payclients/x", "x", [])).toThrow(/no changes/);
  });
});

describe("changesetExists", () => {
  it("finds a changeset by file name among names or paths", () => {
    const { fileName } = renderChangeset("@payclients/yorlet", "yorlet", changes);
    expect(changesetExists([".changeset/README.md", `.changeset/${fileName}`], fileName)).toBe(
      true,
    );
    expect(changesetExists([fileName], fileName)).toBe(true);
    expect(changesetExists([".changeset/config.json"], fileName)).toBe(false);
  });
});
