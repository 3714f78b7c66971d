// The command line: argument parsing and the process's streams; the commands do the rest.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONVERT_USAGE, convert, readStdin } from "./commands/convert.ts";
import { regen } from "./commands/regen.ts";
import { PipelineError } from "./errors.ts";
import { REPO_ROOT as ROOT } from "./paths.ts";

const USAGE = `usage:
  pnpm regen [provider...] [--check] [--fetch | --discover [--prune]] [--force]
  ${CONVERT_USAGE}
  pnpm new-provider <id> --from <docs site | llms.txt URL | page URL | file> [--format F]
  pnpm lint-workflows`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "regen") {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        check: { type: "boolean" },
        fetch: { type: "boolean" },
        discover: { type: "boolean" },
        prune: { type: "boolean" },
        force: { type: "boolean" },
      },
    });
    if (values.prune && !values.discover) {
      throw new PipelineError("--prune removes pages found vanished: it needs --discover");
    }
    return regen({
      root: process.env.PAYCLIENTS_ROOT ? resolve(process.env.PAYCLIENTS_ROOT) : ROOT,
      providers: positionals,
      check: values.check ?? false,
      fetch: values.fetch ?? false,
      discover: values.discover ?? false,
      prune: values.prune ?? false,
      force: values.force ?? false,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  }
  if (command === "spec" && rest[0] === "convert") {
    return convert(rest.slice(1), {
      // pnpm runs scripts from the repo root; resolve the user's path against where they typed it.
      cwd: process.env.INIT_CWD ?? process.cwd(),
      readStdin,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  }
  if (command === "new-provider") {
    const { newProvider } = await import("./commands/new-provider-cli.ts");
    return newProvider(rest, ROOT);
  }
  if (command === "lint-workflows") {
    const { lintWorkflows } = await import("./commands/lint-workflows.ts");
    return lintWorkflows(ROOT, (line) => process.stdout.write(`${line}\n`));
  }
  process.stderr.write(`${USAGE}\n`);
  return 1;
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
