// `pnpm new-provider <id> --from <file|url> [--format F]`: the I/O around scaffoldProvider.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PipelineError } from "../errors.ts";
import { detectFormat, isSourceFormat, parserFor } from "../sources/index.ts";
import { scaffoldProvider } from "./new-provider.ts";

/** Scaffolds specs/<id>/ and packages/<id>/, links the new package, and says what comes next. */
export async function newProvider(args: string[], root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: "string" }, format: { type: "string" } },
  });
  const [id] = positionals;
  if (!id || !values.from || positionals.length > 1) {
    throw new PipelineError("usage: pnpm new-provider <id> --from <file|url> [--format F]");
  }
  if (values.format !== undefined && !isSourceFormat(values.format)) {
    throw new PipelineError(`unknown --format ${values.format}`);
  }
  for (const dir of [`specs/${id}`, `packages/${id}`]) {
    if (existsSync(join(root, dir))) throw new PipelineError(`${dir} already exists`);
  }
  const isUrl = /^https?:\/\//.test(values.from);
  const { text, file } = isUrl ? await download(values.from) : await readLocal(values.from);
  const format = values.format ?? detectFormat(text, file);
  const doc = parserFor(format)(text, { file });
  const versions = await workspaceVersions(root);
  const files = scaffoldProvider({
    id,
    format,
    snapshotName: snapshotName(file, format),
    snapshot: text,
    url: isUrl ? values.from : undefined,
    doc,
    versions,
  });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content, { flag: "wx" });
    process.stdout.write(`created ${path}\n`);
  }
  // Link the new workspace package so that regen's output builds and type-checks right away; the
  // lockfile gains the new package, so it cannot be frozen (pnpm freezes it by default under CI).
  const install = spawnSync("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], {
    cwd: root,
    stdio: "inherit",
  });
  if (install.status !== 0) throw new PipelineError("pnpm install failed: run it by hand");
  process.stdout.write(`\nnext: pnpm regen ${id}   (then pnpm build && pnpm test)\n`);
  return 0;
}

async function readLocal(path: string): Promise<{ text: string; file: string }> {
  const absolute = resolve(process.env.INIT_CWD ?? process.cwd(), path);
  try {
    return { text: await readFile(absolute, "utf8"), file: path };
  } catch (error) {
    throw new PipelineError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

async function download(url: string): Promise<{ text: string; file: string }> {
  const { fetchSnapshot } = await import("../upstream/fetch.ts");
  // The content check happens below, once the format is known: here only a non-empty body.
  const text = await fetchSnapshot(url, {
    check: (body) => {
      if (!body.trim()) throw new PipelineError(`${url}: empty response`);
    },
  });
  return { text, file: url };
}

async function workspaceVersions(root: string): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(join(root, "packages/core/package.json"), "utf8"));
  return { ...manifest.devDependencies, ...manifest.dependencies };
}

function snapshotName(file: string, format: string): string {
  const name = basename(new URL(file, "file:///").pathname).replace(/[^\w.-]+/g, "-");
  const ext = format === "mintlify-markdown" ? ".md" : format === "openapi" ? "" : ".txt";
  return name && name !== "-"
    ? ext && !name.includes(".")
      ? name + ext
      : name
    : `page${ext || ".yaml"}`;
}
