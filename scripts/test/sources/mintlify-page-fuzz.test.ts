import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import { expectDocumentOrLocatedError, expectLenientDocument } from "./fuzz-checks.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const PAGES = [
  read("../../../specs/telness/upstream/get-payment-session.txt"),
  read("../../../specs/yorlet/upstream/retrieve-a-payment-session.txt"),
  read("../fixtures/mintlify-page/create-refund.txt"),
  read("../fixtures/mintlify-page/create-subscription-compact.txt"),
  // Our corpus pages in every saved shape (browser copy, text extraction, markdown scrape) that
  // convert cleanly; the error pages are covered by the corpus test.
  ...corpusPages(),
];

function corpusPages(): string[] {
  const dir = new URL("../fixtures/corpus/mintlify-page/", import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(?:txt|md)$/.test(name) && !name.endsWith(".error.txt"))
    .filter((name) => existsSync(new URL(name.replace(/\.[^.]+$/, ".openapi.yaml"), dir)))
    .sort()
    .map((name) => readFileSync(new URL(name, dir), "utf8"));
}
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
// A budget, not an assertion: big FUZZ_RUNS values need more than the 5 s default.
const BUDGET = { timeout: 10_000 + RUNS * 10 };

// Text that has broken parsers before: astral planes, bidi controls, NUL, lone surrogates,
// combining marks, the middle dot of named types, brackets and quotes.
const NASTY = [
  "\u0000",
  "\u202E",
  "\u200F",
  "\uD83D\uDE00",
  "\uD800",
  "\u0301",
  "\u00B7",
  " \u00B7 object",
  "{",
  "}",
  "[",
  '"',
  "'",
  "\\",
  ",",
  "<",
  "[]",
  " | null",
  "__proto__",
  "\r",
  "\uFEFF",
  // The saved shapes: zero-width characters, glued pills, markdown syntax, webhook lines.
  "\u200B",
  "stringrequired",
  "integerdefault:",
  "default:",
  "```",
  "#### Body",
  "# ",
  "[](#body-x)",
  "[",
  "](#x)",
  "===",
  "    ",
  "\\_",
  "&lt;",
  "Show child attributes",
  "Successful Response",
  "200 422",
  "WEBHOOK",
  "cURL",
  "---",
];

type Mutation =
  | { kind: "drop" | "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "truncate"; at: number }
  | { kind: "inject"; at: number; column: number; text: string }
  | { kind: "replace"; at: number; text: string };

const position = fc.nat({ max: 10_000 });
const injected = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop", "duplicate"), at: position }),
  fc.record({ kind: fc.constant("swap"), at: position, with: position }),
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
    else if (m.kind === "swap") {
      const other = lines.length === 0 ? 0 : m.with % lines.length;
      [lines[at], lines[other]] = [lines[other] ?? "", lines[at] ?? ""];
    } else if (m.kind === "truncate") {
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

describe("mintlify-page fuzz", () => {
  const input = fc.tuple(
    fc.constantFrom(...PAGES),
    fc.array(mutation, { minLength: 1, maxLength: 6 }),
  );

  it(`only ever returns a document or throws a located ParseError (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        const mutated = mutate(text, mutations);
        expectDocumentOrLocatedError(parseMintlifyPage, mutated, "fuzz.txt");
      }),
      { numRuns: RUNS },
    );
  });

  it(`never throws in lenient mode and locates every warning (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        expectLenientDocument(parseMintlifyPage, mutate(text, mutations), "fuzz.txt");
      }),
      { numRuns: RUNS },
    );
  });

  it("leaves the unmutated pages free of errors", () => {
    for (const text of PAGES)
      expect(() => parseMintlifyPage(text, { file: "page.txt" })).not.toThrow();
  });
});
