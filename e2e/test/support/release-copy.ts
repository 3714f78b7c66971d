/**
 * A temporary copy of the repository for release tests: manifests, lockfile, .npmrc, the
 * changesets config and each package's published files (builds, stubs, docs), with the workspace
 * links an install would make, git-initialised with one commit.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { parse } from "yaml";
import { assertBuilt, cleanEnv, publicPackages, repoRoot, run } from "./workspace.ts";

/** The workspace folders pnpm-workspace.yaml names (`dir` and `dir/*` patterns) that hold a package. */
function workspaceDirs(): string[] {
  const config = parse(readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8")) as {
    packages?: string[];
  };
  const dirs: string[] = [];
  for (const pattern of config.packages ?? []) {
    if (pattern.startsWith("!")) continue;
    const base = pattern.replace(/\/\*$/, "");
    const candidates = pattern.endsWith("/*")
      ? readdirSync(join(repoRoot, base)).map((name) => `${base}/${name}`)
      : [base];
    dirs.push(...candidates.filter((dir) => existsSync(join(repoRoot, dir, "package.json"))));
  }
  return dirs.sort();
}

function readJson(file: string): { name: string } {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Makes the copy; `env` runs pnpm, git and changeset in it (the repository's tools on PATH). */
export function makeReleaseCopy(): { dir: string; env: NodeJS.ProcessEnv } {
  const packages = publicPackages();
  for (const pkg of packages) assertBuilt(pkg);
  const dir = mkdtempSync(join(tmpdir(), "payclients-release-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml", ".npmrc"]) {
    if (existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(dir, file));
  }
  mkdirSync(join(dir, ".changeset"));
  cpSync(join(repoRoot, ".changeset/config.json"), join(dir, ".changeset/config.json"));
  // Every workspace manifest, so the lockfile's importers all still exist.
  for (const workspace of workspaceDirs()) {
    mkdirSync(join(dir, workspace), { recursive: true });
    cpSync(join(repoRoot, workspace, "package.json"), join(dir, workspace, "package.json"));
  }
  for (const pkg of packages) {
    // What the manifest's `files` names (builds, subpath stubs, docs), as publish would see it.
    for (const file of pkg.manifest.files as string[]) {
      const from = join(pkg.path, file);
      if (existsSync(from)) cpSync(from, join(dir, "packages", pkg.dir, file), { recursive: true });
    }
  }
  // pnpm resolves `workspace:` ranges (dev ones included) from the installed links: make the
  // links an install would make, to the copies.
  const workspaces = new Map<string, string>();
  for (const workspace of workspaceDirs()) {
    workspaces.set(readJson(join(dir, workspace, "package.json")).name, workspace);
  }
  for (const workspace of workspaces.values()) {
    const manifest = JSON.parse(readFileSync(join(dir, workspace, "package.json"), "utf8"));
    const ranges: Record<string, string> = {
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
    };
    for (const [name, range] of Object.entries(ranges)) {
      const target = workspaces.get(name);
      if (!range.startsWith("workspace:") || !target) continue;
      const link = join(dir, workspace, "node_modules", name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(dir, target), link, "dir");
    }
  }
  // changeset resolves its changelog generator from the repository: lend it ours.
  const cli = realpathSync(join(repoRoot, "node_modules/@changesets/cli"));
  mkdirSync(join(dir, "node_modules/@changesets"), { recursive: true });
  symlinkSync(cli, join(dir, "node_modules/@changesets/cli"), "dir");
  const env = cleanEnv({
    PATH: `${join(repoRoot, "node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`,
    GIT_AUTHOR_NAME: "e2e",
    GIT_AUTHOR_EMAIL: "e2e@example.com",
    GIT_COMMITTER_NAME: "e2e",
    GIT_COMMITTER_EMAIL: "e2e@example.com",
  });
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  run("git", ["init", "-q", "-b", "main"], dir, env);
  run("git", ["add", "-A"], dir, env);
  run("git", ["commit", "-q", "-m", "initial"], dir, env);
  return { dir, env };
}
