/**
 * The release flow in a temporary copy of the repository (manifests, lockfile, changesets config
 * and the built files; git-initialised): a changeset, `pnpm version-packages`, then bumped
 * versions, CHANGELOG.md entries, and `pnpm publish --dry-run` listing exactly the intended files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBPATHS } from "../scripts/package-manifest.ts";
import { makeReleaseCopy } from "./support/release-copy.ts";
import { publicPackages, run } from "./support/workspace.ts";

const packages = publicPackages();
const core = packages.find((p) => p.dir === "core");
const providers = packages.filter((p) => p.dir !== "core");

/**
 * What a published tarball must hold: every file its `exports` entries reach (their relative
 * imports, so shared chunks too, and their sourcemaps), the subpath stubs, the docs and the
 * manifest. Anything else (tests, build caches, a stale chunk) is a file that should not ship.
 */
function intendedFiles(pkgDir: string, dir: string, manifest: Manifest): string[] {
  const files = new Set(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
  for (const name of SUBPATHS[dir] ?? []) files.add(`${name}/package.json`);
  const leaves = (value: unknown): string[] =>
    typeof value === "string" ? [value] : Object.values(value as object).flatMap(leaves);
  const queue = leaves(manifest.exports).filter((f) => f !== "./package.json");
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = posix.normalize(file);
    if (files.has(path)) continue;
    files.add(path);
    const text = readFileSync(join(pkgDir, path), "utf8");
    const types = path.match(/\.d\.c?ts$/);
    for (const [, spec] of text.matchAll(/(?:from|require\()\s*["'](\.\.?\/[^"']+)["']/g)) {
      // A declaration file names its sibling declarations by their JavaScript file names.
      const target = types ? (spec as string).replace(/\.(c?)js$/, ".d.$1ts") : (spec as string);
      queue.push(posix.join(posix.dirname(path), target));
    }
    const map = text.match(/sourceMappingURL=(\S+)/)?.[1];
    if (map) files.add(posix.join(posix.dirname(path), map));
  }
  return [...files].sort();
}

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  exports: unknown;
}

function readJson(file: string): Manifest {
  return JSON.parse(readFileSync(file, "utf8"));
}

describe("release flow", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    ({ dir, env } = makeReleaseCopy());
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("versions packages independently from a changeset, with CHANGELOG entries", () => {
    if (!core) throw new Error("no @payclients/core in packages/");
    const bumped = providers[0];
    const changeset = [
      "---",
      `"${core.name}": minor`,
      ...(bumped ? [`"${bumped.name}": patch`] : []),
      "---",
      "",
      "Release flow test: a minor change in core.",
      "",
    ].join("\n");
    writeFileSync(join(dir, ".changeset/e2e-release.md"), changeset);
    run("pnpm", ["run", "version-packages"], dir, env);

    const [major, minor] = core.version.split(".").map(Number) as [number, number];
    const coreNext = major === 0 ? `0.${minor + 1}.0` : `${major}.${minor + 1}.0`;
    const coreAfter = readJson(join(dir, "packages/core/package.json"));
    expect(coreAfter.version).toBe(coreNext);
    const coreLog = readFileSync(join(dir, "packages/core/CHANGELOG.md"), "utf8");
    expect(coreLog).toContain(`## ${coreNext}`);
    expect(coreLog).toContain("### Minor Changes");
    expect(coreLog).toContain("Release flow test: a minor change in core.");

    // Every provider depends on core: each gets a patch release recording the new core version.
    for (const pkg of providers) {
      const after = readJson(join(dir, "packages", pkg.dir, "package.json"));
      const [pMajor, pMinor, pPatch] = pkg.version.split(".").map(Number) as number[];
      expect(after.version, pkg.name).toBe(`${pMajor}.${pMinor}.${(pPatch ?? 0) + 1}`);
      expect(after.dependencies[core.name], pkg.name).toBe("workspace:^");
      const log = readFileSync(join(dir, "packages", pkg.dir, "CHANGELOG.md"), "utf8");
      expect(log).toContain(`## ${after.version}`);
      expect(log).toContain(`${core.name}@${coreNext}`);
    }
    // The changeset is consumed; private workspace packages are not versioned.
    expect(existsSync(join(dir, ".changeset/e2e-release.md"))).toBe(false);
    expect(readJson(join(dir, "e2e/package.json")).version).toBe("0.0.0");
    expect(existsSync(join(dir, "e2e/CHANGELOG.md"))).toBe(false);
  });

  it("publishes (dry run) exactly the intended files of every package", () => {
    for (const pkg of packages) {
      const cwd = join(dir, "packages", pkg.dir);
      const out = run("pnpm", ["publish", "--dry-run", "--no-git-checks", "--json"], cwd, env);
      const report = JSON.parse(out.slice(out.indexOf("{")));
      const published = report[pkg.name] ?? report;
      const files = (published.files as { path: string }[]).map((f) => f.path).sort();
      const intended = intendedFiles(cwd, pkg.dir, readJson(join(cwd, "package.json")));
      expect(files, pkg.name).toEqual(intended);
    }
  });

  it("replaces workspace ranges with the released versions in the packed manifest", () => {
    if (!core) return;
    const coreVersion = readJson(join(dir, "packages/core/package.json")).version;
    const dest = join(dir, "tarballs");
    mkdirSync(dest);
    for (const pkg of providers) {
      const cwd = join(dir, "packages", pkg.dir);
      const tarball =
        run("pnpm", ["pack", "--pack-destination", dest], cwd, env).trim().split("\n").at(-1) ?? "";
      const manifest = JSON.parse(
        run("tar", ["-xzOf", tarball, "package/package.json"], dirname(tarball), env),
      );
      expect(manifest.dependencies[core.name], pkg.name).toBe(`^${coreVersion}`);
    }
  });
});
