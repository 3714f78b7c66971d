/**
 * The workspace's toolchain runs on the Node the root package.json pins (the `node` package from
 * the npm registry, a devDependency), whatever `node` the machine has: turbo runs this test through
 * pnpm, whose scripts find that binary first on PATH.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/workspace.ts";

describe("toolchain", () => {
  it("runs the tests on the pinned Node (24 LTS)", () => {
    const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const pinned: string = root.devDependencies.node;
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(pinned);
  });
});
