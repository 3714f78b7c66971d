import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ratio, spread, table } from "./lib/format.ts";
import { importFrom, ROOT } from "./lib/modules.ts";
import type { Section } from "./lib/report.ts";
import { type Run, timedRun } from "./lib/spawn.ts";
import { interleave, pairedRatio, summarize } from "./lib/stats.ts";

/** What `pnpm regen` runs: plain node on the esbuild-bundled CLI, rebuilt when sources change. */
const LAUNCHER = join(ROOT, "scripts", "bin", "payclients.mjs");
const OPENAPI_TS = join(ROOT, "scripts", "node_modules", ".bin", "openapi-typescript");

/** A scratch root with a copy of specs/: the regen CLI honours PAYCLIENTS_ROOT, the repo is untouched. */
function scratchRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "payclients-regen-"));
  cpSync(join(ROOT, "specs"), join(dir, "specs"), { recursive: true });
  // The cache key includes the lockfile, as in the real repo.
  cpSync(join(ROOT, "pnpm-lock.yaml"), join(dir, "pnpm-lock.yaml"));
  mkdirSync(join(dir, "packages"));
  return dir;
}

/**
 * For comparison: the same CLI bundled by this benchmark (no staleness check in front of it), run
 * by plain node — what the launcher's own check costs.
 */
async function precompiledCli(): Promise<string> {
  const esbuild = await importFrom<{ build: (o: Record<string, unknown>) => Promise<unknown> }>(
    "e2e",
    "esbuild",
  );
  const dir = mkdtempSync(join(tmpdir(), "payclients-cli-"));
  mkdirSync(join(dir, "src"));
  symlinkSync(join(ROOT, "scripts", "node_modules"), join(dir, "node_modules"), "dir");
  const outfile = join(dir, "src", "cli.mjs");
  await esbuild.build({
    entryPoints: [join(ROOT, "scripts", "src", "cli.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
  });
  return outfile;
}

/** `pnpm regen --force` (cold, all providers) vs one openapi-typescript CLI run, and a no-op regen. */
export async function regenBench(rounds: number): Promise<Section> {
  const root = scratchRoot();
  const out = mkdtempSync(join(tmpdir(), "payclients-ots-"));
  const compiled = await precompiledCli();
  // Its own root: its pipeline hash differs, and its cache must not spoil the no-op runs'.
  const compiledRoot = scratchRoot();
  const env = { PAYCLIENTS_ROOT: root };
  const runs: Record<string, Run[]> = { cold: [], cli: [], noop: [], compiled: [] };
  const record = (key: string) => async () => {
    const command: [string, string[]] =
      key === "compiled"
        ? [process.execPath, [compiled, "regen", "--force"]]
        : commandFor(key, root, out);
    const run = await timedRun(
      ...command,
      key === "compiled" ? { PAYCLIENTS_ROOT: compiledRoot } : env,
    );
    runs[key]?.push(run);
    return run.wallMs;
  };
  // The no-op run follows a cold run in the same root, so its cache is always valid.
  const wall = await interleave(
    {
      cold: record("cold"),
      cli: record("cli"),
      noop: record("noop"),
      compiled: record("compiled"),
    },
    rounds,
  );
  rmSync(root, { recursive: true, force: true });
  rmSync(compiledRoot, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  rmSync(join(compiled, "..", ".."), { recursive: true, force: true });
  // Drop the warm-up run from the CPU lists, as interleave does for wall time.
  const cpu = (key: string) => (runs[key] ?? []).slice(-rounds).map((r) => r.cpuMs);
  const wallRatio = pairedRatio(wall.cold ?? [], wall.cli ?? []);
  const cpuRatio = pairedRatio(cpu("cold"), cpu("cli"));
  const noopRatio = pairedRatio(wall.noop ?? [], wall.cli ?? []);
  const compiledRatio = pairedRatio(wall.compiled ?? [], wall.cli ?? []);
  const compiledCpu = pairedRatio(cpu("compiled"), cpu("cli"));
  const rows = [
    ["regen --force, 3 providers (cold process)", "cold"],
    ["openapi-typescript CLI, Clink spec", "cli"],
    ["regen, no-op (cached, second run)", "noop"],
    ["regen --force, bundled by the benchmark (no launcher check)", "compiled"],
  ].map(([label, key]) => [
    label as string,
    spread(summarize(wall[key as string] ?? []), 0),
    spread(summarize(cpu(key as string)), 0),
  ]);
  const markdown = [
    table(["command", "wall ms, median (p25–p75)", "CPU ms, all processes"], rows),
    "",
    table(
      ["ratio", "wall", "CPU"],
      [
        ["regen cold ÷ openapi-typescript CLI", ratio(wallRatio), ratio(cpuRatio)],
        ["regen no-op ÷ openapi-typescript CLI", ratio(noopRatio), "–"],
        [
          "bundled without launcher, cold ÷ openapi-typescript CLI",
          ratio(compiledRatio),
          ratio(compiledCpu),
        ],
      ],
    ),
  ].join("\n");
  return {
    title: "Pipeline: regen vs the openapi-typescript CLI",
    markdown,
    goals: [
      {
        name: "regen of the 3 providers ÷ one openapi-typescript CLI run (wall)",
        target: "≤ 1.5×",
        measured: `${wallRatio.median.toFixed(2)}× (CPU ${cpuRatio.median.toFixed(2)}×)`,
        met: wallRatio.median <= 1.5,
      },
    ],
  };
}

function commandFor(key: string, root: string, out: string): [string, string[]] {
  const regen = [LAUNCHER, "regen"];
  if (key === "cold") return [process.execPath, [...regen, "--force"]];
  if (key === "noop") return [process.execPath, regen];
  return [OPENAPI_TS, [join(root, "specs", "clink", "openapi.yaml"), "-o", join(out, "clink.ts")]];
}
