/** Facts about the workspace the e2e tests need: where it is, which packages get published. */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(fileURLToPath(import.meta.url), "../../../..");

export interface PublicPackage {
  /** Folder name under packages/, also the provider id. */
  dir: string;
  name: string;
  version: string;
  path: string;
  manifest: Record<string, unknown>;
}

/** Every packages/<dir> whose package.json is not private, sorted by folder name. */
export function publicPackages(): PublicPackage[] {
  const packagesDir = join(repoRoot, "packages");
  const found: PublicPackage[] = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const file = join(packagesDir, dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    if (manifest.private) continue;
    found.push({
      dir,
      name: manifest.name,
      version: manifest.version,
      path: join(packagesDir, dir),
      manifest,
    });
  }
  return found;
}

/** Fails with a clear message when a package has not been built (turbo's ^build should have). */
export function assertBuilt(pkg: PublicPackage): void {
  for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
    if (!existsSync(join(pkg.path, "dist", file))) {
      throw new Error(
        `${pkg.name} is not built (dist/${file} is missing): run \`pnpm build\` first`,
      );
    }
  }
}

/**
 * The environment for a child pnpm or npm: without the variables `pnpm run` sets for the current
 * package, which would otherwise leak into a project that is not ours.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^(npm_(package|lifecycle|command|execpath|node_execpath)|pnpm_|PNPM_|INIT_CWD)/i.test(key)
    ) {
      continue;
    }
    if (/^npm_config_(user_agent|verify_deps_before_run)$/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command and returns its stdout; on failure the error carries stdout and stderr. */
export function run(cmd: string, args: string[], cwd: string, env = cleanEnv()): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `\`${cmd} ${args.join(" ")}\` failed in ${cwd}\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`,
    );
  }
}

/** `pnpm pack` each package into `dest`; returns the tarball paths (workspace:^ ranges resolved). */
export function packAll(packages: PublicPackage[], dest: string): string[] {
  return packages.map((pkg) => {
    const out = run("pnpm", ["pack", "--pack-destination", dest], pkg.path).trim().split("\n");
    const tarball = out.at(-1) ?? "";
    if (!tarball.endsWith(".tgz"))
      throw new Error(`pnpm pack printed no tarball:\n${out.join("\n")}`);
    return tarball;
  });
}

/**
 * Like run(), without blocking the event loop: use it whenever the child talks to a server that
 * lives in this process (a blocked loop would never answer, and the child would hang).
 */
export function runAsync(
  cmd: string,
  args: string[],
  cwd: string,
  env = cleanEnv(),
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { cwd, env, encoding: "utf8" as const, timeout: timeoutMs };
    execFile(cmd, args, options, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`\`${cmd} ${args.join(" ")}\` failed in ${cwd}\n${stdout}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/**
 * `npm pack` the installed copies of `wanted` (each resolved from its `from` folder) and of all
 * they depend on, into `dest`: a stranger's npm install then takes them from files, not the registry.
 */
export function packInstalled(wanted: { name: string; from: string }[], dest: string): string[] {
  const dirs = new Map<string, string>();
  const visit = (name: string, parent: string) => {
    if (dirs.has(name)) return;
    const manifestPath = realpathSync(
      createRequire(join(parent, "x.js")).resolve(`${name}/package.json`),
    );
    const dir = resolve(manifestPath, "..");
    dirs.set(name, dir);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir);
  };
  for (const { name, from } of wanted) visit(name, from);
  return [...dirs.values()].map((dir) => {
    // pnpm's store hard-links files of equal content, and npm packs a second link to an inode as an
    // empty entry: pack a plain copy.
    const copy = join(dest, ".copy");
    rmSync(copy, { recursive: true, force: true });
    cpSync(dir, copy, { recursive: true });
    const out = run("npm", ["pack", "--ignore-scripts", "--pack-destination", dest, copy], dest);
    rmSync(copy, { recursive: true, force: true });
    return join(dest, out.trim().split("\n").at(-1) ?? "");
  });
}
