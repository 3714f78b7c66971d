import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./modules.ts";

/** Wall and CPU milliseconds of one command; CPU sums every Node process it started. */
export interface Run {
  wallMs: number;
  cpuMs: number;
}

const PRELOAD = join(ROOT, "bench", "lib", "cpu-report.cjs");

/** Runs a command to completion, failing loudly on a non-zero exit. */
export async function timedRun(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
  onOutput?: (text: string) => void,
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "payclients-cpu-"));
  const cpuFile = join(dir, "cpu");
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        ...env,
        BENCH_CPU_FILE: cpuFile,
        NODE_OPTIONS: `--require ${PRELOAD}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => output.push(String(d)));
    child.stderr.on("data", (d) => output.push(String(d)));
    child.on("error", reject);
    child.on("close", resolve);
  });
  const wallMs = performance.now() - started;
  if (code !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.join("")}`);
  onOutput?.(output.join(""));
  const lines = readFileSync(cpuFile, "utf8").trim().split("\n");
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: lines.reduce((sum, us) => sum + Number(us), 0) / 1000 };
}
