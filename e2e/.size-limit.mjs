// Size budgets, min+gzip, for every published package (read from packages/*/package.json so a new
// provider is budgeted without editing this file). `pnpm size` (root) builds, then fails when one
// is exceeded.
import { readdirSync, readFileSync } from "node:fs";

/**
 * Each core entry's own code, with openapi-fetch replaced by an empty module: openapi-fetch is
 * counted once, in each provider's budget. (Marking it external instead would add esbuild's
 * CommonJS-require shim for the IIFE bundle, ~0.3 kB that no consumer's bundle contains.)
 */
const CORE_LIMIT = "2 kB";
const withoutOpenapiFetch = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: "empty-openapi-fetch",
      setup(build) {
        build.onResolve({ filter: /^openapi-fetch$/ }, () => ({ path: "x", namespace: "empty" }));
        build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
          contents: "export default () => {}",
        }));
      },
    },
  ],
});
/** A provider entry with everything it pulls in: core and openapi-fetch (~2.6 kB of it). */
const PROVIDER_LIMIT = "4.5 kB";
/**
 * A provider's server-only entries (Clink's `webhooks`: the verifier with core's hmac entry and
 * the error class it throws; no openapi-fetch).
 */
const SERVER_ENTRY_LIMIT = "1.5 kB";

/** A package's manifest, when it is a published one. */
const manifest = (dir) => {
  try {
    const json = JSON.parse(readFileSync(`../packages/${dir}/package.json`, "utf8"));
    return json.private ? undefined : json;
  } catch {
    return undefined;
  }
};
/** Entries besides the root: the `exports` subpaths (`./hmac` -> `hmac`). */
const subpaths = (dir) =>
  Object.keys(manifest(dir).exports ?? {})
    .filter((key) => key !== "." && key !== "./package.json")
    .map((key) => key.slice(2));

const dirs = readdirSync("../packages").filter(manifest);

export default dirs.sort().flatMap((dir) =>
  dir === "core"
    ? ["index", ...subpaths(dir)].map((entry) => ({
        name: `@payclients/core${entry === "index" ? "" : `/${entry}`} (alone)`,
        path: `../packages/core/dist/${entry}.js`,
        gzip: true,
        modifyEsbuildConfig: withoutOpenapiFetch,
        limit: CORE_LIMIT,
      }))
    : [
        {
          name: `@payclients/${dir} (with core and openapi-fetch)`,
          path: `../packages/${dir}/dist/index.js`,
          gzip: true,
          limit: PROVIDER_LIMIT,
        },
        ...subpaths(dir).map((entry) => ({
          name: `@payclients/${dir}/${entry} (with what it imports)`,
          path: `../packages/${dir}/dist/${entry}.js`,
          gzip: true,
          limit: SERVER_ENTRY_LIMIT,
        })),
      ],
);
