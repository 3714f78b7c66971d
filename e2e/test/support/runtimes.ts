/**
 * The runtimes the published packages are proven on, each from the npm registry: Node 24 is the
 * toolchain's own (the root package.json's `node` package), Node 20 and 22 are the `node` package
 * at those versions, Bun and Deno their npm packages. Installed once per version into a cache
 * folder under the OS temp dir (a second run reuses it), each in its own folder so that no two
 * `node` binaries meet.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanEnv, runAsync } from "./workspace.ts";

export interface Runtime {
  name: string;
  /** The executable and the arguments before the script's path. */
  command: string;
  args: string[];
  /** Whether it runs CommonJS files (`.cjs`) as Node does; all of them run ES modules. */
  commonjs: boolean;
}

/** The npm packages (exact versions) and the binary each installs. */
const PINNED = [
  { name: "Node 20", spec: "node@20.20.2", bin: "node", args: [], commonjs: true },
  { name: "Node 22", spec: "node@22.23.3", bin: "node", args: [], commonjs: true },
  { name: "Bun", spec: "bun@1.4.5", bin: "bun", args: ["run"], commonjs: true },
  {
    name: "Deno",
    spec: "deno@2.9.6",
    bin: "deno",
    // Loopback only, the project's files, and no type check (these are plain JavaScript files).
    args: ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env"],
    commonjs: false,
  },
] as const;

const CACHE = join(tmpdir(), "payclients-runtimes");

/** Installs what is missing (in parallel) and returns every runtime, Node 24 first. */
export async function installRuntimes(): Promise<Runtime[]> {
  const runtimes: Runtime[] = [
    { name: "Node 24", command: process.execPath, args: [], commonjs: true },
  ];
  await Promise.all(
    PINNED.map(async (pin) => {
      const dir = join(CACHE, pin.spec);
      const command = join(dir, "node_modules", ".bin", pin.bin);
      if (!existsSync(command)) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
        const env = cleanEnv({ npm_config_update_notifier: "false" });
        const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", pin.spec];
        await runAsync("npm", args, dir, env, 600_000);
      }
      runtimes.push({ name: pin.name, command, args: [...pin.args], commonjs: pin.commonjs });
    }),
  );
  const order = ["Node 20", "Node 22", "Node 24", "Bun", "Deno"];
  return runtimes.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
