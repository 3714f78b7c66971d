import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseError, type Warning } from "../../src/errors.ts";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";

const DIR = new URL("../fixtures/corpus/mintlify-mdx/", import.meta.url);
const PAGES = readdirSync(DIR)
  .filter((name) => /\.mdx?$/.test(name))
  .sort()
  .map((name) => readFileSync(new URL(name, DIR), "utf8"));
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
// A budget, not an assertion: each run parses a whole page, and the suite shares the machine.
const BUDGET = { timeout: 30_000 + RUNS * 60 };

// What breaks MDX readers: stray and half-written tags, expression braces, fences, frontmatter
// fences, comments, quotes, astral and control characters, prototype keys.
const NASTY = [
  "<",
  ">",
  "</ParamField>",
  "<ParamField body=",
  '<ParamField query="q" type="enum<string>">',
  '<Expandable title="x">',
  "</Expandable>",
  '<ResponseField name="404 Gone">',
  "{",
  "}",
  "={",
  "required={",
  'type="',
  'type="object[]"',
  "default={[1,",
  "```",
  "```json 200",
  "---",
  "<!--",
  "`",
  '"',
  "'",
  "\\",
  "Available options: ",
  "Required range: ",
  "api: WEBHOOK",
  "openapi: GET /x",
  "__proto__",
  "\u0000",
  "\uD800",
  "\uFEFF",
  "\r",
  "\u202E",
];

type Mutation =
  | { kind: "drop" | "duplicate" | "truncate"; at: number }
  | { kind: "inject" | "replace"; at: number; column: number; text: string };

const position = fc.nat({ max: 10_000 });
const injected = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop", "duplicate", "truncate"), at: position }),
  fc.record({
    kind: fc.constantFrom("inject", "replace"),
    at: position,
    column: position,
    text: injected,
  }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    const at = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.kind === "inject" || m.kind === "replace") {
      const line = lines[at] ?? "";
      const column = m.column % (line.length + 1);
      lines[at] =
        m.kind === "replace" ? m.text : line.slice(0, column) + m.text + line.slice(column);
    } else if (m.kind === "drop") lines.splice(at, 1);
    else if (m.kind === "duplicate") lines.splice(at, 0, lines[at] ?? "");
    else {
      const joined = lines.join("\n");
      lines = joined.slice(0, m.at % (joined.length + 1)).split("\n");
    }
  }
  return lines.join("\n");
}

/** Schema shapes a document must never have: empty enums, required names without a property. */
function problems(node: unknown, at = "", depth = 0): string[] {
  if (depth > 200 || node === null || typeof node !== "object") return [];
  if (Array.isArray(node))
    return node.flatMap((item, i) => problems(item, `${at}/${i}`, depth + 1));
  const record = node as Record<string, unknown>;
  const found: string[] = [];
  if (Array.isArray(record.enum) && record.enum.length === 0) found.push(`${at}: empty enum`);
  if (Array.isArray(record.required) && typeof record.properties === "object") {
    for (const name of record.required) {
      if (!Object.hasOwn(record.properties as object, name)) found.push(`${at}: required ${name}`);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== "example" && key !== "examples")
      found.push(...problems(value, `${at}/${key}`, depth + 1));
  }
  return found;
}

const input = fc.tuple(
  fc.constantFrom(...PAGES),
  fc.array(mutation, { minLength: 1, maxLength: 6 }),
);

describe("mintlify-mdx fuzz", () => {
  it("has the corpus pages to mutate", () => expect(PAGES.length).toBeGreaterThanOrEqual(10));

  it(`strict mode returns a document or throws a located ParseError (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        try {
          const doc = parseMintlifyMdx(mutate(text, mutations), { file: "fuzz.mdx" });
          expect(doc.openapi).toBe("3.1.0");
          JSON.stringify(doc);
          expect(problems(doc)).toEqual([]);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          expect(error.file).toBe("fuzz.mdx");
          expect(Number.isInteger(error.line) && (error.line as number) >= 1).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`lenient mode never throws and locates every warning (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        const warnings: Warning[] = [];
        const doc = parseMintlifyMdx(mutate(text, mutations), {
          file: "fuzz.mdx",
          lenient: true,
          warn: (w) => warnings.push(w),
        });
        expect(doc.openapi).toBe("3.1.0");
        expect(typeof doc.paths).toBe("object");
        JSON.stringify(doc);
        expect(problems(doc)).toEqual([]);
        for (const w of warnings) expect((w.line ?? 0) >= 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on arbitrary text in lenient mode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        parseMintlifyMdx(text, { file: "any.mdx", lenient: true });
      }),
      { numRuns: Math.min(RUNS, 300) },
    );
  });
});
