// Measures the converter on held-out pages kept outside the project:
//   pnpm exec tsx scripts/src/holdout/run.ts <dir>... [--lenient] [--verbose] [--lint]
// Each page is `<id>.<ext>` beside `<id>.truth.json` (what a person read off the page; see
// score.ts). Prints each page's result, then pages and fields right, per form and in all.
// --lint also puts each converted page through what regen does to a provider's spec (normalize,
// the OpenAPI linter, every example against its schema) and counts the pages that pass.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { toYaml } from "../pipeline/emit.ts";
import { normalize, upgradeSchemas } from "../pipeline/normalize.ts";
import { withoutUndefined } from "../pipeline/openapi-walk.ts";
import type { ProviderConfig } from "../pipeline/provider.ts";
import { checkExamples, lintSpec } from "../pipeline/validate.ts";
import { detectFormat, parserFor } from "../sources/index.ts";
import { type PageResult, scorePage, type Truth } from "./score.ts";

interface Page {
  id: string;
  file: string;
  truth: Truth;
}

async function pagesIn(dir: string): Promise<Page[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const pages: Page[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pages.push(...(await pagesIn(path)));
    if (!entry.name.endsWith(".truth.json")) continue;
    const id = entry.name.slice(0, -".truth.json".length);
    const page = entries.find(
      (other) => other.name.startsWith(`${id}.`) && !other.name.endsWith(".truth.json"),
    );
    if (!page) throw new Error(`${path}: no page beside it`);
    const truth = JSON.parse(await readFile(path, "utf8")) as Truth;
    pages.push({ id: join(dir, id), file: join(dir, page.name), truth });
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}

function convert(text: string, file: string, lenient: boolean) {
  const format = detectFormat(text, file);
  const doc = withoutUndefined(parserFor(format)(text, { file, lenient, warn: () => {} }));
  upgradeSchemas(doc);
  return { format, doc: doc as Record<string, unknown> };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lenient: { type: "boolean", default: false },
    verbose: { type: "boolean", short: "v", default: false },
    lint: { type: "boolean", default: false },
  },
});

// A provider of one page, as regen would make it: the page's own ids kept, one server.
const CONFIG: ProviderConfig = {
  id: "holdout",
  title: "Held-out page",
  package: "@payclients/holdout",
  sources: [],
  environments: { production: "https://api.holdout.invalid" },
  operationIds: "keep",
};

/** Why regen would refuse this page's spec, or undefined when it passes. */
async function regenProblem(
  doc: Record<string, unknown>,
  file: string,
): Promise<string | undefined> {
  try {
    const spec = normalize(structuredClone(doc), CONFIG);
    await lintSpec(spec, toYaml(spec), file);
    checkExamples(spec, file);
    return undefined;
  } catch (error) {
    return (error as Error).message.split("\n").slice(0, 3).join(" ").slice(0, 300);
  }
}
let linted = 0;
let lintPassed = 0;

const totals = new Map<
  string,
  { pages: number; right: number; fields: number; fieldsRight: number }
>();
const tally = (form: string, result: PageResult) => {
  for (const key of [form, "all"]) {
    const t = totals.get(key) ?? { pages: 0, right: 0, fields: 0, fieldsRight: 0 };
    t.pages++;
    if (result.operation) t.right++;
    t.fields += result.fields.length;
    t.fieldsRight += result.fields.filter((f) => f.found && f.wrong.length === 0).length;
    totals.set(key, t);
  }
};

for (const dir of positionals) {
  for (const page of await pagesIn(dir)) {
    const text = await readFile(page.file, "utf8");
    let result: PageResult;
    let note = "";
    try {
      const { format, doc } = convert(text, page.file, values.lenient);
      note = format;
      result = scorePage(doc, page.truth);
      if (values.lint) {
        linted++;
        const problem = await regenProblem(doc, page.file);
        if (problem === undefined) lintPassed++;
        else note += `; regen would refuse: ${problem}`;
      }
    } catch (error) {
      note = `refused: ${(error as Error).message.split("\n")[0]}`;
      result = scorePage(undefined, page.truth);
    }
    tally(page.truth.form ?? "unknown", result);
    const right = result.fields.filter((f) => f.found && f.wrong.length === 0).length;
    const mark = result.operation && right === result.fields.length ? "ok " : "BAD";
    console.log(`${mark} ${page.id}  ${right}/${result.fields.length}  (${note})`);
    if (!values.verbose) continue;
    if (!result.operation) {
      console.log(
        `    operation: want ${page.truth.method} ${page.truth.path}, got ${result.gotOperation}`,
      );
    }
    for (const field of result.fields) {
      if (!field.found) console.log(`    missing ${field.field}`);
      else if (field.wrong.length) console.log(`    ${field.field}: ${field.wrong.join("; ")}`);
    }
    if (result.extra.length) console.log(`    extra: ${result.extra.join(", ")}`);
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "—");
if (values.lint)
  console.log(
    `regen     ${lintPassed}/${linted} converted pages pass normalize, lint and examples`,
  );
for (const [form, t] of [...totals].sort()) {
  console.log(
    `${form.padEnd(9)} pages ${t.right}/${t.pages} (${pct(t.right, t.pages)}%)  fields ${t.fieldsRight}/${t.fields} (${pct(t.fieldsRight, t.fields)}%)`,
  );
}
