/**
 * The packaging fields every published @payclients/* package carries, in one place.
 *
 * `tsx e2e/scripts/package-manifest.ts` writes them into packages/<p>/package.json (idempotent;
 * dependencies and other fields are left alone); `--check` only reports drift and exits 1.
 * The e2e manifest test runs the same comparison, so a new provider package cannot ship without them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");

const REPO_URL = "git+https://github.com/payclients/payclients.git";

/** Keywords shared by every package; the provider id is added per package. */
const KEYWORDS = ["payments", "openapi", "openapi-fetch", "typescript", "sdk", "api-client"];

type Json = Record<string, unknown>;

/**
 * Entry points besides `.`, per package: each is a tsup entry (src/<name>.ts), an `exports`
 * subpath, and a <name>/package.json stub that points tools without `exports` support (TypeScript's
 * node10 resolution, old bundlers) at its builds.
 */
export const SUBPATHS: Record<string, string[]> = { core: ["hmac"], clink: ["webhooks"] };

/** The fields a package at packages/<dir> must have, as they must appear in package.json. */
export function expectedFields(dir: string): Json {
  const subpaths = SUBPATHS[dir] ?? [];
  // Types first in each condition: TypeScript takes the first match, and the ESM and CJS builds
  // each need their own declaration file (index.d.ts vs index.d.cts).
  const entry = (name: string) => ({
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  });
  return {
    keywords: dir === "core" ? [...KEYWORDS, "webhooks"] : [...KEYWORDS, dir],
    homepage: `https://github.com/payclients/payclients/tree/main/packages/${dir}#readme`,
    bugs: { url: "https://github.com/payclients/payclients/issues" },
    repository: { type: "git", url: REPO_URL, directory: `packages/${dir}` },
    license: "MIT",
    author: "payclients contributors",
    type: "module",
    sideEffects: false,
    exports: {
      ".": entry("index"),
      ...Object.fromEntries(subpaths.map((name) => [`./${name}`, entry(name)])),
      "./package.json": "./package.json",
    },
    // For tools that predate `exports` (moduleResolution node10, old bundlers).
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    files: ["dist", ...subpaths, "README.md", "LICENSE", "CHANGELOG.md"],
    // What CI proves (e2e/test/registry.test.ts runs the published packages on each): Node 20, 22
    // and 24. (Bun and Deno, proven too, have no engines key that they read.)
    engines: { node: "^20.19.0 || ^22.0.0 || ^24.0.0" },
    publishConfig: { access: "public" },
  };
}

/**
 * The <name>/package.json stub of a subpath entry (see SUBPATHS), with the same `main` / `module`
 * pair as the root: a tool that prefers `module` must get ESM for both, or the error classes would
 * load twice (once per module system) and `instanceof` would fail between the entries.
 */
export const subpathStub = (name: string): Json => ({
  main: `../dist/${name}.cjs`,
  module: `../dist/${name}.js`,
  types: `../dist/${name}.d.cts`,
});

/** Scripts every package needs (others, such as test and typecheck, belong to the package owner). */
export const expectedScripts: Json = {
  build: "tsup",
  "lint:package": "publint --strict && attw --pack .",
};

/** Preferred key order for the top of package.json; unknown keys keep their order after these. */
const ORDER = [
  "name",
  "version",
  "description",
  "keywords",
  "homepage",
  "bugs",
  "repository",
  "license",
  "author",
  "type",
  "sideEffects",
  "exports",
  "main",
  "module",
  "types",
  "files",
  "engines",
  "publishConfig",
  "scripts",
];

/** Directory names under packages/ whose package.json is not private. */
export function publicPackageDirs(): string[] {
  return readdirSync(join(repoRoot, "packages"))
    .filter((dir) => {
      try {
        return !readManifest(dir).private;
      } catch {
        return false; // a folder without package.json yet (being created by someone else)
      }
    })
    .sort();
}

export function readManifest(dir: string): Json {
  return JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8"));
}

/** Returns the manifest with the packaging fields applied and keys in the preferred order. */
export function applyFields(dir: string, manifest: Json): Json {
  const merged: Json = { ...manifest, ...expectedFields(dir) };
  merged.scripts = { ...(manifest.scripts as Json | undefined), ...expectedScripts };
  const out: Json = {};
  for (const key of ORDER) if (key in merged) out[key] = merged[key];
  for (const key of Object.keys(merged)) if (!(key in out)) out[key] = merged[key];
  return out;
}

/** Human-readable differences between a manifest and what it should be. */
export function drift(dir: string, manifest: Json): string[] {
  const want = applyFields(dir, manifest);
  const problems: string[] = [];
  for (const key of Object.keys(want)) {
    if (JSON.stringify(manifest[key]) !== JSON.stringify(want[key])) {
      problems.push(
        `packages/${dir}/package.json: "${key}" should be ${JSON.stringify(want[key])}`,
      );
    }
  }
  for (const [name, range] of Object.entries({
    ...(manifest.dependencies as Json | undefined),
    ...(manifest.peerDependencies as Json | undefined),
  })) {
    if (name.startsWith("@payclients/") && range !== "workspace:^") {
      problems.push(`packages/${dir}/package.json: ${name} should be "workspace:^", not ${range}`);
    }
  }
  for (const name of SUBPATHS[dir] ?? []) {
    const file = `packages/${dir}/${name}/package.json`;
    let stub: unknown;
    try {
      stub = JSON.parse(readFileSync(join(repoRoot, file), "utf8"));
    } catch {}
    if (JSON.stringify(stub) !== JSON.stringify(subpathStub(name))) {
      problems.push(`${file} should be ${JSON.stringify(subpathStub(name))}`);
    }
  }
  return problems;
}

function main(): void {
  const check = process.argv.includes("--check");
  let problems = 0;
  for (const dir of publicPackageDirs()) {
    const manifest = readManifest(dir);
    const found = drift(dir, manifest);
    problems += found.length;
    if (check) {
      for (const line of found) console.error(line);
    } else if (found.length > 0) {
      const file = join(repoRoot, "packages", dir, "package.json");
      writeFileSync(file, `${JSON.stringify(applyFields(dir, manifest), null, 2)}\n`);
      for (const name of SUBPATHS[dir] ?? []) {
        mkdirSync(join(repoRoot, "packages", dir, name), { recursive: true });
        const stub = join(repoRoot, "packages", dir, name, "package.json");
        writeFileSync(stub, `${JSON.stringify(subpathStub(name), null, 2)}\n`);
      }
      console.log(`updated packages/${dir}/package.json`);
    }
  }
  if (check && problems > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
