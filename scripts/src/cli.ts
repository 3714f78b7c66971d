// The command line: argument parsing, progress output and all file I/O of the pipeline.
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { regen } from "./commands/regen.ts";
import { PipelineError, type Warning } from "./errors.ts";
import { REPO_ROOT } from "./paths.ts";
import { toYaml } from "./pipeline/emit.ts";
import { detectFormat, isSourceFormat, parserFor } from "./sources/index.ts";

const ROOT = REPO_ROOT;

const USAGE = `usage:
  pnpm regen [provider...] [--check] [--fetch] [--force]
  pnpm spec convert <file> [--format openapi|mintlify-markdown|mintlify-page] [--lenient]
  pnpm new-provider <id> --from <file|url> [--format F]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "regen") {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        check: { type: "boolean" },
        fetch: { type: "boolean" },
        force: { type: "boolean" },
      },
    });
    return regen({
      root: process.env.PAYCLIENTS_ROOT ? resolve(process.env.PAYCLIENTS_ROOT) : ROOT,
      providers: positionals,
      check: values.check ?? false,
      fetch: values.fetch ?? false,
      force: values.force ?? false,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  }
  if (command === "spec" && rest[0] === "convert") return convert(rest.slice(1));
  if (command === "new-provider") {
    const { newProvider } = await import("./commands/new-provider-cli.ts");
    return newProvider(rest, ROOT);
  }
  process.stderr.write(`${USAGE}\n`);
  return 1;
}

/** `pnpm spec convert`: one upstream document to OpenAPI YAML on stdout. */
async function convert(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, lenient: { type: "boolean" } },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1)
    throw new PipelineError(`spec convert takes one file\n${USAGE}`);
  if (values.format !== undefined && !isSourceFormat(values.format)) {
    throw new PipelineError(`unknown --format ${values.format}\n${USAGE}`);
  }
  // pnpm runs scripts from the repo root; resolve the user's path against where they typed it.
  const absolute = resolve(process.env.INIT_CWD ?? process.cwd(), path);
  const file = displayPath(absolute);
  const text = await readInput(absolute, file);
  const format = values.format ?? detectFormat(text, file);
  const warn = (w: Warning) =>
    process.stderr.write(`warning: ${w.file}${w.line ? `:${w.line}` : ""}: ${w.message}\n`);
  const doc = parserFor(format)(text, { file, lenient: values.lenient ?? false, warn });
  process.stdout.write(toYaml(doc));
  return 0;
}

async function readInput(path: string, file: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new PipelineError(
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

function displayPath(absolute: string): string {
  const rel = relative(process.env.INIT_CWD ?? process.cwd(), absolute);
  return rel.startsWith("..") ? absolute : rel;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof PipelineError ||
      (error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
    } else {
      // Anything else is a bug in payclients, not the user's input: show everything.
      process.stderr.write(`internal error (please report): ${(error as Error)?.stack ?? error}\n`);
    }
    process.exitCode = 1;
  },
);
