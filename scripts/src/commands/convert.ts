// `pnpm spec convert <file|->`: one upstream document to OpenAPI YAML on stdout.
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PipelineError, type Warning } from "../errors.ts";
import { toYaml } from "../pipeline/emit.ts";
import { upgradeSchemas } from "../pipeline/normalize.ts";
import { withoutUndefined } from "../pipeline/openapi-walk.ts";
import { detectFormat, isSourceFormat, parserFor } from "../sources/index.ts";

export const CONVERT_USAGE =
  "pnpm spec convert <file|-> [--format F] [--lenient]   (- reads standard input)";

/** Where convert reads and writes: the process's streams, or a test's. */
export interface ConvertIo {
  /** The directory relative paths are resolved against (where the user typed the command). */
  cwd: string;
  readStdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Converts one document. The detected (or forced) form goes to stderr, so stdout stays a clean
 * YAML document that can be piped on.
 */
export async function convert(args: string[], io: ConvertIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, lenient: { type: "boolean" } },
  });
  const path = positionals[0];
  if (!path || positionals.length > 1) {
    throw new PipelineError(`spec convert takes one file\nusage: ${CONVERT_USAGE}`);
  }
  if (values.format !== undefined && !isSourceFormat(values.format)) {
    throw new PipelineError(`unknown --format ${values.format}\nusage: ${CONVERT_USAGE}`);
  }
  const { text, file } = path === "-" ? await fromStdin(io) : await fromFile(path, io.cwd);
  const format = values.format ?? detectFormat(text, file);
  io.stderr(`${values.format ? "form (from --format)" : "detected form"}: ${format}\n`);
  // A warning's message already names its file and line.
  const warn = (w: Warning) => io.stderr(`warning: ${w.message}\n`);
  const parsed = parserFor(format)(text, { file, lenient: values.lenient ?? false, warn });
  // An embedded OpenAPI 3.0 fragment keeps its 3.0 idioms (`nullable`, boolean exclusive bounds)
  // through the parser; the document printed is 3.1, so they are spelled as 3.1 spells them.
  const doc = withoutUndefined(parsed);
  upgradeSchemas(doc);
  io.stdout(toYaml(doc));
  return 0;
}

async function fromStdin(io: ConvertIo): Promise<{ text: string; file: string }> {
  return { text: await io.readStdin(), file: "<stdin>" };
}

async function fromFile(path: string, cwd: string): Promise<{ text: string; file: string }> {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  const file = rel.startsWith("..") ? absolute : rel;
  try {
    return { text: await readFile(absolute, "utf8"), file };
  } catch (error) {
    throw new PipelineError(
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

/** All of standard input as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
