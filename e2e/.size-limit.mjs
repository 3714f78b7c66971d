// Size budgets, min+gzip, for every published package (read from packages/*/package.json so a new
// provider is budgeted without editing this file). `pnpm size` (root) builds, then fails when one
// is exceeded.
import { readdirSync, readFileSync } from "node:fs";

/** Core's own code; openapi-fetch is counted once, in each provider's budget. */
const CORE_LIMIT = "2 kB";
/** A provider entry with everything it pulls in: core and openapi-fetch. */
const PROVIDER_LIMIT = "4.5 kB";

const dirs = readdirSync("../packages").filter((dir) => {
  try {
    return !JSON.parse(readFileSync(`../packages/${dir}/package.json`, "utf8")).private;
  } catch {
    return false;
  }
});

export default dirs.sort().map((dir) =>
  dir === "core"
    ? {
        name: "@payclients/core (alone)",
        path: "../packages/core/dist/index.js",
        gzip: true,
        ignore: ["openapi-fetch"],
        limit: CORE_LIMIT,
      }
    : {
        name: `@payclients/${dir} (with core and openapi-fetch)`,
        path: `../packages/${dir}/dist/index.js`,
        gzip: true,
        limit: PROVIDER_LIMIT,
      },
);
