import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ParseError } from "../../src/errors.ts";
import { toYaml } from "../../src/pipeline/emit.ts";
import { normalize } from "../../src/pipeline/normalize.ts";
import type { ProviderConfig } from "../../src/pipeline/provider.ts";
import { checkExamples, lintSpec } from "../../src/pipeline/validate.ts";
import { detectFormat, parserFor } from "../../src/sources/index.ts";
import { SOURCE_FORMATS } from "../../src/sources/types.ts";

/**
 * The fixture corpus: pages we wrote in every source form and variant, under
 * fixtures/corpus/<form>/<name>.<ext>, each with what it must convert to beside it:
 * `<name>.openapi.yaml` (the parser's output, reviewed by hand) or `<name>.error.txt` (the
 * strict-mode error, file:line included). The form is detected, never given. Set
 * UPDATE_CORPUS=1 to write missing expectations — then read every one before committing it.
 */
const ROOT = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const EXPECTED = /\.(openapi\.yaml|error\.txt)$/;

const cases = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir.name))
          .filter((name) => !EXPECTED.test(name) && !name.startsWith("."))
          .sort()
          .map((name) => ({ form: dir.name, name, path: join(ROOT, dir.name, name) })),
      )
  : [];

function stem(path: string): string {
  return (
    path.slice(0, path.length - basename(path).length) + basename(path).replace(/\.[^.]+$/, "")
  );
}

describe("fixture corpus", () => {
  it("has pages in every form, at least 40 in all", () => {
    const forms = new Set(cases.map((c) => c.form));
    expect([...forms].sort()).toEqual([...SOURCE_FORMATS].sort());
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("$form/$name", ({ form, name, path }) => {
    const text = readFileSync(path, "utf8");
    const file = `corpus/${form}/${name}`;
    let detected: string | undefined;
    try {
      detected = detectFormat(text, file);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
    // A page no form claims (a login page saved in place of a reference) expects detection's
    // own error in its .error.txt; any other page must be detected as its directory's form.
    if (detected !== undefined) expect(detected).toBe(form);
    const okPath = `${stem(path)}.openapi.yaml`;
    const errorPath = `${stem(path)}.error.txt`;
    let output: string;
    let failed = false;
    try {
      output = toYaml(parserFor(detectFormat(text, file))(text, { file }));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      output = `${error.message}\n`;
      failed = true;
    }
    const expectedPath = failed ? errorPath : okPath;
    if (!existsSync(expectedPath) && process.env.UPDATE_CORPUS === "1") {
      writeFileSync(expectedPath, output);
    }
    expect(existsSync(failed ? okPath : errorPath), "the other expectation file").toBe(false);
    const expected = readFileSync(expectedPath, "utf8");
    if (failed) expect(output).toBe(expected);
    else expect(YAML.parse(output)).toEqual(YAML.parse(expected));
  });

  // What regen does with a provider's spec, done to each page's: normalized, linted by Redocly
  // (no errors), every example valid against its schema. A page's reading regen would refuse is
  // a bug of the reader, whatever its expectation says.
  const converted = cases.filter(({ path }) => existsSync(`${stem(path)}.openapi.yaml`));
  it.each(converted)("$form/$name passes regen's checks", async ({ form, name, path }) => {
    const file = `corpus/${form}/${name}`;
    const doc = YAML.parse(readFileSync(`${stem(path)}.openapi.yaml`, "utf8"));
    const spec = normalize(doc, { ...PROVIDER, operationIds: "keep" });
    spec.servers ??= [{ url: "https://api.corpus.invalid" }];
    await lintSpec(spec, toYaml(spec), file);
    checkExamples(spec, file);
  });
});

// A provider of one page, as regen would make it.
const PROVIDER: ProviderConfig = {
  id: "corpus",
  title: "Corpus page",
  package: "@payclients/corpus",
  sources: [],
  environments: { production: "https://api.corpus.invalid" },
  operationIds: "keep",
};
