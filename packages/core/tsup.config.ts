import { defineConfig } from "tsup";
import base from "../../tsup.base";

// The shared build (tsup.base.ts at the repository root) with a second entry, `hmac`. Splitting,
// also for CommonJS, puts what both entries use (the error classes) in one shared chunk: a copy
// per entry would make `instanceof PayclientsError` fail across them.
export default defineConfig({
  ...(base as object),
  entry: ["src/index.ts", "src/hmac.ts"],
  splitting: true,
  treeshake: true,
});
