/**
 * Writes or checks the packaging fields (scripts/src/commands/package-fields.ts) in every
 * published @payclients/* package.
 *
 * `tsx e2e/scripts/package-manifest.ts` writes them into packages/<p>/package.json (idempotent;
 * dependencies and other fields are left alone); `--check` only reports drift and exits 1.
 * The e2e manifest test runs the same comparison, so a new provider package cannot ship without them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// The fields themselves live beside the scaffold, which writes new manifests through them.
import {
  applyFields,
  type Json,
  SUBPATHS,
  subpathStub,
} from "../../scripts/src/commands/package-fields.ts";

export { SUBPATHS };

export const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");

/** Directory names under packages/ whose package.json is not private. */
export function publicPackageDirs(): string[] {
  return readdirSync(join(repoRoot, "packages"))
    .filter((dir) => {
      try {
        return !readManifest(dir).private;
      } catch {
        return false; // a folder without package.json yet (being created by someone else)
      }
    })
    .sort();
}

export function readManifest(dir: string): Json {
  return JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8"));
}

/** Human-readable differences between a manifest and what it should be. */
export function drift(dir: string, manifest: Json): string[] {
  const want = applyFields(dir, manifest);
  const problems: string[] = [];
  for (const key of Object.keys(want)) {
    if (JSON.stringify(manifest[key]) !== JSON.stringify(want[key])) {
      problems.push(
        `packages/${dir}/package.json: "${key}" should be ${JSON.stringify(want[key])}`,
      );
    }
  }
  for (const [name, range] of Object.entries({
    ...(manifest.dependencies as Json | undefined),
    ...(manifest.peerDependencies as Json | undefined),
  })) {
    if (name.startsWith("@payclients/") && range !== "workspace:^") {
      problems.push(`packages/${dir}/package.json: ${name} should be "workspace:^", not ${range}`);
    }
  }
  for (const name of SUBPATHS[dir] ?? []) {
    const file = `packages/${dir}/${name}/package.json`;
    let stub: unknown;
    try {
      stub = JSON.parse(readFileSync(join(repoRoot, file), "utf8"));
    } catch {}
    if (JSON.stringify(stub) !== JSON.stringify(subpathStub(name))) {
      problems.push(`${file} should be ${JSON.stringify(subpathStub(name))}`);
    }
  }
  return problems;
}

function main(): void {
  const check = process.argv.includes("--check");
  let problems = 0;
  for (const dir of publicPackageDirs()) {
    const manifest = readManifest(dir);
    const found = drift(dir, manifest);
    problems += found.length;
    if (check) {
      for (const line of found) console.error(line);
    } else if (found.length > 0) {
      const file = join(repoRoot, "packages", dir, "package.json");
      writeFileSync(file, `${JSON.stringify(applyFields(dir, manifest), null, 2)}\n`);
      for (const name of SUBPATHS[dir] ?? []) {
        mkdirSync(join(repoRoot, "packages", dir, name), { recursive: true });
        const stub = join(repoRoot, "packages", dir, name, "package.json");
        writeFileSync(stub, `${JSON.stringify(subpathStub(name), null, 2)}\n`);
      }
      console.log(`updated packages/${dir}/package.json`);
    }
  }
  if (check && problems > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
