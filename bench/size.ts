import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { num, table } from "./lib/format.ts";
import { importFrom, ROOT } from "./lib/modules.ts";
import type { Goal, Section } from "./lib/report.ts";

interface Esbuild {
  build: (options: Record<string, unknown>) => Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

const PROVIDERS = ["clink", "telness", "yorlet"] as const;
const LIMIT_KB = 4.5;
const CORE_LIMIT_KB = 2;
const SERVER_ENTRY_LIMIT_KB = 1.5;

/** An esbuild plugin that turns openapi-fetch into an empty module: a core entry's own code. */
const emptyOpenapiFetch = {
  name: "empty-openapi-fetch",
  setup(build: {
    onResolve: (o: { filter: RegExp }, f: () => unknown) => void;
    onLoad: (o: { filter: RegExp; namespace: string }, f: () => unknown) => void;
  }) {
    build.onResolve({ filter: /^openapi-fetch$/ }, () => ({ path: "x", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
      contents: "export default () => {}",
    }));
  },
};

/**
 * min+gzip bytes of an entry bundled exactly as size-limit's esbuild plugin bundles it (the e2e
 * budgets): an IIFE for the browser, minified, gzip -9, less the 32 bytes of an empty bundle. So
 * these figures are the budgets' figures.
 */
async function minGzip(
  esbuild: Esbuild,
  contents: string,
  { external = [] as string[], withoutOpenapiFetch = false, resolveDir = ROOT } = {},
): Promise<number> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    treeShaking: true,
    external,
    plugins: withoutOpenapiFetch ? [emptyOpenapiFetch] : [],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return gzipSync(code, { level: 9 }).length - 32;
}

/** Each provider package's dist, min+gzip, with and without openapi-fetch; each core entry alone. */
export async function sizeBench(): Promise<Section> {
  // esbuild as the e2e size budgets use it (the same version size-limit runs).
  const esbuild = await importFrom<Esbuild>("e2e", "esbuild");
  const rows: string[][] = [];
  const goals: Goal[] = [];
  const kb = (bytes: number) => `${num(bytes / 1000, 2)} kB`;
  const dist = (pkg: string, entry = "index") =>
    JSON.stringify(join(ROOT, "packages", pkg, "dist", `${entry}.js`));
  for (const p of PROVIDERS) {
    const all = `export * from ${dist(p)};`;
    const factory = `create${p[0]?.toUpperCase()}${p.slice(1)}Client`;
    const one = `export { ${factory} } from ${dist(p)};`;
    const withAll = await minGzip(esbuild, all);
    const withoutFetch = await minGzip(esbuild, all, { withoutOpenapiFetch: true });
    const onlyFactory = await minGzip(esbuild, one);
    rows.push([`@payclients/${p}`, kb(withAll), kb(withoutFetch), kb(onlyFactory)]);
    goals.push({
      name: `@payclients/${p} min+gzip with core and openapi-fetch`,
      target: `≤ ${LIMIT_KB} kB`,
      measured: kb(withAll),
      met: withAll <= LIMIT_KB * 1000,
    });
  }
  // Server-only entries of provider packages: what they bundle with their imports.
  const webhooks = await minGzip(esbuild, `export * from ${dist("clink", "webhooks")};`);
  rows.push(["@payclients/clink/webhooks (dist/webhooks.js)", kb(webhooks), "–", "–"]);
  goals.push({
    name: "@payclients/clink/webhooks min+gzip with what it imports",
    target: `≤ ${SERVER_ENTRY_LIMIT_KB} kB`,
    measured: kb(webhooks),
    met: webhooks <= SERVER_ENTRY_LIMIT_KB * 1000,
  });
  for (const entry of ["index", "hmac"]) {
    const name = `@payclients/core${entry === "index" ? "" : `/${entry}`}`;
    const alone = await minGzip(esbuild, `export * from ${dist("core", entry)};`, {
      withoutOpenapiFetch: true,
    });
    rows.push([`${name} alone (dist/${entry}.js)`, "–", kb(alone), "–"]);
    goals.push({
      name: `${name} min+gzip alone`,
      target: `≤ ${CORE_LIMIT_KB} kB`,
      measured: kb(alone),
      met: alone <= CORE_LIMIT_KB * 1000,
    });
  }
  const openapiFetch = await minGzip(esbuild, 'export * from "openapi-fetch";', {
    resolveDir: join(ROOT, "packages", "core"),
  });
  rows.push(["openapi-fetch alone (as core resolves it)", kb(openapiFetch), "–", "–"]);
  const markdown = table(
    [
      "package (dist/index.js)",
      "min+gzip, everything exported",
      "… without openapi-fetch",
      "… only createXClient imported",
    ],
    rows,
  );
  return {
    title: "Bundle size (as size-limit measures it: esbuild IIFE, minified, gzip -9)",
    markdown,
    goals,
  };
}
