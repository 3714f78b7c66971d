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

/** min+gzip bytes of an ESM entry bundled for browsers, as a user's bundler would ship it. */
async function minGzip(
  esbuild: Esbuild,
  contents: string,
  external: string[],
  resolveDir = ROOT,
): Promise<number> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    external,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return gzipSync(code, { level: 9 }).length;
}

/** Each provider package's dist, min+gzip, with and without openapi-fetch; core alone for scale. */
export async function sizeBench(): Promise<Section> {
  // esbuild as the e2e size budgets use it (the same version size-limit runs).
  const esbuild = await importFrom<Esbuild>("e2e", "esbuild");
  const rows: string[][] = [];
  const goals: Goal[] = [];
  const kb = (bytes: number) => `${num(bytes / 1000, 2)} kB`;
  const dist = (pkg: string) => JSON.stringify(join(ROOT, "packages", pkg, "dist", "index.js"));
  for (const p of PROVIDERS) {
    const all = `export * from ${dist(p)};`;
    const factory = `create${p[0]?.toUpperCase()}${p.slice(1)}Client`;
    const one = `export { ${factory} } from ${dist(p)};`;
    const withAll = await minGzip(esbuild, all, []);
    const withoutFetch = await minGzip(esbuild, all, ["openapi-fetch"]);
    const onlyFactory = await minGzip(esbuild, one, []);
    rows.push([`@payclients/${p}`, kb(withAll), kb(withoutFetch), kb(onlyFactory)]);
    goals.push({
      name: `@payclients/${p} min+gzip with core and openapi-fetch`,
      target: `≤ ${LIMIT_KB} kB`,
      measured: kb(withAll),
      met: withAll <= LIMIT_KB * 1000,
    });
  }
  const core = await minGzip(esbuild, `export * from ${dist("core")};`, ["openapi-fetch"]);
  const openapiFetch = await minGzip(
    esbuild,
    'export * from "openapi-fetch";',
    [],
    join(ROOT, "packages", "core"),
  );
  rows.push(["@payclients/core alone", "–", kb(core), "–"]);
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
  return { title: "Bundle size (esbuild, browser, minified, gzip -9)", markdown, goals };
}
