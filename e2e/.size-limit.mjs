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
 * Over the 4.5 kB target, as a guard against growth: Clink's entry also carries webhook
 * verification (~0.6 kB with its HTTP/2 header handling; one HMAC however many candidate
 * signatures a sender lists; headers read without building a Headers) and the envelope unwrap;
 * it measures 4.94 kB.
 */
const OVER_TARGET = { clink: "4.95 kB" };

const dirs = readdirSync("../packages").filter((dir) => {
  try {
    return !JSON.parse(readFileSync(`../packages/${dir}/package.json`, "utf8")).private;
  } catch {
    return false;
  }
});

export default dirs.sort().flatMap((dir) =>
  dir === "core"
    ? ["index", "hmac"].map((entry) => ({
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
          limit: OVER_TARGET[dir] ?? PROVIDER_LIMIT,
        },
      ],
);
