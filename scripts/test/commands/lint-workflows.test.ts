import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lintWorkflows } from "../../src/commands/lint-workflows.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
let root: string;
let lines: string[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "payclients-workflows-"));
  lines = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("lint-workflows", () => {
  it("passes the repository's own workflows", async () => {
    await cp(join(REPO, ".github"), join(root, ".github"), { recursive: true });
    expect(await lintWorkflows(root, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^\d+ workflow\(s\), 0 finding\(s\)$/);
  });

  it("is a step of CI (.ci/run), which stops at its failure", async () => {
    const ci = await readFile(join(REPO, ".ci/run"), "utf8");
    expect(ci).toMatch(/^set -euo pipefail$/m);
    expect(ci).toMatch(/^pnpm lint:workflows$/m);
  });

  it("fails naming file, line and column for a broken workflow", async () => {
    await mkdir(join(root, ".github/workflows"), { recursive: true });
    const broken = [
      "on: push",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      "          fetch-depth: 0",
      "        run: echo both",
      "",
    ].join("\n");
    await writeFile(join(root, ".github/workflows/broken.yml"), broken);
    expect(await lintWorkflows(root, (l) => lines.push(l))).toBe(1);
    expect(lines.some((l) => /^\.github\/workflows\/broken\.yml:9:\d+: /.test(l))).toBe(true);
  });

  it("fails when there is nothing to lint", async () => {
    expect(await lintWorkflows(root, (l) => lines.push(l))).toBe(1);
  });
});
