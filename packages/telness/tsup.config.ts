import { defineConfig } from "tsup";

// ESM + CJS + declarations for each (index.js / index.cjs / index.d.ts / index.d.cts, which is what
// package.json "exports" points at). Dependencies stay external: consumers dedupe openapi-fetch.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
});
