import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { clientConsumer, fetchConsumer, type ProviderSpec } from "./lib/consumers.ts";
import { num, ratio, spread, table } from "./lib/format.ts";
import { importFrom, ROOT } from "./lib/modules.ts";
import type { Section } from "./lib/report.ts";
import { timedRun } from "./lib/spawn.ts";
import { interleave, pairedRatio, summarize } from "./lib/stats.ts";

const PROVIDERS = ["clink", "telness", "yorlet"];
const DIR = join(ROOT, "bench", ".tmp", "typecheck");
const TSC = join(ROOT, "node_modules", ".bin", "tsc");

/** A typical application tsconfig: strict, bundler resolution, libraries not re-checked. */
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ["index.ts"],
};

async function writeConsumers(): Promise<Record<string, string>> {
  const { parse } = await importFrom<{ parse: (text: string) => Record<string, unknown> }>(
    "scripts",
    "yaml",
  );
  const specs: ProviderSpec[] = PROVIDERS.map((id) => ({
    id,
    factory: `create${id[0]?.toUpperCase()}${id.slice(1)}Client`,
    spec: parse(readFileSync(join(ROOT, "specs", id, "openapi.yaml"), "utf8")),
  }));
  rmSync(DIR, { recursive: true, force: true });
  const dirs: Record<string, string> = {};
  for (const [name, source] of [
    ["payclients clients", clientConsumer(specs)],
    ["plain fetch + hand-written types", fetchConsumer(specs)],
  ] as const) {
    const dir = join(DIR, name.startsWith("payclients") ? "clients" : "fetch");
    mkdirSync(join(dir, "node_modules", "@payclients"), { recursive: true });
    // Links, as a workspace or an installed tarball would give them.
    for (const id of [...PROVIDERS, "core"]) {
      symlinkSync(join(ROOT, "packages", id), join(dir, "node_modules", "@payclients", id), "dir");
    }
    writeFileSync(join(dir, "index.ts"), source);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    dirs[name] = dir;
  }
  return dirs;
}

interface Diagnostics {
  checkS: number;
  totalS: number;
  memoryK: number;
  types: number;
  instantiations: number;
}

async function tsc(dir: string): Promise<{ wallMs: number; diag: Diagnostics }> {
  let text = "";
  const run = await timedRun(TSC, ["-p", dir, "--extendedDiagnostics"], {}, ROOT, (out) => {
    text = out;
  });
  const field = (label: string) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(text)?.[1]);
  return {
    wallMs: run.wallMs,
    diag: {
      checkS: field("Check time"),
      totalS: field("Total time"),
      memoryK: field("Memory used"),
      types: field("Types"),
      instantiations: field("Instantiations"),
    },
  };
}

/** `tsc --noEmit` on a consumer of every operation: payclients clients vs plain fetch. */
export async function typecheckBench(rounds: number): Promise<Section> {
  const dirs = await writeConsumers();
  const diags: Record<string, Diagnostics[]> = {};
  const variants = Object.fromEntries(
    Object.entries(dirs).map(([name, dir]) => [
      name,
      async () => {
        const { wallMs, diag } = await tsc(dir);
        diags[name] = [...(diags[name] ?? []), diag];
        return wallMs;
      },
    ]),
  );
  const wall = await interleave(variants, rounds);
  const names = Object.keys(dirs);
  const last = (name: string) => (diags[name] ?? []).slice(-rounds);
  const pick = (name: string, key: keyof Diagnostics) => last(name).map((d) => d[key]);
  const rows = names.map((name) => [
    name,
    spread(summarize(wall[name] ?? []), 0),
    spread(summarize(pick(name, "checkS").map((s) => s * 1000)), 0),
    num(summarize(pick(name, "memoryK")).median / 1024, 0),
    num(summarize(pick(name, "types")).median, 0),
    num(summarize(pick(name, "instantiations")).median, 0),
  ]);
  const [clients, fetch] = names as [string, string];
  const ratios = table(
    ["payclients ÷ plain fetch", "tsc wall", "check time", "memory"],
    [
      [
        "ratio (paired)",
        ratio(pairedRatio(wall[clients] ?? [], wall[fetch] ?? [])),
        ratio(pairedRatio(pick(clients, "checkS"), pick(fetch, "checkS"))),
        ratio(pairedRatio(pick(clients, "memoryK"), pick(fetch, "memoryK"))),
      ],
    ],
  );
  const markdown = [
    table(
      ["consumer", "tsc wall ms", "check time ms", "memory MB", "types", "instantiations"],
      rows,
    ),
    "",
    ratios,
  ].join("\n");
  return { title: "Type-check cost (tsc --noEmit --extendedDiagnostics)", markdown, goals: [] };
}
