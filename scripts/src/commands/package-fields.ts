/**
 * The packaging fields every published @payclients/* package carries, in one place: the scaffold
 * (`pnpm new-provider`) writes a new package's manifest through `applyFields`, and
 * e2e/scripts/package-manifest.ts writes or checks every package against the same fields.
 * Pure: no file system.
 */

const REPO_URL = "git+https://github.com/payclients/payclients.git";

/** Keywords shared by every package; the provider id is added per package. */
const KEYWORDS = ["payments", "openapi", "openapi-fetch", "typescript", "sdk", "api-client"];

export type Json = Record<string, unknown>;

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
export const ORDER = [
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

/** Returns the manifest with the packaging fields applied and keys in the preferred order. */
export function applyFields(dir: string, manifest: Json): Json {
  const merged: Json = { ...manifest, ...expectedFields(dir) };
  merged.scripts = { ...(manifest.scripts as Json | undefined), ...expectedScripts };
  const out: Json = {};
  for (const key of ORDER) if (key in merged) out[key] = merged[key];
  for (const key of Object.keys(merged)) if (!(key in out)) out[key] = merged[key];
  return out;
}
