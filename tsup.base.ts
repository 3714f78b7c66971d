import { defineConfig, type Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

/**
 * Our sources are ES modules in a "type": "module" package, so esbuild imports a CommonJS
 * dependency in "node mode" (default import = module.exports) even in the CommonJS build. In a
 * CommonJS file the right interop is Babel's (respect __esModule): openapi-fetch's CJS build sets
 * exports.default = createClient, and node mode would hand us the exports object instead.
 */
const cjsBabelInterop: TsupPlugin = {
  name: "cjs-babel-interop",
  renderChunk(code, chunk) {
    if (this.format !== "cjs" || !chunk.path.endsWith(".cjs")) return;
    return { code: code.replace(/__toESM\((require\("[^"]+"\)), 1\)/g, "__toESM($1)") };
  },
};

/**
 * The one build every published package shares (each package's tsup.config.ts re-exports it;
 * core's extends it with a second entry and a shared chunk, whose rollup pass does the CommonJS
 * interop itself, so the plugin above has nothing to rewrite there): ESM + CJS + declarations for
 * each (index.js / index.cjs / index.d.ts / index.d.cts, which is what package.json "exports"
 * points at). Dependencies stay external: consumers dedupe them.
 *
 * tsup rather than tsdown (0.23.7, tried on core's two entries, issue 14): tsdown does emit a shared
 * error chunk for ESM and CJS and both declaration flavours, but its CJS build imports openapi-fetch
 * in node mode too (`createApiClient` threw "openapi_fetch.default is not a function"), so it would
 * need the same interop fix; its ESM entries measured the same min+gzip (1,998 B) or 5 B more
 * (hmac), its CJS 25% more bytes, and the build took longer. Nothing to gain yet.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  plugins: [cjsBabelInterop],
});
