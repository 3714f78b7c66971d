import { toYaml } from "../scripts/src/pipeline/emit.ts";
import { generateTypes } from "../scripts/src/pipeline/generate.ts";
import { normalize } from "../scripts/src/pipeline/normalize.ts";
import type { ProviderConfig } from "../scripts/src/pipeline/provider.ts";
import { checkExamples, lintSpec } from "../scripts/src/pipeline/validate.ts";
import { num, ratio, table } from "./lib/format.ts";
import { importFrom } from "./lib/modules.ts";
import type { Section } from "./lib/report.ts";
import { pairedRatio, quantile } from "./lib/stats.ts";
import { syntheticSpec } from "./lib/synthetic-spec.ts";

interface OpenapiTS {
  default: (doc: unknown, options: { silent: boolean }) => Promise<unknown>;
  astToString: (ast: unknown) => string;
}

const CONFIG: ProviderConfig = {
  id: "synthetic",
  title: "Synthetic API",
  package: "@payclients/synthetic",
  sources: [],
  environments: { production: "https://api.synthetic.test" },
  operationIds: "keep",
};

const STAGES = ["normalize", "emit YAML", "lint", "examples", "generate"] as const;
type Stage = (typeof STAGES)[number];

/** CPU milliseconds of this process since `since` (immune to other processes on a busy machine). */
function cpuSince(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** normalize → YAML → lint → examples → generate, as pipeline.ts runs them; CPU ms per stage. */
async function ours(doc: object): Promise<Record<Stage, number>> {
  const laps = {} as Record<Stage, number>;
  let mark = process.cpuUsage();
  const lap = (stage: Stage) => {
    laps[stage] = cpuSince(mark);
    mark = process.cpuUsage();
  };
  const spec = normalize(doc, CONFIG);
  lap("normalize");
  const yaml = toYaml(spec);
  lap("emit YAML");
  await lintSpec(spec, yaml, "specs/synthetic/openapi.yaml");
  lap("lint");
  checkExamples(spec, "specs/synthetic/openapi.yaml");
  lap("examples");
  await generateTypes(spec, "synthetic");
  lap("generate");
  return laps;
}

/** Scaling on synthetic specs: our stages vs raw openapi-typescript (Node API) on the same spec. */
export async function scaleBench(sizes: [number, number][]): Promise<Section> {
  const ots = await importFrom<OpenapiTS>("scripts", "openapi-typescript");
  const raw = async (doc: object) => {
    const input = structuredClone(doc);
    const start = process.cpuUsage();
    ots.astToString(await ots.default(input, { silent: true }));
    return cpuSince(start);
  };
  // Warm both sides (module loading, Redocly config) so that 10 operations measures work, not startup.
  await ours(syntheticSpec(10));
  await raw(syntheticSpec(10));
  const rows: string[][] = [];
  const stageRows: string[][] = [];
  let goalRatio = Number.NaN;
  let goalRaw = "";
  for (const [operations, rounds] of sizes) {
    const doc = syntheticSpec(operations);
    // Raw openapi-typescript gets the document our generate stage sees: the normalized one.
    const canonical = normalize(doc, CONFIG);
    const totals: number[] = [];
    const raws: number[] = [];
    const stages: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, []])) as never;
    for (let round = 0; round < rounds; round++) {
      // Alternate which side goes first: A B, B A, …
      const pair = round % 2 === 0 ? ["ours", "raw"] : ["raw", "ours"];
      for (const side of pair) {
        if (side === "raw") raws.push(await raw(canonical));
        else {
          const laps = await ours(doc);
          for (const s of STAGES) stages[s].push(laps[s]);
          totals.push(STAGES.reduce((sum, s) => sum + laps[s], 0));
        }
      }
    }
    const r = pairedRatio(totals, raws);
    const gen = pairedRatio(stages.generate, raws);
    const med = (xs: number[]) => quantile(xs, 0.5);
    const perOp = (xs: number[]) => num((med(xs) / operations) * 1000, 0);
    if (operations === 1000) {
      goalRatio = r.median;
      goalRaw = `ours ${num(med(totals), 0)} ms vs raw ${num(med(raws), 0)} ms CPU`;
    }
    rows.push([
      num(operations, 0),
      String(rounds),
      `${num(med(totals), 0)} (${perOp(totals)})`,
      `${num(med(raws), 0)} (${perOp(raws)})`,
      ratio(r),
      ratio(gen),
    ]);
    stageRows.push([num(operations, 0), ...STAGES.map((s) => perOp(stages[s]))]);
  }
  const markdown = [
    table(
      [
        "operations",
        "rounds",
        "ours: CPU ms (µs/op)",
        "raw openapi-typescript: CPU ms (µs/op)",
        "ours ÷ raw",
        "our generate stage ÷ raw",
      ],
      rows,
    ),
    "",
    "Per stage, CPU µs per operation (median) — a column that grows down the table is a stage",
    "that does not scale linearly:",
    "",
    table(["operations", ...STAGES], stageRows),
  ].join("\n");
  return {
    title: "Pipeline: scaling on synthetic specs",
    markdown,
    goals: [
      {
        name: "1,000 operations: normalize + validate + generate ÷ raw openapi-typescript (CPU)",
        target: "≤ 1.3×",
        measured: `${goalRatio.toFixed(2)}× (${goalRaw})`,
        met: goalRatio <= 1.3,
      },
    ],
  };
}
