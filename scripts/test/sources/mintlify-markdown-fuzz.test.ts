import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseError, type Warning } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyMarkdown } from "../../src/sources/mintlify-markdown.ts";
import { parseOpenAPI } from "../../src/sources/openapi.ts";

const corpus = new URL("../fixtures/corpus/mintlify-markdown/", import.meta.url);
const PAGES = [
  readFileSync(
    new URL("../../../specs/clink/upstream/get-agent-payment-session.md", import.meta.url),
    "utf8",
  ),
  ...readdirSync(corpus)
    .filter((name) => name.endsWith(".md"))
    .map((name) => readFileSync(new URL(name, corpus), "utf8")),
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const BUDGET = { timeout: 10_000 + RUNS * 20 };

// Text that has broken parsers before, plus what matters to this form: fences, tildes, YAML
// indicators, a second heading, keys Mintlify's summary reads.
const NASTY = [
  "\u0000",
  "\u202E",
  "\uD800",
  "\uFEFF",
  "\r",
  "````",
  "```",
  "~~~",
  "````yaml POST /x",
  "## OpenAPI",
  "# Source: x",
  "---",
  ": ",
  "- ",
  "&a",
  "*a",
  "!!binary",
  "{",
  "[",
  '"',
  "__proto__",
  "constructor",
  "  schemaArray: 1",
  "  type: webhook",
  "    security: 3",
  "allOf:",
  "<string>",
];

type Mutation =
  | { kind: "drop" | "duplicate"; at: number }
  | { kind: "truncate"; at: number }
  | { kind: "inject"; at: number; column: number; text: string }
  | { kind: "replace"; at: number; text: string };

const position = fc.nat({ max: 10_000 });
const injected = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 8 }));
const mutation = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop", "duplicate"), at: position }),
  fc.record({ kind: fc.constant("truncate"), at: position }),
  fc.record({ kind: fc.constant("inject"), at: position, column: position, text: injected }),
  fc.record({ kind: fc.constant("replace"), at: position, text: injected }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    const at = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.kind === "drop") lines.splice(at, 1);
    else if (m.kind === "duplicate") lines.splice(at, 0, lines[at] ?? "");
    else if (m.kind === "truncate") {
      const joined = lines.join("\n");
      lines = joined.slice(0, m.at % (joined.length + 1)).split("\n");
    } else if (m.kind === "inject") {
      const line = lines[at] ?? "";
      const column = m.column % (line.length + 1);
      lines[at] = line.slice(0, column) + m.text + line.slice(column);
    } else if (m.kind === "replace") lines[at] = m.text;
  }
  return lines.join("\n");
}

const input = fc.tuple(
  fc.constantFrom(...PAGES),
  fc.array(mutation, { minLength: 1, maxLength: 6 }),
);

function located(error: unknown): void {
  if (!(error instanceof ParseError)) throw error;
  expect(error.file).toBe("fuzz.md");
  expect(Number.isInteger(error.line) && (error.line as number) >= 1).toBe(true);
}

describe("mintlify-markdown fuzz", () => {
  it(`returns a document or throws a located ParseError (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        const mutated = mutate(text, mutations);
        try {
          const doc = parseMintlifyMarkdown(mutated, { file: "fuzz.md" });
          expect(typeof doc.openapi).toBe("string");
          JSON.stringify(doc);
        } catch (error) {
          located(error);
        }
        // Detection never crashes either, whatever it decides.
        try {
          detectFormat(mutated, "fuzz.md");
        } catch (error) {
          located(error);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`in lenient mode only unreadable YAML still throws (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        const warnings: Warning[] = [];
        try {
          parseMintlifyMarkdown(mutate(text, mutations), {
            file: "fuzz.md",
            lenient: true,
            warn: (w) => warnings.push(w),
          });
        } catch (error) {
          located(error);
        }
        for (const w of warnings) expect((w.line ?? 0) >= 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`the openapi form returns a document or a located ParseError (${RUNS} runs)`, BUDGET, () => {
    const docs = PAGES.map(
      (page) => /\n(openapi:[\s\S]*?)\n(?:````|```|~~~)/.exec(page)?.[1],
    ).filter((doc): doc is string => doc !== undefined);
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.array(mutation, { maxLength: 6 }), (doc, ms) => {
        try {
          parseOpenAPI(mutate(doc, ms), { file: "fuzz.md" });
        } catch (error) {
          located(error);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
