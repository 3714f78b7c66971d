/** Finds the ```ts code blocks of the READMEs, with where they start and whether they may run. */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { publicPackages, repoRoot } from "./workspace.ts";

export interface CodeBlock {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the first line of code (the line after the opening fence). */
  line: number;
  code: string;
  /** False when `<!-- not-run ... -->` precedes the fence: type-checked only. */
  run: boolean;
  /** A file name unique to this block, e.g. `clink-L42`. */
  id: string;
}

/** The root README and every published package's README that exists. */
export function readmeFiles(): string[] {
  const files = [
    join(repoRoot, "README.md"),
    ...publicPackages().map((p) => join(p.path, "README.md")),
  ];
  return files.filter((file) => existsSync(file));
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/;
const NOT_RUN = /^<!--\s*not-run\b[\s\S]*-->$/;

/** Extracts the TypeScript blocks (```ts or ```typescript) of one markdown file. */
export function extractBlocks(file: string, text = readFileSync(file, "utf8")): CodeBlock[] {
  const readme = relative(repoRoot, file);
  const slug = readme === "README.md" ? "root" : readme.split("/").at(-2);
  const lines = text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let previous = "";
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? "");
    if (!open) {
      if ((lines[i] ?? "").trim() !== "") previous = (lines[i] ?? "").trim();
      continue;
    }
    const fence = open[1] ?? "```";
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? "").trimStart().startsWith(fence)) end++;
    if (open[2] === "ts" || open[2] === "typescript") {
      blocks.push({
        readme,
        line: start + 1,
        code: lines.slice(start, end).join("\n"),
        run: !NOT_RUN.test(previous),
        id: `${slug}-L${start + 1}`,
      });
    }
    previous = "";
    i = end;
  }
  return blocks;
}

/** Environment variables a block reads (`process.env.NAME` or `process.env["NAME"]`). */
export function envNames(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/process\.env(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])/g)) {
    names.add((match[1] ?? match[2]) as string);
  }
  return [...names].sort();
}

/** Whether a block calls an API through a client (`client.GET(...)`, `clink.POST(...)`, ...). */
export function callsApi(code: string): boolean {
  return /\.(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\s*\(/.test(code);
}
